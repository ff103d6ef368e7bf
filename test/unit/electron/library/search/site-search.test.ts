import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../electron/library/library-service';
import { parseQuery } from '../../../../../electron/library/search/search-matcher';
import { lineAround, scorePost } from '../../../../../electron/library/search/search-query';
import { tempDir } from '../../../../support/temp-site';

let root: string;
let cleanup: () => Promise<void>;
let library: Library;

const posts: Record<string, string> = {
  'content/posts/harbour.md':
    '---\ntitle: "Harbour walks"\ntags: [travel, sea]\n---\nThe harbour at dawn.\nBoats in the Harbour.\n',
  'content/posts/island.md':
    '---\ntitle: "Island notes"\ntags: [travel]\ndraft: true\n---\nA ferry from the harbour to the island.\n',
  'content/posts/kitchen.md':
    '---\ntitle: "Kitchen"\nauthor: "Harbourside Press"\n---\nBread and harbours.\nNothing else.\n',
  'content/notes/crlf.md': '---\r\ntitle: "CRLF"\r\n---\r\nline one\r\nthe harbour again\r\n',
};

async function write(id: string, text: string | Buffer): Promise<void> {
  const file = path.join(root, ...id.split('/'));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

async function read(id: string): Promise<string> {
  return readFile(path.join(root, ...id.split('/')), 'utf8');
}

beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir());
  await writeFile(path.join(root, 'hugo.toml'), 'title = "t"\n');
  for (const [id, text] of Object.entries(posts)) await write(id, text);
  library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: root });
  await library.handlers.listPosts({});
});
afterEach(async () => {
  await library.close();
  await cleanup();
});

