import { promises as fs, realpathSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { EventName, EventPayload, LibraryHandlers, PostChangeKind, SiteInfo } from '../../shared/api';
import { PostdeskError } from '../../shared/errors';
import { createGitHandlers } from './git/git-handlers';
import { diagnosticsHandlers } from './diagnostics/diagnostics-handlers';
import { DiagnosticsLog } from './diagnostics/diagnostics-log';
import { imageCatalogOf } from './images/image-catalog';
import { createImageHandlers } from './images/image-handlers';
import { BackupStore } from './backup-store';
import { checkAssetId, checkPostId } from './contract-scope';
import { readSiteAsset, type SiteAsset } from './site-assets';
import { checkSiteFiles, readPreviewSettings } from './site-files';
import { defaultScanLimits, isBundleIndexName, isPostFileName } from './post-index';
import { listingRules } from './post-rules';
import { createPost, duplicatePost, newPostPath, postTarget, renamePost } from './post-operations';
import type { PostProblemsOptions } from './post-problems';
import { listTrash, moveToTrash, restoreFromTrash } from './post-trash';
import { detectSite } from './site-detect';
import { readSiteSchema } from './site-schema';
import { isInside, resolveExisting, resolveForWrite, toId } from './site-paths';
import { createSearchHandlers } from './search/search-handlers';
import { createSitePreview } from './site-preview/site-preview-service';
import { SiteSession } from './site-session';

/** Something that wants the contract's events. */
export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The library as both hosts see it: the contract's handlers, its events, and a way to stop. */
export interface Library {
  /** Every method but the desktop-only ones, which the IPC host composes (electron/host/desktop-handlers.ts). */
  handlers: LibraryHandlers;
  /** The absolute real path of existing site-relative file `id` in the open site (refused outside it). */
  locate(id: string): Promise<string>;
  /** Adds an events listener; the returned function removes it. */
  subscribe(listener: EventListener): () => void;
  /** The open site's session (its `ready()` says when the background start is done); throws no-site. */
  session(): SiteSession;
  /** Reads an image, stylesheet or font of the open site for the preview (not a contract method: hosts serve it as a URL). */
  readAsset(id: string): Promise<SiteAsset>;
  /** Stops watching files; pending calls may still finish. */
  close(): Promise<void>;
  /** Real paths of the folders opened so far in this process (the only ones a host lets a page re-open). */
  openedFolders(): ReadonlySet<string>;
  /** Records a background failure of the hosts or the shell (`operation`, about `postId`) in the diagnostics log. */
  report(operation: string, postId: string | null, error: unknown): void;
}

type OpenSite = SiteSession;

/** Options of a library instance. */
export interface LibraryOptions {
  /** Watch the open site for changes made outside Postdesk (default true). */
  watch?: boolean;
  /**
   * Moves a file or folder (an absolute path) to the platform's trash; given by the desktop host
   * (Electron's shell.trashItem). Without it deleted posts go to the site's `.postdesk-trash/`.
   */
  trashItem?: (absolutePath: string) => Promise<void>;
  /** True when the host can show a file in the platform's file manager (the desktop host). */
  canReveal?: boolean;
  /** Folder of the diagnostics log of background failures (in the user-data folder); none: memory only. */
  diagnosticsDir?: string;
  /** Folder for crash-recovery backups of unsaved buffers (in the user-data folder); none: backups are off. */
  backupDir?: string;
  /** How the background problems pass runs (worker threads, per-post budget). */
  problems?: PostProblemsOptions;
}

/**
 * Creates the library behind the contract: it opens one site at a time, lists and reads its posts,
 * saves them safely and reports changes made on disk by others as `postChanged` events.
 */
export function createLibrary(options: LibraryOptions = {}): Library {
  const listeners = new Set<EventListener>();
  let current: OpenSite | null = null;
  const opened = new Set<string>();
  const backups = options.backupDir ? new BackupStore(options.backupDir) : null;
  const sitePreview = createSitePreview(
    () => current && { info: current.info, postIds: () => current!.index.all().map((post) => post.id) },
  );

  const emit: EventListener = (event, payload) => {
    for (const listener of listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        if (event !== 'diagnostics') diagnostics.record(`emit.${event}`, null, error);
      }
    }
  };
  const diagnostics = new DiagnosticsLog({
    dir: options.diagnosticsDir ?? null,
    onEntry: (entry) => emit('diagnostics', { entry }),
  });

  function site(): OpenSite {
    if (!current) throw new PostdeskError('no-site', 'No site is open.');
    return current;
  }

  async function open(folder: string): Promise<SiteInfo> {
    const info = await detectSite(folder, {
      trash: options.trashItem ? 'system' : 'folder',
      canReveal: options.canReveal === true,
    });
    const next: OpenSite = new SiteSession(
      info,
      diagnostics,
      (problems) => {
        if (current === next) emit('postProblems', { problems });
      },
      options.problems,
    );
    opened.add(info.root);
    const previous = current;
    current = next;
    if (previous) void sitePreview.stop();
    await previous?.close();
    emit('siteOpened', { site: info });
    if (options.watch !== false) {
      // Index first, then watch: the watcher's own scan of a large site would slow the first list.
      void next.index
        .refresh((progress) => emit('indexProgress', progress))
        .catch((error: unknown) => {
          next.report('index.refresh', null, error);
          return [];
        })
        .then((posts) => {
          if (current !== next) return;
          addNotices(next.info, next.index.notices());
          next.watcher = watchSite(next, emit);
          startChecks(next, posts);
        });
    } else {
      next.started();
    }
    return info;
  }

  const handlers: LibraryHandlers = {
    ...diagnosticsHandlers(diagnostics),
    ...sitePreview.handlers,
    async openSite({ path: folder }) {
      if (folder !== undefined) return open(folder);
      return site().info;
    },
    async listPosts() {
      const open = site();
      const posts = await open.index.refresh((progress) => emit('indexProgress', progress));
      addNotices(open.info, open.index.notices());
      startChecks(open, posts);
      return posts.map((post) => {
        const known = open.problems.known(post.id);
        return known
          ? {
              ...post,
              problems: known.count,
              firstProblem: known.first,
              ...(known.notChecked ? { notChecked: known.notChecked } : {}),
            }
          : post;
      });
    },
    async readPost({ id }) {
      await checkPostId(site().info, id);
      return site().store.read(id);
    },
    async savePost({ id, text, baseRevision, force }) {
      const { store, index, info } = site();
      await checkPostId(info, id);
      const result = await store.save(id, text, baseRevision, force === true);
      await index.summaryOf(id);
      const open = site();
      void open.problems.recheck(id).catch((error: unknown) => open.report('problems.recheck', id, error));
      return result;
    },
    async checkSiteFiles({ ids }) {
      return { existing: await checkSiteFiles(site().info.root, ids) };
    },
    async previewSettings() {
      return readPreviewSettings(site().info);
    },
    readSiteSchema: async () => readSiteSchema(site().info.root),
    async listImages() {
      return imageCatalogOf(site().info).list();
    },
    async backupBuffer({ id, text }) {
      const { info } = site();
      await checkPostId(info, id);
      await resolveForWrite(info.root, id);
      if (!backups) return null;
      const record = await backups.save(info.root, id, text);
      return { savedAt: record.savedAt };
    },
    async dropBackup({ id }) {
      const { info } = site();
      return { dropped: backups ? await backups.drop(info.root, id) : false };
    },
    async listBackups() {
      const { info } = site();
      if (!backups) return [];
      const records = await backups.list(info.root);
      return Promise.all(
        records.map(async (record) => ({
          id: record.id,
          text: record.text,
          savedAt: record.savedAt,
          diskText: await resolveExisting(info.root, record.id)
            .then((file) => fs.readFile(file, 'utf8'))
            // The post is gone or unreadable: the backup is offered without a disk version to compare.
            .catch(() => null),
        })),
      );
    },
    async createPost(request) {
      return createPost(site(), request);
    },
    async newPostPath(request) {
      return newPostPath(site(), request);
    },
    async renamePost({ id, slug }) {
      await checkPostId(site().info, id);
      return renamePost(site(), id, slug);
    },
    async duplicatePost({ id }) {
      await checkPostId(site().info, id);
      return duplicatePost(site(), id);
    },
    async deletePost({ id }) {
      const open = site();
      await checkPostId(open.info, id);
      const target = await postTarget(open.info, id);
      const title = open.index.cached(id)?.title ?? (await open.index.summaryOf(id))?.title ?? id;
      const forget = (): void => {
        open.index.forget(id);
        if (target.bundle) open.index.forgetFolder(path.posix.dirname(id));
      };
      if (options.trashItem) {
        try {
          await options.trashItem(target.entry);
          forget();
          return { id, trash: 'system' as const, trashId: null };
        } catch {
          // The platform trash is not available for this file (some file systems have none): use the site's.
        }
      }
      const trashId = await moveToTrash(open.info.root, target.entry, {
        originalId: id,
        title,
        bundle: target.bundle,
      });
      forget();
      return { id, trash: 'folder' as const, trashId };
    },
    async listTrash() {
      return listTrash(site().info.root);
    },
    async restorePost({ trashId }) {
      const open = site();
      const id = await restoreFromTrash(open.info.root, trashId, (target) => checkPostId(open.info, target));
      const summary = await open.index.summaryOf(id);
      if (!summary) throw new PostdeskError('internal', `${id} was restored but cannot be read.`);
      return summary;
    },
    ...createGitHandlers({
      site: () => site().info,
      emit,
      touched: (ids) =>
        reportTouched(site(), ids, emit).catch((error: unknown) =>
          site().report('git.touched', ids[0] ?? null, error),
        ),
    }),
    ...createSearchHandlers(site, emit),
    ...createImageHandlers(site),
  };

  return {
    handlers,
    session: site,
    async locate(id) {
      const { info } = site();
      await checkPostId(info, id);
      return resolveExisting(info.root, id);
    },
    async readAsset(id) {
      const { info } = site();
      await checkAssetId(info, id);
      return readSiteAsset(info.root, id);
    },
    openedFolders: () => opened,
    report(operation, postId, error) {
      diagnostics.record(operation, postId, error);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      const closing = current;
      current = null;
      listeners.clear();
      await sitePreview.stop();
      await closing?.close();
      await diagnostics.flush();
    },
  };
}

