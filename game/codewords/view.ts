import { PUBLIC_AUDIENCE, type Viewer } from '../engine';
import { agentsLeft } from './rules';
import { parseSeat } from './seats';
import type { Card, CardView, ClueLogEntry, CodewordsState, CodewordsView, TurnState } from './types';

/**
 * What each audience sees. There are two keys while a game runs: `public` (operatives,
 * unseated players, spectators) and `spymaster`. Both spymasters see the whole key, as in
 * the table game, so they share one audience: one view, one diff and one encoding per
 * change for both. Once the game is over everyone is `public` and the public view shows
 * the whole key.
 *
 * Views are built field by field from the state (never by spreading it) so that hidden
 * fields (rng, usedWords, settings.customWords) cannot slip in when the state grows.
 */

/** Audience key of both spymasters while the game runs. */
export const SPYMASTER_AUDIENCE = 'spymaster';

/** The audience key of a viewer: a spymaster's key while the game runs, else `public`. */
export function audience(state: CodewordsState, viewer: Viewer): string {
  if (state.winner !== null) return PUBLIC_AUDIENCE;
  const seat = parseSeat(viewer.seat);
  return seat?.role === 'spymaster' ? SPYMASTER_AUDIENCE : PUBLIC_AUDIENCE;
}

/** Whether an audience may see the colours of unrevealed cards. Unknown keys may not. */
export function seesKey(state: CodewordsState, audienceKey: string): boolean {
  return state.winner !== null || audienceKey === SPYMASTER_AUDIENCE;
}

/*
 * States are immutable and a move replaces only what it changes, so the view of a card or
 * a log entry is kept per state object: an unchanged card keeps the same view object from
 * one version to the next. That spares building 25 cards per audience per move, and lets
 * the server's diff (game/patch.ts) skip unchanged parts by identity. Views are read-only.
 */
const hiddenViews = new WeakMap<Card, CardView>();
const knownViews = new WeakMap<Card, CardView>();
const logViews = new WeakMap<ClueLogEntry, ClueLogEntry>();

/** A card as seen with (`key`) or without the key; a revealed card shows its colour to all. */
function cardView(card: Card, key: boolean): CardView {
  const known = card.revealed || key;
  const views = known ? knownViews : hiddenViews;
  let v = views.get(card);
  if (!v) {
    v = { word: card.word, revealed: card.revealed, color: known ? card.color : null };
    views.set(card, v);
  }
  return v;
}

/** A log entry as everyone sees it: every logged guess was revealed, so its colour is public. */
function logView(e: ClueLogEntry): ClueLogEntry {
  let v = logViews.get(e);
  if (!v) {
    v = {
      team: e.team,
      word: e.word,
      count: e.count,
      guesses: e.guesses.map((g) => ({ card: g.card, word: g.word, color: g.color })),
      ended: e.ended,
    };
    logViews.set(e, v);
  }
  return v;
}

/** The game as an audience may see it. */
export function view(state: CodewordsState, audienceKey: string): CodewordsView {
  const key = seesKey(state, audienceKey);
  const cards = state.cards.map((c) => cardView(c, key));
  const t = state.turn;
  const turn: TurnState = {
    number: t.number,
    team: t.team,
    phase: t.phase,
    clue: t.clue === null ? null : { word: t.clue.word, count: t.clue.count },
    guesses: t.guesses,
    guessesLeft: t.guessesLeft,
    deadline: state.winner === null ? t.deadline : null,
  };
  return {
    audience: audienceKey,
    cards,
    startingTeam: state.startingTeam,
    turn,
    // Public: the number of hidden agents is printed on the table in the real game.
    remaining: { red: agentsLeft(state.cards, 'red'), blue: agentsLeft(state.cards, 'blue') },
    log: state.log.map(logView),
    winner: state.winner,
    winReason: state.winReason,
    turnSeconds: state.settings.turnSeconds,
  };
}
