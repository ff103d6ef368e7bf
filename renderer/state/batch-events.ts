/** Takes one item into the current group; `cancel` drops the group not handed over yet. */
export interface EventBatcher<T> {
  (item: T): void;
  cancel(): void;
}

/** How a group closes: `delayMs` after its first item (the default), or after `delayMs` of quiet. */
export interface BatchOptions {
  /** True: every item pushes the hand-over back, so a long burst is handed over once, when it ends. */
  untilQuiet?: boolean;
}

/**
 * Collects items (events from the host) and hands them to `apply` together, `delayMs` after the
 * first of a group arrived (or once no item came for `delayMs`, with `untilQuiet`): a burst of
 * events costs a few store updates instead of one per event. The one batching helper of the renderer.
 */
export function batchEvents<T>(
  apply: (items: T[]) => void,
  delayMs = 50,
  options: BatchOptions = {},
): EventBatcher<T> {
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    const items = pending;
    pending = [];
    timer = null;
    apply(items);
  };
  const push = (item: T): void => {
    pending.push(item);
    if (options.untilQuiet && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    timer ??= setTimeout(flush, delayMs);
  };
  return Object.assign(push, {
    cancel(): void {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = [];
    },
  });
}
