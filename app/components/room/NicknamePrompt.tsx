'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { checkNickname, LIMITS } from '@/game/limits';
import type { RoomSummary } from '@/game/protocol';
import { gameName } from '@/app/games';
import { saveNickname } from '@/app/lib/nickname';
import { ErrorAlert } from '../ErrorAlert';
import { NicknameField } from '../NicknameField';

const PHASE_TEXT: Record<RoomSummary['phase'], string> = {
  lobby: 'in the lobby',
  playing: 'game in progress',
  over: 'between games',
};

/** "Ana's room · <the game> · in the lobby · 3 players, 1 watching": who and what the link leads to. */
function describeRoom(room: RoomSummary): string {
  const people = `${room.players} ${room.players === 1 ? 'player' : 'players'}${room.spectators > 0 ? `, ${room.spectators} watching` : ''}`;
  const full = room.players >= LIMITS.playersPerRoom ? ' · every player spot is taken, but you can watch' : '';
  return `${room.hostName ? `${room.hostName}'s room` : 'Room'} · ${gameName(room.gameId)} · ${PHASE_TEXT[room.phase]} · ${people}${full}`;
}

/**
 * Asks a first-time visitor for a nickname, then whether to play or watch. `disabled`
 * while the page hydrates (the server renders the prompt): a click before the handlers
 * exist would submit the form natively and reload the page. `room`, once the page has
 * looked the room up, says whose room it is and what is going on there.
 */
export function NicknamePrompt({
  code,
  watch,
  onChoose,
  disabled = false,
  room = null,
}: {
  code: string;
  watch: boolean;
  onChoose: (entry: { nickname: string; as: 'player' | 'spectator' }) => void;
  disabled?: boolean;
  room?: RoomSummary | null;
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
      {/* The line's place is kept while the lookup is on its way, so the form does not jump when it comes. */}
      <p className="muted" aria-hidden={room ? undefined : true}>{room ? describeRoom(room) : '\u00a0'}</p>
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
