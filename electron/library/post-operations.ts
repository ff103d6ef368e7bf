import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { FrontMatterFormat, PostSummary, SiteInfo } from '../../shared/api';
import { PostdeskError } from '../../shared/errors';
import { splitFrontMatter } from '../../shared/post/split-front-matter';
import { dateStyleOf, formatGoLayout } from './date-format';
import { setHeaderValue } from './header-edit';
import { isBundleIndexName, isPostFileName, type PostIndex } from './post-index';
import { builtInPost, expandArchetype, siblingStylePost, type SiblingKeys } from './post-template';
import { readOnlyReason, type PostStore } from './post-store';
import { checkRelativeId, resolveEntry, resolveExisting, resolveForWrite } from './site-paths';
import { slugify } from './slug';

/** The parts of an open site the operations work on. */
export interface OperationSite {
  info: SiteInfo;
  index: PostIndex;
  store: PostStore;
}

/** What a post id stands for on disk: its file, or its page bundle folder. */
export interface PostTarget {
  /** The file, or the bundle folder (the link itself when it is a symbolic link). */
  entry: string;
  /** True when the post is a leaf page bundle (`<folder>/index.md`): the folder goes with it. */
  bundle: boolean;
}

/**
 * Checks that `id` names a post of the open site (a Markdown/HTML file inside a content folder) and
 * answers what an operation on it moves: the file, or its page bundle's folder.
 */
export async function postTarget(info: SiteInfo, id: string): Promise<PostTarget> {
  const segments = checkRelativeId(id);
  const name = segments[segments.length - 1] ?? '';
  if (!isPostFileName(name)) throw new PostdeskError('invalid-argument', `${id} is not a post file.`);
  const folderId = path.posix.dirname(id);
  const inContent = info.contentDirs.some((dir) => dir === '.' || id.startsWith(`${dir}/`));
  if (!inContent) throw new PostdeskError('invalid-argument', `${id} is not inside a content folder.`);
  const bundle = isBundleIndexName(name) && folderId !== '.' && !info.contentDirs.includes(folderId);
  // The post itself must resolve inside the site: a link leading out or to nothing is refused.
  await resolveExisting(info.root, id);
  return { entry: await resolveEntry(info.root, bundle ? folderId : id), bundle };
}

/** Where a new post goes: its content folder id for a section, checked against the site's sections. */
function folderFor(info: SiteInfo, section: string): string {
  if (section !== '' && !info.sections.includes(section)) {
    throw new PostdeskError('invalid-argument', `The site has no section named ${JSON.stringify(section)}.`);
  }
  if (info.generator === 'jekyll') {
    return `_${section || 'posts'}`;
  }
  const base = info.contentDirs[0] ?? '.';
  if (section === '') return base;
  return base === '.' ? section : `${base}/${section}`;
}

/** What a new post is made from (the contract's createPost and newPostPath arguments). */
export interface NewPostRequest {
  title: string;
  section?: string;
  bundle?: boolean;
  /** The file (or bundle folder) name instead of the title's slug. */
  name?: string;
}

/** True when most posts already in `folder` have a `YYYY-MM-DD-` file or bundle name (the section's pattern). */
function folderUsesDatePrefix(site: OperationSite, folder: string): boolean {
  const prefix = folder === '.' ? '' : `${folder}/`;
  let dated = 0;
  let total = 0;
  for (const post of site.index.all()) {
    if (!post.id.startsWith(prefix)) continue;
    const rest = post.id.slice(prefix.length).split('/');
    if (rest.length > 2 || (rest.length === 2 && !/^index\./i.test(rest[1] ?? ''))) continue;
    total++;
    if (datePrefix.test(rest[0] ?? '')) dated++;
  }
  return total > 0 && dated * 2 > total;
}

async function planPost(site: OperationSite, request: NewPostRequest, now: Date) {
  const { info } = site;
  const section = request.section ?? defaultSection(info);
  const folder = folderFor(info, section);
  const archetypeBundle =
    info.generator === 'hugo' && section !== '' ? await readArchetypeBundle(info, section) : null;
  const typed = request.name?.replace(/\.(md|markdown|mdown|mdx|html?)$/i, '').trim() ?? '';
  const slug = slugify(typed !== '' ? typed.replace(datePrefix, '') : request.title);
  const dated =
    (info.generator === 'jekyll' && folder.endsWith('_posts')) || folderUsesDatePrefix(site, folder);
  const prefix = datePrefix.exec(typed)?.[0] ?? (dated ? `${formatGoLayout(now, '2006-01-02')}-` : '');
  const bundle = (request.bundle === true || archetypeBundle !== null) && info.generator !== 'jekyll';
  const base = folder === '.' ? '' : `${folder}/`;
  const fileId = bundle ? `${base}${prefix}${slug}/index.md` : `${base}${prefix}${slug}.md`;
  checkRelativeId(fileId);
  return { section, folder, archetypeBundle, slug, bundle, fileId };
}

