import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../game/errors';
import { expectOk, metricSample } from './testing';
import { closedAfterEach } from './test-servers';

const { server, client } = closedAfterEach();

describe('operations endpoints', () => {
  it('/healthz answers 200 while the process is up', async () => {
    const s = await server();
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('/readyz is 200 with the embedded store, 503 when the readiness check fails or throws', async () => {
    const embedded = await server();
    expect((await fetch(`${embedded.url}/readyz`)).status).toBe(200);
    const down = await server({ ready: () => Promise.resolve(false) });
    expect((await fetch(`${down.url}/readyz`)).status).toBe(503);
    const broken = await server({ ready: () => Promise.reject(new Error('ECONNREFUSED')) });
    expect((await fetch(`${broken.url}/readyz`)).status).toBe(503);
  });

  it('/metrics counts sockets, rooms by phase, accepted and rejected actions, latency and loop lag', async () => {
    const s = await server();
    const host = await client(s);
    await client(s);
    const { code } = expectOk(await host.request<{ code: string }>('room:create', { nickname: 'Host', public: false }));
    expectOk(await host.request('room:join', { code, nickname: 'Host', as: 'player' }));
    // Refused by the room (no game yet) and by the schema (no code): each shows its code.
    const early = await host.request('game:move', { code, move: { type: 'guess', card: 0, turn: 0 } });
    expect(early).toMatchObject({ ok: false, code: ErrorCode.GAME_NOT_STARTED });
    expect(await host.request('room:join', { nickname: 'Host' })).toMatchObject({ ok: false, code: ErrorCode.BAD_REQUEST });

    const res = await fetch(`${s.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(metricSample(text, 'parlor_connected_sockets')).toBe(2);
    expect(metricSample(text, 'parlor_rooms{phase="lobby"}')).toBe(1);
    expect(metricSample(text, 'parlor_rooms{phase="playing"}')).toBe(0);
    expect(metricSample(text, 'parlor_actions_accepted_total{event="room:create"}')).toBe(1);
    expect(metricSample(text, 'parlor_actions_accepted_total{event="room:join"}')).toBe(1);
    expect(metricSample(text, 'parlor_actions_rejected_total{event="game:move",code="GAME_NOT_STARTED"}')).toBe(1);
    expect(metricSample(text, 'parlor_actions_rejected_total{event="room:join",code="BAD_REQUEST"}')).toBe(1);
    // Latency is observed for accepted actions only: a refusal broadcasts nothing.
    expect(metricSample(text, 'parlor_action_duration_seconds_count{event="room:join"}')).toBe(1);
    expect(metricSample(text, 'parlor_action_duration_seconds_count{event="game:move"}')).toBeUndefined();
    expect(metricSample(text, 'parlor_ignored_requests{reason="missingAck"}')).toBe(0);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('leaves every other path and method to the next handler', async () => {
    const s = await server();
    expect((await fetch(`${s.url}/healthz/more`)).status).toBe(404);
    expect((await fetch(`${s.url}/metrics`, { method: 'POST' })).status).toBe(404);
  });
});
