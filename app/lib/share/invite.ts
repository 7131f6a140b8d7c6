import type { RoomSummary } from '@/game/protocol';
import { gameEntry } from '@/app/games';

/**
 * What a room link invites to, from the room's public line: "Join Hana's <game> game" (the game's name from the registry).
 * The join page's heading and the link's preview title, so both always say the same. The
 * game's name comes from the registry (app/games/index.ts); the nickname is the host's own
 * text, to be rendered as text.
 */
export function inviteTitle(room: Pick<RoomSummary, 'gameId' | 'hostName'>): string {
  const game = gameEntry(room.gameId);
  const what = game ? `${game.name} game` : 'game';
  return room.hostName ? `Join ${room.hostName}'s ${what}` : `Join this ${what}`;
}
