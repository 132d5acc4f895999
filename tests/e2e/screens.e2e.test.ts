// Every list at the office screen sizes (1280×720, 1366×768) in both languages, on the demo data: the columns that
// matter fit without a horizontal scroll and the page itself never scrolls sideways. Screenshots for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type AppUnderTest, submitFirstRun } from './harness';

let app: AppUnderTest;
let page: Page;

const lists = [
  { nav: 'customers', table: 'customer-table', header: { zh: '客户名称', en: 'Name' } },
  { nav: 'dealers', table: 'dealer-table', header: { zh: '经销商名称', en: 'Dealer name' } },
  { nav: 'products', table: 'product-table', header: { zh: '名称', en: 'Name' } },
  { nav: 'reps', table: 'rep-table', header: { zh: '姓名', en: 'Name' } },
  { nav: 'audit', table: 'audit-table', header: { zh: '动作', en: 'Action' } },
  { nav: 'duplicates', table: 'duplicate-groups', header: { zh: '客户名称', en: 'Name' } },
] as const;

describe('lists at 1280×720 and 1366×768, in Chinese and English', () => {
  beforeAll(async () => {
    app = await startApp();
    page = app.page;
    await page.goto(app.url);
    await page.locator('input[data-test="company-name"]').fill('华众商贸演示公司');
    await page.locator('[data-test="load-demo"]').click();
    await submitFirstRun(app);
    await page.locator('[data-test="customer-table"] .el-table__row').first().waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  for (const lang of ['zh', 'en'] as const) {
    for (const [width, height] of [
      [1280, 720],
      [1366, 768],
    ] as const) {
      it(`${lang} at ${width}×${height}: no list scrolls sideways`, async () => {
        const english = (await page.locator('[data-nav="customers"]').textContent())?.includes('Customers');
        if ((lang === 'en') !== english) {
          await page.locator('[data-test="switch-language"]').click();
          await expect.poll(() => page.locator('[data-nav="customers"]').textContent()).toContain(lang === 'en' ? 'Customers' : '客户档案');
        }
        await page.setViewportSize({ width, height });
        for (const list of lists) {
          await page.locator(`[data-nav="${list.nav}"]`).click();
          const table = page.locator(`[data-test="${list.table}"]`);
          await table.locator('.el-table__row').first().waitFor();
          await expect.poll(async () => (await table.locator('th').allTextContents()).map((h) => h.trim())).toContain(list.header[lang]);
          await page.waitForTimeout(200); // el-table settles its column widths after the first layout
          const overflow = await page.evaluate((testId) => {
            const wrap = document.querySelector(`[data-test="${testId}"] .el-table__body-wrapper .el-scrollbar__wrap`);
            const doc = document.documentElement;
            const toolbar = testId.endsWith('-table')
              ? document.querySelector(`[data-test="${testId.replace(/-table$/, '-filters')}"]`)
              : null;
            return {
              table: wrap ? wrap.scrollWidth - wrap.clientWidth : -1,
              page: doc.scrollWidth - doc.clientWidth,
              // the filter bar wraps to two rows at most (a picker stretched to the full width once made it four)
              toolbarRows: toolbar ? Math.round(toolbar.getBoundingClientRect().height / 40) <= 2 : true,
            };
          }, list.table);
          expect({ list: list.nav, ...overflow }).toEqual({ list: list.nav, table: 0, page: 0, toolbarRows: true });
          await app.shot(`40-${list.nav}-${width}x${height}-${lang}`);
        }
      });
    }
  }
});
