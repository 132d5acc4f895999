// 数据分析 end to end in Chromium (browser mode) on the small demo: every dashboard route the app has opens, draws its
// charts and takes a team filter; on 销售分析 a chart is exported as PNG (the download read back: twice the chart's
// width, title and caption drawn above), copied to the clipboard (read back as image/png) and its data as .xlsx (read
// back: figures as numbers); 总览's sales card drills down to the order list on the same period and filter, which says
// how its total relates to the card's. Screenshots and the PNG go to test-output/e2e/analytics/ to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { createCore } from '../../electron/core/core';
import { generateDemo } from '../../electron/core/demo/generate';
import { E2E_ADMIN, shotsDir, signInPage, startApp, type AppUnderTest } from './harness';

const outDir = path.join(shotsDir, 'analytics');
let app: AppUnderTest;
let page: Page;
let dir: string;

/** The dashboard routes as the app registers them (the test follows the routes file, not a list of its own). */
const dashboards = [
  ...fs
    .readFileSync('renderer/src/views/analytics/routes.ts', 'utf8')
    .matchAll(/path: '(\/analytics[^']*)',\s*name: 'analytics-([\w-]+)'/g),
].map((m) => ({ path: m[1]!, name: m[2]! }));

const origin = () => new URL(app.url).origin;
/** PNG width and height from its IHDR chunk. */
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

/**
 * Opens a dashboard by its address until its page shows: right after signing in, the app's own first navigation can
 * still land after ours and take the page elsewhere (seen only when other e2e files ran first), so a miss is retried.
 */
