import type { RoomSnapshot } from '@/game/protocol';
import { expectedMove, type parseSeat } from '@/game/codewords/seats';
import type { CardColor, CardView, ClueCount, CodewordsView, Team } from '@/game/codewords/types';

/**
 * Display helpers for Codewords: names, labels and sentences derived from a view.
 * They describe what the server sent; none of them decides a rule (seats are read with
 * the rules' own `parseSeat`).
 */

/** Team names as shown to players. */
export const TEAM_NAME: Record<Team, string> = { red: 'Red', blue: 'Blue' };

/** A seat's team and role, as the rules' `parseSeat` gives them. */
export type SeatParts = NonNullable<ReturnType<typeof parseSeat>>;

/** The Codewords view of a snapshot, or null in a lobby that never had a game. */
export function codewordsView(snapshot: RoomSnapshot | null): CodewordsView | null {
  // Only a Codewords room mounts this game's UI; the id check keeps a stray snapshot out.
  return snapshot?.gameId === 'codewords' ? ((snapshot.view as CodewordsView | null) ?? null) : null;
}

/** What a card colour is called: "red agent", "bystander", "assassin". */
export function colorName(color: CardColor): string {
  return color === 'red' || color === 'blue' ? `${color} agent` : color;
}

/**
 * A card's accessible name. Revealed: "WORD, red agent". Unrevealed but known to this
 * audience (spymasters, or everyone once the game is over): "WORD (red)". Otherwise the word.
 */
export function cardLabel(card: CardView): string {
  if (card.revealed && card.color) return `${card.word}, ${colorName(card.color)}`;
  if (card.color) return `${card.word} (${card.color})`;
  return card.word;
}

/** A clue number as read aloud: "2", "0", "unlimited". */
export function countLabel(count: ClueCount): string {
  return count === 'unlimited' ? 'unlimited' : String(count);
}

/** Whose turn it is, as a sentence. */
export function turnSentence(view: CodewordsView): string {
  const team = TEAM_NAME[view.turn.team];
  if (view.turn.phase === 'clue' || !view.turn.clue) return `${team} team's turn — spymaster is thinking`;
  return `${team} operatives are guessing: ${view.turn.clue.word} ${countLabel(view.turn.clue.count)}`;
}

/** The winner line of a finished game. */
export function winnerSentence(view: CodewordsView): string | null {
  return view.winner ? `${TEAM_NAME[view.winner]} team wins!` : null;
}

/** Why the game ended, in words. */
export function winReasonSentence(view: CodewordsView): string {
  if (view.winReason === 'assassin') {
    // The team that revealed the assassin is the one that lost.
    const loser = view.winner === 'red' ? 'blue' : view.winner === 'blue' ? 'red' : null;
    return loser ? `The assassin was revealed by the ${loser} team.` : 'The assassin was revealed.';
  }
  if (view.winReason === 'agents' && view.winner) return `All ${TEAM_NAME[view.winner].toLowerCase()} agents were found.`;
  return '';
}

/**
 * What this viewer is expected to do now: give the clue (their team's spymaster in the
 * clue phase), guess (their team's operative in the guess phase), or nothing. Only for
 * showing controls and "your turn" hints; the server decides what is allowed.
 */
export function myMove(snapshot: RoomSnapshot | null, seat: string | null | undefined): 'clue' | 'guess' | null {
  const view = codewordsView(snapshot);
  if (!view || snapshot?.phase !== 'playing') return null;
  return expectedMove(view.turn, seat ?? null);
}

/** The nickname of the player in a seat, or null (nobody, or a seat for several). */
export function seatHolder(snapshot: RoomSnapshot, seat: string): string | null {
  return snapshot.players.find((player) => player.seat === seat)?.nickname ?? null;
}

/**
 * Why this viewer cannot turn a card now, in a few words ("Wait for Bo's clue", "It's Red's
 * turn"), or null when they can. Shown when an inactive board is tapped; the server decides.
 */
export function boardReason(
  snapshot: RoomSnapshot,
  view: CodewordsView,
  seat: SeatParts | null,
  isSpectator: boolean,
): string | null {
  if (snapshot.phase !== 'playing' || view.winner) return 'The game is over.';
  if (isSpectator) return 'You are watching: only the operatives turn cards over.';
  if (!seat) return 'Take a seat to play.';
  const team = TEAM_NAME[view.turn.team];
  if (seat.team !== view.turn.team) return `It's ${team}'s turn.`;
  if (seat.role === 'spymaster') {
    return view.turn.phase === 'clue'
      ? 'Give your clue first: your operatives turn the cards.'
      : 'Your operatives turn the cards; you watch.';
  }
  if (view.turn.phase === 'clue') {
    const spymaster = seatHolder(snapshot, `${view.turn.team}:spymaster`);
    return spymaster ? `Wait for ${spymaster}'s clue.` : "Wait for your spymaster's clue.";
  }
  return null;
}

/**
 * A player's initials for an avatar: the first letter (a whole grapheme, so an emoji or an
 * accented letter stays whole) of the first two words of their nickname, upper case.
 */
export function initials(nickname: string): string {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const firstOf = (word: string) => segmenter.segment(word)[Symbol.iterator]().next().value?.segment ?? '';
  const words = nickname.trim().split(/\s+/).filter((word) => word !== '');
  return words
    .slice(0, 2)
    .map(firstOf)
    .join('')
    .toLocaleUpperCase();
}
