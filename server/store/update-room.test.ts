import { describe, expect, it } from 'vitest';
import { codewords } from '../../game/codewords';
import { sketch } from '../../game/sketch';
import { choose, drawerOf } from '../../game/sketch/testing';
import { gameRegistry } from '../../game/games';
import { Room } from '../room';
import { roomFromRecord, roomRecord, serializeRoom, storedRecord } from '../room-record';
import { MemoryRoomStore } from './memory-room-store';
import { RedisRoomStore } from './redis-room-store';
import type { RoomStore, RoomWrite } from './room-store';
import { uniquePrefix, useRedisServer } from './testing';
import { updateRoom, type UpdateOptions } from './update-room';

const redis = useRedisServer();

const options: UpdateOptions = {
  games: gameRegistry(),
  describe: (room) => ({ listing: room.isPublic ? room.summary() : null, ttlMs: 60_000 }),
};

/** Stores a new public lobby whose host is p_host; resolves to its code. */
async function createLobby(store: RoomStore, code = 'ABCD'): Promise<string> {
  const room = new Room({ code, game: codewords, isPublic: true, settings: codewords.defaultSettings });
  room.join('p_host', 'Host', 'player');
  room.flush();
  expect(await store.create(code, { data: serializeRoom(room), ...options.describe(room) })).toBe('created');
  return code;
}

/** The change of one player joining, as the hub would run it. */
const join = (id: string) => (room: Room) => {
  const joined = room.join(id, id, 'player');
  room.flush();
  return joined.ok;
};

