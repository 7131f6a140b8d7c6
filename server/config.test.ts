import { describe, expect, it } from 'vitest';
import { configFromEnv, DEFAULT_CONFIG } from './config';

describe('configFromEnv', () => {
  it('uses the defaults when nothing is set', () => {
    expect(configFromEnv({})).toEqual(DEFAULT_CONFIG);
  });

  it('reads minutes, seconds, origins and rates', () => {
    const config = configFromEnv({
      ROOM_IDLE_MINUTES: '1',
      ROOM_PLAYING_MINUTES: '2',
      SEAT_GRACE_SECONDS: '30',
      ROOMS_PER_IP: '3',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY: '1',
      RATE_JOIN: '5/10',
      RATE_LOOKUP: '7/60',
    });
    expect(config.expiry).toEqual({ idleMs: 60_000, playingMs: 120_000 });
    expect(config.graceMs).toBe(30_000);
    expect(config.roomsPerIp).toBe(3);
    expect(config.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.trustProxy).toBe(true);
    expect(config.rates.join).toEqual({ points: 5, durationSec: 10 });
    expect(config.rates.lookup).toEqual({ points: 7, durationSec: 60 });
    expect(config.rates.chat).toEqual(DEFAULT_CONFIG.rates.chat);
  });

  it('refuses values that make no sense, naming the variable', () => {
    expect(() => configFromEnv({ SEAT_GRACE_SECONDS: 'soon' })).toThrow(/SEAT_GRACE_SECONDS/);
    expect(() => configFromEnv({ RATE_CHAT: 'lots' })).toThrow(/RATE_CHAT/);
  });

  it('reads TRANSPORTS: websocket only, or the default pair', () => {
    expect(configFromEnv({ TRANSPORTS: 'websocket' }).transports).toEqual(['websocket']);
    expect(configFromEnv({ TRANSPORTS: ' polling , websocket ' }).transports).toEqual(['polling', 'websocket']);
    expect(() => configFromEnv({ TRANSPORTS: 'webtransport' })).toThrow(/TRANSPORTS/);
    expect(() => configFromEnv({ TRANSPORTS: ',' })).toThrow(/TRANSPORTS/);
  });

  it('reads REDIS_URL, REDIS_PREFIX, NODE_ID and NODE_TIMEOUT_SECONDS; no REDIS_URL is the embedded default', () => {
    expect(configFromEnv({}).redisUrl).toBeNull();
    expect(configFromEnv({}).redisPrefix).toBe('parlor:');
    const config = configFromEnv({ REDIS_URL: 'redis://10.0.0.5:6379', NODE_ID: 'web-1', NODE_TIMEOUT_SECONDS: '4', REDIS_PREFIX: 'games:' });
    expect(config).toMatchObject({ redisUrl: 'redis://10.0.0.5:6379', nodeId: 'web-1', nodeTimeoutMs: 4_000, redisPrefix: 'games:' });
  });
});
