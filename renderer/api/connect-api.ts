import type { PostdeskBridge } from '../../shared/api';
import { hostCapabilities } from '../../shared/contract/capabilities';
import type { PostdeskClient } from './client';
import { assetExpiry, assetSignature } from '../../shared/asset-signature';
import { apiFromOutcomes } from './contract-names';
import { createHttpApi } from './http-api';

declare global {
  interface Window {
    /** Set by the desktop app's preload; absent in browser mode. */
    postdesk?: PostdeskBridge;
  }
}

export type { PostdeskClient } from './client';

const tokenKey = 'postdesk-token';

function encodeId(id: string): string {
  return id.split('/').map(encodeURIComponent).join('/');
}

/**
 * Picks the transport: the preload's `window.postdesk` in the desktop app, else the browser-mode
 * host this page came from, with the token from the address's fragment (never sent to any server):
 * it is taken off the address bar at once, kept in memory and this tab's sessionStorage (for
 * reloads; other origins, other local ports included, cannot read it) and sent only as a header.
 * Asset URLs carry a short-lived signature of their one file, never the token.
 */
export function connectApi(): PostdeskClient {
  const bridge = window.postdesk;
  if (bridge) {
    return {
      api: apiFromOutcomes((name, args) => (bridge[name] as (a: unknown) => Promise<never>)(args), bridge.on),
      capabilities: hostCapabilities.desktop,
      assetUrl: (id) => `postdesk-asset://site/${encodeId(id)}`,
    };
  }
  const url = new URL(window.location.href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const token = fragment.get('token') ?? sessionStorage.getItem(tokenKey);
  if (!token) throw new Error('Open Postdesk with the address (and token) that `npm run web` printed.');
  sessionStorage.setItem(tokenKey, token);
  if (fragment.has('token')) {
    url.hash = '';
    window.history.replaceState(null, '', `${url.pathname}${url.search}`);
  }
  const origin = window.location.origin;
  return {
    api: createHttpApi(origin, token),
    capabilities: hostCapabilities.browser,
    assetUrl: (id) => {
      const expiry = assetExpiry(Date.now());
      return `${origin}/asset/${encodeId(id)}?exp=${expiry}&sig=${assetSignature(token, id, expiry)}`;
    },
  };
}
