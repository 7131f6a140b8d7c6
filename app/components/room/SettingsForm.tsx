'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SettingsFieldsHandle } from '@/app/games/types';
import { useGameUi } from '@/app/lib/game-ui-context';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectSnapshot } from '@/app/lib/room-selectors';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { useSettingsSync } from './settings-sync';

/** How long after the last edit the form sends (a pasted word list is typed over several keys). */
const SEND_AFTER_MS = 400;

type Status = { readonly kind: 'idle' | 'dirty' | 'saving' | 'saved' } | { readonly kind: 'invalid'; readonly message: string };

/**
 * The host's lobby settings: listed publicly or not, then the game's own fields. Every change
 * is sent by itself a moment after it is made (no save button to forget), and "Start game"
 * sends any change still waiting before it starts, so the game uses what the form shows.
 */
export function SettingsForm() {
  const snapshot = useRoomStore(selectSnapshot);
  const code = useRoomStore((state) => state.code);
  const { SettingsFields } = useGameUi();
  const actions = useRoomActions();
  const sync = useSettingsSync();
  const fields = useRef<SettingsFieldsHandle>(null);
  const [isPublic, setIsPublic] = useState(snapshot?.public ?? false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);
  const publicRef = useRef(isPublic);
  publicRef.current = isPublic;

  async function send(): Promise<boolean> {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return true;
    const collected = fields.current?.collect();
    if (collected && !collected.ok) {
      setStatus({ kind: 'invalid', message: collected.message });
      return false;
    }
    dirty.current = false;
    setStatus({ kind: 'saving' });
    const ok = await actions.updateSettings(publicRef.current, collected?.settings);
    if (ok) collected?.saved?.();
    // A refusal is in the room's toast; the form keeps what it shows, to be sent again.
    if (!ok) dirty.current = true;
    setStatus({ kind: ok ? 'saved' : 'dirty' });
    return ok;
  }

  // The latest `send` for timers and for "Start game" (it reads the fields' current handle).
  const sendRef = useRef(send);
  sendRef.current = send;
  useEffect(() => {
    if (!sync) return;
    sync.current = () => sendRef.current();
    return () => {
      sync.current = null;
    };
  }, [sync]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // After the edit has rendered, so `collect` reads the new value.
  function edited() {
    dirty.current = true;
    setStatus({ kind: 'dirty' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void sendRef.current(), SEND_AFTER_MS);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  const note =
    status.kind === 'invalid'
      ? status.message
      : status.kind === 'saving' || status.kind === 'dirty'
        ? 'Saving…'
        : status.kind === 'saved'
          ? 'Saved: changes apply as you make them.'
          : 'Changes apply as you make them.';

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
        List publicly
      </label>
      {SettingsFields && <SettingsFields ref={fields} code={code} settings={snapshot?.settings ?? {}} onEdit={edited} />}
      <p className={status.kind === 'invalid' ? 'settings-note is-invalid' : 'settings-note muted'} role="status">
        {note}
      </p>
    </form>
  );
}
