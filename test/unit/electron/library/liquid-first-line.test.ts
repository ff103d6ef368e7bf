import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostIndex } from '../../../../electron/library/post-index';
import { PostStore } from '../../../../electron/library/post-store';
import { detectSite } from '../../../../electron/library/site-detect';
import { readFrontMatter } from '../../../../shared/post/front-matter/front-matter-edit';
import { splitFrontMatter } from '../../../../shared/post/split-front-matter';
import { tempDir } from '../../../support/temp-site';

// Shaped like an Eleventy docs page whose first line is a Nunjucks/Liquid tag, and a Hugo JSON post.
const liquid = '{% raw %}\nUse {{ page.url }} in a template.\n{% endraw %}\n';
const nunjucks = '{%- set title = "x" -%}\n# Heading\n';
const mustache = '{{ site.title }}\n';
const json = '{\n  "title": "A JSON post"\n}\nBody.\n';
const jsonEmpty = '{ }\nBody.\n';

let root: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir());
  await writeFile(path.join(root, 'hugo.toml'), 'title = "t"\n');
  const posts = path.join(root, 'content', 'docs');
  await mkdir(posts, { recursive: true });
  await writeFile(path.join(posts, 'liquid.md'), liquid);
  await writeFile(path.join(posts, 'nunjucks.md'), nunjucks);
  await writeFile(path.join(posts, 'mustache.md'), mustache);
  await writeFile(path.join(posts, 'json.md'), json);
  await writeFile(path.join(posts, 'json-empty.md'), jsonEmpty);
});
afterEach(async () => {
  await cleanup();
});

describe('a first line that is a template tag is body, not JSON front matter', () => {
  it('the splitter finds no block before a {% %} or {{ }} line, and still finds a JSON object', () => {
    for (const text of [liquid, nunjucks, mustache, ' {"a": 1}\n']) {
      expect(splitFrontMatter(text)).toMatchObject({ format: null, error: null, bodyStart: 0 });
    }
    expect(splitFrontMatter(json)).toMatchObject({ format: 'json', error: null });
    expect(splitFrontMatter(jsonEmpty)).toMatchObject({ format: 'json', error: null });
    expect(splitFrontMatter('{\r\n\t"a": 1}\r\n')).toMatchObject({ format: 'json', error: null });
    expect(splitFrontMatter('\uFEFF{"a": 1}\n')).toMatchObject({ format: 'json', rawStart: 1 });
    // Near-JSON (single quotes, comments) is still a JSON block, reported as invalid JSON.
    expect(splitFrontMatter("{\n  'a': 1\n}\n")).toMatchObject({ format: 'json' });
    expect(splitFrontMatter('{\n  // note\n  "a": 1\n}\n')).toMatchObject({ format: 'json' });
  });

  it('the index lists the template pages without a problem, titled by their file name', async () => {
    const site = await detectSite(root);
    const rows = await new PostIndex(site).refresh();
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    for (const name of ['liquid', 'nunjucks', 'mustache']) {
      expect(byId[`content/docs/${name}.md`]).toMatchObject({ error: null, format: null, title: name });
    }
    expect(byId['content/docs/json.md']).toMatchObject({ error: null, format: 'json', title: 'A JSON post' });
    expect(byId['content/docs/json-empty.md']).toMatchObject({ error: null, format: 'json' });
  });

  it('the editor reads the template page as all body, and the JSON post as front matter', async () => {
    const store = new PostStore(root);
    const doc = await store.read('content/docs/liquid.md');
    expect(doc.text).toBe(liquid);
    const split = splitFrontMatter(doc.text);
    expect(split.format).toBeNull();
    expect(doc.text.slice(split.bodyStart)).toBe(liquid);
    const post = await store.read('content/docs/json.md');
    const jsonSplit = splitFrontMatter(post.text);
    expect(jsonSplit.format).toBe('json');
    expect(readFrontMatter(post.text.slice(jsonSplit.rawStart, jsonSplit.rawEnd), 'json')).toEqual({
      ok: true,
      data: { title: 'A JSON post' },
    });
  });
});
