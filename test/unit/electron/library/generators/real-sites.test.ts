import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../electron/library/library-service';
import { lockedBlockTitle, lockedFrontMatterReason } from '../../../../../shared/post/locked-front-matter';
import { splitFrontMatter } from '../../../../../shared/post/split-front-matter';
import { readFrontMatter, writeFrontMatter } from '../../../../../shared/post/front-matter/front-matter-edit';
import type { FmMap } from '../../../../../shared/post/front-matter/located-tree';
import { makePng } from '../../../../support/make-png';
import { copyRealSite } from '../../../../support/real-sites';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function open(name: string): Promise<{ site: string; library: Library }> {
  const copy = await copyRealSite(name);
  const library = createLibrary();
  cleanups.push(copy.cleanup, () => library.close());
  await library.handlers.openSite({ path: copy.site });
  return { site: copy.site, library };
}

/** Changes one top-level front matter key of post `id` as the form does, saves, and answers old and new bytes. */
async function editKey(library: Library, id: string, key: string, value: string) {
  const post = await library.handlers.readPost({ id });
  const split = splitFrontMatter(post.text);
  expect(split.format).not.toBeNull();
  const format = split.format!;
  const raw = post.text.slice(split.rawStart, split.rawEnd);
  const read = readFrontMatter(raw, format);
  if (!read.ok) throw new Error(read.error);
  const next = { ...(read.data as FmMap), [key]: value };
  const text =
    post.text.slice(0, split.rawStart) + writeFrontMatter(raw, format, next) + post.text.slice(split.rawEnd);
  await library.handlers.savePost({ id, text, baseRevision: post.revision });
  return { before: post.text, after: text };
}

