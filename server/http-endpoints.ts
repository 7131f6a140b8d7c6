/**
 * The HTTP endpoints answered before Next.js sees the request: the operations endpoints a
 * load balancer and Prometheus call, `/healthz` (the process is up), `/readyz` (it can serve
 * players: its room store is reachable) and `/metrics` (Prometheus text format), and the
 * room lookup a room link's first visit makes, `/api/rooms/<CODE>` (docs/protocol.md); and
 * the same lookup for the room pages Next.js renders in this process ({@link PageRoomLookups}).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../game/errors';
import type { RoomLookup } from '../game/protocol';
import type { Logger } from './logger';
import type { Parlor } from './parlor';

/** Answers a request if it is for one of these endpoints; returns whether it did. */
export type EndpointsHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const ROOM_LOOKUP_PREFIX = '/api/rooms/';

function send(res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): void {
  // Probes, scrapes and lookups must always see the live answer, never a cached one.
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/** The HTTP status of a lookup's answer: the acks' error codes, as a browser or proxy reads them. */
function lookupStatus(answer: RoomLookup): number {
  if (answer.ok) return 200;
  switch (answer.code) {
    case ErrorCode.BAD_REQUEST:
      return 400;
    case ErrorCode.ROOM_NOT_FOUND:
      return 404;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.STORE_UNAVAILABLE:
      return 503;
    default:
      return 500;
  }
}

function sendLookup(res: ServerResponse, answer: RoomLookup): void {
  const retry = !answer.ok && answer.retryAfterMs !== undefined ? { 'retry-after': String(Math.ceil(answer.retryAfterMs / 1000)) } : undefined;
  send(res, lookupStatus(answer), JSON.stringify(answer), 'application/json; charset=utf-8', retry);
}

/** The handler for one Parlor service's endpoints. */
export function httpEndpoints(parlor: Pick<Parlor, 'metrics' | 'ready' | 'lookupRoom'>, log: Logger): EndpointsHandler {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = req.url?.split('?', 1)[0] ?? '';
    if (path.startsWith(ROOM_LOOKUP_PREFIX)) {
      let code = '';
      try {
        code = decodeURIComponent(path.slice(ROOM_LOOKUP_PREFIX.length));
      } catch {
        // A malformed escape is not a room code; the lookup says so.
      }
      parlor.lookupRoom(req, code).then(
        (answer) => sendLookup(res, answer),
        (error: unknown) => {
          log.error({ err: error }, 'room lookup failed');
          sendLookup(res, { ok: false, code: ErrorCode.INTERNAL, message: 'Something went wrong on the server. Try again.' });
        },
      );
      return true;
    }
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

/**
 * The room lookup of the pages Next.js renders in this process (a room link's preview and
 * join page, app/lib/server-room-lookup.ts). Next's handler runs inside {@link render}, so
 * a lookup made while rendering knows the request it renders for: it is counted against
 * that client's lookup budget (`RATE_LOOKUP`), as `/api/rooms/<CODE>` is. Otherwise a page
 * would tell for free, without a limit, whether a code is a live room.
 */
export class PageRoomLookups {
  private readonly requests = new AsyncLocalStorage<IncomingMessage>();

  constructor(
    private readonly parlor: Pick<Parlor, 'lookupRoom'>,
    private readonly log: Logger,
  ) {}

  /** Runs `handle` (Next's handler for `req`) so that the pages it renders may look rooms up. */
  render(req: IncomingMessage, handle: () => void): void {
    this.requests.run(req, handle);
  }

  /** The answer for the page being rendered; null outside a page's render, or when the lookup failed (logged). */
  readonly lookup = (code: string): Promise<RoomLookup | null> => {
    const req = this.requests.getStore();
    if (!req) return Promise.resolve(null);
    return this.parlor.lookupRoom(req, code).catch((error: unknown) => {
      this.log.error({ err: error }, 'room lookup for a page failed');
      return null;
    });
  };
}
