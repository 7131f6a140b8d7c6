'use client';

import type { SeatSpec } from '@/game/engine';
import { openToLateJoiner } from '@/game/seats';
import type { PlayerView } from '@/game/protocol';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost, selectIsSpectator, selectMe, selectSnapshot } from '@/app/lib/room-selectors';
import { HostPlayerControls } from './HostPlayerControls';
import { PlayerName } from './PlayerName';
import { SeatJoinButton } from './SeatJoinButton';
import { VoteKickButton } from './VoteKickButton';

/** The seats a player without one may take in a running game (the server's rule, game/seats.ts). */
function lateSeats(seats: readonly SeatSpec[], players: readonly PlayerView[]): SeatSpec[] {
  return seats.filter((seat) => openToLateJoiner(seat, players.filter((player) => player.seat === seat.id).length));
}

/**
 * The room's players during a game: who plays which seat (in the game's seat order, each
 * row marked with its seat's team, `data-team`, for the game's colours), who is away, how
 * many watch. A player without a seat can take an open one here, and seated players can
 * vote to remove someone (the host kicks instead).
 */
export function PlayerList() {
  const snapshot = useRoomStore(selectSnapshot);
  const me = useRoomStore(selectMe);
  const you = useRoomStore((state) => state.you);
  const isSpectator = useRoomStore(selectIsSpectator);
  const isHost = useRoomStore(selectIsHost);
  if (!snapshot) return null;

  const seatOf = new Map(snapshot.seats.map((seat, index) => [seat.id, { seat, index }]));
  const order = (player: PlayerView) => (player.seat === null ? Infinity : (seatOf.get(player.seat)?.index ?? Infinity));
  const players = [...snapshot.players].sort((a, b) => order(a) - order(b));
  const open = !isSpectator && me && me.seat === null && snapshot.phase === 'playing' ? lateSeats(snapshot.seats, snapshot.players) : [];

  return (
    <section className="card" aria-labelledby="players-heading">
      <h2 id="players-heading">Players</h2>
      <ul className="plain-list player-list">
        {players.map((player) => {
          const seat = player.seat === null ? undefined : seatOf.get(player.seat)?.seat;
          return (
            <li key={player.id} className="player-row" data-team={seat?.team}>
              <PlayerName player={player} isYou={player.id === you} isHost={player.id === snapshot.hostId} />
              <span className="player-seat">{player.seat === null ? 'No seat' : (seat?.label ?? player.seat)}</span>
              <VoteKickButton player={player} />
              <HostPlayerControls player={player} />
            </li>
          );
        })}
      </ul>
      <p className="muted">{snapshot.spectators} watching</p>
      {isHost && snapshot.phase === 'playing' && players.some((p) => p.seat !== null && !p.connected) && (
        <p className="hint">
          Someone is away. As the host you can hand their seat to another player: Manage, then Seat.
        </p>
      )}
      {open.length > 0 && (
        <div className="button-row">
          {open.map((seat) => (
            <SeatJoinButton key={seat.id} seat={seat} full={false} />
          ))}
        </div>
      )}
    </section>
  );
}