/** The site-relative path `createPost` would give this post now (shown, and editable, before creating). */
export async function newPostPath(
  site: OperationSite,
  request: NewPostRequest,
  now = new Date(),
): Promise<{ id: string }> {
  return { id: (await planPost(site, request, now)).fileId };
}

/**
 * Creates a new post titled `title` in `section`: from the Hugo archetype of the section (or
 * `archetypes/default.md`) when there is one, else from a built-in template in the front matter
 * format and date shape the site's posts already use. The file name is `name`, else the title's
 * slug, with a date prefix where the section's posts have one (and Jekyll's `_posts`); an existing
 * file is never replaced (`exists`).
 */
export async function createPost(
  site: OperationSite,
  request: NewPostRequest,
  now = new Date(),
): Promise<PostSummary> {
  const { info } = site;
  const { section, folder, archetypeBundle, slug, bundle, fileId } = await planPost(site, request, now);
  if (
    bundle &&
    // Outside the site, missing, or a link leading out: treated as absent.
    (await fs.lstat(await resolveForWrite(info.root, path.posix.dirname(fileId))).catch(() => null))
  ) {
    throw new PostdeskError(
      'exists',
      `${path.posix.dirname(fileId)} already exists; Postdesk never overwrites a post.`,
    );
  }
  const context = { title: request.title, slug, section, now };
  const archetype =
    archetypeBundle?.index ?? (info.generator === 'hugo' ? await readArchetype(info, section) : null);
  const text =
    archetype !== null
      ? expandArchetype(archetype, context)
      : info.generator === 'astro' || info.generator === 'eleventy'
        ? siblingStylePost(context, info.generator, await siblingKeys(info, folder))
        : builtInPost(context, await styleOf(site, section));
  await site.store.create(fileId, text);
  if (archetypeBundle) await copyBundleResources(info, archetypeBundle, path.posix.dirname(fileId));
  const summary = await site.index.summaryOf(fileId);
  if (!summary) throw new PostdeskError('internal', `${fileId} was created but cannot be read back.`);
  return summary;
}

/** The section a new post goes to when none is chosen: `posts`, else `blog`, else (Astro) the first collection. */
function defaultSection(info: SiteInfo): string {
  if (info.sections.includes('posts')) return 'posts';
  if (info.generator !== 'astro' && info.generator !== 'eleventy') return '';
  if (info.sections.includes('blog')) return 'blog';
  return info.generator === 'astro' ? (info.sections[0] ?? '') : '';
}

interface ArchetypeBundle {
  folder: string;
  index: string;
  resources: string[];
}

/** A Hugo section archetype written as a bundle (`archetypes/<section>/index.md` and its files), if any. */
async function readArchetypeBundle(info: SiteInfo, section: string): Promise<ArchetypeBundle | null> {
  const folder = `archetypes/${section}`;
  // Outside the site, missing, or a link leading out: treated as absent.
  const indexFile = await resolveExisting(info.root, `${folder}/index.md`).catch(() => null);
  if (indexFile === null) return null;
  // Missing or unreadable: read as absent, the caller falls back.
  const index = await fs.readFile(indexFile, 'utf8').catch(() => null);
  if (index === null) return null;
  // A folder that is missing or cannot be listed has no entries.
  const entries = await fs.readdir(path.dirname(indexFile), { withFileTypes: true }).catch(() => []);
  const resources = entries
    .filter((entry) => entry.isFile() && entry.name !== 'index.md' && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .slice(0, 100);
  return { folder, index, resources };
}

/** Copies an archetype bundle's other files (never over an existing file) into the new bundle. */
async function copyBundleResources(info: SiteInfo, bundle: ArchetypeBundle, target: string): Promise<void> {
  for (const name of bundle.resources) {
    // Outside the site, missing, or a link leading out: treated as absent.
    const from = await resolveExisting(info.root, `${bundle.folder}/${name}`).catch(() => null);
    if (from === null) continue;
    const to = await resolveForWrite(info.root, `${target}/${name}`);
    // A resource of that name already in the new bundle is kept (never overwritten); the post itself was written.
    await fs.copyFile(from, to, constants.COPYFILE_EXCL).catch(() => undefined);
  }
}

/** The front matter keys of the newest post directly in `folder` (by its name's date or mtime), or null. */
async function siblingKeys(info: SiteInfo, folder: string): Promise<SiblingKeys | null> {
  // Outside the site, missing, or a link leading out: treated as absent.
  const dir = await resolveExisting(info.root, folder).catch(() => null);
  if (dir === null) return null;
  // A folder that is missing or cannot be listed has no entries.
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const entry of entries.slice(0, 2000)) {
    if (!entry.isFile() || !isPostFileName(entry.name)) continue;
    const file = path.join(dir, entry.name);
    // Missing or unreadable: treated as absent.
    const stat = await fs.stat(file).catch(() => null);
    if (stat && (newest === null || stat.mtimeMs > newest.mtimeMs)) newest = { file, mtimeMs: stat.mtimeMs };
  }
  if (newest === null) return null;
  // A file that cannot be opened is skipped as absent.
  const handle = await fs.open(newest.file, 'r').catch(() => null);
  if (handle === null) return null;
  const buffer = Buffer.alloc(16 * 1024);
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0).finally(() => handle.close());
  const text = buffer.subarray(0, bytesRead).toString('utf8');
  const split = splitFrontMatter(text);
  if (split.format !== 'yaml' || split.error !== null) return null;
  const keys: SiblingKeys = [];
  for (const line of text.slice(split.rawStart, split.rawEnd).split(/\r?\n/)) {
    const match = /^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (match) keys.push({ key: match[1] ?? '', value: match[2] ?? '' });
  }
  return keys;
}

