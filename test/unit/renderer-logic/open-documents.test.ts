import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLibrary, type Library } from '../../../electron/library/library-service';
import { apiFromOutcomes, dispatch, type PostdeskApi } from '../../../shared/api';
import {
  activateDocument,
  applyDiskChange,
  closeAllDocuments,
  closeDocumentTab,
  cycleDocuments,
  documentsStore,
  documentStore,
  isDirty,
  openDocument,
  openDocuments,
  saveDocument,
  saveDocumentAs,
  setBody,
  type OpenDocument,
} from '../../../renderer/state/document-store';
import { confirmLeave, closeDocument } from '../../../renderer/features/commands/leave-document';
import { unsavedQuestion } from '../../../renderer/features/commands/unsaved-prompt-store';
import { scheduleBackups, backupDelayMs } from '../../../renderer/features/recovery/backup-scheduler';
import { copyFixtureSite } from '../../support/temp-site';

// Several posts open at once (tabs) through the real library on a real temporary site; the tests
// call applyDiskChange themselves instead of a watcher.

const first = 'content/posts/first-post.md';
const second = 'content/posts/second-post.md';
const third = 'content/posts/third-post.md';
let library: Library;
let api: PostdeskApi;
let site: string;
let cleanup: () => Promise<void>;

const fileOf = (id: string): string => path.join(site, ...id.split('/'));

function tab(id: string): OpenDocument {
  const state = documentsStore.get().docs[id];
  if (state?.status !== 'open') throw new Error(`${id} is not open (${state?.status ?? 'no tab'})`);
  return state.doc;
}

function activeId(): string | null {
  const state = documentStore.get();
  return state.status === 'open' ? state.doc.id : null;
}

/** Types at the end of the active post's body. */
function type(extra: string): void {
  const state = documentStore.get();
  if (state.status !== 'open') throw new Error('nothing active');
  setBody(state.doc.text.slice(state.doc.bodyStart) + extra);
}

/** Answers the Save / Don't Save / Cancel question once it is asked. */
function answerWith(choice: 'save' | 'discard' | 'cancel'): Promise<string[]> {
  return new Promise((resolve) => {
    const stop = unsavedQuestion.subscribe(() => {
      const question = unsavedQuestion.get();
      if (!question) return;
      stop();
      const ids = question.ids;
      question.answer(choice);
      resolve(ids);
    });
  });
}

beforeEach(async () => {
  ({ site, cleanup } = await copyFixtureSite('hugo-basic'));
  library = createLibrary({ watch: false });
  api = apiFromOutcomes(
    (name, args) => dispatch(library.handlers, name, args),
    () => () => undefined,
  );
  await api.openSite({ path: site });
  closeAllDocuments();
});

afterEach(async () => {
  closeAllDocuments();
  await library.close();
  await cleanup();
});

