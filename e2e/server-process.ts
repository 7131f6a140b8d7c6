import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** A Parlor server in a child process, started by the browser tests and the scale-out tests. */
export interface ServerProcess {
  readonly url: string;
  /** Lines the server logged at error level or above (pino level >= 50). */
  readonly errors: readonly string[];
  /** Every log line so far (JSON), for tests that look for an event. */
  readonly lines: readonly string[];
  /** Sends SIGTERM (a graceful restart) and resolves with the exit code; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<number | null>;
  /** Sends SIGKILL (a node that dies) and resolves once the process is gone. */
  kill(): Promise<void>;
  /** Freezes (SIGSTOP) or thaws (SIGCONT) the process: a node that stalls, then carries on. */
  freeze(frozen: boolean): void;
}

/** What to start; by default the production server (`dist/server.mjs`) with its Next.js build. */
export interface ServerProcessOptions {
  /** The entry script, e.g. `server/test-node.ts` (Parlor without Next.js), run with tsx. */
  readonly script?: string;
  /** Most ms to wait for "Parlor is listening". */
  readonly startTimeoutMs?: number;
}

/**
 * Starts the production server (`dist/server.mjs`, the bundle of `server.ts`) on 127.0.0.1
 * (`port` 0 picks a free one) and resolves once it logs that it listens. The build and the
 * bundle must exist (`npm run test:e2e` makes them, as `npm start` does).
 * `PARLOR_SERVER_LOG=file` appends the server's log lines, at debug level, to that file.
 */
export async function startServerProcess(port: number, env: Record<string, string> = {}, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const args = options.script ? ['--import', 'tsx', options.script] : ['--enable-source-maps', 'dist/server.mjs'];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      // Debug lines (connections, transports) only when someone keeps the log to read.
      LOG_LEVEL: process.env.PARLOR_SERVER_LOG ? 'debug' : 'info',
      NEXT_TELEMETRY_DISABLED: '1',
      // A child of vitest must log (the parent reads "Parlor is listening"), so it must not look like a test.
      VITEST: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const errors: string[] = [];
  const lines: string[] = [];
  const log = process.env.PARLOR_SERVER_LOG;
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Parlor did not start within ${startTimeoutMs / 1000} s`));
    }, startTimeoutMs);
    void exited.then((code) => reject(new Error(`Parlor exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (log) appendFileSync(log, `${line}\n`);
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string; level?: number };
        lines.push(line);
        if ((entry.level ?? 0) >= 50) errors.push(line);
        if (entry.msg === 'Parlor is listening' && entry.url) {
          clearTimeout(timer);
          resolve(entry.url);
        }
      } catch {
        // Not a log line (Next prints plain text too): ignore it.
      }
    });
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    errors,
    lines,
    async stop(graceMs = 15_000) {
      if (gone()) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (gone()) return;
      child.kill('SIGKILL');
      await exited;
    },
    freeze(frozen) {
      child.kill(frozen ? 'SIGSTOP' : 'SIGCONT');
    },
  };
}
