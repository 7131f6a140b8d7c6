/**
 * `npm run bench:adapters -- --nodes`: three Parlor nodes (`--node-count`) on one `redis-server` against one
 * plain node (no Redis), under the same Codewords bots, in paired rounds that alternate
 * which mode goes first, so the machine's drift hits both alike.
 *
 *   npm run bench:adapters -- --nodes                                   # about a minute
 *   npm run bench:adapters -- --nodes --rooms 50 --rate 500 --rounds 3 --seconds 8
 *   npm run bench:adapters -- --nodes --node-count 1                    # Redis's cost alone, same cores
 *
 * Each node is `server/test-node.ts` in a child process (the relaxed test limits); every
 * room's five members are spread over the nodes (member i of room r on node
 * (r + i) mod 3), so consecutive moves of a room are saved by different nodes, each member
 * from an address of its own (per-address counts cost what players' would). Per round
 * and mode it reports: the share of deliveries that are whole `room:state` snapshots, ack
 * and delivery latency (p50/p99), lost, duplicated and out-of-order updates, and for the
 * Redis mode Redis's cost per acked move: commands (INFO commandstats, which counts the
 * commands a Lua script runs as well as the script call), of which script calls
 * (EVALSHA, EVAL), bytes appended to the AOF (`aof_current_size`, with Redis's automatic
 * rewrite off), bytes received (`total_net_input_bytes`) and Redis's CPU; for both modes the
 * nodes' CPU per move (from each node's /metrics, background work included). Then what a Sketch
 * stroke on a large drawing writes (bench/sketch-record.ts). Numbers are printed, never asserted.
 */
import * as hdr from 'hdr-histogram-js';
import { Redis } from 'ioredis';
import { startServerProcess, type ServerProcess } from '../e2e/server-process';
import { startRedisServer } from '../server/redis-server';
import { ParlorRoom, refusals, type ParlorWatch } from './bots/parlor';
import { Load } from './load';
import { sketchStrokeCost } from './sketch-record';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : (process.argv[at + 1] ?? fallback);
}

const ROOMS = Number(option('rooms', '50'));
const RATE = Number(option('rate', '500'));
const ROUNDS = Number(option('rounds', '3'));
const SECONDS = Number(option('seconds', '8'));
const NODES = Number(option('node-count', '3'));
const GIVE_UP_MS = 15 * 60_000;

/** What the bots of one mode saw during one step. */
class Watch {
  states = 0;
  patches = 0;
  duplicates = 0;
  outOfOrder = 0;
  acked = 0;
  ackPatched = 0;
  refused = 0;
  acks = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  /** The newest version each member of each room received by event. */
  private readonly last = new Map<string, number>();

  /** What the bots of room `room` report, counted here. */
  of(room: number): ParlorWatch {
    return {
      update: (member, event, version) => this.update(room, member, event, version),
      ack: (ms, ok, patched) => this.ack(ms, ok, patched),
    };
  }

  private update(room: number, member: number, event: 'room:state' | 'room:patch', version: number): void {
    if (event === 'room:state') this.states++;
    else this.patches++;
    const key = `${room}:${member}`;
    const last = this.last.get(key) ?? 0;
    if (version === last) this.duplicates++;
    else if (version < last) this.outOfOrder++;
    else this.last.set(key, version);
  }

  private ack(ms: number, ok: boolean, patched: boolean): void {
    if (!ok) {
      this.refused++;
      return;
    }
    this.acked++;
    if (patched) this.ackPatched++;
    this.acks.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  reset(): void {
    this.states = this.patches = this.duplicates = this.outOfOrder = this.acked = this.ackPatched = this.refused = 0;
    this.acks.reset();
  }
}

/** Redis's counters at one moment. */
interface RedisCounters {
  readonly commands: Map<string, number>;
  readonly aof: number;
  readonly netIn: number;
  /** Redis's own CPU seconds (user + system). */
  readonly cpu: number;
}

async function redisCounters(redis: Redis): Promise<RedisCounters> {
  const text = await redis.info('all');
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(text)?.[1] ?? NaN);
  const commands = new Map<string, number>();
  for (const [, name, calls] of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) commands.set(name!, Number(calls));
  return { commands, aof: field('aof_current_size'), netIn: field('total_net_input_bytes'), cpu: field('used_cpu_user') + field('used_cpu_sys') };
}

