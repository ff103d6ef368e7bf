import fc from 'fast-check';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostProblemCount, SchemaField } from '../../../../shared/api';
import { findPostFiles } from '../../../../electron/library/post-index';
import { PostProblems, readSiteFacts } from '../../../../electron/library/post-problems';
import { checkPostProblems, listSiteFacts } from '../../../../electron/library/problems/post-checks';
import { detectSite } from '../../../../electron/library/site-detect';
import { copyFixtureSite } from '../../../support/temp-site';
import { body, yamlBlock } from '../../../support/post-generators';

const posts = 'content/posts';

/** Posts written to break readers and checks: each is a file of the temporary site. */
const hostile: Record<string, string | Buffer> = {
  'broken-yaml.md': '---\ntitle: [unclosed\nsummary: s\n---\nBody\n',
  'duplicate-keys.md': '---\ntitle: One\ntitle: Two\nsummary: s\n---\nBody\n',
  'anchors.md': '---\nbase: &b {title: x}\ntitle: *b\nsummary: s\n---\nBody\n',
  'merge-key.md': '---\nbase: &b {summary: s}\n<<: *b\ntitle: Merged\n---\nBody\n',
  'tags.md': '---\ntitle: !!binary aGVsbG8=\nsummary: !custom s\ndate: !!timestamp 2024-01-01\n---\nBody\n',
  'python-tag.md': '---\ntitle: !!python/object:os.system x\nsummary: s\n---\nBody\n',
  'deep.md': `---\ntitle: T\nsummary: s\nx: ${'['.repeat(2000)}${']'.repeat(2000)}\n---\nBody\n`,
  'long-key.md': `---\ntitle: T\nsummary: s\n${'k'.repeat(2000)}: v\n---\nBody\n`,
  'tab-indent.md': '---\ntitle: T\nsummary: s\nmap:\n\tkey: v\n---\nBody\n',
  'proto.md': '---\n__proto__: {title: x}\ntitle: T\nsummary: s\n---\nBody\n',
  'null-title.md': '---\ntitle:\nsummary: s\ndate: 2024-02-30\nlastmod: yesterday\n---\nBody\n',
  'number-title.md': '---\ntitle: 12\nsummary: 0x1F\ndate: 2024-05-19T10:30:00Z\n---\nBody\n',
  'not-a-map.md': '---\n- a\n- b\n---\nBody\n',
  'scalar-block.md': '---\njust text\n---\nBody\n',
  'empty-block.md': '---\n---\nBody\n',
  'two-docs.md': '---\ntitle: T\nsummary: s\n...\n---\nBody\n',
  'unclosed-fence.md': '---\ntitle: T\nsummary: s\nBody without a closing fence\n',
  'crlf-bom.md': '\uFEFF---\r\ntitle: "CRLF"\r\nsummary: s\r\n---\r\nBody ![](/images/photo.png)\r\n',
  'toml.md':
    '+++\ntitle = "Toml"\nsummary = "s"\ndate = 2024-05-19T10:30:00Z\nlastmod = 2024-13-01\n+++\nBody\n',
  'toml-broken.md': '+++\ntitle = "Toml\n+++\nBody\n',
  'json.md': '{\n  "title": "",\n  "date": "2024-99-01"\n}\nBody\n',
  'no-front-matter.md': 'Just a body with <a href="x" target="_blank">a link</a> and caf\u00C3\u00A9.\n',
  'html-body.html':
    '---\ntitle: H\nsummary: s\n---\n<p><img src="/images/missing.png"><span style="color:red;color:blue">x</span></p>\n',
  'nul-bytes.md': Buffer.from('---\ntitle: T\n---\nBody\u0000\n'),
  'bad-utf8.md': Buffer.concat([Buffer.from('---\ntitle: T\n---\n'), Buffer.from([0xff, 0xfe, 0x41])]),
  'huge-flow.md': `---\ntitle: T\nsummary: s\ntags: [${Array.from({ length: 5000 }, (_, i) => `"t${i}"`).join(', ')}]\n---\nBody\n`,
  'many-refs.md': `---\ntitle: T\nsummary: s\n---\n${'![a](/images/photo.png) ![b](../x.png) [c](/nowhere.pdf)\n'.repeat(300)}`,
};

