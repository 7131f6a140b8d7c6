import type { Redis } from 'ioredis';
import { redisCall } from './redis-client';

/** One socket of a node counted into a room: what a survivor must count out if the node dies. */
export interface CountedSocket {
  readonly socketId: string;
  readonly code: string;
  readonly playerId: string;
}

/**
 * Which sockets each node has counted into which rooms, kept in Redis so that another
 * node can count them out when this one dies (see "Presence and node death" in
 * docs/scale-out.md). One hash per node, `<prefix>node:<id>:sockets`, field
 * `<socketId> <code>`, value the player id.
 */
export class NodeSockets {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'parlor:',
  ) {}

  /** Notes that `nodeId` counted this socket into its room. */
  async add(nodeId: string, { socketId, code, playerId }: CountedSocket): Promise<void> {
    await redisCall(`note socket in ${code}`, () => this.redis.hset(this.key(nodeId), `${socketId} ${code}`, playerId));
  }

  /** Forgets a socket once it is counted out. */
  async remove(nodeId: string, socketId: string, code: string): Promise<void> {
    await redisCall(`forget socket in ${code}`, () => this.redis.hdel(this.key(nodeId), `${socketId} ${code}`));
  }

  /** Takes every socket a (dead) node had counted in, and forgets them, in one step. */
  async takeAll(nodeId: string): Promise<CountedSocket[]> {
    const replies = await redisCall(`take the sockets of node ${nodeId}`, () =>
      this.redis.multi().hgetall(this.key(nodeId)).del(this.key(nodeId)).exec(),
    );
    const [error, fields] = replies?.[0] ?? [null, {}];
    if (error) throw error;
    return Object.entries(fields as Record<string, string>).map(([field, playerId]) => {
      const [socketId = '', code = ''] = field.split(' ');
      return { socketId, code, playerId };
    });
  }

  private key(nodeId: string): string {
    return `${this.prefix}node:${nodeId}:sockets`;
  }
}
