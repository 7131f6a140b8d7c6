/**
 * Values that are here now or later. The room hub is written once for both backends: the
 * in-memory one answers at once, Redis through promises. Chaining with {@link andThen}
 * keeps the in-memory path synchronous (no promise, no microtask per move).
 */
import type { Result } from '../game/errors';

/** A value now or a promise of it. */
export type Maybe<T> = T | Promise<T>;

/** A request's answer: now (in memory) or once the shared store has answered (Redis). */
export type Answer<T> = Maybe<Result<T>>;

/**
 * Runs `next` on `value`: at once when it is here, else when it resolves. (Not named
 * `then`: a module exporting `then` is taken for a promise by a dynamic `import()`.)
 */
export function andThen<T, U>(value: Maybe<T>, next: (value: T) => Maybe<U>): Maybe<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
