import pino from 'pino';

/**
 * The process logger: JSON lines with context fields (`room`, `player`), never a token.
 * `LOG_LEVEL` sets the level; tests default to `silent`.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: undefined,
  redact: { paths: ['token', '*.token', 'auth', '*.auth'], censor: '[redacted]' },
});

/** The logger type, for injection. */
export type Logger = pino.Logger;
