import { openSearchPanel } from '@codemirror/search';
import { EditorView } from '@codemirror/view';

/** Opens CodeMirror's find panel in the body editor (focusing the replace field for Replace). */
export function openEditorSearch(replace: boolean): void {
  const dom = document.querySelector<HTMLElement>('.cm-editor');
  const view = dom ? EditorView.findFromDOM(dom) : null;
  if (!view) throw new Error('Open a post first.');
  openSearchPanel(view);
  if (replace) {
    requestAnimationFrame(() =>
      dom?.querySelector<HTMLInputElement>('.cm-search input[name="replace"]')?.focus(),
    );
  }
}