describe('updateRoom', () => {
  it('loads, applies and saves a change, with its listing', async () => {
    const store = new MemoryRoomStore();
    const code = await createLobby(store);
    const result = await updateRoom(store, code, join('p_2'), options);
    expect(result).toMatchObject({ status: 'saved', record: { revision: 2 }, value: true });
    const room = result.status === 'saved' ? result.room : null;
    expect(room?.version).toBe(2);
    expect(await store.listPublic(5)).toEqual([room?.summary()]);
    const record = await store.load(code);
    expect(record?.deltas).toHaveLength(1);
    expect(storedRecord(record!, code)).toEqual(room && JSON.parse(serializeRoom(room)));
  });

  it('writes nothing when the change changed nothing, and saves a chat line without a new version', async () => {
    const store = new MemoryRoomStore();
    const code = await createLobby(store);
    const refused = await updateRoom(store, code, (room) => room.move('p_host', { type: 'endTurn' }, 0), options);
    expect(refused).toMatchObject({ status: 'unchanged', record: { revision: 1 }, value: { ok: false } });
    const chat = await updateRoom(store, code, (room) => room.say('p_host', 'hello', 5), options);
    expect(chat).toMatchObject({ status: 'saved', record: { revision: 2 } });
    expect(chat.status === 'saved' && chat.room.version).toBe(1);
    expect(chat.status === 'saved' && chat.room.chat.map((c) => c.text)).toEqual(['hello']);
  });

  it('answers missing for a room that is not there', async () => {
    expect(await updateRoom(new MemoryRoomStore(), 'NONE', join('p_2'), options)).toEqual({ status: 'missing' });
  });

  it('redoes the change on the newer room when another node saved first', async () => {
    // Three nodes, eight players joining at once: every join lands, each exactly once.
    const prefix = uniquePrefix();
    const nodes = [0, 1, 2].map(() => new RedisRoomStore(redis.client(), prefix));
    const code = await createLobby(nodes[0]!);
    const ids = Array.from({ length: 8 }, (_, i) => `p_${i}`);
    const results = await Promise.all(ids.map((id, i) => updateRoom(nodes[i % 3]!, code, join(id), { ...options, attempts: ids.length })));
    expect(results.every((r) => r.status === 'saved')).toBe(true);
    const record = await nodes[1]!.load(code);
    const room = roomFromRecord(storedRecord(record!, code), options.games);
    expect([...room.members.keys()].sort()).toEqual(['p_host', ...ids].sort());
    expect(room.version).toBe(1 + ids.length);
    expect(record?.revision).toBe(1 + ids.length);
  });

  it('starts from the room as this node last saw it, and redoes the change on the room a conflict hands back', async () => {
    /** A store that counts loads. */
    class Counting extends MemoryRoomStore {
      loads = 0;
      override async load(code: string) {
        this.loads++;
        return super.load(code);
      }
    }
    const store = new Counting();
    const code = await createLobby(store);
    const first = await updateRoom(store, code, join('p_2'), options);
    if (first.status !== 'saved') throw new Error('not saved');
    expect(store.loads).toBe(1);
    // The record the save made is the room's: the next change needs no load.
    const second = await updateRoom(store, code, join('p_3'), { ...options, cached: first.record });
    expect(second).toMatchObject({ status: 'saved', record: { revision: 3 } });
    expect(store.loads).toBe(1);
    // From the older copy (another node saved p_3 meanwhile): the conflict carries the current room.
    const third = await updateRoom(store, code, join('p_4'), { ...options, cached: first.record });
    expect(third).toMatchObject({ status: 'saved', record: { revision: 4 } });
    expect(store.loads).toBe(1);
    expect(third.status === 'saved' && [...third.room.members.keys()]).toEqual(['p_host', 'p_2', 'p_3', 'p_4']);
    expect(storedRecord((await store.load(code))!, code)).toEqual(third.status === 'saved' && roomRecord(third.room));
    // A change that does nothing on an old copy may do something on the current room: it loads and tries again.
    const said = await updateRoom(store, code, (room) => room.say('p_4', 'hello', 5), { ...options, cached: first.record });
    expect(said).toMatchObject({ status: 'saved', record: { revision: 5 } });
    expect(said.status === 'saved' && said.room.chat.map((c) => c.text)).toEqual(['hello']);
  });

  it('writes a change as a delta, and the whole record once the deltas add up to its size', async () => {
    /** A store that keeps what each save wrote. */
    class Recording extends MemoryRoomStore {
      readonly writes: RoomWrite[] = [];
      override async save(code: string, expectedRevision: number, write: RoomWrite) {
        this.writes.push(write);
        return super.save(code, expectedRevision, write);
      }
    }
    const store = new Recording();
    const code = await createLobby(store);
    let room: Room | null = null;
    for (let i = 0; i < 60; i++) {
      const said = await updateRoom(store, code, (r) => r.say('p_host', `line ${i} ${'x'.repeat(200)}`, i), options);
      room = said.status === 'saved' ? said.room : null;
    }
    const whole = store.writes.filter((w) => !w.append);
    // A line is a delta of its own text (the chat is not rewritten as its lines shift), and
    // every few kB of them the record is written whole, so the deltas stay bounded.
    expect(store.writes.filter((w) => w.append).every((w) => w.data.length < 400)).toBe(true);
    expect(whole.length).toBeGreaterThan(1);
    expect(whole.length).toBeLessThan(10);
    const record = await store.load(code);
    expect(storedRecord(record!, code)).toEqual(JSON.parse(serializeRoom(room!)));
    expect(roomFromRecord(storedRecord(record!, code), options.games).chat.map((c) => c.id)).toEqual(room!.chat.map((c) => c.id));
  });

  it('writes a stroke on a drawing of a thousand strokes as the stroke, not the drawing', async () => {
    const store = new MemoryRoomStore();
    const room = new Room({ code: 'DRAW', game: sketch, isPublic: false, settings: sketch.defaultSettings });
    for (const id of ['p_1', 'p_2', 'p_3']) {
      room.join(id, id, 'player');
      room.setConnected(id, 1, 0);
    }
    expect(room.start('p_1', 1, 0).ok).toBe(true);
    room.state = choose(room.state as never);
    const drawer = drawerOf(room.state as never);
    const points = Array.from({ length: 80 }, (_, i) => (i * 37) % 900);
    for (let i = 0; i < 998; i++) expect(room.move(drawer, { type: 'stroke', c: i % 8, w: 2, p: points }, 1).ok).toBe(true);
    room.flush();
    expect(await store.create('DRAW', { data: serializeRoom(room), ...options.describe(room) })).toBe('created');
    const stroke = await updateRoom(store, 'DRAW', (r) => (r.move(drawer, { type: 'stroke', c: 1, w: 2, p: points }, 2), r.flush()), options);
    expect(stroke.status).toBe('saved');
    const record = await store.load('DRAW');
    expect(record!.data.length).toBeGreaterThan(200_000);
    expect(record!.deltas).toHaveLength(1);
    expect(record!.deltas![0]!.length).toBeLessThan(600);
    expect(roomRecord(roomFromRecord(storedRecord(record!, 'DRAW'), options.games))).toEqual(JSON.parse(serializeRoom((stroke as { room: Room }).room)));
  });

  it('gives up as busy when other nodes keep saving first', async () => {
    /** A store where another node always saves just before this one. */
    class Contended extends MemoryRoomStore {
      override async save(code: string, expectedRevision: number, write: RoomWrite) {
        await super.save(code, expectedRevision, write);
        return super.save(code, expectedRevision, write);
      }
    }
    const store = new Contended();
    const code = await createLobby(store);
    let runs = 0;
    const change = (room: Room) => {
      runs++;
      return join(`p_${runs}`)(room);
    };
    expect(await updateRoom(store, code, change, { ...options, attempts: 3 })).toEqual({ status: 'busy', attempts: 3 });
    expect(runs).toBe(3);
  });
});