/** Starts the first full problems pass of a site once its index is ready (later changes are rechecked one by one). */
function startChecks(site: OpenSite, posts: readonly { id: string }[]): void {
  if (site.checking) return;
  site.checking = true;
  void site.problems
    .pass(posts.map((post) => post.id))
    .catch((error: unknown) => site.report('problems.pass', null, error));
}

/** Tells the window about posts rewritten by a git operation (pull, discard, resolve): the index and open tabs follow. */
async function reportTouched(site: OpenSite, ids: readonly string[], emit: EventListener): Promise<void> {
  for (const id of ids) {
    if (!isPostFileName(path.basename(id))) continue;
    const known = site.index.cached(id) !== null;
    // A post that cannot be read any more is treated as removed (below).
    const summary = await site.index.summaryOf(id).catch(() => null);
    if (summary === null) {
      site.index.forget(id);
      if (known) emit('postChanged', { id, kind: 'removed', summary: null });
      continue;
    }
    emit('postChanged', { id, kind: known ? 'changed' : 'added', summary });
    void site.problems.recheck(id).catch((error: unknown) => site.report('problems.recheck', id, error));
  }
}

/** True for a Markdown file inside a page bundle that is not the bundle's index (a page resource). */
async function isBundleResource(file: string): Promise<boolean> {
  if (isBundleIndexName(path.basename(file))) return false;
  // A folder that cannot be listed has no bundle index: the file is a post.
  const siblings = await fs.readdir(path.dirname(file)).catch(() => [] as string[]);
  return siblings.some((name) => isBundleIndexName(name));
}

