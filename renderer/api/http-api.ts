import { httpFailure } from '../../shared/contract/client';
import {
  apiFromOutcomes,
  failure,
  eventNames,
  isEventName,
  type EventName,
  type Outcome,
  type PostdeskApi,
  type Subscribe,
} from '../../shared/api';

/**
 * The contract over the browser-mode host: each method is a POST to /api/<name> carrying the token,
 * and events arrive on one server-sent-events stream opened on the first subscription.
 */
export function createHttpApi(baseUrl: string, token: string): PostdeskApi {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  const ensureStream = (): void => {
    if (source) return;
    source = new EventSource(`${baseUrl}/api/events?token=${encodeURIComponent(token)}`);
    for (const name of eventNames) {
      source.addEventListener(name, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  };

  const on: Subscribe = (event, listener) => {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const forward = listener as (payload: unknown) => void;
    set.add(forward);
    ensureStream();
    return () => {
      set.delete(forward);
    };
  };

  const call = async (name: string, args: unknown): Promise<Outcome> => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-postdesk-token': token },
        body: JSON.stringify(args ?? {}),
      });
    } catch (error) {
      return failure('transport', `Postdesk could not reach its host: ${String(error)}`);
    }
    if (!response.ok) return httpFailure(response.status, await response.text().catch(() => ''));
    try {
      return (await response.json()) as Outcome;
    } catch {
      return failure('transport', 'The Postdesk host answered something that is not JSON.');
    }
  };

  return apiFromOutcomes(call, on);
}
