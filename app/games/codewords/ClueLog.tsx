'use client';

import { Fragment } from 'react';
import type { ClueLogEntry, Team } from '@/game/codewords/types';
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

/** A turn that ran out before its clue (the rules log clues only), placed after the log's first `afterEntries` entries. */
export interface Timeout {
  readonly afterEntries: number;
  readonly team: Team;
}

function TimeoutLine({ team }: { team: Team }) {
  return (
    <li className={`log-entry log-${team} log-timeout`}>
      <p className="log-clue">
        <span className="log-team">{TEAM_NAME[team]}</span> ran out of time
      </p>
    </li>
  );
}

/** Every clue so far with the guesses it led to, oldest first, and the turns that ran out before a clue. */
export function ClueLog({ log, timeouts = [] }: { log: readonly ClueLogEntry[]; timeouts?: readonly Timeout[] }) {
  const before = (count: number) =>
    timeouts.filter((t) => t.afterEntries === count).map((t, i) => <TimeoutLine key={`t${count}:${i}`} team={t.team} />);
  return (
    <section className="card clue-log" aria-labelledby="clue-log-heading">
      <h2 id="clue-log-heading">Game log</h2>
      {log.length === 0 && timeouts.length === 0 ? (
        <p className="muted">No clues yet.</p>
      ) : (
        <ol className="plain-list">
          {before(0)}
          {log.map((entry, index) => (
            <Fragment key={index}>
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
              {before(index + 1)}
            </Fragment>
          ))}
        </ol>
      )}
    </section>
  );
}
