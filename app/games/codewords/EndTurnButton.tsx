'use client';

import { useState } from 'react';
import type { CodewordsMove } from '@/game/codewords/types';
import { useRoomActions } from '@/app/lib/use-room-actions';

/** Lets the operatives stop guessing; names the turn so a late click cannot end the next one. */
export function EndTurnButton({ turn }: { turn: number }) {
  const actions = useRoomActions<CodewordsMove>();
  const [pending, setPending] = useState(false);

  async function endTurn() {
    setPending(true);
    await actions.move({ type: 'endTurn', turn });
    setPending(false);
  }

  return (
    <button type="button" className="button button-large end-turn" onClick={endTurn} disabled={pending}>
      End turn
    </button>
  );
}