async function open(route: string, root: string) {
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${origin()}/#${route}`);
    if (attempt > 1) await page.reload(); // the same address again is no navigation at all
    try {
      await page.locator(`[data-test="${root}"]`).waitFor({ timeout: 15_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/** The page's charts drawn and no loading mask left. */
async function drawn(root: string) {
  await page.locator(`[data-test="${root}"]`).waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const masks = [...el.querySelectorAll('.el-loading-mask')].filter((m) => (m as HTMLElement).offsetParent !== null);
      const panels = el.querySelectorAll('.chart-panel');
      const canvases = el.querySelectorAll('.chart-panel canvas');
      return masks.length === 0 && (panels.length === 0 || canvases.length > 0);
    },
    `[data-test="${root}"]`,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(600); // ECharts' entry animation
}

/** Last month, YYYY-MM: a whole month of the demo's documents (this month may have begun today). */
const lastMonth = () => {
  const d = new Date();
  const m = new Date(d.getFullYear(), d.getMonth() - 1, 1);
  return `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, '0')}`;
};

/** Types a month into the dashboard filters' month picker (the choice is shared by every dashboard). */
async function pickMonth(month: string) {
  // the filters' first date editor is the month picker while the period kind is 月
  const input = page.locator('[data-test="an-filters"] .el-date-editor input').first();
  await input.click();
  await input.fill(month);
  await input.press('Enter');
  await page
    .locator('.an-filters, [data-test="an-filters"]')
    .first()
    .click({ position: { x: 5, y: 5 } });
}

/** Picks the first team in the dashboard filters' team select. */
async function pickTeam(): Promise<string> {
  await page.locator('[data-test="an-team"]').click();
  const option = page.locator('.el-select-dropdown__item:visible').first();
  const name = ((await option.textContent()) ?? '').trim();
  await option.click();
  return name;
}

describe('analytics dashboards, end to end in Chromium', () => {
  beforeAll(async () => {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-analytics-'));
    const dbFile = path.join(dir, 'demo.db');
    const core = createCore(dbFile);
    try {
      generateDemo(core.ctx.db, { scale: 'small', seed: 20261201, now: new Date() });
      const init = await core.call('settings.initialize', { companyName: '华众商贸有限公司', loadDemo: false, admin: E2E_ADMIN });
      expect(init.ok).toBe(true);
    } finally {
      core.close();
    }
    app = await startApp({ dbFile });
    page = app.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await signInPage(app, E2E_ADMIN.name, E2E_ADMIN.password);
    await page.locator('[data-test="current-operator"]').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the dashboards in the routes file', () => {
    expect(dashboards.map((d) => d.path)).toEqual(expect.arrayContaining(['/analytics', '/analytics/sales']));
  });

  it('opens every dashboard, draws it and applies a team filter', { timeout: 600_000 }, async () => {
    await open('/analytics', 'analytics-overview');
    await drawn('analytics-overview');
    await pickMonth(lastMonth());
    await expect.poll(() => page.locator('[data-test="an-periods"]').textContent()).toContain(`${lastMonth()}-01`);
    for (const [i, d] of dashboards.entries()) {
      const root = `analytics-${d.name}`;
      await open(d.path, root);
      await drawn(root);
      const n = String(i + 1).padStart(2, '0');
      await app.shot(`analytics/${n}-${d.name}`);
      if ((await page.locator('[data-test="an-team"]').count()) === 0) continue;
      const team = await pickTeam();
      expect(team.length).toBeGreaterThan(0);
      await drawn(root);
      await app.shot(`analytics/${n}-${d.name}-team`);
      // the team stays chosen for the next dashboard: clear it
      await page.locator('[data-test="an-clear"]').click();
      await drawn(root);
    }
  });

  it('销售分析: a chart exported as PNG at twice its width with title and caption, its data as .xlsx', { timeout: 300_000 }, async () => {
    await open('/analytics/sales', 'analytics-sales');
    await drawn('analytics-sales');
    const team = await pickTeam();
    await drawn('analytics-sales');
    const chartWidth = await page.locator('[data-test="an-region-chart-chart"]').evaluate((el) => (el as HTMLElement).clientWidth);
    const chartHeight = await page.locator('[data-test="an-region-chart-chart"]').evaluate((el) => (el as HTMLElement).clientHeight);
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="an-region-chart-png"]').click()]);
    const [y, m] = lastMonth().split('-').map(Number);
    expect(png.suggestedFilename()).toBe(`按区域-${y}年${m}月-${team}.png`);
    const pngFile = path.join(outDir, 'export-by-region.png');
    await png.saveAs(pngFile);
    const bytes = fs.readFileSync(pngFile);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const size = pngSize(bytes);
    expect(size.width).toBe(2 * chartWidth);
    // the chart at 2× under a header
    expect(size.height).toBeGreaterThan(2 * chartHeight);
    // the downloaded message says where it went
    await page.locator('.el-message', { hasText: '已下载' }).waitFor();

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="an-region-chart-xlsx"]').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^按区域-.*\.xlsx$/);
    const xlsxFile = path.join(outDir, 'export-by-region.xlsx');
    await xlsx.saveAs(xlsxFile);
    const sheet = Object.values(XLSX.read(fs.readFileSync(xlsxFile), { type: 'buffer' }).Sheets)[0]!;
    expect(sheet.A1!.v).toBe('按区域');
    expect(String(sheet.A2!.v)).toContain(team);
    expect(sheet.B4!.v).toBe('销售额');
    expect(sheet.B5!.t).toBe('n');
    await app.shot('analytics/20-sales-exported');

    // 复制图片: the same image on the clipboard (the browser asks no one once the permission is granted)
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: origin() });
    await page.locator('[data-test="an-region-chart-copy"]').click();
    await page.locator('.el-message', { hasText: '图片已复制' }).waitFor();
    const copied = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const blob = await items[0]!.getType('image/png');
      const head = new DataView(await blob.arrayBuffer());
      return { types: items[0]!.types, width: head.getUint32(16) };
    });
    expect(copied.types).toContain('image/png');
    expect(copied.width).toBe(2 * chartWidth);
  });

  it('总览: the sales card drills down to the order list on the same period and team', { timeout: 300_000 }, async () => {
    await open('/analytics', 'analytics-overview');
    await drawn('analytics-overview');
    const team = await pickTeam();
    await drawn('analytics-overview');
    const salesText = ((await page.locator('[data-test="an-value-sales"]').textContent()) ?? '').trim();
    await page.locator('[data-test="an-card-sales"]').click();
    await page.waitForURL(/#\/orders\?/);
    const url = new URL(page.url().replace('/#/', '/'));
    expect(url.searchParams.get('state')).toBe('posted,reversed');
    expect(url.searchParams.get('teamId')).toMatch(/^\d+$/);
    await page.locator('[data-test="drill-tag-teamId"]').waitFor();
    expect(((await page.locator('[data-test="drill-tag-teamId"]').textContent()) ?? '').trim()).toBe(`团队：${team}`);
    await page.locator('[data-test="order-sum"]').waitFor();
    await page.waitForTimeout(500);
    const sum = ((await page.locator('[data-test="order-sum"]').textContent()) ?? '').trim();
    expect(((await page.locator('[data-test="order-drill-note"]').textContent()) ?? '').trim()).toContain('同期已过账退货');
    expect(sum.length).toBeGreaterThan(0);
    console.log(`总览 sales ${salesText} (team ${team}); the order list: ${sum}`);
    await app.shot('analytics/21-overview-drill-orders');
  });
});
