/**
 * The Socket.IO types of Parlor's server, and the small part of Socket.IO the room hub
 * uses to reach sockets ({@link RoomEmitter}, {@link HubSocket}): production passes the
 * real server and sockets, in-process tests pass stand-ins that record every delivery.
 */
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../game/protocol';

/** What the server keeps on a socket: the shared part plus the client's address. */
export interface ServerSocketData extends SocketData {
  /** The client IP, for per-address limits. Never sent to other clients. */
  ip: string;
}

/** The typed Socket.IO server of Parlor. */
export type ParlorServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, ServerSocketData>;
/** One typed connection. */
export type ParlorSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, ServerSocketData>;

/** An event the server emits, and its arguments. */
export type ServerEvent = keyof ServerToClientEvents;
type ServerArgs<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>;

/** Sends one event to every socket in some channels (less any excepted socket). */
export interface Broadcaster {
  except(socketId: string): Broadcaster;
  emit<E extends ServerEvent>(event: E, ...args: ServerArgs<E>): unknown;
}

/** Moves every socket of some channels (on every node) into or out of other channels. */
export interface ChannelMover {
  socketsJoin(names: string | string[]): void;
  socketsLeave(names: string | string[]): void;
}

/**
 * What the hub asks of Socket.IO's server: `to(channels)` to broadcast, `in(channel)` to
 * move sockets between channels. Socket.IO delivers to a socket in the order emitted.
 */
export interface RoomEmitter {
  to(channels: string | string[]): Broadcaster;
  in(channel: string): ChannelMover;
}

/** What the hub reads and does on the socket that made a request. */
export type HubSocket = Pick<ParlorSocket, 'id' | 'data' | 'rooms' | 'disconnected' | 'join' | 'leave'>;
