/**
 * `npm run bench:adapters`: the two official Socket.IO Redis adapters under Parlor's
 * traffic pattern, to choose the one that carries broadcasts between nodes.
 *
 * Starts its own `redis-server` (loopback, free port, temporary directory, append-only
 * persistence as the Redis room store will run it), then for each adapter two Socket.IO
 * nodes on it and clients split across them in rooms of five, each client in Parlor's
 * channels (`r:CODE`, `r:CODE:a:public`, `m:CODE:PLAYER`, `p:PLAYER`). For each offered
 * rate of room broadcasts (a ~2 kB view, as after a move) it measures the latency of the
 * copies delivered on the *other* node, the delivery rate, and Redis's CPU. Then it checks
 * what Parlor does when a player's audience changes: a remote `socketsJoin` followed at
 * once by a broadcast to the channel joined, and `fetchSockets` across nodes.
 *
 *   npm run bench:adapters                          # about a minute and a half
 *   npm run bench:adapters -- --rooms 100 --rates 100,500,1000 --seconds 5
 *   npm run bench:adapters -- --nodes               # three Parlor nodes on Redis against one plain node (bench/scale-out.ts)
 *
 * Everything runs in this process except Redis (the nodes share a core with the clients,
 * as both adapters do), at nice 10 from the npm script. Loopback only, bounded in time; it
 * stops Redis and exits by itself. Numbers are printed, never asserted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import { createAdapter as createStreamsAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { freePort } from '../server/port';
import { benchNodes } from './scale-out';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : (process.argv[at + 1] ?? fallback);
}

const ROOMS = Number(option('rooms', '100'));
const RATES = option('rates', '200,1000,2000').split(',').map(Number);
const STEP_SECONDS = Number(option('seconds', '4'));
const TRIALS = Number(option('trials', '100'));
const ROOM_SIZE = 5;
/** About the size of a Codewords view after a move. */
const PAYLOAD = 'x'.repeat(2000);
const GIVE_UP_MS = 5 * 60_000;

type AdapterFactory = (redis: Redis) => Parameters<Server['adapter']>[0];

/** The contenders: the streams adapter, and the sharded one in both of its subscription modes. */
const ADAPTERS: Record<string, AdapterFactory> = {
  'redis-streams-adapter': (redis) => createStreamsAdapter(redis),
  'redis-adapter sharded, dynamic': (redis) => createShardedAdapter(redis, redis.duplicate(), { subscriptionMode: 'dynamic' }),
  'redis-adapter sharded, static': (redis) => createShardedAdapter(redis, redis.duplicate(), { subscriptionMode: 'static' }),
};

// ---------------------------------------------------------------------------------------
// redis-server
// ---------------------------------------------------------------------------------------

interface RedisProcess {
  readonly url: string;
  stop(): Promise<void>;
}

async function startRedis(): Promise<RedisProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'parlor-bench-redis-'));
  const port = await freePort('127.0.0.1');
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--loglevel', 'warning'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  // Queued until the server listens; ioredis retries the connection every 50 ms.
  const probe = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: () => 50 });
  probe.on('error', () => {}); // refused until it listens: expected
  await probe.ping();
  probe.disconnect();
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A numeric field of Redis's INFO. */
async function info(redis: Redis, section: string, field: string): Promise<number> {
  const text = await redis.info(section);
  return Number(new RegExp(`^${field}:([\\d.]+)`, 'm').exec(text)?.[1] ?? NaN);
}

/** Redis's own CPU seconds (user + system) so far. */
async function redisCpuSeconds(redis: Redis): Promise<number> {
  return (await info(redis, 'cpu', 'used_cpu_user')) + (await info(redis, 'cpu', 'used_cpu_sys'));
}

// ---------------------------------------------------------------------------------------
// Two nodes and their clients
// ---------------------------------------------------------------------------------------

interface Node {
  readonly io: Server;
  readonly http: HttpServer;
  readonly url: string;
  readonly redis: Redis;
}

