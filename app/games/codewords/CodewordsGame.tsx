'use client';

import { useEffect, useState } from 'react';
import { parseSeat } from '@/game/codewords/seats';
import type { Team } from '@/game/codewords/types';
import { LoadingState } from '@/app/components/StateNotice';
import { ChatPanel } from '@/app/components/room/ChatPanel';
import { PlayerList } from '@/app/components/room/PlayerList';
import { useRoomStore, useRoomStoreApi } from '@/app/lib/room-store-context';
import { selectIsHost, selectIsSpectator, selectMe, selectSnapshot } from '@/app/lib/room-selectors';
import { Board } from './Board';
import { ClueBar } from './ClueBar';
import { ClueLog, type Timeout } from './ClueLog';
import { boardReason, codewordsView, myMove } from './display';
import { bannerFor, gameEvents } from './events';
import { GuessBanner, type Banner } from './GuessBanner';
import { TurnStatus } from './TurnStatus';

/**
 * What this page saw happen that the view does not keep: the banner of the latest guess and
 * the turns that ran out before a clue (the rules log clues only). Lost on a reload.
 */
function useMoments(): { banner: Banner | null; timeouts: readonly Timeout[] } {
  const store = useRoomStoreApi();
  const [banner, setBanner] = useState<Banner | null>(null);
  const [timeouts, setTimeouts] = useState<readonly Timeout[]>([]);

  useEffect(() => {
    let id = 0;
    return store.subscribe((state, previous) => {
      if (state.snapshot === previous.snapshot) return;
      if (state.snapshot?.gameNumber !== previous.snapshot?.gameNumber) setTimeouts([]);
      const events = gameEvents(previous.snapshot, state.snapshot);
      const next = bannerFor(events);
      if (next) setBanner({ id: ++id, ...next });
      const turn = events.find((event) => event.type === 'turn');
      const view = codewordsView(state.snapshot);
      const before = codewordsView(previous.snapshot);
      if (turn?.type === 'turn' && turn.timeout && view && before?.turn.phase === 'clue') {
        const team: Team = before.turn.team;
        setTimeouts((list) => [...list, { afterEntries: view.log.length, team }]);
      }
    });
  }, [store]);

  useEffect(() => {
    if (!banner) return;
    const timer = setTimeout(() => setBanner(null), 3500);
    return () => clearTimeout(timer);
  }, [banner]);

  return { banner, timeouts };
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
  const { banner, timeouts } = useMoments();
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
        <div className="board-area">
          <Board view={view} canGuess={move === 'guess'} reason={reason} />
          {banner && playing && <GuessBanner banner={banner} />}
        </div>
      </div>
      <aside className="game-side" aria-label="Game log, players and chat">
        <ClueLog log={view.log} timeouts={timeouts} />
        <PlayerList />
        <ChatPanel />
      </aside>
    </div>
  );
}
