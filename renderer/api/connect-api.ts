import { apiFromOutcomes, type PostdeskApi, type PostdeskBridge } from '../../shared/api';
import { createHttpApi } from './http-api';

declare global {
  interface Window {
    /** Set by the desktop app's preload; absent in browser mode. */
    postdesk?: PostdeskBridge;
  }
}

const tokenKey = 'postdesk-token';

/**
 * Picks the transport: the preload's `window.postdesk` in the desktop app, else the browser-mode
 * host this page came from, with the token from the address (kept for reloads in this tab only).
 */
export function connectApi(): PostdeskApi {
  const bridge = window.postdesk;
  if (bridge) {
    return apiFromOutcomes((name, args) => (bridge[name] as (a: unknown) => Promise<never>)(args), bridge.on);
  }
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token') ?? sessionStorage.getItem(tokenKey);
  if (!token) throw new Error('Open Postdesk with the address (and token) that `npm run web` printed.');
  sessionStorage.setItem(tokenKey, token);
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return createHttpApi(window.location.origin, token);
}
