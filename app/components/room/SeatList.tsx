'use client';

import type { SeatSpec } from '@/game/engine';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectSnapshot } from '@/app/lib/room-selectors';
import { SeatBox } from './SeatBox';

/** "3 of 8", and how many the game needs while there are fewer. */
function seatCount(seat: SeatSpec, taken: number): string {
  const count = `${taken} of ${seat.max}`;
  return taken < seat.min ? `${count} · needs ${seat.min} to start` : count;
}

/**
 * The lobby's seats for a game with no layout of its own: every seat of the room, with or
 * without a team, in the game's order. With one seat (a game where everyone plays, whose
 * players the server seats as they join) it reads as the list of players.
 */
export function SeatList() {
  const snapshot = useRoomStore(selectSnapshot);
  if (!snapshot) return null;
  const single = snapshot.seats.length === 1;
  const taken = (seat: SeatSpec) => snapshot.players.filter((player) => player.seat === seat.id).length;

  return (
    <section className="card seat-list" aria-labelledby="seats-heading">
      <h2 id="seats-heading">{single ? 'Players' : 'Seats'}</h2>
      <div className="seat-list-boxes">
        {snapshot.seats.map((seat) => (
          <SeatBox key={seat.id} seat={seat} heading={single ? null : seat.label} hint={seatCount(seat, taken(seat))} />
        ))}
      </div>
    </section>
  );
}
