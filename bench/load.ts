/**
 * The workload and its measurement, the same for every server: R rooms of five members
 * (four players, one spectator); the players make moves at an aggregate rate spread
 * evenly over the rooms; every move is timed from its send to its arrival at each other
 * member of its room.
 *
 * Moves of one room go one at a time: a room sends its next move once the previous one
 * has reached every other member (a Codewords move depends on the state the previous one
 * made, and boardgame.io rejects a move made on a stale state). A move that fell due while
 * its room was still busy waits, and is then timed from when it was due, not from when it
 * was sent, so a slow server cannot hide its queue by slowing the bots down.
 */
import * as hdr from 'hdr-histogram-js';
import type { LoadConfig, StepResult } from './ipc';
import { recordPerf } from './perf';
import { processRssBytes, sampleCpu, cpuBetween, type CpuSample } from './proc';

/** Members per room: four players and a spectator. */
export const MEMBERS = 5;
/** Member index of the spectator; players are 0-3. */
export const SPECTATOR = 4;

/** What a bot library does for one room. */
export interface RoomDriver {
  /**
   * Sends the room's next move from one of its players. Returns the key its deliveries
   * will carry and the member who sent it, or null if the room cannot move now.
   */
  send(): { key: number; mover: number } | null;
  /** Whether every earlier move has fully landed (checked between steps); default true. */
  settled?(): boolean;
  /** A line about the room's state, for the log when one of its moves times out. */
  describe?(): string;
  /** Closes every socket of the room. */
  close(): void;
}

/** Counters of raw traffic, fed by the bots. */
export interface Traffic {
  /** Bytes received and sent by all bots (frames with headers). */
  bytes: number;
}

/** Bytes of a websocket frame carrying `payload` bytes (client frames carry a 4-byte mask). */
export function frameBytes(payload: number, masked: boolean): number {
  const header = payload < 126 ? 2 : payload < 65536 ? 4 : 10;
  return payload + header + (masked ? 4 : 0);
}

interface InFlight {
  readonly key: number;
  readonly mover: number;
  /** The time the latency is measured from: the send, or the due time if it had to wait. */
  readonly from: number;
  readonly sentAt: number;
  readonly measured: boolean;
  /** Bit per member still to receive it. */
  pending: number;
}

interface RoomPace {
  driver: RoomDriver;
  inFlight: InFlight | null;
  /** Due times of moves waiting for the room to be free, with whether each is measured. */
  readonly queue: { due: number; measured: boolean }[];
}

interface Tally {
  moves: number;
  sent: number;
  expected: number;
  delivered: number;
  lost: number;
  rejected: number;
  deliveryBytes: number;
  readonly histogram: hdr.Histogram;
}

const ALL_MEMBERS = (1 << MEMBERS) - 1;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Drives the rooms and measures. Bots report what they receive through {@link deliver}. */
export class Load {
  private readonly rooms: RoomPace[] = [];
  private tally: Tally | null = null;
  /** Measured windows recorded with perf so far: numbers their files. */
  private recorded = 0;
  readonly traffic: Traffic = { bytes: 0 };

  /** Adds a room; returns its index (bots pass it back in {@link deliver}). */
  add(driver: RoomDriver): number {
    this.rooms.push({ driver, inFlight: null, queue: [] });
    return this.rooms.length - 1;
  }

  /** Index the next {@link add} will return. */
  get nextIndex(): number {
    return this.rooms.length;
  }

  /** A bot of room `room`, member `member`, received the move with this key. */
  deliver(room: number, member: number, key: number, bytes: number): void {
    const pace = this.rooms[room];
    const move = pace?.inFlight;
    if (!pace || !move || move.key !== key || member === move.mover) return;
    const bit = 1 << member;
    if (!(move.pending & bit)) return;
    move.pending &= ~bit;
    if (move.measured && this.tally) {
      this.tally.delivered++;
      this.tally.deliveryBytes += bytes;
      this.tally.histogram.recordValue(Math.max(1, Math.round((performance.now() - move.from) * 1000)));
    }
    if (move.pending === 0) this.finish(pace);
  }

