import { syntaxTree } from '@codemirror/language';
import type { Extension, Range } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

/** Syntax nodes whose text is code, markup or a URL: never spell-checked. */
const codeNodes = new Set([
  'FencedCode',
  'CodeBlock',
  'InlineCode',
  'CodeText',
  'HTMLBlock',
  'HTMLTag',
  'Comment',
  'CommentBlock',
  'ProcessingInstructionBlock',
  'URL',
  'Autolink',
  'LinkReference',
  // HTML mode: tags, attributes, scripts and styles.
  'OpenTag',
  'CloseTag',
  'SelfClosingTag',
  'MismatchedCloseTag',
  'ScriptText',
  'StyleText',
]);

const noSpellCheck = Decoration.mark({ attributes: { spellcheck: 'false' } });

function codeRanges(view: EditorView): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  const tree = syntaxTree(view.state);
  for (const { from, to } of view.visibleRanges) {
    tree.iterate({
      from,
      to,
      enter(node) {
        if (!codeNodes.has(node.name)) return undefined;
        if (node.to > node.from) ranges.push(noSpellCheck.range(node.from, node.to));
        return false;
      },
    });
  }
  return Decoration.set(ranges, true);
}

/**
 * The platform's spell checker in the body editor (Electron's with the OS languages, Chromium's in
 * the browser mode): prose is checked, code blocks, code spans, HTML tags, comments and URLs are
 * not. Only the visible ranges are decorated, so the cost follows the viewport, not the post.
 */
export function spellCheck(enabled: boolean): Extension {
  if (!enabled) return EditorView.contentAttributes.of({ spellcheck: 'false' });
  return [
    EditorView.contentAttributes.of({ spellcheck: 'true', autocorrect: 'off', autocapitalize: 'sentences' }),
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        constructor(view: EditorView) {
          this.decorations = codeRanges(view);
        }
        update(update: ViewUpdate): void {
          if (
            update.docChanged ||
            update.viewportChanged ||
            syntaxTree(update.startState) !== syntaxTree(update.state)
          ) {
            this.decorations = codeRanges(update.view);
          }
        }
      },
      { decorations: (plugin) => plugin.decorations },
    ),
  ];
}
