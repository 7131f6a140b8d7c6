import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { codewords } from '../game/codewords';
import type { AnyGameDefinition } from '../game/engine';
import { ErrorCode } from '../game/errors';
import { PROTOCOL_VERSION, handshakeSchema } from '../game/protocol';
import { registerHandlers } from './handlers';
import { Hub, type ParlorServer, type RoomExpiry } from './hub';
import { Identities } from './identity';
import { newSeed } from './ids';
import { logger as defaultLogger, type Logger } from './logger';

/** Options of {@link attachParlor}; every field has a production default. */
export interface ParlorOptions {
  readonly game?: AnyGameDefinition;
  readonly log?: Logger;
  readonly now?: () => number;
  readonly seed?: () => number;
  readonly expiry?: Partial<RoomExpiry>;
}

/** A running Parlor realtime service. */
export interface Parlor {
  readonly io: ParlorServer;
  readonly hub: Hub;
  /** Stops timers, disconnects every client and closes the http server too. */
  close(): Promise<void>;
}

/** A handshake refusal the client can read from `connect_error` (`err.data.code`). */
function refusal(code: string, message: string): Error & { data: { code: string } } {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * Attaches Parlor's Socket.IO server to an existing http server (the one Next.js also
 * serves pages from). Each connection is authenticated by its session token, then its
 * events are handled by the hub.
 */
export function attachParlor(httpServer: HttpServer, options: ParlorOptions = {}): Parlor {
  const log = options.log ?? defaultLogger;
  const io: ParlorServer = new Server(httpServer, {
    // Payloads are small; a custom word list is the largest at a few kB.
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
  });
  const identities = new Identities();
  const hub = new Hub({
    io,
    game: options.game ?? codewords,
    log,
    now: options.now ?? Date.now,
    seed: options.seed ?? newSeed,
    expiry: { idleMs: 10 * 60_000, playingMs: 30 * 60_000, ...options.expiry },
  });

  io.use((socket, next) => {
    const auth = handshakeSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(refusal(ErrorCode.BAD_AUTH, 'Missing or malformed session token.'));
    if (auth.data.protocol !== PROTOCOL_VERSION) {
      return next(refusal(ErrorCode.PROTOCOL_MISMATCH, 'Parlor was updated: reload the page.'));
    }
    socket.data.playerId = identities.playerFor(auth.data.token);
    next();
  });

  io.on('connection', (socket) => {
    registerHandlers(socket, hub, log);
  });

  return {
    io,
    hub,
    async close() {
      hub.close();
      await io.close();
    },
  };
}
