import type { RoomSnapshot } from '@/game/protocol';
import { isClue, loggedGuesses } from '@/game/codewords/log';
import { otherTeam } from '@/game/codewords/seats';
import type { CardColor, ClueCount, Team } from '@/game/codewords/types';
import { codewordsView, colorName, countLabel, TEAM_NAME } from './display';

/**
 * What happened between two snapshots of a room, as the players would say it. The server
 * sends whole snapshots, not events, so the client compares the previous view with the new
 * one; after a reconnect the gap may hold several moves, and only what is still visible
 * (new face-up cards, the current turn and clue, the result) is reported.
 */
export type GameEvent =
  | { readonly type: 'new-game'; readonly team: Team }
  | { readonly type: 'clue'; readonly team: Team; readonly word: string; readonly count: ClueCount }
  | { readonly type: 'reveal'; readonly word: string; readonly color: CardColor; readonly team: Team }
  /** The turn passed to `team`; `timeout`: the team before it ran out of time. */
  | { readonly type: 'turn'; readonly team: Team; readonly timeout: boolean }
  | { readonly type: 'win'; readonly team: Team };

/** The events that lead from `prev` to `next`, in the order they happened. */
export function gameEvents(prev: RoomSnapshot | null, next: RoomSnapshot | null): GameEvent[] {
  const after = codewordsView(next);
  if (!prev || !next || !after || next.phase === 'lobby') return [];
  if (next.gameNumber !== prev.gameNumber || (prev.phase === 'lobby' && next.phase === 'playing')) {
    const events: GameEvent[] = [{ type: 'new-game', team: after.turn.team }];
    if (after.turn.clue) events.push({ type: 'clue', team: after.turn.team, ...after.turn.clue });
    return events;
  }
  const before = codewordsView(prev);
  // The first view this page sees: the page itself shows the state, nothing to announce.
  if (!before || before.cards.length !== after.cards.length) return [];

  const events: GameEvent[] = [];
  // A clue given in the turn still running came before any of this turn's guesses.
  const sameTurn = after.turn.number === before.turn.number;
  if (sameTurn && after.turn.clue && !before.turn.clue) {
    events.push({ type: 'clue', team: after.turn.team, ...after.turn.clue });
  }
  const fresh = new Set<number>();
  after.cards.forEach((card, index) => {
    if (card.revealed && card.color && !before.cards[index]!.revealed) fresh.add(index);
  });
  // The log says who guessed each card and in which order.
  for (const guess of loggedGuesses(after.log)) {
    if (!fresh.delete(guess.card)) continue;
    events.push({ type: 'reveal', word: guess.word, color: guess.color, team: guess.team });
  }
  // Cards the (bounded) log no longer lists: still say what they were.
  for (const index of fresh) {
    const card = after.cards[index]!;
    events.push({ type: 'reveal', word: card.word, color: card.color!, team: before.turn.team });
  }

  if (after.winner && !before.winner) {
    events.push({ type: 'win', team: after.winner });
    return events;
  }
  if (next.phase !== 'playing') return events;
  if (!sameTurn) {
    // The log says how the team's turn ended: a line of its own when the timer ran out before
    // its clue, its clue's line closed with 'timeout' when it ran out while guessing.
    const ended = after.log.findLast((entry) => entry.team === before.turn.team);
    const timeout =
      after.turn.number === before.turn.number + 1 && ended !== undefined && (isClue(ended) ? ended.ended === 'timeout' : true);
    events.push({ type: 'turn', team: after.turn.team, timeout });
    if (after.turn.clue) events.push({ type: 'clue', team: after.turn.team, ...after.turn.clue });
  }
  return events;
}

/** An event as the live region reads it: "Red spymaster: TREE 2", "APPLE: red agent". */
export function announcement(event: GameEvent): string {
  switch (event.type) {
    case 'new-game':
      return `New game. ${TEAM_NAME[event.team]} team's turn`;
    case 'clue':
      return `${TEAM_NAME[event.team]} spymaster: ${event.word} ${countLabel(event.count)}`;
    case 'reveal':
      return `${event.word}: ${colorName(event.color)}`;
    case 'turn':
      return `${event.timeout ? `${TEAM_NAME[otherTeam(event.team)]} ran out of time. ` : ''}${TEAM_NAME[event.team]} team's turn`;
    case 'win':
      return `${TEAM_NAME[event.team]} team wins!`;
  }
}

/**
 * The short banner over the board after a guess or a timeout ("DESERT, a bystander: the turn
 * passes to Blue"), from the events of one update; null when they hold neither.
 */
export function bannerFor(events: readonly GameEvent[]): { text: string; tone: CardColor | 'timeout' } | null {
  const reveal = events.findLast((event) => event.type === 'reveal');
  const turn = events.find((event) => event.type === 'turn');
  const win = events.find((event) => event.type === 'win');
  if (!reveal) {
    if (turn?.type === 'turn' && turn.timeout) {
      return { text: `${TEAM_NAME[otherTeam(turn.team)]} ran out of time: ${TEAM_NAME[turn.team]} plays.`, tone: 'timeout' };
    }
    return null;
  }
  if (reveal.type !== 'reveal') return null;
  const what = reveal.color === 'assassin' ? 'the assassin' : reveal.color === 'bystander' ? 'a bystander' : `a ${colorName(reveal.color)}`;
  let next: string;
  if (win?.type === 'win') next = `${TEAM_NAME[win.team]} wins!`;
  else if (turn?.type === 'turn') next = `the turn passes to ${TEAM_NAME[turn.team]}.`;
  else next = `${TEAM_NAME[reveal.team]} keeps guessing.`;
  return { text: `${reveal.word}, ${what}: ${next}`, tone: reveal.color };
}
