#!/usr/bin/env node
// Prints the one closing line CI reads: "tests: N passed, N failed", adding up the
// vitest and Playwright JSON reports. A failed run with no failing test counted (the
// type check or lint failed, or a runner crashed) counts as one failure, never as green.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;

if (existsSync('.vitest-report.json')) {
  const r = JSON.parse(readFileSync('.vitest-report.json', 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (existsSync('.playwright-report.json')) {
  const s = JSON.parse(readFileSync('.playwright-report.json', 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
