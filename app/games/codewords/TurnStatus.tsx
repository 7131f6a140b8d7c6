'use client';

import { TEAMS } from '@/game/codewords/seats';
import type { CodewordsView } from '@/game/codewords/types';
import { Countdown } from '@/app/components/room/Countdown';
import { CardIcon } from './CardIcon';
import { TEAM_NAME, turnSentence } from './display';

/**
 * Agents left per team, whose turn it is (with the clue), and the turn timer. The turn line
 * slides in afresh at each turn and clue (keyed on them); "Your turn" marks the viewer's move.
 * Screen readers hear these changes from the room's announcer, not from here.
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
  const classes = ['turn-status'];
  if (playing) classes.push(`turn-${turn.team}`);
  if (yourMove) classes.push('is-yours');
  return (
    <div className={classes.join(' ')}>
      <div className="scores">
        {TEAMS.map((team) => (
          <span key={team} className={`score score-${team}`}>
            <CardIcon color={team} className="score-icon" />
            {TEAM_NAME[team]} {view.remaining[team]} left
          </span>
        ))}
      </div>
      {playing && (
        <div className="turn-line" key={`${turn.number}:${turn.phase}`}>
          <p className="turn-sentence">{turnSentence(view)}</p>
          {yourMove && <span className="your-turn">Your turn</span>}
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
