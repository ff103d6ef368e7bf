import type { EventName, MethodName, Outcome, PostdeskApi, Subscribe } from '../../shared/api';
import { apiFromCalls } from '../../shared/contract/client';

// The names of the contract's methods and events, read from shared/api.ts when the renderer is
// built (renderer/vite.config.mts defines them), so the initial script carries the names without
// the argument schemas (zod), which only the hosts use.
declare const __POSTDESK_CONTRACT_NAMES__: { methods: MethodName[]; events: EventName[] };

/** The names of all methods, in table order (as shared/api.ts's `methodNames`). */
export const methodNames: readonly MethodName[] = __POSTDESK_CONTRACT_NAMES__.methods;

const eventNameSet: ReadonlySet<string> = new Set(__POSTDESK_CONTRACT_NAMES__.events);

/** True when `name` is one of the contract's events (as shared/api.ts's `isEventName`). */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && eventNameSet.has(name);
}

/** The renderer's API over a host's Outcomes (as shared/api.ts's `apiFromOutcomes`). */
export function apiFromOutcomes(
  call: (name: MethodName, args: unknown) => Promise<Outcome>,
  on: Subscribe,
): PostdeskApi {
  return apiFromCalls<PostdeskApi>(methodNames, (name, args) => call(name as MethodName, args), { on });
}
