import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchEvents } from '../../../renderer/state/batch-events';

describe('batchEvents', () => {
  afterEach(() => vi.useRealTimers());

  it('hands a burst over in one group, in order, and starts a new group afterwards', () => {
    vi.useFakeTimers();
    const groups: number[][] = [];
    const push = batchEvents((items: number[]) => groups.push(items), 50);
    push(1);
    push(2);
    push(3);
    expect(groups).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(groups).toEqual([[1, 2, 3]]);
    push(4);
    vi.advanceTimersByTime(50);
    expect(groups).toEqual([[1, 2, 3], [4]]);
  });
});
