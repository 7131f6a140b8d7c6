/**
 * boardgame.io 0.50.2 as its users run it: its own `Server` (Koa, lobby API, its nested
 * socket.io 3, in-memory storage) serving {@link benchGame}. Its `run()` listens on every
 * interface, so the bench binds its http server to 127.0.0.1 instead.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'boardgame.io/server';
import { benchGame } from './boardgameio-game';
import { serveBench } from './common';

const server = Server({ games: [benchGame], origins: [] });
// koa-socket-2 attached an http server to the Koa app and patched `app.listen` to use it.
const app = server.app as unknown as { server: HttpServer; listen: (...args: unknown[]) => HttpServer };
app.listen = (...args: unknown[]) => {
  const callback = args.find((a): a is () => void => typeof a === 'function');
  // Hand back the server still unbound: serveBench binds it to 127.0.0.1 below.
  if (callback) queueMicrotask(callback);
  return app.server;
};
// run() wires the lobby routes and the database, then "listens" (through the patch above).
void server.run({ port: 0 }).then(() => {
  serveBench(app.server, () => {
    app.server.close();
  });
});
