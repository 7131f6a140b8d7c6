'use client';

import { parseSeat, seatLabel } from '@/app/lib/codewords';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost, selectIsSpectator, selectMe, selectSnapshot } from '@/app/lib/room-selectors';
import { HostPlayerControls } from '../room/HostPlayerControls';
import { PlayerName } from '../room/PlayerName';
import { SeatJoinButton } from '../room/SeatJoinButton';

// Teams together, spymaster first, then the unseated.
function seatOrder(seat: string | null): number {
  const parts = parseSeat(seat);
  if (!parts) return 9;
  return (parts.team === 'red' ? 0 : 2) + (parts.role === 'spymaster' ? 0 : 1);
}

/** Who plays which seat, who is away, how many watch; late joiners can take open seats here. */
export function GamePlayers() {
  const snapshot = useRoomStore(selectSnapshot);
  const me = useRoomStore(selectMe);
  const you = useRoomStore((state) => state.you);
  const isSpectator = useRoomStore(selectIsSpectator);
  const isHost = useRoomStore(selectIsHost);
  if (!snapshot) return null;

  const players = [...snapshot.players].sort((a, b) => seatOrder(a.seat) - seatOrder(b.seat));
  const taken = (seatId: string) => snapshot.players.filter((player) => player.seat === seatId).length;
  // Mirrors what the server allows late joiners: open seats, or a seat someone left empty.
  const lateSeats =
    !isSpectator && me && me.seat === null && snapshot.phase === 'playing'
      ? snapshot.seats.filter((seat) => (seat.joinMidGame || taken(seat.id) < seat.min) && taken(seat.id) < seat.max)
      : [];

  return (
    <section className="card" aria-labelledby="players-heading">
      <h2 id="players-heading">Players</h2>
      <ul className="plain-list player-list">
        {players.map((player) => {
          const team = parseSeat(player.seat)?.team;
          return (
            <li key={player.id} className={team ? `player-row player-${team}` : 'player-row'}>
              <PlayerName player={player} isYou={player.id === you} isHost={player.id === snapshot.hostId} />
              <span className="player-seat">{player.seat ? seatLabel(player.seat) : 'No seat'}</span>
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
      {lateSeats.length > 0 && (
        <div className="button-row">
          {lateSeats.map((seat) => (
            <SeatJoinButton
              key={seat.id}
              seat={seat}
              full={false}
            />
          ))}
        </div>
      )}
    </section>
  );
}
