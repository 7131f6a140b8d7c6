'use client';

import { useEffect, useState } from 'react';
import { parseSeat } from '@/game/codewords/seats';
import { LoadingState } from '@/app/components/StateNotice';
import { ChatPanel } from '@/app/components/room/ChatPanel';
import { PlayerList } from '@/app/components/room/PlayerList';
import { useRoomStore, useRoomStoreApi } from '@/app/lib/room-store-context';
import { selectIsHost, selectIsSpectator, selectMe, selectSnapshot } from '@/app/lib/room-selectors';
import { Board } from './Board';
import { ClueBar } from './ClueBar';
import { ClueLog } from './ClueLog';
import { boardReason, codewordsView, myMove } from './display';
import { bannerFor, gameEvents } from './events';
import { GuessBanner, type Banner } from './GuessBanner';
import { TeamPanel } from './TeamPanel';
import { TurnStatus } from './TurnStatus';

/** The banner of the latest guess or timeout this page saw; it goes after a few seconds. */
function useBanner(): Banner | null {
  const store = useRoomStoreApi();
  const [banner, setBanner] = useState<Banner | null>(null);

  useEffect(() => {
    let id = 0;
    return store.subscribe((state, previous) => {
      if (state.snapshot === previous.snapshot) return;
      const next = bannerFor(gameEvents(previous.snapshot, state.snapshot));
      if (next) setBanner({ id: ++id, ...next });
    });
  }, [store]);

  useEffect(() => {
    if (!banner) return;
    const timer = setTimeout(() => setBanner(null), 3500);
    return () => clearTimeout(timer);
  }, [banner]);

  return banner;
}

/**
 * A Codewords game in progress or just finished, on one screen: the scores and timer, the
 * clue (or the clue form, or the result) and the board fill the stage (codewords.css); the
 * log, the players and the chat sit beside it on a wide screen, below it on a phone. Works
 * out what this viewer may do from the snapshot only to show the right controls; the server decides.
 */
export function CodewordsGame() {
  const snapshot = useRoomStore(selectSnapshot);
  const me = useRoomStore(selectMe);
  const isSpectator = useRoomStore(selectIsSpectator);
  const isHost = useRoomStore(selectIsHost);
  const banner = useBanner();
  const view = codewordsView(snapshot);
  if (!snapshot || !view) {
    return <LoadingState>Dealing the cards…</LoadingState>;
  }

  const seat = isSpectator ? null : parseSeat(me?.seat ?? null);
  const playing = snapshot.phase === 'playing';
  const move = isSpectator ? null : myMove(snapshot, me?.seat);
  const reason = move === 'guess' ? null : boardReason(snapshot, view, seat, isSpectator);

  return (
    <div className={`game${playing ? ` turn-${view.turn.team}` : ' is-over'}`}>
      <div className="game-stage">
        <TurnStatus view={view} playing={playing} yourMove={move !== null} />
        <ClueBar view={view} over={!playing} move={move} seat={seat} isSpectator={isSpectator} isHost={isHost} />
        <TeamPanel team="red" view={view} playing={playing} />
        <div className="board-area">
          <Board view={view} canGuess={move === 'guess'} reason={reason} />
          {banner && playing && <GuessBanner banner={banner} />}
        </div>
        <TeamPanel team="blue" view={view} playing={playing} />
      </div>
      <aside className="game-side" aria-label="Game log, players and chat">
        <ClueLog log={view.log} />
        <PlayerList />
        <ChatPanel />
      </aside>
    </div>
  );
}
