'use client';

import { useState } from 'react';
import { randomTeams } from '@/game/codewords/random-teams';
import { useRoomStore, useRoomStoreApi } from '@/app/lib/room-store-context';
import { selectSnapshot } from '@/app/lib/room-selectors';
import { useRoomActions } from '@/app/lib/use-room-actions';

/** A fresh 32-bit seed for the deal (the rules' shuffle itself is pure and seeded). */
function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/**
 * The host's "Randomise teams": every player, seated or not, dealt into two balanced teams with
 * a spymaster each (game/codewords/random-teams.ts), sent as the host's seat assignments
 * (`room:assign`, which the server checks one by one as any other). Players already in their
 * dealt seat are left alone; a refusal stops the deal and shows why.
 */
export function RandomTeamsButton() {
  const snapshot = useRoomStore(selectSnapshot);
  const store = useRoomStoreApi();
  const actions = useRoomActions();
  const [pending, setPending] = useState(false);
  if (!snapshot) return null;
  const players = snapshot.players;

  async function deal() {
    setPending(true);
    const places = randomTeams(
      players.map((player) => player.id),
      randomSeed(),
    );
    let done = true;
    for (const { playerId, seat } of places) {
      // Read the room as it is now: earlier assignments of this deal have moved people.
      const current = store.getState().snapshot?.players.find((player) => player.id === playerId);
      if (!current || current.seat === seat) continue;
      if (!(await actions.assign(playerId, seat))) {
        done = false;
        break;
      }
    }
    if (done) store.getState().toast('Teams randomised.');
    setPending(false);
  }

  return (
    <button type="button" className="button random-teams" onClick={() => void deal()} disabled={pending || players.length < 2}>
      Randomise teams
    </button>
  );
}