  /** The server refused the move with this key (it will send nothing for it). */
  reject(room: number, key: number): void {
    const pace = this.rooms[room];
    const move = pace?.inFlight;
    if (!pace || !move || move.key !== key) return;
    if (move.measured && this.tally) this.tally.rejected++;
    this.finish(pace);
  }

  /** Runs one rate step and returns its figures. */
  async step(rate: number, config: LoadConfig): Promise<StepResult> {
    const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
    const tally: Tally = { moves: 0, sent: 0, expected: 0, delivered: 0, lost: 0, rejected: 0, deliveryBytes: 0, histogram };
    this.tally = tally;
    const interval = 1000 / rate;
    const start = performance.now();
    const measureFrom = start + config.warmMs;
    const measureTo = measureFrom + config.measureMs;
    let samples: [CpuSample | null, CpuSample | null] = [null, null];
    let bytesAtStart = 0;
    let bytesAtEnd = 0;
    let rss = 0;
    let perf: { file: string; done: Promise<void> } | undefined;
    const sample = (i: 0 | 1) => {
      samples[i] = sampleCpu(config.serverPid, performance.now());
      if (i === 0) {
        bytesAtStart = this.traffic.bytes;
        if (config.perfDir) perf = recordPerf(config.serverPid, config.measureMs, config.perfDir, `${config.kind}-${rate}-${++this.recorded}`);
      } else {
        bytesAtEnd = this.traffic.bytes;
        rss = processRssBytes(config.serverPid);
      }
    };
    const timers = [setTimeout(() => sample(0), measureFrom - start), setTimeout(() => sample(1), measureTo - start)];

    // Move j is due at start + j * interval, in room j mod R: evenly spread, round robin.
    let j = 0;
    const total = Math.ceil((config.warmMs + config.measureMs) / interval);
    const offset = Math.floor(Math.random() * this.rooms.length);
    while (j < total) {
      const now = performance.now();
      while (j < total && start + j * interval <= now) {
        const due = start + j * interval;
        const pace = this.rooms[(j + offset) % this.rooms.length]!;
        const measured = due >= measureFrom && due < measureTo;
        if (measured) tally.moves++;
        if (pace.inFlight || pace.queue.length > 0) pace.queue.push({ due, measured });
        else this.sendNext(pace, due, measured, false);
        j++;
      }
      this.expire(config.moveTimeoutMs);
      const next = start + j * interval;
      await sleep(Math.max(1, Math.min(5, next - performance.now())));
    }
    // Let moves still queued or in flight finish, within bounds.
    const drainUntil = performance.now() + config.drainMs;
    while (performance.now() < drainUntil && this.rooms.some((r) => r.inFlight || r.queue.length > 0)) {
      this.expire(config.moveTimeoutMs);
      await sleep(5);
    }
    for (const t of timers) clearTimeout(t);
    if (!samples[1]) sample(1);
    if (!samples[0]) samples = [samples[1], samples[1]];
    // Whatever is left is lost: deliveries still pending, and moves never sent.
    for (const pace of this.rooms) {
      this.giveUp(pace);
      for (const waiting of pace.queue.splice(0)) if (waiting.measured) tally.lost += MEMBERS - 1;
    }
    this.tally = null;
    // The recording is read once the step is reported: it must be whole by then.
    await perf?.done;

    const cpu = cpuBetween(samples[0]!, samples[1]!, config.serverCore, config.generatorCore);
    const seconds = config.measureMs / 1000;
    tally.expected = tally.moves * (MEMBERS - 1);
    const ms = (p: number) => histogram.getValueAtPercentile(p) / 1000;
    const p99 = tally.delivered ? ms(99) : Infinity;
    const lostShare = tally.expected ? tally.lost / tally.expected : 1;
    const rejectedShare = tally.moves ? tally.rejected / tally.moves : 1;
    return {
      rate,
      moves: tally.moves,
      sentPerSec: tally.sent / seconds,
      expected: tally.expected,
      delivered: tally.delivered,
      deliveriesPerSec: tally.delivered / seconds,
      lost: tally.lost,
      rejected: tally.rejected,
      p50: tally.delivered ? ms(50) : Infinity,
      p95: tally.delivered ? ms(95) : Infinity,
      p99,
      max: tally.delivered ? histogram.maxValue / 1000 : Infinity,
      serverCpuPct: cpu.serverPct,
      serverCpuUsPerMove: tally.moves ? (cpu.serverSeconds * 1e6) / (cpu.seconds * (tally.moves / seconds)) : 0,
      serverRssMb: rss / 2 ** 20,
      generatorCpuPct: cpu.generatorPct,
      otherOnServerCorePct: cpu.otherOnServerCorePct,
      otherOnGeneratorCorePct: cpu.otherOnGeneratorCorePct,
      bytesPerDelivery: tally.delivered ? tally.deliveryBytes / tally.delivered : 0,
      wireBytesPerMove: tally.moves ? (bytesAtEnd - bytesAtStart) / ((tally.moves / seconds) * cpu.seconds) : 0,
      passed: p99 < config.p99LimitMs && lostShare < config.lossLimit && rejectedShare < config.lossLimit,
      repeats: 0,
      ...(perf ? { perfFile: perf.file } : {}),
    };
  }

