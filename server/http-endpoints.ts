/**
 * The operations endpoints a load balancer and Prometheus call, answered before Next.js
 * sees the request: `/healthz` (the process is up), `/readyz` (it can serve players: its
 * room store is reachable) and `/metrics` (Prometheus text format).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Parlor } from './parlor';

/** Answers a request if it is for an operations endpoint; returns whether it did. */
export type OpsHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

function send(res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  // Probes and scrapes must always see the live answer, never a cached one.
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

/** The handler for one Parlor service's `/healthz`, `/readyz` and `/metrics`. */
export function opsHandler(parlor: Pick<Parlor, 'metrics' | 'ready'>): OpsHandler {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = req.url?.split('?', 1)[0];
    switch (path) {
      case '/healthz':
        send(res, 200, 'ok\n');
        return true;
      case '/readyz':
        // A failing check means "not ready", never a 500 the prober might read otherwise.
        parlor.ready().then(
          (ready) => send(res, ready ? 200 : 503, ready ? 'ready\n' : 'not ready\n'),
          () => send(res, 503, 'not ready\n'),
        );
        return true;
      case '/metrics':
        parlor.metrics.text().then(
          (text) => send(res, 200, text, parlor.metrics.contentType),
          () => send(res, 500, 'metrics failed\n'),
        );
        return true;
      default:
        return false;
    }
  };
}
