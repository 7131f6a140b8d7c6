/**
 * Vote kick through the hub, in process: votes in every member's snapshot, a majority
 * removing someone exactly as the host's kick does (told, detached, banned), toggles and
 * withdrawals, votes dropped with their voter or target, and the refusals. The "redis"
 * project runs this file again with the rooms in Redis.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from '../game/codewords/testing';
import { ErrorCode } from '../game/errors';
import type { Result } from '../game/errors';
import type { ChangeResult } from '../game/protocol';
import { kickTally } from '../game/vote-kick';
import { channel } from './channels';
import { holding, openTestHub, seatTable, type HubClient, type Table, type TestHub } from './hub-testing';

let t: TestHub;
beforeEach(() => {
  t = openTestHub();
});
afterEach(async () => {
  await t.close();
});

/** `voter` votes on removing `target` (toggles without `vote`). */
function vote(table: Table, voter: HubClient, target: HubClient | string, cast?: boolean): Promise<Result<ChangeResult>> {
  const playerId = typeof target === 'string' ? target : target.playerId;
  const payload = cast === undefined ? { code: table.code, playerId } : { code: table.code, playerId, vote: cast };
  return voter.request((hub, socket) => hub.voteKick(socket, payload));
}

async function deliverAll(clients: readonly HubClient[]): Promise<void> {
  for (const client of clients) await client.deliver();
}

/** Every client holds what a fresh `room:sync` gives it and what the stored room makes from scratch. */
async function expectCurrent(code: string, clients: readonly HubClient[]): Promise<void> {
  for (const client of clients) {
    const { held, synced, rebuilt } = await holding(client, code);
    expect(held).toEqual(synced);
    expect(held).toEqual(rebuilt);
  }
}

/** The votes as `client` holds them, and the tally its snapshot gives for `target`. */
function seen(client: HubClient, code: string, target: HubClient) {
  const snapshot = client.snapshot(code)!;
  const voters = snapshot.kickVotes?.[target.playerId] ?? [];
  return { voters, ...kickTally(snapshot.players, target.playerId, voters) };
}

