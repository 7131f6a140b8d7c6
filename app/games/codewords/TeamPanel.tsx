'use client';

import type { PlayerView } from '@/game/protocol';
import { parseSeat } from '@/game/codewords/seats';
import type { CodewordsView, Team } from '@/game/codewords/types';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectSnapshot } from '@/app/lib/room-selectors';
import { initials, TEAM_NAME } from './display';

function Member({ player, role }: { player: PlayerView; role: string }) {
  return (
    <li className={`team-member${player.connected ? '' : ' is-away'}`}>
      <span className="avatar" aria-hidden="true">
        {initials(player.nickname)}
      </span>
      <span className="team-member-text">
        <span className="team-member-name">{player.nickname}</span>
        <span className="team-member-role">
          {role}
          {player.connected ? '' : ' · away'}
        </span>
      </span>
    </li>
  );
}

/**
 * A team beside the board: its players with their initials, spymaster first; the team whose
 * turn it is stands out. Shown on wide screens only (codewords.css): a
 * phone's screen is the board's, and the players list below it names everyone.
 */
export function TeamPanel({ team, view, playing }: { team: Team; view: CodewordsView; playing: boolean }) {
  const snapshot = useRoomStore(selectSnapshot);
  const members = (snapshot?.players ?? [])
    .map((player) => ({ player, seat: parseSeat(player.seat) }))
    .filter(({ seat }) => seat?.team === team)
    .sort((a, b) => Number(a.seat?.role === 'operative') - Number(b.seat?.role === 'operative'));
  const active = playing && view.turn.team === team;

  return (
    <section className={`team-panel team-panel-${team}${active ? ' is-active' : ''}`} aria-labelledby={`team-panel-${team}`}>
      <h2 id={`team-panel-${team}`} className="team-panel-heading">
        {TEAM_NAME[team]} team
      </h2>
      <ul className="team-members">
        {members.map(({ player, seat }) => (
          <Member key={player.id} player={player} role={seat?.role === 'spymaster' ? 'Spymaster' : 'Operative'} />
        ))}
      </ul>
    </section>
  );
}
