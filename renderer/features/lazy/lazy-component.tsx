import { lazy, Suspense, type ComponentType, type JSX, type ReactNode } from 'react';

/** A component loaded on demand, and a way to start loading it ahead of its first render. */
export type LazyComponent<P> = ((props: P) => ReactNode) & { preload(): Promise<unknown> };

/**
 * Wraps the named export that `load` answers as a component whose code loads the first time it
 * renders (showing `fallback`, or what it answers for the props, meanwhile), so it is left out of
 * the initial script.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode | ((props: P) => ReactNode) = null,
): LazyComponent<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> => (loading ??= load());
  const Lazy = lazy(async () => ({ default: await preload() }));
  const Wrapper = (props: P): ReactNode => (
    <Suspense fallback={typeof fallback === 'function' ? fallback(props) : fallback}>
      <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
    </Suspense>
  );
  return Object.assign(Wrapper, { preload });
}

/** Runs `task` when the page is idle (soon after the first paint), or after a short timeout. */
export function whenIdle(task: () => void, timeoutMs = 2000): void {
  if (typeof window.requestIdleCallback === 'function')
    window.requestIdleCallback(task, { timeout: timeoutMs });
  else window.setTimeout(task, 50);
}
