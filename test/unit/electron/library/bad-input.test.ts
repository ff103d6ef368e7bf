import { createHash } from 'node:crypto';
import { cp, open as openFile, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostSummary } from '../../../../shared/api';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { tempDir } from '../../../support/temp-site';

/** The corpus: each file of test/fixtures/bad-input and what Postdesk must make of it. */
const corpusDir = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'bad-input');

interface Expectation {
  /** The list row's problem (null: none). */
  error: RegExp | null;
  /** The line the problem names, when it names one. */
  line?: number | null;
  /** Why the file opens read-only (null: it is editable). */
  readOnly?: RegExp | null;
  /** The title the list shows, when it matters. */
  title?: string;
  format?: 'yaml' | 'toml' | 'json' | null;
}

const notText = /NUL bytes/;
const notUtf8 = /not valid UTF-8/;

const corpus: Record<string, Expectation> = {
  'yaml-bad-indent.md': { error: /^Invalid YAML front matter on line 3: bad indentation/, line: 3 },
  'yaml-unclosed-quote.md': {
    error: /^Invalid YAML front matter on line 4: .*double quoted scalar/,
    line: 4,
  },
  'yaml-tab-indent.md': { error: /on line 3: tab characters/, line: 3 },
  'yaml-duplicate-key.md': { error: /on line 3: duplicated mapping key/, line: 3 },
  'yaml-colon-in-plain-title.md': { error: /on line 2:/, line: 2 },
  'yaml-list-root.md': { error: /not a map of keys and values/, line: 2 },
  'yaml-scalar-root.md': { error: /not a map of keys and values/, line: 2 },
  'yaml-unterminated.md': { error: /opened on line 1 with --- is never closed/, line: 1 },
  'yaml-unknown-tag.md': { error: /on line 2: unknown tag/, line: 2 },
  'yaml-control-chars.md': { error: /on line 2:/, line: 2 },
  'yaml-toml-inside-dashes.md': { error: /not a map/, line: 2 },
  'yaml-deep-nesting.md': { error: /on line 2: nesting exceeded/, line: 2 },
  'yaml-alias-bomb.md': { error: null, title: 'Alias bomb' },
  'yaml-dots-closing.md': { error: null, title: 'Closed with dots' },
  'toml-unterminated.md': { error: /opened on line 1 with \+\+\+ is never closed/, line: 1 },
  'toml-bad-string.md': { error: /^Invalid TOML front matter on line 2:/, line: 2 },
  'toml-bare-value.md': { error: /^Invalid TOML front matter on line 2: .*invalid value/, line: 2 },
  'toml-duplicate-key.md': { error: /on line 3:/, line: 3 },
  'toml-bad-date.md': { error: /on line 3: .*invalid date/, line: 3 },
  'json-trailing-comma.md': { error: /^Invalid JSON front matter on line 4:/, line: 4 },
  'json-unterminated.md': { error: /JSON front matter opened on line 1 is never closed/, line: 1 },
  'json-single-quotes.md': { error: /^Invalid JSON front matter on line 2:/, line: 2 },
  'json-bad-literal.md': { error: /^Invalid JSON front matter: Unexpected token/ },
  'json-with-comments.md': { error: /^Invalid JSON front matter on line 2:/, line: 2 },
  'binary-png-named-md.md': { error: notText, readOnly: notText, format: null },
  'binary-nul-in-header.md': { error: notText, readOnly: notText },
  'binary-nul-late-in-body.md': { error: null, readOnly: notText, title: 'Late NUL' },
  'utf16le-with-bom.md': { error: notText, readOnly: notText },
  'invalid-utf8-latin1-title.md': { error: notUtf8, readOnly: notUtf8 },
  'invalid-utf8-latin1-body.md': { error: notUtf8, readOnly: notUtf8 },
  'invalid-utf8-overlong.md': { error: notUtf8, readOnly: notUtf8 },
  'invalid-utf8-surrogate.md': { error: notUtf8, readOnly: notUtf8 },
  'invalid-utf8-truncated-end.md': { error: notUtf8, readOnly: notUtf8 },
  'bom-yaml.md': { error: null, title: 'BOM and YAML', format: 'yaml' },
  'bom-toml.md': { error: null, title: 'BOM and TOML', format: 'toml' },
  'bom-only.md': { error: null, format: null },
  'crlf-yaml.md': { error: null, title: 'CRLF YAML', format: 'yaml' },
  'crlf-toml.md': { error: null, title: 'CRLF TOML', format: 'toml' },
  'crlf-bom-yaml.md': { error: null, title: 'CRLF and BOM' },
  'mixed-line-endings.md': { error: null, title: 'Mixed endings' },
  'cr-only-line-endings.md': { error: null, format: null },
  'empty.md': { error: null, title: 'empty', format: null },
  'whitespace-only.md': { error: null, format: null },
  'front-matter-only.md': { error: null, title: 'Only front matter' },
  'front-matter-only-newline.md': { error: null, title: 'Only front matter and newline' },
  'empty-front-matter.md': { error: null, format: 'yaml' },
  'dashes-in-body.md': { error: null, title: 'Dashes in body' },
  'dashes-later-no-front-matter.md': { error: null, format: null },
  'mojibake-title.md': { error: null, title: 'CafÃ© rÃ©sumÃ© â€” donâ€™t' },
  'zero-width-and-rtl.md': { error: null, title: 'Zero\u200bwidth \u202eRTL\u202c' },
  'title-not-a-string.md': { error: null, title: 'title-not-a-string' },
  'very-long-line-no-front-matter.md': { error: null, format: null },
  'huge-front-matter.md': { error: null, title: 'Huge front matter' },
  'html-with-front-matter.html': { error: null, title: 'HTML file' },
  'html-no-front-matter.htm': { error: null, format: null },
  // Generated at run time (never committed): see beforeAll.
  'generated-50mb.md': { error: /50\.0 MB, over the 10 MB/, readOnly: /over the 10 MB/, format: 'yaml' },
  'generated-front-matter-over-1mb.md': { error: /runs past 1 MB without closing/, line: 1 },
};

