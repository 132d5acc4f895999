// 月度会议材料 end to end in Chromium (browser mode) on the demo database: the screen builds last month's pack, 生成PPT
// downloads the .pptx (read back as a zip: one slide per page, native chart parts with the figures), 生成PDF opens the
// print route, printed with page.pdf() as A4 landscape; the pages go to PNG (pdftoppm) in test-output/e2e/meeting-pack/
// to look at, and their text (pdftotext) must hold every title and finding. SALESDESK_PACK_DB=<file> runs it on a copy
// of that database instead (the large demo), and the time from 生成 to both files is printed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { createCore } from '../../electron/core/core';
import { generateDemo } from '../../electron/core/demo/generate';
import { DEMO_MANAGER, DEMO_PASSWORD } from '../../electron/core/demo/operators';
import { E2E_ADMIN, shotsDir, signInPage, startApp, type AppUnderTest } from './harness';
import { squeeze } from './pdf';

const outDir = path.join(shotsDir, 'meeting-pack');
let app: AppUnderTest;
let page: Page;
let dir: string;
let made = 0;
let pageTitles: string[] = [];
let findings: string[] = [];

const lastMonth = () => {
  const d = new Date();
  const m = new Date(d.getFullYear(), d.getMonth() - 1, 1);
  return `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, '0')}`;
};

describe('monthly meeting pack, end to end in Chromium', () => {
  beforeAll(async () => {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-pack-'));
    const dbFile = path.join(dir, 'demo.db');
    const given = process.env.SALESDESK_PACK_DB;
    if (given) fs.copyFileSync(given, dbFile);
    else {
      const core = createCore(dbFile);
      try {
        generateDemo(core.ctx.db, { scale: 'small', seed: 20261125, now: new Date() });
        const init = await core.call('settings.initialize', { companyName: '华众商贸有限公司', loadDemo: false, admin: E2E_ADMIN });
        expect(init.ok).toBe(true);
      } finally {
        core.close();
      }
    }
    app = await startApp({ dbFile });
    page = app.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    // a given demo database: its manager (the demo's password for every operator but the admin)
    if (given) await signInPage(app, process.env.SALESDESK_PACK_USER ?? DEMO_MANAGER, process.env.SALESDESK_PACK_PASSWORD ?? DEMO_PASSWORD);
    else await signInPage(app, E2E_ADMIN.name, E2E_ADMIN.password);
    await page.locator('[data-test="current-operator"]').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds last month’s pack on the screen: every page with its title and finding', async () => {
    await page.locator('[data-nav="analytics/meeting-pack"]').click();
    await page.waitForURL(/#\/analytics\/meeting-pack$/);
    // the month picker opens on last month
    expect(await page.locator('[data-test="meeting-pack"] .el-date-editor input').inputValue()).toBe(lastMonth());
    made = Date.now();
    await page.locator('[data-test="mp-generate"]').click();
    await page.locator('[data-test="mp-pages"] .el-table__body tr').first().waitFor({ timeout: 120_000 });
    pageTitles = (await page.locator('[data-test="mp-page-title"]').allTextContents()).map((s) => s.trim());
    findings = (await page.locator('[data-test="mp-page-finding"]').allTextContents()).map((s) => s.trim());
    expect(pageTitles.length).toBeGreaterThanOrEqual(9);
    expect(pageTitles[1]).toBe('经营概况');
    expect(pageTitles).toEqual(expect.arrayContaining(['目标达成与时间进度', '月度销售趋势（今年与去年）', '应收账龄（按区域）']));
    expect(findings.every((f) => f.length > 0)).toBe(true);
    await app.shot('meeting-pack/00-screen');
  });

  it('生成PPT downloads a .pptx: a slide per page, native charts carrying the figures', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.locator('[data-test="mp-ppt"]').click(),
    ]);
    const [y, m] = lastMonth().split('-');
    expect(download.suggestedFilename()).toBe(`月度会议材料-${y}年${Number(m)}月.pptx`);
    const file = path.join(outDir, download.suggestedFilename());
    await download.saveAs(file);
    console.log(`meeting pack: .pptx ${((Date.now() - made) / 1000).toFixed(1)} s after 生成`);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const names = Object.keys(zip.files);
    const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toHaveLength(pageTitles.length);
    const charts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    // 目标达成, 趋势, 区域, 业务员 (one or more), ABC, 账龄
    expect(charts.length).toBeGreaterThanOrEqual(6);
    const chartXml = await Promise.all(charts.map((n) => zip.file(n)!.async('string')));
    expect(chartXml.some((x) => x.includes('<c:lineChart>') && x.includes('<c:barChart>'))).toBe(true); // Pareto
    expect(chartXml.some((x) => x.includes('<c:grouping val="stacked"/>'))).toBe(true); // aging
    expect(chartXml.every((x) => /<c:v>-?\d+(\.\d+)?<\/c:v>/.test(x))).toBe(true); // figures in the parts
    const slideXml = await Promise.all(slides.map((n) => zip.file(n)!.async('string')));
    for (const f of findings) expect(slideXml.some((x) => x.includes(f.replace(/&/g, '&amp;')))).toBe(true);
  });

  it('生成PDF opens the print route; printed as A4 landscape it holds every page, title and finding', async () => {
    await page.locator('[data-test="mp-pdf"]').click();
    await page.waitForURL(/#\/print\/meeting-pack\?month=/);
    const opened = Date.now();
    await page.locator('[data-test="print-stage"][data-print-ready="true"]').waitFor({ timeout: 120_000 });
    const ready = Date.now();
    expect(await page.locator('[data-test="print-sheet"]').count()).toBe(pageTitles.length);
    expect(await page.locator('[data-test="pack-chart"] svg').count()).toBeGreaterThanOrEqual(6);
    await app.shot('meeting-pack/01-preview');
    const file = path.join(outDir, 'meeting-pack.pdf');
    const printing = Date.now();
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `meeting pack: print route ready ${s(ready - opened)}, page.pdf ${s(Date.now() - printing)}; .pptx and PDF ${s(Date.now() - made)} after 生成 (test steps included)`,
    );
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(pageTitles.length);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([842, 595]);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').slice(0, pageTitles.length).map(squeeze);
    pageTitles.forEach((title, i) => {
      expect(pages[i]).toContain(squeeze(title));
      expect(pages[i]).toContain(squeeze(findings[i]!));
      expect(pages[i]).toContain(`第${i + 1}/${pageTitles.length}页`);
    });
    // the pages as PNG, to look at
    execFileSync('pdftoppm', ['-png', '-r', '90', file, path.join(outDir, 'page')]);
    expect(fs.readdirSync(outDir).filter((n) => /^page-\d+\.png$/.test(n))).toHaveLength(pageTitles.length);
  });

  it('a region’s pack: its name on the cover and in the file name', async () => {
    await page.locator('[data-test="print-back"]').click();
    await page.waitForURL(/#\/analytics\/meeting-pack$/);
    await page.locator('[data-test="mp-region"]').click();
    const option = page.locator('.el-select-dropdown__item:visible').first();
    const region = ((await option.textContent()) ?? '').trim();
    await option.click();
    await page.locator('[data-test="mp-generate"]').click();
    await page.locator('[data-test="mp-page-title"]').first().waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-test="mp-summary"] b').textContent()).toContain(`· ${region}`);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.locator('[data-test="mp-ppt"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^月度会议材料-\\d{4}年\\d{1,2}月-${region}\\.pptx$`));
    await app.shot('meeting-pack/02-region');
  });
});
