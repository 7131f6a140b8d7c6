'use client';

import { useDeferredValue, useState } from 'react';
import { useRoomConnection } from '@/app/lib/use-room-connection';
import { useRoomStore, useRoomStoreApi } from '@/app/lib/room-store-context';
import { selectSnapshot } from '@/app/lib/room-selectors';
import { useTurnTitle } from '@/app/lib/use-turn-title';
import { ErrorAlert } from '../ErrorAlert';
import { CodewordsGame } from '../codewords/CodewordsGame';
import { ConnectionBanner } from './ConnectionBanner';
import { GameAnnouncer } from './GameAnnouncer';
import { JoinFailed } from './JoinFailed';
import { Lobby } from './Lobby';
import { RemovedNotice } from './RemovedNotice';
import { RoomHeader } from './RoomHeader';
import { JoiningRoom } from './RoomTitle';

/**
 * A joined (or joining) room: keeps the connection alive and shows the lobby or the
 * game depending on the room's phase.
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
  useTurnTitle();

  const store = useRoomStoreApi();
  const snapshot = useRoomStore(selectSnapshot);
  const joinFailure = useRoomStore((state) => state.joinFailure);
  const error = useRoomStore((state) => state.error);
  const removed = useRoomStore((state) => state.removed);
  // Store updates render synchronously, so the first snapshot would mount the whole room in
  // one long task. Deferred, that mount is a background render React can slice and interrupt.
  const showRoom = useDeferredValue(snapshot !== null);

  if (removed) {
    return (
      <RemovedNotice
        code={store.getState().code}
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

  if (!snapshot || !showRoom) {
    return <JoiningRoom code={store.getState().code} />;
  }

  return (
    <div className="room">
      <RoomHeader nickname={nickname} />
      <ConnectionBanner />
      <ErrorAlert message={error} onDismiss={() => store.getState().setError(null)} />
      {snapshot.phase === 'lobby' ? <Lobby /> : <CodewordsGame />}
      {/* Last in the page: what it announces is already on screen above, for sighted players. */}
      <GameAnnouncer />
    </div>
  );
}
