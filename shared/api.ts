/**
 * THE contract between the renderer and the main process, and its public entry point.
 *
 * The parts live in shared/contract/: the model (model.ts), the argument schemas (schemas.ts), the
 * core method and event tables (methods.ts, events.ts), the error codes (errors.ts), dispatch
 * (dispatch.ts), the client (client.ts) and the hosts' capabilities (capabilities.ts). This file
 * assembles the tables (the core rows and each feature's rows, one spread line per feature table
 * from shared/api-<feature>.ts) and binds dispatch and the client to them. Both hosts, the preload
 * and the renderer's client are generated from these two tables, so adding a method means adding
 * a row and a handler, and nothing else.
 */
import type { z } from 'zod';
import { apiFromCalls } from './contract/client';
import { coreEvents } from './contract/events';
import { coreMethods } from './contract/methods';
import type { Returns } from './contract/schemas';
import { dispatchWith, isNameIn, type Outcome } from './contract/dispatch';
import { diagnosticsEvents, diagnosticsMethods } from './api-diagnostics';
import { gitEvents, gitMethods } from './api-git';
import { imagesEvents, imagesMethods } from './api-images';
import { searchEvents, searchMethods } from './api-search';
import { sitePreviewEvents, sitePreviewMethods } from './api-site-preview';
import type { DesktopOnlyMethod } from './contract/capabilities';

export * from './contract/model';
export type { DiagnosticEntry, DiagnosticsEvent, DiagnosticsList } from './api-diagnostics';
export { SitePath, returns, type Returns } from './contract/schemas';
export { unwrap } from './contract/client';
export { failure, type Outcome } from './contract/dispatch';
export {
  desktopOnlyMethods,
  hostCapabilities,
  type DesktopOnlyMethod,
  type HostCapabilities,
  type HostKind,
} from './contract/capabilities';

/** The methods of the contract: argument schema and (type-only) result of each. */
export const methods = {
  ...coreMethods,
  ...diagnosticsMethods,
  ...gitMethods,
  ...imagesMethods,
  ...searchMethods,
  ...sitePreviewMethods,
} as const;

/** The events of the contract and their (type-only) payloads. */
export const events = {
  ...coreEvents,
  ...diagnosticsEvents,
  ...gitEvents,
  ...imagesEvents,
  ...searchEvents,
  ...sitePreviewEvents,
} as const;

/** The type a row's marker carries (rows written as a bare type before contract v2 are taken as is). */
type Carried<R> = R extends Returns<infer T> ? T : R;

/** The name of a contract method. */
export type MethodName = keyof typeof methods;
/** The name of a contract event. */
export type EventName = keyof typeof events;
/** What a caller passes to method M. */
export type MethodArgs<M extends MethodName> = z.input<(typeof methods)[M]['args']>;
/** What a handler of method M receives once validated. */
export type ValidArgs<M extends MethodName> = z.output<(typeof methods)[M]['args']>;
/** What method M resolves to. */
export type MethodResult<M extends MethodName> = Carried<(typeof methods)[M]['result']>;
/** The payload of event E. */
export type EventPayload<E extends EventName> = Carried<(typeof events)[E]>;

/** The names of all methods, in table order. */
export const methodNames = Object.keys(methods) as MethodName[];
/** The names of all events, in table order. */
export const eventNames = Object.keys(events) as EventName[];

/** Subscribes to event E; the returned function unsubscribes. */
export type Subscribe = <E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
) => () => void;

/** The API the renderer sees, whichever host carries it. */
export type PostdeskApi = {
  [M in MethodName]: (args: MethodArgs<M>) => Promise<MethodResult<M>>;
} & { on: Subscribe };

/** What the preload exposes as `window.postdesk`: each method answers the host's Outcome as is. */
export type PostdeskBridge = {
  [M in MethodName]: (args: MethodArgs<M>) => Promise<Outcome<MethodResult<M>>>;
} & { on: Subscribe };

/** One handler per method, given validated arguments: what the hosts dispatch to. */
export type Handlers = {
  [M in MethodName]: (args: ValidArgs<M>) => Promise<MethodResult<M>>;
};

/** The handlers the library implements: all but the desktop-only ones (composed in the IPC host). */
export type LibraryHandlers = Omit<Handlers, DesktopOnlyMethod>;

/** The handlers only the desktop host implements. */
export type DesktopHandlers = Pick<Handlers, DesktopOnlyMethod>;

/** True when `name` is one of the contract's methods (own keys only, so `__proto__` is not). */
export function isMethodName(name: unknown): name is MethodName {
  return isNameIn(methods, name);
}

/** True when `name` is one of the contract's events. */
export function isEventName(name: unknown): name is EventName {
  return isNameIn(events, name);
}

/**
 * Validates `rawArgs` against method `name`'s schema and runs its handler; never throws: every
 * failure comes back as an Outcome with a code and a message for the user (`unsupported` when
 * `handlers` has none for the method, as the browser host has none for desktop-only methods).
 */
export function dispatch(handlers: Partial<Handlers>, name: unknown, rawArgs: unknown): Promise<Outcome> {
  return dispatchWith(methods, handlers as Record<string, (args: never) => Promise<unknown>>, name, rawArgs);
}

/**
 * Builds the renderer's API from a function that carries one call to a host and answers its
 * Outcome: every contract method, unwrapped, so errors surface as PostdeskError with their code
 * (`transport` when the call itself failed).
 */
export function apiFromOutcomes(
  call: (name: MethodName, args: unknown) => Promise<Outcome>,
  on: Subscribe,
): PostdeskApi {
  return apiFromCalls<PostdeskApi>(methodNames, (name, args) => call(name as MethodName, args), { on });
}
