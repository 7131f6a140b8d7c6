'use client';

import { useState, type FormEvent } from 'react';
import { nicknameSchema } from '@/game/protocol';
import { saveNickname } from '@/app/lib/nickname';
import { ErrorAlert } from '../ErrorAlert';
import { NicknameField } from '../NicknameField';

/** Asks a first-time visitor for a nickname, then whether to play or watch. */
export function NicknamePrompt({
  code,
  watch,
  onChoose,
}: {
  code: string;
  watch: boolean;
  onChoose: (entry: { nickname: string; as: 'player' | 'spectator' }) => void;
}) {
  const [nickname, setNickname] = useState('');
  const [error, setError] = useState<string | null>(null);

  function choose(as: 'player' | 'spectator') {
    const parsed = nicknameSchema.safeParse(nickname);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Pick a nickname');
      return;
    }
    saveNickname(parsed.data);
    onChoose({ nickname: parsed.data, as });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    // Enter in the field does what the page was opened for.
    choose(watch ? 'spectator' : 'player');
  }

  return (
    <section className="card narrow" aria-labelledby="prompt-heading">
      <h1 id="prompt-heading">Room {code}</h1>
      <p>Pick a nickname so the others know who you are.</p>
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      <form onSubmit={submit} className="stack">
        <NicknameField value={nickname} onChange={setNickname} id="prompt-nickname" autoFocus />
        <div className="button-row">
          <button
            type={watch ? 'button' : 'submit'}
            className={watch ? 'button' : 'button button-primary'}
            onClick={watch ? () => choose('player') : undefined}
          >
            Join as player
          </button>
          <button
            type={watch ? 'submit' : 'button'}
            className={watch ? 'button button-primary' : 'button'}
            onClick={watch ? undefined : () => choose('spectator')}
          >
            Watch
          </button>
        </div>
      </form>
    </section>
  );
}
