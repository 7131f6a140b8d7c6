import type { PlayerView, RoomSnapshot } from '@/game/protocol';
import type { PlayerLine, SketchView, TurnEnd } from '@/game/sketch/types';

/**
 * Display helpers for Sketch: names, the word's blanks and sentences derived from a view.
 * They describe what the server sent; none of them decides a rule.
 */

/** The Sketch view of a snapshot, or null in a lobby that never had a game. */
export function sketchView(snapshot: RoomSnapshot | null): SketchView | null {
  // Only a Sketch room mounts this game's UI; the id check keeps a stray snapshot out.
  return snapshot?.gameId === 'sketch' ? ((snapshot.view as SketchView | null) ?? null) : null;
}

/** A player's nickname, or "A player who left" for an id the room no longer lists. */
export function nameOf(snapshot: RoomSnapshot, id: string): string {
  return snapshot.players.find((p) => p.id === id)?.nickname ?? 'A player who left';
}

/**
 * The word's blanks as read aloud and as shown: "_ _ _ _ _" for hidden letters, the letter
 * for a hint, a gap between words. `mask` is the view's turn mask (null before the choice).
 */
export function maskText(mask: readonly (string | null)[]): string {
  return mask.map((cell) => (cell === null ? '_' : cell === ' ' ? ' ' : cell.toUpperCase())).join(' ');
}

/** How many letters a mask hides or shows (spaces, hyphens and apostrophes are not letters). */
export function letterCount(mask: readonly (string | null)[]): number[] {
  const words: number[] = [];
  let n = 0;
  for (const cell of mask) {
    if (cell === ' ') {
      words.push(n);
      n = 0;
    } else if (cell === null || /\p{L}/u.test(cell)) n++;
  }
  words.push(n);
  return words;
}

/** "5 letters" / "3 + 4 letters": the word's length for a guesser. */
export function lengthLabel(mask: readonly (string | null)[]): string {
  const counts = letterCount(mask);
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.length > 1 ? `${counts.join(' + ')} letters` : `${total} ${total === 1 ? 'letter' : 'letters'}`;
}

/** Why a turn ended, in a few words. */
export function endReasonText(reason: TurnEnd, drawer: string): string {
  switch (reason) {
    case 'guessed':
      return 'Everyone guessed it!';
    case 'time':
      return "Time's up.";
    case 'drawer-left':
      return `${drawer} left.`;
    case 'drawer-away':
      return `${drawer} was away.`;
    case 'players-left':
      return 'Too few players are left.';
    case 'skipped':
      return `${drawer} was away: skipped.`;
  }
}

/** The players still in the game, best score first (ties in join order): the scoreboard's order. */
export function standings(players: readonly PlayerLine[]): PlayerLine[] {
  return players.filter((p) => !p.left).sort((a, b) => b.score - a.score || a.seq - b.seq);
}

/** What this player is expected to do now, for the tab title, or null. */
export function myMove(snapshot: RoomSnapshot, me: PlayerView | null): string | null {
  const view = sketchView(snapshot);
  if (!view || !me || snapshot.phase !== 'playing') return null;
  if (view.role === 'drawer') return view.phase === 'choosing' ? 'Choose a word' : view.phase === 'drawing' ? 'Your turn to draw' : null;
  const playing = view.players.some((p) => p.id === me.id && !p.left);
  return playing && view.role === 'guesser' && view.phase === 'drawing' ? 'Guess the word' : null;
}
