/**
 * Runs `task` once the next frame has been painted (a task queued from the frame's
 * requestAnimationFrame runs after its paint), or after 100 ms where frames do not come
 * (a hidden tab); never twice.
 */
export function afterPaint(task: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    window.clearTimeout(fallback);
    task();
  };
  const fallback = window.setTimeout(run, 100);
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = run;
    channel.port2.postMessage(null);
  });
}