interface Round {
  readonly mode: 'redis' | 'plain';
  readonly moves: number;
  readonly acked: number;
  readonly snapshotShare: number;
  /** Share of acked moves whose ack carried no patch (the mover then needs a snapshot). */
  readonly unpatchedAcks: number;
  readonly ackP50: number;
  readonly ackP99: number;
  readonly p50: number;
  readonly p99: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly outOfOrder: number;
  readonly refused: number;
  readonly gaps: number;
  /** CPU of the mode's nodes per acked move, all nodes together, background work (polls, heartbeats) of the round included. */
  readonly nodeCpuUs: number;
  /** Redis mode only: per acked move. */
  readonly commands?: number;
  readonly scripts?: number;
  readonly aofBytes?: number;
  readonly netInBytes?: number;
  readonly redisCpuUs?: number;
  readonly top?: string;
}

interface Mode {
  readonly name: 'redis' | 'plain';
  readonly load: Load;
  readonly watch: Watch;
  /** Its nodes' addresses. */
  readonly urls: readonly string[];
}

/** The CPU seconds a node's process has used so far, from its /metrics. */
async function nodeCpuSeconds(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^process_cpu_seconds_total (\S+)$/m.exec(text)?.[1] ?? NaN);
}

async function openMode(name: 'redis' | 'plain', urls: readonly string[]): Promise<Mode> {
  const load = new Load();
  const watch = new Watch();
  const rooms: ParlorRoom[] = [];
  for (let i = 0; i < ROOMS; i++) {
    const index = load.nextIndex;
    const room = new ParlorRoom(urls[0]!, load, index, { urls, watch: watch.of(index), addresses: true });
    load.add(room);
    rooms.push(room);
  }
  for (let i = 0; i < rooms.length; i += 10) await Promise.all(rooms.slice(i, i + 10).map((r) => r.open()));
  return { name, load, watch, urls };
}

async function runRound(mode: Mode, admin: Redis | null): Promise<Round> {
  mode.watch.reset();
  const gapsBefore = refusals.get('PATCH_GAP') ?? 0;
  const before = admin ? await redisCounters(admin) : null;
  const cpuBefore = await Promise.all(mode.urls.map(nodeCpuSeconds));
  const step = await mode.load.step(RATE, {
    kind: 'parlor',
    url: '',
    serverPid: process.pid,
    serverCore: null,
    generatorCore: null,
    rooms: ROOMS,
    rates: [RATE],
    alwaysRun: [],
    warmMs: 1_000,
    measureMs: SECONDS * 1000,
    drainMs: 3_000,
    moveTimeoutMs: 5_000,
    p99LimitMs: 1e9,
    lossLimit: 1,
    maxOthersPct: 100,
    retries: 0,
    waitBudgetMs: 0,
  });
  await mode.load.settle(3_000);
  const cpuAfter = await Promise.all(mode.urls.map(nodeCpuSeconds));
  const after = admin ? await redisCounters(admin) : null;
  const w = mode.watch;
  const ms = (p: number) => w.acks.getValueAtPercentile(p) / 1000;
  const round: Round = {
    mode: mode.name,
    moves: step.moves,
    acked: w.acked,
    snapshotShare: w.states / Math.max(1, w.states + w.patches),
    unpatchedAcks: 1 - w.ackPatched / Math.max(1, w.acked),
    ackP50: ms(50),
    ackP99: ms(99),
    p50: step.p50,
    p99: step.p99,
    lost: step.lost,
    duplicated: w.duplicates,
    outOfOrder: w.outOfOrder,
    refused: w.refused,
    gaps: (refusals.get('PATCH_GAP') ?? 0) - gapsBefore,
    nodeCpuUs: (1e6 * cpuAfter.reduce((sum, cpu, i) => sum + cpu - cpuBefore[i]!, 0)) / Math.max(1, w.acked),
  };
  if (!before || !after) return round;
  const per = (n: number) => n / Math.max(1, w.acked);
  const deltas = [...after.commands].map(([name, calls]) => [name, calls - (before.commands.get(name) ?? 0)] as const).filter(([, d]) => d > 0);
  const total = deltas.reduce((sum, [, d]) => sum + d, 0);
  deltas.sort((a, b) => b[1] - a[1]);
  return {
    ...round,
    commands: per(total),
    scripts: per(['evalsha', 'eval'].reduce((sum, name) => sum + (after.commands.get(name) ?? 0) - (before.commands.get(name) ?? 0), 0)),
    aofBytes: per(after.aof - before.aof),
    netInBytes: per(after.netIn - before.netIn),
    redisCpuUs: per((after.cpu - before.cpu) * 1e6),
    top: deltas
      .slice(0, 8)
      .map(([name, d]) => `${name} ${per(d).toFixed(2)}`)
      .join(', '),
  };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function report(rounds: readonly Round[][]): string {
  const f = (v: number | undefined, digits = 1) => (v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits));
  const rows = rounds.flatMap((pair, i) =>
    pair.map(
      (r) =>
        `| ${i + 1} | ${r.mode} | ${r.acked} | ${f(100 * r.snapshotShare)} % | ${f(100 * r.unpatchedAcks)} % | ${f(r.ackP50, 2)} / ${f(r.ackP99, 2)} | ${f(r.p50, 2)} / ${f(r.p99, 2)} | ${r.lost} / ${r.duplicated} / ${r.outOfOrder} / ${r.gaps} | ${f(r.nodeCpuUs, 0)} | ${f(r.commands)} | ${f(r.scripts)} | ${f(r.aofBytes, 0)} | ${f(r.netInBytes, 0)} | ${f(r.redisCpuUs, 0)} |`,
    ),
  );
  const ratio = (pick: (r: Round) => number) => median(rounds.map((pair) => pick(pair.find((r) => r.mode === 'redis')!) / pick(pair.find((r) => r.mode === 'plain')!)));
  const redis = rounds.map((pair) => pair.find((r) => r.mode === 'redis')!);
  return [
    `${ROOMS} rooms of 5 (4 players, 1 spectator), ${RATE} moves/s, ${SECONDS} s measured per round; redis: ${NODES} nodes, each room's members spread over them; plain: one node, no Redis.`,
    '',
    '| round | mode | acked moves | whole snapshots | acks without patch | ack p50 / p99 ms | delivery p50 / p99 ms | lost / duplicated / out of order / gaps | CPU of the nodes µs per move | Redis commands per move | of which scripts | AOF bytes per move | net input bytes per move | Redis CPU µs per move |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Median of the paired ratios redis / plain: ack p50 ${f(ratio((r) => r.ackP50), 2)}x, ack p99 ${f(ratio((r) => r.ackP99), 2)}x, delivery p99 ${f(ratio((r) => r.p99), 2)}x, CPU of the nodes per move ${f(ratio((r) => r.nodeCpuUs), 2)}x.`,
    `Median per move in Redis mode: ${f(median(redis.map((r) => r.commands!)))} commands, ${f(median(redis.map((r) => r.scripts!)))} of them script calls, ${f(median(redis.map((r) => r.aofBytes!)), 0)} AOF bytes, ${f(median(redis.map((r) => r.netInBytes!)), 0)} net input bytes, ${f(median(redis.map((r) => r.redisCpuUs!)), 0)} µs of Redis CPU.`,
    `Commands per move by name (last round): ${redis.at(-1)?.top ?? '-'}.`,
    `Refusals seen by the bots: ${JSON.stringify(Object.fromEntries(refusals))}.`,
  ].join('\n');
}

