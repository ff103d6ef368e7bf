import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostProblemCount, PostProblemsEvent } from '../../../../shared/api';
import { createLibrary } from '../../../../electron/library/library-service';
import { PostProblems, tooSlowText } from '../../../../electron/library/post-problems';
import { findPostFiles } from '../../../../electron/library/post-index';
import { detectSite } from '../../../../electron/library/site-detect';
import { copyFixtureSite } from '../../../support/temp-site';

const posts = 'content/posts';
const slowId = `${posts}/zz-slow-post.md`;
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
  // Just under the 10 MB edit limit: 850,000 links to missing files, seconds of checks on any machine.
  await writeFile(
    path.join(site, slowId),
    `---\ntitle: Slow\nsummary: s\n---\n${'[a](b.png)\n'.repeat(850_000)}`,
  );
});
afterEach(async () => {
  await cleanup();
});

const until = async (done: () => boolean): Promise<void> => {
  for (let tries = 0; tries < 600 && !done(); tries++)
    await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('problems pass in worker threads with a per-post budget', () => {
  it('reports a post past its budget as not checked, checks the others, and keeps it cached', async () => {
    const info = await detectSite(site);
    const batches: PostProblemCount[][] = [];
    const checker = new PostProblems(info, (batch) => batches.push(batch), { budgetMs: 300 });
    expect(checker.threaded).toBe(true);
    const ids = await findPostFiles(info);
    await checker.pass(ids);
    const seen = Object.fromEntries(batches.flat().map((entry) => [entry.id, entry]));
    expect(seen[slowId]).toEqual({ id: slowId, count: 0, first: tooSlowText, notChecked: 'too-slow' });
    for (const [id, count] of Object.entries(expected)) {
      expect(seen[id]?.count).toBe(count);
      expect(seen[id]?.notChecked).toBeUndefined();
    }
    expect(checker.known(slowId)?.notChecked).toBe('too-slow');
    // The second pass finds every post unchanged (the slow one too): nothing is published again.
    batches.length = 0;
    await checker.pass(ids);
    expect(batches.flat()).toEqual([]);
    checker.stop();
  });

  it('answers other calls while the slow post is checked, then lists it as not checked', async () => {
    // More posts than one job (32), so that the first job's answers come while the slow post runs.
    for (let index = 0; index < 40; index++) {
      await writeFile(
        path.join(site, posts, `filler-${index}.md`),
        `---\ntitle: Filler ${index}\nsummary: s\n---\nText.\n`,
      );
    }
    const library = createLibrary({ problems: { budgetMs: 1500 } });
    const events: PostProblemsEvent[] = [];
    library.subscribe((event, payload) => {
      if (event === 'postProblems') events.push(payload as PostProblemsEvent);
    });
    try {
      await library.handlers.openSite({ path: site });
      const entries = (): PostProblemCount[] => events.flatMap((event) => event.problems);
      // The pass has started: a first job of small posts came back ...
      await until(() => entries().length >= 32);
      // ... and while the slow post is still being checked the host answers other calls.
      const read = await library.handlers.readPost({ id: `${posts}/clean-post.md` });
      const listed = await library.handlers.listPosts({});
      expect(read.text).toContain('title:');
      expect(listed.map((post) => post.id)).toContain(slowId);
      expect(entries().some((entry) => entry.id === slowId)).toBe(false);
      await until(() => entries().some((entry) => entry.id === slowId));
      expect(entries().find((entry) => entry.id === slowId)?.notChecked).toBe('too-slow');
      const again = await library.handlers.listPosts({});
      const slow = again.find((post) => post.id === slowId);
      expect(slow?.notChecked).toBe('too-slow');
      expect(slow?.firstProblem).toBe(tooSlowText);
      expect(again.find((post) => post.id === `${posts}/image-post.md`)?.problems).toBe(2);
    } finally {
      await library.close();
    }
  });
});
