import { describe, expect, it } from 'vitest';
import { dispatch, methodNames, unwrap, type Handlers } from '../../../../shared/api';
import { PostdeskError } from '../../../../shared/errors';
import { createGitHandlers } from '../../../../electron/library/git/git-handlers';

const revision = { mtimeMs: 1, size: 2, sha256: 'a'.repeat(64) };

function handlers(): Handlers {
  return {
    openSite: async () => ({
      root: '/r',
      name: 'r',
      generator: 'plain',
      contentDirs: ['.'],
      staticDir: null,
      notice: null,
      detected: 'Plain folder',
      sections: [],
      trash: 'folder',
      canReveal: false,
    }),
    listPosts: async () => [],
    searchIndexStatus: async () => ({ ready: true, done: 0, total: 0, notice: null }),
    searchPosts: async () => ({
      results: [],
      totalPosts: 0,
      truncated: false,
      notice: null,
      skippedBinary: 0,
      elapsedMs: 0,
    }),
    previewReplace: async () => ({ files: [], skipped: [], truncated: false }),
    applyReplace: async () => ({ changed: [], skipped: [], undoId: null }),
    undoReplace: async () => ({ changed: [], skipped: [], undoId: null }),
    listTaxonomies: async () => [],
    previewTaxonomyEdit: async () => ({ files: [], skipped: [] }),
    applyTaxonomyEdit: async () => ({ changed: [], skipped: [], undoId: null }),
    previewBulkEdit: async () => ({ files: [], skipped: [] }),
    applyBulkEdit: async () => ({ changed: [], skipped: [], undoId: null }),
    readPost: async ({ id }) => ({
      id,
      text: 'x',
      revision,
      bodyKind: 'markdown',
      readOnly: null,
      truncated: false,
    }),
    savePost: async ({ id }) => {
      if (id === 'conflict.md') throw new PostdeskError('conflict', 'changed on disk');
      if (id === 'boom.md') throw new Error('boom');
      return { id, revision };
    },
    checkSiteFiles: async ({ ids }) => ({ existing: ids }),
    previewSettings: async () => ({ stylesheet: null }),
    previewFacts: async () => ({
      dialects: { hugo: false, liquid: false },
      baseUrl: '',
      basePath: '',
      params: {},
      posts: [],
      math: false,
      highlightStyle: null,
      includes: [],
    }),
    sitePreviewShow: async () => ({ status: 'unavailable', message: 'none' }),
    sitePreviewStop: async () => null,
    readSiteSchema: async () => ({ fields: [], autoUpdateField: null, sources: [], problems: [] }),
    importImage: async ({ postId }) => ({
      id: postId,
      url: '/x.png',
      type: 'png',
      size: 1,
      width: 1,
      height: 1,
    }),
    listImages: async () => [],
    discardImages: async () => ({ removed: [] }),
    backupBuffer: async () => null,
    dropBackup: async () => ({ dropped: false }),
    listBackups: async () => [],
    confirmClose: async () => null,
    listDiagnostics: async () => ({ entries: [], logFile: null }),
    ...postOperationStubs(),
    ...createGitHandlers({ site: () => ({ root: '/r' }) as never, emit: () => undefined }),
  };
}

function postOperationStubs(): Pick<
  Handlers,
  | 'createPost'
  | 'newPostPath'
  | 'renamePost'
  | 'duplicatePost'
  | 'deletePost'
  | 'listTrash'
  | 'restorePost'
  | 'revealPost'
> {
  const none = async (): Promise<never> => {
    throw new PostdeskError('internal', 'not used in this test');
  };
  return {
    createPost: none,
    newPostPath: none,
    renamePost: none,
    duplicatePost: none,
    deletePost: none,
    listTrash: async () => [],
    restorePost: none,
    revealPost: async () => null,
  };
}

describe('dispatch', () => {
  it('runs the named handler with validated arguments', async () => {
    expect(await dispatch(handlers(), 'readPost', { id: 'a.md' })).toEqual({
      ok: true,
      value: { id: 'a.md', text: 'x', revision, bodyKind: 'markdown', readOnly: null, truncated: false },
    });
  });

  it('refuses unknown methods, including inherited names', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 42]) {
      expect(await dispatch(handlers(), name, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown-method' },
      });
    }
  });

  it('refuses arguments that do not match the schema, naming the field', async () => {
    const cases: unknown[] = [{}, { id: 3 }, { id: '' }, { id: 'a\0b' }, { id: 'a.md', extra: true }, 'a.md'];
    for (const args of cases) {
      const outcome = await dispatch(handlers(), 'readPost', args);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    const bad = await dispatch(handlers(), 'savePost', {
      id: 'a.md',
      text: 'x',
      baseRevision: { ...revision, sha256: 'z' },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('baseRevision.sha256') },
    });
  });

  it('keeps error codes and wraps unexpected errors', async () => {
    expect(
      await dispatch(handlers(), 'savePost', { id: 'conflict.md', text: '', baseRevision: revision }),
    ).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'changed on disk' },
    });
    expect(
      await dispatch(handlers(), 'savePost', { id: 'boom.md', text: '', baseRevision: null }),
    ).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('boom') },
    });
  });

  it('unwrap throws a PostdeskError with the code', () => {
    expect(() => unwrap({ ok: false, error: { code: 'conflict', message: 'm' } })).toThrow(PostdeskError);
    expect(unwrap({ ok: true, value: 5 })).toBe(5);
  });

  it('lists the methods the issue requires', () => {
    expect(methodNames).toEqual(expect.arrayContaining(['openSite', 'listPosts', 'readPost', 'savePost']));
  });
});
