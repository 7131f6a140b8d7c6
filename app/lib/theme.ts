import { createPreference } from './preference';

/**
 * Light and dark themes. The visitor's choice is kept in localStorage under `parlor:theme`
 * ('light' | 'dark'; absent: follow the system), and the theme in use is always written to
 * `<html data-theme="light|dark">`, where the CSS reads it.
 */

export type Theme = 'light' | 'dark';

/** The storage key (part of the page's contract with the browser tests). */
export const THEME_KEY = 'parlor:theme';

export const themePreference = createPreference<Theme>(THEME_KEY, ['light', 'dark']);

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme the system asks for. Browser only. */
export function systemTheme(): Theme {
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** The theme in use: the visitor's choice, else the system's. Browser only. */
export function effectiveTheme(): Theme {
  return themePreference.read() ?? systemTheme();
}

/** Writes the theme in use to `<html>`. Browser only. */
export function applyTheme(): void {
  document.documentElement.dataset.theme = effectiveTheme();
}

/** Calls `onChange` when the system's light/dark preference changes. Browser only. */
export function watchSystemTheme(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * The same logic as `applyTheme`, as a tiny script the layout inlines in `<head>`: it runs
 * while the HTML is parsed, before the first paint, so a dark page never flashes light.
 */
export const THEME_SCRIPT = `(function(){var t;try{t=localStorage.getItem(${JSON.stringify(THEME_KEY)})}catch(e){}if(t!=="light"&&t!=="dark")t=window.matchMedia&&window.matchMedia(${JSON.stringify(DARK_QUERY)}).matches?"dark":"light";document.documentElement.setAttribute("data-theme",t)})()`;
