// LAN office mode end to end: the built server started as `npm run serve -- --lan` on this PC's LAN address, and two
// browsers (two Chromium contexts, as two PCs would be) signed in there as two operators, working side by side on one
// database; the session lives in an HttpOnly cookie the page cannot read, the audit log names each change's operator and
// address, and a foreign Host name is refused.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCore } from '../../electron/core/core';
import { lanInterfaces } from '../../electron/core/lan/network';
import { addOperator, TEST_COST } from '../core/helpers';
import { field, shotsDir } from './harness';

/** the container's eth0 address, or loopback where there is no network */
const ADDRESS = lanInterfaces()[0]?.address ?? '127.0.0.1';
let dir: string;
let server: ChildProcess;
let url: string;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-lan-e2e-'));
  const dbFile = path.join(dir, 'office.db');
  // the office PC's own first run (LAN clients may not do it), then two operators for the two PCs
  const core = createCore(dbFile, { passwordCost: TEST_COST });
  const init = await core.call('settings.initialize', {
    companyName: '华众商贸有限公司',
    admin: { name: 'admin', password: 'admin-pw-1' },
  });
  if (!init.ok) throw new Error(JSON.stringify(init.error));
  addOperator(core, { name: '刘芳', role: 'clerk', password: 'clerk-pw-1' });
  addOperator(core, { name: '周敏', role: 'manager', password: 'manager-pw' });
  core.close();

  server = spawn(process.execPath, ['out/main/server.js', '--db', dbFile, '--lan', '--listen', ADDRESS, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.once('exit', () => server.kill('SIGTERM'));
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the LAN server did not print its address: ${out}`)), 30_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = new RegExp(`^http://${ADDRESS.replace(/\./g, '\\.')}:\\d+/$`, 'm').exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    server.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    server.on('exit', (code) => reject(new Error(`the LAN server exited with ${code}: ${out}`)));
  });
  browser = await chromium.launch({
    executablePath: process.env.SALESDESK_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-sync',
      // a name of another site that resolves to this PC (DNS rebinding), and this PC's own name, as a LAN's DNS would
      `--host-resolver-rules=MAP rebind.example ${ADDRESS}, MAP ${os.hostname().toLowerCase()} ${ADDRESS}`,
    ],
  });
  fs.mkdirSync(shotsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join('; ')}`);
});

/** A second PC: its own browser context (its own cookies), signed in through the sign-in screen. */
async function signedInPc(name: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(url);
  await field(page, 'sign-in-name').fill(name);
  await field(page, 'sign-in-name').press('Enter');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('[data-test="current-operator"]').textContent(), { timeout: 20_000 }).toContain(name);
  return page;
}

async function newCustomer(page: Page, name: string): Promise<void> {
  await page.locator('[data-nav="customers"]').click();
  await page.locator('[data-test="customer-new"]').click();
  await field(page, 'f-name').fill(name);
  await page.keyboard.press('Control+s');
  await page.locator('[data-test="detail-title"]').filter({ hasText: name }).waitFor();
}

describe('LAN office mode: two PCs, two operators', () => {
  let clerk: Page;
  let manager: Page;

  it('both sign in through the LAN address; each acts as itself, side by side', async () => {
    clerk = await signedInPc('刘芳', 'clerk-pw-1');
    manager = await signedInPc('周敏', 'manager-pw');
    expect(await clerk.locator('[data-test="current-role"]').textContent()).toBe('文员');
    expect(await manager.locator('[data-test="current-role"]').textContent()).toBe('经理');

    // the session is an HttpOnly cookie: the page's scripts see neither the cookie nor a token in storage
    for (const page of [clerk, manager]) {
      expect(await page.evaluate(() => document.cookie)).toBe('');
      expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toMatch(/salesdesk\.(session|token)"\s*:\s*"[^"]/);
      const cookies = await page.context().cookies();
      expect(cookies).toEqual([
        expect.objectContaining({ name: 'salesdesk_session', httpOnly: true, sameSite: 'Strict', domain: ADDRESS }),
      ]);
    }

    await newCustomer(clerk, '郑州东方商贸');
    await newCustomer(manager, '洛阳北辰食品');
    // each sees the other's customer in the list (one database)
    for (const page of [clerk, manager]) {
      await page.locator('[data-nav="customers"]').click();
      for (const name of ['郑州东方商贸', '洛阳北辰食品']) await page.getByText(name).first().waitFor();
    }
    await clerk.screenshot({ path: path.join(shotsDir, 'lan-01-clerk.png') });
    await manager.screenshot({ path: path.join(shotsDir, 'lan-02-manager.png') });
  });

  it('the audit log names each change’s operator and the PC address it came from', async () => {
    await manager.locator('[data-nav="audit"]').click();
    const table = manager.locator('.el-table');
    await expect.poll(() => table.textContent()).toContain(`刘芳 @ ${ADDRESS}`);
    expect(await table.textContent()).toContain(`周敏 @ ${ADDRESS}`);
    await manager.screenshot({ path: path.join(shotsDir, 'lan-03-audit.png') });
    // the clerk may not read it: the menu has no entry
    expect(await clerk.locator('[data-nav="audit"]').count()).toBe(0);
  });

  it('the settings page shows the address to open and its QR code (started from the command line: stopped there)', async () => {
    await manager.locator('[data-nav="settings/lan"]').click();
    await expect.poll(() => manager.locator('[data-test="lan-url"]').allTextContents()).toEqual([url]);
    expect(await manager.locator('[data-test="lan-state"]').textContent()).toBe('已开启');
    expect(await manager.locator('[data-test="lan-qr"]').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await manager.locator('[data-test="lan-command-line"]').textContent()).toContain('npm run serve -- --lan');
    expect(await manager.locator('[data-test="lan-qr"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await manager.screenshot({ path: path.join(shotsDir, 'lan-04-settings.png') });
    expect(await clerk.locator('[data-nav="settings/lan"]').count()).toBe(0);
  });

  it('signing out in one browser leaves the other signed in', async () => {
    await clerk.locator('[data-test="current-operator"]').click();
    await clerk.locator('[data-test="sign-out"]').click();
    await field(clerk, 'sign-in-name').waitFor();
    expect(await clerk.context().cookies()).toEqual([]);
    await manager.reload();
    await expect.poll(() => manager.locator('[data-test="current-operator"]').textContent()).toContain('周敏');
  });

  it('this PC’s name opens it; a foreign Host name gets nothing (DNS rebinding), and a cross-site call is refused', async () => {
    const port = new URL(url).port;
    const context = await browser.newContext();
    const page = await context.newPage();
    expect((await page.goto(`http://${os.hostname().toLowerCase()}:${port}/`))?.status()).toBe(200);
    await field(page, 'sign-in-name').waitFor();
    const answer = await page.goto(`http://rebind.example:${port}/`);
    expect(answer?.status()).toBe(421);
    expect(await page.textContent('body')).toBe('主机名不被允许');
    // a page of another site posting to the API, as a form or a script would: the cookie stays home (SameSite=Strict),
    // the Origin is not ours, and nothing is written
    await page.route('http://evil.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>evil</title>' }),
    );
    await page.goto('http://evil.example/');
    await page.evaluate(async (target) => {
      await fetch(`${target}api/customers.save`, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ input: { name: '跨站客户' } }),
      }).catch(() => undefined);
    }, url);
    await manager.locator('[data-nav="customers"]').click();
    await manager.getByText('洛阳北辰食品').first().waitFor();
    expect(await manager.getByText('跨站客户').count()).toBe(0);
    await context.close();
  });
});
