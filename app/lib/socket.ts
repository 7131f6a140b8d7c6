import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '@/game/protocol';
import { getSessionToken } from './session';

/** The browser's socket, typed with the shared protocol both ways. */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: AppSocket | null = null;

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
      // WebSocket first: no sticky sessions needed behind a load balancer; polling only as a fallback.
      transports: ['websocket', 'polling'],
    });
  }
  return socket;
}
