// Starts the built app in browser mode (the real server process) and a headless Debian Chromium driven by playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Element Plus passes attributes of el-input to the native <input>; other components keep them on their root. */
export function field(page: Page, name: string): Locator {
  return page.locator(`input[data-test="${name}"], textarea[data-test="${name}"], [data-test="${name}"] input`).first();
}

export const shotsDir = path.resolve('test-output/e2e');

export interface AppUnderTest {
  url: string;
  page: Page;
  context: BrowserContext;
  server: ChildProcess;
  stdout: string[];
  dir: string;
  shot: (name: string) => Promise<string>;
  close: () => Promise<void>;
}

export async function startApp(options: { dbFile?: string } = {}): Promise<AppUnderTest> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-e2e-'));
  const dbFile = options.dbFile ?? path.join(dir, 'e2e.db');
  const server = spawn(process.execPath, ['out/main/server.js', '--db', dbFile, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  // a test run that dies before close() must not leave the server behind
  process.once('exit', () => server.kill('SIGTERM'));
  const stdout: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not print its URL: ${stdout.join('\n')}`)), 30_000);
    let buffer = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        stdout.push(line);
        if (/^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(line)) {
          clearTimeout(timer);
          resolve(line.trim());
        }
      }
    });
    server.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stdout.join('\n')}`)));
  });
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: process.env.SALESDESK_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  fs.mkdirSync(shotsDir, { recursive: true });
  return {
    url,
    page,
    context,
    server,
    stdout,
    dir,
    shot: async (name) => {
      // let dialogs and tree animations finish, and clear toasts that would cover the layout being checked
      await page.waitForTimeout(350);
      await page.evaluate("document.querySelectorAll('.el-message').forEach((m) => m.remove())");
      const file = path.join(shotsDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    close: async () => {
      await context.close().catch(() => undefined);
      server.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      fs.rmSync(dir, { recursive: true, force: true });
      if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join('; ')}`);
    },
  };
}

// ----- operators and sign-in -----

/** The admin every e2e first run creates, and the manager the tests then work as (an admin enters no business data). */
export const E2E_ADMIN = { name: 'admin', password: 'admin-pw-1' } as const;
export const E2E_MANAGER = { name: '测试经理', password: 'manager-pw' } as const;

/** POST /api/<method> from the test process, with the access token and, if given, a session. */
export async function callApi<T = any>(app: Pick<AppUnderTest, 'url'>, method: string, input: unknown, session?: string): Promise<T> {
  const url = new URL(app.url);
  const res = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${url.searchParams.get('token') ?? ''}`,
      ...(session ? { 'X-Session': session } : {}),
    },
    body: JSON.stringify({ input }),
  });
  const body = (await res.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.data as T;
}

/** The tab's session (browser mode keeps it in sessionStorage). */
export function pageSession(page: Page): Promise<string> {
  return page.evaluate(() => sessionStorage.getItem('salesdesk.session') ?? '');
}

/** Signs in over HTTP and gives the session to the tab (as the sign-in screen would), then reloads the app. */
export async function signInPage(app: AppUnderTest, name: string, password: string): Promise<string> {
  const { session } = await callApi<{ session: string }>(app, 'auth.signIn', { name, password });
  if (!app.page.url().startsWith(new URL(app.url).origin)) await app.page.goto(app.url);
  await app.page.evaluate((s) => sessionStorage.setItem('salesdesk.session', s), session);
  await app.page.reload();
  return session;
}

/**
 * The first-run screen's admin part: fills the admin's name and password, presses 开始使用, notes the recovery code,
 * then adds the e2e manager and goes on as them (the screen the tests expect: the app, signed in for business work).
 */
export async function submitFirstRun(app: AppUnderTest): Promise<{ recoveryCode: string; managerSession: string }> {
  const { page } = app;
  await field(page, 'admin-name').fill(E2E_ADMIN.name);
  await field(page, 'admin-password').fill(E2E_ADMIN.password);
  await field(page, 'admin-confirm').fill(E2E_ADMIN.password);
  await page.locator('[data-test="start"]').click();
  const code = page.locator('[data-test="recovery-code"]');
  await code.waitFor({ timeout: 60_000 });
  const recoveryCode = ((await code.textContent()) ?? '').trim();
  await page.locator('[data-test="recovery-written"]').click();
  await page.locator('[data-test="recovery-continue"]').click();
  await callApi(
    app,
    'operators.save',
    { name: E2E_MANAGER.name, role: 'manager', password: E2E_MANAGER.password },
    await pageSession(page),
  );
  const managerSession = await signInPage(app, E2E_MANAGER.name, E2E_MANAGER.password);
  await page.locator('[data-test="current-operator"]').waitFor();
  return { recoveryCode, managerSession };
}
