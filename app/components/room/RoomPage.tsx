'use client';

import { useState } from 'react';
import { saveNickname, useStoredNickname } from '@/app/lib/nickname';
import { RoomStoreProvider } from '@/app/lib/room-store-context';
import { LoadingState } from '../StateNotice';
import { NicknamePrompt } from './NicknamePrompt';
import { RoomSession } from './RoomSession';

/** How this tab enters the room. */
interface Entry {
  readonly nickname: string;
  readonly as: 'player' | 'spectator';
}

/**
 * A room page: asks for a nickname if this browser has none, then joins as a player
 * (or as a spectator with `?watch=1` or the prompt's "Watch") inside a fresh room store.
 */
export function RoomPage({ code, watch }: { code: string; watch: boolean }) {
  const stored = useStoredNickname();
  const [chosen, setChosen] = useState<Entry | null>(null);

  // localStorage is unknown until hydration; render a neutral placeholder until then.
  if (stored === null) {
    return <LoadingState>Opening room {code}…</LoadingState>;
  }

  const entry: Entry | null = chosen ?? (stored ? { nickname: stored, as: watch ? 'spectator' : 'player' } : null);
  if (!entry) return <NicknamePrompt code={code} watch={watch} onChoose={setChosen} />;

  return (
    <RoomStoreProvider code={code}>
      <RoomSession
        nickname={entry.nickname}
        as={entry.as}
        onChangeNickname={() => {
          // Forget the refused nickname so the prompt shows again.
          saveNickname('');
          setChosen(null);
        }}
      />
    </RoomStoreProvider>
  );
}
