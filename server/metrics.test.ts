import { describe, expect, it } from 'vitest';
import { ParlorMetrics } from './metrics';
import { metricSample } from './testing';

const sources = { sockets: () => 0, roomsByPhase: () => ({ lobby: 0, playing: 0, over: 0 }), ignored: () => ({}) };

describe('ParlorMetrics', () => {
  it('tallies actions between scrapes and hands every one to the scrape, batches of latencies included', async () => {
    const metrics = new ParlorMetrics(sources);
    // More latencies than one batch holds: the full batch is handed over on the way, the rest at the scrape.
    for (let i = 0; i < 2500; i++) metrics.record('game:move', { ok: true }, i % 2 === 0 ? 0.0002 : 0.003);
    metrics.record('game:move', { ok: false, code: 'NOT_YOUR_TURN' });
    metrics.record('game:move', { ok: false, code: 'NOT_YOUR_TURN' });
    metrics.record('room:join', { ok: false });
    metrics.record('room:join', { ok: true });

    const first = await metrics.text();
    expect(metricSample(first, 'parlor_actions_accepted_total{event="game:move"}')).toBe(2500);
    expect(metricSample(first, 'parlor_actions_accepted_total{event="room:join"}')).toBe(1);
    expect(metricSample(first, 'parlor_actions_rejected_total{event="game:move",code="NOT_YOUR_TURN"}')).toBe(2);
    expect(metricSample(first, 'parlor_actions_rejected_total{event="room:join",code="UNKNOWN"}')).toBe(1);
    expect(metricSample(first, 'parlor_action_duration_seconds_count{event="game:move"}')).toBe(2500);
    expect(metricSample(first, 'parlor_action_duration_seconds_bucket{le="0.00025",event="game:move"}')).toBe(1250);
    expect(metricSample(first, 'parlor_action_duration_seconds_sum{event="game:move"}')).toBeCloseTo(1250 * 0.0032, 6);
    // Accepted without a latency (it never reached the hub's broadcast): counted, not observed.
    expect(metricSample(first, 'parlor_action_duration_seconds_count{event="room:join"}')).toBeUndefined();

    // A second scrape adds only what came since: nothing is counted twice.
    metrics.record('game:move', { ok: true }, 0.0002);
    const second = await metrics.text();
    expect(metricSample(second, 'parlor_actions_accepted_total{event="game:move"}')).toBe(2501);
    expect(metricSample(second, 'parlor_action_duration_seconds_count{event="game:move"}')).toBe(2501);
    expect(metricSample(second, 'parlor_actions_rejected_total{event="game:move",code="NOT_YOUR_TURN"}')).toBe(2);
  });
});