/** Runs the comparison and prints its report. */
export async function benchNodes(): Promise<void> {
  const giveUp = setTimeout(() => {
    console.error('bench:adapters --nodes: gave up after fifteen minutes');
    process.exit(1);
  }, GIVE_UP_MS);
  giveUp.unref();
  const redisServer = await startRedisServer();
  const nodes: ServerProcess[] = [];
  const admin = new Redis(redisServer.url);
  // The AOF's growth is the measure of bytes written: Redis must not rewrite it meanwhile.
  await admin.config('SET', 'auto-aof-rewrite-percentage', '0');
  try {
    const script = { script: 'server/test-node.ts' };
    for (let i = 0; i < NODES; i++) {
      nodes.push(await startServerProcess(0, { REDIS_URL: redisServer.url, REDIS_PREFIX: 'bench:', NODE_ID: `bench-${i}`, TRUST_PROXY: '1' }, script));
    }
    const plainNode = await startServerProcess(0, { REDIS_URL: '', TRUST_PROXY: '1' }, script);
    nodes.push(plainNode);
    process.stdout.write('opening rooms ');
    const redis = await openMode(
      'redis',
      nodes.slice(0, NODES).map((n) => n.url),
    );
    const plain = await openMode('plain', [plainNode.url]);
    process.stdout.write('\n');
    const rounds: Round[][] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const order = i % 2 === 0 ? [redis, plain] : [plain, redis];
      const pair: Round[] = [];
      for (const mode of order) {
        pair.push(await runRound(mode, mode === redis ? admin : null));
        process.stdout.write(`${mode.name} `);
      }
      rounds.push(pair);
    }
    // Before the bots leave: their sockets' count-outs would be written meanwhile.
    const sketch = await sketchStrokeCost(redisServer.url);
    redis.load.close();
    plain.load.close();
    console.log(`\n\n${report(rounds)}`);
    console.log(
      `Sketch: a stroke added to a drawing of ${sketch.strokes} strokes (a record of ${Math.round(sketch.recordBytes / 1000)} kB) appended ${Math.round(sketch.aofBytesPerStroke)} bytes to the AOF on average.`,
    );
  } finally {
    admin.disconnect();
    await Promise.all(nodes.map((n) => n.stop(5_000)));
    await redisServer.stop();
  }
}
