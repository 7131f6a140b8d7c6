import { nextFloat, nextInt, type RngState } from '../rng';
import { matchKey } from './text';
import type { SketchSettings, Tier } from './types';
import { DEFAULT_TIERS } from './words';

/**
 * Which words the drawer is offered: pure functions of the settings, the words already
 * played and a PRNG state.
 *
 * Each offered word comes from one source, picked by weight: a tier of the default list
 * (its host weight), or the custom list. Mixed with the default list, the custom list weighs
 * as much as all tiers together, so about half the words offered are the host's. A word
 * played in this room (this game or the last ones) is offered again only once its source
 * has no other word left; an offer never holds the same word twice.
 */

/** Where a word comes from. */
type Source = Tier | 'custom';

const TIERS: readonly Tier[] = ['easy', 'medium', 'hard'];

/** The sources of the settings with their weights (zero weights left out). */
export function sources(settings: SketchSettings): { source: Source; weight: number; words: readonly string[] }[] {
  const custom = settings.customWords;
  const tierTotal = settings.tiers.easy + settings.tiers.medium + settings.tiers.hard;
  if (custom !== null && (settings.customOnly || tierTotal === 0)) return [{ source: 'custom', weight: 1, words: custom }];
  const out = TIERS.filter((t) => settings.tiers[t] > 0).map((t) => ({ source: t as Source, weight: settings.tiers[t], words: DEFAULT_TIERS[t] }));
  if (custom !== null) out.push({ source: 'custom', weight: tierTotal, words: custom });
  return out;
}

/**
 * The match keys of a word list, made once per list: a room deals from the same list object
 * turn after turn (a default tier, or the custom list in its settings).
 */
const keysByList = new WeakMap<readonly string[], readonly string[]>();

function keysOf(words: readonly string[]): readonly string[] {
  let keys = keysByList.get(words);
  if (!keys) {
    keys = words.map(matchKey);
    keysByList.set(words, keys);
  }
  return keys;
}

/**
 * Up to `count` distinct words to offer, and the next PRNG state. Fewer only when the
 * sources hold fewer distinct words than `count` altogether.
 * @param played words played before in this room, compared by their match keys.
 */
export function dealChoices(settings: SketchSettings, played: ReadonlySet<string>, count: number, rng: RngState): { choices: string[]; rng: RngState } {
  const pools = sources(settings);
  const offered = new Set<string>();
  const choices: string[] = [];
  let s = rng;
  for (let slot = 0; slot < count; slot++) {
    // Fresh words first; played ones only when no source has a fresh word left.
    let word: string | null = null;
    for (const allowPlayed of [false, true]) {
      const open = pools
        .map((pool) => {
          const keys = keysOf(pool.words);
          return { weight: pool.weight, left: pool.words.filter((_, i) => !offered.has(keys[i]!) && (allowPlayed || !played.has(keys[i]!))) };
        })
        .filter((pool) => pool.left.length > 0);
      if (open.length === 0) continue;
      const total = open.reduce((sum, pool) => sum + pool.weight, 0);
      let f: number;
      [f, s] = nextFloat(s);
      let at = f * total;
      const pool = open.find((p) => (at -= p.weight) < 0) ?? open[open.length - 1]!;
      let i: number;
      [i, s] = nextInt(s, pool.left.length);
      word = pool.left[i]!;
      break;
    }
    if (word === null) break;
    offered.add(matchKey(word));
    choices.push(word);
  }
  return { choices, rng: s };
}
