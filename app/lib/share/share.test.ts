import { describe, expect, it } from 'vitest';
import { inviteTitle } from './invite';
import { publicUrl, requestOrigin } from './public-url';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe('the invite', () => {
  it("names the host and the game from the registry, and copes with an unknown game or no host", () => {
    expect(inviteTitle({ gameId: 'codewords', hostName: 'Hana' })).toBe("Join Hana's Codewords game");
    expect(inviteTitle({ gameId: 'chess', hostName: 'Hana' })).toBe("Join Hana's game");
    expect(inviteTitle({ gameId: 'codewords', hostName: '' })).toBe('Join this Codewords game');
  });
});

describe("the site's address", () => {
  it('is PUBLIC_URL as an origin, or nothing when it is unset or not http(s)', () => {
    expect(publicUrl({ PUBLIC_URL: 'https://parlor.example/some/path?x=1' })?.href).toBe('https://parlor.example/');
    expect(publicUrl({ PUBLIC_URL: ' http://localhost:3000 ' })?.href).toBe('http://localhost:3000/');
    expect(publicUrl({})).toBeNull();
    expect(publicUrl({ PUBLIC_URL: 'parlor.example' })).toBeNull();
    expect(publicUrl({ PUBLIC_URL: 'javascript:alert(1)' })).toBeNull();
  });

  it("of a request is its Host, over https when a proxy says so; a host that is not one gives nothing", () => {
    expect(requestOrigin(headers({ host: '127.0.0.1:41234', 'x-forwarded-proto': 'http' }))?.href).toBe('http://127.0.0.1:41234/');
    expect(requestOrigin(headers({ host: 'parlor.example', 'x-forwarded-proto': 'https,http' }))?.href).toBe('https://parlor.example/');
    expect(requestOrigin(headers({}))).toBeNull();
    expect(requestOrigin(headers({ host: 'evil.example/path' }))).toBeNull();
    expect(requestOrigin(headers({ host: 'user@evil.example' }))).toBeNull();
  });
});
