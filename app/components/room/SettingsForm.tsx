'use client';

import { useRef, useState, type FormEvent } from 'react';
import type { SettingsFieldsHandle } from '@/app/games/types';
import { useGameUi } from '@/app/lib/game-ui-context';
import { useRoomStore, useRoomStoreApi } from '@/app/lib/room-store-context';
import { selectSnapshot } from '@/app/lib/room-selectors';
import { useRoomActions } from '@/app/lib/use-room-actions';

/** The host's lobby settings: public or private, then the game's own fields, saved together. */
export function SettingsForm() {
  const snapshot = useRoomStore(selectSnapshot);
  const code = useRoomStore((state) => state.code);
  const { SettingsFields } = useGameUi();
  const actions = useRoomActions();
  const storeApi = useRoomStoreApi();
  const fields = useRef<SettingsFieldsHandle>(null);
  const [isPublic, setIsPublic] = useState(snapshot?.public ?? false);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const collected = fields.current?.collect();
    if (collected && !collected.ok) {
      storeApi.getState().setError(collected.message);
      return;
    }
    setStatus('saving');
    const ok = await actions.updateSettings(isPublic, collected?.settings);
    if (ok) collected?.saved?.();
    setStatus(ok ? 'saved' : 'idle');
  }

  // Any edit makes the "Saved" note stale.
  const edited = () => setStatus('idle');

  return (
    <form className="settings-form stack" onSubmit={submit}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={isPublic}
          onChange={(event) => {
            setIsPublic(event.target.checked);
            edited();
          }}
        />
        Public room
      </label>
      {SettingsFields && <SettingsFields ref={fields} code={code} settings={snapshot?.settings ?? {}} onEdit={edited} />}
      <div className="button-row">
        <button type="submit" className="button" disabled={status === 'saving'}>
          Save settings
        </button>
        <span className="muted" role="status">
          {status === 'saved' ? 'Saved' : ''}
        </span>
      </div>
    </form>
  );
}
