/**
 * `room:vote-kick` over real sockets, on both backends: the votes every member sees, the
 * majority that removes someone as the host's kick does (the same notice, the same ban, on
 * a new connection too), toggles, a leaving voter's vote dropped, and the refusals.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../game/errors';
import { kickTally } from '../game/vote-kick';
import { expectOk, type TestClient, type TestServer } from './testing';
import { closedAfterEach } from './test-servers';

const closed = closedAfterEach();
const { client } = closed;

const SEATS = ['red:spymaster', 'red:operative', 'blue:spymaster', 'blue:operative'];

/** A room with Ana (host), Ben, Cleo and Dev in Codewords' four seats and Eve watching, everyone seeing all of it. */
async function table(s: TestServer) {
  const [ana, ben, cleo, dev, eve] = await Promise.all(Array.from({ length: 5 }, () => client(s)));
  const players = [ana!, ben!, cleo!, dev!];
  const { code } = expectOk(await ana!.request<{ code: string }>('room:create', { nickname: 'Ana', public: false }));
  for (const [i, player] of players.entries()) {
    expectOk(await player.request('room:join', { code, nickname: ['Ana', 'Ben', 'Cleo', 'Dev'][i], as: 'player' }));
    expectOk(await player.request('room:seat', { code, seat: SEATS[i] }));
  }
  expectOk(await eve!.request('room:join', { code, nickname: 'Eve', as: 'spectator' }));
  // With Redis, broadcasts reach sockets after the store's round trip, so after the acks.
  for (const c of [...players, eve!]) await c.until((snap) => snap.spectators === 1 && snap.players.every((p) => p.seat !== null));
  const idOf = (nickname: string) => ana!.latest()!.players.find((p) => p.nickname === nickname)!.id;
  return { code, ana: ana!, ben: ben!, cleo: cleo!, dev: dev!, eve: eve!, idOf };
}

/** Resolves with the first event of that name the client receives from now on. */
function next<T>(c: TestClient, event: string): Promise<T> {
  return new Promise((resolve) => c.socket.once(event as never, ((payload: T) => resolve(payload)) as never));
}

describe('room:vote-kick', () => {
  it('removes a player once a strict majority of the others votes: seen by all, told, banned for the same token', async () => {
    const s = await closed.server();
    const { code, ana, ben, cleo, dev, eve, idOf } = await table(s);
    const devId = idOf('Dev');
    const removed = next<{ code: string; reason: string }>(dev, 'room:removed');

    expectOk(await ben.request('room:vote-kick', { code, playerId: devId }));
    for (const c of [ana, cleo, dev, eve]) {
      const snap = await c.until((snapshot) => snapshot.kickVotes?.[devId]?.length === 1);
      expect(snap.kickVotes).toEqual({ [devId]: [idOf('Ben')] });
      // Three may vote on Dev: two carry it.
      expect(kickTally(snap.players, devId, snap.kickVotes![devId]!)).toEqual({ votes: 1, needed: 2 });
    }

    expectOk(await cleo.request('room:vote-kick', { code, playerId: devId, vote: true }));
    expect(await removed).toEqual({ code, reason: 'kicked' });
    for (const c of [ana, ben, cleo, eve]) {
      const snap = await c.until((snapshot) => snapshot.players.every((p) => p.id !== devId));
      expect(snap.kickVotes).toBeUndefined();
    }
    expect(await dev.request('room:sync', { code })).toMatchObject({ ok: false, code: ErrorCode.NOT_IN_ROOM });
    // Same token, new connection, another nickname, even as a spectator: still out.
    const back = await client(s, dev.token);
    expect(await back.request('room:join', { code, nickname: 'Devon', as: 'spectator' })).toMatchObject({ ok: false, code: ErrorCode.KICKED });
    const room = await s.parlor.hub.inspect(code);
    expect(room!.banned.has(devId)).toBe(true);
    expect(room!.hostId).toBe(idOf('Ana'));
  });

  it('toggles, withdraws with vote: false, drops the vote of a player who leaves, and refuses self-votes and spectators', async () => {
    const s = await closed.server();
    const { code, ana, ben, cleo, dev, eve, idOf } = await table(s);
    const [benId, devId] = [idOf('Ben'), idOf('Dev')];

    expect(await ben.request('room:vote-kick', { code, playerId: benId })).toMatchObject({ ok: false, code: ErrorCode.CANNOT_VOTE_SELF });
    expect(await eve.request('room:vote-kick', { code, playerId: devId })).toMatchObject({ ok: false, code: ErrorCode.NOT_A_PLAYER });
    expect(await ben.request('room:vote-kick', { code, playerId: 'p_nobody00' })).toMatchObject({ ok: false, code: ErrorCode.NO_SUCH_PLAYER });
    expect(await ben.request('room:vote-kick', { code, playerId: devId, vote: 'yes' })).toMatchObject({ ok: false, code: ErrorCode.BAD_REQUEST });

    expectOk(await ben.request('room:vote-kick', { code, playerId: devId }));
    await ana.until((snap) => snap.kickVotes?.[devId]?.[0] === benId);
    expectOk(await ben.request('room:vote-kick', { code, playerId: devId }));
    await ana.until((snap) => snap.kickVotes === undefined);
    expectOk(await ben.request('room:vote-kick', { code, playerId: devId, vote: true }));
    expectOk(await ana.request('room:vote-kick', { code, playerId: benId }));
    await cleo.until((snap) => snap.kickVotes?.[devId]?.length === 1 && snap.kickVotes[benId]?.length === 1);
    expectOk(await ana.request('room:vote-kick', { code, playerId: benId, vote: false }));
    await cleo.until((snap) => snap.kickVotes?.[benId] === undefined);

    // Ben leaves: his vote against Dev goes with him, so Cleo's alone does not remove Dev.
    expectOk(await ben.request('room:leave', { code }));
    await cleo.until((snap) => snap.kickVotes === undefined && snap.players.length === 3);
    expectOk(await cleo.request('room:vote-kick', { code, playerId: devId }));
    const snap = await ana.until((snapshot) => snapshot.kickVotes?.[devId]?.length === 1);
    expect(snap.players.map((p) => p.id)).toContain(devId);
    expect(kickTally(snap.players, devId, snap.kickVotes![devId]!)).toEqual({ votes: 1, needed: 2 });
    expect((await s.parlor.hub.inspect(code))!.kickVotes.get(devId)).toEqual([idOf('Cleo')]);
    expect(dev.received.some(([event]) => event === 'room:removed')).toBe(false);
  });
});
