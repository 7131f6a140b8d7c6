import { describe, expect, it } from 'vitest';
import { codewords } from '../game/codewords';
import { first, SAFE_CLUE } from '../game/codewords/testing';
import type { CodewordsState } from '../game/codewords/types';
import { Room } from './room';
import { gameRegistry } from '../game/games';
import { appendable, recordDelta, ROOM_DATA_FORMAT, roomFromRecord, roomRecord, storedRecord, UnknownGameError, type RoomData } from './room-record';

const GAMES = gameRegistry();
import { RoomViews } from './room-views';

/** Fails the test when a room action is refused. */
function accept(result: { ok: boolean; error?: { message: string } }): void {
  if (!result.ok) throw new Error(result.error?.message);
}

/** A room with something in every field: a game under way, an away player, a spectator, a ban, a vote, chat. */
function busyRoom(): Room {
  const room = new Room({ code: 'ABCD', game: codewords, isPublic: true, settings: { turnSeconds: 60, customWords: null } });
  const seats = ['red:spymaster', 'red:operative', 'blue:spymaster', 'blue:operative'];
  for (const [i, seat] of seats.entries()) {
    accept(room.join(`p_${i}`, `Player ${i}`, 'player'));
    room.setConnected(`p_${i}`, 1, 1_000);
    accept(room.takeSeat(`p_${i}`, seat));
  }
  accept(room.join('p_watch', 'Watcher', 'spectator'));
  room.setConnected('p_watch', 1, 1_000);
  accept(room.join('p_rude', 'Rude', 'player'));
  accept(room.kick('p_0', 'p_rude'));
  accept(room.voteKick('p_1', 'p_2'));
  accept(room.say('p_1', 'good luck', 1_500));
  accept(room.say('p_watch', 'have fun', 1_600));
  room.setConnected('p_3', 1, 1_700);
  room.setConnected('p_3', -1, 1_800);
  room.setConnected('p_3', -1, 1_900);
  accept(room.start('p_0', 42, 2_000));
  const state = room.state as CodewordsState;
  const team = state.turn.team;
  accept(room.move(team === 'red' ? 'p_0' : 'p_2', { type: 'clue', word: SAFE_CLUE, count: 2 }, 2_100));
  accept(room.move(team === 'red' ? 'p_1' : 'p_3', { type: 'guess', card: first(state, team) }, 2_200));
  room.flush();
  return room;
}

/** What a store would give back: the record after a trip through JSON. */
function stored(room: Room): RoomData {
  return JSON.parse(JSON.stringify(roomRecord(room))) as RoomData;
}

describe('Room records', () => {
  it('survive a JSON round trip with everything a node needs', () => {
    const room = busyRoom();
    const copy = roomFromRecord(stored(room), GAMES);
    expect(roomRecord(copy)).toEqual(roomRecord(room));
    expect([...copy.members.keys()]).toEqual(['p_0', 'p_1', 'p_2', 'p_3', 'p_watch']);
    expect(copy.members.get('p_3')).toMatchObject({ connections: 0, awaySince: 1_900 });
    expect(copy.members.get('p_1')).toMatchObject({ connections: 1, awaySince: null });
    expect([...copy.banned]).toEqual(['p_rude']);
    expect([...copy.kickVotes]).toEqual([['p_2', ['p_1']]]);
    expect(copy.chat.map((c) => c.text)).toEqual(['good luck', 'have fun']);
    expect(copy.deadline()).toBe(room.deadline());
    expect(copy.deadline()).not.toBeNull();
    for (const audience of room.audiences().keys()) {
      expect(new RoomViews().snapshot(copy, audience, 3_000)).toEqual(new RoomViews().snapshot(room, audience, 3_000));
    }
  });

  it('carry on exactly like the original room', () => {
    const room = busyRoom();
    const copy = roomFromRecord(stored(room), GAMES);
    for (const r of [room, copy]) {
      accept(r.say('p_2', 'next', 2_300));
      r.tick(10_000_000);
      r.setConnected('p_1', -1, 2_400);
      r.expireAway(10_000_000, 1_000);
      r.flush();
      expect(r.join('p_rude', 'Rude', 'player').ok).toBe(false);
    }
    expect(roomRecord(copy)).toEqual(roomRecord(room));
    expect(copy.chat.at(-1)?.id).toBe(3);
  });

  it('do not share members, bans or chat with the room they came from', () => {
    const record = stored(busyRoom());
    const copy = roomFromRecord(record, GAMES);
    copy.members.get('p_0')!.nickname = 'Renamed';
    copy.banned.add('p_other');
    accept(copy.say('p_0', 'mine', 3_000));
    expect(record.members[0]?.nickname).toBe('Player 0');
    expect(record.banned).toEqual(['p_rude']);
    expect(record.chat).toHaveLength(2);
  });

  it('are refused for an unflushed room, another game or another format', () => {
    const room = new Room({ code: 'WXYZ', game: codewords, isPublic: false, settings: codewords.defaultSettings });
    accept(room.join('p_0', 'Zero', 'player'));
    expect(() => roomRecord(room)).toThrow(/before flush/);
    room.flush();
    const record = stored(room);
    expect(record.format).toBe(ROOM_DATA_FORMAT);
    expect(() => roomFromRecord({ ...record, gameId: 'chess' }, GAMES)).toThrow(UnknownGameError);
    expect(() => roomFromRecord({ ...record, format: 99 } as unknown as RoomData, GAMES)).toThrow(/format 99/);
  });
});

