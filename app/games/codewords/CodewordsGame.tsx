'use client';

import { parseSeat } from '@/game/codewords/seats';
import { LoadingState } from '@/app/components/StateNotice';
import { ChatPanel } from '@/app/components/room/ChatPanel';
import { PlayerList } from '@/app/components/room/PlayerList';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost, selectIsSpectator, selectMe, selectSnapshot } from '@/app/lib/room-selectors';
import { Board } from './Board';
import { ClueForm } from './ClueForm';
import { ClueLog } from './ClueLog';
import { codewordsView, myMove } from './display';
import { EndTurnButton } from './EndTurnButton';
import { GameOverBanner } from './GameOverBanner';
import { RoleHint } from './RoleHint';
import { TurnStatus } from './TurnStatus';

/**
 * A Codewords game in progress or just finished. Works out what this viewer may do from
 * the snapshot (seat, turn, phase) only to show the right controls; the server decides.
 */
export function CodewordsGame() {
  const snapshot = useRoomStore(selectSnapshot);
  const me = useRoomStore(selectMe);
  const isSpectator = useRoomStore(selectIsSpectator);
  const isHost = useRoomStore(selectIsHost);
  const view = codewordsView(snapshot);
  if (!snapshot || !view) {
    return <LoadingState>Dealing the cards…</LoadingState>;
  }

  const seat = isSpectator ? null : parseSeat(me?.seat ?? null);
  const playing = snapshot.phase === 'playing';
  const move = isSpectator ? null : myMove(snapshot, me?.seat);

  return (
    <div className="game">
      {snapshot.phase === 'over' && <GameOverBanner view={view} isHost={isHost} />}
      <TurnStatus view={view} playing={playing} yourMove={move !== null} />
      <div className="game-layout">
        <div className="game-main">
          {/* Controls above the board: on a phone the board fills the screen and a form below it goes unseen. */}
          {playing && <RoleHint view={view} seat={seat} isSpectator={isSpectator} />}
          {move === 'clue' && <ClueForm turn={view.turn.number} />}
          {move === 'guess' && view.turn.guesses > 0 && <EndTurnButton turn={view.turn.number} />}
          <Board view={view} canGuess={move === 'guess'} />
        </div>
        <aside className="game-side">
          <ClueLog log={view.log} />
          <PlayerList />
          <ChatPanel />
        </aside>
      </div>
    </div>
  );
}
