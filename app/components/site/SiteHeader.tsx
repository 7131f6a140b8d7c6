import Link from 'next/link';
import { SoundToggle } from './SoundToggle';
import { ThemeToggle } from './ThemeToggle';

/** The bar on every page: home, how to play, and the theme and sound toggles. */
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="site-title">
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false" className="site-logo">
            <rect width="32" height="32" rx="8" fill="currentColor" />
            <path d="M16 6l9 10-9 10-9-10z" fill="var(--accent-ink)" />
          </svg>
          Parlor
        </Link>
        <span className="site-tagline">party games, no sign-up</span>
        <nav className="site-nav" aria-label="Site">
          <Link href="/how-to-play" className="site-nav-link">
            How to play
          </Link>
        </nav>
        <div className="site-toggles">
          <ThemeToggle />
          <SoundToggle />
        </div>
      </div>
    </header>
  );
}
