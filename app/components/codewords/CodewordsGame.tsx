'use client';

import { codewordsView, parseSeat } from '@/app/lib/codewords';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost, selectIsSpectator, selectMe, selectSnapshot } from '@/app/lib/room-selectors';
import { LoadingState } from '../StateNotice';
import { ChatPanel } from '../room/ChatPanel';
import { Board } from './Board';
import { ClueForm } from './ClueForm';
import { ClueLog } from './ClueLog';
import { EndTurnButton } from './EndTurnButton';
import { GameOverBanner } from './GameOverBanner';
import { GamePlayers } from './GamePlayers';
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

  const seat = isSpectator ? null : parseSeat(me?.seat);
  const playing = snapshot.phase === 'playing';
  const myTurn = playing && seat !== null && seat.team === view.turn.team;
  const canClue = myTurn && seat.role === 'spymaster' && view.turn.phase === 'clue';
  const canGuess = myTurn && seat.role === 'operative' && view.turn.phase === 'guess';

  return (
    <div className="game">
      {snapshot.phase === 'over' && <GameOverBanner view={view} isHost={isHost} />}
      <TurnStatus view={view} playing={playing} yourMove={canClue || canGuess} />
      <div className="game-layout">
        <div className="game-main">
          {/* Controls above the board: on a phone the board fills the screen and a form below it goes unseen. */}
          {playing && <RoleHint view={view} seat={seat} isSpectator={isSpectator} />}
          {canClue && <ClueForm turn={view.turn.number} />}
          {canGuess && view.turn.guesses > 0 && <EndTurnButton turn={view.turn.number} />}
          <Board view={view} canGuess={canGuess} />
        </div>
        <aside className="game-side">
          <ClueLog log={view.log} />
          <GamePlayers />
          <ChatPanel />
        </aside>
      </div>
    </div>
  );
}