describe('site search', () => {
  it('parses words and quoted phrases', () => {
    expect(parseQuery('harbour "at dawn" foo-bar')).toEqual([
      { kind: 'word', text: 'harbour', words: ['harbour'] },
      { kind: 'phrase', text: 'at dawn', words: ['at', 'dawn'] },
      { kind: 'phrase', text: 'foo-bar', words: ['foo', 'bar'] },
    ]);
  });

  it('finds words by prefix in bodies and front matter values, ranking title matches first', async () => {
    const found = await library.handlers.searchPosts({ query: 'harbour' });
    expect(found.results.map((post) => post.id)).toEqual([
      'content/posts/harbour.md',
      'content/posts/kitchen.md',
      'content/notes/crlf.md',
      'content/posts/island.md',
    ]);
    const first = found.results[0];
    expect(first?.title).toBe('Harbour walks');
    expect(first?.matches.map((match) => [match.line, match.lineText.slice(match.start, match.end)])).toEqual(
      [
        [2, 'Harbour'],
        [5, 'harbour'],
        [6, 'Harbour'],
      ],
    );
    expect(first?.matches[0]?.inFrontMatter).toBe(true);
    const crlf = found.results.find((post) => post.id === 'content/notes/crlf.md');
    expect(crlf?.matches[0]).toMatchObject({ line: 5, lineText: 'the harbour again', start: 4, end: 11 });
  });

  it('applies the case and whole-word toggles, phrases and filters', async () => {
    const ids = async (query: Parameters<Library['handlers']['searchPosts']>[0]) =>
      (await library.handlers.searchPosts(query)).results.map((post) => post.id).sort();
    expect(await ids({ query: 'Harbour', caseSensitive: true })).toEqual([
      'content/posts/harbour.md',
      'content/posts/kitchen.md',
    ]);
    expect(await ids({ query: 'harbour', wholeWord: true })).toEqual([
      'content/notes/crlf.md',
      'content/posts/harbour.md',
      'content/posts/island.md',
    ]);
    expect(await ids({ query: '"the harbour to"' })).toEqual(['content/posts/island.md']);
    expect(await ids({ query: 'harbour dawn' })).toEqual(['content/posts/harbour.md']);
    expect(await ids({ query: 'harbour', draft: 'draft' })).toEqual(['content/posts/island.md']);
    expect(await ids({ query: 'harbour', tag: 'sea' })).toEqual(['content/posts/harbour.md']);
    expect(await ids({ query: 'harbour', section: 'notes' })).toEqual(['content/notes/crlf.md']);
    expect(await ids({ query: 'zzz' })).toEqual([]);
  });

  it('finds a hyphenated word and a date as phrases', async () => {
    await write('content/posts/co-op.md', '---\ntitle: "Co-op"\ndate: 2024-01-05\n---\nThe co-op opened.\n');
    await library.handlers.listPosts({});
    const coop = await library.handlers.searchPosts({ query: 'co-op' });
    expect(coop.notice).toBeNull();
    expect(coop.results.map((result) => [result.id, result.matchCount])).toEqual([
      ['content/posts/co-op.md', 2],
    ]);
    const date = await library.handlers.searchPosts({ query: '2024-01-05' });
    expect(date.results.map((result) => result.matches[0]?.line)).toEqual([3]);
  });

  it('runs regexes with a linear engine and explains a pattern it refuses', async () => {
    const found = await library.handlers.searchPosts({ query: 'harbou?rs?\\b.*again', regex: true });
    expect(found.results.map((post) => post.id)).toEqual(['content/notes/crlf.md']);
    const backtracking = await library.handlers.searchPosts({ query: '(a+)+$', regex: true });
    expect(backtracking.notice).toBeNull();
    const invalid = await library.handlers.searchPosts({ query: '(unclosed', regex: true });
    expect(invalid.results).toEqual([]);
    expect(invalid.notice).toMatch(/not valid/);
    const lookbehind = await library.handlers.searchPosts({ query: '(?<=a)b', regex: true });
    expect(lookbehind.notice).toMatch(/lookaround/);
  });

  it('skips binary files with a count and sees saves and new files', async () => {
    await write(
      'content/posts/binary.md',
      Buffer.from([0x2d, 0x00, 0x68, 0x61, 0x72, 0x62, 0x6f, 0x75, 0x72]),
    );
    await library.handlers.listPosts({});
    let found = await library.handlers.searchPosts({ query: 'harbour' });
    expect(found.skippedBinary).toBe(1);
    const doc = await library.handlers.readPost({ id: 'content/posts/kitchen.md' });
    await library.handlers.savePost({
      id: doc.id,
      text: doc.text.replace('Bread and harbours.', 'Bread and butter.').replace('Harbourside', 'Riverside'),
      baseRevision: doc.revision,
    });
    await write('content/posts/new.md', '---\ntitle: "New"\n---\nharbour lights\n');
    await library.handlers.listPosts({});
    found = await library.handlers.searchPosts({ query: 'harbour' });
    const ids = found.results.map((post) => post.id);
    expect(ids).not.toContain('content/posts/kitchen.md');
    expect(ids).toContain('content/posts/new.md');
  });

  it('scores title, front matter and body matches and windows long lines', () => {
    const doc = { bodyStart: 10 };
    const hit = (offset: number) => ({ offset, length: 1, groups: [] });
    expect(scorePost([[hit(2), hit(20), hit(30)]], doc, [1])).toBe(10 + 3 + 2 + 5);
    expect(scorePost([[hit(20)]], doc, [0])).toBe(1);
    const long = `${'x '.repeat(300)}needle${' y'.repeat(300)}`;
    const line = lineAround(long, 600, 6);
    expect(line.lineText.slice(line.start, line.end)).toBe('needle');
    expect(line.lineText.length).toBeLessThanOrEqual(246);
  });
});

