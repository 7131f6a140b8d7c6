'use client';

import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost, selectSnapshot } from '@/app/lib/room-selectors';
import { SettingsForm } from './SettingsForm';
import { timerLabel, wordListLabel } from './settings-format';

/** The room's settings: a form for the host, a read-only summary for everyone else. */
export function SettingsPanel() {
  const snapshot = useRoomStore(selectSnapshot);
  const isHost = useRoomStore(selectIsHost);
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
          <dt>Turn timer</dt>
          <dd>{timerLabel(snapshot.settings.turnSeconds as number | null | undefined)}</dd>
          <dt>Words</dt>
          <dd>{wordListLabel(snapshot.settings.wordList, snapshot.settings.wordCount)}</dd>
        </dl>
      )}
    </section>
  );
}
