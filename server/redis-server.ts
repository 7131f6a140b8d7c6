/**
 * A throwaway `redis-server` for tests and local experiments: a free loopback port, a
 * temporary directory and append-only persistence, so a restart keeps the data. Not
 * imported by production code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running `redis-server` started by {@link startRedisServer}. */
export interface RedisServer {
  /** `redis://127.0.0.1:PORT`, for ioredis. */
  readonly url: string;
  readonly port: number;
  /** The data directory (the AOF lives here); removed by `stop`. */
  readonly dir: string;
  /** Stops the server for good (SIGTERM, then SIGKILL) and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Stops the server gracefully and starts it again on the same port and directory: the
   * data survives through the AOF. `downMs` keeps it stopped that long in between.
   */
  restart(downMs?: number): Promise<void>;
  /**
   * Freezes the server (SIGSTOP) or thaws it (SIGCONT): it keeps its connections and its
   * port, and answers nothing meanwhile, like a host that stalls.
   */
  freeze(frozen: boolean): void;
}

/** How to find and start the server. */
export interface RedisServerOptions {
  /** The binary: defaults to `REDIS_SERVER_PATH`, then `redis-server` on PATH. */
  readonly path?: string;
  /** Most ms to wait for the first PONG. */
  readonly startTimeoutMs?: number;
}

/** How long `stop` waits for a graceful exit before SIGKILL, and then for SIGKILL to land. */
const TERM_GRACE_MS = 5_000;
const KILL_GRACE_MS = 2_000;

/**
 * Starts `redis-server` on 127.0.0.1 and a free port with `--appendonly yes`, and
 * resolves once it answers PING. Rejects with the server's own output when it cannot
 * start (binary missing, port taken, bad option).
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const binary = options.path ?? process.env.REDIS_SERVER_PATH ?? 'redis-server';
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  const dir = await mkdtemp(join(tmpdir(), 'parlor-redis-'));
  let port = 0;
  let spawned: Spawned | null = null;

  const launch = async () => {
    spawned = spawnRedis(binary, port, dir);
    await waitForPong(spawned, port, startTimeoutMs);
  };
  try {
    // Another process may grab the free port between probing and binding it: try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await launch();
        break;
      } catch (error) {
        await reap(spawned);
        if (attempt === 3 || !String(error).includes('Address already in use')) throw error;
      }
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  let stopped = false;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await reap(spawned);
      await rm(dir, { recursive: true, force: true });
    },
    async restart(downMs = 0) {
      if (stopped) throw new Error('restart after stop: this redis-server is gone');
      await reap(spawned);
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      await launch();
    },
    freeze(frozen) {
      if (stopped) throw new Error('freeze after stop: this redis-server is gone');
      spawned?.child.kill(frozen ? 'SIGSTOP' : 'SIGCONT');
    },
  };
}

/** A spawned server and the tail of what it printed (for error messages; the rest is noise). */
interface Spawned {
  readonly child: ChildProcess;
  output(): string;
}

function spawnRedis(binary: string, port: number, dir: string): Spawned {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // A ChildProcess 'error' without a listener would throw; waitForPong reports spawn errors.
  child.on('error', (error) => keep(Buffer.from(`\n${error.message}`)));
  // A test runner that exits without calling stop() must not leave servers behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return { child, output: () => output };
}

/** Resolves once our server answers PING; rejects if the process exits or time runs out. */
function waitForPong({ child, output }: Spawned, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onError = (error: NodeJS.ErrnoException) =>
      finish(
        error.code === 'ENOENT'
          ? new Error(`redis-server not found at "${child.spawnfile}": install it (apt-get install redis-server) or set REDIS_SERVER_PATH`, { cause: error })
          : new Error(`redis-server could not start: ${error.message}`, { cause: error }),
      );
    const onExit = (code: number | null) => finish(new Error(`redis-server exited (code ${code}) before answering PING:\n${output()}`));
    const timer = setTimeout(() => finish(new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms:\n${output()}`)), timeoutMs);
    child.once('exit', onExit);
    child.once('error', onError);
    const poll = async () => {
      while (!done) {
        if (child.pid !== undefined && (await answers(port, child.pid))) return finish();
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    void poll();
  });
}

/**
 * Whether the server on `port` is ready and is the process `pid`: while it loads the AOF
 * it answers -LOADING, and a stranger that holds the port would answer PONG too.
 */
function answers(port: number, pid: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const end = (ready: boolean) => {
      socket.destroy();
      resolve(ready);
    };
    socket.setTimeout(500, () => end(false));
    socket.on('error', () => end(false));
    socket.on('connect', () => socket.write('PING\r\nINFO server\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n') && !reply.startsWith('+PONG\r\n')) end(false);
      else if (reply.includes(`\r\nprocess_id:${pid}\r\n`)) end(true);
    });
  });
}

/** Ends the process and waits for it: SIGTERM (Redis then flushes the AOF), SIGKILL if it lingers. */
async function reap(spawned: Spawned | null): Promise<void> {
  const child = spawned?.child;
  // No pid: the spawn itself failed, and then 'exit' may never come.
  if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  // A frozen server would ignore SIGTERM until the SIGKILL.
  child.kill('SIGCONT');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const within = (ms: number) => Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
  child.kill('SIGTERM');
  if (await within(TERM_GRACE_MS)) return;
  child.kill('SIGKILL');
  if (!(await within(KILL_GRACE_MS))) throw new Error(`redis-server (pid ${child.pid}) did not exit after SIGKILL`);
}

/** A port that was free a moment ago on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
