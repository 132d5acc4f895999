// Sign-in end to end in Chromium: the first run creates the admin and shows the recovery code once, sign out, a wrong
// password is refused under its field, the right one signs in; the operators screen adds a clerk, who sees no 操作员
// menu; a second tab signed in as the clerk acts as the clerk while the first stays the admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, E2E_ADMIN, field, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});
afterAll(async () => {
  await app?.close();
});

describe('sign-in', () => {
  it('first run creates the admin and shows the recovery code once; sign out; a wrong password, then the right one', async () => {
    await page.goto(app.url);
    await field(page, 'company-name').fill('华众商贸有限公司');
    await field(page, 'admin-name').fill(E2E_ADMIN.name);
    await field(page, 'admin-password').fill(E2E_ADMIN.password);
    await field(page, 'admin-confirm').fill('something else');
    await page.locator('[data-test="start"]').click();
    await page.getByText('两次输入的密码不一致').waitFor();
    await field(page, 'admin-confirm').fill(E2E_ADMIN.password);
    await page.locator('[data-test="start"]').click();

    const code = ((await page.locator('[data-test="recovery-code"]').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
    await app.shot('auth-01-recovery-code');
    // 继续 waits for "I have written it down"
    expect(await page.locator('[data-test="recovery-continue"]').isDisabled()).toBe(true);
    await page.locator('[data-test="recovery-written"]').click();
    await page.locator('[data-test="recovery-continue"]').click();
    await expect.poll(() => page.locator('[data-test="current-operator"]').textContent()).toContain(E2E_ADMIN.name);
    expect(await page.locator('[data-test="current-role"]').textContent()).toBe('系统管理员');
    // the admin's menu: operators and the audit log, no import
    await expect.poll(() => page.locator('[data-nav="operators"]').count()).toBe(1);
    expect(await page.locator('[data-nav="import"]').count()).toBe(0);
    // the code is never shown again
    await page.reload();
    await page.locator('[data-test="current-operator"]').waitFor();
    expect(await page.content()).not.toContain(code);

    await page.locator('[data-test="current-operator"]').click();
    await page.locator('[data-test="sign-out"]').click();
    await field(page, 'sign-in-name').waitFor();
    await app.shot('auth-02-sign-in');
    // the address bar cannot get past the sign-in screen
    await page.goto(`${new URL(app.url).origin}/#/customers`);
    await field(page, 'sign-in-name').waitFor();

    await field(page, 'sign-in-name').fill(E2E_ADMIN.name);
    await field(page, 'sign-in-name').press('Enter');
    await page.keyboard.type('wrong-password');
    await page.keyboard.press('Enter');
    await page.locator('[data-test="error-password"]').waitFor();
    expect(await page.locator('[data-test="error-password"]').textContent()).toContain('不正确（还可再试 4 次）');
    await app.shot('auth-03-wrong-password');
    // the password field was emptied and has the cursor: type the right one and press Enter
    await page.keyboard.type(E2E_ADMIN.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-test="current-operator"]').textContent()).toContain(E2E_ADMIN.name);
  });

  it('the admin adds a clerk; a second tab signed in as the clerk acts as the clerk, the first stays the admin', async () => {
    await page.locator('[data-nav="operators"]').click();
    await page.locator('[data-test="new-operator"]').click();
    await field(page, 'operator-name').fill('刘芳');
    await field(page, 'operator-password').fill('clerk-pw-1');
    await page.locator('[data-test="save-operator"]').click();
    await page.locator('[data-test="operator-table"]').getByText('刘芳').waitFor();
    await app.shot('auth-04-operators');

    const second = await app.context.newPage();
    await second.goto(app.url);
    await field(second, 'sign-in-name').fill('刘芳');
    await field(second, 'sign-in-password').fill('clerk-pw-1');
    await field(second, 'sign-in-password').press('Enter');
    await expect.poll(() => second.locator('[data-test="current-operator"]').textContent()).toContain('刘芳');
    // a clerk sees no operators or audit menu items
    expect(await second.locator('[data-nav="operators"]').count()).toBe(0);
    expect(await second.locator('[data-nav="audit"]').count()).toBe(0);
    const clerkSession = await second.evaluate(() => sessionStorage.getItem('salesdesk.session') ?? '');
    const adminSession = await page.evaluate(() => sessionStorage.getItem('salesdesk.session') ?? '');
    expect(clerkSession).not.toBe(adminSession);
    expect((await callApi(app, 'auth.me', {}, clerkSession)).operator.name).toBe('刘芳');
    expect((await callApi(app, 'auth.me', {}, adminSession)).operator.name).toBe(E2E_ADMIN.name);
    await second.close();
  });
});
