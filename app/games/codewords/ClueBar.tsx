'use client';

import type { CodewordsView } from '@/game/codewords/types';
import { countLabel, TEAM_NAME, type SeatParts } from './display';
import { ClueForm } from './ClueForm';
import { EndTurnButton } from './EndTurnButton';
import { GameOverBanner } from './GameOverBanner';
import { RoleHint } from './RoleHint';

/**
 * The clue, large, in the playing team's colour, with the guesses left (or the clue form for
 * the spymaster whose turn it is, or the result once the game is over). Beside the board on a
 * desktop and pinned under it on a phone (codewords.css). Screen readers hear the clue from the
 * room's announcer, not from here.
 */
export function ClueBar({
  view,
  over,
  move,
  seat,
  isSpectator,
  isHost,
}: {
  view: CodewordsView;
  over: boolean;
  move: 'clue' | 'guess' | null;
  seat: SeatParts | null;
  isSpectator: boolean;
  isHost: boolean;
}) {
  const { turn } = view;
  if (over) {
    return (
      <div className="clue-bar is-over">
        <GameOverBanner view={view} isHost={isHost} />
      </div>
    );
  }
  const team = TEAM_NAME[turn.team];
  return (
    <div className={`clue-bar turn-${turn.team}${move ? ' is-yours' : ''}`}>
      {move === 'clue' ? (
        <>
          <p className="clue-hero-lead clue-form-lead">{`${team} team's turn — you are the spymaster: give your team a clue.`}</p>
          <ClueForm turn={turn.number} boardWords={view.cards.map((card) => card.word)} />
        </>
      ) : turn.phase === 'guess' && turn.clue ? (
        <div className="clue-hero-row">
          <p className="clue-hero">
            <span className="clue-hero-lead">{team} operatives are guessing: </span>
            <strong className="clue-hero-word">{turn.clue.word}</strong>{' '}
            <span className="clue-hero-count">{countLabel(turn.clue.count)}</span>
          </p>
          <p className="guesses-left">
            {turn.guessesLeft === null
              ? 'Any number of guesses'
              : `${turn.guessesLeft} ${turn.guessesLeft === 1 ? 'guess' : 'guesses'} left`}
          </p>
          {move === 'guess' && turn.guesses > 0 && <EndTurnButton turn={turn.number} />}
        </div>
      ) : (
        <p className="clue-hero is-waiting">
          <span className="clue-hero-lead">{`${team} team's turn — spymaster is thinking`}</span>
        </p>
      )}
      {move !== 'clue' && <RoleHint view={view} seat={seat} isSpectator={isSpectator} />}
    </div>
  );
}
