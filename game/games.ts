/**
 * The games this server offers: one line per game. A room records its game's id; the
 * browser has its own registry of game UIs (`app/games/index.ts`).
 */
import { codewords } from './codewords';
import { sketch } from './sketch';
import type { AnyGameDefinition } from './engine';

/** Every game, the default (for a room created without a game id) first. */
export const GAMES = [codewords, sketch] as const satisfies readonly AnyGameDefinition[];

/** The id of a registered game. */
export type GameId = (typeof GAMES)[number]['id'];

type CodesOf<G> = G extends { readonly errors: infer E } ? keyof E & string : never;
/** Every error code a registered game declares (the platform's are in game/errors.ts). */
export type GameErrorCode = CodesOf<(typeof GAMES)[number]>;

/** The games by id, for a server that may also offer games of its own (tests). */
export function gameRegistry(games: readonly AnyGameDefinition[] = GAMES): ReadonlyMap<string, AnyGameDefinition> {
  return new Map(games.map((game) => [game.id, game]));
}
