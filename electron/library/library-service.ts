import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { EventName, EventPayload, Handlers, PostChangeKind, SiteInfo } from '../../shared/api';
import { PostdeskError } from '../../shared/errors';
import { removeStrayTempFiles } from './atomic-write';
import { imageCatalogOf } from './images/image-catalog';
import { importImage } from './images/import-image';
import { readSiteAsset, type SiteAsset } from './site-assets';
import { isPostFileName, PostIndex } from './post-index';
import { PostStore } from './post-store';
import { detectSite } from './site-detect';
import { readSiteSchema } from './site-schema';
import { toId } from './site-paths';

/** Something that wants the contract's events. */
export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The library as both hosts see it: the contract's handlers, its events, and a way to stop. */
export interface Library {
  handlers: Handlers;
  /** Adds an events listener; the returned function removes it. */
  subscribe(listener: EventListener): () => void;
  /** Reads an image, stylesheet or font of the open site for the preview (not a contract method: hosts serve it as a URL). */
  readAsset(id: string): Promise<SiteAsset>;
  /** Stops watching files; pending calls may still finish. */
  close(): Promise<void>;
}

interface OpenSite {
  info: SiteInfo;
  index: PostIndex;
  store: PostStore;
  watcher: FSWatcher | null;
}

/** Options of a library instance. */
export interface LibraryOptions {
  /** Watch the open site for changes made outside Postdesk (default true). */
  watch?: boolean;
}

/**
 * Creates the library behind the contract: it opens one site at a time, lists and reads its posts,
 * saves them safely and reports changes made on disk by others as `postChanged` events.
 */
export function createLibrary(options: LibraryOptions = {}): Library {
  const listeners = new Set<EventListener>();
  let current: OpenSite | null = null;

  const emit: EventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };

  function site(): OpenSite {
    if (!current) throw new PostdeskError('no-site', 'No site is open.');
    return current;
  }

  async function open(folder: string): Promise<SiteInfo> {
    const info = await detectSite(folder);
    const next: OpenSite = {
      info,
      index: new PostIndex(info),
      store: new PostStore(info.root),
      watcher: null,
    };
    if (options.watch !== false) next.watcher = watchSite(next, emit);
    const previous = current;
    current = next;
    await previous?.watcher?.close();
    return info;
  }

  const handlers: Handlers = {
    async openSite({ path: folder }) {
      if (folder !== undefined) return open(folder);
      return site().info;
    },
    async listPosts() {
      return site().index.refresh();
    },
    async readPost({ id }) {
      const { store, info } = site();
      const post = await store.read(id);
      await removeStrayTempFiles(path.dirname(path.join(info.root, ...id.split('/'))));
      return post;
    },
    async savePost({ id, text, baseRevision }) {
      const { store, index } = site();
      const result = await store.save(id, text, baseRevision);
      await index.summaryOf(id);
      return result;
    },
    readSiteSchema: async () => readSiteSchema(site().info.root),
    async importImage({ data, ...request }) {
      return importImage(site().info, { ...request, bytes: Buffer.from(data, 'base64') });
    },
    async listImages() {
      return imageCatalogOf(site().info).list();
    },
  };

  return {
    handlers,
    readAsset(id) {
      return readSiteAsset(site().info.root, id);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      const closing = current;
      current = null;
      listeners.clear();
      await closing?.watcher?.close();
    },
  };
}

function watchSite(site: OpenSite, emit: EventListener): FSWatcher {
  const folders = site.info.contentDirs.map((dir) =>
    dir === '.' ? site.info.root : path.join(site.info.root, dir),
  );
  const watcher = watch(folders, {
    ignoreInitial: true,
    ignored: (file, stats) => {
      const name = path.basename(file);
      if (name.startsWith('.') || name === 'node_modules') return true;
      return stats?.isFile() === true && !isPostFileName(name);
    },
    awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 },
  });
  const report = async (kind: PostChangeKind, file: string): Promise<void> => {
    if (!isPostFileName(path.basename(file))) return;
    if (kind !== 'removed' && (await site.store.isOwnWrite(file))) return;
    const id = toId(site.info.root, file);
    const summary = kind === 'removed' ? null : await site.index.summaryOf(id);
    if (kind === 'removed') site.index.forget(id);
    emit('postChanged', { id, kind, summary });
  };
  watcher.on('add', (file) => void report('added', file));
  watcher.on('change', (file) => void report('changed', file));
  watcher.on('unlink', (file) => void report('removed', file));
  watcher.on('error', () => undefined);
  return watcher;
}