  /** Waits (at most `ms`) until every room has settled; returns how many had not. */
  async settle(ms: number): Promise<number> {
    const until = performance.now() + ms;
    const unsettled = () => this.rooms.filter((r) => r.driver.settled && !r.driver.settled()).length;
    while (unsettled() > 0 && performance.now() < until) await sleep(10);
    return unsettled();
  }

  /** Closes every room's sockets. */
  close(): void {
    for (const pace of this.rooms) pace.driver.close();
  }

  private sendNext(pace: RoomPace, due: number, measured: boolean, waited: boolean): void {
    const now = performance.now();
    const sent = pace.driver.send();
    if (!sent) {
      // The room cannot move (its bots lost their state): the move is lost for every member,
      // and the next waiting one gets its chance (the queue is short: this recursion is bounded).
      if (measured && this.tally) this.tally.lost += MEMBERS - 1;
      const next = pace.queue.shift();
      if (next) this.sendNext(pace, next.due, next.measured, true);
      return;
    }
    if (measured && this.tally) this.tally.sent++;
    const pending = ALL_MEMBERS & ~(1 << sent.mover);
    pace.inFlight = { key: sent.key, mover: sent.mover, from: waited ? due : now, sentAt: now, measured, pending };
  }

  private finish(pace: RoomPace): void {
    pace.inFlight = null;
    const next = pace.queue.shift();
    if (next) this.sendNext(pace, next.due, next.measured, true);
  }

  /** Counts what a move still waits for as lost and frees its room. */
  private giveUp(pace: RoomPace): void {
    const move = pace.inFlight;
    if (!move) return;
    if (move.measured && this.tally) {
      let missing = 0;
      for (let m = 0; m < MEMBERS; m++) if (move.pending & (1 << m)) missing++;
      this.tally.lost += missing;
    }
    pace.inFlight = null;
  }

  private expire(timeoutMs: number): void {
    const now = performance.now();
    for (const [index, pace] of this.rooms.entries()) {
      if (pace.inFlight && now - pace.inFlight.sentAt > timeoutMs) {
        // Diagnostics go to the generator's log (bench/results/logs/).
        const { key, mover, pending } = pace.inFlight;
        console.error(`room ${index}: move ${key} by member ${mover} timed out; pending members bitmask ${pending.toString(2)}; ${pace.driver.describe?.() ?? ''}`);
        this.giveUp(pace);
        this.finish(pace);
      }
    }
  }
}
