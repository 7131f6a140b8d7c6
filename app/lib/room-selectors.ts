import type { PlayerView } from '@/game/protocol';
import type { RoomState } from './room-store';

/**
 * Selectors over the room store. Each returns a state field or a value found inside it
 * (never a fresh object), so components re-render only when it really changes.
 */

/** The latest snapshot, or null before the first one. */
export const selectSnapshot = (state: RoomState) => state.snapshot;

/** This player as the room lists them, or null (spectators are not listed). */
export const selectMe = (state: RoomState): PlayerView | null =>
  state.snapshot?.players.find((player) => player.id === state.you) ?? null;

/** Whether this tab is the host's. */
export const selectIsHost = (state: RoomState): boolean =>
  state.you !== null && state.snapshot?.hostId === state.you;

/** Whether this tab watches rather than plays. */
export const selectIsSpectator = (state: RoomState): boolean => state.as === 'spectator';
