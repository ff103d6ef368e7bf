import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostProblemCount, PostProblemsEvent } from '../../../../shared/api';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { checkPostProblems, PostProblems, readSiteFacts } from '../../../../electron/library/post-problems';
import { detectSite } from '../../../../electron/library/site-detect';
import { findPostFiles } from '../../../../electron/library/post-index';
import { copyFixtureSite } from '../../../support/temp-site';

const posts = 'content/posts';
const expected = {
  [`${posts}/clean-post.md`]: 0,
  [`${posts}/mojibake-post.md`]: 1,
  [`${posts}/image-post.md`]: 2,
  [`${posts}/schema-post.md`]: 1,
};

let site: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ site, cleanup } = await copyFixtureSite('problem-badges'));
});
afterEach(async () => {
  await cleanup();
});

describe('PostProblems pass', () => {
  it('counts every check of each post, with the first problem as text', async () => {
    const info = await detectSite(site);
    const batches: PostProblemCount[][] = [];
    const checker = new PostProblems(info, (batch) => batches.push(batch));
    await checker.pass(await findPostFiles(info));
    const counts = Object.fromEntries(batches.flat().map((entry) => [entry.id, entry.count]));
    expect(counts).toEqual(expected);
    expect(checker.known(`${posts}/mojibake-post.md`)?.first).toMatch(
      /looks like UTF-8 read as Windows-1252/,
    );
    expect(checker.known(`${posts}/schema-post.md`)?.first).toBe('summary is required.');
    expect(checker.known(`${posts}/image-post.md`)?.first).toMatch(/no alt text/);
    expect(checker.known(`${posts}/clean-post.md`)?.first).toBeNull();
  });

  it('publishes only what changed on a second pass, and caches by mtime+size', async () => {
    const info = await detectSite(site);
    const batches: PostProblemCount[][] = [];
    const checker = new PostProblems(info, (batch) => batches.push(batch));
    const ids = await findPostFiles(info);
    await checker.pass(ids);
    batches.length = 0;
    await checker.pass(ids);
    expect(batches.flat()).toEqual([]);
    await writeFile(
      path.join(site, posts, 'mojibake-post.md'),
      '---\ntitle: Fixed\nsummary: ok\n---\nIt doesn’t.\n',
    );
    await checker.pass(ids);
    expect(batches.flat()).toEqual([{ id: `${posts}/mojibake-post.md`, count: 0, first: null }]);
  });

  it('reports a missing site-root file, and counts a missing title once under a schema', async () => {
    const info = await detectSite(site);
    const facts = await readSiteFacts(info);
    expect(facts.staticFiles.has('static/images/photo.png')).toBe(true);
    const missing = checkPostProblems(
      `${posts}/x.md`,
      '---\ntitle: X\nsummary: s\n---\n![A cat](/images/cat.png) ![A photo](/images/photo.png)\n',
      facts,
    );
    expect(missing).toEqual({ count: 1, first: expect.stringMatching(/cat\.png is not in the site/) });
    const untitled = checkPostProblems(
      `${posts}/y.md`,
      '---\nsummary: s\ndate: 2024-13-45\n---\nBody\n',
      facts,
    );
    expect(untitled.count).toBe(2);
    const broken = checkPostProblems(`${posts}/z.md`, '---\ntitle: [unclosed\n---\nBody\n', facts);
    expect(broken.count).toBe(1);
  });
});

describe('problems through the library', () => {
  let library: Library;
  let events: PostProblemsEvent[];

  beforeEach(async () => {
    library = createLibrary();
    events = [];
    library.subscribe((event, payload) => {
      if (event === 'postProblems') events.push(payload as PostProblemsEvent);
    });
    await library.handlers.openSite({ path: site });
  });
  afterEach(async () => {
    await library.close();
  });

  const latest = (): Record<string, number> => {
    const counts: Record<string, number> = {};
    for (const event of events) for (const entry of event.problems) counts[entry.id] = entry.count;
    return counts;
  };

  it('checks every post after the index, lists the counts, and clears a problem fixed on disk', async () => {
    await expect.poll(latest, { timeout: 8000 }).toEqual(expected);
    const listed = await library.handlers.listPosts({});
    expect(Object.fromEntries(listed.map((post) => [post.id, post.problems]))).toEqual(expected);
    await library.session().ready();
    const file = path.join(site, posts, 'schema-post.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('date: 2024-05-04\n', 'date: 2024-05-04\nsummary: Now it has one.\n'));
    await expect.poll(() => latest()[`${posts}/schema-post.md`], { timeout: 8000 }).toBe(0);
  });

  it('clears a problem fixed by a save', async () => {
    await expect.poll(latest, { timeout: 8000 }).toEqual(expected);
    const id = `${posts}/image-post.md`;
    const doc = await library.handlers.readPost({ id });
    const fixed = doc.text
      .replace('<img src="/images/photo.png">', '<img src="/images/photo.png" alt="A photo">')
      .replace('target="_blank"', 'target="_blank" rel="noopener"');
    await library.handlers.savePost({ id, text: fixed, baseRevision: doc.revision });
    await expect.poll(() => latest()[id], { timeout: 8000 }).toBe(0);
    const listed = await library.handlers.listPosts({});
    expect(listed.find((post) => post.id === id)?.problems).toBe(0);
  });
});