/** The lines of `after` that differ from `before` (same line count expected). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return b.filter((line, index) => line !== a[index]);
}

describe('Eleventy (shaped like 11ty/eleventy-base-blog)', () => {
  it('is named, reads input/includes/data/output and the public/ passthrough, lists exactly its posts and pages', async () => {
    const { site, library } = await open('eleventy-base-blog');
    // Output written by a build is never listed.
    await mkdir(path.join(site, '_site', 'blog'), { recursive: true });
    await writeFile(path.join(site, '_site', 'blog', 'copy.md'), '---\ntitle: built\n---\n');
    const info = await library.handlers.openSite({ path: site });
    expect(info).toMatchObject({
      generator: 'eleventy',
      contentDirs: ['content'],
      staticDir: 'public',
      detected: 'Eleventy site: posts in content/, site files from public/',
    });
    const posts = await library.handlers.listPosts({});
    expect(posts.map((post) => post.id)).toEqual([
      'content/404.md',
      'content/about.md',
      'content/blog/compost-notes.md',
      'content/blog/seed-list.md',
      'content/blog/sowing-beans.md',
      'content/blog/winter-kale/winter-kale.md',
    ]);
  });

  it('creates a post in the blog folder with the keys and date shape its siblings use', async () => {
    const { site, library } = await open('eleventy-base-blog');
    const created = await library.handlers.createPost({ title: 'Potatoes in bags', section: 'blog' });
    expect(created.id).toBe('content/blog/potatoes-in-bags.md');
    const text = await readFile(path.join(site, created.id), 'utf8');
    expect(text).toMatch(
      /^---\ntitle: Potatoes in bags\ndescription: ''\ndate: \d{4}-\d{2}-\d{2}\ntags: \[\]\n---\n\n$/,
    );
  });

  it('edits one field of a post: only that line changes', async () => {
    const { site, library } = await open('eleventy-base-blog');
    const id = 'content/blog/compost-notes.md';
    const { before, after } = await editKey(library, id, 'title', 'Four bins of compost');
    expect(changedLines(before, after)).toEqual(['title: Four bins of compost']);
    expect(await readFile(path.join(site, id), 'utf8')).toBe(after);
  });
});

describe('Astro (shaped like the official blog template)', () => {
  it('is named, finds collections and literal loader bases, public/, and lists .md and .mdx posts and Markdown pages', async () => {
    const { site, library } = await open('astro-blog');
    await mkdir(path.join(site, 'dist'), { recursive: true });
    await writeFile(path.join(site, 'dist', 'built.md'), '---\ntitle: built\n---\n');
    const info = await library.handlers.openSite({ path: site });
    expect(info).toMatchObject({
      generator: 'astro',
      contentDirs: ['src/content', 'src/data/notes', 'src/pages'],
      staticDir: 'public',
      sections: ['blog'],
    });
    expect(info.detected).toMatch(/^Astro site: /);
    const posts = await library.handlers.listPosts({});
    expect(posts.map((post) => [post.id, post.title])).toEqual([
      ['src/content/blog/first-crossing.md', 'First crossing'],
      ['src/content/blog/knots-we-use.md', 'Knots we use'],
      ['src/content/blog/using-mdx.mdx', 'Charts in MDX'],
      ['src/data/notes/engine-checks.md', 'Engine checks'],
      ['src/pages/about.md', 'About the log'],
    ]);
  });

  it('creates a post in the collection with pubDate in the siblings own shape and quotes', async () => {
    const { site, library } = await open('astro-blog');
    const created = await library.handlers.createPost({ title: "Skipper's log" });
    expect(created.id).toBe('src/content/blog/skippers-log.md');
    const text = await readFile(path.join(site, created.id), 'utf8');
    expect(text).toMatch(
      /^---\ntitle: 'Skipper''s log'\ndescription: ''\npubDate: '[A-Z][a-z]{2} \d{2} \d{4}'\n# heroImage: '\.\.\/\.\.\/assets\/harbour-\d\.png'\n---\n\n$/,
    );
  });

  it('edits the title of the .mdx post: only that line changes, imports and JSX byte for byte', async () => {
    const { site, library } = await open('astro-blog');
    const id = 'src/content/blog/using-mdx.mdx';
    const post = await library.handlers.readPost({ id });
    expect(post.bodyKind).toBe('markdown');
    const { before, after } = await editKey(library, id, 'title', 'Tide charts in MDX');
    expect(changedLines(before, after)).toEqual(["title: 'Tide charts in MDX'"]);
    const onDisk = await readFile(path.join(site, id), 'utf8');
    expect(onDisk).toBe(after);
    expect(onDisk.slice(onDisk.indexOf('\n---\n') + 5)).toBe(before.slice(before.indexOf('\n---\n') + 5));
  });

  it('puts a pasted image where the collection keeps its images: src/assets, referred to relatively', async () => {
    const { site, library } = await open('astro-blog');
    const image = await library.handlers.importImage({
      postId: 'src/content/blog/knots-we-use.md',
      fileName: 'bowline.png',
      data: makePng(2, 2, () => [10, 20, 30]).toString('base64'),
      alt: 'A bowline',
    });
    expect(image.url).toMatch(/^\.\.\/\.\.\/assets\/knots-we-use\/[\w.-]+\.png$/);
    expect(await readdir(path.join(site, 'src/assets/knots-we-use'))).toHaveLength(1);
  });
});

describe('Jekyll (shaped like jekyll/jekyll docs/)', () => {
  it('reads collections from _config.yml and lists posts, drafts, collection documents and pages with front matter', async () => {
    const { library } = await open('jekyll-docs');
    const posts = await library.handlers.listPosts({});
    expect(posts.map((post) => post.id)).toEqual([
      '404.html',
      '_docs/configuration/options.md',
      '_docs/contributing.md',
      '_docs/front-matter.md',
      '_docs/installation.md',
      '_drafts/roadmap.md',
      '_posts/2024-05-06-lantern-1-0-released.markdown',
      '_posts/2024-06-01-lantern-1-0-1-released.markdown',
      '_tutorials/first-site.md',
      '_tutorials/index.md',
      'index.html',
      'pages/team.md',
    ]);
  });

  it('is named and offers its collections as sections; a new document goes to its _<collection> folder', async () => {
    const { site, library } = await open('jekyll-docs');
    const info = await library.handlers.openSite({ path: site });
    expect(info).toMatchObject({
      generator: 'jekyll',
      contentDirs: ['_posts', '_drafts', '_docs', '_tutorials'],
      sections: ['posts', 'drafts', 'docs', 'tutorials'],
      staticDir: '.',
    });
    const created = await library.handlers.createPost({ title: 'Deployment', section: 'docs' });
    expect(created.id).toBe('_docs/deployment.md');
  });

  it('edits one field of a post with a Liquid title elsewhere untouched', async () => {
    const { site, library } = await open('jekyll-docs');
    const id = '_posts/2024-06-01-lantern-1-0-1-released.markdown';
    const { before, after } = await editKey(library, id, 'author', 'rosa');
    expect(changedLines(before, after)).toEqual(['author: rosa']);
    expect(await readFile(path.join(site, id), 'utf8')).toBe(after);
  });
});

describe('Hugo (config/_default, module mounts, section archetype bundles)', () => {
  it('reads the content mount from config/_default/module.toml and lists sections named resources and public', async () => {
    const { site, library } = await open('hugo-docs');
    await mkdir(path.join(site, 'public', 'news'), { recursive: true });
    await writeFile(path.join(site, 'public', 'news', 'index.md'), '---\ntitle: built\n---\n');
    const info = await library.handlers.openSite({ path: site });
    expect(info).toMatchObject({
      generator: 'hugo',
      contentDirs: ['content/en'],
      staticDir: 'static',
      sections: ['functions', 'news'],
    });
    const posts = await library.handlers.listPosts({});
    expect(posts.map((post) => post.id)).toEqual([
      'content/en/_index.md',
      'content/en/functions/_index.md',
      'content/en/functions/public/_index.md',
      'content/en/functions/resources/Get.md',
      'content/en/functions/resources/_index.md',
      'content/en/functions/time/Now/index.md',
      'content/en/news/2024-release.md',
    ]);
  });

  it('creates a post from the section archetype bundle: a bundle with the archetype files', async () => {
    const { site, library } = await open('hugo-docs');
    const created = await library.handlers.createPost({ title: 'strings.Repeat', section: 'functions' });
    expect(created.id).toBe('content/en/functions/strings-repeat/index.md');
    const text = await readFile(path.join(site, created.id), 'utf8');
    expect(text.split('\n').slice(0, 3)).toEqual(['---', 'title: "strings.Repeat"', 'description: ""']);
    expect(await readFile(path.join(site, 'content/en/functions/strings-repeat/sample.txt'), 'utf8')).toBe(
      await readFile(path.join(site, 'archetypes/functions/sample.txt'), 'utf8'),
    );
  });
});

describe('front matter Postdesk cannot edit safely', () => {
  it('lists a ---js post by its plain title literal, else by its file name, and Liquid values as written', async () => {
    const { library } = await open('eleventy-base-blog');
    const posts = await library.handlers.listPosts({});
    const title = (id: string) => posts.find((post) => post.id === id)?.title;
    expect(title('content/blog/seed-list.md')).toBe('Seeds to order for spring');
    expect(title('content/about.md')).toBe('about');
  });

  it('splits a ---js / ---json block off the body, and names why each locked block is read-only', () => {
    const js = '---js\nconst title = "A \\"quoted\\" title";\n---\nBody\n';
    const split = splitFrontMatter(js);
    expect(split).toMatchObject({ format: null, language: 'js', error: null });
    expect(js.slice(split.bodyStart)).toBe('Body\n');
    expect(lockedFrontMatterReason(js, split, 'eleventy')).toMatch(
      /JavaScript front matter \(---js\) is code/,
    );
    expect(lockedBlockTitle(js.slice(split.rawStart, split.rawEnd), 'js')).toBe('A "quoted" title');
    const json = '---json\n{ "title": "From JSON" }\n---\nBody\n';
    const jsonSplit = splitFrontMatter(json);
    expect(lockedFrontMatterReason(json, jsonSplit, 'eleventy')).toMatch(/---json is shown read-only/);
    expect(lockedBlockTitle(json.slice(jsonSplit.rawStart, jsonSplit.rawEnd), 'json')).toBe('From JSON');
    const liquid = '---\ntitle: "{{ site.name }} docs"\n---\nBody\n';
    expect(lockedFrontMatterReason(liquid, splitFrontMatter(liquid), 'jekyll')).toMatch(/Liquid tags/);
    // Hugo has no Liquid: braces in a Hugo value are text and the block stays editable.
    expect(lockedFrontMatterReason(liquid, splitFrontMatter(liquid), 'hugo')).toBeNull();
    const plain = '---\ntitle: Plain\n# {{ not a value }}\n---\nBody\n';
    expect(lockedFrontMatterReason(plain, splitFrontMatter(plain), 'jekyll')).toBeNull();
    // An unclosed tagged block is no front matter: the whole text is body.
    expect(splitFrontMatter('---js\nconst a = 1;\n').bodyStart).toBe(0);
  });

  it('saves a body edit of a ---js post with the block byte for byte', async () => {
    const { site, library } = await open('eleventy-base-blog');
    const id = 'content/about.md';
    const post = await library.handlers.readPost({ id });
    const block = post.text.slice(0, splitFrontMatter(post.text).bodyStart);
    await library.handlers.savePost({ id, text: `${block}# About me\n`, baseRevision: post.revision });
    expect(await readFile(path.join(site, id), 'utf8')).toBe(`${block}# About me\n`);
  });
});

describe('image folders per generator', () => {
  const png = makePng(2, 2, () => [200, 100, 50]).toString('base64');

  it('Eleventy: into the folder the passthrough serves at the root, as a site-root path', async () => {
    const { site, library } = await open('eleventy-base-blog');
    const image = await library.handlers.importImage({
      postId: 'content/blog/sowing-beans.md',
      fileName: 'row.png',
      data: png,
      alt: 'A row',
    });
    expect(image.url).toMatch(/^\/images\/sowing-beans\/[\w.-]+\.png$/);
    expect(await readdir(path.join(site, 'public/images/sowing-beans'))).toHaveLength(1);
  });

  it('Jekyll: into assets/images/<slug> without the date, as a site-root path', async () => {
    const { site, library } = await open('jekyll-docs');
    const image = await library.handlers.importImage({
      postId: '_posts/2024-06-01-lantern-1-0-1-released.markdown',
      fileName: 'shot.png',
      data: png,
      alt: 'A screenshot',
    });
    expect(image.url).toMatch(/^\/assets\/images\/lantern-1-0-1-released\/[\w.-]+\.png$/);
    expect(await readdir(path.join(site, 'assets/images/lantern-1-0-1-released'))).toHaveLength(1);
  });

  it('Astro: a collection whose posts use site-root paths gets public/images, as a site-root path', async () => {
    const { site, library } = await open('astro-blog');
    await writeFile(
      path.join(site, 'src/data/notes/engine-checks.md'),
      '---\ntitle: Engine checks\n---\n![Oil](/images/oil.png)\n',
    );
    const image = await library.handlers.importImage({
      postId: 'src/data/notes/engine-checks.md',
      fileName: 'belt.png',
      data: png,
      alt: 'The belt',
    });
    expect(image.url).toMatch(/^\/images\/engine-checks\/[\w.-]+\.png$/);
    expect(await readdir(path.join(site, 'public/images/engine-checks'))).toHaveLength(1);
  });
});
