/**
 * The games of the site, as the browser knows them: one line per game (the server's list is
 * game/games.ts). Each entry is small and loaded with every page that lists games (the
 * picker, the room list, the rules index); the game's room UI is a chunk of its own, loaded
 * when a room of that game opens, so no game's code is in another game's load or the home page's.
 */
import { codewords } from './codewords/entry';
import { sketch } from './sketch/entry';
import type { GameEntry, GameUi } from './types';

/** Every game, in the picker's order; the first is preselected (and is the server's default). */
export const GAMES: readonly GameEntry[] = [codewords, sketch];

/** The game with this id, or null (a room of a game this build does not know). */
export function gameEntry(id: string): GameEntry | null {
  return GAMES.find((game) => game.id === id) ?? null;
}

/** A game's name for lists ("Codewords"), or its id when this build does not know it. */
export function gameName(id: string): string {
  return gameEntry(id)?.name ?? id;
}

// One load per game and page: the same promise for every caller, so React's `use` can read it.
const loads = new Map<string, Promise<GameUi | null>>();

/**
 * The room UI of a game, loading it on first use (call early to preload); resolves null for
 * a game this build does not know. A failed load (the network) is forgotten, to be tried again.
 */
export function loadGameUi(id: string): Promise<GameUi | null> {
  let load = loads.get(id);
  if (!load) {
    const entry = gameEntry(id);
    load = entry ? entry.load().then((module) => module.default) : Promise.resolve(null);
    load.catch(() => loads.delete(id));
    loads.set(id, load);
  }
  return load;
}
