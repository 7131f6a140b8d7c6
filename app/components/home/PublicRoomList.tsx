'use client';

import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import type { RoomPhase, RoomSummary } from '@/game/protocol';
import { gameName } from '@/app/games';
import type { AppSocket } from '@/app/lib/socket';

const PHASE_LABEL: Record<RoomPhase, string> = { lobby: 'In lobby', playing: 'Playing', over: 'Game over' };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The live list of public rooms, each with its game: the 'rooms:watch' ack gives the first list, then each
 * 'rooms:list' replaces it. Re-subscribes after a reconnect (the server forgets watchers).
 */
export function PublicRoomList() {
  const router = useRouter();
  const [rooms, setRooms] = useState<readonly RoomSummary[] | null>(null);

  useEffect(() => {
    let active = true;
    let stop = () => {};
    let start: ReturnType<typeof setTimeout> | undefined;
    // socket.io-client is fetched after the page is up: nothing in its first paint needs it.
    // The socket is then created in a task of its own, not in the one that evaluated the
    // fetched modules: on a phone the two together made one long task.
    void import('@/app/lib/socket').then(({ getSocket }) => {
      if (active) start = setTimeout(() => watchRooms(getSocket()), 0);
    });
    function watchRooms(socket: AppSocket) {
      const watch = () =>
        socket.emit('rooms:watch', (reply) => {
          if (reply.ok) setRooms(reply.rooms);
        });
      socket.on('rooms:list', setRooms);
      socket.on('connect', watch);
      if (socket.connected) watch();
      stop = () => {
        socket.off('rooms:list', setRooms);
        socket.off('connect', watch);
        socket.emit('rooms:unwatch');
      };
    }
    return () => {
      active = false;
      clearTimeout(start);
      stop();
    };
  }, []);

  return (
    <section className="card" aria-labelledby="rooms-heading">
      <h2 id="rooms-heading">Public rooms</h2>
      {rooms === null ? (
        <p className="muted" role="status">
          Looking for rooms…
        </p>
      ) : rooms.length === 0 ? (
        <p className="muted">No public rooms right now. Create one and invite your friends!</p>
      ) : (
        <ul className="room-list">
          {rooms.map((room) => (
            <li key={room.code} className="room-row">
              <div className="room-row-info">
                <span className="room-row-code">{room.code}</span>
                <span className="room-row-game">{gameName(room.gameId)}</span>
                <span className="room-row-host">{room.hostName}</span>
                <span className="room-row-meta">
                  {plural(room.players, 'player', 'players')} · {plural(room.spectators, 'spectator', 'spectators')}
                </span>
                <span className={`phase-badge phase-${room.phase}`}>{PHASE_LABEL[room.phase]}</span>
              </div>
              <div className="room-row-actions">
                <button type="button" className="button button-primary" onClick={() => router.push(`/r/${room.code}`)}>
                  Join<span className="visually-hidden"> room {room.code}</span>
                </button>
                <button type="button" className="button" onClick={() => router.push(`/r/${room.code}?watch=1`)}>
                  Watch<span className="visually-hidden"> room {room.code}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
