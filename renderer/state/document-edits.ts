import { splitFrontMatter } from '../../shared/post/split-front-matter';
import type { Store } from './create-store';
import type { DocumentState } from './document-tabs';

/** Text edits of the active document (the editor's and the form's changes; never the disk). */
export interface DocumentEdits {
  /** Replaces the body of the open document, keeping its front matter block byte for byte. */
  setBody(body: string): void;
  /**
   * Replaces the text of the open document's front matter block (between its fences, or the whole
   * JSON object) with `raw`, keeping the fences, the BOM and the body byte for byte (a line break
   * is added when `raw` would otherwise run into the closing fence).
   */
  setFrontMatterRaw(raw: string): void;
  /** Replaces the whole text of the open document (front matter and body). */
  setText(text: string): void;
}

/** The text edits over the active tab's store. */
export function createDocumentEdits(active: Store<DocumentState>): DocumentEdits {
  return {
    setBody(body) {
      active.set((state) => {
        if (state.status !== 'open') return state;
        const { doc } = state;
        const text = doc.text.slice(0, doc.bodyStart) + body;
        return text === doc.text ? state : { status: 'open', doc: { ...doc, text } };
      });
    },
    setFrontMatterRaw(raw) {
      active.set((state) => {
        if (state.status !== 'open') return state;
        const { doc } = state;
        const head = doc.text.slice(0, doc.bodyStart);
        const split = splitFrontMatter(head);
        if (split.format === null || split.error !== null) return state;
        const rawEnd =
          split.format === 'json'
            ? head.lastIndexOf('}') + 1
            : head.replace(/\r?\n$/, '').lastIndexOf('\n') + 1;
        const eol = head.includes('\r\n') ? '\r\n' : '\n';
        const block = split.format !== 'json' && raw !== '' && !raw.endsWith('\n') ? raw + eol : raw;
        const text = doc.text.slice(0, split.rawStart) + block + doc.text.slice(rawEnd);
        if (text === doc.text) return state;
        const bodyStart = doc.bodyStart + block.length - (rawEnd - split.rawStart);
        return { status: 'open', doc: { ...doc, text, bodyStart } };
      });
    },
    setText(text) {
      active.set((state) => {
        if (state.status !== 'open' || state.doc.text === text) return state;
        return { status: 'open', doc: { ...state.doc, text, bodyStart: splitFrontMatter(text).bodyStart } };
      });
    },
  };
}