let site: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ site, cleanup } = await copyFixtureSite('problem-badges'));
  for (const [name, text] of Object.entries(hostile)) await writeFile(path.join(site, posts, name), text);
  // A page bundle with a resource beside its index, to check resources outside the static folder.
  await mkdir(path.join(site, posts, 'bundle'), { recursive: true });
  await writeFile(
    path.join(site, posts, 'bundle', 'index.md'),
    '---\ntitle: B\nsummary: s\n---\n![a](cat.png) ![b](dog.png)\n',
  );
  await writeFile(path.join(site, posts, 'bundle', 'cat.png'), 'png');
});
afterEach(async () => {
  await cleanup();
});

async function passResults(
  workerScript: string | null | undefined,
): Promise<Record<string, PostProblemCount>> {
  const info = await detectSite(site);
  const seen: Record<string, PostProblemCount> = {};
  const checker = new PostProblems(
    info,
    (batch) => {
      for (const entry of batch) seen[entry.id] = entry;
    },
    { ...(workerScript === undefined ? {} : { workerScript }), budgetMs: 20_000 },
  );
  try {
    await checker.pass(await findPostFiles(info));
    expect(checker.threaded).toBe(workerScript !== null);
  } finally {
    checker.stop();
  }
  return seen;
}

describe('the problems pass gives the same problems wherever it runs', () => {
  it('in worker threads as in the host, on a real site with hostile posts', async () => {
    const inHost = await passResults(null);
    const threaded = await passResults(undefined);
    expect(threaded).toEqual(inHost);
    // Not a vacuous match: every post is there, and the hostile ones found what they should.
    const ids = await findPostFiles(await detectSite(site));
    expect(Object.keys(inHost).sort()).toEqual([...ids].sort());
    expect(inHost[`${posts}/broken-yaml.md`]?.count).toBe(1);
    expect(inHost[`${posts}/nul-bytes.md`]?.first).toMatch(/NUL bytes/);
    expect(inHost[`${posts}/bad-utf8.md`]?.first).toMatch(/not valid UTF-8/);
    expect(inHost[`${posts}/null-title.md`]?.count).toBeGreaterThanOrEqual(3);
    expect(inHost[`${posts}/clean-post.md`]?.count).toBe(0);
    expect(inHost[`${posts}/bundle/index.md`]?.first).toMatch(/dog\.png/);
  });

  it('with the front matter parsed once as with the editor readers, post by post', async () => {
    const info = await detectSite(site);
    const facts = await readSiteFacts(info);
    expect(facts.fields.length).toBeGreaterThan(0);
    let compared = 0;
    for (const id of await findPostFiles(info)) {
      const text = await readFile(path.join(site, ...id.split('/')), 'utf8');
      const fast = checkPostProblems(id, text, facts);
      if (id.endsWith('/deep.md')) {
        // Deeper than the header reader's bound: refused in every thread (the editor's reader goes
        // as deep as the thread's stack allows, so it is no reference here).
        expect(fast).toEqual({ count: 1, first: expect.stringMatching(/nesting exceeded maxDepth/) });
        continue;
      }
      expect(fast, id).toEqual(checkPostProblems(id, text, facts, 'editor'));
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(Object.keys(hostile).length);
  });

  it('with the front matter parsed once as with the editor readers, on generated posts', async () => {
    const fields: SchemaField[] = [
      { name: 'title', type: 'string', label: null, required: true, choices: [], hidden: false },
      { name: 'date', type: 'datetime', label: null, required: false, choices: [], hidden: false },
    ];
    const facts = await listSiteFacts(await detectSite(site), fields);
    const extra = fc.constantFrom(
      '',
      'title: ""\n',
      'date: 2024-02-30\n',
      'lastmod: soon\n',
      'date: 2024-05-19\n',
    );
    fc.assert(
      fc.property(yamlBlock, extra, body, (block, line, text) => {
        const post = `---${block.eol}${line}${block.raw}---${block.eol}${text}`;
        const id = `${posts}/generated.md`;
        expect(checkPostProblems(id, post, facts)).toEqual(checkPostProblems(id, post, facts, 'editor'));
      }),
      { numRuns: 100 },
    );
  });
});