let site: string;
let cleanup: () => Promise<void>;
let library: Library;
let listed: Map<string, PostSummary>;
const before = new Map<string, string>();

async function digest(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

async function writeLarge(file: string): Promise<void> {
  const handle = await openFile(file, 'w');
  try {
    await handle.write('---\ntitle: "Fifty megabytes"\n---\n');
    const line = Buffer.from(`${'All work and no play makes a large file. '.repeat(24)}\n`);
    const block = Buffer.concat(Array.from({ length: 1024 }, () => line));
    for (let written = 0; written < 50 * 1024 * 1024; written += block.length) await handle.write(block);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  ({ dir: site, cleanup } = await tempDir('postdesk-bad-input-'));
  await cp(corpusDir, site, { recursive: true });
  await writeLarge(path.join(site, 'generated-50mb.md'));
  const longHeader = `---\n${'key: "a long front matter line that goes on and on"\n'.repeat(25_000)}`;
  await import('node:fs/promises').then((fs) =>
    fs.writeFile(path.join(site, 'generated-front-matter-over-1mb.md'), longHeader),
  );
  for (const name of await readdir(site)) before.set(name, await digest(path.join(site, name)));
  library = createLibrary({ watch: false });
  await library.handlers.openSite({ path: site });
  listed = new Map((await library.handlers.listPosts({})).map((post) => [post.id, post]));
}, 120_000);

afterAll(async () => {
  await library.close();
  await cleanup();
});

describe('bad-input corpus', () => {
  it('holds at least 40 committed files, each with an expectation here', async () => {
    const files = (await readdir(corpusDir)).filter((name) => !name.startsWith('.'));
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files.filter((name) => !(name in corpus))).toEqual([]);
    expect(listed.size).toBe(Object.keys(corpus).length);
  });

  it.each(Object.entries(corpus))(
    '%s: listed with its problem, opens, bytes unchanged',
    async (name, expected) => {
      const summary = listed.get(name);
      expect(summary, `${name} is listed`).toBeDefined();
      if (!summary) return;
      if (expected.error === null) expect(summary.error).toBeNull();
      else expect(summary.error).toMatch(expected.error);
      if (expected.line !== undefined) expect(summary.errorLine).toBe(expected.line);
      if (expected.line !== undefined && expected.line !== null)
        expect(summary.error).toContain(`line ${expected.line}`);
      if (expected.title !== undefined) expect(summary.title).toBe(expected.title);
      if (expected.format !== undefined) expect(summary.format).toBe(expected.format);

      const post = await library.handlers.readPost({ id: name });
      if (expected.readOnly) {
        expect(post.readOnly).toMatch(expected.readOnly);
        await expect(
          library.handlers.savePost({ id: name, text: post.text, baseRevision: post.revision }),
        ).rejects.toMatchObject({ code: 'invalid-argument' });
      } else {
        expect(post.readOnly).toBeNull();
        const same = Buffer.from(post.text, 'utf8').equals(await readFile(path.join(site, name)));
        expect(same, 'the text read is the file byte for byte').toBe(true);
      }
      const size = (await stat(path.join(site, name))).size;
      expect(post.revision.size).toBe(size);
      expect(post.revision.sha256).toBe(before.get(name));
      expect(await digest(path.join(site, name))).toBe(before.get(name));
    },
  );

  it('shows only the beginning of the 50 MB file, with a revision of the whole', async () => {
    const post = await library.handlers.readPost({ id: 'generated-50mb.md' });
    expect(post.truncated).toBe(true);
    expect(post.text.length).toBeLessThanOrEqual(256 * 1024);
    expect(post.text.startsWith('---\ntitle: "Fifty megabytes"')).toBe(true);
    expect(post.revision.size).toBeGreaterThan(50 * 1024 * 1024);
  });

  it('saves an unchanged BOM + CRLF post byte for byte, and a forced save of a read-only file works', async () => {
    for (const name of ['crlf-bom-yaml.md', 'mixed-line-endings.md', 'bom-toml.md']) {
      const post = await library.handlers.readPost({ id: name });
      await library.handlers.savePost({ id: name, text: post.text, baseRevision: post.revision });
      expect(await digest(path.join(site, name))).toBe(before.get(name));
    }
    const binary = await library.handlers.readPost({ id: 'invalid-utf8-overlong.md' });
    await library.handlers.savePost({
      id: 'invalid-utf8-overlong.md',
      text: '---\ntitle: Fixed\n---\n',
      baseRevision: binary.revision,
      force: true,
    });
    expect(await readFile(path.join(site, 'invalid-utf8-overlong.md'), 'utf8')).toBe(
      '---\ntitle: Fixed\n---\n',
    );
  });
});
