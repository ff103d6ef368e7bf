import type { WebFrameMain } from 'electron';
import { appOrigin } from '../app-protocol';

/**
 * True only for the top frame of a page served from the app's own origin (`app://postdesk/`):
 * every IPC handler asks this of the sender frame before doing anything.
 */
export function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (frame === null || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === appOrigin;
  } catch {
    // A frame URL that does not parse is not our origin: untrusted.
    return false;
  }
}
