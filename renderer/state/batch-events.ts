/**
 * Collects items (events from the host) and hands them to `apply` together, `delayMs` after the
 * first of a group arrived: a burst of events costs a few store updates instead of one per event.
 */
export function batchEvents<T>(apply: (items: T[]) => void, delayMs = 50): (item: T) => void {
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (item) => {
    pending.push(item);
    timer ??= setTimeout(() => {
      const items = pending;
      pending = [];
      timer = null;
      apply(items);
    }, delayMs);
  };
}
