import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessibleInBothThemes } from './axe';
import { Bot, parlorUrl, Player } from './players';

/**
 * Invites: a room link's join page says what it invites to, and the site's links preview
 * well in chat apps (Open Graph and Twitter card tags, pictures the app serves) and can be
 * added to a phone's home screen (the web app manifest and its icons).
 */

/** What a chat app's link expander sends; Next.js puts the metadata in `<head>` for it. */
const CRAWLER = { 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' };

/** A host nickname with markup in it: it must come out as text, in the page and in its tags. */
const HOST = 'Hana <i>&';

/** The `<head>` meta tags of a page as a crawler gets them: `property` or `name` to `content`. */
async function previewTags(request: APIRequestContext, page: Page, path: string): Promise<Record<string, string>> {
  const response = await request.get(parlorUrl(path), { headers: CRAWLER });
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  // Parsed by the browser (DOMParser runs no script), so entities are decoded as a crawler would.
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const tags: Record<string, string> = {};
    for (const meta of doc.head.querySelectorAll('meta[property], meta[name]')) {
      const key = meta.getAttribute('property') ?? meta.getAttribute('name')!;
      tags[key] ??= meta.getAttribute('content') ?? '';
    }
    const links = [...doc.head.querySelectorAll('link[rel="manifest"], link[rel="apple-touch-icon"]')];
    for (const link of links) tags[`link:${link.getAttribute('rel')}`] = link.getAttribute('href') ?? '';
    return tags;
  }, html);
}

