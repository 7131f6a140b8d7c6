import { describe, expect, it } from 'vitest';
import { codewords } from '../../game/codewords';
import { gameRegistry } from '../../game/games';
import { Room } from '../room';
import { parseRoom, serializeRoom } from '../room-record';
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
    expect(result).toMatchObject({ status: 'saved', revision: 2, value: true });
    const room = result.status === 'saved' ? result.room : null;
    expect(room?.version).toBe(2);
    expect(await store.listPublic(5)).toEqual([room?.summary()]);
    expect((await store.load(code))?.data).toBe(room && serializeRoom(room));
  });

  it('writes nothing when the change changed nothing, and saves a chat line without a new version', async () => {
    const store = new MemoryRoomStore();
    const code = await createLobby(store);
    const refused = await updateRoom(store, code, (room) => room.move('p_host', { type: 'endTurn' }, 0), options);
    expect(refused).toMatchObject({ status: 'unchanged', revision: 1, value: { ok: false } });
    const chat = await updateRoom(store, code, (room) => room.say('p_host', 'hello', 5), options);
    expect(chat).toMatchObject({ status: 'saved', revision: 2 });
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
    const room = parseRoom(record!.data, options.games);
    expect([...room.members.keys()].sort()).toEqual(['p_host', ...ids].sort());
    expect(room.version).toBe(1 + ids.length);
    expect(record?.revision).toBe(1 + ids.length);
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
