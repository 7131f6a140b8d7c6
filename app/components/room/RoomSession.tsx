'use client';

import Link from 'next/link';
import { Suspense, use, useDeferredValue, useState } from 'react';
import { loadGameUi } from '@/app/games';
import type { GameUi } from '@/app/games/types';
import { GameUiProvider } from '@/app/lib/game-ui-context';
import { useRoomConnection } from '@/app/lib/use-room-connection';
import { useRoomStore, useRoomStoreApi } from '@/app/lib/room-store-context';
import { selectSnapshot } from '@/app/lib/room-selectors';
import { useTurnTitle } from '@/app/lib/use-turn-title';
import { StateNotice } from '../StateNotice';
import { ConnectionBanner } from './ConnectionBanner';
import { GameAnnouncer } from './GameAnnouncer';
import { JoinFailed } from './JoinFailed';
import { Lobby } from './Lobby';
import { RemovedNotice } from './RemovedNotice';
import { RoomHeader } from './RoomHeader';
import { JoiningRoom } from './RoomTitle';
import { Toasts } from './Toasts';

/**
 * A joined (or joining) room: keeps the connection alive, loads the UI of the room's game
 * (app/games/index.ts) and shows the lobby or the game depending on the room's phase.
 */
export function RoomSession({
  nickname,
  as,
  onChangeNickname,
}: {
  nickname: string;
  as: 'player' | 'spectator';
  onChangeNickname: () => void;
}) {
  const [mode, setMode] = useState(as);
  const [attempt, setAttempt] = useState(0);
  useRoomConnection(nickname, mode, attempt);

  const store = useRoomStoreApi();
  const gameId = useRoomStore((state) => state.snapshot?.gameId ?? null);
  const joinFailure = useRoomStore((state) => state.joinFailure);
  const removed = useRoomStore((state) => state.removed);
  // Store updates render synchronously, so the first snapshot would mount the whole room in
  // one long task. Deferred, that mount is a background render React can slice and interrupt.
  const showRoom = useDeferredValue(gameId !== null);
  const code = store.getState().code;

  if (removed) {
    return (
      <RemovedNotice
        code={code}
        reason={removed}
        onRejoin={() => {
          store.getState().clearRemoval();
          setAttempt((n) => n + 1);
        }}
      />
    );
  }

  if (joinFailure) {
    return (
      <JoinFailed
        failure={joinFailure}
        onRetry={() => setAttempt((n) => n + 1)}
        onWatch={() => {
          setMode('spectator');
          setAttempt((n) => n + 1);
        }}
        onChangeNickname={onChangeNickname}
      />
    );
  }

  if (gameId === null || !showRoom) {
    return <JoiningRoom code={code} />;
  }

  return (
    // The game's UI is a chunk of its own: the room shows once it is here.
    <Suspense fallback={<JoiningRoom code={code} />}>
      <GameRoom gameId={gameId} nickname={nickname} />
    </Suspense>
  );
}

/** The room with its game's UI loaded: the shell around the game's lobby seats or its screen. */
function GameRoom({ gameId, nickname }: { gameId: string; nickname: string }) {
  const ui = use(loadGameUi(gameId));
  if (!ui) return <UnknownGame />;
  return (
    <GameUiProvider value={ui}>
      <RoomView ui={ui} nickname={nickname} />
    </GameUiProvider>
  );
}

function RoomView({ ui, nickname }: { ui: GameUi; nickname: string }) {
  useTurnTitle(ui);
  const phase = useRoomStore((state) => selectSnapshot(state)?.phase);
  const { Game } = ui;

  return (
    // data-phase: during a game the room fits one screen (room.css), its header compact.
    <div className="room" data-phase={phase}>
      <RoomHeader nickname={nickname} />
      <ConnectionBanner />
      {phase === 'lobby' ? <Lobby /> : <Game />}
      <Toasts />
      {/* Last in the page: what it announces is already on screen above, for sighted players. */}
      <GameAnnouncer />
    </div>
  );
}

/** A room of a game this page does not know: the server is newer than this page. */
function UnknownGame() {
  return (
    <StateNotice
      tone="warning"
      heading="This room plays a game this page does not know yet"
      headingId="unknown-game-heading"
      actions={
        <>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <Link href="/" className="button">
            Back home
          </Link>
        </>
      }
    >
      <p>Parlor was probably updated while this page was open. Reload the page to play.</p>
    </StateNotice>
  );
}