describe('a record stored as changes', () => {
  /** The record after a JSON round trip, as a node loads it. */
  const loaded = (room: Room): RoomData => JSON.parse(JSON.stringify(roomRecord(room))) as RoomData;

  it('makes no delta for the same JSON (a key set to undefined is no change)', () => {
    const room = busyRoom();
    const before = loaded(room);
    expect(recordDelta(before, before)).toBeNull();
    expect(recordDelta(before, { ...before, hostId: before.hostId, extra: undefined } as RoomData)).toBeNull();
  });

  it('rebuilds each record from the first one and the deltas, in order', () => {
    const room = roomFromRecord(loaded(busyRoom()), GAMES);
    const base = roomRecord(room);
    const records = [base];
    const deltas: string[] = [];
    const team = (room.state as CodewordsState).turn.team;
    const operative = team === 'red' ? 'p_1' : 'p_3';
    const changes = [
      () => accept(room.move(operative, { type: 'guess', card: first(room.state as CodewordsState, team) }, 3_000)),
      () => accept(room.say('p_watch', 'nice', 3_100)),
      () => room.setConnected('p_watch', -1, 3_200),
    ];
    for (const change of changes) {
      change();
      room.flush();
      const next = roomRecord(room);
      deltas.push(recordDelta(records.at(-1)!, next)!);
      records.push(next);
      // Compared as JSON: what a store keeps.
      expect(storedRecord({ data: JSON.stringify(base), deltas }, 'REBUILD-1')).toEqual(JSON.parse(JSON.stringify(next)));
    }
    expect(deltas.every((d) => d.length < 600)).toBe(true);
  });

  it('writes a chat line as that line, even when the oldest line shifts out', () => {
    const room = roomFromRecord(loaded(busyRoom()), GAMES);
    for (let i = 0; i < 120; i++) accept(room.say('p_watch', `line ${i}`, 4_000 + i));
    const before = roomRecord(room);
    accept(room.say('p_watch', 'one more', 5_000));
    const after = roomRecord(room);
    const delta = recordDelta(before, after)!;
    expect(delta.length).toBeLessThan(400);
    expect(JSON.parse(delta)).toMatchObject({ chat: [1, [{ text: 'one more' }]] });
    expect(storedRecord({ data: JSON.stringify(before), deltas: [delta] }, 'CHAT-1').chat).toEqual(JSON.parse(JSON.stringify(after.chat)));
    // A chat that is not the last one with lines added is stored whole.
    const replaced = { ...after, chat: after.chat.slice(0, 3).reverse() };
    const whole = recordDelta(before, replaced)!;
    expect(storedRecord({ data: JSON.stringify(before), deltas: [whole] }, 'CHAT-2').chat).toEqual(JSON.parse(JSON.stringify(replaced.chat)));
  });

  it('appends while the deltas stay under the record\'s size, and never onto an older format', () => {
    const record = loaded(busyRoom());
    const data = JSON.stringify(record);
    expect(appendable({ data }, record, 'x'.repeat(100))).toBe(true);
    expect(appendable({ data, deltas: ['x'.repeat(Math.max(data.length, 4_096))] }, record, 'x')).toBe(false);
    expect(appendable({ data }, { ...record, format: 1 } as unknown as RoomData, 'x')).toBe(false);
  });
});
