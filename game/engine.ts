import type { z } from 'zod';
import type { Result } from './errors';

/**
 * The contract every Parlor game implements: a plain object of pure functions.
 * The server owns time, randomness, seats and IO; a game only says what a move does
 * to its state and what each audience may see of it.
 */

/** A seat id such as `red:spymaster`. Several players may share a seat kind when `max > 1`. */
export type SeatId = string;

/** One kind of seat in a game: who may sit there and how many. */
export interface SeatSpec {
  readonly id: SeatId;
  /** Human label, e.g. "Red spymaster". */
  readonly label: string;
  /** Team the seat belongs to, when the game has teams. */
  readonly team?: string;
  /** Seats needed to start the game. */
  readonly min: number;
  /** Most players this seat takes. */
  readonly max: number;
  /** Whether a player may take this seat while a game is running (late joiners). */
  readonly joinMidGame: boolean;
}

/** Who makes a move: the player's public id and their seat. */
export interface Actor {
  readonly playerId: string;
  readonly seat: SeatId;
}

/** Who is looking: a seated player, an unseated player, or a spectator (`seat: null`). */
export interface Viewer {
  readonly seat: SeatId | null;
}

/** Everything a game needs to deal a new game. */
export interface SetupCtx<Settings, State> {
  readonly settings: Settings;
  /** A 32-bit seed from the server; all randomness of the game derives from it. */
  readonly seed: number;
  /** Server time in ms when the game starts. */
  readonly now: number;
  /** The previous game's final state in this room, for rematches (e.g. not reusing words). */
  readonly previous: State | null;
}

/** How a game ended. */
export interface Outcome {
  /** Winning team or seat group, or null for a draw. */
  readonly winner: string | null;
  /** Why, in a few words ("agents", "assassin"). */
  readonly reason: string;
}

/** A view an audience was given, with the state it was made from (see {@link GameDefinition.view}). */
export interface PreviousView<State, View> {
  readonly state: State;
  readonly view: View;
}

/** A game module. `State` never leaves the server; `View` is what is sent to an audience. */
export interface GameDefinition<State, Move, View, Settings> {
  readonly id: string;
  readonly name: string;
  /** Validates game settings from the client (the host's lobby form). */
  readonly settingsSchema: z.ZodType<Settings>;
  readonly defaultSettings: Settings;
  /** Validates a move payload from the client. */
  readonly moveSchema: z.ZodType<Move>;
  /** Settings as everyone may see them (e.g. the size of a custom word list, not its words). */
  settingsSummary(settings: Settings): Record<string, string | number | boolean | null>;
  /** The seats this game offers. */
  seats(settings: Settings): readonly SeatSpec[];
  /** Deals a new game; may refuse (e.g. a word list too short once used words are removed). */
  setup(ctx: SetupCtx<Settings, State>): Result<State>;
  /** Applies one move. Pure: the same inputs always give the same output. */
  move(state: State, move: Move, by: Actor, now: number): Result<State>;
  /** The next moment `tick` has something to do (a turn deadline), or null. */
  deadline(state: State): number | null;
  /** Advances time: returns the new state when a deadline has passed, else null. */
  tick(state: State, now: number): State | null;
  /** The key of the view this viewer gets; viewers with the same key see the same thing. */
  audience(state: State, viewer: Viewer): string;
  /**
   * What an audience may see. Must never hold anything hidden from that audience.
   * `previous` is the view this audience was last given and the state it was made from:
   * views are immutable, so a game may reuse the parts whose state did not change (the
   * server then diffs them in one comparison) instead of building the whole view again.
   */
  view(state: State, audience: string, previous?: PreviousView<State, View>): View;
  /** The result once the game is over, else null. */
  outcome(state: State): Outcome | null;
}

/** A game definition with its type parameters erased, for the generic server. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyGameDefinition = GameDefinition<any, any, any, any>;

/** The audience key of everyone who may see only public information. */
export const PUBLIC_AUDIENCE = 'public';
