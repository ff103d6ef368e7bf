import { promises as fs } from 'node:fs';
import type { LibraryHandlers, SiteInfo } from '../../../shared/api';
import { checkAssetId, checkPostId } from '../contract-scope';
import { resolveExisting } from '../site-paths';
import { importImage } from './import-image';

/**
 * The image rows of the contract: importImage (it remembers, per site root, the files it added in
 * this session) and discardImages, which removes only such files (a post closed or reloaded without
 * saving keeps no orphan images). Paths resolve inside the site (realpath, no symlink escape).
 */
export function createImageHandlers(
  site: () => { info: SiteInfo },
): Pick<LibraryHandlers, 'importImage' | 'discardImages'> {
  const added = new Map<string, Set<string>>();
  const addedIn = (root: string): Set<string> => {
    let ids = added.get(root);
    if (!ids) added.set(root, (ids = new Set()));
    return ids;
  };
  return {
    async importImage({ data, ...request }) {
      const { info } = site();
      await checkPostId(info, request.postId);
      const image = await importImage(info, { ...request, bytes: Buffer.from(data, 'base64') });
      addedIn(info.root).add(image.id);
      return image;
    },
    async discardImages({ ids }) {
      const { info } = site();
      const ours = addedIn(info.root);
      const removed: string[] = [];
      // Every id is checked like any path argument (a hostile id is refused, not silently skipped).
      for (const id of ids) await checkAssetId(info, id);
      for (const id of ids) {
        if (!ours.has(id)) continue;
        ours.delete(id);
        // Already gone (or no longer inside the site): nothing to remove.
        const file = await resolveExisting(info.root, id).catch(() => null);
        if (file === null) continue;
        await fs.rm(file, { force: true });
        removed.push(id);
      }
      return { removed };
    },
  };
}
