import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RoomTimers } from './room-timers';

describe('RoomTimers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the armed timer when asked again for the same due time', () => {
    const timers = new RoomTimers();
    const first = vi.fn();
    const second = vi.fn();
    timers.arm('ABCD', 1_000, 0, first);
    vi.advanceTimersByTime(400);
    timers.arm('ABCD', 1_000, 400, second);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(600);
    expect(first).toHaveBeenCalledOnce();
    expect(second).not.toHaveBeenCalled();
  });

  it('replaces the timer for a new due time and disarms for null', () => {
    const timers = new RoomTimers();
    const early = vi.fn();
    const late = vi.fn();
    timers.arm('ABCD', 1_000, 0, early);
    timers.arm('ABCD', 3_000, 0, late);
    vi.advanceTimersByTime(2_000);
    expect(early).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(late).toHaveBeenCalledOnce();
    // Fired timers are forgotten: the same due time arms again.
    timers.arm('ABCD', 3_000, 3_000, late);
    timers.arm('ABCD', null, 3_000, late);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('arms a due time the clock has already passed again, to fire at once', () => {
    const timers = new RoomTimers();
    const fire = vi.fn();
    timers.arm('ABCD', 30_000, 0, fire);
    // The server clock jumped 31 s while the timer still waits its 30 s: the next ask fires it.
    timers.arm('ABCD', 30_000, 31_000, fire);
    vi.advanceTimersByTime(0);
    expect(fire).toHaveBeenCalledOnce();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps rooms apart, fires past-due times at once, and clears everything', () => {
    const timers = new RoomTimers();
    const a = vi.fn();
    const b = vi.fn();
    timers.arm('AAAA', 500, 1_000, a);
    timers.arm('BBBB', 5_000, 1_000, b);
    vi.advanceTimersByTime(0);
    expect(a).toHaveBeenCalledOnce();
    timers.disarm('AAAA');
    expect(vi.getTimerCount()).toBe(1);
    timers.clear();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(b).not.toHaveBeenCalled();
  });
});
