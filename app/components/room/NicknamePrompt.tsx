'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { checkNickname, LIMITS } from '@/game/limits';
import type { RoomSummary } from '@/game/protocol';
import { gameEntry } from '@/app/games';
import { saveNickname } from '@/app/lib/nickname';
import { inviteTitle } from '@/app/lib/share/invite';
import { ErrorAlert } from '../ErrorAlert';
import { NicknameField } from '../NicknameField';

const PHASE_TEXT: Record<RoomSummary['phase'], string> = {
  lobby: 'in the lobby',
  playing: 'game in progress',
  over: 'between games',
};

/** "Room ABCD · in the lobby · 3 players, 1 watching": what is going on behind the link. */
function describeRoom(room: RoomSummary): string {
  const people = `${room.players} ${room.players === 1 ? 'player' : 'players'}${room.spectators > 0 ? `, ${room.spectators} watching` : ''}`;
  const full = room.players >= LIMITS.playersPerRoom ? ' · every player spot is taken, but you can watch' : '';
  return `Room ${room.code} · ${PHASE_TEXT[room.phase]} · ${people}${full}`;
}

/** The game behind the link in a line, and where its rules are (they open beside the prompt, which keeps its nickname). */
function GameLine({ gameId }: { gameId: string }) {
  const game = gameEntry(gameId);
  if (!game) return null;
  return (
    <p className="prompt-game">
      {game.tagline}{' '}
      <Link href={`/how-to-play/${game.id}`} target="_blank" prefetch={false}>
        How to play {game.name}
        <span className="visually-hidden"> (opens in a new tab)</span>
      </Link>
    </p>
  );
}

/**
 * Asks a first-time visitor for a nickname, then whether to play or watch. `disabled`
 * while the page hydrates (the server renders the prompt): a click before the handlers
 * exist would submit the form natively and reload the page. `room`, once the room has
 * been looked up (by the server, as it rendered the page), says what the link invites to
 * ("Join Hana's <game> game"), the game in a line with a link to its rules, and what is
 * going on in the room.
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
      {/* Names are the players' own text: rendered as text, never as markup. */}
      <h1 id="prompt-heading">{room ? inviteTitle(room) : `Room ${code}`}</h1>
      {/* The line's place is kept while a lookup is on its way, so the form does not jump when it comes. */}
      <p className="muted" aria-hidden={room ? undefined : true}>{room ? describeRoom(room) : '\u00a0'}</p>
      {room && <GameLine gameId={room.gameId} />}
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
