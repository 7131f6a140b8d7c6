'use client';

import { useEffect, useState } from 'react';
import type { GameUi } from '@/app/games/types';
import { useGameUi } from '@/app/lib/game-ui-context';
import { selectMe } from '@/app/lib/room-selectors';
import { useRoomEvents, useRoomStoreApi } from '@/app/lib/room-store-context';
import type { RoomState } from '@/app/lib/room-store';
import { playSound, SOUNDS } from '@/app/lib/sound';

/** How many recent lines the region keeps (older ones were read already). */
const KEEP = 4;

/** What the game expects of this tab now ("Your turn"), or null; spectators never move. */
function yourMove(ui: GameUi, state: RoomState): string | null {
  if (state.as === 'spectator' || !state.snapshot) return null;
  return ui.yourMove(state.snapshot, selectMe(state));
}

/**
 * The game's screen-reader voice: a polite live region ("Game announcements") that reads
 * what the game says of each change (a clue, a guess, a result: it compares successive
 * snapshots) and the game's private notices to this player. It also plays the game's sounds
 * and "your turn" (off unless the player turned sound on).
 */
export function GameAnnouncer() {
  const ui = useGameUi();
  const store = useRoomStoreApi();
  const events = useRoomEvents();
  const [lines, setLines] = useState<readonly { id: number; text: string }[]>([]);

  useEffect(() => {
    let nextId = 0;
    const say = (texts: readonly string[]) => {
      if (texts.length === 0) return;
      const added = texts.map((text) => ({ id: nextId++, text }));
      setLines((current) => [...current, ...added].slice(-KEEP));
    };
    const stopSnapshots = store.subscribe((state, previous) => {
      if (state.snapshot === previous.snapshot || !state.snapshot) return;
      const { lines: said, sound } = ui.announce(previous.snapshot, state.snapshot);
      say(said);
      if (sound) playSound(sound);
      if (yourMove(ui, previous) === null && yourMove(ui, state) !== null) {
        // After the move's sound, not on top of it.
        if (sound) setTimeout(() => playSound(SOUNDS.yourTurn), 450);
        else playSound(SOUNDS.yourTurn);
      }
    });
    const stopNotices = events.on('notice', (notice) => say([notice.text]));
    return () => {
      stopSnapshots();
      stopNotices();
    };
  }, [store, events, ui]);

  return (
    <div role="status" aria-live="polite" aria-label="Game announcements" className="visually-hidden">
      {lines.map((line) => (
        <p key={line.id}>{line.text}</p>
      ))}
    </div>
  );
}
