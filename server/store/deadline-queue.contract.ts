/**
 * The behaviour every DeadlineQueue backend must have, as one test suite that each
 * backend's test file runs with its own factory. Not a test file by itself.
 */
import { describe, expect, it } from 'vitest';
import type { DeadlineQueue } from './deadline-queue';

/** Runs the shared contract against queues made by `makeQueue` (a fresh, empty queue per test). */
export function describeDeadlineQueueContract(name: string, makeQueue: () => DeadlineQueue): void {
  describe(`${name}: the DeadlineQueue contract`, () => {
    it('hands out due keys once, earliest first, and keeps the rest', async () => {
      const queue = makeQueue();
      expect(await queue.next()).toBeNull();
      await queue.schedule('turn:CCCC', 3_000);
      await queue.schedule('turn:AAAA', 1_000);
      await queue.schedule('turn:BBBB', 2_000);
      expect(await queue.next()).toBe(1_000);
      expect(await queue.claimDue(999, 10)).toEqual([]);
      expect(await queue.claimDue(2_000, 10)).toEqual(['turn:AAAA', 'turn:BBBB']);
      expect(await queue.claimDue(2_000, 10)).toEqual([]);
      expect(await queue.next()).toBe(3_000);
      expect(await queue.claimDue(10_000, 10)).toEqual(['turn:CCCC']);
      expect(await queue.next()).toBeNull();
    });

    it('claims at most `limit` keys, ties in key order', async () => {
      const queue = makeQueue();
      for (const key of ['d', 'b', 'a', 'c']) await queue.schedule(key, 500);
      await queue.schedule('early', 100);
      expect(await queue.claimDue(1_000, 3)).toEqual(['early', 'a', 'b']);
      expect(await queue.claimDue(1_000, 3)).toEqual(['c', 'd']);
    });

    it('moves a deadline when the key is scheduled again, and forgets a cancelled one', async () => {
      const queue = makeQueue();
      expect(await queue.schedule('moved', 100)).toBe(false);
      expect(await queue.schedule('moved', 5_000)).toBe(true);
      await queue.schedule('cancelled', 100);
      expect(await queue.cancel('cancelled')).toBe(true);
      expect(await queue.cancel('cancelled')).toBe(false);
      expect(await queue.claimDue(1_000, 10)).toEqual([]);
      expect(await queue.claimDue(5_000, 10)).toEqual(['moved']);
      expect(await queue.cancel('moved')).toBe(false);
    });

    it('refuses nonsense arguments as programmer errors', async () => {
      const queue = makeQueue();
      await expect(queue.schedule('x', Number.NaN)).rejects.toThrow(RangeError);
      await expect(queue.claimDue(1_000, 0)).rejects.toThrow(RangeError);
      await expect(queue.claimDue(1_000, 1_000_000)).rejects.toThrow(RangeError);
    });
  });
}
