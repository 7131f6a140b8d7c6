import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ImageResponse } from 'next/og';
import type { ReactNode } from 'react';
import { SHARE_IMAGE_SIZE } from './share-metadata';
import { BRAND, SITE_NAME } from './site';

/**
 * The pictures the site draws for itself with `next/og` (Satori, then resvg: PNG), at build
 * time: link preview cards and the home-screen icons. Server only. Satori lays out a small
 * subset of CSS: every element with more than one child is a flex box.
 */

/** Parlor's mark (app/icon.svg): a white diamond on the accent colour, `size` px square. */
export function BrandMark({ size, rounded = true }: { size: number; rounded?: boolean }) {
  const diamond = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M16 6l9 10-9 10-9-10z" fill="#fff"/></svg>`;
  return (
    <div
      style={{
        width: size,
        height: size,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: BRAND.accent,
        borderRadius: rounded ? size * (7 / 32) : 0,
      }}
    >
      {/* Satori draws an <img> of an SVG given as a data URL. */}
      <img src={`data:image/svg+xml,${encodeURIComponent(diamond)}`} width={size} height={size} alt="" />
    </div>
  );
}

/** A picture of public/ (as a game's `picture` names it) as a data URL, or null if it cannot be read. */
export async function publicPicture(path: string): Promise<string | null> {
  const type = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' }[extname(path).toLowerCase()];
  if (!type) return null;
  try {
    // process.cwd() is the project's folder, in the build and in the server alike.
    const data = await readFile(join(process.cwd(), 'public', path));
    return `data:${type};base64,${data.toString('base64')}`;
  } catch {
    return null;
  }
}

/**
 * A link preview card (1200x630): Parlor's mark and name, a large title, a line under it,
 * and on the right a picture (a game's) when there is one.
 */
export function shareCard({ title, line, picture }: { title: string; line: string; picture?: string | null }): ImageResponse {
  const card: ReactNode = (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: BRAND.light,
        color: BRAND.text,
        borderBottom: `24px solid ${BRAND.accent}`,
        padding: '64px 72px 48px',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <BrandMark size={72} />
        <div style={{ fontSize: 52, letterSpacing: 1 }}>{SITE_NAME}</div>
      </div>
      <div style={{ flex: 1, display: 'flex', alignItems: 'center', gap: 56 }}>
        <div style={{ flex: 1, display: 'flex', flexDirection: 'column', gap: 24 }}>
          <div style={{ fontSize: title.length > 24 ? 64 : 96, lineHeight: 1.1, color: BRAND.text }}>{title}</div>
          <div style={{ fontSize: 36, lineHeight: 1.3, color: BRAND.muted }}>{line}</div>
        </div>
        {picture ? (
          <img src={picture} width={400} height={250} alt="" style={{ objectFit: 'contain' }} />
        ) : null}
      </div>
      <div style={{ fontSize: 30, color: BRAND.muted }}>Free party games in your browser · no sign-up</div>
    </div>
  );
  return new ImageResponse(card, SHARE_IMAGE_SIZE);
}