describe('open documents (tabs)', () => {
  it('opens posts side by side, each keeping its own buffer; re-opening shows the existing tab', async () => {
    await openDocument(api, first);
    type('One.');
    await openDocument(api, second);
    type('Two.');
    expect(documentsStore.get().order).toEqual([first, second]);
    expect(activeId()).toBe(second);

    await openDocument(api, first);
    expect(documentsStore.get().order).toEqual([first, second]);
    expect(activeId()).toBe(first);
    expect(tab(first).text.endsWith('One.')).toBe(true);
    expect(tab(second).text.endsWith('Two.')).toBe(true);
    expect(
      openDocuments()
        .filter(isDirty)
        .map((doc) => doc.id),
    ).toEqual([first, second]);
  });

  it('a new tab goes right after the active one; cycling wraps; closing shows the neighbour', async () => {
    await openDocument(api, first);
    await openDocument(api, second);
    activateDocument(first);
    await openDocument(api, third);
    expect(documentsStore.get().order).toEqual([first, third, second]);
    cycleDocuments(1);
    expect(activeId()).toBe(second);
    cycleDocuments(1);
    expect(activeId()).toBe(first);
    cycleDocuments(-1);
    expect(activeId()).toBe(second);
    closeDocumentTab(second);
    expect(activeId()).toBe(third);
    closeDocumentTab(first);
    closeDocumentTab(third);
    expect(documentStore.get()).toEqual({ status: 'empty' });
  });

  it('saves the active tab only, writing exactly its text', async () => {
    const before = await readFile(fileOf(second), 'utf8');
    await openDocument(api, first);
    type('Saved one.');
    const expected = tab(first).text;
    await openDocument(api, second);
    type('Not saved.');
    activateDocument(first);
    expect(await saveDocument(api)).toBe(true);
    expect(await readFile(fileOf(first), 'utf8')).toBe(expected);
    expect(isDirty(tab(first))).toBe(false);
    expect(isDirty(tab(second))).toBe(true);
    expect(await readFile(fileOf(second), 'utf8')).toBe(before);
  });

  it('applies disk changes to background tabs: clean reloads, dirty conflicts, removed keeps text', async () => {
    await openDocument(api, first);
    await openDocument(api, second);
    type('Mine.');
    await openDocument(api, third);
    const firstBefore = tab(first).text;

    await writeFile(fileOf(first), `${firstBefore}Outside.`);
    await applyDiskChange(api, { id: first, kind: 'changed', summary: null });
    expect(tab(first).text).toBe(`${firstBefore}Outside.`);
    expect(tab(first).loads).toBe(1);

    const secondText = tab(second).text;
    await writeFile(fileOf(second), 'Theirs.');
    await applyDiskChange(api, { id: second, kind: 'changed', summary: null });
    expect(tab(second).text).toBe(secondText);
    expect(tab(second).conflict).toMatchObject({ kind: 'changed', diskText: 'Theirs.' });

    await rm(fileOf(first));
    await applyDiskChange(api, { id: first, kind: 'removed', summary: null });
    expect(tab(first).conflict).toEqual({ kind: 'removed' });
    expect(tab(first).text).toBe(`${firstBefore}Outside.`);
    expect(activeId()).toBe(third);
  });

  it('Save As re-files the tab under its new id in the same place', async () => {
    await openDocument(api, first);
    await openDocument(api, second);
    type('Copy.');
    await saveDocumentAs(api, 'content/posts/copy.md');
    expect(documentsStore.get().order).toEqual([first, 'content/posts/copy.md']);
    expect(activeId()).toBe('content/posts/copy.md');
  });

  it('closing a dirty tab asks: Cancel keeps it, Don’t Save closes without writing', async () => {
    const before = await readFile(fileOf(first), 'utf8');
    await openDocument(api, first);
    type('Maybe.');
    await openDocument(api, second);

    const asked = answerWith('cancel');
    await closeDocument(api, first);
    expect(await asked).toEqual([first]);
    expect(tab(first).text.endsWith('Maybe.')).toBe(true);

    const again = answerWith('discard');
    await closeDocument(api, first);
    await again;
    expect(documentsStore.get().order).toEqual([second]);
    expect(await readFile(fileOf(first), 'utf8')).toBe(before);

    await closeDocument(api, second);
    expect(documentsStore.get().order).toEqual([]);
  });

  it('leaving the window asks once about every dirty tab, and Save All writes them all', async () => {
    await openDocument(api, first);
    type('A.');
    await openDocument(api, second);
    await openDocument(api, third);
    type('C.');
    const expected = [tab(first).text, tab(third).text];

    const cancelled = answerWith('cancel');
    expect(await confirmLeave(api)).toBe(false);
    expect(await cancelled).toEqual([first, third]);

    const saved = answerWith('save');
    expect(await confirmLeave(api)).toBe(true);
    await saved;
    expect([await readFile(fileOf(first), 'utf8'), await readFile(fileOf(third), 'utf8')]).toEqual(expected);
    expect(openDocuments().some(isDirty)).toBe(false);
  });

  it('backs up every dirty tab, shown or not, and drops a backup once saved', async () => {
    const backedUp: string[] = [];
    const dropped: string[] = [];
    const spy: PostdeskApi = {
      ...api,
      backupBuffer: async (args) => {
        backedUp.push(args.id);
        return api.backupBuffer(args);
      },
      dropBackup: async (args) => {
        dropped.push(args.id);
        return api.dropBackup(args);
      },
    };
    const stop = scheduleBackups(spy);
    try {
      await openDocument(api, first);
      type('A.');
      await openDocument(api, second);
      type('B.');
      await vi.waitFor(() => expect([...backedUp].sort()).toEqual([first, second]), {
        timeout: backupDelayMs * 5,
      });
      activateDocument(first);
      await saveDocument(api);
      await vi.waitFor(() => expect(dropped).toEqual([first]));
    } finally {
      stop();
    }
  });
});
