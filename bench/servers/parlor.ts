/**
 * Parlor's realtime server for the bench: `attachParlor` on a bare http server (no
 * Next.js), with the production code path untouched and only the limits raised, since
 * every bot connects from 127.0.0.1 and acts far faster than a person.
 */
import { createServer } from 'node:http';
import msgpackParser from 'socket.io-msgpack-parser';
import { tuneGarbageCollector } from '../../server/gc-tuning';
import { attachParlor, type ConfigOverrides } from '../../server/parlor';
import { serveBench } from './common';

const unlimited = { points: 1_000_000_000, durationSec: 1 };
const config: ConfigOverrides = {
  roomsPerIp: 1_000_000,
  // Every bot connects from 127.0.0.1.
  connectionsPerIp: 1_000_000,
  rates: { action: unlimited, actionPerIp: unlimited, chat: unlimited, create: unlimited, join: unlimited, lookup: unlimited },
};

// As the production entry point does (server.ts).
tuneGarbageCollector();

const http = createServer((_req, res) => {
  res.statusCode = 404;
  res.end();
});
// BENCH_PARSER=msgpack: the same server with Socket.IO's msgpack parser (binary frames).
const parser = process.env.BENCH_PARSER === 'msgpack' ? msgpackParser : undefined;
const parlor = attachParlor(http, { config, parser });

serveBench(http, () => parlor.close());
