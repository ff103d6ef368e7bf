import { EditorSelection, Prec, type Extension } from '@codemirror/state';
import { keymap, type EditorView } from '@codemirror/view';
import type { BodyKind } from '../../../shared/api';
import { formatEdit, type FormatAction } from './text-transforms';

/**
 * Applies a formatting action to the main selection of `view`, in Markdown or HTML by `kind`, as
 * one undoable change; answers true (a CodeMirror command).
 */
export function applyFormat(view: EditorView, action: FormatAction, kind: BodyKind): boolean {
  const { state } = view;
  const range = state.selection.main;
  const edit = formatEdit(action, kind, state.doc.toString(), range.from, range.to);
  const changes = state.changes(edit.changes);
  view.dispatch({
    changes,
    selection: EditorSelection.single(edit.selection.anchor, edit.selection.head),
    scrollIntoView: true,
    userEvent: 'input.format',
  });
  view.focus();
  return true;
}

/** The shortcut of each formatting action, as CodeMirror names keys. */
export const formatShortcuts: Record<FormatAction, string> = {
  bold: 'Mod-b',
  italic: 'Mod-i',
  link: 'Mod-k',
  heading: 'Mod-Alt-h',
  list: 'Mod-Alt-l',
  quote: 'Mod-Alt-q',
  code: 'Mod-e',
  image: 'Mod-Alt-i',
};

/** The formatting shortcuts, above CodeMirror's defaults (Mod-i would otherwise select the syntax parent). */
export function formatKeymap(kind: BodyKind): Extension {
  return Prec.highest(
    keymap.of(
      (Object.keys(formatShortcuts) as FormatAction[]).map((action) => ({
        key: formatShortcuts[action],
        preventDefault: true,
        run: (view: EditorView) => applyFormat(view, action, kind),
      })),
    ),
  );
}
