/**
 * What the site says of itself wherever it is shown outside its pages: link previews, the
 * home-screen app (manifest and icons), the browser's toolbar colour.
 */

export const SITE_NAME = 'Parlor';

/** The site in one line: the home page's description and every generic preview's. */
export const SITE_DESCRIPTION = 'Free multiplayer party games in your browser. No sign-up: make a room, share the link, play.';

/**
 * The colours of the previews and icons. `light` and `dark` are the page backgrounds of
 * app/globals.css (`--bg` of each theme), `accent` its `--accent`, `text` and `muted` the
 * light theme's: keep them in step with it.
 */
export const BRAND = {
  accent: '#5b3cc4',
  light: '#f6f3ee',
  dark: '#14121a',
  text: '#1c1f24',
  muted: '#5a626d',
} as const;
