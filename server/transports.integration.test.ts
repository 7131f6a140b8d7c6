import { io as connect, type ManagerOptions, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { TRANSPORT_OPTIONS } from '../app/lib/socket';
import { PROTOCOL_VERSION } from '../game/protocol';
import type { Transport } from './config';
import { newToken, startTestServer, type TestServer } from './testing';

const servers: TestServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const s of servers.splice(0)) await s.close();
});

async function server(transports: readonly Transport[], { breakWebsockets = false } = {}): Promise<TestServer> {
  const s = await startTestServer({ config: { transports } });
  // A proxy that drops upgrade requests, the case the browser's polling fallback is for.
  if (breakWebsockets) s.parlor.io.httpServer.prependListener('upgrade', (_req, socket) => socket.destroy());
  servers.push(s);
  return s;
}

/** Connects with the given client options; resolves with the transport in use, or the error. */
function attempt(url: string, options: Partial<ManagerOptions>): Promise<Transport | Error> {
  const socket = connect(url, {
    ...options,
    auth: { token: newToken(), protocol: PROTOCOL_VERSION },
    forceNew: true,
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(socket.io.engine.transport.name as Transport));
    socket.once('connect_error', resolve);
  });
}

describe('TRANSPORTS', () => {
  it('websocket only: refuses long-polling, accepts websockets', async () => {
    const s = await server(['websocket']);
    expect(await attempt(s.url, { transports: ['polling'] })).toBeInstanceOf(Error);
    expect(await attempt(s.url, { transports: ['websocket'] })).toBe('websocket');
    expect(s.parlor.io.of('/').sockets.size).toBe(1);
  });

  it("the browser's options connect by websocket to either kind of server", async () => {
    for (const transports of [['websocket'], ['polling', 'websocket']] as const) {
      const s = await server(transports);
      expect(await attempt(s.url, TRANSPORT_OPTIONS)).toBe('websocket');
    }
  });

  it('when websockets are blocked, the browser falls back to polling only where the server allows it', async () => {
    const open = await server(['polling', 'websocket'], { breakWebsockets: true });
    expect(await attempt(open.url, TRANSPORT_OPTIONS)).toBe('polling');
    const strict = await server(['websocket'], { breakWebsockets: true });
    expect(await attempt(strict.url, TRANSPORT_OPTIONS)).toBeInstanceOf(Error);
    expect(strict.parlor.io.engine.clientsCount).toBe(0);
  });
});
