'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useRoomStore, useRoomStoreApi } from '@/app/lib/room-store-context';
import { selectIsSpectator } from '@/app/lib/room-selectors';
import { leaveRoom } from '@/app/lib/use-room-connection';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { CopyLinkButton } from './CopyLinkButton';

/** The room's code in large type, the share link, and the ways out (leave) or in (play). */
export function RoomHeader({ nickname }: { nickname: string }) {
  const router = useRouter();
  const code = useRoomStore((state) => state.code);
  const isSpectator = useRoomStore(selectIsSpectator);
  const phase = useRoomStore((state) => state.snapshot?.phase);
  const actions = useRoomActions();
  const store = useRoomStoreApi();
  const [leaving, setLeaving] = useState(false);

  async function leave() {
    setLeaving(true);
    // The server tells every tab of ours that we left, this one included: not news here.
    store.getState().setLeaving(true);
    await leaveRoom(code);
    router.push('/');
  }

  return (
    <div className="room-header">
      <h1 className="room-title">
        <span className="room-title-label">Room</span> <span className="room-code">{code}</span>
      </h1>
      <div className="room-header-actions">
        {isSpectator && (
          <>
            <span className="badge badge-watching">You are watching</span>
            {phase === 'lobby' && (
              <button type="button" className="button" onClick={() => void actions.playInstead(nickname)}>
                Play instead
              </button>
            )}
          </>
        )}
        <CopyLinkButton code={code} />
        <button type="button" className="button button-quiet" onClick={leave} disabled={leaving}>
          Leave room
        </button>
      </div>
    </div>
  );
}
