#!/usr/bin/env node
// Makes sure the tests have the two programs npm cannot install: a Chromium for the
// browser tests and a redis-server for the Redis suites. Run first by `npm test` and
// `npm run test:e2e`. Like `playwright install --with-deps`, it installs what is missing
// with apt when it runs as root on Debian or Ubuntu; anywhere else it stops at once with
// one line saying what to install, instead of failing later in the middle of the suites.
// (Playwright's own Chromium is not an option: its download host may be unreachable.)
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const { CHROMIUM_PATH, REDIS_SERVER_PATH } = process.env;

function fail(message) {
  console.error(`parlor: ${message}`);
  process.exit(1);
}

// A CHROMIUM_PATH that does not exist would win over any installed Chromium (e2e/browser.ts).
if (CHROMIUM_PATH && !existsSync(CHROMIUM_PATH)) fail(`CHROMIUM_PATH=${CHROMIUM_PATH} does not exist: fix or unset it`);

/** The Chromium e2e/browser.ts chromiumPath() picks, if it exists. */
function chromium() {
  if (CHROMIUM_PATH) return CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** The redis-server server/redis-server.ts starts: $REDIS_SERVER_PATH, else the first on PATH. */
function redisServer() {
  if (REDIS_SERVER_PATH) return REDIS_SERVER_PATH;
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, 'redis-server'), constants.X_OK);
      return join(dir, 'redis-server');
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function missing() {
  return [chromium() ? [] : ['chromium'], redisServer() ? [] : ['redis-server']].flat();
}

/** True on Debian, Ubuntu and their derivatives (ID or ID_LIKE in /etc/os-release). */
function debianLike() {
  let release = '';
  try {
    release = readFileSync('/etc/os-release', 'utf8');
  } catch {
    return false;
  }
  const ids = [...release.matchAll(/^(?:ID|ID_LIKE)=["']?([^"'\n]*)/gm)].flatMap((m) => m[1].split(/\s+/));
  return ids.includes('debian') || ids.includes('ubuntu');
}

let packages = missing();
if (packages.length > 0) {
  if (process.getuid?.() !== 0 || !debianLike()) {
    const variables = packages.map((p) => (p === 'chromium' ? 'CHROMIUM_PATH' : 'REDIS_SERVER_PATH'));
    const them = packages.length > 1 ? 'them' : 'it';
    fail(
      `the tests need ${packages.join(' and ')}: install ${them} (apt-get install ${packages.join(' ')}) ` +
        `or set ${variables.join(' and ')}`,
    );
  }
  console.log(`parlor: installing ${packages.join(' and ')} with apt-get (once)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // dpkg's progress goes to stdout and is dropped; apt's errors and warnings stay on stderr.
  const stdio = ['ignore', 'ignore', 'inherit'];
  try {
    execFileSync('apt-get', ['update', '-qq'], { env, stdio });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { env, stdio });
  } catch (error) {
    fail(`apt-get failed (${error.message.split('\n')[0]}): install ${packages.join(' ')} yourself`);
  }
  packages = missing();
  if (packages.length > 0) fail(`apt-get installed no ${packages.join(' or ')}`);
}
console.log(`parlor: browser tests use ${chromium()}; Redis tests use ${redisServer()}`);
