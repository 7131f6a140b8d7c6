'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { applyTheme, themePreference, watchSystemTheme } from '@/app/lib/theme';

/** Re-renders on any change of <html data-theme>, whoever made it (this button, another tab, the system). */
function subscribeToAppliedTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

const appliedIsDark = () => document.documentElement.dataset.theme === 'dark';

/**
 * "Dark mode": a toggle button (`aria-pressed`) in the site header. Pressing it stores an
 * explicit choice; until then the page follows the system and keeps following it live.
 * It reports the theme actually applied to <html>, so it can never disagree with the page.
 */
export function ThemeToggle() {
  const dark = useSyncExternalStore(subscribeToAppliedTheme, appliedIsDark, () => false);

  useEffect(() => {
    // Keep <html> in step with another tab's choice, and with the system while no choice is stored.
    applyTheme();
    const stopStorage = themePreference.subscribe(applyTheme);
    const stopSystem = watchSystemTheme(applyTheme);
    return () => {
      stopStorage();
      stopSystem();
    };
  }, []);

  return (
    <button
      type="button"
      className="header-toggle"
      aria-pressed={dark}
      onClick={() => {
        themePreference.write(dark ? 'light' : 'dark');
        applyTheme();
      }}
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false" className="header-toggle-icon">
        <path
          d="M20 14.5A8.5 8.5 0 0 1 9.5 4a8.5 8.5 0 1 0 10.5 10.5Z"
          fill={dark ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      <span className="header-toggle-text">Dark mode</span>
    </button>
  );
}
