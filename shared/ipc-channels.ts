import type { EventName, MethodName } from './api';

/** The IPC channel that carries contract method M (one channel per method, none generic). */
export function methodChannel(name: MethodName): string {
  return `postdesk:${name}`;
}

/** The IPC channel that carries contract event E from main to the renderer. */
export function eventChannel(name: EventName): string {
  return `postdesk-event:${name}`;
}
