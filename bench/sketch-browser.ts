/**
 * `npm run bench:sketch-browser`: Sketch with a large drawing, end to end.
 *
 * 1. A late joiner: a Parlor server in this process (`attachParlor`, rate limits raised as
 *    in the load bench) holds a Sketch turn of --strokes committed strokes (2,000 by default)
 *    sharing the most coordinates the rules allow (MAX_DRAWING_COORDS: 25 points each for 2,000);
 *    players join one after another and each join is timed from its emit to its ack, whose
 *    frame (the snapshot) is measured in bytes.
 * 2. The browser: Chromium (/usr/bin/chromium, --no-sandbox --disable-gpu) loads a small
 *    harness page (bench/sketch-browser/page.tsx, bundled with esbuild, served from a static
 *    server on 127.0.0.1) that mounts the real drawing engine on a drawing of 2,000 strokes,
 *    then, with the performance API, reports requestAnimationFrame intervals and long tasks
 *    while receiving a drawer's stream (SketchView: 30 frames/s, a commit every 1.5 s) and
 *    while drawing (SketchCanvas, under the mouse at 60 moves/s).
 *
 * Prints the figures; asserts nothing. Flags: --strokes N (the browser's drawing, default
 * 2000), --seconds N (each measured window, default 5), --joins N (default 5).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { attachParlor, type ConfigOverrides } from '../server/parlor';
import { MAX_DRAWING_COORDS, MAX_OPS_PER_TURN } from '../game/sketch/draw';
import { DEFAULT_SETTINGS } from '../game/sketch/settings';
import type { SketchView } from '../game/sketch/types';
import { PROTOCOL_VERSION, type JoinResult, type Response, type RoomSnapshot } from '../game/protocol';
import type { Smoothness } from './sketch-browser/page';

const { values: flags } = parseArgs({
  options: { strokes: { type: 'string', default: '2000' }, seconds: { type: 'string', default: '5' }, joins: { type: 'string', default: '5' } },
});
const STROKES = Number(flags.strokes);
const WINDOW_MS = Number(flags.seconds) * 1000;
const JOINS = Number(flags.joins);
const ROOT = process.cwd();
const OUT = join(ROOT, 'bench', 'results', 'sketch-browser');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** A connected Parlor client and the byte size of the latest message frame it received. */
async function client(url: string): Promise<{ socket: Socket; lastBytes: () => number }> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: randomBytes(24).toString('base64url'), protocol: PROTOCOL_VERSION } });
  let last = 0;
  (socket.io as unknown as { engine: { on(e: string, f: (p: { type: string; data?: string }) => void): void } }).engine.on('packet', (p) => {
    if (p.type === 'message') last = 1 + Buffer.byteLength(typeof p.data === 'string' ? p.data : '');
  });
  await new Promise((resolve, reject) => socket.once('connect', () => resolve(undefined)).once('connect_error', reject));
  return { socket, lastBytes: () => last };
}

async function request<T extends object>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const response = (await socket.timeout(30_000).emitWithAck(event, payload)) as Response<T>;
  if (!response.ok) throw new Error(`${event}: ${response.code} ${response.message}`);
  return response as T;
}

