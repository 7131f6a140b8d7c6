/**
 * `npm run bench:flood`: what a flooding client costs another client of the same server.
 * A Parlor server with the production limits; a healthy client asks `room:sync` every 25 ms
 * and times each answer, first alone, then while a flooder sends 60 kB frames of an unknown
 * event as fast as it can, reconnecting whenever the server cuts it off (the worst a single
 * client can do with its budgets). Prints the healthy client's p50/p99 in both phases and
 * what the flooder managed to send. Numbers only: nothing is asserted.
 *
 *   npm run bench:flood            # 5 s per phase
 *   npm run bench:flood -- 10      # seconds per phase
 */
import { pino } from 'pino';
import { DEFAULT_CONFIG } from '../server/config';
import { connectClient, expectOk, startTestServer, type TestClient } from '../server/testing';

const seconds = Number(process.argv[2] ?? 5);
const server = await startTestServer({ log: pino({ level: 'silent' }), config: { rates: DEFAULT_CONFIG.rates, connectionsPerIp: DEFAULT_CONFIG.connectionsPerIp } });
const healthy = await connectClient(server.url);
const { code } = expectOk(await healthy.request<{ code: string }>('room:create', { nickname: 'Calm', public: false }));
expectOk(await healthy.request('room:join', { code, nickname: 'Calm', as: 'player' }));

/**
 * Times `room:sync` every 25 ms for `ms` (40 frames a second, within its frame budget of 80). Past its action budget (20 per 5 s) the answer is
 * RATE_LIMITED, which the server still has to read, budget and answer: every answer counts.
 */
async function measure(ms: number): Promise<number[]> {
  const times: number[] = [];
  for (const until = Date.now() + ms; Date.now() < until; ) {
    const start = performance.now();
    await healthy.request('room:sync', { code });
    times.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return times;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? NaN;
const show = (label: string, t: number[]) => `${label}: ${t.length} answers, p50 ${percentile(t, 50).toFixed(2)} ms, p99 ${percentile(t, 99).toFixed(2)} ms`;

const quiet = await measure(seconds * 1000);

let stop = false;
const flood = { frames: 0, bytes: 0, cut: 0, refused: 0 };
const frame = 'x'.repeat(60_000);
async function flooder(): Promise<void> {
  while (!stop) {
    let client: TestClient;
    try {
      client = await connectClient(server.url);
    } catch {
      flood.refused++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    const cut = new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve()));
    const raw = client.socket.emit.bind(client.socket) as (event: string, ...args: unknown[]) => void;
    while (!stop && client.socket.connected) {
      raw('flood:me', frame);
      flood.frames++;
      flood.bytes += frame.length;
      // Let the socket write (and hear its disconnect) between frames.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!stop) {
      await cut;
      flood.cut++;
    }
    client.close();
  }
}
const flooding = flooder();
const loud = await measure(seconds * 1000);
stop = true;
await flooding;

console.log(`Parlor with the production limits, ${seconds} s per phase, Node ${process.version}`);
console.log(show('healthy client alone', quiet));
console.log(show('healthy client during the flood', loud));
console.log(
  `flooder: ${flood.frames} frames (${(flood.bytes / 1e6).toFixed(1)} MB) emitted, most never read by a server that had cut it off ${flood.cut} times, ` +
    `${flood.refused} connections refused; server counted ${server.parlor.ignored.overBudget} sockets over budget`,
);
healthy.close();
await server.close();
process.exit(0);
