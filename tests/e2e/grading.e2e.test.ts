// 客户自动评级 and 客户满意度 end to end in Chromium (browser mode) on the small demo: the manager opens the regrade page
// from the menu, sees the changes, applies them after the confirmation (a second preview then has nothing to change),
// and records a satisfaction score on a customer page, which shows it in the trend's list. Screenshots go to
// test-output/e2e/grading/ to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createCore } from '../../electron/core/core';
import { generateDemo } from '../../electron/core/demo/generate';
import { callApi, E2E_ADMIN, E2E_MANAGER, pageSession, shotsDir, signInPage, startApp, type AppUnderTest } from './harness';

const outDir = path.join(shotsDir, 'grading');
let app: AppUnderTest;
let page: Page;
let dir: string;
let session: string;

describe('grading and satisfaction, end to end in Chromium', () => {
  beforeAll(async () => {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-grading-'));
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
    const admin = await signInPage(app, E2E_ADMIN.name, E2E_ADMIN.password);
    await callApi(app, 'operators.save', { name: E2E_MANAGER.name, role: 'manager', password: E2E_MANAGER.password }, admin);
    session = await signInPage(app, E2E_MANAGER.name, E2E_MANAGER.password);
    await page.locator('[data-test="current-operator"]').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('previews the regrade from the menu and applies it after the confirmation', async () => {
    await page.locator('[data-nav="customers/regrade"]').click();
    await page.locator('[data-test="regrade-counts"]').waitFor({ timeout: 60_000 });
    const changed = Number(((await page.locator('[data-test="regrade-changed"]').textContent()) ?? '').replace(/,/g, ''));
    expect(changed).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-test="regrade-rows"] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-test="regrade-rule"]').textContent()).toContain('累计占比 70% 以内为 A');
    await app.shot('grading/1-preview');

    await page.locator('[data-test="regrade-apply"]').click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    expect(await box.textContent()).toContain(`更新 ${changed} 位客户的等级`);
    await app.shot('grading/2-confirm');
    await box.locator('.el-button--primary').click();
    await page
      .locator('.el-message--success')
      .filter({ hasText: `已更新 ${changed} 位客户的等级` })
      .waitFor({ timeout: 60_000 });
    // previewed again: nothing left to change, and the core agrees
    await expect.poll(() => page.locator('[data-test="regrade-changed"]').textContent(), { timeout: 30_000 }).toBe('0');
    const again = await callApi<{ counts: { changed: number } }>(app, 'customers.regradePreview', {}, session);
    expect(again.counts.changed).toBe(0);
    await app.shot('grading/3-applied');
  });

  it('records a satisfaction score on a customer page and shows it in the list', async () => {
    const customer = (await callApi<{ rows: Array<{ id: number; name: string }> }>(app, 'customers.list', { pageSize: 1 }, session))
      .rows[0]!;
    await page.goto(`${new URL(app.url).origin}/#/customers/${customer.id}`);
    await page.locator('[data-test="detail-tabs"]').waitFor({ timeout: 30_000 });
    await page.locator('#tab-satisfaction').click();
    await page.locator('[data-test="sat-add"]').click();
    await page.locator('[data-test="sat-score"] .el-rate__item').nth(1).click();
    await page.locator('textarea[data-test="sat-comment"], [data-test="sat-comment"] textarea').first().fill('送货比约定晚了两天');
    await app.shot('grading/4-satisfaction-dialog');
    await page.locator('[data-test="sat-save"]').click();
    await expect
      .poll(() => page.locator('[data-test="sat-rows"] tbody').textContent(), { timeout: 30_000 })
      .toContain('送货比约定晚了两天');
    await page.locator('#tab-lifecycle').click();
    await page.locator('#tab-satisfaction').click();
    await app.shot('grading/5-satisfaction-tab');
    const list = await callApi<{ rows: Array<{ score: number; source: string }> }>(
      app,
      'satisfaction.list',
      { customerId: customer.id },
      await pageSession(page),
    );
    expect(list.rows[0]).toMatchObject({ score: 2, source: 'survey' });
  });

  it('shows the averages by region and rep on 客户分析', async () => {
    const customers = (await callApi<{ rows: Array<{ id: number }> }>(app, 'customers.list', { pageSize: 6, page: 3 }, session)).rows;
    for (const [i, c] of customers.entries()) {
      await callApi(app, 'satisfaction.save', { customerId: c.id, score: (i % 5) + 1, source: 'survey' }, session);
    }
    await page.goto(`${new URL(app.url).origin}/#/analytics/customers`);
    const panel = page.locator('[data-test="sat-summary"]');
    await panel.waitFor({ timeout: 60_000 });
    await expect.poll(() => panel.locator('[data-test="sat-by-rep"] tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await panel.locator('[data-test="sat-summary-total"]').textContent()).toContain(`共 ${customers.length + 1} 次`);
    await panel.scrollIntoViewIfNeeded();
    await app.shot('grading/6-analytics-satisfaction');
  });
});
