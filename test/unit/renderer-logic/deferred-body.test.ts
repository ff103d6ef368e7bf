import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../electron/library/library-service';
import type { AppState } from '../../../renderer/state/app-state';
import {
  hasUnsavedText,
  type DocumentsModel,
  type OpenDocument,
} from '../../../renderer/state/document-store';
import { libraryAppState } from '../../support/library-client';
import { copyFixtureSite } from '../../support/temp-site';

// Typed text the body editor has not handed over yet (deferBody), driven through the real library on
// a real temporary site: whatever reads or replaces the document first takes it in.

const id = 'content/posts/first-post.md';
let library: Library;
let state: AppState;
let documents: DocumentsModel;
let site: string;
let cleanup: () => Promise<void>;
let file: string;
let original: string;

function doc(): OpenDocument {
  const active = documents.active.get();
  if (active.status !== 'open') throw new Error(`no open document (${active.status})`);
  return active.doc;
}

function appendToBody(extra: string): void {
  const current = doc();
  documents.setBody(current.text.slice(current.bodyStart) + extra);
}

beforeEach(async () => {
  ({ site, cleanup } = await copyFixtureSite('hugo-basic'));
  library = createLibrary({ watch: false });
  state = libraryAppState(library);
  ({ documents } = state);
  await state.api.openSite({ path: site });
  file = path.join(site, ...id.split('/'));
  original = await readFile(file, 'utf8');
  await documents.open(id);
});

afterEach(async () => {
  state.dispose();
  await library.close();
  await cleanup();
});

describe('typed text handed over after the paint', () => {
  it('is in the saved file when the save comes before the hand-over', async () => {
    documents.deferBody(() => appendToBody('Typed.'));
    expect(doc().text).toBe(original);
    expect(await documents.save()).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(`${original}Typed.`);
    expect(hasUnsavedText(doc())).toBe(false);
  });

  it('marks the post dirty once handed over, and is handed over once', () => {
    let handed = 0;
    documents.deferBody(() => {
      handed++;
      appendToBody('x');
    });
    documents.flushPendingBody();
    documents.flushPendingBody();
    expect(handed).toBe(1);
    expect(hasUnsavedText(doc())).toBe(true);
    expect(doc().text).toBe(`${original}x`);
  });

  it('makes a change on disk a conflict rather than a silent reload', async () => {
    documents.deferBody(() => appendToBody('Mine.'));
    await writeFile(file, `${original}Theirs.`);
    await documents.applyDiskChange({ id, kind: 'changed', summary: null });
    expect(doc().text).toBe(`${original}Mine.`);
    expect(doc().conflict?.kind).toBe('changed');
  });

  it('is dropped when the writer reloads from disk', async () => {
    documents.deferBody(() => appendToBody('Dropped.'));
    await documents.reload();
    documents.flushPendingBody();
    expect(doc().text).toBe(original);
  });
});
