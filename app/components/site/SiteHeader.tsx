import Link from 'next/link';
import { SoundToggle } from './SoundToggle';
import { ThemeToggle } from './ThemeToggle';

/**
 * The bar on every page: home, how to play, and the theme and sound toggles.
 *
 * Its links do not prefetch: a prefetch fetches and decodes the other page's payload while
 * this one is still starting up, work on a phone's busy main thread for a click that may never
 * come (and the home link would prefetch the home page on itself). A click loads the page then.
 */
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="site-title" prefetch={false}>
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false" className="site-logo">
            <rect width="32" height="32" rx="8" fill="currentColor" />
            <path d="M16 6l9 10-9 10-9-10z" fill="var(--accent-ink)" />
          </svg>
          Parlor
        </Link>
        <span className="site-tagline">party games, no sign-up</span>
        <nav className="site-nav" aria-label="Site">
          <Link href="/how-to-play" className="site-nav-link" prefetch={false}>
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
