'use client';

import { useState } from 'react';
import type { PlayerView } from '@/game/protocol';
import { kickTally, mayVoteOn } from '@/game/vote-kick';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost, selectMe, selectSnapshot } from '@/app/lib/room-selectors';
import { useRoomActions } from '@/app/lib/use-room-actions';

/**
 * Vote kick on one player's row: "2/3 votes to remove" for everyone while votes against
 * them stand, and for a seated player who is not the host (the host has the immediate
 * Kick) a "Vote to remove NAME" toggle, pressed while their vote stands. The count is the
 * server's rule (game/vote-kick.ts); the server removes the player once it is carried.
 */
export function VoteKickButton({ player }: { player: PlayerView }) {
  const snapshot = useRoomStore(selectSnapshot);
  const me = useRoomStore(selectMe);
  const isHost = useRoomStore(selectIsHost);
  const actions = useRoomActions();
  const [pending, setPending] = useState(false);
  if (!snapshot || player.id === me?.id) return null;

  const voters = snapshot.kickVotes?.[player.id];
  const tally = voters === undefined ? null : kickTally(snapshot.players, player.id, voters);
  const voted = me !== null && voters !== undefined && voters.includes(me.id);
  // Offered to whoever may vote on this player now (seated, connected), the host aside.
  const canVote = !isHost && me !== null && mayVoteOn(me, player.id);
  if (!tally && !canVote) return null;

  async function toggle() {
    setPending(true);
    await actions.voteKick(player.id, !voted);
    setPending(false);
  }

  return (
    <span className="vote-kick">
      {tally && (
        <span className="vote-tally">
          {tally.votes}/{tally.needed} votes to remove<span className="visually-hidden"> {player.nickname}</span>
        </span>
      )}
      {canVote && (
        <button
          type="button"
          className="button button-small button-quiet vote-kick-button"
          aria-pressed={voted}
          disabled={pending}
          onClick={() => void toggle()}
        >
          Vote to remove<span className="visually-hidden"> {player.nickname}</span>
        </button>
      )}
    </span>
  );
}
