'use client';

import type { SeatSpec } from '@/game/engine';
import type { Team } from '@/game/codewords/types';
import { parseSeat, TEAM_NAME } from '@/app/lib/codewords';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsSpectator, selectMe, selectSnapshot } from '@/app/lib/room-selectors';
import { HostPlayerControls } from './HostPlayerControls';
import { PlayerName } from './PlayerName';
import { LeaveSeatButton, SeatJoinButton } from './SeatJoinButton';

const ROLE_HEADING = { spymaster: 'Spymaster', operative: 'Operatives' } as const;
const ROLE_HINT = {
  spymaster: 'Sees the key and gives one-word clues.',
  operative: 'Guesses words from the clues.',
} as const;

/** One team in the lobby: its seats, who sits in each, and the buttons to sit down or get up. */
export function TeamColumn({ team }: { team: Team }) {
  const snapshot = useRoomStore(selectSnapshot);
  const me = useRoomStore(selectMe);
  const isSpectator = useRoomStore(selectIsSpectator);
  if (!snapshot) return null;

  const seats = snapshot.seats
    .filter((seat) => parseSeat(seat.id)?.team === team)
    // Spymaster first: it is the seat a team most needs.
    .sort((a, b) => Number(parseSeat(a.id)?.role === 'operative') - Number(parseSeat(b.id)?.role === 'operative'));

  return (
    <section className={`team-column team-${team}`} aria-labelledby={`team-${team}-heading`}>
      <h2 id={`team-${team}-heading`}>{TEAM_NAME[team]} team</h2>
      {seats.map((seat) => (
        <SeatBox key={seat.id} seat={seat} mySeat={me?.seat ?? null} canSit={!isSpectator && me !== null} />
      ))}
    </section>
  );
}

function SeatBox({ seat, mySeat, canSit }: { seat: SeatSpec; mySeat: string | null; canSit: boolean }) {
  const snapshot = useRoomStore(selectSnapshot);
  const you = useRoomStore((state) => state.you);
  if (!snapshot) return null;
  const role = parseSeat(seat.id)?.role ?? 'operative';
  const sitters = snapshot.players.filter((player) => player.seat === seat.id);
  const full = sitters.length >= seat.max;
  const headingId = `seat-${seat.id.replace(':', '-')}`;

  return (
    <div className="seat-box" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{ROLE_HEADING[role]}</h3>
      <p className="hint">{ROLE_HINT[role]}</p>
      {sitters.length === 0 ? (
        <p className="seat-empty">Nobody yet</p>
      ) : (
        <ul className="seat-players">
          {sitters.map((player) => (
            <li key={player.id} className="seat-player">
              <PlayerName player={player} isYou={player.id === you} isHost={player.id === snapshot.hostId} />
              <HostPlayerControls player={player} />
            </li>
          ))}
        </ul>
      )}
      {canSit && (mySeat === seat.id ? <LeaveSeatButton /> : <SeatJoinButton seat={seat} full={full} />)}
    </div>
  );
}
