'use client';

import { parseSeat, TEAMS } from '@/game/codewords/seats';
import type { Team } from '@/game/codewords/types';
import { SeatBox } from '@/app/components/room/SeatBox';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost, selectSnapshot } from '@/app/lib/room-selectors';
import { TEAM_NAME } from './display';
import { RandomTeamsButton } from './RandomTeamsButton';

const ROLE_HEADING = { spymaster: 'Spymaster', operative: 'Operatives' } as const;
const ROLE_HINT = {
  spymaster: 'Sees the key and gives one-word clues.',
  operative: 'Guesses words from the clues.',
} as const;

/** One team in the lobby: its seats, spymaster first, with who sits in each. */
function TeamColumn({ team }: { team: Team }) {
  const snapshot = useRoomStore(selectSnapshot);
  if (!snapshot) return null;

  const seats = snapshot.seats
    .filter((seat) => parseSeat(seat.id)?.team === team)
    // Spymaster first: it is the seat a team most needs.
    .sort((a, b) => Number(parseSeat(a.id)?.role === 'operative') - Number(parseSeat(b.id)?.role === 'operative'));

  return (
    <section className={`team-column team-${team}`} aria-labelledby={`team-${team}-heading`}>
      <h2 id={`team-${team}-heading`}>{TEAM_NAME[team]} team</h2>
      {seats.map((seat) => {
        const role = parseSeat(seat.id)?.role ?? 'operative';
        return <SeatBox key={seat.id} seat={seat} heading={ROLE_HEADING[role]} hint={ROLE_HINT[role]} />;
      })}
    </section>
  );
}

/** The Codewords lobby's seats: a column per team, and for the host a way to deal random teams. */
export function TeamSeats() {
  const isHost = useRoomStore(selectIsHost);
  return (
    <div className="lobby-seats">
      {isHost && (
        <div className="lobby-seats-tools">
          <RandomTeamsButton />
        </div>
      )}
      <div className="lobby-teams">
        {TEAMS.map((team) => (
          <TeamColumn key={team} team={team} />
        ))}
      </div>
    </div>
  );
}
