import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchEvents } from '../../../../renderer/state/batch-events';

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

describe('batchEvents until quiet', () => {
  afterEach(() => vi.useRealTimers());

  it('hands a long burst over once, after it pauses, and cancel drops what is pending', () => {
    vi.useFakeTimers();
    const groups: number[][] = [];
    const push = batchEvents((items: number[]) => groups.push(items), 50, { untilQuiet: true });
    for (let i = 0; i < 10; i++) {
      push(i);
      vi.advanceTimersByTime(30);
    }
    expect(groups).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(groups).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
    push(10);
    push.cancel();
    vi.advanceTimersByTime(100);
    expect(groups).toHaveLength(1);
    push(11);
    vi.advanceTimersByTime(50);
    expect(groups).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [11]]);
  });
});
