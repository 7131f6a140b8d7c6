'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { checkNickname, checkRoomCode } from '@/game/limits';
import { GAMES, loadGameUi } from '@/app/games';
import { saveNickname, useStoredNickname } from '@/app/lib/nickname';
import { useHydrated } from '@/app/lib/use-hydrated';
import { request } from '@/app/lib/request';
import type { AppSocket } from '@/app/lib/socket';
import { ErrorAlert } from '../ErrorAlert';
import { NicknameField } from '../NicknameField';
import { GamePicker } from './GamePicker';

/**
 * The tab's socket, once connected (at most a few seconds' wait). socket.io-client loads
 * after the first paint, so right after the page opens it may still be connecting: wait
 * for it rather than report the player offline.
 */
async function connectedSocket(): Promise<AppSocket> {
  const { getSocket } = await import('@/app/lib/socket');
  const socket = getSocket();
  if (!socket.connected) {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        socket.off('connect', done);
        resolve();
      };
      const timer = setTimeout(done, 5000);
      socket.once('connect', done);
    });
  }
  return socket;
}

/**
 * The home page's forms: one nickname shared by "create a room" (with the game to play)
 * and "join by code". The nickname is remembered in localStorage for the next visit and
 * for room pages.
 */
export function HomeActions() {
  const router = useRouter();
  const hydrated = useHydrated();
  const stored = useStoredNickname();
  // null until the player types: until then show what is stored (known only after hydration).
  const [draft, setDraft] = useState<string | null>(null);
  const nickname = draft ?? stored ?? '';
  const [gameId, setGameId] = useState(GAMES[0]!.id);
  const [isPublic, setIsPublic] = useState(false);
  const [roomCode, setRoomCode] = useState('');
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function createRoom(event: FormEvent) {
    event.preventDefault();
    const checked = checkNickname(nickname);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    saveNickname(checked.value);
    setCreating(true);
    const reply = await request(await connectedSocket(), 'room:create', { nickname: checked.value, public: isPublic, gameId });
    if (reply.ok) {
      // The room shows once its game's UI is here: start fetching it with the room page.
      void loadGameUi(gameId);
      router.push(`/r/${reply.code}`);
    } else {
      setCreating(false);
      setError(reply.message);
    }
  }

  function joinByCode(event: FormEvent) {
    event.preventDefault();
    const checked = checkRoomCode(roomCode);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    // The room page asks for a nickname if there is none yet.
    if (nickname.trim()) saveNickname(nickname);
    router.push(`/r/${checked.value}`);
  }

  return (
    <section className="card home-actions" aria-labelledby="play-heading">
      <h2 id="play-heading">Play</h2>
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      <NicknameField
        disabled={!hydrated}
        value={nickname}
        onChange={setDraft}
        onBlur={() => {
          if (nickname.trim()) saveNickname(nickname);
        }}
      />
      <div className="home-forms">
        <form className="home-form" onSubmit={createRoom}>
          <h3>New room</h3>
          <GamePicker value={gameId} onChange={setGameId} disabled={!hydrated} />
          <label className="checkbox">
            <input
              type="checkbox"
              disabled={!hydrated}
              checked={isPublic}
              onChange={(event) => setIsPublic(event.target.checked)} />
            List publicly
          </label>
          <p className="hint">Rooms are private: only people with the link or the code join. Listed rooms show below for anyone to join or watch.</p>
          <button type="submit" className="button button-primary" disabled={!hydrated || creating}>
            {creating ? 'Creating…' : 'Create room'}
          </button>
        </form>
        <form className="home-form" onSubmit={joinByCode}>
          <h3>Have a code?</h3>
          <div className="field">
            <label htmlFor="room-code">Room code</label>
            <input
              id="room-code"
              name="code"
              type="text"
              inputMode="text"
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              maxLength={8}
              className="code-input"
              placeholder="ABCD"
              value={roomCode}
              onChange={(event) => setRoomCode(event.target.value.toUpperCase())}
              disabled={!hydrated}
            />
          </div>
          <button type="submit" className="button" disabled={!hydrated}>
            Join
          </button>
        </form>
      </div>
    </section>
  );
}
