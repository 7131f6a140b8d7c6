'use client';

import { Fragment } from 'react';
import { useGameUi } from '@/app/lib/game-ui-context';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost, selectSnapshot } from '@/app/lib/room-selectors';
import { SettingsForm } from './SettingsForm';

/** The room's settings: a form for the host, a read-only summary (the game's words for its settings) for everyone else. */
export function SettingsPanel() {
  const snapshot = useRoomStore(selectSnapshot);
  const isHost = useRoomStore(selectIsHost);
  const ui = useGameUi();
  if (!snapshot) return null;

  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      {isHost ? (
        // Keyed by host so a newly promoted host starts from the room's current settings.
        <SettingsForm key={snapshot.hostId} />
      ) : (
        <dl className="settings-summary">
          <dt>Room</dt>
          <dd>{snapshot.public ? 'Public' : 'Private'}</dd>
          {ui.settingsSummary?.(snapshot.settings).map(([term, description]) => (
            <Fragment key={term}>
              <dt>{term}</dt>
              <dd>{description}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </section>
  );
}
