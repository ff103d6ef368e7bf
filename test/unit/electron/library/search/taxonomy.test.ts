import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../electron/library/library-service';
import { tempDir } from '../../../../support/temp-site';

let root: string;
let cleanup: () => Promise<void>;
let library: Library;

const posts: Record<string, string> = {
  'content/posts/flow.md':
    '---\ntitle: Flow\ntags: [travel, \'Sea\', food]\nauthor: "Ana Lima"\n---\nBody travel.\n',
  'content/posts/block.md':
    '---\ntitle: Block\ntags:\n  - sea\n  - travel # kept comment\nseries: [walks]\n---\nBody.\n',
  'content/posts/toml.md':
    '+++\ntitle = "Toml"\ntags = ["Sea", "sea"]\nauthors = ["Ana Lima", "Rui"]\n+++\nBody.\n',
  'content/posts/none.md': '---\ntitle: None\n---\nsea travel in the body only.\n',
};

async function read(id: string): Promise<string> {
  return readFile(path.join(root, ...id.split('/')), 'utf8');
}

beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir());
  await writeFile(path.join(root, 'hugo.toml'), 'title = "t"\n');
  for (const [id, text] of Object.entries(posts)) {
    await mkdir(path.dirname(path.join(root, id)), { recursive: true });
    await writeFile(path.join(root, id), text);
  }
  library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: root });
  await library.handlers.listPosts({});
});
afterEach(async () => {
  await library.close();
  await cleanup();
});

