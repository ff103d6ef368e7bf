import type { BrowserWindow, Dialog } from 'electron';
import { isExternalUrlAllowed } from '../app-protocol';

/** Asks the user whether to open a URL (a native message box in the app); answers true to open it. */
export type ConfirmOpen = (url: string, host: string) => Promise<boolean>;

function ipv4Private(parts: number[]): boolean {
  const [a = 0, b = 0] = parts;
  return (
    a === 127 ||
    a === 10 ||
    a === 0 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/**
 * True when an http(s) URL points at this machine or a private network: localhost names, loopback,
 * private, link-local and shared IPv4 ranges, IPv6 loopback, unique-local and link-local addresses
 * (IPv4-mapped ones included), `.local` and `.internal` names and single-label names (intranet hosts).
 */
export function isPrivateNetworkUrl(raw: string): boolean {
  let host: string;
  try {
    host = new URL(raw).hostname.toLowerCase();
  } catch {
    // Not a URL: not an allowed external link.
    return false;
  }
  if (host.startsWith('[') && host.endsWith(']')) {
    const ip = host.slice(1, -1);
    const mapped = /^::ffff:(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
    if (mapped) return ipv4Private(mapped.slice(1).map(Number));
    const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
    if (hexMapped) {
      const high = parseInt(hexMapped[1] ?? '0', 16);
      return ipv4Private([high >> 8, high & 0xff]);
    }
    return ip === '::1' || ip === '::' || /^f[cd]/.test(ip) || /^fe[89ab]/.test(ip);
  }
  const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (ipv4) return ipv4Private(ipv4.slice(1).map(Number));
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.lan')) return true;
  return !host.includes('.');
}

/**
 * Wraps the OS browser opener: only http(s) URLs are opened, and one that points at this machine or
 * a private network (a local service a post links to) only after `confirm` says yes.
 */
export function confirmingOpenExternal(
  open: (url: string) => Promise<void>,
  confirm: ConfirmOpen,
): (url: string) => Promise<void> {
  return async (url) => {
    if (!isExternalUrlAllowed(url)) return;
    if (isPrivateNetworkUrl(url) && !(await confirm(url, new URL(url).host))) return;
    await open(url);
  };
}

/** Asks with a native message box (Cancel is the default) whether to open a link to a local service. */
export function askWithMessageBox(
  dialog: Pick<Dialog, 'showMessageBox'>,
  parent: () => BrowserWindow | null,
): ConfirmOpen {
  return async (url, host) => {
    const options = {
      type: 'warning' as const,
      buttons: ['Cancel', 'Open in Browser'],
      defaultId: 0,
      cancelId: 0,
      title: 'Open a local address?',
      message: `This link points at ${host}, a service on this computer or your private network.`,
      detail: `${url.slice(0, 500)}\n\nA post can link to local services (routers, development servers) to act on them. Open it only if you expected this link.`,
    };
    const window = parent();
    const answer = window
      ? await dialog.showMessageBox(window, options)
      : await dialog.showMessageBox(options);
    return answer.response === 1;
  };
}
