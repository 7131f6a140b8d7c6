/**
 * The small boardgame.io game the bench plays: four players who may all move at any time
 * (no turn order to wait for), each move marking a card and bumping a counter, so every
 * move really changes the state that the server stores and sends out. Shared by the bench
 * server and the bots (boardgame.io clients run the same reducer).
 */
import type { Game } from 'boardgame.io';
import { ActivePlayers } from 'boardgame.io/core';

export interface BenchG {
  /** The bench's id of the latest move: how receivers match an update to the move sent. */
  seq: number;
  moves: number;
  cards: (string | null)[];
}

export const BENCH_GAME_NAME = 'bench';

export const benchGame: Game<BenchG> = {
  name: BENCH_GAME_NAME,
  minPlayers: 4,
  maxPlayers: 4,
  setup: () => ({ seq: 0, moves: 0, cards: Array<string | null>(25).fill(null) }),
  turn: { activePlayers: ActivePlayers.ALL },
  moves: {
    play: ({ G, playerID }, seq: number, card: number) => {
      G.seq = seq;
      G.moves += 1;
      G.cards[card % 25] = playerID;
    },
  },
};