describe('site replace', () => {
  it('previews, replaces only the chosen matches byte for byte, and undoes', async () => {
    const search = { query: 'harbour', wholeWord: true };
    const preview = await library.handlers.previewReplace({ search, replacement: 'port' });
    expect(preview.files.map((file) => file.id)).toEqual([
      'content/notes/crlf.md',
      'content/posts/harbour.md',
      'content/posts/island.md',
    ]);
    const harbour = preview.files.find((file) => file.id === 'content/posts/harbour.md');
    expect(harbour?.matches.map((match) => [match.line, match.before, match.after])).toEqual([
      [2, 'title: "Harbour walks"', 'title: "port walks"'],
      [5, 'The harbour at dawn.', 'The port at dawn.'],
      [6, 'Boats in the Harbour.', 'Boats in the port.'],
    ]);
    const chosen = preview.files.map((file) => ({
      id: file.id,
      sha256: file.sha256,
      offsets: file.matches.filter((match) => match.line !== 2).map((match) => match.offset),
    }));
    const outcome = await library.handlers.applyReplace({ search, replacement: 'port', files: chosen });
    expect(outcome.changed.map((file) => file.id).sort()).toEqual(preview.files.map((file) => file.id));
    expect(await read('content/posts/harbour.md')).toBe(
      '---\ntitle: "Harbour walks"\ntags: [travel, sea]\n---\nThe port at dawn.\nBoats in the port.\n',
    );
    expect(await read('content/notes/crlf.md')).toBe(
      '---\r\ntitle: "CRLF"\r\n---\r\nline one\r\nthe port again\r\n',
    );
    expect(await read('content/posts/kitchen.md')).toBe(posts['content/posts/kitchen.md']);
    const after = await library.handlers.searchPosts({ query: 'port', wholeWord: true });
    expect(after.results).toHaveLength(3);
    const undone = await library.handlers.undoReplace({ undoId: outcome.undoId ?? '' });
    expect(undone.changed).toHaveLength(3);
    for (const [id, text] of Object.entries(posts)) expect(await read(id)).toBe(text);
    // The index follows the written texts: the words a post lost are gone, those it regained are back.
    expect((await library.handlers.searchPosts({ query: 'port', wholeWord: true })).results).toHaveLength(0);
    expect(
      (await library.handlers.searchPosts({ query: 'harbour', wholeWord: true })).results
        .map((r) => r.id)
        .sort(),
    ).toEqual(preview.files.map((file) => file.id));
    await expect(library.handlers.undoReplace({ undoId: outcome.undoId ?? '' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('skips a file changed since the preview and one whose front matter would break', async () => {
    const search = { query: 'Harbour walks', caseSensitive: true };
    const preview = await library.handlers.previewReplace({ search, replacement: 'a: "b' });
    expect(preview.files).toEqual([]);
    expect(preview.skipped).toEqual([
      { id: 'content/posts/harbour.md', reason: expect.stringMatching(/break the front matter/) },
    ]);
    const ok = await library.handlers.previewReplace({ search: { query: 'dawn' }, replacement: 'dusk' });
    await write('content/posts/harbour.md', `${posts['content/posts/harbour.md']}more dawn\n`);
    const outcome = await library.handlers.applyReplace({
      search: { query: 'dawn' },
      replacement: 'dusk',
      files: ok.files.map((file) => ({
        id: file.id,
        sha256: file.sha256,
        offsets: file.matches.map((m) => m.offset),
      })),
    });
    expect(outcome.changed).toEqual([]);
    expect(outcome.skipped).toEqual([
      { id: 'content/posts/harbour.md', reason: 'the file changed on disk since it was searched' },
    ]);
    expect(await read('content/posts/harbour.md')).toBe(`${posts['content/posts/harbour.md']}more dawn\n`);
  });

  it('expands regex groups and skips read-only files', async () => {
    if (process.getuid?.() !== 0) await chmod(path.join(root, 'content/posts/island.md'), 0o444);
    const search = { query: '(\\w+) harbour', regex: true };
    const preview = await library.handlers.previewReplace({ search, replacement: '$1 port' });
    const harbour = preview.files.find((file) => file.id === 'content/posts/harbour.md');
    expect(harbour?.matches.map((match) => match.after)).toEqual(['The port at dawn.', 'Boats in the port.']);
    if (process.getuid?.() !== 0) {
      expect(preview.skipped).toContainEqual({
        id: 'content/posts/island.md',
        reason: 'the file is read-only',
      });
    }
  });
});

describe('regex case folding', () => {
  it('finds the same matches with the folded pattern as with the case-insensitive engine', async () => {
    const { regexFinder, compileFolded } =
      await import('../../../../../electron/library/search/search-matcher');
    const text = 'The HARBOUR, a Harbour; harbours. İstanbul Harbour\nQuixote quixote';
    for (const pattern of ['harbou?rs?', '[A-Z]arbour', 'h\\w+r\\b', 'qu[IO]xote|ZZZ', '(?P<Word>HARB)our']) {
      const folded = regexFinder(pattern, false, false)(text, 100);
      const exact = new RegExp(pattern.replace('?P<', '?<'), 'gi');
      expect(folded.map((match) => text.slice(match.offset, match.offset + match.length))).toEqual(
        [...text.matchAll(exact)].map((match) => match[0]),
      );
    }
    expect(compileFolded('(?i)abc')).toBeNull();
    expect(compileFolded('\\x41')).toBeNull();
    expect(regexFinder('(H)arbour', false, false)('a harbour', 5)[0]?.groups).toEqual(['h']);
  });
});
