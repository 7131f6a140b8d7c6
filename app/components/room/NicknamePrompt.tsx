'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { checkNickname } from '@/game/limits';
import { saveNickname } from '@/app/lib/nickname';
import { ErrorAlert } from '../ErrorAlert';
import { NicknameField } from '../NicknameField';

/**
 * Asks a first-time visitor for a nickname, then whether to play or watch. `disabled`
 * while the page hydrates (the server renders the prompt): a click before the handlers
 * exist would submit the form natively and reload the page.
 */
export function NicknamePrompt({
  code,
  watch,
  onChoose,
  disabled = false,
}: {
  code: string;
  watch: boolean;
  onChoose: (entry: { nickname: string; as: 'player' | 'spectator' }) => void;
  disabled?: boolean;
}) {
  const [nickname, setNickname] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  // The field is focused as soon as it takes input; `autoFocus` would act only when the
  // element is created, which for a server-rendered prompt is while it is still disabled.
  useEffect(() => {
    if (!disabled) field.current?.focus();
  }, [disabled]);

  function choose(as: 'player' | 'spectator') {
    const checked = checkNickname(nickname);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    saveNickname(checked.value);
    onChoose({ nickname: checked.value, as });
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
        <NicknameField value={nickname} onChange={setNickname} id="prompt-nickname" ref={field} disabled={disabled} />
        <div className="button-row">
          <button
            type={watch ? 'button' : 'submit'}
            className={watch ? 'button' : 'button button-primary'}
            disabled={disabled}
            onClick={watch ? () => choose('player') : undefined}
          >
            Join as player
          </button>
          <button
            type={watch ? 'submit' : 'button'}
            className={watch ? 'button button-primary' : 'button'}
            disabled={disabled}
            onClick={watch ? undefined : () => choose('spectator')}
          >
            Watch
          </button>
        </div>
      </form>
    </section>
  );
}
