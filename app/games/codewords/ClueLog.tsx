'use client';

import { isClue } from '@/game/codewords/log';
import type { ClueLogEntry, LogEntry, Team } from '@/game/codewords/types';
import { CardIcon } from './CardIcon';
import { colorName, countLabel, TEAM_NAME } from './display';

const ENDED: Record<ClueLogEntry['ended'], string> = {
  running: 'guessing…',
  passed: 'ended their turn',
  'wrong-card': 'wrong card',
  timeout: 'out of time',
  'game-over': '',
  limit: 'no guesses left',
};

function TimeoutLine({ team }: { team: Team }) {
  return (
    <li className={`log-entry log-${team} log-timeout`}>
      <p className="log-clue">
        <span className="log-team">{TEAM_NAME[team]}</span> ran out of time
      </p>
    </li>
  );
}

function ClueLine({ entry }: { entry: ClueLogEntry }) {
  return (
    <li className={`log-entry log-${entry.team}`}>
      <p className="log-clue">
        <span className="log-team">{TEAM_NAME[entry.team]}</span>{' '}
        <strong className="log-word">{entry.word}</strong> <span className="log-count">{countLabel(entry.count)}</span>
        {ENDED[entry.ended] && <span className="log-ended"> · {ENDED[entry.ended]}</span>}
      </p>
      {entry.guesses.length > 0 && (
        <ul className="log-guesses">
          {entry.guesses.map((guess) => (
            <li key={guess.card} className={`chip color-${guess.color}`}>
              <CardIcon color={guess.color} className="chip-icon" />
              {guess.word}
              <span className="visually-hidden">, {colorName(guess.color)}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Every clue so far with the guesses it led to, and the turns that ran out before their clue, oldest first. */
export function ClueLog({ log }: { log: readonly LogEntry[] }) {
  return (
    <section className="card clue-log" aria-labelledby="clue-log-heading">
      <h2 id="clue-log-heading">Game log</h2>
      {log.length === 0 ? (
        <p className="muted">No clues yet.</p>
      ) : (
        <ol className="plain-list">
          {log.map((entry, index) =>
            isClue(entry) ? <ClueLine key={index} entry={entry} /> : <TimeoutLine key={index} team={entry.team} />,
          )}
        </ol>
      )}
    </section>
  );
}
