/**
 * A tiny seeded PRNG (mulberry32) for pure game rules. Its whole state is one unsigned
 * 32-bit number that a game keeps in its own state, so replaying the same moves from the
 * same seed always gives the same game, on the server and in tests alike.
 *
 * Every function takes the state and returns `[value, nextState]`; nothing is mutated.
 * Not cryptographic: fine for dealing cards, not for secrets.
 */

/** The PRNG state: an unsigned 32-bit integer. */
export type RngState = number;

/** Turns any number (e.g. the server's 32-bit seed) into a valid PRNG state. */
export function seedRng(seed: number): RngState {
  // `>>> 0` maps negatives, fractions and NaN onto 0..2^32-1 so any input is usable.
  return Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
}

/** A float in [0, 1) and the next state. */
export function nextFloat(state: RngState): [number, RngState] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/**
 * An integer in [0, maxExclusive) and the next state.
 * @throws RangeError when `maxExclusive` is not a positive integer (a programmer error).
 */
export function nextInt(state: RngState, maxExclusive: number): [number, RngState] {
  if (!Number.isInteger(maxExclusive) || maxExclusive <= 0) {
    throw new RangeError(`nextInt needs a positive integer bound, got ${maxExclusive}`);
  }
  const [f, next] = nextFloat(state);
  return [Math.floor(f * maxExclusive), next];
}

/** A shuffled copy of `items` (Fisher-Yates) and the next state; the input is untouched. */
export function shuffle<T>(items: readonly T[], state: RngState): [T[], RngState] {
  const out = items.slice();
  let s = state;
  for (let i = out.length - 1; i > 0; i--) {
    let j: number;
    [j, s] = nextInt(s, i + 1);
    // Both indices are in range by construction; the casts only satisfy noUncheckedIndexedAccess.
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return [out, s];
}
