import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesktopHandlers } from '../../../../electron/host/desktop-handlers';
import { createLibrary, type Library } from '../../../../electron/library/library-service';
import { setHeaderValue } from '../../../../electron/library/header-edit';
import { expandArchetype } from '../../../../electron/library/post-template';
import { slugify } from '../../../../electron/library/slug';
import { copyFixtureSite } from '../../../support/temp-site';

const cleanups: Array<() => Promise<void>> = [];
let library: Library;
afterEach(async () => {
  await library?.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function open(name: string, options: Parameters<typeof createLibrary>[0] = {}) {
  const copy = await copyFixtureSite(name);
  cleanups.push(copy.cleanup);
  library = createLibrary({ watch: false, ...options });
  const info = await library.handlers.openSite({ path: copy.site });
  await library.handlers.listPosts({});
  return { site: info.root, info, h: library.handlers };
}

const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );

describe('slugs, archetypes and header edits', () => {
  it('makes slugs from titles', () => {
    expect(slugify('Héllo, World: Part 2')).toBe('hello-world-part-2');
    expect(slugify("Don't panic!")).toBe('dont-panic');
    expect(slugify('!!!')).toBe('untitled');
  });

  it('expands the common archetype placeholders, escaping the title for its quotes', () => {
    const now = new Date(2026, 10, 27, 9, 5, 7);
    const text = expandArchetype(
      [
        'title: "{{ replace .File.ContentBaseName "-" " " | title }}"',
        "alt: '{{ .Title }}'",
        'bare: {{ .Title }}',
        'name: {{ .Name }}',
        'section: {{ .Section }}',
        'day: {{ now.Format "2006-01-02" }}',
        'date: {{ .Date }}',
        'other: {{ .Site.Params.x }}',
      ].join('\n'),
      { title: 'Say "hi": it\'s \\ here', slug: 'say-hi', section: 'posts', now },
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('title: "Say \\"hi\\": it\'s \\\\ here"');
    expect(lines[1]).toBe("alt: 'Say \"hi\": it''s \\ here'");
    expect(lines[2]).toBe('bare: "Say \\"hi\\": it\'s \\\\ here"');
    expect(lines.slice(3, 6)).toEqual(['name: say-hi', 'section: posts', 'day: 2026-11-27']);
    expect(lines[6]).toMatch(/^date: 2026-11-27T09:05:07[+-]\d{2}:\d{2}$/);
    expect(lines[7]).toBe('other: {{ .Site.Params.x }}');
  });

  it('edits one header line, keeping quotes, CRLF and every other byte', () => {
    const text = "---\r\ntitle: 'Old'\r\nslug: old\r\n---\r\nBody slug: keep\r\n";
    expect(setHeaderValue(text, 'slug', 'new-name')).toBe(text.replace('slug: old', 'slug: new-name'));
    expect(setHeaderValue(text, 'title', "It's")).toBe(text.replace("'Old'", "'It''s'"));
    expect(setHeaderValue(text, 'missing', 'x')).toBeNull();
    const toml = '+++\ntitle = "A"\n+++\n';
    expect(setHeaderValue(toml, 'title', 'B "q"')).toBe('+++\ntitle = "B \\"q\\""\n+++\n');
    const json = '{\n  "title": "A",\n  "x": 1\n}\nbody';
    expect(setHeaderValue(json, 'title', 'B')).toBe('{\n  "title": "B",\n  "x": 1\n}\nbody');
  });
});

describe('createPost', () => {
  it('names a new post like its section: a date prefix where most posts have one, or the name given', async () => {
    const { site, h } = await open('hugo-bundles');
    const dated = path.join(site, 'content', 'journal');
    await mkdir(dated, { recursive: true });
    for (const name of ['2024-01-01-a.md', '2024-02-01-b.md', 'undated.md']) {
      await writeFile(path.join(dated, name), '---\ntitle: "x"\n---\n');
    }
    await h.openSite({ path: site });
    await h.listPosts({});
    await expect(h.newPostPath({ title: 'Fresh entry', section: 'journal' })).resolves.toEqual({
      id: expect.stringMatching(new RegExp(`^content/journal/\\d{4}-\\d{2}-\\d{2}-fresh-entry\\.md$`)),
    });
    await expect(h.newPostPath({ title: 'Plain', section: 'posts' })).resolves.toEqual({
      id: 'content/posts/plain.md',
    });
    await expect(h.newPostPath({ title: 'Ignored', section: 'posts', name: 'My Own Name' })).resolves.toEqual(
      { id: 'content/posts/my-own-name.md' },
    );
    const created = await h.createPost({ title: 'Fresh entry', section: 'journal', name: '2020-05-06-kept' });
    expect(created.id).toBe('content/journal/2020-05-06-kept.md');
  });

  it('uses archetypes/default.md, expanding the title the user typed and the date', async () => {
    const { site, h } = await open('hugo-bundles');
    const summary = await h.createPost({ title: 'My "new" post: part 1', section: 'posts' });
    expect(summary).toMatchObject({
      id: 'content/posts/my-new-post-part-1.md',
      title: 'My "new" post: part 1',
      draft: true,
    });
    const text = await readFile(path.join(site, summary.id), 'utf8');
    expect(text).toMatch(
      /^---\ntitle: "My \\"new\\" post: part 1"\ndate: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}\ndraft: true\n---\n$/,
    );
  });

  it('prefers archetypes/<section>.md', async () => {
    const { site, h } = await open('hugo-bundles');
    const summary = await h.createPost({ title: 'Quick thought', section: 'notes' });
    const text = await readFile(path.join(site, summary.id), 'utf8');
    expect(text).toContain("title = 'Quick thought'");
    expect(text).toContain('slug = "quick-thought"');
    expect(text).toContain('section = "notes"');
    expect(summary).toMatchObject({ format: 'toml', section: 'notes', error: null });
  });

  it('creates a page bundle folder when asked', async () => {
    const { site, h } = await open('hugo-bundles');
    const summary = await h.createPost({ title: 'Photo walk', section: 'posts', bundle: true });
    expect(summary.id).toBe('content/posts/photo-walk/index.md');
    expect(await exists(path.join(site, 'content/posts/photo-walk/index.md'))).toBe(true);
    await expect(h.createPost({ title: 'Photo walk', section: 'posts', bundle: true })).rejects.toMatchObject(
      {
        code: 'exists',
      },
    );
  });

  it('never overwrites an existing file', async () => {
    const { site, h } = await open('hugo-basic');
    const before = await readFile(path.join(site, 'content/posts/first-post.md'));
    await expect(h.createPost({ title: 'First post', section: 'posts' })).rejects.toMatchObject({
      code: 'exists',
    });
    expect(await readFile(path.join(site, 'content/posts/first-post.md'))).toEqual(before);
  });

  it('without archetypes, matches the format and date shape of the section`s posts', async () => {
    const { site, h } = await open('hugo-basic');
    await writeFile(
      path.join(site, 'content/posts/second-post.md'),
      '+++\ntitle = "S"\ndate = 2024-06-01\n+++\n',
    );
    await writeFile(
      path.join(site, 'content/posts/first-post.md'),
      '+++\ntitle = "F"\ndate = 2024-05-01\n+++\n',
    );
    await h.listPosts({});
    const summary = await h.createPost({ title: 'Built in', section: 'posts' });
    const text = await readFile(path.join(site, summary.id), 'utf8');
    expect(text).toMatch(/^\+\+\+\ntitle = "Built in"\ndate = \d{4}-\d{2}-\d{2}\ndraft = true\n\+\+\+\n\n$/);
  });

  it('names Jekyll posts with the date prefix, drafts without', async () => {
    const { site, h } = await open('jekyll-basic');
    const post = await h.createPost({ title: 'Fresh', section: 'posts' });
    expect(post.id).toMatch(/^_posts\/\d{4}-\d{2}-\d{2}-fresh\.md$/);
    const text = await readFile(path.join(site, post.id), 'utf8');
    expect(text).toMatch(/^---\ntitle: "Fresh"\ndate: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}\n---\n/);
    expect((await h.createPost({ title: 'Idea', section: 'drafts' })).id).toBe('_drafts/idea.md');
  });

  it('refuses a section the site does not have', async () => {
    const { h } = await open('hugo-bundles');
    await expect(h.createPost({ title: 'x', section: '../../etc' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });
});

describe('rename, duplicate, delete, restore', () => {
  it('renames a file and follows a slug key; refuses a taken name', async () => {
    const { site, h } = await open('hugo-bundles');
    const renamed = await h.renamePost({ id: 'content/posts/plain-post.md', slug: 'Better Name' });
    expect(renamed.id).toBe('content/posts/better-name.md');
    expect(await exists(path.join(site, 'content/posts/plain-post.md'))).toBe(false);
    await writeFile(path.join(site, 'content/posts/taken.md'), 'x');
    await expect(h.renamePost({ id: renamed.id, slug: 'taken' })).rejects.toMatchObject({ code: 'exists' });
    expect(await readFile(path.join(site, 'content/posts/taken.md'), 'utf8')).toBe('x');
  });

  it('renames a page bundle by its folder, keeping its resources and updating its slug line', async () => {
    const { site, h } = await open('hugo-bundles');
    const renamed = await h.renamePost({ id: 'content/posts/trip-to-lisbon/index.md', slug: 'lisbon' });
    expect(renamed.id).toBe('content/posts/lisbon/index.md');
    expect((await readdir(path.join(site, 'content/posts/lisbon'))).sort()).toEqual([
      'index.md',
      'notes.md',
      'tram.png',
    ]);
    const text = await readFile(path.join(site, renamed.id), 'utf8');
    expect(text).toContain('\nslug: lisbon\n');
    expect(text).toContain('title: "Trip to Lisbon: day one"');
  });

  it('keeps a Jekyll date prefix when renaming', async () => {
    const { h } = await open('jekyll-basic');
    const renamed = await h.renamePost({ id: '_posts/2024-01-15-hello-jekyll.md', slug: 'greetings' });
    expect(renamed.id).toBe('_posts/2024-01-15-greetings.md');
  });

  it('keeps a date prefix of any generator when renaming a file or a bundle, unless the new name has one', async () => {
    const { site, h } = await open('hugo-bundles');
    await writeFile(path.join(site, 'content/posts/2026-12-01-dated.md'), '---\ntitle: "Dated"\n---\nbody\n');
    await mkdir(path.join(site, 'content/posts/2025-03-04-trip'), { recursive: true });
    await writeFile(
      path.join(site, 'content/posts/2025-03-04-trip/index.md'),
      '---\ntitle: "Trip"\n---\nbody\n',
    );
    await h.listPosts({});
    const file = await h.renamePost({ id: 'content/posts/2026-12-01-dated.md', slug: 'A better name' });
    expect(file.id).toBe('content/posts/2026-12-01-a-better-name.md');
    const retyped = await h.renamePost({ id: file.id, slug: '2027-01-02-new-day' });
    expect(retyped.id).toBe('content/posts/2027-01-02-new-day.md');
    const bundle = await h.renamePost({ id: 'content/posts/2025-03-04-trip/index.md', slug: 'journey' });
    expect(bundle.id).toBe('content/posts/2025-03-04-journey/index.md');
  });

  it('keeps the trash folder out of git status in a repository', async () => {
    const { site, h } = await open('hugo-bundles');
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', site, ...args], {
        encoding: 'utf8',
        env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
      });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qm', 'site');
    await h.deletePost({ id: 'content/posts/plain-post.md' });
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe(' D content/posts/plain-post.md\n');
  });

  it('duplicates a post and a bundle beside the original', async () => {
    const { site, h } = await open('hugo-bundles');
    const copy = await h.duplicatePost({ id: 'content/posts/plain-post.md' });
    expect(copy).toMatchObject({ id: 'content/posts/plain-post-copy.md', title: 'Plain post (copy)' });
    const again = await h.duplicatePost({ id: 'content/posts/plain-post.md' });
    expect(again.id).toBe('content/posts/plain-post-copy-2.md');
    const original = await readFile(path.join(site, 'content/posts/plain-post.md'), 'utf8');
    expect(await readFile(path.join(site, copy.id), 'utf8')).toBe(
      original.replace('"Plain post"', '"Plain post (copy)"'),
    );
    const bundle = await h.duplicatePost({ id: 'content/posts/trip-to-lisbon/index.md' });
    expect(bundle.id).toBe('content/posts/trip-to-lisbon-copy/index.md');
    expect(await exists(path.join(site, 'content/posts/trip-to-lisbon-copy/tram.png'))).toBe(true);
    expect(await readFile(path.join(site, bundle.id), 'utf8')).toContain('slug: trip-to-lisbon-copy');
  });

  it('titles a copy after the post copied, not after a copy of that name deleted outside Postdesk', async () => {
    const { site, h } = await open('hugo-bundles');
    const first = await h.duplicatePost({ id: 'content/posts/plain-post.md' });
    const edited = await h.readPost({ id: first.id });
    await h.savePost({
      id: first.id,
      text: edited.text.replace('"Plain post (copy)"', '"Renamed by hand"'),
      baseRevision: edited.revision,
    });
    await h.listPosts({});
    // Another program deletes the copy; no watcher runs here, so the index still holds its summary.
    await rm(path.join(site, first.id));
    const second = await h.duplicatePost({ id: 'content/posts/plain-post.md' });
    expect(second).toMatchObject({ id: first.id, title: 'Plain post (copy)' });
    expect(await readFile(path.join(site, second.id), 'utf8')).toContain('title: "Plain post (copy)"');
  });

  it('deletes into .postdesk-trash with a record, lists and restores it', async () => {
    const { site, h } = await open('hugo-bundles');
    const id = 'content/posts/plain-post.md';
    const bytes = await readFile(path.join(site, id));
    const result = await h.deletePost({ id });
    expect(result).toMatchObject({ id, trash: 'folder' });
    // The trash keeps itself out of git: a `*` .gitignore inside it, never listed as an entry.
    expect(await readFile(path.join(site, '.postdesk-trash', '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(await exists(path.join(site, id))).toBe(false);
    expect((await h.listPosts({})).map((post) => post.id)).not.toContain(id);
    const trash = await h.listTrash({});
    expect(trash).toEqual([
      expect.objectContaining({
        trashId: result.trashId,
        originalId: id,
        title: 'Plain post',
        bundle: false,
      }),
    ]);
    const restored = await h.restorePost({ trashId: result.trashId ?? '' });
    expect(restored.id).toBe(id);
    expect(await readFile(path.join(site, id))).toEqual(bytes);
    expect(await h.listTrash({})).toEqual([]);
  });

  it('deletes a page bundle with its folder and restores it whole; restore never overwrites', async () => {
    const { site, h } = await open('hugo-bundles');
    const id = 'content/posts/trip-to-lisbon/index.md';
    const result = await h.deletePost({ id });
    expect(await exists(path.join(site, 'content/posts/trip-to-lisbon'))).toBe(false);
    await mkdir(path.join(site, 'content/posts/trip-to-lisbon'));
    await expect(h.restorePost({ trashId: result.trashId ?? '' })).rejects.toMatchObject({ code: 'exists' });
    await import('node:fs/promises').then((fs) => fs.rmdir(path.join(site, 'content/posts/trip-to-lisbon')));
    await h.restorePost({ trashId: result.trashId ?? '' });
    expect((await readdir(path.join(site, 'content/posts/trip-to-lisbon'))).sort()).toEqual([
      'index.md',
      'notes.md',
      'tram.png',
    ]);
  });

  it('uses the platform trash and reveal when the host gives them', async () => {
    const trashed: string[] = [];
    const revealed: string[] = [];
    const { site, info, h } = await open('hugo-basic', {
      trashItem: async (file) => {
        trashed.push(file);
        await import('node:fs/promises').then((fs) => fs.rm(file));
      },
      canReveal: true,
    });
    expect(info).toMatchObject({ trash: 'system', canReveal: true });
    const desktop = createDesktopHandlers(library, { revealItem: (file) => void revealed.push(file) });
    await desktop.revealPost({ id: 'content/posts/second-post.md' });
    expect(revealed).toEqual([path.join(site, 'content/posts/second-post.md')]);
    expect(await h.deletePost({ id: 'content/posts/second-post.md' })).toEqual({
      id: 'content/posts/second-post.md',
      trash: 'system',
      trashId: null,
    });
    expect(trashed).toEqual([path.join(site, 'content/posts/second-post.md')]);
  });

  it('says reveal is not available without a host that can', async () => {
    const { info } = await open('hugo-basic');
    expect(info).toMatchObject({ trash: 'folder', canReveal: false });
    const desktop = createDesktopHandlers(library, {});
    await expect(desktop.revealPost({ id: 'content/posts/second-post.md' })).rejects.toThrow(
      /only available in the desktop app/,
    );
  });

  it('refuses operations on files that are not posts, or outside the content folders', async () => {
    const { h } = await open('hugo-basic');
    await expect(h.deletePost({ id: 'hugo.toml' })).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(h.deletePost({ id: 'static/images/blog/first-post/photo.png' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(h.renamePost({ id: '../x.md', slug: 'y' })).rejects.toMatchObject({ code: 'path-refused' });
    await expect(h.duplicatePost({ id: 'content/posts/missing.md' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
