'use client';

import { useEffect } from 'react';
import { usePreference } from '@/app/lib/use-preference';
import { playSound, soundPreference, SOUNDS, unlockAudio, type SoundSetting } from '@/app/lib/sound';

/**
 * "Sound": a toggle button (`aria-pressed`) in the site header for the optional sounds
 * ("your turn", the games' own moves, the end of a game). Off until pressed; remembered.
 */
export function SoundToggle() {
  const on = usePreference<SoundSetting, boolean>(soundPreference, (stored) => stored === 'on', false);

  useEffect(() => {
    if (!on) return;
    // Sound was left on last time: browsers let audio start only after an interaction.
    const unlock = () => unlockAudio();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [on]);

  return (
    <button
      type="button"
      className="header-toggle"
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