async function startNode(redisUrl: string, adapter: AdapterFactory): Promise<Node> {
  const redis = new Redis(redisUrl);
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'], adapter: adapter(redis) });
  // Each client joins the channels a Parlor member of a room is in.
  io.use((socket, next) => {
    const { code, player } = socket.handshake.auth as { code: string; player: string };
    void socket.join([`r:${code}`, `r:${code}:a:public`, `m:${code}:${player}`, `p:${player}`]);
    next();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { io, http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, redis };
}

async function stopNode(node: Node): Promise<void> {
  node.io.disconnectSockets(true);
  await node.io.close();
  node.redis.disconnect();
}

interface Member {
  readonly code: string;
  readonly player: string;
  readonly node: number;
  readonly socket: Socket;
}

/** Member `i` of room `r` connects to node `(r + i) % 2`: rooms of 3 + 2 players, alternately. */
async function connectMembers(nodes: readonly Node[], onState: (member: Member, sentAt: number) => void): Promise<Member[]> {
  const members: Member[] = [];
  for (let r = 0; r < ROOMS; r++) {
    for (let i = 0; i < ROOM_SIZE; i++) {
      const node = (r + i) % 2;
      const code = `R${r}`;
      const player = `p_${r}_${i}`;
      const socket = connect(nodes[node]!.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { code, player } });
      const member: Member = { code, player, node, socket };
      socket.on('state', (sentAt: number) => onState(member, sentAt));
      members.push(member);
    }
  }
  await Promise.all(members.map((m) => (m.socket.connected ? null : new Promise<void>((resolve) => m.socket.once('connect', () => resolve())))));
  return members;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

interface Step {
  readonly rate: number;
  readonly p50: number;
  readonly p99: number;
  readonly delivered: number;
  readonly expected: number;
  readonly perSecond: number;
  readonly redisCpu: number;
  /** This process's CPU (both nodes and every client): near 100 % means the latency is its queue. */
  readonly benchCpu: number;
}

interface Result {
  readonly adapter: string;
  readonly steps: Step[];
  readonly joinThenEmit: string;
  readonly fetchSockets: string;
  readonly joinMs: number;
  readonly shardChannels: number;
  /** Bytes the append-only file grew by over the whole run of this adapter. */
  readonly aofBytes: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(name: string, factory: AdapterFactory, redisUrl: string): Promise<Result> {
  const admin = new Redis(redisUrl);
  await admin.flushall();
  const aofBefore = await info(admin, 'persistence', 'aof_current_size');
  const nodes = [await startNode(redisUrl, factory), await startNode(redisUrl, factory)];
  let latencies: number[] = [];
  let crossDelivered = 0;
  const members = await connectMembers(nodes, (member, sentAt) => {
    // The room's broadcasts come from node r % 2; only the copies that crossed Redis count.
    if (member.node === Number(member.code.slice(1)) % 2) return;
    crossDelivered++;
    latencies.push(performance.now() - sentAt);
  });
  const crossPerRoom = (r: number) => members.slice(r * ROOM_SIZE, (r + 1) * ROOM_SIZE).filter((m) => m.node !== r % 2).length;
  // The streams adapter finds its peers by heartbeat: give them a moment to meet.
  await sleep(1500);

  const steps: Step[] = [];
  for (const rate of RATES) {
    latencies = [];
    crossDelivered = 0;
    let expected = 0;
    let next = 0;
    const cpuBefore = await redisCpuSeconds(admin);
    const ownBefore = process.cpuUsage();
    const started = performance.now();
    // Paced in 10 ms ticks: each tick sends what the rate owes since the start.
    await new Promise<void>((resolve) => {
      let sent = 0;
      const timer = setInterval(() => {
        const elapsed = (performance.now() - started) / 1000;
        if (elapsed >= STEP_SECONDS) {
          clearInterval(timer);
          resolve();
          return;
        }
        for (; sent < Math.floor(elapsed * rate); sent++) {
          const r = next++ % ROOMS;
          expected += crossPerRoom(r);
          nodes[r % 2]!.io.to(`r:R${r}:a:public`).emit('state', performance.now(), PAYLOAD);
        }
      }, 10);
    });
    await sleep(1000); // drain
    const cpu = (await redisCpuSeconds(admin)) - cpuBefore;
    const own = process.cpuUsage(ownBefore);
    const sorted = latencies.sort((a, b) => a - b);
    steps.push({
      rate,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      delivered: crossDelivered,
      expected,
      perSecond: crossDelivered / STEP_SECONDS,
      redisCpu: cpu / (STEP_SECONDS + 1),
      benchCpu: (own.user + own.system) / 1e6 / (STEP_SECONDS + 1),
    });
    process.stdout.write('.');
  }

  // Parlor's audience change: node A moves a member that lives on node B into a channel
  // nobody is in yet, then at once broadcasts that channel's view (the hub's order).
  let received = 0;
  const joinTimes: number[] = [];
  const remote = members.filter((m) => m.node === 1);
  for (let t = 0; t < TRIALS; t++) {
    const m = remote[t % remote.length]!;
    const target = `r:${m.code}:a:trial${t}`;
    const got = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 500);
      m.socket.once('trial', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    const start = performance.now();
    nodes[0]!.io.in(`m:${m.code}:${m.player}`).socketsJoin(target);
    nodes[0]!.io.to(target).emit('trial');
    // How long until node A sees the remote join (fetchSockets asks every node).
    while (!(await nodes[0]!.io.in(target).fetchSockets()).some((s) => s.id === m.socket.id)) await sleep(1);
    joinTimes.push(performance.now() - start);
    if (await got) received++;
    m.socket.off('trial');
  }
  const inRoom = await nodes[0]!.io.in('r:R1').fetchSockets();
  const shardChannels = ((await admin.call('PUBSUB', 'SHARDCHANNELS')) as unknown[]).length;
  const aofBytes = (await info(admin, 'persistence', 'aof_current_size')) - aofBefore;

  for (const m of members) m.socket.close();
  await Promise.all(nodes.map(stopNode));
  admin.disconnect();
  return {
    adapter: name,
    steps,
    joinThenEmit: `${received}/${TRIALS}`,
    fetchSockets: `${inRoom.length}/${ROOM_SIZE}`,
    joinMs: percentile(
      joinTimes.sort((a, b) => a - b),
      50,
    ),
    shardChannels,
    aofBytes,
  };
}

function table(results: readonly Result[]): string {
  const ms = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(1));
  const rows = results.flatMap((r) =>
    r.steps.map(
      (s) =>
        `| ${r.adapter} | ${s.rate} | ${ms(s.p50)} | ${ms(s.p99)} | ${Math.round(s.perSecond)} | ${((100 * s.delivered) / Math.max(1, s.expected)).toFixed(1)} % | ${Math.round(100 * s.redisCpu)} % | ${Math.round(100 * s.benchCpu)} % |`,
    ),
  );
  const checks = results.map(
    (r) =>
      `| ${r.adapter} | ${r.joinThenEmit} | ${ms(r.joinMs)} | ${r.fetchSockets} | ${r.shardChannels} | ${(r.aofBytes / 1e6).toFixed(1)} MB |`,
  );
  return [
    `Rooms: ${ROOMS} of ${ROOM_SIZE} (${ROOMS * ROOM_SIZE} clients, 3 + 2 per room across two nodes), ${STEP_SECONDS} s per rate, payload ${PAYLOAD.length} B.`,
    '',
    '| adapter | room broadcasts/s | cross-node p50 ms | p99 ms | cross-node copies/s | delivered | redis CPU | bench process CPU |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    '| adapter | remote socketsJoin, then emit: delivered | join seen by fetchSockets, p50 ms | fetchSockets of a room across nodes | shard channels | AOF growth |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...checks,
  ].join('\n');
}

async function main(): Promise<void> {
  const giveUp = setTimeout(() => {
    console.error('bench:adapters: gave up after five minutes');
    process.exit(1);
  }, GIVE_UP_MS);
  giveUp.unref();
  const redis = await startRedis();
  try {
    const results: Result[] = [];
    for (const [name, factory] of Object.entries(ADAPTERS)) {
      process.stdout.write(`${name} `);
      results.push(await measure(name, factory, redis.url));
      process.stdout.write('\n');
    }
    console.log(`\n${table(results)}`);
  } finally {
    await redis.stop();
  }
}

// `--nodes`: Parlor's own nodes on Redis against a plain node (bench/scale-out.ts).
(process.argv.includes('--nodes') ? benchNodes() : main()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
