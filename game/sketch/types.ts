/**
 * Sketch data types: the hidden server state, the moves, and the views sent to each
 * audience. The turn flow lives in `flow.ts`, the moves in `rules.ts`, views in `view.ts`.
 *
 * Parts of the state that every audience may see whole (the public turn, the drawing,
 * each line, the score lines, the gallery) are separate objects so that views share them
 * by identity instead of copying them (docs/performance.md#hot-path-idioms); hidden parts
 * (the word, the choices, the hint plan, the PRNG, the custom list) sit beside them.
 */

/** Difficulty tiers of the default word list. */
export type Tier = 'easy' | 'medium' | 'hard';

/** Host-chosen settings of a Sketch game. */
export interface SketchSettings {
  /** Rounds: every player draws once per round (1-10). */
  readonly rounds: number;
  /** Seconds to draw (30-240). */
  readonly drawSeconds: number;
  /** Words the drawer chooses from (1-5). */
  readonly choices: number;
  /** Letters revealed over the draw time (0-5; never more than half the word). */
  readonly hints: number;
  /** Most players in the game (2-20); more may watch. */
  readonly maxPlayers: number;
  /** A custom word list (normalized, distinct), or null for the default list alone. */
  readonly customWords: readonly string[] | null;
  /** With a custom list: only its words (true), or mixed with the default list (false). */
  readonly customOnly: boolean;
  /** How often each tier of the default list is offered (weights 0-10). */
  readonly tiers: { readonly easy: number; readonly medium: number; readonly hard: number };
}

/** A finished stroke: palette index, width index, flat integer x,y pairs on the virtual canvas. */
export interface StrokeOp {
  readonly type: 'stroke';
  /** The client's id of the stroke (ties the committed stroke to its streamed frames), or absent. */
  readonly s?: number;
  /** Palette index. */
  readonly c: number;
  /** Width index (clamped into {@link WIDTHS}). */
  readonly w: number;
  /** x0, y0, x1, y1, ... integers within the canvas. */
  readonly p: readonly number[];
}

/** A flood fill at a point with a palette colour (run by each browser, deterministically). */
export interface FillOp {
  readonly type: 'fill';
  readonly c: number;
  readonly x: number;
  readonly y: number;
}

/** One operation of the drawing, in the order it was committed. */
export type DrawOp = StrokeOp | FillOp;

/** Who may see a line: everyone, or only the drawer and the players who guessed the word this turn. */
export type LineAudience = 'public' | 'guessed';

/** A line of the game's chat: a message (or wrong guess), or "X guessed the word". */
export interface Line {
  readonly id: number;
  /** The turn it was said in. A `guessed` line is seen only during that turn (and its pause). */
  readonly turn: number;
  readonly by: string;
  /** `chat`: a message or a wrong guess; `guessed`: the player guessed the word (the guess itself is never shown). */
  readonly kind: 'chat' | 'guessed';
  /** The cleaned text; empty for `guessed`. */
  readonly text: string;
  readonly to: LineAudience;
}

/** A player of the game and their score line, in join order. */
export interface PlayerLine {
  readonly id: string;
  /** Order of first joining the game: the draw order (stable when a player leaves and comes back). */
  readonly seq: number;
  readonly score: number;
  /** No socket connected: skipped as drawer, not waited for as a guesser. */
  readonly away: boolean;
  /** Left the room (or lost the seat): out of the draw order and the ranking, score kept if they come back. */
  readonly left: boolean;
}

/** Phases of a turn; the game is `over` after the last turn. */
export type TurnPhase = 'choosing' | 'drawing' | 'pause';
export type SketchPhase = TurnPhase | 'over';

/** How a turn ended. */
/**
 * How a turn ended: everyone here guessed, the time ran out, the drawer left or stayed away,
 * too few players were left; `skipped`: the drawer was away when their turn came (no turn).
 */
export type TurnEnd = 'guessed' | 'time' | 'drawer-left' | 'drawer-away' | 'players-left' | 'skipped';

/** Points one player won in one turn. */
export interface TurnPoints {
  readonly id: string;
  readonly points: number;
}

/** What a finished turn gave: public once it ended (the word is shown to all). */
export interface TurnResult {
  /** The turn's number; null for a skipped drawer (no turn was played). */
  readonly turn: number | null;
  readonly round: number;
  readonly drawer: string;
  /** The word, or null when the drawer was skipped before choosing one. */
  readonly word: string | null;
  readonly reason: TurnEnd;
  /** Points won in this turn (guessers in guessing order, then the drawer); only non-zero entries. */
  readonly points: readonly TurnPoints[];
}

