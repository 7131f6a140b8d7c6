'use client';

import { lazy, Suspense, useEffect, useState } from 'react';
import { ErrorCode } from '@/game/errors';
import type { RoomLookup } from '@/game/protocol';
import { loadGameUi } from '@/app/games';
import { saveNickname, useStoredNickname } from '@/app/lib/nickname';
import { useRoomLookup } from '@/app/lib/room-lookup';
import { JoinFailed } from './JoinFailed';
import { NicknamePrompt } from './NicknamePrompt';
import { JoiningRoom } from './RoomTitle';
import './room-page.css';

const loadLiveRoom = () => import('./LiveRoom');
const LiveRoom = lazy(loadLiveRoom);

/** How this tab enters the room. */
interface Entry {
  readonly nickname: string;
  readonly as: 'player' | 'spectator';
}

/**
 * A room page: asks for a nickname if this browser has none, then joins as a player
 * (or as a spectator with `?watch=1` or the prompt's "Watch") inside a fresh room store.
 * The server looks the room up as it renders the page (`lookup`), so a dead link says so
 * before anyone types a name and a live one says whose game it is, in the first paint; when
 * the server could not tell (null), the page asks while it prompts.
 */
export function RoomPage({ code, watch, lookup: served = null }: { code: string; watch: boolean; lookup?: RoomLookup | null }) {
  const stored = useStoredNickname();
  const [chosen, setChosen] = useState<Entry | null>(null);
  const entry: Entry | null = chosen ?? (stored ? { nickname: stored, as: watch ? 'spectator' : 'player' } : null);
  const prompting = stored !== null && !entry;
  const fetched = useRoomLookup(code, prompting && served === null);
  const lookup = served ?? fetched;
  const gameId = lookup?.ok ? lookup.room.gameId : null;

  // Someone typing a nickname is about to join: fetch the live room (and its game, once the
  // lookup said which) meanwhile.
  useEffect(() => {
    if (!prompting) return;
    const controller = new AbortController();
    const preload = () => {
      controller.abort();
      void loadLiveRoom();
      if (gameId) void loadGameUi(gameId);
    };
    window.addEventListener('keydown', preload, { signal: controller.signal });
    window.addEventListener('pointerdown', preload, { signal: controller.signal });
    return () => controller.abort();
  }, [prompting, gameId]);

  // A dead link says so to everyone, a returning player too: their join would only fail.
  if (lookup?.ok === false && lookup.code === ErrorCode.ROOM_NOT_FOUND) return <JoinFailed failure={lookup} />;

  if (!entry) {
    // localStorage is unknown on the server and while hydrating (`stored` is null): render
    // both first screens, the prompt and the joining room, and let the CSS show the one
    // that the head script's `data-nickname-stored` calls for. The first paint is then the
    // final layout, not a placeholder. The prompt keeps its place (and its DOM) afterwards.
    const hydrating = stored === null;
    return (
      <>
        <div className="room-entry" data-entry={hydrating ? 'new' : undefined}>
          <NicknamePrompt code={code} watch={watch} onChoose={setChosen} disabled={hydrating} room={lookup?.ok ? lookup.room : null} />
        </div>
        {hydrating && (
          <div className="room-entry" data-entry="returning">
            <JoiningRoom code={code} />
          </div>
        )}
      </>
    );
  }

  return (
    <Suspense fallback={<JoiningRoom code={code} />}>
      <LiveRoom
        code={code}
        nickname={entry.nickname}
        as={entry.as}
        onChangeNickname={() => {
          // Forget the refused nickname so the prompt shows again.
          saveNickname('');
          setChosen(null);
        }}
      />
    </Suspense>
  );
}
