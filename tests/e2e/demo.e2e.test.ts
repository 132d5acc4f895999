// First run with the demo dataset: the lists are full, filters and sorting run on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pinyin } from 'pinyin-pro';
import { startApp, type AppUnderTest, submitFirstRun } from './harness';

let app: AppUnderTest;
let page: Page;

const total = () => page.locator('[data-test="customer-total"]').textContent();
const totalNumber = async () => Number(((await total()) ?? '').replace(/[^\d]/g, ''));

describe('demo dataset, end to end in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loads the demo data from the first-run screen', async () => {
    await page.goto(app.url);
    await page.locator('input[data-test="company-name"]').fill('华众商贸演示公司');
    await page.locator('[data-test="load-demo"]').click();
    await submitFirstRun(app);
    await page.locator('[data-test="customer-table"] .el-table__row').first().waitFor();
    await expect.poll(totalNumber).toBeGreaterThan(250);
    await app.shot('20-demo-customers');
  });

  it('filters by a region subtree and sorts by name on the server', async () => {
    const all = await totalNumber();
    // the region filter is the path picker: the first top-level region (a 大区) covers its whole subtree
    await page.locator('[data-test="customer-filters"] .path-select-wrap').first().click();
    await page.locator('.el-select-dropdown__item:visible').first().click();
    await expect.poll(totalNumber).toBeLessThan(all);
    expect(await totalNumber()).toBeGreaterThan(0);
    await page.locator('[data-test="customer-table"] th').filter({ hasText: '客户名称' }).locator('.caret-wrapper .ascending').click();
    await page.waitForTimeout(300);
    const names = await page.locator('[data-test="customer-table"] .el-table__body tr td:nth-child(2)').allTextContents();
    expect(names.length).toBeGreaterThan(1);
    // names are sorted by pinyin, as a Chinese office expects (not by Unicode code point)
    const keys = names.map((n) =>
      pinyin(n.trim(), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join('').toLowerCase(),
    );
    expect(keys).toEqual([...keys].sort());
    await app.shot('21-demo-filtered-sorted');
  });

  it('shows the region tree and the reps with their teams', async () => {
    await page.locator('[data-nav="regions"]').click();
    await page.waitForURL(/#\/regions$/);
    await page.locator('[data-test="region-tree"] .el-tree-node').first().waitFor();
    // the demo's four 大区, 华东 among them, each with its customer count
    expect(await page.locator('[data-test="region-tree"] .el-tree-node').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('[data-test="region-tree"]').textContent()).toContain('华东');
    await app.shot('22-demo-regions');
    await page.locator('[data-nav="reps"]').click();
    await page.waitForURL(/#\/reps$/);
    // the teams panel beside it is a table too: count the reps table's own rows, once loaded
    await expect.poll(() => page.locator('[data-test="rep-table"] .el-table__row').count()).toBeGreaterThanOrEqual(8);
    await app.shot('23-demo-reps');
    await page.locator('[data-nav="audit"]').click();
    await page.waitForURL(/#\/audit$/);
    await page.locator('.el-table__row').first().waitFor();
    // the demo load is logged by the system, in words, not codes
    const audit = page.locator('.el-table__row').filter({ hasText: '加载演示数据' }).filter({ hasText: '系统' });
    await expect.poll(() => audit.count()).toBe(1);
    expect(await audit.textContent()).toContain('客户数：300');
    await app.shot('24-demo-audit');
  });

  it('shows dealers, products, the duplicate finder and a customer with its cards', async () => {
    await page.locator('[data-nav="dealers"]').click();
    await page.waitForURL(/#\/dealers$/);
    await page.locator('[data-test="dealer-table"] .el-table__row').first().waitFor();
    // a dozen dealers, each with a channel word and a status word
    await expect.poll(() => page.locator('[data-test="dealer-table"] .el-table__row').count()).toBe(12);
    expect(await page.locator('[data-test="dealer-table"] .el-table__body').textContent()).toMatch(/合作中/);
    await app.shot('25-demo-dealers');
    await page.locator('[data-nav="products"]').click();
    await page.waitForURL(/#\/products$/);
    await page.locator('.el-table__row').first().waitFor();
    // categories beside the list, margins as percentages
    expect(await page.locator('[data-test="cat-tree"] .el-tree-node').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-test="product-margin-cell"]').first().textContent()).toMatch(/%/);
    await app.shot('26-demo-products');
    await page.locator('[data-nav="duplicates"]').click();
    await page.waitForURL(/#\/customers\/duplicates$/);
    await page.locator('.el-table__row').first().waitFor();
    // a group holds at least two customers
    expect(await page.locator('[data-test="duplicate-groups"] .el-table__row').count()).toBeGreaterThanOrEqual(2);
    await app.shot('27-demo-duplicates');
    await page.locator('[data-nav="customers"]').click();
    await page.waitForURL(/#\/customers$/);
    await page.locator('[data-test="customer-table"] .el-table__row').first().waitFor();
    await page.locator('[data-test="customer-table"] .el-table__body .sd-link').first().click();
    await page.locator('[data-test="detail-title"]').waitFor();
    await page.locator('.el-tabs__item').filter({ hasText: '客户策略卡' }).click();
    await page.locator('[data-test="strategy-card"]').waitFor();
    expect(await page.locator('[data-test="strategy-goals"]').isVisible()).toBe(true);
    expect(await page.locator('[data-test="strategy-actions"]').isVisible()).toBe(true);
    await app.shot('28-demo-customer-strategy');
    await page.locator('.el-tabs__item').filter({ hasText: '客户月评卡' }).click();
    await page.locator('[data-test="evaluation-panel"]').waitFor();
    expect(await page.locator('[data-test="evaluation-table"]').isVisible()).toBe(true);
    await app.shot('29-demo-customer-evaluations');
  });
});
