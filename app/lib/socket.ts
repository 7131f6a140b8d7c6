import { io, type ManagerOptions, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@/game/limits';
import type { ClientToServerEvents, ServerToClientEvents } from '@/game/protocol';
import { getSessionToken } from './session';

/** The browser's socket, typed with the shared protocol both ways. */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: AppSocket | null = null;

/**
 * WebSocket first: it needs no sticky sessions behind a load balancer. Only if it fails
 * (a proxy that drops upgrades) does the client try HTTP long-polling, which a server
 * started with TRANSPORTS=websocket refuses: the server's setting decides, so a
 * websocket-only cluster never holds a polling session that a node without stickiness
 * could not find. (Without `tryAllTransports`, socket.io-client 4.8 never falls back.)
 */
export const TRANSPORT_OPTIONS = { transports: ['websocket', 'polling'], tryAllTransports: true } satisfies Partial<ManagerOptions>;

/**
 * The one socket of this tab, created on first use. Pages share it so moving from the
 * home page to a room does not open a second connection. Browser only.
 */
export function getSocket(): AppSocket {
  if (!socket) {
    socket = io({
      // A function so each reconnect re-reads the token (it never changes, but this keeps
      // the token out of any long-lived object we might be tempted to log).
      auth: (cb) => cb({ token: getSessionToken(), protocol: PROTOCOL_VERSION }),
      ...TRANSPORT_OPTIONS,
    });
  }
  return socket;
}

/** Handlers for server events and the socket's own connection events, by name. */
export type SocketHandlers = Partial<ServerToClientEvents> & {
  connect?: () => void;
  disconnect?: (reason: string) => void;
  connect_error?: (error: Error) => void;
};

/** Listens to several socket events at once; the returned function stops all of them. */
export function listen(socket: AppSocket, handlers: SocketHandlers): () => void {
  // socket.io's typed `on` cannot take a name from a union; `SocketHandlers` types the pairs instead.
  const untyped = socket as unknown as { on(event: string, f: unknown): void; off(event: string, f: unknown): void };
  const entries = Object.entries(handlers);
  for (const [event, handler] of entries) untyped.on(event, handler);
  return () => {
    for (const [event, handler] of entries) untyped.off(event, handler);
  };
}
