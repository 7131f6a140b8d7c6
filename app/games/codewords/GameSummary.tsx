'use client';

import { TEAMS } from '@/game/codewords/seats';
import type { CodewordsView } from '@/game/codewords/types';
import { countLabel, TEAM_NAME } from './display';
import { gameSummary } from './summary';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The finished game in numbers: agents found per team, turns, and the clue that found the most. */
export function GameSummary({ view }: { view: CodewordsView }) {
  const summary = gameSummary(view);
  return (
    <section className="game-summary" aria-labelledby="game-summary-heading">
      <h3 id="game-summary-heading" className="visually-hidden">
        Game summary
      </h3>
      <dl>
        {TEAMS.map((team) => {
          const t = summary.teams[team];
          return (
            <div key={team} className={`summary-row summary-${team}`}>
              <dt>{TEAM_NAME[team]}</dt>
              <dd>
                <strong>
                  {t.found} of {t.agents}
                </strong>{' '}
                agents found · {plural(t.clues, 'clue', 'clues')} · {plural(t.misses, 'miss', 'misses')}
                {t.timeouts > 0 && ` · ${plural(t.timeouts, 'timeout', 'timeouts')}`}
              </dd>
            </div>
          );
        })}
        <div className="summary-row">
          <dt>Turns</dt>
          <dd>{summary.turns}</dd>
        </div>
        <div className="summary-row">
          <dt>Best clue</dt>
          <dd>
            {summary.bestClue ? (
              <>
                <strong className="summary-clue">
                  {summary.bestClue.word} {countLabel(summary.bestClue.count)}
                </strong>{' '}
                ({TEAM_NAME[summary.bestClue.team]}, {plural(summary.bestClue.found, 'agent', 'agents')})
              </>
            ) : (
              'No clue found an agent'
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
