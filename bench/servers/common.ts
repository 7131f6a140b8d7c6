/**
 * What every bench server process shares: it listens on 127.0.0.1 and a free port, tells
 * the runner the port over IPC, answers memory questions after a full GC, and exits when
 * asked or when the runner goes away (so no server outlives a bench run).
 */
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MemoryReport, ServerMessage, ToServerMessage } from '../ipc';

function send(message: ServerMessage): void {
  process.send?.(message);
}

function memory(): MemoryReport {
  // Two passes: the first may only schedule finalizers whose memory the second frees.
  global.gc?.();
  global.gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

/**
 * Wires the IPC side of a bench server. `close` may stop the server gracefully; the
 * process exits after it (or after 2 s) with code 0, which also lets `--cpu-prof` write
 * its profile.
 */
export function serveBench(httpServer: HttpServer, close: () => Promise<void> | void = () => undefined): void {
  if (!process.send) throw new Error('Run bench servers through `npm run bench`: they talk to the runner over IPC.');
  let exiting = false;
  const exit = () => {
    if (exiting) return;
    exiting = true;
    setTimeout(() => process.exit(0), 2000).unref();
    Promise.resolve()
      .then(close)
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.on('message', (raw) => {
    const message = raw as ToServerMessage;
    if (message.type === 'memory') send({ type: 'memory', ...memory() });
    else if (message.type === 'exit') exit();
  });
  process.on('disconnect', exit);
  process.on('SIGTERM', exit);
  process.on('SIGINT', exit);
  httpServer.listen(0, '127.0.0.1', () => {
    send({ type: 'ready', port: (httpServer.address() as AddressInfo).port });
  });
}
