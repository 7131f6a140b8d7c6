import type { RoomSnapshot } from '@/game/protocol';
import type { PublicTurn, SketchView, TurnResult } from '@/game/sketch/types';
import { endReasonText, lengthLabel, nameOf, sketchView, standings } from './display';

/**
 * What happened in a Sketch room between two snapshots, as events the live region reads out
 * and the sounds follow. Derived from the views alone: a reload sees the same events as a
 * player who was there (none for the first snapshot).
 */
export type SketchEvent =
  /** A turn began: `drawer` is choosing a word (`you`: this tab's player). */
  | { readonly type: 'choosing'; readonly round: number; readonly rounds: number; readonly drawer: string; readonly you: boolean }
  /** The word was chosen: drawing starts. `word` is set for those who know it. */
  | { readonly type: 'drawing'; readonly drawer: string; readonly length: string; readonly word: string | null; readonly you: boolean }
  /** Someone guessed the word (never which text they sent). */
  | { readonly type: 'guessed'; readonly name: string; readonly you: boolean }
  /** The turn ended; the word is shown to all. */
  | { readonly type: 'turn-end'; readonly result: TurnResult; readonly drawer: string }
  /** The game ended; `winners` are the names on top. */
  | { readonly type: 'over'; readonly winners: readonly string[]; readonly score: number };

/** The turn before a game's first. */
const NO_TURN: PublicTurn = { number: 0, round: 0, drawer: '', phase: 'pause', endsAt: 0, mask: null, guessed: [], result: null };

/** The events between two snapshots of a Sketch room, oldest first. */
export function gameEvents(prev: RoomSnapshot | null, next: RoomSnapshot | null): SketchEvent[] {
  const after = sketchView(next);
  if (!prev || !next || !after) return [];
  // A new game (from the lobby or a rematch) is compared with nothing: its first turn is new.
  const before = prev.gameNumber === next.gameNumber ? sketchView(prev) : null;
  const events: SketchEvent[] = [];
  const t0 = before?.turn ?? NO_TURN;
  const t1 = after.turn;
  const drawerName = nameOf(next, t1.drawer);

  if (t1.number === t0.number) {
    // A snapshot knows whose it is only by its role: this player's guess made them `guessed`.
    const mine = before?.role === 'guesser' && after.role === 'guessed';
    const added = t1.guessed.slice(t0.guessed.length);
    added.forEach((id, i) => events.push({ type: 'guessed', name: nameOf(next, id), you: mine && i === added.length - 1 }));
  }
  // A turn's end shows in its result (the pause, or the game's end after the last turn).
  if (t1.result && (t1.number !== t0.number || !t0.result)) {
    events.push({ type: 'turn-end', result: t1.result, drawer: nameOf(next, t1.result.drawer) });
  }
  if (after.phase === 'over') {
    if (before?.phase !== 'over') events.push(overEvent(next, after));
    return events;
  }
  const newTurn = t1.number !== t0.number;
  if (after.phase === 'choosing' && (newTurn || before?.phase !== 'choosing')) {
    events.push({ type: 'choosing', round: after.round, rounds: after.rounds, drawer: drawerName, you: after.role === 'drawer' });
  }
  if (after.phase === 'drawing' && (newTurn || before?.phase !== 'drawing')) {
    events.push({ type: 'drawing', drawer: drawerName, length: t1.mask ? lengthLabel(t1.mask) : '', word: after.word, you: after.role === 'drawer' });
  }
  return events;
}

function overEvent(snapshot: RoomSnapshot, view: SketchView): SketchEvent {
  const top = standings(view.players);
  const best = top[0]?.score ?? 0;
  return { type: 'over', winners: top.filter((p) => p.score === best).map((p) => nameOf(snapshot, p.id)), score: best };
}

/** An event as the live region reads it. */
export function announcement(event: SketchEvent): string {
  switch (event.type) {
    case 'choosing':
      return event.you
        ? `Round ${event.round} of ${event.rounds}: your turn to draw. Choose a word.`
        : `Round ${event.round} of ${event.rounds}: ${event.drawer} is choosing a word.`;
    case 'drawing':
      return event.you ? `Draw ${event.word ?? 'your word'}.` : `${event.drawer} is drawing: ${event.length}.`;
    case 'guessed':
      return event.you ? 'You guessed the word!' : `${event.name} guessed the word.`;
    case 'turn-end': {
      const word = event.result.word ? `The word was ${event.result.word}. ` : '';
      return `${word}${endReasonText(event.result.reason, event.drawer)}`;
    }
    case 'over':
      return event.winners.length === 1
        ? `Game over: ${event.winners[0]} wins with ${event.score} points.`
        : `Game over: ${event.winners.join(' and ')} tie with ${event.score} points.`;
  }
}
