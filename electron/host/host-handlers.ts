import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PostdeskError } from '../../shared/errors';
import type { Library } from '../library/library-service';

/**
 * The handlers a transport (IPC or HTTP) may reach: the library's, except that `openSite` with a
 * path opens only a folder the app itself opened before (chosen in the native dialog, given on the
 * command line, or the folder the browser-mode host was started with), never any path a page names.
 */
export function hostHandlers(library: Library): Library['handlers'] {
  return {
    ...library.handlers,
    async openSite({ path: folder }) {
      if (folder === undefined) return library.handlers.openSite({});
      // A folder that does not exist (or a broken link) was never opened: refused below.
      const real = await fs.realpath(path.resolve(folder)).catch(() => null);
      if (real === null || !library.openedFolders().has(real)) {
        throw new PostdeskError(
          'path-refused',
          'A site is opened only through File > Open Site… or the folder Postdesk was started with.',
        );
      }
      return library.handlers.openSite({ path: real });
    },
  };
}
