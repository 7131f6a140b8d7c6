'use client';

import { RoomStoreProvider } from '@/app/lib/room-store-context';
import { RoomSession } from './RoomSession';
import './room.css';

/**
 * A room this tab is in: its own store around the session (connection, lobby, game).
 * RoomPage loads this module lazily, so the socket, the store and the whole room UI stay
 * out of the page's first load; a first-time visitor's nickname prompt needs none of it.
 */
export default function LiveRoom({
  code,
  nickname,
  as,
  onChangeNickname,
}: {
  code: string;
  nickname: string;
  as: 'player' | 'spectator';
  onChangeNickname: () => void;
}) {
  return (
    <RoomStoreProvider code={code}>
      <RoomSession nickname={nickname} as={as} onChangeNickname={onChangeNickname} />
    </RoomStoreProvider>
  );
}
