// npm test: type-check, lint, unit + component tests, build, browser end-to-end tests; ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBrowser } from './ensure-browser.mjs';

const outDir = path.resolve('test-output');
fs.mkdirSync(outDir, { recursive: true });
let passed = 0;
let failed = 0;
const summary = [];

function run(label, cmd, args) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const ok = result.status === 0;
  summary.push(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

/** A whole step (type-check, lint, build) counts as one check. */
function step(label, cmd, args) {
  if (run(label, cmd, args)) passed++;
  else failed++;
}

/** A vitest run counts each test; a run that crashes before reporting counts as one failure. */
function vitest(label, args, reportFile) {
  fs.rmSync(reportFile, { force: true });
  const ok = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`]);
  try {
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (!ok && report.numFailedTests === 0) failed++; // e.g. a suite that failed to load
    if (report.numTotalTests === 0) failed++; // a run that executed nothing proves nothing
  } catch {
    failed++;
  }
}

step('type-check', 'npx', ['vue-tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('format', 'npx', ['prettier', '--check', '.']);
vitest('unit + component tests', [], path.join(outDir, 'vitest-unit.json'));
ensureBrowser();
step('build', 'npx', ['electron-vite', 'build']);
vitest('end-to-end tests (Chromium, browser mode)', ['--config', 'vitest.e2e.config.mts'], path.join(outDir, 'vitest-e2e.json'));

console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
