'use client';

import { TEAMS } from '@/game/codewords/seats';
import type { CodewordsView } from '@/game/codewords/types';
import { Countdown } from '@/app/components/room/Countdown';
import { CardIcon } from './CardIcon';
import { TEAM_NAME } from './display';

/**
 * Agents left per team, "Your turn" when it is the viewer's move, and the turn timer as a
 * bar in the playing team's colour. The clue itself is the clue bar's (ClueBar).
 */
export function TurnStatus({
  view,
  playing,
  yourMove,
}: {
  view: CodewordsView;
  playing: boolean;
  yourMove: boolean;
}) {
  const { turn } = view;
  return (
    <div className="turn-status">
      <div className="scores">
        {TEAMS.map((team) => (
          <span key={team} className={`score score-${team}${playing && turn.team === team ? ' is-playing' : ''}`}>
            <CardIcon color={team} className="score-icon" />
            {TEAM_NAME[team]} {view.remaining[team]} left
          </span>
        ))}
      </div>
      {playing && yourMove && (
        <span className="your-turn" key={`${turn.number}:${turn.phase}`}>
          Your turn
        </span>
      )}
      {playing && turn.deadline !== null && <Countdown deadline={turn.deadline} turnSeconds={view.turnSeconds} />}
    </div>
  );
}