/** Width and height of a PNG, read from its header; fails on anything that is not a PNG. */
function pngSize(body: Buffer): { width: number; height: number } {
  expect(body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

/**
 * Fetches a picture a tag names and checks that the app serves it as a PNG of that size.
 * `sameServer` asks it of the test server whatever origin the URL names: pages rendered at
 * build time carry the origin the build knew (PUBLIC_URL, or Next's localhost default).
 */
async function expectPng(request: APIRequestContext, url: string, size: { width: number; height: number }, sameServer = false): Promise<void> {
  const target = sameServer ? parlorUrl(new URL(url, parlorUrl()).pathname + new URL(url, parlorUrl()).search) : url;
  const response = await request.get(target);
  expect(response.status(), target).toBe(200);
  expect(response.headers()['content-type'], target).toBe('image/png');
  expect(pngSize(await response.body()), target).toEqual(size);
}

const CARD = { width: 1200, height: 630 };

test.describe('invites', () => {
  test("a room link's join page names the host and the game, says what the game is, links its rules, and passes axe in both themes", async ({
    browser,
  }) => {
    // A private room (the default): its link is the invite.
    const host = await Bot.connect(HOST);
    const code = await host.createRoom();
    const guest = await Player.open(browser, 'Ana', { context: { reducedMotion: 'reduce' } });
    const page = guest.page;

    await page.goto(guest.url(`/r/${code}`));
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(`Join ${HOST}'s Codewords game`);
    // The nickname is text: no element came out of its markup.
    await expect(heading.locator('i')).toHaveCount(0);
    await expect(page.getByText(`Room ${code} · in the lobby · 1 player`, { exact: true })).toBeVisible();
    await expect(page.getByText(/^Two teams, twenty-five words, one-word clues/)).toBeVisible();
    const rules = page.getByRole('link', { name: 'How to play Codewords (opens in a new tab)', exact: true });
    await expect(rules).toHaveAttribute('href', '/how-to-play/codewords');
    await expect(rules).toHaveAttribute('target', '_blank');
    await expect(page.getByLabel('Nickname')).toBeEnabled();

    // The server rendered all of it: the first paint already names the game (no layout shift).
    const served = await (await page.request.get(guest.url(`/r/${code}`))).text();
    expect(served).toContain('Codewords game</h1>');
    expect(served).toContain('href="/how-to-play/codewords"');

    // With SHOTS_DIR, the join page at phone and desktop size in each theme, to look at.
    const shots = process.env.SHOTS_DIR;
    const shoot = async () => {
      if (!shots) return;
      for (const [width, height] of [
        [375, 667],
        [1280, 720],
      ] as const) {
        await page.setViewportSize({ width, height });
        await guest.settle();
        await page.screenshot({ path: `${shots}/join-${width}x${height}-${await guest.theme()}.png` });
      }
    };
    await shoot();
    await expectAccessibleInBothThemes(guest, 'join page of a room link');
    await shoot();

    // Joining from there works as before.
    await page.getByLabel('Nickname').fill('Ana');
    await page.getByRole('button', { name: 'Join as player' }).click();
    await expect(page.getByRole('button', { name: 'Join red as operative' })).toBeVisible();

    await guest.close();
    host.close();
  });

  test('a room link previews as an invite to its game, with the game\'s picture; a missing room previews as the site', async ({
    request,
    page,
  }) => {
    const host = await Bot.connect(HOST);
    const code = await host.createRoom();

    const tags = await previewTags(request, page, `/r/${code}`);
    expect(tags['og:title']).toBe(`Join ${HOST}'s Codewords game`);
    expect(tags['og:description']).toMatch(/^Two teams, twenty-five words, one-word clues: find your agents first\. /);
    expect(tags['og:site_name']).toBe('Parlor');
    expect(tags['og:type']).toBe('website');
    expect(tags['twitter:card']).toBe('summary_large_image');
    expect(tags['twitter:title']).toBe(tags['og:title']);
    // Rendered per request: without PUBLIC_URL the picture's URL is on the address the request came to.
    const publicUrl = process.env.PUBLIC_URL;
    const origin = publicUrl ? new URL(publicUrl).origin : new URL(parlorUrl()).origin;
    expect(tags['og:image']).toBe(`${origin}/how-to-play/codewords/opengraph-image`);
    expect(tags['twitter:image']).toBe(tags['og:image']);
    expect(tags['og:image:alt']).toMatch(/^Codewords on Parlor: /);
    expect(tags['og:url']).toBe(publicUrl ? `${origin}/r/${code}` : undefined);
    await expectPng(request, tags['og:image']!, CARD, !!publicUrl);

    // A code no room has: the site's own preview, and no word of any room.
    const missing = await previewTags(request, page, '/r/ZZZZZZ');
    expect(missing['og:title']).toBe('Parlor');
    expect(missing['og:image']).toBe(`${origin}/opengraph-image`);
    await expectPng(request, missing['og:image']!, CARD, !!publicUrl);

    host.close();
  });

  test('the home page and the rules preview with pictures the app serves', async ({ request, page }) => {
    for (const [path, title, picture] of [
      ['/', 'Parlor', '/opengraph-image'],
      ['/how-to-play', 'How to play · Parlor', '/opengraph-image'],
      ['/how-to-play/codewords', 'How to play Codewords · Parlor', '/how-to-play/codewords/opengraph-image'],
    ] as const) {
      const tags = await previewTags(request, page, path);
      expect(tags['og:title'], path).toBe(title);
      expect(tags['og:description'], path).toBeTruthy();
      expect(tags['twitter:card'], path).toBe('summary_large_image');
      expect(new URL(tags['og:image']!).pathname, path).toBe(picture);
      await expectPng(request, tags['og:image']!, CARD, true);
    }
  });

  test('the site can be added to a home screen: the manifest, its icons and the apple-touch icon answer', async ({ request, page }) => {
    const tags = await previewTags(request, page, '/');
    expect(tags['link:manifest']).toBe('/manifest.webmanifest');
    await expectPng(request, tags['link:apple-touch-icon']!, { width: 180, height: 180 }, true);

    const response = await request.get(parlorUrl('/manifest.webmanifest'));
    expect(response.status()).toBe(200);
    const manifest = (await response.json()) as {
      name: string;
      start_url: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Parlor', start_url: '/', display: 'standalone', theme_color: '#f6f3ee', background_color: '#f6f3ee' });
    const kinds = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort();
    expect(kinds).toEqual(['192x192 any', '192x192 maskable', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(icon.type).toBe('image/png');
      await expectPng(request, parlorUrl(icon.src), { width: width!, height: height! });
    }
  });
});
