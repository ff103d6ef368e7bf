import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { isPostdeskError } from '../../../../shared/errors';
import type { AppState } from '../../../../renderer/state/app-state';
import {
  hasUnsavedText,
  type DocumentsModel,
  type OpenDocument,
} from '../../../../renderer/state/document-store';
import { libraryAppState } from '../../../support/library-client';
import { copyFixtureSite } from '../../../support/temp-site';

// The document store of a window's state (createAppState) driven through the real library on a
// real temporary site (no watcher: the tests call applyDiskChange themselves, so every race is
// decided by the test).

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

describe('document store against the disk', () => {
  it('opens, edits the body only, and saves exactly the text', async () => {
    appendToBody('More.');
    expect(doc().text).toBe(`${original}More.`);
    expect(await documents.save()).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(`${original}More.`);
    expect(hasUnsavedText(doc())).toBe(false);
  });

  it('setText replaces front matter and body and finds the new body start', () => {
    documents.setText('---\ntitle: x\n---\nBody');
    expect(doc().text.slice(doc().bodyStart)).toBe('Body');
  });

  it('reloads a clean document silently when the disk changes', async () => {
    await writeFile(file, `${original}Outside.`);
    await documents.applyDiskChange({ id, kind: 'changed', summary: null });
    expect(doc().text).toBe(`${original}Outside.`);
    expect(doc().conflict).toBeNull();
    expect(doc().loads).toBe(1);
  });

  it('keeps a dirty document and raises a conflict holding the disk text', async () => {
    appendToBody('Mine.');
    await writeFile(file, `${original}Theirs.`);
    await documents.applyDiskChange({ id, kind: 'changed', summary: null });
    expect(doc().text).toBe(`${original}Mine.`);
    expect(doc().conflict).toMatchObject({ kind: 'changed', diskText: `${original}Theirs.` });
  });

  it('turns a save refused as stale into the same conflict, and Overwrite writes mine', async () => {
    appendToBody('Mine.');
    await writeFile(file, `${original}Theirs.`);
    expect(await documents.save()).toBe(false);
    expect(doc().conflict?.kind).toBe('changed');
    expect(doc().error).toBeNull();
    expect(await readFile(file, 'utf8')).toBe(`${original}Theirs.`);
    expect(await documents.overwrite()).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(`${original}Mine.`);
    expect(doc().conflict).toBeNull();
  });

  it('Reload drops the edits for the disk text', async () => {
    appendToBody('Mine.');
    await writeFile(file, `${original}Theirs.`);
    await documents.applyDiskChange({ id, kind: 'changed', summary: null });
    await documents.reload();
    expect(doc().text).toBe(`${original}Theirs.`);
    expect(doc().conflict).toBeNull();
    expect(await readFile(file, 'utf8')).toBe(`${original}Theirs.`);
  });

  it('needs no resolution when the disk already holds the user text', async () => {
    appendToBody('Same.');
    await writeFile(file, `${original}Same.`);
    await documents.applyDiskChange({ id, kind: 'changed', summary: null });
    expect(doc().conflict).toBeNull();
    expect(hasUnsavedText(doc())).toBe(false);
  });

  it('keeps the buffer of a post removed on disk and saves it elsewhere, never over a file', async () => {
    appendToBody('Rescued.');
    await rm(file);
    await documents.applyDiskChange({ id, kind: 'removed', summary: null });
    expect(doc().conflict).toEqual({ kind: 'removed' });
    expect(hasUnsavedText(doc())).toBe(true);
    expect(await documents.save()).toBe(false);
    expect(doc().text).toBe(`${original}Rescued.`);

    const taken = await documents.saveAs('content/posts/second-post.md').catch((error: unknown) => error);
    expect(isPostdeskError(taken, 'exists')).toBe(true);
    await documents.saveAs('content/posts/rescued.md');
    expect(doc().id).toBe('content/posts/rescued.md');
    expect(doc().conflict).toBeNull();
    expect(await readFile(path.join(site, 'content/posts/rescued.md'), 'utf8')).toBe(`${original}Rescued.`);
  });

  it('ignores changes to other posts', async () => {
    appendToBody('Mine.');
    await documents.applyDiskChange({ id: 'content/posts/second-post.md', kind: 'removed', summary: null });
    expect(doc().conflict).toBeNull();
  });
});

describe('opening another post while one has unsaved text', () => {
  const second = 'content/posts/second-post.md';

  it('opens at once when nothing is unsaved', async () => {
    await documents.open(second);
    expect(doc().id).toBe(second);
  });

  it('opens it in its own tab without asking; the first keeps its unsaved text', async () => {
    appendToBody('Unsaved.');
    await documents.open(second);
    expect(doc().id).toBe(second);
    expect(documents.store.get().order).toEqual([id, second]);

    await documents.open(id);
    expect(doc().id).toBe(id);
    expect(doc().text).toBe(`${original}Unsaved.`);
    expect(await readFile(file, 'utf8')).toBe(original);
  });
});

// Typed text the body editor has not handed over yet (deferBody): whatever reads or replaces the
// document first takes it in.
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
