'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { gameName } from '@/app/games';
import { useRoomStore, useRoomStoreApi } from '@/app/lib/room-store-context';
import { selectIsSpectator } from '@/app/lib/room-selectors';
import { leaveRoom } from '@/app/lib/use-room-connection';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { CopyLinkButton } from './CopyLinkButton';
import { QrCode } from './QrCode';
import { RoomTitle } from './RoomTitle';

/**
 * The room's code in large type (to read aloud) and its game (with the rules, in a new tab
 * so the room stays open), the ways to share it (copy the link, show a QR code), and the
 * ways out (leave) or in (play).
 */
export function RoomHeader({ nickname }: { nickname: string }) {
  const router = useRouter();
  const code = useRoomStore((state) => state.code);
  const isSpectator = useRoomStore(selectIsSpectator);
  const phase = useRoomStore((state) => state.snapshot?.phase);
  const gameId = useRoomStore((state) => state.snapshot?.gameId ?? '');
  const actions = useRoomActions();
  const store = useRoomStoreApi();
  const [leaving, setLeaving] = useState(false);
  const [showQr, setShowQr] = useState(false);
  const [origin, setOrigin] = useState<string | null>(null);
  const qrId = useId();

  // The link uses the address this page was opened with (a LAN address works for phones).
  useEffect(() => setOrigin(window.location.origin), []);

  async function leave() {
    setLeaving(true);
    // The server tells every tab of ours that we left, this one included: not news here.
    store.getState().setLeaving(true);
    await leaveRoom(code);
    router.push('/');
  }

  return (
    <div className="room-header">
      <div className="room-header-top">
        <div className="room-heading">
          <RoomTitle code={code} />
          <p className="room-game">
            <span className="room-game-name">{gameName(gameId)}</span>
            <Link href={`/how-to-play/${gameId}`} target="_blank" className="room-game-rules" prefetch={false}>
              How to play<span className="visually-hidden"> {gameName(gameId)} (opens in a new tab)</span>
            </Link>
          </p>
        </div>
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
          <button
            type="button"
            className="button"
            aria-expanded={showQr}
            aria-controls={showQr ? qrId : undefined}
            onClick={() => setShowQr((open) => !open)}
          >
            Show QR code
          </button>
          <button type="button" className="button button-quiet" onClick={leave} disabled={leaving}>
            Leave room
          </button>
        </div>
      </div>
      {showQr && origin && <QrCode id={qrId} url={`${origin}/r/${code}`} />}
    </div>
  );
}
