import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../electron/library/library-service';
import { apiFromOutcomes, dispatch, type PostdeskApi } from '../../../shared/api';
import {
  applyDiskChange,
  closeAllDocuments,
  documentStore,
  hasUnsavedText,
  openDocument,
  reloadDocument,
  saveDocument,
  deferBody,
  flushPendingBody,
  setBody,
  type OpenDocument,
} from '../../../renderer/state/document-store';
import { copyFixtureSite } from '../../support/temp-site';

// Typed text the body editor has not handed over yet (deferBody), driven through the real library on
// a real temporary site: whatever reads or replaces the document first takes it in.

const id = 'content/posts/first-post.md';
let library: Library;
let api: PostdeskApi;
let site: string;
let cleanup: () => Promise<void>;
let file: string;
let original: string;

function doc(): OpenDocument {
  const state = documentStore.get();
  if (state.status !== 'open') throw new Error(`no open document (${state.status})`);
  return state.doc;
}

function appendToBody(extra: string): void {
  const current = doc();
  setBody(current.text.slice(current.bodyStart) + extra);
}

beforeEach(async () => {
  ({ site, cleanup } = await copyFixtureSite('hugo-basic'));
  library = createLibrary({ watch: false });
  api = apiFromOutcomes(
    (name, args) => dispatch(library.handlers, name, args),
    () => () => undefined,
  );
  await api.openSite({ path: site });
  file = path.join(site, ...id.split('/'));
  original = await readFile(file, 'utf8');
  closeAllDocuments();
  await openDocument(api, id);
});

afterEach(async () => {
  await library.close();
  await cleanup();
});

describe('typed text handed over after the paint', () => {
  it('is in the saved file when the save comes before the hand-over', async () => {
    deferBody(() => appendToBody('Typed.'));
    expect(doc().text).toBe(original);
    expect(await saveDocument(api)).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(`${original}Typed.`);
    expect(hasUnsavedText(doc())).toBe(false);
  });

  it('marks the post dirty once handed over, and is handed over once', () => {
    let handed = 0;
    deferBody(() => {
      handed++;
      appendToBody('x');
    });
    flushPendingBody();
    flushPendingBody();
    expect(handed).toBe(1);
    expect(hasUnsavedText(doc())).toBe(true);
    expect(doc().text).toBe(`${original}x`);
  });

  it('makes a change on disk a conflict rather than a silent reload', async () => {
    deferBody(() => appendToBody('Mine.'));
    await writeFile(file, `${original}Theirs.`);
    await applyDiskChange(api, { id, kind: 'changed', summary: null });
    expect(doc().text).toBe(`${original}Mine.`);
    expect(doc().conflict?.kind).toBe('changed');
  });

  it('is dropped when the writer reloads from disk', async () => {
    deferBody(() => appendToBody('Dropped.'));
    await reloadDocument(api);
    flushPendingBody();
    expect(doc().text).toBe(original);
  });
});