/** Part 1: a late joiner's join time and snapshot size for the largest drawing the rules allow. */
async function lateJoiner(): Promise<string[]> {
  const unlimited = { points: 1_000_000_000, durationSec: 1 };
  const config: ConfigOverrides = {
    roomsPerIp: 1_000_000,
    connectionsPerIp: 1_000_000,
    // The drawer commits a thousand strokes as fast as the acks come back.
    rates: { action: unlimited, actionPerIp: unlimited, chat: unlimited, create: unlimited, join: unlimited, lookup: unlimited, inboundFrames: unlimited, inboundBytes: unlimited },
  };
  const http = createServer();
  const parlor = attachParlor(http, { config });
  const url = await listen(http);
  const sockets: Socket[] = [];
  try {
    const host = await client(url);
    const other = await client(url);
    sockets.push(host.socket, other.socket);
    const { code } = await request<{ code: string }>(host.socket, 'room:create', { nickname: 'Host', public: false, gameId: 'sketch', settings: { ...DEFAULT_SETTINGS, drawSeconds: 240 } });
    const ids = [
      (await request<JoinResult>(host.socket, 'room:join', { code, nickname: 'Drawer', as: 'player' })).you,
      (await request<JoinResult>(other.socket, 'room:join', { code, nickname: 'Guesser', as: 'player' })).you,
    ];
    await request(host.socket, 'room:start', { code });
    const { snapshot } = await request<{ snapshot: RoomSnapshot<SketchView> }>(host.socket, 'room:sync', { code });
    const drawer = [host, other][ids.indexOf(snapshot.view!.turn.drawer)]!.socket;
    await request(drawer, 'game:move', { code, move: { type: 'choose', index: 0 } });
    const strokes = Math.min(STROKES, MAX_OPS_PER_TURN);
    const points = Math.floor(MAX_DRAWING_COORDS / strokes / 2);
    for (let k = 0; k < strokes; k++) {
      const p: number[] = [];
      const y0 = 60 + ((k * 37) % 780);
      for (let i = 0; i < points; i++) p.push(40 + ((k * 13 + i * 30) % 1520), Math.round(y0 + 40 * Math.sin((i + k) / 4)));
      await request(drawer, 'game:move', { code, move: { type: 'stroke', c: 3 + (k % 13), w: k % 5, p } });
    }
    const times: number[] = [];
    const frames: number[] = [];
    let json = 0;
    let ops = 0;
    for (let j = 0; j < JOINS; j++) {
      const late = await client(url);
      sockets.push(late.socket);
      const t0 = performance.now();
      const joined = await request<JoinResult>(late.socket, 'room:join', { code, nickname: `Late ${j}`, as: 'player' });
      times.push(performance.now() - t0);
      frames.push(late.lastBytes());
      json = JSON.stringify(joined.snapshot).length;
      ops = (joined.snapshot.view as SketchView | null)?.drawing.length ?? 0;
      await sleep(200);
    }
    return [
      `late joiner, drawing of ${ops} strokes of ${points} points (the rules' largest drawing holds ${MAX_DRAWING_COORDS.toLocaleString('en-US')} coordinates):`,
      `  join, emit to ack (ms): median ${median(times).toFixed(1)}, each ${times.map((t) => t.toFixed(1)).join(', ')}`,
      `  the ack's frame ${(median(frames) / 1024).toFixed(1)} kB; its snapshot ${(json / 1024).toFixed(1)} kB of JSON`,
    ];
  } finally {
    for (const socket of sockets) socket.close();
    await parlor.close();
    http.close();
  }
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** Part 2: the harness page in Chromium, receiving and drawing. */
async function browser(): Promise<string[]> {
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'bench', 'sketch-browser', 'page.tsx')],
    outfile: join(OUT, 'page.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  writeFileSync(
    join(OUT, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="page.css"><style>body{margin:0}</style></head>' +
      '<body><div id="root"></div><script type="module" src="page.js"></script></body></html>',
  );
  const files = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = path === '/' ? 'index.html' : path.slice(1);
    try {
      const body = readFileSync(join(OUT, file.replace(/\.\.+/g, '')));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  const base = await listen(files);
  const chrome = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const lines: string[] = [];
  try {
    for (const mode of ['receive', 'draw'] as const) {
      const page = await chrome.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(`${base}/?mode=${mode}&strokes=${STROKES}`);
      await page.waitForFunction(() => window.sketchBench !== undefined, undefined, { timeout: 60_000 });
      const mountMs = await page.evaluate(() => window.sketchBench!.mountMs);
      await sleep(1000);
      const measured = page.evaluate((ms) => window.sketchBench!.measure(ms), WINDOW_MS);
      if (mode === 'draw') await drawWithMouse(page, WINDOW_MS);
      const s: Smoothness = await measured;
      lines.push(
        `${mode === 'receive' ? 'receiving (SketchView, 30 frames/s)' : 'drawing (SketchCanvas, mouse at 60/s)'}, ${STROKES} strokes; mounted and painted in ${mountMs.toFixed(0)} ms:`,
        `  ${s.fps.toFixed(1)} fps; frame interval p50 ${s.p50Ms.toFixed(1)}, p99 ${s.p99Ms.toFixed(1)}, max ${s.maxMs.toFixed(1)} ms; ` +
          `${s.over25Ms} of ${s.frames} over 25 ms; ${s.longTasks} long tasks (${s.longTaskMs.toFixed(0)} ms); ${s.events} ${mode === 'receive' ? 'frames received' : 'strokes committed'}`,
      );
      await page.close();
    }
  } finally {
    await chrome.close();
    files.close();
  }
  return lines;
}

/** Strokes of 1.5 s under the mouse, a move every 16 ms, for `ms`. */
async function drawWithMouse(page: Page, ms: number): Promise<void> {
  const box = (await page.locator('.sketch-box').boundingBox())!;
  const until = performance.now() + ms;
  for (let k = 0; performance.now() < until; k++) {
    const y0 = box.y + box.height * (0.2 + 0.6 * ((k * 0.37) % 1));
    await page.mouse.move(box.x + 20, y0);
    await page.mouse.down();
    for (let i = 0; i < 90 && performance.now() < until; i++) {
      const next = performance.now() + 16;
      await page.mouse.move(box.x + 20 + (i * (box.width - 40)) / 90, y0 + 40 * Math.sin(i / 8));
      await sleep(Math.max(0, next - performance.now()));
    }
    await page.mouse.up();
  }
}

const report = [...(await lateJoiner()), ...(await browser())];
console.log(report.join('\n'));
process.exit(0);
