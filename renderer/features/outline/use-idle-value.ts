import { useEffect, useState } from 'react';

/**
 * `compute()` of the latest inputs, recomputed a short pause after they stop changing (never on the
 * keystroke itself); `deps` are the inputs. Starts with the first result at once.
 */
export function useIdleValue<T>(compute: () => T, deps: readonly unknown[], delayMs = 250): T {
  const [value, setValue] = useState(compute);
  useEffect(() => {
    const timer = window.setTimeout(() => setValue(compute()), delayMs);
    return () => window.clearTimeout(timer);
    // The inputs are the deps the caller names; `compute` closes over them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
