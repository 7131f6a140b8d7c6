/**
 * What a Sketch stroke costs the Redis room store: a room whose drawing already holds
 * `strokes` strokes of 40 points is stored in Redis, then strokes are added one by one
 * through `updateRoom`, as a node does for each `game:move`. Reports the record's size and
 * the bytes appended to Redis's AOF per stroke. Run by `npm run bench:adapters -- --nodes`.
 */
import { Redis } from 'ioredis';
import { gameRegistry } from '../game/games';
import { sketch } from '../game/sketch';
import { choose, drawerOf } from '../game/sketch/testing';
import type { SketchState } from '../game/sketch/types';
import { Room } from '../server/room';
import { serializeRoom } from '../server/room-record';
import { RedisRoomStore } from '../server/store/redis-room-store';
import { updateRoom } from '../server/store/update-room';

/** The figures of {@link sketchStrokeCost}. */
export interface StrokeCost {
  readonly recordBytes: number;
  readonly strokes: number;
  readonly aofBytesPerStroke: number;
}

/** Adds `measured` strokes to a drawing of `strokes` in a room stored in the Redis at `url`. */
export async function sketchStrokeCost(url: string, strokes = 800, measured = 150): Promise<StrokeCost> {
  const redis = new Redis(url);
  const store = new RedisRoomStore(redis, 'bench-sketch:');
  const room = new Room({ code: 'DRAW', game: sketch, isPublic: false, settings: sketch.defaultSettings });
  for (const id of ['p_1', 'p_2', 'p_3']) {
    room.join(id, id, 'player');
    room.setConnected(id, 1, 0);
  }
  room.start('p_1', 1, 0);
  room.state = choose(room.state as SketchState);
  const drawer = drawerOf(room.state as SketchState);
  // 40 points (80 coordinates) a stroke: a drawing of 1,000 strokes is near the size bound.
  const points = Array.from({ length: 80 }, (_, i) => (i * 37) % 900);
  const stroke = (r: Room, i: number) => {
    r.move(drawer, { type: 'stroke', c: i % 8, w: 2, p: points }, 1);
    r.flush();
  };
  for (let i = 0; i < strokes; i++) stroke(room, i);
  room.flush();
  const recordBytes = serializeRoom(room).length;
  const options = { games: gameRegistry(), describe: () => ({ listing: null, ttlMs: 60_000 }) };
  await store.create('DRAW', { data: serializeRoom(room), ...options.describe() });
  const aof = async () => Number(/^aof_current_size:(\d+)/m.exec(await redis.info('persistence'))?.[1] ?? NaN);
  const before = await aof();
  for (let i = 0; i < measured; i++) await updateRoom(store, 'DRAW', (r) => stroke(r, i), options);
  const after = await aof();
  await store.delete('DRAW');
  redis.disconnect();
  return { recordBytes, strokes, aofBytesPerStroke: (after - before) / measured };
}
