/**
 * Any game in any room: a test game (server/test-game.ts) registered beside Codewords plays
 * through the real server, on both backends, using every part of the engine contract that
 * Codewords does not: a teamless seat everyone takes at once, an audience of one player, a
 * roster hook, a private notice, a stream frame and a ranked outcome, each checked on the wire.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAMES } from '../game/games';
import { ErrorCode } from '../game/errors';
import type { GameNotice, JoinResult, StreamFrame } from '../game/protocol';
import { guessGame, type GuessView } from './test-game';
import { connectClient, expectOk, startTestServer, type TestClient, type TestServer } from './testing';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ games: [...GAMES, guessGame] });
});
afterAll(async () => {
  await server.close();
});

const view = (c: TestClient) => c.latest()?.view as GuessView | null;
const received = (c: TestClient, event: string) => c.received.filter(([name]) => name === event).map(([, payload]) => payload);

/** Resolves once `check` holds (a broadcast may trail the ack with Redis). */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (const until = Date.now() + 5_000; !check(); ) {
    if (Date.now() > until) throw new Error(`not within 5 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A room of the test game with `n` players, all joined; the first is the host. */
async function room(n: number): Promise<{ code: string; players: TestClient[]; ids: string[] }> {
  const host = await connectClient(server.url);
  const { code } = expectOk(await host.request<{ code: string }>('room:create', { nickname: 'P0', public: false, gameId: 'guess' }));
  const players = [host, ...(await Promise.all(Array.from({ length: n - 1 }, () => connectClient(server.url))))];
  const ids: string[] = [];
  for (const [i, p] of players.entries()) ids.push(expectOk(await p.request<JoinResult>('room:join', { code, nickname: `P${i}`, as: 'player' })).you);
  await host.until((s) => s.players.length === n);
  return { code, players, ids };
}

describe('a game other than Codewords', () => {
  it('is created by id, seats everyone in its one teamless seat, and refuses an unknown game', async () => {
    const { code, players } = await room(3);
    const lobby = players[0]!.latest()!;
    expect(lobby.gameId).toBe('guess');
    expect(lobby.seats).toEqual([{ id: 'player', label: 'Player', min: 2, max: 8, joinMidGame: true }]);
    expect(lobby.players.map((p) => p.seat)).toEqual(['player', 'player', 'player']);
    expect((await server.parlor.hub.lookup(code)) as unknown).toMatchObject({ ok: true, value: { gameId: 'guess' } });
    const stranger = await connectClient(server.url);
    expect(await stranger.request('room:create', { nickname: 'X', public: false, gameId: 'chess' })).toMatchObject({ ok: false, code: ErrorCode.GAME_UNKNOWN });
    for (const c of [...players, stranger]) c.close();
  });

  it('shows the secret to an audience of one, sends a close guess to its player alone, and ends at the target', async () => {
    const { code, players, ids } = await room(3);
    const [host, second, third] = players as [TestClient, TestClient, TestClient];
    expectOk(await host.request('room:start', { code }));
    await Promise.all(players.map((c) => c.until((s) => s.phase === 'playing')));
    // The host (first in join order) leads: only their snapshot holds the word.
    expect(host.latest()!.audience).toBe(`leader:${ids[0]}`);
    expect(view(host)).toMatchObject({ role: 'leader', secret: 'APPLE' });
    expect(view(second)).toMatchObject({ role: 'guesser', letters: 5 });
    expect(await host.request('game:move', { code, move: { type: 'guess', word: 'APPLE' } })).toMatchObject({ ok: false, code: 'LEADER_CANNOT_GUESS' });
    // The game closes the room chat to the one who knows the word, not to the others.
    expect(await host.request('chat:send', { code, text: 'it is APPLE' })).toMatchObject({ ok: false, code: ErrorCode.CHAT_CLOSED });
    expectOk(await second.request('chat:send', { code, text: 'a fruit?' }));
    expect(JSON.stringify(third.received)).not.toContain('it is APPLE');

    // One letter off: a notice for the guesser alone.
    expectOk(await second.request('game:move', { code, move: { type: 'guess', word: 'APPLY' } }));
    await eventually(() => received(second, 'game:notice').length === 1, 'the close notice');
    expect(received(second, 'game:notice')).toEqual([{ code, kind: 'close', text: 'APPLY is close!' } satisfies GameNotice]);

    // Right: a point, and the lead passes to the second player, who alone now sees the next word.
    expectOk(await third.request('game:move', { code, move: { type: 'guess', word: 'apple' } }));
    await second.until((s) => s.audience === `leader:${ids[1]}`);
    expect(view(second)).toMatchObject({ role: 'leader', secret: 'RIVER' });
    await host.until((s) => (s.view as GuessView).leader === ids[1]);
    expect(view(host)).toMatchObject({ role: 'guesser', scores: { [ids[2]!]: 1 } });
    for (const c of [host, third]) expect(JSON.stringify(c.received)).not.toContain('RIVER');
    expect(JSON.stringify([host.received, third.received])).not.toContain('"APPLY is close');

    // The target (2) reached: the game is over.
    expectOk(await third.request('game:move', { code, move: { type: 'guess', word: 'RIVER' } }));
    await Promise.all(players.map((c) => c.until((s) => s.phase === 'over')));
    expect(view(host)!.scores).toEqual({ [ids[0]!]: 0, [ids[1]!]: 0, [ids[2]!]: 2 });
    for (const c of players) c.close();
  });

  it('tells the game of a late joiner and of a leader who leaves', async () => {
    const { code, players, ids } = await room(2);
    const [host, second] = players as [TestClient, TestClient];
    expectOk(await host.request('room:start', { code }));
    await second.until((s) => s.phase === 'playing');
    // A late joiner is seated at once and gets a score line from the roster hook.
    const late = await connectClient(server.url);
    const joined = expectOk(await late.request<JoinResult>('room:join', { code, nickname: 'Late', as: 'player' }));
    expect(joined.snapshot.players.find((p) => p.id === joined.you)?.seat).toBe('player');
    expect((joined.snapshot.view as GuessView).scores[joined.you]).toBe(0);
    // The leader leaves: the lead passes on, and the new leader's sockets move to the audience of one.
    expectOk(await host.request('room:leave', { code }));
    await second.until((s) => s.audience === `leader:${ids[1]}`);
    expect(view(second)).toMatchObject({ role: 'leader', leader: ids[1] });
    await late.until((s) => (s.view as GuessView).leader === ids[1]);
    for (const c of [...players, late]) c.close();
  });

  it('relays the leader stream frames to the others, numbered, and drops and counts everyone else frames', async () => {
    const { code, players, ids } = await room(3);
    const [host, second, third] = players as [TestClient, TestClient, TestClient];
    expectOk(await host.request('room:start', { code }));
    await Promise.all(players.map((c) => c.until((s) => s.phase === 'playing')));
    const refusedBefore = server.parlor.ignored.streamRefused;
    const emit = (c: TestClient, data: unknown) => (c.socket.emit as unknown as (event: string, payload: unknown) => void)('game:stream', { code, data });
    emit(host, [1, 2, 3]);
    emit(host, [4, 5]);
    emit(second, [9]); // not the leader
    emit(host, ['x']); // not the stream's schema
    emit(host, Array.from({ length: 2000 }, (_, i) => i)); // over the frame size
    await eventually(() => received(third, 'game:stream').length === 2 && server.parlor.ignored.streamRefused === refusedBefore + 3, 'two frames relayed, three refused');
    const frames = [{ code, from: ids[0]!, seq: 1, data: [1, 2, 3] }, { code, from: ids[0]!, seq: 2, data: [4, 5] }] satisfies StreamFrame[];
    expect(received(third, 'game:stream')).toEqual(frames);
    await eventually(() => received(second, 'game:stream').length === 2, 'the other guesser got both');
    expect(received(second, 'game:stream')).toEqual(frames);
    // Nothing comes back to the sender, and a frame moves no version.
    await host.request('room:sync', { code });
    expect(received(host, 'game:stream')).toEqual([]);
    expect(host.latest()!.version).toBe(third.latest()!.version);
    for (const c of players) c.close();
  });
});
