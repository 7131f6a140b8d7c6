/**
 * Codewords data types: the hidden server state, the moves, and the views sent to
 * each audience. Rules live in `rules.ts`, views in `view.ts`.
 */

/** The two teams. */
export type Team = 'red' | 'blue';

/** What a card is on the key. */
export type CardColor = Team | 'bystander' | 'assassin';

/** Seats of Codewords. */
export type CodewordsSeat = `${Team}:spymaster` | `${Team}:operative`;

/** A clue's number: 1-9 allows number+1 guesses; 0 and 'unlimited' allow any number. */
export type ClueCount = number | 'unlimited';

/** Host-chosen settings of a Codewords game. */
export interface CodewordsSettings {
  /** Seconds per turn, or null for no timer. */
  readonly turnSeconds: number | null;
  /** A custom word list, or null for the default list. */
  readonly customWords: readonly string[] | null;
}

/** One card as the server knows it. */
export interface Card {
  readonly word: string;
  readonly color: CardColor;
  readonly revealed: boolean;
}

/** A guess in the clue log. */
export interface LoggedGuess {
  readonly card: number;
  readonly word: string;
  /** The colour it turned out to be (always public once revealed). */
  readonly color: CardColor;
}

/** One clue and the guesses it led to; public to everyone. */
export interface ClueLogEntry {
  readonly kind: 'clue';
  readonly team: Team;
  readonly word: string;
  readonly count: ClueCount;
  readonly guesses: readonly LoggedGuess[];
  /** How the turn ended: still running, the operatives ended it, a wrong card, the timer, or the game ended. */
  readonly ended: 'running' | 'passed' | 'wrong-card' | 'timeout' | 'game-over' | 'limit';
}

/** A turn whose timer ran out before its spymaster gave a clue ("Red ran out of time"); public. */
export interface TimeoutLogEntry {
  readonly kind: 'timeout';
  readonly team: Team;
}

/** A line of the game log, oldest first: a clue with its guesses, or a turn that ran out before its clue. */
export type LogEntry = ClueLogEntry | TimeoutLogEntry;

/** The turn in progress. */
export interface TurnState {
  /** 1-based turn number, increments whenever the turn passes; stale moves name an older one. */
  readonly number: number;
  readonly team: Team;
  /** Waiting for the spymaster's clue, or for the operatives' guesses. */
  readonly phase: 'clue' | 'guess';
  readonly clue: { readonly word: string; readonly count: ClueCount } | null;
  /** Guesses made this turn. */
  readonly guesses: number;
  /** Guesses still allowed this turn, or null when unlimited. */
  readonly guessesLeft: number | null;
  /** When the turn ends by timer (server ms), or null. */
  readonly deadline: number | null;
}

/** The whole hidden state. Never sent to a client as such. */
export interface CodewordsState {
  readonly settings: CodewordsSettings;
  /** PRNG state (a mulberry32 word, game/rng.ts); randomness after setup derives from it. */
  readonly rng: number;
  readonly cards: readonly Card[];
  readonly startingTeam: Team;
  readonly turn: TurnState;
  readonly log: readonly LogEntry[];
  readonly winner: Team | null;
  readonly winReason: 'agents' | 'assassin' | null;
  /** Every word dealt in this room so far (this game included), for rematches. */
  readonly usedWords: readonly string[];
}

/** Moves. `turn` (optional) names the turn the player saw; a different one is rejected as stale. */
export type CodewordsMove =
  | { readonly type: 'clue'; readonly word: string; readonly count: ClueCount; readonly turn?: number }
  | { readonly type: 'guess'; readonly card: number; readonly turn?: number }
  | { readonly type: 'endTurn'; readonly turn?: number };

/** A card as an audience sees it: `color` is null unless this audience may know it. */
export interface CardView {
  readonly word: string;
  readonly revealed: boolean;
  readonly color: CardColor | null;
}

/** What one audience sees of a game. */
export interface CodewordsView {
  /** Which audience this view was made for ("public" or "spymaster"). */
  readonly audience: string;
  readonly cards: readonly CardView[];
  readonly startingTeam: Team;
  readonly turn: TurnState;
  /** Agents of each team still hidden. */
  readonly remaining: { readonly red: number; readonly blue: number };
  readonly log: readonly LogEntry[];
  readonly winner: Team | null;
  readonly winReason: 'agents' | 'assassin' | null;
  readonly turnSeconds: number | null;
}