describe('a vote to remove a player', () => {
  it('shows in every snapshot, and a strict majority removes the player as a kick does: told on every tab, detached, banned', async () => {
    const table = await seatTable(t);
    const { code, host, redOp, blueSpy, blueOp, spectator } = table;
    const tab = blueOp.tab();
    unwrap(await tab.join(code));
    await deliverAll([...table.all, tab]);
    const before = (await t.hub.inspect(code))!.version;

    // Four seated players: three may vote on Dev, two of them carry it.
    const first = unwrap(await vote(table, redOp, blueOp));
    expect(first.patch?.version).toBe(before + 1);
    await deliverAll([...table.all, tab]);
    for (const client of [...table.all, tab]) expect(seen(client, code, blueOp)).toEqual({ voters: [redOp.playerId], votes: 1, needed: 2 });
    await expectCurrent(code, [...table.all, tab]);

    unwrap(await vote(table, blueSpy, blueOp));
    const room = (await t.hub.inspect(code))!;
    expect(room.version).toBe(before + 2);
    expect(room.members.has(blueOp.playerId)).toBe(false);
    expect(room.banned.has(blueOp.playerId)).toBe(true);
    expect(room.kickVotes.size).toBe(0);
    for (const victim of [blueOp, tab]) {
      expect(victim.socket.inbox.map((d) => [d.event, d.payload])).toEqual([['room:removed', { code, reason: 'kicked' }]]);
      expect([...victim.socket.rooms]).toEqual([victim.socket.id]);
    }
    await deliverAll([host, redOp, blueSpy, spectator]);
    for (const client of [host, redOp, blueSpy, spectator]) {
      const snapshot = client.snapshot(code)!;
      expect(snapshot.players.map((p) => p.id)).not.toContain(blueOp.playerId);
      expect(snapshot.kickVotes).toBeUndefined();
    }
    await expectCurrent(code, [host, redOp, blueSpy, spectator]);

    // The same token is refused on the way back in, as after a host's kick.
    const back = blueOp.tab();
    expect(await back.join(code)).toMatchObject({ ok: false, error: { code: ErrorCode.KICKED } });
    expect(await vote(table, blueOp, redOp)).toMatchObject({ ok: false, error: { code: ErrorCode.NOT_IN_ROOM } });
  });

  it('toggles: voting again withdraws it, vote: false withdraws it, and a vote that changes nothing makes no version', async () => {
    const table = await seatTable(t);
    const { code, redOp, blueOp } = table;
    const version = async () => (await t.hub.inspect(code))!.version;
    const start = await version();

    unwrap(await vote(table, redOp, blueOp));
    expect([...(await t.hub.inspect(code))!.kickVotes]).toEqual([[blueOp.playerId, [redOp.playerId]]]);
    unwrap(await vote(table, redOp, blueOp));
    expect((await t.hub.inspect(code))!.kickVotes.size).toBe(0);
    expect(await version()).toBe(start + 2);

    unwrap(await vote(table, redOp, blueOp, true));
    expect(unwrap(await vote(table, redOp, blueOp, true))).toEqual({});
    expect(await version()).toBe(start + 3);
    unwrap(await vote(table, redOp, blueOp, false));
    expect(unwrap(await vote(table, redOp, blueOp, false))).toEqual({});
    expect(await version()).toBe(start + 4);

    await deliverAll(table.all);
    for (const client of table.all) expect(client.snapshot(code)!.kickVotes).toBeUndefined();
    await expectCurrent(code, table.all);
  });

  it("drops the votes of a player who leaves, and resets the votes against one who leaves", async () => {
    const table = await seatTable(t);
    const { code, host, redOp, blueSpy, blueOp } = table;
    unwrap(await vote(table, redOp, blueOp));
    unwrap(await vote(table, host, redOp));
    unwrap(await redOp.leave(code));
    const room = (await t.hub.inspect(code))!;
    expect(room.kickVotes.size).toBe(0);
    expect(room.banned.has(redOp.playerId)).toBe(false);

    // Ben's vote went with him: Cleo's is one of the two Dev's removal now needs.
    unwrap(await vote(table, blueSpy, blueOp));
    expect((await t.hub.inspect(code))!.members.has(blueOp.playerId)).toBe(true);
    await deliverAll(table.all);
    expect(seen(host, code, blueOp)).toEqual({ voters: [blueSpy.playerId], votes: 1, needed: 2 });

    unwrap(await blueOp.leave(code));
    expect((await t.hub.inspect(code))!.kickVotes.size).toBe(0);
    unwrap(await blueOp.join(code));
    await deliverAll(table.all);
    expect(host.snapshot(code)!.kickVotes).toBeUndefined();
  });

  it('is settled by whoever shrinks the electorate: a player leaving can carry a vote (going away cannot), and removes its target as a kick', async () => {
    const table = await seatTable(t);
    const { code, host, redOp, blueSpy, blueOp } = table;
    const fay = t.client('fay');
    unwrap(await fay.join(code));
    unwrap(await fay.request((hub, socket) => hub.seat(socket, { code, seat: 'red:operative' })));
    // Five seated: four may vote on Dev and three carry it.
    unwrap(await vote(table, host, blueOp));
    unwrap(await vote(table, redOp, blueOp));
    await deliverAll([...table.all, fay]);
    expect(seen(blueSpy, code, blueOp)).toEqual({ voters: [host.playerId, redOp.playerId], votes: 2, needed: 3 });
    blueOp.socket.inbox.length = 0;

    // Fay's connection drops: she still counts, so the bar stays at three.
    await fay.disconnect();
    expect((await t.hub.inspect(code))!.members.has(blueOp.playerId)).toBe(true);
    // Fay leaves the room: three count now, and two of them have voted.
    await fay.reconnect();
    unwrap(await fay.leave(code));
    const room = (await t.hub.inspect(code))!;
    expect(room.members.has(blueOp.playerId)).toBe(false);
    expect(room.banned.has(blueOp.playerId)).toBe(true);
    // Told once, as the last thing its socket hears from the room.
    expect(blueOp.socket.inbox.filter((d) => d.event === 'room:removed').map((d) => d.payload)).toEqual([{ code, reason: 'kicked' }]);
    expect(blueOp.socket.inbox.at(-1)?.event).toBe('room:removed');
    expect(t.emitter.socketsIn([channel.room(code)]).map((s) => s.data.playerId)).not.toContain(blueOp.playerId);
  });

  it('can remove the host, and the host role passes on as when the host leaves', async () => {
    const table = await seatTable(t);
    const { code, host, redOp, blueSpy } = table;
    unwrap(await vote(table, redOp, host));
    unwrap(await vote(table, blueSpy, host));
    const room = (await t.hub.inspect(code))!;
    expect(room.members.has(host.playerId)).toBe(false);
    expect(room.hostId).toBe(redOp.playerId);
    expect(host.socket.inbox.filter((d) => d.event === 'room:removed').map((d) => d.payload)).toEqual([{ code, reason: 'kicked' }]);
  });

  it('cannot remove anyone of two players', async () => {
    const ana = t.client('ana');
    const ben = t.client('ben');
    const { code } = unwrap(await ana.request((hub, socket) => hub.create(socket, { nickname: 'ana', public: false })));
    for (const [client, seat] of [[ana, 'red:spymaster'], [ben, 'blue:spymaster']] as const) {
      unwrap(await client.join(code));
      unwrap(await client.request((hub, socket) => hub.seat(socket, { code, seat })));
    }
    unwrap(await ana.request((hub, socket) => hub.voteKick(socket, { code, playerId: ben.playerId })));
    await deliverAll([ana, ben]);
    expect((await t.hub.inspect(code))!.members.has(ben.playerId)).toBe(true);
    expect(seen(ben, code, ben)).toEqual({ voters: [ana.playerId], votes: 1, needed: 2 });
  });

  it('is refused to yourself, to spectators, to players without a seat, against a spectator or a stranger, and changes nothing then', async () => {
    const table = await seatTable(t);
    const { code, host, redOp, spectator } = table;
    const gus = t.client('gus');
    unwrap(await gus.join(code));
    const version = (await t.hub.inspect(code))!.version;
    const refused = async (voter: HubClient, target: HubClient | string) => {
      const answer = await vote(table, voter, target);
      expect(answer.ok).toBe(false);
      return answer.ok ? undefined : answer.error.code;
    };
    expect(await refused(redOp, redOp)).toBe(ErrorCode.CANNOT_VOTE_SELF);
    expect(await refused(spectator, redOp)).toBe(ErrorCode.NOT_A_PLAYER);
    expect(await refused(gus, redOp)).toBe(ErrorCode.NOT_SEATED);
    expect(await refused(redOp, spectator)).toBe(ErrorCode.NOT_A_PLAYER);
    expect(await refused(redOp, 'p_nobody00')).toBe(ErrorCode.NO_SUCH_PLAYER);
    expect(await refused(t.client('zed'), host)).toBe(ErrorCode.NOT_IN_ROOM);
    const room = (await t.hub.inspect(code))!;
    expect(room.version).toBe(version);
    expect(room.kickVotes.size).toBe(0);
  });
});
