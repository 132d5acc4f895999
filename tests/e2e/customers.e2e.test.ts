// The foundation's end-to-end path: first run, a region, a rep and a customer created through the UI,
// found by pinyin initials, edited, archived. Screenshots go to test-output/e2e/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { field, startApp, type AppUnderTest, submitFirstRun } from './harness';

let app: AppUnderTest;
let page: Page;

async function pickOption(trigger: Locator, optionText: string, typed?: string) {
  await trigger.click();
  if (typed) await page.keyboard.type(typed);
  const option = page.locator('.el-select-dropdown__item:visible, .el-tree-node__content:visible').filter({ hasText: optionText }).first();
  await option.click();
}

async function expectToast(text: string) {
  await page.locator('.el-message').filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: 10_000 });
}

describe('customer file, end to end in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('first run asks for the company name and starts empty', async () => {
    expect(app.stdout.at(-1)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);
    await page.goto(app.url);
    await field(page, 'company-name').waitFor();
    expect(new URL(page.url()).search).not.toContain('token'); // the token is taken out of the address bar
    await field(page, 'company-name').fill('北京华众商贸有限公司');
    await app.shot('01-first-run');
    await submitFirstRun(app);
    await page.locator('[data-test="customer-table"]').waitFor();
    await expect.poll(() => page.locator('.company').textContent()).toBe('北京华众商贸有限公司');
  });

  it('creates a region with a sub-region', async () => {
    await page.locator('[data-nav="regions"]').click();
    await page.locator('[data-test="region-add-root"]').click();
    await field(page, 'region-name').fill('华北大区');
    await field(page, 'region-code').fill('HB');
    await page.locator('[data-test="region-save"]').click();
    await expectToast('已保存');
    await page.locator('.el-tree-node__content').filter({ hasText: '华北大区' }).first().click();
    await page.locator('[data-test="region-add-child"]').click();
    await field(page, 'region-name').fill('北京市');
    await page.keyboard.press('Control+s');
    await page
      .locator('.region-tree .el-tree-node__content, [data-test="region-tree"] .el-tree-node__content')
      .filter({ hasText: '北京市' })
      .first()
      .waitFor();
    await app.shot('02-regions');
  });

  it('creates a rep', async () => {
    await page.locator('[data-nav="reps"]').click();
    await page.locator('[data-test="rep-add"]').click();
    await field(page, 'rep-name').fill('张伟');
    await field(page, 'rep-phone').fill('13800138000');
    await page.locator('[data-test="rep-save"]').click();
    await page.locator('.el-table__row').filter({ hasText: '张伟' }).first().waitFor();
    await app.shot('03-reps');
  });

  it('creates a customer with a contact, from the keyboard', async () => {
    await page.locator('[data-nav="customers"]').click();
    await page.locator('[data-test="customer-new"]').click();
    const name = field(page, 'f-name');
    await name.fill('北京华众商贸有限公司');
    await name.press('Enter'); // Enter moves on to the next field
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-test]')?.getAttribute('data-test'))).toBe('f-code');
    await field(page, 'f-shortName').fill('华众商贸');
    await field(page, 'f-phone').fill('010-8888 6666');
    await pickOption(page.locator('[data-test="f-region"]'), '北京市', 'bj');
    await pickOption(page.locator('[data-test="f-rep"]'), '张伟', 'zw');
    await field(page, 'f-address').fill('北京市朝阳区建国路88号');
    await field(page, 'f-credit').fill('20000');
    await page.locator('[data-test="add-contact"]').click();
    await field(page, 'c-name-0').fill('李雷');
    await field(page, 'c-phone-0').fill('139 1111 2222');
    await app.shot('04-customer-form');
    await page.keyboard.press('Control+s');
    await page.locator('[data-test="detail-title"]').filter({ hasText: '北京华众商贸有限公司' }).waitFor();
    const details = page.locator('[data-test="customer-descriptions"]');
    await expect.poll(() => details.textContent()).toContain('华北大区 › 北京市');
    expect(await details.textContent()).toContain('¥20,000.00');
    expect(await details.textContent()).toContain('C000001');
    expect(await page.locator('[data-test="detail-contacts"]').textContent()).toContain('李雷');
    await app.shot('05-customer-detail');
  });

  it('finds the customer by pinyin initials', async () => {
    await page.locator('[data-nav="customers"]').click();
    const search = field(page, 'customer-search');
    await search.fill('xyz');
    await search.press('Enter');
    await expect.poll(() => page.locator('[data-test="customer-total"]').textContent()).toBe('共 0 条');
    await search.fill('bjhz');
    await expect.poll(() => page.locator('[data-test="customer-total"]').textContent()).toBe('共 1 条'); // searched as typed
    expect(await page.locator('[data-test="customer-table"] .el-table__body').textContent()).toContain('北京华众商贸有限公司');
    await app.shot('06-search-pinyin');
    await search.press('Enter'); // the single hit opens
    await page.locator('[data-test="detail-title"]').filter({ hasText: '北京华众商贸有限公司' }).waitFor();
  });

  it('edits the customer', async () => {
    await page.locator('[data-test="detail-edit"]').click();
    await page.locator('[data-test="f-grade"]').getByText('A', { exact: true }).click();
    await field(page, 'f-credit').fill('50,000.5');
    await page.locator('[data-test="customer-save"]').click();
    await page.locator('[data-test="detail-title"]').waitFor();
    const details = page.locator('[data-test="customer-descriptions"]');
    await expect.poll(() => details.textContent()).toContain('¥50,000.50');
    expect(await details.textContent()).toContain('C000001'); // the code survives an edit
    expect(await page.locator('.sd-panel').filter({ hasText: '变更记录' }).textContent()).toContain('信用额度：¥20,000.00 → ¥50,000.50');
    await app.shot('07-customer-edited');
  });

  it('archives the customer: gone from the active list, present under 已归档', async () => {
    await page.locator('[data-test="detail-archive"]').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await page.locator('[data-test="detail-restore"]').waitFor();
    await app.shot('08-customer-archived');
    await page.locator('[data-nav="customers"]').click();
    const search = field(page, 'customer-search');
    await search.fill('bjhz');
    await search.press('Enter');
    await expect.poll(() => page.locator('[data-test="customer-total"]').textContent()).toBe('共 0 条');
    await page.locator('[data-test="customer-filters"] .el-radio-button').filter({ hasText: '已归档' }).click();
    await expect.poll(() => page.locator('[data-test="customer-total"]').textContent()).toBe('共 1 条');
    await app.shot('09-archived-list');
  });

  it('switches the interface to English and back', async () => {
    await page.locator('[data-test="switch-language"]').click();
    await expect.poll(() => page.locator('[data-nav="customers"]').textContent()).toContain('Customers');
    await app.shot('10-english');
    await page.locator('[data-test="switch-language"]').click();
    await expect.poll(() => page.locator('[data-nav="customers"]').textContent()).toContain('客户档案');
  });
});
