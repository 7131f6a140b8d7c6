import type { RoomSnapshot } from '@/game/protocol';
import type { CardColor, CardView, ClueCount, CodewordsView, Team } from '@/game/codewords/types';

/**
 * Display helpers for Codewords: names, labels and sentences derived from a view.
 * They describe what the server sent; none of them decides a rule.
 */

/** Team names as shown to players. */
export const TEAM_NAME: Record<Team, string> = { red: 'Red', blue: 'Blue' };

/** Both teams, in the order they are shown. */
export const TEAMS: readonly Team[] = ['red', 'blue'];

/** A seat id split into its team and role, or null for no seat / an unknown seat. */
export interface SeatParts {
  readonly team: Team;
  readonly role: 'spymaster' | 'operative';
}

/** Parses `red:spymaster` style seat ids. */
export function parseSeat(seat: string | null | undefined): SeatParts | null {
  if (!seat) return null;
  const [team, role] = seat.split(':');
  if ((team === 'red' || team === 'blue') && (role === 'spymaster' || role === 'operative')) return { team, role };
  return null;
}

/** "Red spymaster", "Blue operative"; "No seat" for null. */
export function seatLabel(seat: string | null): string {
  const parts = parseSeat(seat);
  if (!parts) return seat ?? 'No seat';
  return `${TEAM_NAME[parts.team]} ${parts.role}`;
}

/** The Codewords view of a snapshot, or null in a lobby that never had a game. */
export function codewordsView(snapshot: RoomSnapshot | null): CodewordsView | null {
  // Codewords is the only game so far; the structural check guards against a future game's view.
  const view = snapshot?.view as CodewordsView | null | undefined;
  return view && Array.isArray(view.cards) ? view : null;
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
  const parts = parseSeat(seat);
  if (!view || !parts || snapshot?.phase !== 'playing' || parts.team !== view.turn.team) return null;
  if (parts.role === 'spymaster' && view.turn.phase === 'clue') return 'clue';
  if (parts.role === 'operative' && view.turn.phase === 'guess') return 'guess';
  return null;
}
