import type { Ctx2D } from './types';

/** A 2D context that records calls (tests and the bench): each call's name and arguments. */
export interface FakeContext extends Ctx2D {
  readonly calls: { name: string; args: unknown[] }[];
  /** Calls by name. */
  count(name: string): number;
  /** Forgets the calls so far. */
  reset(): void;
}

/**
 * A fake context. With `record: false` it only counts (the bench: no arrays per call).
 */
export function fakeContext(record = true): FakeContext {
  const calls: { name: string; args: unknown[] }[] = [];
  const counts = new Map<string, number>();
  const call =
    (name: string) =>
    (...args: unknown[]): void => {
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (record) calls.push({ name, args });
    };
  return {
    calls,
    count: (name) => counts.get(name) ?? 0,
    reset() {
      calls.length = 0;
      counts.clear();
    },
    beginPath: call('beginPath'),
    moveTo: call('moveTo'),
    lineTo: call('lineTo'),
    quadraticCurveTo: call('quadraticCurveTo'),
    arc: call('arc'),
    rect: call('rect'),
    stroke: call('stroke'),
    fill: call('fill'),
    fillRect: call('fillRect'),
    clearRect: call('clearRect'),
    setTransform: call('setTransform'),
    strokeStyle: '#000000',
    fillStyle: '#000000',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
  };
}
