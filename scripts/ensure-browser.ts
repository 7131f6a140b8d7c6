// Makes sure the browser tests have a Chromium: the system's when there is one,
// otherwise Playwright's own, downloaded once with `playwright install chromium`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../e2e/browser';

const system = chromiumPath();
if (system) {
  console.log(`parlor: browser tests use ${system}`);
} else if (existsSync(chromium.executablePath())) {
  console.log("parlor: browser tests use Playwright's Chromium");
} else {
  console.log("parlor: no Chromium found; installing Playwright's");
  execFileSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium'], { stdio: 'inherit' });
}
