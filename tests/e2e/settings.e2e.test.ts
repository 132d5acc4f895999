// 系统设置 end to end in Chromium: the admin opens it from the menu, types the company's phone and address from the
// keyboard, is refused aging edges that do not ascend, saves with Ctrl+S; a manager sees the company section read-only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, E2E_ADMIN, E2E_MANAGER, field, signInPage, startApp, submitFirstRun, type AppUnderTest } from './harness';

let app: AppUnderTest;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = app.page;
  await page.goto(app.url);
  await field(page, 'company-name').fill('郑州华众商贸有限公司');
  await submitFirstRun(app);
});
afterAll(async () => {
  await app?.close();
});

describe('settings screen', () => {
  it('the admin sets the company phone and address and the aging edges from the keyboard; bad edges are refused', async () => {
    await signInPage(app, E2E_ADMIN.name, E2E_ADMIN.password);
    await page.locator('[data-nav="settings"]').click();
    await page.locator('[data-test="settings-form"]').waitFor();
    await expect.poll(() => field(page, 'f-companyName').inputValue()).toBe('郑州华众商贸有限公司');
    // the cursor is in the company name; Enter moves on, typing replaces
    await field(page, 'f-companyName').press('Enter');
    await page.keyboard.type('0371-6666 8888');
    await page.keyboard.press('Enter');
    await page.keyboard.type('郑州市金水区花园路 1 号');
    await field(page, 'f-agingEdges').fill('30, 90, 60');
    await page.locator('[data-test="edges-item"] .el-form-item__error').getByText('账龄分段必须从小到大：60 不大于它前面的 90').waitFor();
    await page.keyboard.press('Control+s');
    await page.locator('.el-form-item__error').getByText('账龄分段必须从小到大').waitFor();
    await app.shot('settings-01-refused-edges');
    expect((await callApi(app, 'settings.get', {})).companyPhone).toBe('');

    await field(page, 'f-agingEdges').fill('30, 60, 90, 180, 365');
    await expect
      .poll(() => page.locator('[data-test="aging-bucket"]').allTextContents())
      .toEqual(['未到期', '1–30天', '31–60天', '61–90天', '91–180天', '181–365天', '365天以上']);
    await page.keyboard.press('Control+s');
    await page.getByText('已保存').first().waitFor();
    const saved = await callApi(app, 'settings.get', {});
    expect(saved).toMatchObject({
      companyPhone: '0371-6666 8888',
      companyAddress: '郑州市金水区花园路 1 号',
      agingBucketEdges: [30, 60, 90, 180, 365],
    });
    await app.shot('settings-02-admin');
  });

  it('a manager changes credit control, sees the company section read-only', async () => {
    await signInPage(app, E2E_MANAGER.name, E2E_MANAGER.password);
    await page.locator('[data-nav="settings"]').click();
    await page.locator('[data-test="settings-form"]').waitFor();
    await expect.poll(() => field(page, 'f-companyPhone').inputValue()).toBe('0371-6666 8888');
    expect(await field(page, 'f-companyPhone').isDisabled()).toBe(true);
    expect(await field(page, 'f-idleMinutes').isDisabled()).toBe(true);
    await page.locator('[data-test="mode-block"]').click();
    await field(page, 'f-overdueDays').fill('60');
    await page.keyboard.press('Control+s');
    await page.getByText('已保存').first().waitFor();
    expect(await callApi(app, 'settings.get', {})).toMatchObject({ creditControlMode: 'block', overdueDays: 60, idleMinutes: 30 });
    await app.shot('settings-03-manager');
  });
});