async function readArchetype(info: SiteInfo, section: string): Promise<string | null> {
  const candidates = section
    ? [`archetypes/${section}.md`, 'archetypes/default.md']
    : ['archetypes/default.md'];
  for (const candidate of candidates) {
    // Outside the site, missing, or a link leading out: treated as absent.
    const file = await resolveExisting(info.root, candidate).catch(() => null);
    if (file === null) continue;
    // Missing or unreadable: read as absent, the caller falls back.
    const text = await fs.readFile(file, 'utf8').catch(() => null);
    if (text !== null) return text;
  }
  return null;
}

async function styleOf(site: OperationSite, section: string) {
  const known = site.index.all();
  const posts = known.length > 0 ? known : await site.index.refresh();
  const inSection = posts.filter((post) => post.section === section);
  const sample = inSection.length > 0 ? inSection : posts;
  const counts = new Map<FrontMatterFormat, number>();
  for (const post of sample) if (post.format) counts.set(post.format, (counts.get(post.format) ?? 0) + 1);
  const format = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'yaml';
  const fallback = site.info.generator === 'jekyll' ? 'jekyll' : 'datetime';
  return {
    format,
    dateStyle: dateStyleOf(
      sample.map((post) => post.date),
      fallback,
    ),
    generator: site.info.generator,
  };
}

/** A `2026-12-01-` date prefix of a file or folder name. */
const datePrefix = /^\d{4}-\d{2}-\d{2}-/;

/** The date prefix a renamed post keeps: the one typed in the new name, else the old name's. */
function keptDatePrefix(typed: string, oldName: string): string {
  return datePrefix.exec(typed)?.[0] ?? datePrefix.exec(oldName)?.[0] ?? '';
}

/**
 * Renames post `id` to the slug of `name`: the file (keeping its extension and a `YYYY-MM-DD-` date
 * prefix, whatever the generator, unless the new name brings its own), or the folder of a page
 * bundle (its date prefix likewise); a `slug` key in its front matter follows. Refuses with
 * `exists` when the new name is taken. Answers the post's new summary.
 */
export async function renamePost(site: OperationSite, id: string, name: string): Promise<PostSummary> {
  const { info } = site;
  const target = await postTarget(info, id);
  const fileName = path.posix.basename(id);
  if (/^_index\./i.test(fileName)) {
    throw new PostdeskError('invalid-argument', `${id} is a section's list page; its name is fixed.`);
  }
  const typed = name.replace(/\.(md|markdown|mdown|mdx|html?)$/i, '');
  const stem = slugify(typed.replace(datePrefix, ''));
  let newId: string;
  let movedId: string;
  if (target.bundle) {
    const folderId = path.posix.dirname(id);
    const prefix = keptDatePrefix(typed, path.posix.basename(folderId));
    movedId = joinId(path.posix.dirname(folderId), `${prefix}${stem}`);
    newId = `${movedId}/${fileName}`;
  } else {
    const extension = path.posix.extname(fileName);
    newId = joinId(path.posix.dirname(id), `${keptDatePrefix(typed, fileName)}${stem}${extension}`);
    movedId = newId;
  }
  if (newId !== id) {
    const destination = await resolveForWrite(info.root, movedId);
    await moveExclusive(target.entry, destination, target.bundle, movedId);
    site.index.forget(id);
    if (target.bundle) site.index.forgetFolder(path.posix.dirname(id));
  }
  await followSlug(site, newId, stem, null);
  const summary = await site.index.summaryOf(newId);
  if (!summary) throw new PostdeskError('internal', `${newId} cannot be read after the rename.`);
  return summary;
}