/** What every audience may see of the turn. */
export interface PublicTurn {
  /** 1-based; grows with every turn (skips do not make turns). */
  readonly number: number;
  readonly round: number;
  readonly drawer: string;
  readonly phase: TurnPhase;
  /** When the phase ends (server ms): the choice timer, the draw timer, or the pause. */
  readonly endsAt: number;
  /**
   * The word's shape once chosen: one cell per character, null for a letter still hidden,
   * else the character (a space, a hyphen, an apostrophe, or a letter revealed as a hint).
   */
  readonly mask: readonly (string | null)[] | null;
  /** Players who guessed the word this turn, in order. */
  readonly guessed: readonly string[];
  /** Set once the turn ended (the pause, and after the last turn). */
  readonly result: TurnResult | null;
}

/** The turn as the server knows it. */
export interface TurnState {
  readonly pub: PublicTurn;
  /** Hidden: the word the drawer chose (null while choosing). */
  readonly word: string | null;
  /** Hidden: the word's match key (text.ts), made once per turn rather than per guess. */
  readonly wordKey: string;
  /** Hidden: the words offered to the drawer. */
  readonly choices: readonly string[];
  /** Hidden: the mask positions revealed as hints, in order; `hintsShown` of them are in the mask. */
  readonly hintPlan: readonly number[];
  readonly hintsShown: number;
  /** When drawing started (hint times count from here), or null. */
  readonly drawStart: number | null;
  /** Points each guesser won, in guessing order. */
  readonly points: readonly TurnPoints[];
  /** When the away drawer's turn is skipped unless they come back, or null. */
  readonly drawerAwayUntil: number | null;
}

/** A finished drawing kept for the end-of-game gallery. */
export interface GalleryEntry {
  readonly turn: number;
  readonly drawer: string;
  readonly word: string;
  readonly ops: readonly DrawOp[];
}

/** The whole hidden state. Never sent to a client as such. */
export interface SketchState {
  readonly settings: SketchSettings;
  /** PRNG state (game/rng.ts); randomness after setup derives from it. */
  readonly rng: number;
  readonly phase: SketchPhase;
  /** Why the game ended, once over. */
  readonly endReason: 'rounds played' | 'too few players' | null;
  readonly players: readonly PlayerLine[];
  readonly nextSeq: number;
  readonly round: number;
  /** Players who drew (or were skipped) in this round: nobody draws twice in a round. */
  readonly drawnThisRound: readonly string[];
  /** `seq` of the last player the round's order reached (-1 at the start of a round). */
  readonly cursor: number;
  readonly turn: TurnState;
  /** The current turn's drawing. */
  readonly drawing: readonly DrawOp[];
  /** Operations committed this turn (undone ones included), against {@link MAX_OPS_PER_TURN}. */
  readonly opsThisTurn: number;
  /** Coordinates (2 per point) in `drawing`, against the drawing's size bound. */
  readonly drawingSize: number;
  readonly lines: readonly Line[];
  readonly nextLineId: number;
  /** Every turn's result (skips included), oldest first. */
  readonly history: readonly TurnResult[];
  readonly gallery: readonly GalleryEntry[];
  /** Match keys (text.ts) of the words played in this room's games, this one included, most recent last: not offered again while others are left. */
  readonly usedWords: readonly string[];
}

/** Moves. `turn` (optional) names the turn the player saw; another one is refused as stale. */
export type SketchMove =
  | { readonly type: 'choose'; readonly index: number; readonly turn?: number }
  | { readonly type: 'say'; readonly text: string; readonly turn?: number }
  | { readonly type: 'stroke'; readonly c: number; readonly w: number; readonly p: readonly number[]; readonly s?: number; readonly turn?: number }
  | { readonly type: 'fill'; readonly c: number; readonly x: number; readonly y: number; readonly turn?: number }
  | { readonly type: 'undo'; readonly turn?: number }
  | { readonly type: 'clear'; readonly turn?: number };

/** What a viewer is in the current turn. */
export type SketchRole = 'drawer' | 'guessed' | 'guesser';

/** What one audience sees of a game. */
export interface SketchView {
  /** The audience this view was made for (`public`, `guessed` or `drawer:<playerId>`). */
  readonly audience: string;
  readonly role: SketchRole;
  readonly phase: SketchPhase;
  readonly round: number;
  readonly rounds: number;
  readonly drawSeconds: number;
  readonly turn: PublicTurn;
  /** The word: the drawer's and the guessers' who got it; everyone's once the turn ended. */
  readonly word: string | null;
  /** The words to choose from: the drawer's, while choosing. */
  readonly choices: readonly string[] | null;
  readonly drawing: readonly DrawOp[];
  readonly lines: readonly Line[];
  readonly players: readonly PlayerLine[];
  /** Once the game is over: each turn's result, and the kept drawings. */
  readonly history: readonly TurnResult[] | null;
  readonly gallery: readonly GalleryEntry[] | null;
  readonly endReason: SketchState['endReason'];
}
