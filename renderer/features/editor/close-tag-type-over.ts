import { EditorSelection, Prec, StateEffect, StateField, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

/** One replacement and where the caret goes after it. */
export interface TypeOverEdit {
  from: number;
  to: number;
  insert: string;
  caret: number;
}

/** How far the type-over looks around the caret: a closing tag is short. */
export const typeOverReach = 80;
const openCloseTag = /<\/([A-Za-z][A-Za-z0-9:._-]*)$/;

/**
 * When typing `text` at `at` finishes a closing tag (`</p` + `>`) right before the same closing tag
 * (auto-inserted when `<p>` was typed), the two become one and the caret steps over it, as editors
 * step over an auto-closed bracket; otherwise null. `before` and `after` are the text just before and
 * after the caret (at most `typeOverReach` characters each), so the cost never grows with the post.
 */
export function closingTagTypeOver(
  before: string,
  after: string,
  at: number,
  text: string,
): TypeOverEdit | null {
  if (text !== '>') return null;
  const match = openCloseTag.exec(before);
  if (!match) return null;
  const tag = `</${match[1]}>`;
  if (!after.startsWith(tag)) return null;
  const from = at - (tag.length - 1);
  return { from, to: at + tag.length, insert: tag, caret: from + tag.length };
}

/** A closing tag's name the editor completed after `</`, which the writer may still type out. */
interface CompletedName {
  /** Where the caret stood after the completion. */
  at: number;
  /** What of the completion (`em>`) the writer has not typed yet. */
  rest: string;
}

const completedName = /^[A-Za-z][A-Za-z0-9:._-]*>$/;

/**
 * Whether a typed character is the next one of a completed closing tag (`</` completed to `</em>`,
 * then `e`, `m`, `>` typed by habit): it is swallowed instead of written twice. Answers the rest
 * still to type over (null when done), or undefined when the character is not the next one.
 */
export function typeOverCompletion(rest: string, text: string): string | null | undefined {
  if (text.length !== 1 || rest[0] !== text) return undefined;
  return rest.length > 1 ? rest.slice(1) : null;
}

const typedOver = StateEffect.define<string | null>();

const completionField = StateField.define<CompletedName | null>({
  create: () => null,
  update(value, tr) {
    for (const effect of tr.effects) {
      if (effect.is(typedOver))
        return effect.value === null || value === null ? null : { ...value, rest: effect.value };
    }
    if (tr.isUserEvent('input.complete')) {
      let found: CompletedName | null = null;
      tr.changes.iterChanges((_fromA, _toA, fromB, toB, inserted) => {
        const text = inserted.toString();
        if (completedName.test(text) && tr.newDoc.sliceString(fromB - 2, fromB) === '</')
          found = { at: toB, rest: text };
      });
      const done = found as CompletedName | null;
      return done !== null && tr.newSelection.main.head === done.at ? done : null;
    }
    return tr.docChanged || tr.selection ? null : value;
  },
});

/**
 * The editor extension: closing tags typed by hand step over the auto-inserted ones, and a closing
 * tag name the editor completed after `</` is typed over rather than written twice.
 */
export function closeTagTypeOver(): Extension {
  return [
    completionField,
    Prec.high(
      EditorView.inputHandler.of((view, from, to, text) => {
        if (from !== to || view.state.selection.ranges.length !== 1) return false;
        const completion = view.state.field(completionField);
        if (completion && completion.at === from) {
          const rest = typeOverCompletion(completion.rest, text);
          if (rest !== undefined) {
            view.dispatch({ effects: typedOver.of(rest) });
            return true;
          }
        }
        const doc = view.state.doc;
        const before = doc.sliceString(Math.max(0, from - typeOverReach), from);
        const after = doc.sliceString(to, Math.min(doc.length, to + typeOverReach));
        const edit = closingTagTypeOver(before, after, from, text);
        if (!edit) return false;
        view.dispatch({
          changes: { from: edit.from, to: edit.to, insert: edit.insert },
          selection: EditorSelection.cursor(edit.caret),
          userEvent: 'input.type',
          scrollIntoView: true,
        });
        return true;
      }),
    ),
  ];
}
