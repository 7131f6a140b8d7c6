'use client';

import { useId, useState } from 'react';
import type { PlayerView } from '@/game/protocol';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost, selectSnapshot } from '@/app/lib/room-selectors';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { KickButton } from './KickButton';

/**
 * The host's tools for one other player, behind a "Manage NAME" toggle so the lists stay
 * readable: "Seat for NAME" (move them between seats in the lobby, or hand them a seat in a
 * running game, e.g. an away player's), "Make NAME host" and "Kick NAME".
 * Renders nothing for anyone but the host, and nothing on the host's own row.
 */
export function HostPlayerControls({ player }: { player: PlayerView }) {
  const isHost = useRoomStore(selectIsHost);
  const you = useRoomStore((state) => state.you);
  const snapshot = useRoomStore(selectSnapshot);
  const actions = useRoomActions();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const panelId = useId();
  const selectId = useId();
  if (!isHost || !snapshot || player.id === you) return null;

  async function run(action: () => Promise<boolean>) {
    setPending(true);
    await action();
    setPending(false);
  }

  return (
    <span className="host-controls">
      <button
        type="button"
        className="button button-small button-quiet host-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        Manage<span className="visually-hidden"> {player.nickname}</span>
      </button>
      {open && (
        <span className="host-panel" id={panelId}>
          <span className="host-seat">
            <label htmlFor={selectId}>
              Seat<span className="visually-hidden"> for {player.nickname}</span>
            </label>
            <select
              id={selectId}
              value={player.seat ?? ''}
              disabled={pending}
              onChange={(event) => void run(() => actions.assign(player.id, event.target.value || null))}
            >
              <option value="">No seat</option>
              {snapshot.seats.map((seat) => (
                <option key={seat.id} value={seat.id}>
                  {seat.label}
                </option>
              ))}
            </select>
          </span>
          <button
            type="button"
            className="button button-small"
            disabled={pending}
            onClick={() => void run(() => actions.makeHost(player.id))}
          >
            {/* One inline span: in the button's flex box a bare "Make " would lose its space. */}
            <span>
              Make <span className="visually-hidden">{player.nickname} </span>host
            </span>
          </button>
          <KickButton playerId={player.id} nickname={player.nickname} />
        </span>
      )}
    </span>
  );
}
