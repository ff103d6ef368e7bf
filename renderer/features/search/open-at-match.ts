import type { SearchMatch } from '../../../shared/api-search';
import type { DocumentsModel } from '../../state/document-store';
import { currentEditor } from '../editor/editor-session';

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Opens post `id` and selects the match in the body editor (scrolled into view, focused); a match
 * in the front matter only opens the post. Answers true when the match was selected.
 */
export async function openAtMatch(
  documents: DocumentsModel,
  id: string,
  match: SearchMatch,
): Promise<boolean> {
  await documents.open(id);
  const documentStore = documents.active;
  const wanted = match.lineText.slice(match.start, match.end);
  for (let frame = 0; frame < 120; frame++) {
    const state = documentStore.get();
    const view = currentEditor();
    if (state.status === 'open' && state.doc.id === id && view) {
      const body = state.doc.text.slice(state.doc.bodyStart);
      if (view.state.doc.toString() === body) {
        if (match.inFrontMatter) return false;
        let from = match.offset - state.doc.bodyStart;
        if (body.slice(from, from + match.length) !== wanted) {
          // The tab holds edits: pick the nearest occurrence of the matched text instead.
          const after = body.indexOf(wanted, Math.max(0, from - 200));
          if (after === -1) return false;
          from = after;
        }
        view.dispatch({ selection: { anchor: from, head: from + match.length }, scrollIntoView: true });
        view.focus();
        return true;
      }
    }
    await nextFrame();
  }
  return false;
}
