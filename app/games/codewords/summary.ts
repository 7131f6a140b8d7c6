import { isClue } from '@/game/codewords/log';
import type { ClueCount, CodewordsView, Team } from '@/game/codewords/types';

/** What one team did in a game, from the log. */
export interface TeamSummary {
  /** Their own agents they turned over. */
  readonly found: number;
  /** Their agents on the board (found by anyone or not). */
  readonly agents: number;
  /** Clues their spymaster gave. */
  readonly clues: number;
  /** Cards they turned that were not theirs (bystanders, the other team's agents, the assassin). */
  readonly misses: number;
  /** Turns they ran out of time in, before or after the clue. */
  readonly timeouts: number;
}

/** The clue that led to the most of its team's own agents. */
export interface BestClue {
  readonly team: Team;
  readonly word: string;
  readonly count: ClueCount;
  readonly found: number;
}

/** A finished game in numbers: per team, the turns played and the best clue. */
export interface GameSummary {
  readonly teams: Readonly<Record<Team, TeamSummary>>;
  /** Turns played, the last one included. */
  readonly turns: number;
  /** Null when no clue found an agent of its team. */
  readonly bestClue: BestClue | null;
}

/**
 * The summary of a game from its view. Pure: the log says who turned which card after which
 * clue; the turn number counts the turns (the log keeps the latest 200 lines only, a bound no
 * game of 25 cards reaches through its clues). The first of equally good clues wins.
 */
export function gameSummary(view: Pick<CodewordsView, 'log' | 'cards' | 'turn'>): GameSummary {
  const counts = (team: Team) => ({
    found: 0,
    agents: view.cards.filter((card) => card.color === team).length,
    clues: 0,
    misses: 0,
    timeouts: 0,
  });
  const teams: Record<Team, { -readonly [K in keyof TeamSummary]: number }> = { red: counts('red'), blue: counts('blue') };
  let bestClue: BestClue | null = null;
  for (const entry of view.log) {
    const team = teams[entry.team];
    if (!isClue(entry)) {
      team.timeouts++;
      continue;
    }
    team.clues++;
    if (entry.ended === 'timeout') team.timeouts++;
    const found = entry.guesses.filter((guess) => guess.color === entry.team).length;
    team.found += found;
    team.misses += entry.guesses.length - found;
    if (found > 0 && found > (bestClue?.found ?? 0)) bestClue = { team: entry.team, word: entry.word, count: entry.count, found };
  }
  return { teams, turns: view.turn.number, bestClue };
}
