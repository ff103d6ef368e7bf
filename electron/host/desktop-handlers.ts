import type { DesktopHandlers } from '../../shared/api';
import { PostdeskError } from '../../shared/errors';
import type { Library } from '../library/library-service';

/** What the desktop shell gives the desktop-only methods. */
export interface DesktopAbilities {
  /** Shows a file in the platform's file manager (Electron's shell.showItemInFolder). */
  revealItem?: (absolutePath: string) => void | Promise<void>;
  /** Hands the renderer's answer to a close request to the shell's close guard. */
  onCloseAnswer?: (requestId: number, proceed: boolean) => void;
}

/**
 * The handlers only the desktop host serves (`revealPost`, `confirmClose`), composed by the IPC
 * host beside the library's: paths still go through the library's resolution inside the site.
 */
export function createDesktopHandlers(library: Library, abilities: DesktopAbilities): DesktopHandlers {
  return {
    async revealPost({ id }) {
      const file = await library.locate(id);
      if (!abilities.revealItem) {
        throw new PostdeskError(
          'unsupported',
          'Showing a file in its folder is only available in the desktop app.',
        );
      }
      await abilities.revealItem(file);
      return null;
    },
    async confirmClose({ requestId, proceed }) {
      abilities.onCloseAnswer?.(requestId, proceed);
      return null;
    },
  };
}
