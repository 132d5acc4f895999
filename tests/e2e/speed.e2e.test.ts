// Browser speed on the large demo, end to end: list open (cold and warm), next page and sort for the three big lists.
// Only sanity is asserted here (rows became visible, every step saw its list request); the 300 ms budgets live in
// the bench (`npm run bench`), which prints the same figures as medians of several runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { generateDemo } from '../../electron/core/demo/generate';
import {
  formatBrowserTimings,
  measureBrowserTimings,
  startBrowserServer,
  stepNames,
  type BrowserServer,
  type ListName,
} from '../bench/browserTimings';
import { E2E_ADMIN } from './harness';

const outDir = path.resolve('test-output');
const lists: ListName[] = ['customers', 'dealers', 'products'];
let dir: string;
let server: BrowserServer | undefined;

describe('list pages in the browser, large demo', () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-speed-'));
    const dbFile = path.join(dir, 'large.db');
    const core = createCore(dbFile);
    try {
      const counts = generateDemo(core.ctx.db, { scale: 'large', seed: 20261125, now: new Date() });
      expect(counts.customers).toBe(20_000);
      const init = await core.call('settings.initialize', { companyName: '华众商贸有限公司', loadDemo: false, admin: E2E_ADMIN });
      expect(init.ok).toBe(true);
    } finally {
      core.close();
    }
    server = await startBrowserServer(dbFile);
  });

  afterAll(async () => {
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens, pages and sorts each list with its rows visible, and records the timings', async () => {
    const results = await measureBrowserTimings({ url: server!.url, runs: 2, lists });
    expect(results.map((r) => `${r.list}:${r.step}`)).toEqual(lists.flatMap((l) => stepNames.map((s) => `${l}:${s}`)));
    for (const r of results) {
      expect(r.samples).toHaveLength(2);
      for (const s of r.samples) {
        // the rows were seen after the step began, and the list's own request went out
        expect(s.totalMs).toBeGreaterThan(0);
        expect(s.rowsMs).toBeLessThanOrEqual(s.totalMs);
        expect(s.requestStartMs, `${r.list} ${r.step}: no ${r.list}.list request seen`).not.toBeNull();
        expect(s.responseEndMs!).toBeGreaterThanOrEqual(s.requestStartMs!);
        // a list kept alive shows its rows as left at once and asks for fresh ones meanwhile; every other step waits
        if (r.step !== 'open-return') expect(s.rowsMs).toBeGreaterThanOrEqual(s.responseEndMs!);
      }
      // a cold load fetches the app's scripts (steps inside the loaded page may see the menu's other pages loading in
      // the background once the first page shows — renderer/src/lib/preloadPages.ts — so their count is not asserted)
      if (r.step === 'open-cold') expect(Math.min(...r.samples.map((s) => s.scripts))).toBeGreaterThan(0);
    }
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'speed.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
    const lines = formatBrowserTimings(results);
    fs.writeFileSync(path.join(outDir, 'speed.txt'), `${lines.join('\n')}\n`);
    console.log(lines.join('\n'));
  });
});
