/**
 * The room lookup of the pages the server renders (`/r/<CODE>`: its link preview and the
 * join page's heading), answered in this process by the same code as `GET /api/rooms/<CODE>`,
 * with no HTTP request to itself. `server.ts` provides it when it starts; a page asks
 * {@link lookUpRoomOnServer}.
 *
 * The page and the server are two bundles (Next's and esbuild's), each with its own copy of
 * this module, so the lookup is kept on `globalThis` under a registered symbol, which both
 * copies see. Server only: nothing here runs in a browser.
 */
import type { RoomLookup } from '../../game/protocol';

/** Looks a room up for the page being rendered, on its client's lookup budget; null if it cannot tell. */
export type ServerRoomLookup = (code: string) => Promise<RoomLookup | null>;

const KEY = Symbol.for('parlor.serverRoomLookup');

/** How long a page waits for the answer before it renders without one (a stalled Redis must not stall the page). */
export const SERVER_LOOKUP_TIMEOUT_MS = 500;

/** Called once by the server, before it serves pages. */
export function provideServerRoomLookup(lookup: ServerRoomLookup): void {
  (globalThis as { [KEY]?: ServerRoomLookup })[KEY] = lookup;
}

/**
 * The server's answer about a room, or null when there is none in time: no lookup provided
 * (`next dev` on its own, a build), an error, or no answer within {@link SERVER_LOOKUP_TIMEOUT_MS}.
 * Null means "unknown": the page then says nothing about the room, and the browser asks.
 */
export async function lookUpRoomOnServer(code: string, timeoutMs = SERVER_LOOKUP_TIMEOUT_MS): Promise<RoomLookup | null> {
  const lookup = (globalThis as { [KEY]?: ServerRoomLookup })[KEY];
  if (!lookup) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    return await Promise.race([lookup(code).catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}
