import type { Library } from '../../electron/library/library-service';
import { apiFromOutcomes, dispatch, hostCapabilities } from '../../shared/api';
import type { PostdeskClient } from '../../renderer/api/client';
import { createAppState, type AppState } from '../../renderer/state/app-state';

/**
 * A renderer client talking to the real library in-process, through the contract's own dispatch
 * (validation and the Outcome envelope included); with `events`, the library's events reach
 * the client's `on` listeners, else `on` subscribes to nothing (the test drives every change).
 */
export function libraryClient(
  library: Library,
  { events = false }: { events?: boolean } = {},
): PostdeskClient {
  const api = apiFromOutcomes(
    (name, args) => dispatch(library.handlers, name, args),
    events
      ? (event, listener) =>
          library.subscribe((name, payload) => {
            if ((name as string) === (event as string)) (listener as (value: unknown) => void)(payload);
          })
      : () => () => undefined,
  );
  return { api, capabilities: hostCapabilities.browser, assetUrl: (id) => `asset:${id}` };
}

/** A window's state (createAppState) around the real library (see libraryClient). */
export function libraryAppState(library: Library, options: { events?: boolean } = {}): AppState {
  return createAppState(libraryClient(library, options));
}
