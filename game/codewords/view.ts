import { PUBLIC_AUDIENCE, type PreviousView, type Viewer } from '../engine';
import { agentsLeft } from './rules';
import { parseSeat } from './seats';
import type { Card, CardView, CodewordsState, CodewordsView, TurnState } from './types';

/**
 * What each audience sees. There are two keys while a game runs: `public` (operatives,
 * unseated players, spectators) and `spymaster`. Both spymasters see the whole key, as in
 * the table game, so they share one audience: one view, one diff and one encoding per
 * change for both. Once the game is over the public view shows the whole key too; the
 * spymasters keep their own audience all the same, so the end and the rematch reach them
 * as a patch to their audience, not as a whole snapshot to each of them.
 *
 * Views are built field by field from the state (never by spreading it) so that hidden
 * fields (rng, usedWords, settings.customWords) cannot slip in when the state grows; only
 * parts that are wholly public are shared as they are (see below).
 */

/** Audience key of both spymasters while the game runs. */
export const SPYMASTER_AUDIENCE = 'spymaster';

/** The audience key of a viewer: the spymasters' key for a spymaster's seat, else `public`. */
export function audience(_state: CodewordsState, viewer: Pick<Viewer, 'seat'>): string {
  const seat = parseSeat(viewer.seat);
  return seat?.role === 'spymaster' ? SPYMASTER_AUDIENCE : PUBLIC_AUDIENCE;
}

/** Whether an audience may see the colours of unrevealed cards. Unknown keys may not. */
export function seesKey(state: CodewordsState, audienceKey: string): boolean {
  return state.winner !== null || audienceKey === SPYMASTER_AUDIENCE;
}

/*
 * Public parts of the state are shared with the views, not copied: a revealed card (or the
 * whole list of cards, for an audience that holds the key), every clue-log line and the
 * running turn are wholly public, so the view holds the state's own objects, and a guess
 * allocates one card and one log line for all audiences (docs/performance.md#hot-path-idioms).
 * The test "shares only wholly public objects" in view.test.ts lists the fields of each shared
 * type and fails if one grows, so a hidden field cannot slip into a view unnoticed.
 */

/** A card as seen without the key: a revealed card shows its colour to all. */
function cardView(card: Card): CardView {
  return card.revealed ? card : { word: card.word, revealed: false, color: null };
}

/** The turn as everyone sees it; the deadline only while the game runs. */
function turnView(t: TurnState, running: boolean): TurnState {
  return running || t.deadline === null ? t : { ...t, deadline: null };
}

/**
 * `items` seen through `see`, reusing the previous list's view of every item that is the
 * same object as before at the same place (states are immutable: a move replaces only
 * what it changes), and the whole previous list when nothing changed.
 */
function reuse<T, V>(items: readonly T[], before: readonly T[] | undefined, seen: readonly V[] | undefined, see: (item: T) => V): readonly V[] {
  if (before === items && seen) return seen;
  return items.map((item, i) => (before?.[i] === item && seen?.[i] !== undefined ? seen[i]! : see(item)));
}

/**
 * The game as an audience may see it. Parts whose state is the same object as in
 * `previous` keep their previous view (see {@link GameDefinition.view}): a guess builds one
 * card, the turn and the last log line, and the server's diff skips the rest by identity.
 */
export function view(state: CodewordsState, audienceKey: string, previous?: PreviousView<CodewordsState, CodewordsView>): CodewordsView {
  const key = seesKey(state, audienceKey);
  const running = state.winner === null;
  // Reusable only if made for this audience, with the same sight of the key, in the same phase of play.
  const before =
    previous?.view.audience === audienceKey && seesKey(previous.state, audienceKey) === key && (previous.state.winner === null) === running
      ? previous
      : undefined;
  const sameCards = before?.state.cards === state.cards;
  return {
    audience: audienceKey,
    // An audience that holds the key sees every card as it is: the state's own list.
    cards: key ? state.cards : reuse(state.cards, before?.state.cards, before?.view.cards, cardView),
    startingTeam: state.startingTeam,
    turn: before?.state.turn === state.turn ? before.view.turn : turnView(state.turn, running),
    // Public: the number of hidden agents is printed on the table in the real game.
    remaining: sameCards && before ? before.view.remaining : { red: agentsLeft(state.cards, 'red'), blue: agentsLeft(state.cards, 'blue') },
    // Every logged guess was revealed, so the whole log is public: the state's own lines.
    log: state.log,
    winner: state.winner,
    winReason: state.winReason,
    turnSeconds: state.settings.turnSeconds,
  };
}
