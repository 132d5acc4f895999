// 备份与恢复 end to end in Chromium against the browser-mode server: a manager makes a backup from the screen, the data
// changes, the backup is restored (confirmed; the app reloads to sign-in), the old data is back; the restore is undone
// from the banner the screen offers, and the changed data is back. A file that is not a database is refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, E2E_MANAGER, field, signInPage, startApp, submitFirstRun, type AppUnderTest } from './harness';

let app: AppUnderTest;
let page: Page;
let session: string;

beforeAll(async () => {
  app = await startApp();
  page = app.page;
  await page.goto(app.url);
  await field(page, 'company-name').fill('郑州华众商贸有限公司');
  ({ managerSession: session } = await submitFirstRun(app));
});
afterAll(async () => {
  await app?.close();
});

/** The customers' names the list screen shows. */
async function customersOnScreen(): Promise<string[]> {
  await page.locator('[data-nav="customers"]').click();
  await page.locator('[data-test="customer-table"]').waitFor();
  await page.waitForTimeout(300);
  return page
    .locator('[data-test="customer-table"]')
    .innerText()
    .then((t) => t.split('\n'));
}

async function openBackups(): Promise<void> {
  await page.locator('[data-nav="settings/backups"]').click();
  await page.locator('[data-test="backup-list"]').waitFor();
}

/** Confirms the restore box, accepts the result box (重新登录), waits for the reload to the sign-in screen, signs in. */
async function confirmRestoreAndSignIn(confirmText: RegExp): Promise<void> {
  const box = page.locator('.el-message-box');
  await box.filter({ hasText: confirmText }).waitFor();
  await app.shot(`backups-confirm-${confirmText.source.slice(0, 4)}`);
  await box.locator('.el-button--primary').click();
  const done = page.locator('.el-message-box').filter({ hasText: '请重新登录' });
  await done.waitFor({ timeout: 60_000 });
  await app.shot(`backups-restored-${confirmText.source.slice(0, 4)}`);
  await done.locator('.el-button--primary').click();
  // the reload: the old session ended with the old connection
  await page.locator('[data-test="sign-in"], form.sign-in, [data-test="sign-in-name"]').first().waitFor({ timeout: 30_000 });
  session = await signInPage(app, E2E_MANAGER.name, E2E_MANAGER.password);
  await page.locator('[data-test="current-operator"]').waitFor();
}

describe('backup and restore', () => {
  it('backup, change, restore (old data back), undo the restore (changed data back)', async () => {
    await callApi(app, 'customers.save', { name: '备份前客户甲' }, session);
    await openBackups();
    await expect.poll(() => page.locator('[data-test="wal-mode"]').innerText()).toContain('WAL');
    await page.locator('[data-test="backup-now"]').click();
    const manualKind = page.locator('[data-test="row-kind"]').filter({ hasText: '手动' });
    await manualKind.first().waitFor({ timeout: 60_000 });
    const backupFile = (await page.locator('[data-test="row-file"]').first().innerText()).trim();
    expect(backupFile).toMatch(/^salesdesk-\d{8}-\d{6}-manual\.db$/);
    expect(await page.locator('[data-test="last-backup-at"]').innerText()).not.toBe('尚未备份');
    await app.shot('backups-01-made');

    // the data changes after the backup
    await callApi(app, 'customers.save', { name: '备份后客户乙' }, session);
    expect(await customersOnScreen()).toEqual(expect.arrayContaining([expect.stringContaining('备份后客户乙')]));

    // restore it from the list
    await openBackups();
    await page.locator(`[data-test="restore-${backupFile}"]`).click();
    await confirmRestoreAndSignIn(/可随时撤销这次恢复/);
    const afterRestore = (await customersOnScreen()).join('\n');
    expect(afterRestore).toContain('备份前客户甲');
    expect(afterRestore).not.toContain('备份后客户乙');
    await app.shot('backups-02-old-data');
    // the core answers from the restored file: the API agrees with the screen
    const names = (await callApi<{ rows: Array<{ name: string }> }>(app, 'customers.list', {}, session)).rows.map((r) => r.name);
    expect(names).toEqual(['备份前客户甲']);

    // the screen offers the undo; undoing brings the change back
    await openBackups();
    await page.locator('[data-test="last-restore"]').waitFor();
    expect(await page.locator('[data-test="last-restore"]').innerText()).toContain(backupFile);
    await app.shot('backups-03-undo-offered');
    await page.locator('[data-test="undo-restore"]').click();
    await confirmRestoreAndSignIn(/撤销恢复/);
    const afterUndo = (await customersOnScreen()).join('\n');
    expect(afterUndo).toContain('备份前客户甲');
    expect(afterUndo).toContain('备份后客户乙');
    await openBackups();
    await expect.poll(() => page.locator('[data-test="row-kind"]').allInnerTexts()).toEqual(expect.arrayContaining(['恢复前', '手动']));
    expect(await page.locator('[data-test="last-restore"]').count()).toBe(0);
    expect((await callApi<{ ok: boolean }>(app, 'audit.verify', {}, session)).ok).toBe(true);
    await app.shot('backups-04-undone');
  });

  it('a file that is not a database is refused with the reason under the field, nothing restored', async () => {
    const notes = path.join(app.dir, 'notes.db');
    fs.writeFileSync(notes, '这不是数据库，只是一个文本文件。'.repeat(50));
    await openBackups();
    await page.locator('[data-test="restore-from-file"]').click();
    await field(page, 'f-restore-path').fill(notes);
    await page.locator('[data-test="restore-path-go"]').click();
    await page.locator('.el-message-box .el-button--primary').click();
    const error = page.locator('[data-test="restore-path-dialog"] .el-form-item__error');
    await error.waitFor();
    expect(await error.innerText()).toBe('不是 SalesDesk 数据库：notes.db 不是 SQLite 数据库文件');
    await app.shot('backups-05-refused');
    const names = (await callApi<{ rows: Array<{ name: string }> }>(app, 'customers.list', {}, session)).rows.map((r) => r.name).sort();
    expect(names).toEqual(['备份前客户甲', '备份后客户乙'].sort());
  });
});
