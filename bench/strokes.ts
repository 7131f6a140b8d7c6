/**
 * Sketch's stroke workload and its measurement, the same for Parlor and the raw Socket.IO
 * relay: R rooms of 8 players; in each, one drawer streams 300 points a second through the
 * browser's `StrokeStreamer` (`app/games/sketch/canvas/streamer.ts`), 30 frames of 10 (the
 * issue's workload) or in another {@link StreamShape} (`--sketch-streams`), commits the
 * stroke on pen-up every 1.5 s of drawing and another player sends a wrong guess every 3 s. Every
 * frame is timed from when it fell due to its arrival at each of the 7 other members (a
 * delivery): a generator that falls behind cannot hide it; a point's delivery adds the
 * time it waited for its frame.
 *
 * Frames carry no bench field (Parlor relays only what Sketch's stream schema parses), so a
 * delivery is matched by the frame's content: its stroke id and first x, unique per frame
 * since a stroke's x only grows ({@link frameKey}).
 */
import * as hdr from 'hdr-histogram-js';
import { StrokeStreamer, strokeIds } from '../app/games/sketch/canvas/streamer';
import type { StrokeCommit } from '../app/games/sketch/canvas/types';
import { MAX_FRAME_COORDS, type StreamFrame } from '../game/sketch/draw';
import type { StrokeConfig, StrokeStepResult } from './ipc';
import type { Traffic } from './load';
import { processRssBytes, sampleCpu, cpuBetween, type CpuSample } from './proc';

/** Players per room, all of them in the game; member 0 is the host. */
export const STROKE_MEMBERS = 8;
/** Points the pen draws per second, whatever the batching (a fast pen). */
export const POINTS_PER_SECOND = 300;
/** Seconds of drawing per stroke: pen-up (a commit) every 1.5 s. */
const STROKE_SECONDS = 1.5;
/** Seconds between two guesses in a room. */
const GUESS_SECONDS = 3;

const ALL_OTHERS = (1 << STROKE_MEMBERS) - 1;

/**
 * How the drawer's points travel: frames a second and points a frame (their product is
 * {@link POINTS_PER_SECOND}), as JSON `{ s, c, w, p }` or as bytes ({@link binaryFrame}).
 */
export interface StreamShape {
  readonly framesPerSecond: number;
  readonly pointsPerFrame: number;
  readonly binary: boolean;
}

/** Issue 18's workload: 30 JSON frames a second of 10 points (the browser now sends 15 of 20: `STREAM_INTERVAL_MS`). */
export const DEFAULT_SHAPE: StreamShape = { framesPerSecond: 30, pointsPerFrame: 10, binary: false };

/** A shape from its name, `FPSxPOINTS` with `-bin` for binary frames (e.g. `15x20-bin`); throws on anything else. */
export function parseShape(name: string): StreamShape {
  const m = /^(\d+)x(\d+)(-bin)?$/.exec(name);
  const framesPerSecond = Number(m?.[1]);
  const pointsPerFrame = Number(m?.[2]);
  if (!m || framesPerSecond * pointsPerFrame !== POINTS_PER_SECOND || pointsPerFrame > MAX_FRAME_COORDS / 2) {
    throw new Error(`stream shape "${name}": FPSxPOINTS[-bin] with FPS × POINTS = ${POINTS_PER_SECOND} and at most ${MAX_FRAME_COORDS / 2} points`);
  }
  return { framesPerSecond, pointsPerFrame, binary: m[3] !== undefined };
}

/** A shape's name, as {@link parseShape} reads it. */
export function shapeName(shape: StreamShape): string {
  return `${shape.framesPerSecond}x${shape.pointsPerFrame}${shape.binary ? '-bin' : ''}`;
}

/** A measurement's shape: the runner's {@link StrokeConfig} and the stream's shape (the default when absent). */
export type StrokeRunConfig = StrokeConfig & { readonly stream?: StreamShape };

/** What a step measured beyond {@link StrokeStepResult}: per point, where a point waits for its frame too. */
export interface StrokeStepFigures extends StrokeStepResult {
  readonly shape: string;
  readonly pointsPerFrame: number;
  /** Delivery of a point (ms): from when the pen reached it to the frame's arrival. */
  readonly pointP50: number;
  readonly pointP99: number;
}