/**
 * Copies post `id` (with its page bundle folder) beside it as `<name>-copy` (then `-copy-2`...),
 * never over an existing file; the copy's title gains " (copy)" and its `slug` key follows the new
 * name, by editing only those lines. Answers the copy's summary.
 */
export async function duplicatePost(site: OperationSite, id: string): Promise<PostSummary> {
  const { info } = site;
  const target = await postTarget(info, id);
  const fileName = path.posix.basename(id);
  if (/^_index\./i.test(fileName)) {
    throw new PostdeskError('invalid-argument', `${id} is a section's list page and cannot be duplicated.`);
  }
  const source = target.bundle
    ? await resolveExisting(info.root, path.posix.dirname(id))
    : await resolveExisting(info.root, id);
  const extension = target.bundle ? '' : path.posix.extname(fileName);
  const baseId = target.bundle ? path.posix.dirname(id) : id.slice(0, id.length - extension.length);
  for (let attempt = 1; attempt < 100; attempt++) {
    const movedId = `${baseId}-copy${attempt === 1 ? '' : `-${attempt}`}${extension}`;
    const destination = await resolveForWrite(info.root, movedId);
    try {
      if (target.bundle) {
        await fs.mkdir(destination);
        await fs.cp(source, destination, {
          recursive: true,
          errorOnExist: true,
          force: false,
          verbatimSymlinks: true,
        });
      } else {
        await fs.copyFile(source, destination, constants.COPYFILE_EXCL);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new PostdeskError('io', `Could not duplicate ${id}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const newId = target.bundle ? `${movedId}/${fileName}` : movedId;
    const stem = path.posix.basename(movedId, extension).replace(/^\d{4}-\d{2}-\d{2}-/, '');
    // The title is the copied post's, read from the disk: an index entry kept under the copy's
    // name (a copy deleted outside Postdesk) would name it after that file instead.
    const copiedTitle = (await site.index.summaryOf(id))?.title;
    await followSlug(site, newId, stem, copiedTitle ? `${copiedTitle} (copy)` : null);
    const summary = await site.index.summaryOf(newId);
    if (!summary) throw new PostdeskError('internal', `${newId} cannot be read after the copy.`);
    return summary;
  }
  throw new PostdeskError('exists', `Too many copies of ${id} already exist.`);
}

/** Updates the `slug` line (and sets the `title` line to `newTitle`) of a text post, if it has them. */
async function followSlug(
  site: OperationSite,
  id: string,
  stem: string,
  newTitle: string | null,
): Promise<void> {
  const file = await resolveExisting(site.info.root, id);
  const bytes = await fs.readFile(file);
  if (readOnlyReason(bytes) !== null) return;
  const original = bytes.toString('utf8');
  let text = original;
  const slugLine = /^(---|\+\+\+|\{)/.test(text.replace(/^\uFEFF/, ''))
    ? setHeaderValue(text, 'slug', stem)
    : null;
  if (slugLine !== null) text = slugLine;
  if (newTitle !== null) {
    const withTitle = setHeaderValue(text, 'title', newTitle);
    if (withTitle !== null) text = withTitle;
  }
  if (text === original) return;
  const read = await site.store.read(id);
  await site.store.save(id, text, read.revision);
}

async function moveExclusive(from: string, to: string, folder: boolean, id: string): Promise<void> {
  const taken = (): PostdeskError =>
    new PostdeskError('exists', `${id} already exists; Postdesk never overwrites a post.`);
  if (folder) {
    // Making the empty folder first claims the name; rename then replaces only that empty folder.
    try {
      await fs.mkdir(to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw taken();
      throw error;
    }
    try {
      await fs.rename(from, to);
    } catch (error) {
      // Removing the empty folder reserved for the rename: the rename failure is what is thrown.
      await fs.rmdir(to).catch(() => undefined);
      throw new PostdeskError('io', `Could not rename to ${id}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return;
  }
  await fs.mkdir(path.dirname(to), { recursive: true });
  try {
    await fs.link(from, to);
    await fs.unlink(from);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw taken();
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    // Missing or unreadable: treated as absent.
    if (await fs.lstat(to).catch(() => null)) throw taken();
    await fs.rename(from, to);
  }
}

function joinId(folderId: string, name: string): string {
  return folderId === '.' || folderId === '' ? name : `${folderId}/${name}`;
}
