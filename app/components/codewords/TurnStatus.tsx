'use client';

import type { CodewordsView } from '@/game/codewords/types';
import { TEAM_NAME, TEAMS, turnSentence } from '@/app/lib/codewords';
import { Countdown } from './Countdown';

/** Agents left per team, whose turn it is (with the clue), and the turn timer. */
export function TurnStatus({ view, playing }: { view: CodewordsView; playing: boolean }) {
  const { turn } = view;
  return (
    <div className={`turn-status${playing ? ` turn-${turn.team}` : ''}`}>
      <div className="scores">
        {TEAMS.map((team) => (
          <span key={team} className={`score score-${team}`}>
            {TEAM_NAME[team]} {view.remaining[team]} left
          </span>
        ))}
      </div>
      {playing && (
        <div className="turn-line">
          <p className="turn-sentence" aria-live="polite">
            {turnSentence(view)}
          </p>
          {turn.phase === 'guess' && turn.guessesLeft !== null && (
            <span className="muted guesses-left">
              {turn.guessesLeft} {turn.guessesLeft === 1 ? 'guess' : 'guesses'} left
            </span>
          )}
          {turn.deadline !== null && <Countdown deadline={turn.deadline} turnSeconds={view.turnSeconds} />}
        </div>
      )}
    </div>
  );
}
