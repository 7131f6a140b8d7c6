'use client';

import type { CodewordsView } from '@/game/codewords/types';
import { TEAM_NAME, type SeatParts } from './display';

/** One line telling this viewer what they are and what happens next for them. */
export function RoleHint({
  view,
  seat,
  isSpectator,
}: {
  view: CodewordsView;
  seat: SeatParts | null;
  isSpectator: boolean;
}) {
  let text: string;
  if (isSpectator) text = 'You are watching. Spectators see what the operatives see.';
  else if (!seat) text = 'You have no seat in this game.';
  else {
    const mine = view.turn.team === seat.team;
    const team = TEAM_NAME[seat.team];
    if (seat.role === 'spymaster') {
      text = mine
        ? view.turn.phase === 'clue'
          ? `You are the ${team.toLowerCase()} spymaster. Give your team a clue.`
          : `You are the ${team.toLowerCase()} spymaster. Your operatives are guessing.`
        : `You are the ${team.toLowerCase()} spymaster. The other team is playing.`;
    } else {
      text = mine
        ? view.turn.phase === 'guess'
          ? 'Your team is guessing: tap a card.'
          : `You are a ${team.toLowerCase()} operative. Wait for your spymaster's clue.`
        : `You are a ${team.toLowerCase()} operative. The other team is playing.`;
    }
  }
  return <p className="role-hint muted">{text}</p>;
}
