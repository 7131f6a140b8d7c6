/**
 * Set-up file of vitest's "redis" project, run in each test worker: hands the run's
 * redis-server to `startTestServer` (server/testing.ts), which serves every test server
 * from it when `PARLOR_TEST_REDIS_URL` is set.
 */
import { inject } from 'vitest';

process.env.PARLOR_TEST_REDIS_URL = inject('testRedisUrl');
