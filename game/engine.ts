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

/** Who makes a move (or streams a frame): the player's public id and their seat. */
export interface Actor {
  readonly playerId: string;
  readonly seat: SeatId;
}

/**
 * Who is looking: a seated player, an unseated player, or a spectator (`seat: null`). A
 * view may depend on the player, not only the seat (a rotating drawer is a player): an
 * audience may then hold one player alone.
 */
export interface Viewer {
  readonly playerId: string;
  readonly seat: SeatId | null;
}

/** A player of the room as the game hears of them: in join order, with their seat. */
export interface RosterPlayer {
  readonly id: string;
  readonly seat: SeatId | null;
  /** Whether at least one of the player's sockets is connected. */
  readonly connected: boolean;
}

/**
 * How the roster changed: a player joined or left the room, lost or regained their last
 * connection, or took another seat (their own choice or the host's).
 */
export interface RosterChange {
  readonly type: 'joined' | 'left' | 'away' | 'back' | 'seated';
  readonly playerId: string;
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
  /** The room's players in join order, with their seats. */
  readonly players: readonly RosterPlayer[];
}

/** How a game ended. */
export interface Outcome {
  /** Winning team or seat group, or null for a draw or a game ranked by score. */
  readonly winner: string | null;
  /** Why, in a few words ("agents", "assassin", "rounds played"). */
  readonly reason: string;
  /** Players by final score, best first, for games that rank players rather than name a team. */
  readonly ranking?: readonly { readonly playerId: string; readonly score: number }[];
}

/** A message for one player alone (e.g. "you're close!"), sent only to that player's sockets. */
export interface Notice {
  readonly playerId: string;
  /** What kind of notice, for the game's UI (e.g. `close`). */
  readonly kind: string;
  /** What to show, readable as it is. */
  readonly text: string;
}

/** A move's new state with notices for single players (see {@link GameDefinition.move}). */
export class Moved<State> {
  constructor(
    readonly state: State,
    readonly notices: readonly Notice[],
  ) {}
}

/**
 * An ephemeral stream a game allows beside its versioned state (pen strokes at 30-60 Hz):
 * frames are checked and relayed to the room's other sockets, never stored or versioned.
 * What must last is committed as an ordinary move.
 */
export interface StreamSpec<State, Frame> {
  /** Validates a frame's data from the client. */
  readonly schema: z.ZodType<Frame>;
  /** Whether this player may stream now (e.g. only the current drawer). Pure, and cheap: it runs per frame. */
  allowed(state: State, by: Actor): boolean;
  /** Whether frames are binary (`Uint8Array`): then nodes sharing Redis relay them as binary too. */
  readonly binary?: boolean;
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
  /**
   * The error codes this game's functions answer, each with what it means (for docs and
   * the protocol's closed union of codes); never one of the platform's codes in game/errors.ts.
   */
  readonly errors: Readonly<Record<string, string>>;
  /** A seat every player who joins takes at once (a game where everyone plays); none by default. */
  readonly autoSeat?: SeatId;
  /**
   * Whether a player who sat in `from` during the running game may now take `to` (after
   * leaving and coming back, or by the host's hand): what a seat has seen must not play
   * for another side. Without it, a player keeps the team of the seat they held.
   */
  mayChangeSeat?(state: State, from: SeatSpec, to: SeatSpec): boolean;
  /** Settings as everyone may see them (e.g. the size of a custom word list, not its words). */
  settingsSummary(settings: Settings): Record<string, string | number | boolean | null>;
  /** The seats this game offers. */
  seats(settings: Settings): readonly SeatSpec[];
  /** Deals a new game; may refuse (e.g. a word list too short once used words are removed). */
  setup(ctx: SetupCtx<Settings, State>): Result<State>;
  /**
   * Applies one move. Pure: the same inputs always give the same output. It may return
   * {@link Moved} to send notices to single players along with the new state.
   */
  move(state: State, move: Move, by: Actor, now: number): Result<State | Moved<State>>;
  /**
   * Hears that the roster changed during a game (a late joiner gets a score line, an away
   * drawer's turn is skipped): the new state, or null when nothing changes. Pure.
   */
  roster?(state: State, change: RosterChange, players: readonly RosterPlayer[], now: number): State | null;
  /**
   * Whether the room's chat may carry this member's line while a game runs; open to all when
   * absent. A game that carries its players' lines as moves (guesses that must not leak the
   * answer) closes the room chat to those who could give it away.
   */
  chatOpen?(state: State, viewer: Viewer): boolean;
  /** The game's ephemeral stream, if it has one. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly stream?: StreamSpec<State, any>;
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
