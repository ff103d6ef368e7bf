import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import type { PostdeskApi } from '../../../../shared/api';
import type { AppState } from '../../../../renderer/state/app-state';
import { isDirty, type DocumentsModel, type OpenDocument } from '../../../../renderer/state/document-store';
import { confirmLeave, closeDocument } from '../../../../renderer/features/commands/leave-document';
import { unsavedQuestion } from '../../../../renderer/features/commands/unsaved-prompt-store';
import { scheduleBackups, backupDelayMs } from '../../../../renderer/features/recovery/backup-scheduler';
import { libraryAppState } from '../../../support/library-client';
import { copyFixtureSite } from '../../../support/temp-site';

// Several posts open at once (tabs) in a window's state (createAppState) through the real library
// on a real temporary site; the tests call applyDiskChange themselves instead of a watcher.

const first = 'content/posts/first-post.md';
const second = 'content/posts/second-post.md';
const third = 'content/posts/third-post.md';
let library: Library;
let api: PostdeskApi;
let state: AppState;
let documents: DocumentsModel;
let site: string;
let cleanup: () => Promise<void>;

const fileOf = (id: string): string => path.join(site, ...id.split('/'));

function tab(id: string): OpenDocument {
  const entry = documents.store.get().docs[id];
  if (entry?.status !== 'open') throw new Error(`${id} is not open (${entry?.status ?? 'no tab'})`);
  return entry.doc;
}

function activeId(): string | null {
  const active = documents.active.get();
  return active.status === 'open' ? active.doc.id : null;
}

/** Types at the end of the active post's body. */
function type(extra: string): void {
  const active = documents.active.get();
  if (active.status !== 'open') throw new Error('nothing active');
  documents.setBody(active.doc.text.slice(active.doc.bodyStart) + extra);
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
  state = libraryAppState(library);
  ({ api, documents } = state);
  await api.openSite({ path: site });
});

afterEach(async () => {
  documents.closeAll();
  state.dispose();
  await library.close();
  await cleanup();
});

describe('open documents (tabs)', () => {
  it('opens posts side by side, each keeping its own buffer; re-opening shows the existing tab', async () => {
    await documents.open(first);
    type('One.');
    await documents.open(second);
    type('Two.');
    expect(documents.store.get().order).toEqual([first, second]);
    expect(activeId()).toBe(second);

    await documents.open(first);
    expect(documents.store.get().order).toEqual([first, second]);
    expect(activeId()).toBe(first);
    expect(tab(first).text.endsWith('One.')).toBe(true);
    expect(tab(second).text.endsWith('Two.')).toBe(true);
    expect(
      documents
        .list()
        .filter(isDirty)
        .map((doc) => doc.id),
    ).toEqual([first, second]);
  });

  it('a new tab goes right after the active one; cycling wraps; closing shows the neighbour', async () => {
    await documents.open(first);
    await documents.open(second);
    documents.activate(first);
    await documents.open(third);
    expect(documents.store.get().order).toEqual([first, third, second]);
    documents.cycle(1);
    expect(activeId()).toBe(second);
    documents.cycle(1);
    expect(activeId()).toBe(first);
    documents.cycle(-1);
    expect(activeId()).toBe(second);
    documents.closeTab(second);
    expect(activeId()).toBe(third);
    documents.closeTab(first);
    documents.closeTab(third);
    expect(documents.active.get()).toEqual({ status: 'empty' });
  });

  it('saves the active tab only, writing exactly its text', async () => {
    const before = await readFile(fileOf(second), 'utf8');
    await documents.open(first);
    type('Saved one.');
    const expected = tab(first).text;
    await documents.open(second);
    type('Not saved.');
    documents.activate(first);
    expect(await documents.save()).toBe(true);
    expect(await readFile(fileOf(first), 'utf8')).toBe(expected);
    expect(isDirty(tab(first))).toBe(false);
    expect(isDirty(tab(second))).toBe(true);
    expect(await readFile(fileOf(second), 'utf8')).toBe(before);
  });

  it('applies disk changes to background tabs: clean reloads, dirty conflicts, removed keeps text', async () => {
    await documents.open(first);
    await documents.open(second);
    type('Mine.');
    await documents.open(third);
    const firstBefore = tab(first).text;

    await writeFile(fileOf(first), `${firstBefore}Outside.`);
    await documents.applyDiskChange({ id: first, kind: 'changed', summary: null });
    expect(tab(first).text).toBe(`${firstBefore}Outside.`);
    expect(tab(first).loads).toBe(1);

    const secondText = tab(second).text;
    await writeFile(fileOf(second), 'Theirs.');
    await documents.applyDiskChange({ id: second, kind: 'changed', summary: null });
    expect(tab(second).text).toBe(secondText);
    expect(tab(second).conflict).toMatchObject({ kind: 'changed', diskText: 'Theirs.' });

    await rm(fileOf(first));
    await documents.applyDiskChange({ id: first, kind: 'removed', summary: null });
    expect(tab(first).conflict).toEqual({ kind: 'removed' });
    expect(tab(first).text).toBe(`${firstBefore}Outside.`);
    expect(activeId()).toBe(third);
  });

  it('Save As re-files the tab under its new id in the same place', async () => {
    await documents.open(first);
    await documents.open(second);
    type('Copy.');
    await documents.saveAs('content/posts/copy.md');
    expect(documents.store.get().order).toEqual([first, 'content/posts/copy.md']);
    expect(activeId()).toBe('content/posts/copy.md');
  });

  it('closing a dirty tab asks: Cancel keeps it, Don’t Save closes without writing', async () => {
    const before = await readFile(fileOf(first), 'utf8');
    await documents.open(first);
    type('Maybe.');
    await documents.open(second);

    const asked = answerWith('cancel');
    await closeDocument(state, first);
    expect(await asked).toEqual([first]);
    expect(tab(first).text.endsWith('Maybe.')).toBe(true);

    const again = answerWith('discard');
    await closeDocument(state, first);
    await again;
    expect(documents.store.get().order).toEqual([second]);
    expect(await readFile(fileOf(first), 'utf8')).toBe(before);

    await closeDocument(state, second);
    expect(documents.store.get().order).toEqual([]);
  });

  it('leaving the window asks once about every dirty tab, and Save All writes them all', async () => {
    await documents.open(first);
    type('A.');
    await documents.open(second);
    await documents.open(third);
    type('C.');
    const expected = [tab(first).text, tab(third).text];

    const cancelled = answerWith('cancel');
    expect(await confirmLeave(state)).toBe(false);
    expect(await cancelled).toEqual([first, third]);

    const saved = answerWith('save');
    expect(await confirmLeave(state)).toBe(true);
    await saved;
    expect([await readFile(fileOf(first), 'utf8'), await readFile(fileOf(third), 'utf8')]).toEqual(expected);
    expect(documents.list().some(isDirty)).toBe(false);
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
    const stop = scheduleBackups({ api: spy, documents });
    try {
      await documents.open(first);
      type('A.');
      await documents.open(second);
      type('B.');
      await vi.waitFor(() => expect([...backedUp].sort()).toEqual([first, second]), {
        timeout: backupDelayMs * 5,
      });
      documents.activate(first);
      await documents.save();
      await vi.waitFor(() => expect(dropped).toEqual([first]));
    } finally {
      stop();
    }
  });
});
