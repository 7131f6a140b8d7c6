'use client';

import { useEffect } from 'react';
import { useGameUi } from '@/app/lib/game-ui-context';
import type { Toast } from '@/app/lib/room-store';
import { useRoomEvent, useRoomStore, useRoomStoreApi } from '@/app/lib/room-store-context';

/** How long a toast stays on screen; the last half second is its fade (room.css). */
export const TOAST_MS = 5000;

/** One toast: fades out by itself after {@link TOAST_MS}, or at once with "Dismiss". */
function ToastItem({ toast, onDone }: { toast: Toast; onDone: (id: number) => void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDone(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast.id, onDone]);

  // A refusal is read out at once, an explanation politely; a private notice is already
  // read by the room's announcer, so it is not a live region here.
  const role = toast.tone === 'error' ? 'alert' : toast.tone === 'info' ? 'status' : undefined;
  return (
    <div className="toast" data-tone={toast.tone}>
      <p className="toast-text" role={role}>
        {toast.text}
      </p>
      <button type="button" className="button button-small button-quiet toast-dismiss" onClick={() => onDone(toast.id)}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * The room's toasts: refused actions, why a tap did nothing, a game's private notices and
 * transient events, stacked at the foot of the screen over the page (never moving it).
 * Each fades after a few seconds; all go when the game's turn changes (`GameUi.turnKey`)
 * or the room's phase does, since what they said is then stale.
 */
export function Toasts() {
  const ui = useGameUi();
  const store = useRoomStoreApi();
  const toasts = useRoomStore((state) => state.toasts);
  const dismiss = store.getState().dismissToast;

  useRoomEvent('notice', (notice) => {
    if (!ui.showsNotice?.(notice)) store.getState().toast(notice.text, 'notice');
  });

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const next = state.snapshot;
        const prev = previous.snapshot;
        if (!next || !prev || next === prev) return;
        const key = (snapshot: typeof next) => `${snapshot.phase}:${snapshot.gameNumber}:${ui.turnKey?.(snapshot) ?? ''}`;
        if (key(next) !== key(prev)) state.clearToasts();
      }),
    [store, ui],
  );

  return (
    <div className="toasts" aria-label="Notifications" role="region">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} onDone={dismiss} />
      ))}
    </div>
  );
}
