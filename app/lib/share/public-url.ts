/**
 * The site's own address, which link previews need whole (`og:image`, `og:url`): chat apps
 * fetch the image from the URL as written. Server only.
 *
 * `PUBLIC_URL` (e.g. `https://parlor.example`) says it. Pages rendered at build time (home,
 * rules) read it then; room pages, rendered per request, read it per request and, when it is
 * unset, take the address the request came to (docs/deploy.md).
 */

/** `PUBLIC_URL` as an origin, or null when unset or not an http(s) URL. */
export function publicUrl(env: Record<string, string | undefined> = process.env): URL | null {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? new URL(url.origin) : null;
  } catch {
    return null;
  }
}

/**
 * The origin a request was made to, from its `Host` and `X-Forwarded-Proto` headers (Next.js
 * sets the latter from the connection when no proxy did); null without a usable host.
 * Whatever a client puts there only changes the URLs of its own, uncached, page.
 */
export function requestOrigin(headers: { get(name: string): string | null }): URL | null {
  const host = headers.get('host')?.trim();
  if (!host) return null;
  // A host with a path, a query or credentials in it is not an origin.
  if (/[\s/\\@?#]/.test(host)) return null;
  const proto = headers.get('x-forwarded-proto')?.split(',', 1)[0]?.trim() === 'https' ? 'https' : 'http';
  try {
    return new URL(new URL(`${proto}://${host}`).origin);
  } catch {
    return null;
  }
}
