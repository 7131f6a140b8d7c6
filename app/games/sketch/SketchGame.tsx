'use client';

import { useEffect, useRef } from 'react';
import { CHOICE_MS, PAUSE_MS } from '@/game/sketch/flow';
import { LoadingState } from '@/app/components/StateNotice';
import { ChatPanel } from '@/app/components/room/ChatPanel';
import { Countdown } from '@/app/components/room/Countdown';
import { PlayerList } from '@/app/components/room/PlayerList';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost, selectIsSpectator, selectSnapshot } from '@/app/lib/room-selectors';
import { playSound } from '@/app/lib/sound';
import { nameOf, sketchView } from './display';
import { GameEnd } from './GameEnd';
import { GuessPanel } from './GuessPanel';
import { ScoreList } from './ScoreList';
import { SketchBoard } from './SketchBoard';
import { LAST_SECONDS } from './sounds';
import { WordLine } from './WordLine';

/** Ticks once a second through the draw time's last 10 seconds (when sound is on). */
function useLastSeconds(endsAt: number, active: boolean): void {
  const clockOffset = useRoomStore((state) => state.clockOffset);
  const last = useRef(-1);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      const left = Math.ceil((endsAt - (Date.now() + clockOffset)) / 1000);
      if (left >= 1 && left <= 10 && left !== last.current) {
        last.current = left;
        playSound(LAST_SECONDS);
      }
    }, 200);
    return () => clearInterval(timer);
  }, [endsAt, active, clockOffset]);
}

/**
 * A Sketch game on one screen: the round, the word (or its blanks) and the timer on top;
 * the canvas in the middle; the scores on one side and the guesses on the other (on a phone:
 * the canvas across the width, the guess box right under it, then the lines and scores).
 * The room chat is for spectators only while a game runs (the rules close it to players:
 * their lines go through the game, which hides the word from those who have not guessed).
 */
export function SketchGame() {
  const snapshot = useRoomStore(selectSnapshot);
  const you = useRoomStore((state) => state.you);
  const isSpectator = useRoomStore(selectIsSpectator);
  const isHost = useRoomStore(selectIsHost);
  const view = sketchView(snapshot);
  useLastSeconds(view?.turn.endsAt ?? 0, view?.phase === 'drawing');
  if (!snapshot || !view) return <LoadingState>Sharpening the pencils…</LoadingState>;

  const over = view.phase === 'over';
  const t = view.turn;
  const inGame = !isSpectator && view.players.some((p) => p.id === you && !p.left);
  const phaseSeconds = view.phase === 'drawing' ? view.drawSeconds : view.phase === 'choosing' ? CHOICE_MS / 1000 : PAUSE_MS / 1000;

  return (
    <div className={`sketch-game${over ? ' is-over' : ''}`}>
      {over ? (
        <GameEnd view={view} snapshot={snapshot} isHost={isHost} />
      ) : (
        <>
          <div className="sketch-top">
            <p className="sketch-round">
              Round {view.round} of {view.rounds}
            </p>
            <WordLine view={view} drawerName={nameOf(snapshot, t.drawer)} />
            <Countdown deadline={t.endsAt} turnSeconds={phaseSeconds} />
          </div>
          <SketchBoard view={view} snapshot={snapshot} />
        </>
      )}
      <div className="sketch-side">
        {!over && <ScoreList view={view} snapshot={snapshot} you={you} />}
        <GuessPanel view={view} snapshot={snapshot} canSay={inGame} />
        {/* The room's players with the host's controls and the votes to remove someone, out of the way until needed. */}
        <details className="sketch-manage">
          <summary>Players{isHost ? ': manage' : ' and votes to remove'}</summary>
          <PlayerList />
        </details>
        {isSpectator && <ChatPanel />}
      </div>
    </div>
  );
}
