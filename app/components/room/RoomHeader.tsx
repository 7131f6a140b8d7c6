'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { gameName } from '@/app/games';
import { useRoomStore, useRoomStoreApi } from '@/app/lib/room-store-context';
import { selectIsSpectator } from '@/app/lib/room-selectors';
import { leaveRoom } from '@/app/lib/use-room-connection';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { CopyLinkButton } from './CopyLinkButton';
import { QrCode } from './QrCode';
import { RoomTitle } from './RoomTitle';

/**
 * The room's code (to read aloud) and its game (with the rules, in a new tab so the room
 * stays open), the ways to share it and the ways out (leave) or in (play). In the lobby the
 * code is large and "Show QR code" and "Leave room" sit in the header (the link itself is
 * in the lobby's invite); during a game the header is one slim row and they go in the
 * "Room menu", so the board gets the screen.
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
  // Which header the QR code and the menu were opened in: a game starting closes them.
  const [qrIn, setQrIn] = useState<boolean | null>(null);
  const [menuIn, setMenuIn] = useState<boolean | null>(null);
  const [origin, setOrigin] = useState<string | null>(null);
  const qrId = useId();
  const menuId = useId();
  const menuRef = useRef<HTMLDivElement>(null);
  const compact = phase !== undefined && phase !== 'lobby';
  const showQr = qrIn === compact;
  const menuOpen = menuIn === compact;
  const setMenuOpen = (open: boolean | ((was: boolean) => boolean)) =>
    setMenuIn((was) => ((typeof open === 'function' ? open(was === compact) : open) ? compact : null));

  // The link uses the address this page was opened with (a LAN address works for phones).
  useEffect(() => setOrigin(window.location.origin), []);

  // The menu closes on Escape (focus back on its button) and on a click elsewhere.
  useEffect(() => {
    if (!menuOpen) return;
    const controller = new AbortController();
    const close = (event: Event) => {
      const menu = menuRef.current;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        setMenuOpen(false);
        menu?.querySelector<HTMLButtonElement>('.room-menu-toggle')?.focus();
        return;
      }
      if (menu && !menu.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('keydown', close, { signal: controller.signal });
    document.addEventListener('pointerdown', close, { signal: controller.signal });
    return () => controller.abort();
  }, [menuOpen]);

  async function leave() {
    setLeaving(true);
    // The server tells every tab of ours that we left, this one included: not news here.
    store.getState().setLeaving(true);
    await leaveRoom(code);
    router.push('/');
  }

  const rulesLink = (
    <Link href={`/how-to-play/${gameId}`} target="_blank" className="room-game-rules" prefetch={false}>
      How to play<span className="visually-hidden"> {gameName(gameId)} (opens in a new tab)</span>
    </Link>
  );
  const qrButton = (
    <button
      type="button"
      className="button"
      aria-expanded={showQr}
      aria-controls={showQr ? qrId : undefined}
      onClick={() => setQrIn(showQr ? null : compact)}
    >
      Show QR code
    </button>
  );
  const leaveButton = (
    <button type="button" className="button button-quiet" onClick={leave} disabled={leaving}>
      Leave room
    </button>
  );

  return (
    <div className={`room-header${compact ? ' is-compact' : ''}`}>
      <div className="room-header-top">
        <div className="room-heading">
          <RoomTitle code={code} />
          <p className="room-game">
            <span className="room-game-name">{gameName(gameId)}</span>
            {!compact && rulesLink}
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
          {compact ? (
            <div className="room-menu" ref={menuRef}>
              <button
                type="button"
                className="button room-menu-toggle"
                aria-expanded={menuOpen}
                aria-controls={menuId}
                onClick={() => setMenuOpen((open) => !open)}
              >
                Room menu
              </button>
              {/* A disclosure, not an ARIA menu: plain buttons, reached with Tab. */}
              <div className="room-menu-panel" id={menuId} hidden={!menuOpen}>
                <CopyLinkButton code={code} />
                {qrButton}
                {rulesLink}
                {leaveButton}
              </div>
            </div>
          ) : (
            <>
              {qrButton}
              {leaveButton}
            </>
          )}
        </div>
      </div>
      {showQr && origin && <QrCode id={qrId} url={`${origin}/r/${code}`} />}
    </div>
  );
}
