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
