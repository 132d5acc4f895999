// Issue 3 end to end: a dealer with a territory, the customer template filled with 20 rows (3 bad),
// fixed and re-imported, then the customer list exported and read back.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { field, startApp, type AppUnderTest, submitFirstRun } from './harness';

let app: AppUnderTest;
let page: Page;

/** Calls the core the way the page does (token and session from sessionStorage), for setting up reference data quickly. */
async function api(method: string, input: unknown): Promise<any> {
  const body = JSON.stringify({ input });
  const res = (await page.evaluate(
    `(async () => { const r = await fetch('/api/${method}', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + sessionStorage.getItem('salesdesk.token'), 'X-Session': sessionStorage.getItem('salesdesk.session') ?? '' }, body: ${JSON.stringify(body)} }); return r.json(); })()`,
  )) as { ok: boolean; data?: unknown; error?: unknown };
  if (!res.ok) throw new Error(`${method}: ${JSON.stringify(res.error)}`);
  return res.data;
}

async function statistic(name: string): Promise<number> {
  const text =
    (await page
      .locator(`[data-test="${name}"] .el-statistic__number, [data-test="${name}"] .el-statistic__content`)
      .first()
      .textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

const grades = ['A', 'B', 'C', 'D'];

/** The downloaded template with 20 customers written under its headers; `bad` rows carry one mistake each. */
async function fillTemplate(templateFile: string, out: string, bad: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(templateFile);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) =>
    String(v ?? '')
      .replace(/\*/g, '')
      .trim(),
  );
  const col = (label: string) => {
    const i = headers.indexOf(label);
    if (i < 1) throw new Error(`template has no column ${label}: ${headers.join(',')}`);
    return i;
  };
  // replace the example row(s) with our data
  for (let r = ws.rowCount; r >= 2; r--) ws.spliceRows(r, 1);
  for (let i = 1; i <= 20; i++) {
    const row = ws.getRow(i + 1);
    row.getCell(col('客户名称')).value = `南京导入测试商贸${String(i).padStart(2, '0')}有限公司`;
    row.getCell(col('电话')).value = `025-8000 ${String(1000 + i)}`;
    row.getCell(col('所属区域')).value = '南京市';
    row.getCell(col('业务员')).value = '张伟';
    row.getCell(col('客户等级')).value = grades[i % 4];
    row.getCell(col('信用额度(元)')).value = `¥${(i * 1000).toLocaleString('en-US')}.50`;
    if (bad && i === 5) row.getCell(col('客户名称')).value = '';
    if (bad && i === 9) row.getCell(col('客户等级')).value = 'Z';
    if (bad && i === 14) row.getCell(col('信用额度(元)')).value = '一万元';
    row.commit();
  }
  await wb.xlsx.writeFile(out);
}

async function upload(file: string) {
  await page.locator('[data-test="import-upload"] input[type=file]').setInputFiles(file);
  await page.locator('[data-test="step-preview"]').waitFor({ timeout: 30_000 });
}

describe('dealers, Excel import and export, end to end in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
    page = app.page;
    await page.goto(app.url);
    await field(page, 'company-name').fill('南京恒信商贸有限公司');
    await submitFirstRun(app);
    await page.locator('[data-test="customer-table"]').waitFor();
    const east = await api('regions.save', { name: '华东' });
    const js = await api('regions.save', { name: '江苏省', parentId: east.id });
    await api('regions.save', { name: '南京市', parentId: js.id });
    await api('regions.save', { name: '苏州市', parentId: js.id });
    await api('reps.save', { name: '张伟', phone: '13800138000' });
    await page.reload();
    await page.locator('[data-test="customer-table"]').waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a dealer with an authorised territory', async () => {
    await page.locator('[data-nav="dealers"]').click();
    await page.locator('[data-test="dealer-new"]').click();
    await field(page, 'f-name').fill('南京金源食品贸易有限公司');
    await field(page, 'f-contact').fill('刘洋');
    await page.locator('[data-test="f-territory"]').click();
    await page.keyboard.type('njs');
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '南京市' }).first().click();
    await page.keyboard.press('Escape');
    await field(page, 'f-deposit').fill('50000');
    await app.shot('30-dealer-form');
    await page.locator('[data-test="dealer-save"]').click();
    await page.locator('[data-test="detail-title"]').filter({ hasText: '南京金源食品贸易有限公司' }).waitFor();
    await expect.poll(() => page.locator('[data-test="detail-territory"]').textContent()).toContain('南京市');
    await app.shot('31-dealer-detail');
  });

  it('imports the customer template with 20 rows: 3 bad rows are reported, then the fixed file goes in whole', async () => {
    await page.locator('[data-nav="import"]').click();
    await page.locator('[data-test="import-entity-customers"]').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="import-template"]').click()]);
    const template = path.join(app.dir, 'template.xlsx');
    await download.saveAs(template);
    expect(download.suggestedFilename()).toContain('客户');
    const badFile = path.join(app.dir, '客户-有错.xlsx');
    const goodFile = path.join(app.dir, '客户-已改正.xlsx');
    await fillTemplate(template, badFile, true);
    await fillTemplate(template, goodFile, false);

    await page.locator('[data-test="import-next"]').click();
    await upload(badFile);
    await expect.poll(() => statistic('count-total')).toBe(20);
    expect(await statistic('count-new')).toBe(17);
    expect(await statistic('count-error')).toBe(3);
    const errors = (await page.locator('[data-test="import-preview-table"]').textContent()) ?? '';
    expect(errors).toContain('客户名称');
    expect(errors).toContain('客户等级');
    expect(errors).toContain('信用额度');
    expect(await page.locator('[data-test="import-commit"]').isDisabled()).toBe(true); // not while errors stand
    await app.shot('32-import-preview-errors');
    // nothing was written by the dry run
    expect((await api('customers.list', { search: '导入测试' })).total).toBe(0);

    await page
      .locator('[data-test="step-preview"] .el-button')
      .filter({ hasText: /重新选择|上一步|换一个文件/ })
      .first()
      .click();
    await upload(goodFile);
    await expect.poll(() => statistic('count-new')).toBe(20);
    expect(await statistic('count-error')).toBe(0);
    await page.locator('[data-test="import-commit"]').click();
    await page.locator('[data-test="import-result"]').waitFor();
    expect(await page.locator('[data-test="import-result"]').textContent()).toContain('20');
    await app.shot('33-import-done');
    const imported = await api('customers.list', { search: '导入测试', sort: { field: 'name', order: 'asc' } });
    expect(imported.total).toBe(20);
    expect(imported.rows[0]).toMatchObject({ regionName: '南京市', repName: '张伟', creditLimitFen: 100_050 });
  });

  it('exports the customer list as seen and the file reads back', async () => {
    await page.locator('[data-nav="customers"]').click();
    const search = field(page, 'customer-search');
    await search.fill('导入测试');
    await search.press('Enter');
    await expect.poll(() => page.locator('[data-test="customer-total"]').textContent()).toBe('共 20 条');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export-button"]').first().click()]);
    const file = path.join(app.dir, 'export.xlsx');
    await download.saveAs(file);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.actualRowCount).toBe(21); // header + 20
    const headers = Array.from(ws.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const creditCol = headers.findIndex((h) => h.includes('信用额度'));
    expect(creditCol).toBeGreaterThan(0);
    const credits = Array.from({ length: 20 }, (_, i) => ws.getRow(i + 2).getCell(creditCol).value);
    expect(credits.every((v) => typeof v === 'number')).toBe(true); // numbers, not text
    expect(credits).toContain(1000.5);
    await app.shot('34-customers-after-import');
  });
});