/** Bytes of a binary frame's header: the stroke id (uint32), the colour and the width index (a byte each). */
const BINARY_HEADER_BYTES = 6;

/**
 * A frame as the `-bin` shapes send it: the header, then each point as two uint16
 * (little-endian). Sketch's stream schema takes JSON only (binary measured dearer, see
 * docs/performance.md): to measure Parlor with these, its schema must take them too, e.g.
 * by reading them with {@link readBinaryFrame} and relaying {@link binaryFrame} of the result.
 */
export function binaryFrame(frame: StreamFrame): Uint8Array {
  const bytes = new Uint8Array(BINARY_HEADER_BYTES + 2 * frame.p.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, frame.s, true);
  bytes[4] = frame.c;
  bytes[5] = frame.w;
  for (let i = 0; i < frame.p.length; i++) view.setUint16(BINARY_HEADER_BYTES + 2 * i, frame.p[i]!, true);
  return bytes;
}

/** A {@link binaryFrame} read back, or null when it is not one. */
export function readBinaryFrame(bytes: Uint8Array): StreamFrame | null {
  const coords = (bytes.byteLength - BINARY_HEADER_BYTES) >> 1;
  if (coords < 0 || coords > MAX_FRAME_COORDS || (bytes.byteLength - BINARY_HEADER_BYTES) % 4 !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = new Array<number>(coords);
  for (let i = 0; i < coords; i++) p[i] = view.getUint16(BINARY_HEADER_BYTES + 2 * i, true);
  return { s: view.getUint32(0, true), c: bytes[4]!, w: bytes[5]!, p };
}

/** The key a delivery is matched by: the stroke id and the frame's first x. */
export function frameKey(frame: Pick<StreamFrame, 's' | 'p'>): number {
  return frame.s * 2048 + (frame.p[0] ?? 0);
}

/** What one tick of a drawer's pen produced: one frame, and the commit when the stroke ended. */
export interface PenTick {
  readonly frame: StreamFrame;
  readonly commit: StrokeCommit | null;
}

/**
 * A drawer's pen through the browser's own {@link StrokeStreamer}: each tick adds a frame's
 * points of a wavy line (x grows by 3 a point), which fills and sends one frame; after 1.5 s
 * of ticks it lifts the pen, and the streamer simplifies and commits the stroke as the
 * browser does.
 */
export class Pen {
  private readonly pointsPerFrame: number;
  private readonly framesPerStroke: number;
  private readonly streamer: StrokeStreamer;
  private frame: StreamFrame | null = null;
  private commit: StrokeCommit | null = null;
  private stroke = 0;
  private tickInStroke = 0;
  private point = 0;

  constructor(seed: number, shape: StreamShape = DEFAULT_SHAPE) {
    this.pointsPerFrame = shape.pointsPerFrame;
    this.framesPerStroke = Math.round(shape.framesPerSecond * STROKE_SECONDS);
    this.streamer = new StrokeStreamer({
      send: (frame) => {
        this.frame = frame;
      },
      commit: (stroke) => {
        this.commit = stroke;
      },
      maxPoints: shape.pointsPerFrame,
      newId: strokeIds((seed * 100_003) % 2 ** 30),
      // Every frame fills up within its tick, so the streamer's timer never has to fire.
      timers: { set: () => 1, clear: () => undefined },
    });
  }

  /** The next frame (and the stroke's commit at its end). */
  tick(): PenTick {
    this.frame = null;
    this.commit = null;
    const k = this.stroke;
    const at = (i: number): [number, number] => [40 + 3 * i, Math.round(450 + 300 * Math.sin((i + 17 * k) / 25))];
    let added = 0;
    if (this.tickInStroke === 0) {
      this.point = 0;
      const [x, y] = at(this.point++);
      this.streamer.begin(x, y, 3 + (k % 13), k % 5);
      added = 1;
    }
    for (; added < this.pointsPerFrame; added++) {
      const [x, y] = at(this.point++);
      this.streamer.move(x, y);
    }
    if (++this.tickInStroke === this.framesPerStroke) {
      this.streamer.end();
      this.tickInStroke = 0;
      this.stroke++;
    }
    if (!this.frame) throw new Error('the streamer sent no frame for a full batch');
    return { frame: this.frame, commit: this.commit };
  }
}

/** What the bots of one server kind do for one room of the stroke workload. */
export interface StrokeRoomDriver {
  /** Connects the room's sockets and gets the drawer drawing. */
  open(): Promise<void>;
  /** Streams the drawer's next frame in this shape (and commits the stroke at pen-up); returns the frame's key. */
  frame(shape: StreamShape): number;
  /** A wrong guess from a player who is not drawing. */
  guess(): void;
  close(): void;
}

interface InFlight {
  readonly due: number;
  readonly measured: boolean;
  pending: number;
}

interface StrokeRoom {
  readonly driver: StrokeRoomDriver;
  /** Member index of the drawer (a delivery to it is not expected). */
  drawer: number;
  readonly inFlight: Map<number, InFlight>;
  frames: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function bits(n: number): number {
  let count = 0;
  for (let m = n; m; m &= m - 1) count++;
  return count;
}

/** Drives the stroke rooms and measures. Bots report what they receive through {@link deliver}. */
export class StrokeLoad {
  private readonly rooms: StrokeRoom[] = [];
  private histogram: hdr.Histogram | null = null;
  private pointHistogram: hdr.Histogram | null = null;
  /** How long each point of a frame waited for its frame to fall due (µs), in the step's shape. */
  private pointWaitsUs: number[] = [];
  private tally = { delivered: 0, lost: 0, deliveryBytes: 0 };
  /** Moves (commits, guesses) the server refused, across the step: a bench bug if ever above zero. */
  refused = 0;
  readonly traffic: Traffic = { bytes: 0 };

  /** Adds a room whose drawer is member `drawer` (changed by {@link setDrawer} once known); returns its index. */
  add(driver: StrokeRoomDriver): number {
    this.rooms.push({ driver, drawer: 0, inFlight: new Map(), frames: 0 });
    return this.rooms.length - 1;
  }

  /** The member who draws in room `room`. */
  setDrawer(room: number, member: number): void {
    this.rooms[room]!.drawer = member;
  }

  get nextIndex(): number {
    return this.rooms.length;
  }

  /** A bot of room `room`, member `member`, received the frame with this key. */
  deliver(room: number, member: number, key: number, bytes: number): void {
    const pace = this.rooms[room];
    const frame = pace?.inFlight.get(key);
    if (!pace || !frame) return;
    const bit = 1 << member;
    if (!(frame.pending & bit)) return;
    frame.pending &= ~bit;
    if (frame.measured && this.histogram) {
      this.tally.delivered++;
      this.tally.deliveryBytes += bytes;
      const us = (performance.now() - frame.due) * 1000;
      this.histogram.recordValue(Math.max(1, Math.round(us)));
      for (const wait of this.pointWaitsUs) this.pointHistogram!.recordValue(Math.max(1, Math.round(us + wait)));
    }
    if (frame.pending === 0) pace.inFlight.delete(key);
  }

  /** One step: every room streams for `warmMs + measureMs`; figures of the measured window. */
  async step(config: StrokeRunConfig): Promise<StrokeStepFigures> {
    const shape = config.stream ?? DEFAULT_SHAPE;
    const frameMs = 1000 / shape.framesPerSecond;
    const framesPerGuess = Math.round(shape.framesPerSecond * GUESS_SECONDS);
    const n = shape.pointsPerFrame;
    // The pen reaches a frame's points evenly over the frame's interval; the frame falls due
    // with its last point, so point i waited (n - 1 - i) / n of the interval for it.
    this.pointWaitsUs = Array.from({ length: n }, (_, i) => ((n - 1 - i) / n) * frameMs * 1000);
    const build = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
    const histogram = build();
    const pointHistogram = build();
    this.histogram = histogram;
    this.pointHistogram = pointHistogram;
    this.tally = { delivered: 0, lost: 0, deliveryBytes: 0 };
    this.refused = 0;
    const count = this.rooms.length;
    const start = performance.now();
    const measureFrom = start + config.warmMs;
    const measureTo = measureFrom + config.measureMs;
    let frames = 0;
    let samples: [CpuSample | null, CpuSample | null] = [null, null];
    const bytes = [0, 0];
    let rss = 0;
    const sample = (i: 0 | 1) => {
      samples[i] = sampleCpu(config.serverPid, performance.now());
      bytes[i] = this.traffic.bytes;
      if (i === 1) rss = processRssBytes(config.serverPid);
    };
    const timers = [setTimeout(() => sample(0), measureFrom - start), setTimeout(() => sample(1), measureTo - start)];
    // Room r's frame j is due at start + (j + r / R) * frameMs: the rooms' frames spread evenly.
    const next = this.rooms.map((_, r) => start + (r / count) * frameMs);
    let lastExpiry = start;
    while (performance.now() < measureTo) {
      const now = performance.now();
      for (let r = 0; r < count; r++) {
        const pace = this.rooms[r]!;
        while (next[r]! <= now && next[r]! < measureTo) {
          const due = next[r]!;
          const measured = due >= measureFrom;
          const key = pace.driver.frame(shape);
          pace.inFlight.set(key, { due, measured, pending: ALL_OTHERS & ~(1 << pace.drawer) });
          if (measured) frames++;
          if (++pace.frames % framesPerGuess === 0) pace.driver.guess();
          next[r]! += frameMs;
        }
      }
      if (now - lastExpiry > 100) {
        this.expire(now, config.frameTimeoutMs);
        lastExpiry = now;
      }
      await sleep(Math.max(1, Math.min(4, Math.min(...next) - performance.now())));
    }
    const drainUntil = performance.now() + config.drainMs;
    while (performance.now() < drainUntil && this.rooms.some((r) => r.inFlight.size > 0)) {
      this.expire(performance.now(), config.frameTimeoutMs);
      await sleep(5);
    }
    for (const t of timers) clearTimeout(t);
    if (!samples[1]) sample(1);
    if (!samples[0]) samples = [samples[1], samples[1]];
    this.expire(Infinity, 0);
    this.histogram = null;
    this.pointHistogram = null;

    const { delivered, lost, deliveryBytes } = this.tally;
    const cpu = cpuBetween(samples[0]!, samples[1]!, config.serverCore, config.generatorCore);
    const expected = delivered + lost;
    const framesPerSec = frames / (config.measureMs / 1000);
    const at = (p: number) => (delivered ? histogram.getValueAtPercentile(p) / 1000 : Infinity);
    const p99 = at(99);
    const pointAt = (p: number) => (delivered ? pointHistogram.getValueAtPercentile(p) / 1000 : Infinity);
    return {
      shape: shapeName(shape),
      pointsPerFrame: n,
      pointP50: pointAt(50),
      pointP99: pointAt(99),
      rooms: count,
      frames,
      framesPerSec,
      expected,
      delivered,
      lost,
      refused: this.refused,
      p50: at(50),
      p95: at(95),
      p99,
      max: delivered ? histogram.maxValue / 1000 : Infinity,
      serverCpuPct: cpu.serverPct,
      serverCpuUsPerFrame: frames ? (cpu.serverSeconds * 1e6) / (cpu.seconds * framesPerSec) : 0,
      serverRssMb: rss / 2 ** 20,
      generatorCpuPct: cpu.generatorPct,
      otherOnServerCorePct: cpu.otherOnServerCorePct,
      otherOnGeneratorCorePct: cpu.otherOnGeneratorCorePct,
      bytesPerDelivery: delivered ? deliveryBytes / delivered : 0,
      wireBytesPerFrame: frames ? (bytes[1]! - bytes[0]!) / (framesPerSec * cpu.seconds) : 0,
      passed: p99 < config.p99LimitMs && (expected ? lost / expected : 1) < config.lossLimit && this.refused === 0,
      repeats: 0,
    };
  }

  close(): void {
    for (const room of this.rooms) room.driver.close();
  }

  /** Counts deliveries still missing from frames older than `timeoutMs` as lost. */
  private expire(now: number, timeoutMs: number): void {
    for (const room of this.rooms) {
      for (const [key, frame] of room.inFlight) {
        if (now - frame.due <= timeoutMs) continue;
        if (frame.measured && this.histogram) this.tally.lost += bits(frame.pending);
        room.inFlight.delete(key);
      }
    }
  }
}
