'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { playSound, soundOn, soundPreference, SOUND_CHOICE_ATTRIBUTE, SOUNDS, subscribeSound, watchFirstInteraction } from '@/app/lib/sound';

/**
 * "Sound": a toggle button (`aria-pressed`) in the site header for the optional sounds
 * ("your turn", the games' own moves, the end of a game). On after the visitor's first
 * interaction with the page unless they turned it off; a press is remembered and wins.
 */
export function SoundToggle() {
  // Off while rendered on the server and hydrating: nobody has interacted yet.
  const on = useSyncExternalStore(subscribeSound, soundOn, () => false);

  useEffect(() => watchFirstInteraction(), []);

  return (
    <button
      type="button"
      className="header-toggle"
      {...{ [SOUND_CHOICE_ATTRIBUTE]: '' }}
      aria-pressed={on}
      onClick={() => {
        soundPreference.write(on ? 'off' : 'on');
        if (!on) playSound(SOUNDS.enabled, true);
      }}
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false" className="header-toggle-icon">
        <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" fill="currentColor" />
        {on ? (
          <path
            d="M15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        ) : (
          <path d="M16 9.5l5 5M21 9.5l-5 5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        )}
      </svg>
      <span className="header-toggle-text">Sound</span>
    </button>
  );
}
