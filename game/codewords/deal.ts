import { nextInt, shuffle, type RngState } from '../rng';
import { otherTeam } from './seats';
import type { CardColor, Team } from './types';
import { BOARD_SIZE } from './words';

/**
 * Dealing a board: which words, which key. Pure functions of a PRNG state.
 */

/** Agents of the starting team; it gets one more because it moves first. */
export const STARTING_AGENTS = 9;
/** Agents of the other team. */
export const OTHER_AGENTS = 8;
/** Innocent bystanders on the key. */
export const BYSTANDERS = 7;
/** Assassins on the key. */
export const ASSASSINS = 1;

/** The words of a new board and the room's used-word memory after dealing it. */
export interface PickedWords {
  readonly words: string[];
  readonly usedWords: string[];
  readonly rng: RngState;
}

/**
 * Picks {@link BOARD_SIZE} distinct words from `list`, preferring words not in
 * `previouslyUsed`. While the list has enough fresh words, the used-word memory grows
 * (words of other lists are dropped from it, which bounds its size). Once the list runs
 * short, the fresh words are all dealt, the rest is filled with used words, and the memory
 * restarts with this board only, so the next rematch prefers the words this one left out.
 *
 * Returns null when `list` has fewer than {@link BOARD_SIZE} distinct words.
 */
export function pickWords(list: readonly string[], previouslyUsed: readonly string[], rng: RngState): PickedWords | null {
  const { distinct, inList } = distinctWords(list);
  if (distinct.length < BOARD_SIZE) return null;
  const used = new Set(previouslyUsed.filter((w) => inList.has(w)));
  const fresh = distinct.filter((w) => !used.has(w));
  if (fresh.length >= BOARD_SIZE) {
    const [shuffled, next] = shuffle(fresh, rng);
    const words = shuffled.slice(0, BOARD_SIZE);
    return { words, usedWords: [...used, ...words], rng: next };
  }

  const [stale, afterStale] = shuffle([...used], rng);
  // Shuffle again so the fresh words do not always fill the first cells of the grid.
  const [words, next] = shuffle([...fresh, ...stale.slice(0, BOARD_SIZE - fresh.length)], afterStale);
  return { words, usedWords: [...words], rng: next };
}

/**
 * A word list's distinct words, as an array and a set. A room deals from the same list
 * object game after game (the default list, or the custom list in its settings), so they
 * are made once per list rather than once per deal: two sets of hundreds of words were
 * most of what a rematch allocated.
 */
const distinctByList = new WeakMap<readonly string[], { distinct: readonly string[]; inList: ReadonlySet<string> }>();

function distinctWords(list: readonly string[]): { distinct: readonly string[]; inList: ReadonlySet<string> } {
  let known = distinctByList.get(list);
  if (!known) {
    const inList = new Set(list);
    known = { distinct: [...inList], inList };
    distinctByList.set(list, known);
  }
  return known;
}

/** A new key: the starting team (random) and one colour per cell. */
export function dealKey(rng: RngState): { startingTeam: Team; colors: CardColor[]; rng: RngState } {
  const [coin, afterCoin] = nextInt(rng, 2);
  const startingTeam: Team = coin === 0 ? 'red' : 'blue';
  const ordered: CardColor[] = [
    ...Array<CardColor>(STARTING_AGENTS).fill(startingTeam),
    ...Array<CardColor>(OTHER_AGENTS).fill(otherTeam(startingTeam)),
    ...Array<CardColor>(BYSTANDERS).fill('bystander'),
    ...Array<CardColor>(ASSASSINS).fill('assassin'),
  ];
  const [colors, next] = shuffle(ordered, afterCoin);
  return { startingTeam, colors, rng: next };
}
