/**
 * Opens CodeMirror's find panel in the body editor (focusing the replace field for Replace).
 * CodeMirror is imported here on demand: it belongs to the editor chunk, not the initial script.
 */
export async function openEditorSearch(replace: boolean): Promise<void> {
  const dom = document.querySelector<HTMLElement>('.cm-editor');
  if (!dom) throw new Error('Open a post first.');
  const [{ openSearchPanel }, { EditorView }] = await Promise.all([
    import('@codemirror/search'),
    import('@codemirror/view'),
  ]);
  const view = EditorView.findFromDOM(dom);
  if (!view) throw new Error('Open a post first.');
  openSearchPanel(view);
  if (replace) {
    requestAnimationFrame(() =>
      dom.querySelector<HTMLInputElement>('.cm-search input[name="replace"]')?.focus(),
    );
  }
}