describe('taxonomy manager', () => {
  it('counts every tag, category, series and author', async () => {
    const groups = await library.handlers.listTaxonomies({});
    const terms = Object.fromEntries(groups.map((group) => [group.key, group.terms]));
    expect(terms.tags).toEqual([
      { value: 'sea', count: 2 },
      { value: 'Sea', count: 2 },
      { value: 'travel', count: 2 },
      { value: 'food', count: 1 },
    ]);
    expect(terms.series).toEqual([{ value: 'walks', count: 1 }]);
    expect(terms.authors).toEqual([
      { value: 'Ana Lima', count: 2 },
      { value: 'Rui', count: 1 },
    ]);
  });

  it('merges values one list item per post, keeping quoting and style, and undoes', async () => {
    const edit = { key: 'tags', action: 'merge' as const, from: ['Sea', 'sea'], to: 'ocean' };
    const preview = await library.handlers.previewTaxonomyEdit(edit);
    expect(preview.files.map((file) => [file.id, file.changes])).toEqual([
      ['content/posts/block.md', [{ line: 4, before: '  - sea', after: '  - ocean' }]],
      [
        'content/posts/flow.md',
        [{ line: 3, before: "tags: [travel, 'Sea', food]", after: "tags: [travel, 'ocean', food]" }],
      ],
      ['content/posts/toml.md', [{ line: 3, before: 'tags = ["Sea", "sea"]', after: 'tags = ["ocean"]' }]],
    ]);
    const outcome = await library.handlers.applyTaxonomyEdit({
      edit,
      files: preview.files.map((file) => ({ id: file.id, sha256: file.sha256 })),
    });
    expect(outcome.changed).toHaveLength(3);
    expect(await read('content/posts/flow.md')).toBe(
      '---\ntitle: Flow\ntags: [travel, \'ocean\', food]\nauthor: "Ana Lima"\n---\nBody travel.\n',
    );
    expect(await read('content/posts/block.md')).toBe(
      '---\ntitle: Block\ntags:\n  - ocean\n  - travel # kept comment\nseries: [walks]\n---\nBody.\n',
    );
    expect(await read('content/posts/none.md')).toBe(posts['content/posts/none.md']);
    await library.handlers.undoReplace({ undoId: outcome.undoId ?? '' });
    for (const [id, text] of Object.entries(posts)) expect(await read(id)).toBe(text);
  });

  it('renames a scalar author and a list author, and deletes a tag', async () => {
    const rename = { key: 'authors', action: 'rename' as const, from: ['Ana Lima'], to: 'Ana L. Lima' };
    const preview = await library.handlers.previewTaxonomyEdit(rename);
    await library.handlers.applyTaxonomyEdit({
      edit: rename,
      files: preview.files.map((file) => ({ id: file.id, sha256: file.sha256 })),
    });
    expect(await read('content/posts/flow.md')).toContain('author: "Ana L. Lima"\n');
    expect(await read('content/posts/toml.md')).toContain('authors = ["Ana L. Lima", "Rui"]\n');
    const drop = { key: 'tags', action: 'delete' as const, from: ['travel'] };
    const dropped = await library.handlers.previewTaxonomyEdit(drop);
    await library.handlers.applyTaxonomyEdit({
      edit: drop,
      files: dropped.files.map((file) => ({ id: file.id, sha256: file.sha256 })),
    });
    expect(await read('content/posts/block.md')).toBe(
      '---\ntitle: Block\ntags:\n  - sea\nseries: [walks]\n---\nBody.\n',
    );
    expect(await read('content/posts/flow.md')).toContain("tags: ['Sea', food]\n");
    await expect(
      library.handlers.previewTaxonomyEdit({ key: 'tags', action: 'rename', from: ['sea'] }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});

describe('bulk front matter edits', () => {
  const apply = async (
    edit: Parameters<Library['handlers']['previewBulkEdit']>[0]['edit'],
    ids: string[],
  ) => {
    const preview = await library.handlers.previewBulkEdit({ edit, ids });
    const outcome = await library.handlers.applyBulkEdit({
      edit,
      files: preview.files.map((file) => ({ id: file.id, sha256: file.sha256 })),
    });
    return { preview, outcome };
  };

  it('sets, clears, adds and removes with one-line changes, and undoes', async () => {
    const ids = ['content/posts/flow.md', 'content/posts/toml.md', 'content/posts/none.md'];
    const { preview, outcome } = await apply({ op: 'set', key: 'draft', value: 'true' }, ids);
    expect(preview.files.map((file) => file.changes)).toEqual([
      [{ line: 5, before: null, after: 'draft: true' }],
      [{ line: 5, before: null, after: 'draft = true' }],
      [{ line: 3, before: null, after: 'draft: true' }],
    ]);
    expect(await read('content/posts/flow.md')).toBe(
      '---\ntitle: Flow\ntags: [travel, \'Sea\', food]\nauthor: "Ana Lima"\ndraft: true\n---\nBody travel.\n',
    );
    await library.handlers.undoReplace({ undoId: outcome.undoId ?? '' });
    for (const [id, text] of Object.entries(posts)) expect(await read(id)).toBe(text);

    await apply({ op: 'addTag', key: 'tags', value: 'new' }, [
      'content/posts/block.md',
      'content/posts/flow.md',
    ]);
    expect(await read('content/posts/block.md')).toBe(
      '---\ntitle: Block\ntags:\n  - sea\n  - travel # kept comment\n  - new\nseries: [walks]\n---\nBody.\n',
    );
    expect(await read('content/posts/flow.md')).toContain("tags: [travel, 'Sea', food, new]\n");
    await apply({ op: 'removeTag', key: 'tags', value: 'food' }, ['content/posts/flow.md']);
    expect(await read('content/posts/flow.md')).toContain("tags: [travel, 'Sea', new]\n");
    await apply({ op: 'clear', key: 'series' }, ['content/posts/block.md']);
    expect(await read('content/posts/block.md')).toBe(
      '---\ntitle: Block\ntags:\n  - sea\n  - travel # kept comment\n  - new\n---\nBody.\n',
    );
    const refused = await library.handlers.previewBulkEdit({
      edit: { op: 'addTag', key: 'title', value: 'x' },
      ids: ['content/posts/block.md'],
    });
    expect(refused.skipped).toEqual([{ id: 'content/posts/block.md', reason: 'title is not a list' }]);
  });
});
