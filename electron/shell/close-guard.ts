import type { CloseReason } from '../../shared/api';

/** Asks the renderer whether unsaved work may be left, and hears its answers. */
export interface CloseGuard {
  /**
   * Asks once (a question already pending is shared) and resolves true when the renderer answers
   * that the window may close or the site may change (after Save or Don't Save), false on Cancel.
   */
  ask(reason: CloseReason): Promise<boolean>;
  /** Delivers the renderer's `confirmClose` answer to the question it names. */
  answer(requestId: number, proceed: boolean): void;
}

/**
 * Creates the guard. `send` pushes the `closeRequested` event to the renderer and answers false
 * when there is no renderer left to ask (destroyed or crashed): then nothing can be lost there and
 * the question resolves true at once.
 */
export function createCloseGuard(send: (requestId: number, reason: CloseReason) => boolean): CloseGuard {
  let nextId = 1;
  const pending = new Map<number, (proceed: boolean) => void>();
  let current: { reason: CloseReason; answer: Promise<boolean> } | null = null;
  return {
    ask(reason) {
      if (current && current.reason === reason) return current.answer;
      const requestId = nextId++;
      const answer = new Promise<boolean>((resolve) => {
        pending.set(requestId, resolve);
        if (!send(requestId, reason)) {
          pending.delete(requestId);
          resolve(true);
        }
      }).finally(() => {
        if (current?.answer === answer) current = null;
      });
      current = { reason, answer };
      return answer;
    },
    answer(requestId, proceed) {
      const resolve = pending.get(requestId);
      pending.delete(requestId);
      resolve?.(proceed);
    },
  };
}
