import { syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';

/**
 * The editor's look in the design system: syntax colours as stable `tok-*` classes (coloured per
 * theme in components.css, AA in light and dark) and a text area reachable with Tab, so its
 * scrolling region is keyboard-focusable.
 */
export const editorLook: Extension = [
  syntaxHighlighting(classHighlighter),
  EditorView.contentAttributes.of({ tabindex: '0' }),
];
