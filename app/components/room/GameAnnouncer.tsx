'use client';

import { useEffect, useState } from 'react';
import { myMove } from '@/app/lib/codewords';
import { announcement, gameEvents, type GameEvent } from '@/app/lib/game-events';
import { useRoomStoreApi } from '@/app/lib/room-store-context';
import type { RoomState } from '@/app/lib/room-store';
import { playCue, type Cue } from '@/app/lib/sound';

/** How many recent lines the region keeps (older ones were read already). */
const KEEP = 4;

/** The sound for a batch of events, from this player's point of view. */
function cueFor(events: readonly GameEvent[]): Cue | null {
  if (events.some((event) => event.type === 'win')) {
    return events.some((event) => event.type === 'reveal' && event.color === 'assassin') ? 'reveal-assassin' : 'game-over';
  }
  const reveal = events.findLast((event) => event.type === 'reveal');
  if (!reveal) return null;
  if (reveal.color === 'assassin') return 'reveal-assassin';
  return reveal.color === reveal.team ? 'reveal-good' : 'reveal-bad';
}

function seatOf(state: RoomState): string | null {
  if (state.as === 'spectator') return null;
  return state.snapshot?.players.find((player) => player.id === state.you)?.seat ?? null;
}

/**
 * The game's screen-reader voice: a polite live region ("Game announcements") that reads
 * each clue, guess, turn change and result as it happens, derived by comparing successive
 * snapshots. It also plays the optional sound cues (off unless the player turned them on).
 */
export function GameAnnouncer() {
  const store = useRoomStoreApi();
  const [lines, setLines] = useState<readonly { id: number; text: string }[]>([]);

  useEffect(() => {
    let nextId = 0;
    return store.subscribe((state, previous) => {
      if (state.snapshot === previous.snapshot) return;
      const events = gameEvents(previous.snapshot, state.snapshot);
      if (events.length > 0) {
        const added = events.map((event) => ({ id: nextId++, text: announcement(event) }));
        setLines((current) => [...current, ...added].slice(-KEEP));
      }

      const cue = cueFor(events);
      if (cue) playCue(cue);
      const seat = seatOf(state);
      const wasMine = myMove(previous.snapshot, seatOf(previous)) !== null;
      if (!wasMine && myMove(state.snapshot, seat) !== null) {
        // After the reveal's sound, not on top of it.
        if (cue) setTimeout(() => playCue('your-turn'), 450);
        else playCue('your-turn');
      }
    });
  }, [store]);

  return (
    <div role="status" aria-live="polite" aria-label="Game announcements" className="visually-hidden">
      {lines.map((line) => (
        <p key={line.id}>{line.text}</p>
      ))}
    </div>
  );
}
