import type { EventName, Outcome, PostdeskApi, Subscribe } from '../../shared/api';
import { httpFailure } from '../../shared/contract/client';
import { failure } from '../../shared/contract/dispatch';
import { apiFromOutcomes, isEventName } from './contract-names';

/**
 * The contract over the browser-mode host: each method is a POST to /api/<name> carrying the token
 * in a header, and events arrive on one server-sent-events stream read with fetch (so the token rides
 * in a header there too; EventSource could only put it in the URL), opened on the first subscription
 * and re-opened after a pause when it drops.
 */
export function createHttpApi(baseUrl: string, token: string): PostdeskApi {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let streaming = false;

  const deliver = (frame: string): void => {
    let name = '';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (!isEventName(name) || data.length === 0) return;
    const payload: unknown = JSON.parse(data.join('\n'));
    for (const listener of listeners.get(name) ?? []) listener(payload);
  };

  const readStream = async (): Promise<void> => {
    const response = await fetch(`${baseUrl}/api/events`, {
      headers: { 'x-postdesk-token': token, accept: 'text/event-stream' },
      cache: 'no-store',
    });
    if (!response.ok || !response.body) throw new Error(`The event stream answered ${response.status}.`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        deliver(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  };

  const ensureStream = (): void => {
    if (streaming) return;
    streaming = true;
    void (async () => {
      for (let failures = 0; ; failures += 1) {
        await readStream().then(
          () => (failures = 0),
          () => undefined,
        );
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** Math.min(failures, 5))));
      }
    })();
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
    // A refused body (413 too large, 503 busy) still answers an Outcome with a message for the user.
    const json = (response.headers.get('content-type') ?? '').startsWith('application/json');
    if (!response.ok && !json) return httpFailure(response.status, await response.text().catch(() => ''));
    try {
      return (await response.json()) as Outcome;
    } catch {
      return failure('transport', 'The Postdesk host answered something that is not JSON.');
    }
  };

  return apiFromOutcomes(call, on);
}
