/**
 * Names of the Socket.IO rooms ("channels" here, to keep them apart from game rooms).
 * A socket in game room ABCD belongs to: `r:ABCD` (everyone there), `r:ABCD:a:<audience>`
 * (everyone who sees the same view) and `m:ABCD:<playerId>` (that player's sockets in the
 * room, so all their tabs move between audiences together).
 */
export const channel = {
  /** Every socket in a game room. */
  room: (code: string) => `r:${code}`,
  /** The sockets of one audience of a game room: one view is emitted here per change. */
  audience: (code: string, audience: string) => `r:${code}:a:${audience}`,
  /** One player's sockets in one game room. */
  member: (code: string, playerId: string) => `m:${code}:${playerId}`,
  /** All sockets of one player, in any room: the place for a player's private notices. */
  player: (playerId: string) => `p:${playerId}`,
  /** Sockets watching the public room list. */
  roomList: 'rooms',
} as const;

/** The game room code of a socket's `r:<code>` channel, or null for any other channel. */
export function roomCodeOfChannel(name: string): string | null {
  const match = /^r:([A-Z0-9]+)$/.exec(name);
  return match ? match[1]! : null;
}
