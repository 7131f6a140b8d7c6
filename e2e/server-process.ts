import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** A production Parlor server in a child process, started by the browser tests. */
export interface ServerProcess {
  readonly url: string;
  /** Lines the server logged at error level or above (pino level >= 50). */
  readonly errors: readonly string[];
  /** Sends SIGTERM (a graceful restart) and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `server.ts` in production mode on 127.0.0.1 (`port` 0 picks a free one) and
 * resolves once it logs that it listens. The build must exist (`npm run test:e2e` makes it).
 * `PARLOR_SERVER_LOG=file` appends the server's log lines to that file for debugging.
 */
export async function startServerProcess(port: number, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const errors: string[] = [];
  const log = process.env.PARLOR_SERVER_LOG;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Parlor did not start within 60 s')), 60_000);
    void exited.then((code) => reject(new Error(`Parlor exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (log) appendFileSync(log, `${line}\n`);
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string; level?: number };
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
  return {
    url,
    errors,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