function watchSite(site: OpenSite, emit: EventListener): FSWatcher {
  const folders = site.info.contentDirs
    .map((dir) => (dir === '.' ? site.info.root : path.join(site.info.root, dir)))
    .filter((folder) => isInsideReal(site.info.root, folder));
  const rules = listingRules(site.info);
  const watcher = watch(folders, {
    ignoreInitial: true,
    // Symbolic links are never followed (two links to `..` would make the watch grow without end).
    followSymlinks: false,
    depth: defaultScanLimits.maxDepth,
    ignored: (file, stats) => {
      const name = path.basename(file);
      if (name.startsWith('.') || name === 'node_modules') return true;
      if (stats?.isDirectory() && rules.skipFolder(toId(site.info.root, file), name, false)) return true;
      return stats?.isFile() === true && !isPostFileName(name);
    },
    awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 },
  });
  const report = async (kind: PostChangeKind, file: string): Promise<void> => {
    const name = path.basename(file);
    if (!isPostFileName(name)) return;
    const id = toId(site.info.root, file);
    if (id.startsWith('..') || path.isAbsolute(id)) return;
    if (kind === 'removed') {
      const known = site.index.cached(id) !== null;
      site.index.forget(id);
      site.problems.forget(id);
      if (known || !(await isBundleResource(file))) emit('postChanged', { id, kind, summary: null });
      return;
    }
    if (await isBundleResource(file)) return;
    if (await site.store.isOwnWrite(file)) {
      await site.index.summaryOf(id);
      await site.problems.recheck(id);
      return;
    }
    const summary = await site.index.summaryOf(id);
    if (summary === null) return;
    emit('postChanged', { id, kind, summary });
    await site.problems.recheck(id);
  };
  const safely = (kind: PostChangeKind) => (file: string) => {
    report(kind, file).catch((error: unknown) =>
      site.report(`watch.${kind}`, toId(site.info.root, file), error),
    );
  };
  watcher.on('add', safely('added'));
  watcher.on('change', safely('changed'));
  watcher.on('unlink', safely('removed'));
  watcher.on('unlinkDir', (folder) => {
    const prefix = toId(site.info.root, folder);
    for (const id of site.index.forgetFolder(prefix)) {
      site.problems.forget(id);
      emit('postChanged', { id, kind: 'removed', summary: null });
    }
  });
  watcher.on('error', (error) => {
    site.report('watch', null, error);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EMFILE' || code === 'ENOSPC' || code === 'ELOOP') {
      addNotices(site.info, [`Some folders cannot be watched for outside changes (${code}).`]);
    }
  });
  watcher.once('ready', () => {
    // Catch what changed between the first index and the watcher being ready.
    const before = new Map(site.index.all().map((summary) => [summary.id, summary]));
    void site.index
      .refresh()
      .then((after) => {
        const seen = new Set<string>();
        for (const summary of after) {
          seen.add(summary.id);
          const old = before.get(summary.id);
          if (old !== summary) {
            emit('postChanged', { id: summary.id, kind: old ? 'changed' : 'added', summary });
            void site.problems
              .recheck(summary.id)
              .catch((error: unknown) => site.report('problems.recheck', summary.id, error));
          }
        }
        for (const id of before.keys()) {
          if (!seen.has(id)) emit('postChanged', { id, kind: 'removed', summary: null });
        }
      })
      .catch((error: unknown) => site.report('watch.catch-up', null, error))
      .finally(() => site.started());
  });
  return watcher;
}

/** True when `folder` exists and its real path lies inside the site (a linked content folder leading out is not watched). */
function isInsideReal(root: string, folder: string): boolean {
  try {
    return isInside(root, realpathSync(folder));
  } catch {
    // Missing or a broken link: not a folder inside the site, so it is not watched.
    return false;
  }
}

/** Adds the scan's notices to the site's notice, once each (the sidebar shows it). */
function addNotices(info: SiteInfo, notices: readonly string[]): void {
  for (const notice of notices) {
    if (info.notice?.includes(notice)) continue;
    info.notice = info.notice ? `${info.notice} ${notice}` : notice;
  }
}
