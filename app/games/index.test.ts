import { afterEach, describe, expect, it, vi } from 'vitest';
import { GAMES as SERVER_GAMES } from '@/game/games';
import { lobbySnapshot } from '@/game/testing';
import { gameEntry, gameName, GAMES, loadGameUi } from '.';

describe('the browser registry of games', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('has a UI for every game the server offers, and no other, the default first', () => {
    expect(GAMES.map((game) => game.id)).toEqual(SERVER_GAMES.map((game) => game.id));
    for (const server of SERVER_GAMES) expect(gameEntry(server.id)?.name).toBe(server.name);
  });

  it('keeps every room UI out of the server, whose rules pages would inline its styles', async () => {
    for (const game of GAMES) await expect(game.load(), game.id).rejects.toThrow(/browser only/);
  });

  it("loads each game's room UI in the browser, and none for a game it does not know", async () => {
    // A room's UI loads in the browser only (GameEntry.load).
    vi.stubGlobal('window', {});
    for (const game of GAMES) {
      const ui = await loadGameUi(game.id);
      expect(ui?.Game, game.id).toBeTypeOf('function');
      // A lobby seen first has nothing to announce, in any game.
      expect(ui?.announce(null, lobbySnapshot(1, { gameId: game.id })).lines, game.id).toEqual([]);
      expect(await loadGameUi(game.id), 'one load per game').toBe(ui);
    }
    expect(await loadGameUi('no-such-game')).toBeNull();
    expect(gameName('no-such-game')).toBe('no-such-game');
  });
});
