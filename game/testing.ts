/** Fixtures for tests of room-level code (patches, followers, the browser store). Not used in production. */
import type { RoomSnapshot } from './protocol';

/** A small lobby snapshot of room ABCD at `version`, with `extra` fields over the defaults. */
export function lobbySnapshot(version: number, extra: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return {
    code: 'ABCD',
    version,
    gameId: 'codewords',
    phase: 'lobby',
    public: false,
    hostId: 'p_1',
    players: [{ id: 'p_1', nickname: 'Ana', seat: null, connected: true }],
    spectators: 0,
    seats: [],
    settings: {},
    gameNumber: 0,
    serverTime: 1_000 + version,
    audience: 'public',
    view: null,
    ...extra,
  };
}
