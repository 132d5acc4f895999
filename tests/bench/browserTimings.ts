// Browser timings of the list pages, end to end in Chromium against the real browser-mode server:
// list open (cold first load of the app, and a warm in-app navigation from another list), next page, sort.
// "Visible" = the table's new rows are in the DOM, no loading mask covers them, and the next frame has started.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_MANAGER, DEMO_PASSWORD } from '../../electron/core/demo/operators';

export const BROWSER_BUDGET_MS = 300;
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type ListName = 'customers' | 'dealers' | 'products';
export type StepName = 'open-cold' | 'open-reload' | 'open-warm' | 'page' | 'sort' | 'open-return';
export const stepNames: StepName[] = ['open-cold', 'open-reload', 'open-warm', 'page', 'sort', 'open-return'];

interface ListSpec {
  route: string;
  table: string;
  method: string;
  /** the list a warm navigation comes from */
  from: ListName;
}

export const listSpecs: Record<ListName, ListSpec> = {
  customers: { route: '/customers', table: '[data-test="customer-table"]', method: 'customers.list', from: 'products' },
  dealers: { route: '/dealers', table: '[data-test="dealer-table"]', method: 'dealers.list', from: 'customers' },
  products: { route: '/products', table: '[data-test="product-table"]', method: 'products.list', from: 'customers' },
};

/** One timed step; every figure is in ms from the step's start (navigation start, or the pointer press). */
export interface Sample {
  totalMs: number;
  /** the new rows were in the DOM (the mask may still have covered them) */
  rowsMs: number;
  /** the list request left the browser / its answer had arrived */
  requestStartMs: number | null;
  responseEndMs: number | null;
  /** JS and CSS fetched by the page during the step */
  scripts: number;
}

export interface StepResult {
  list: ListName;
  step: StepName;
  samples: Sample[];
  medianMs: number;
  /** null: reported, not budgeted — the app starting on a list (the budget is for opening a list in the running app) */
  budgetMs: number | null;
  pass: boolean;
}

// Runs in the page before any of its scripts: remembers the last pointer press, and watches one table for new rows.
const INIT_SCRIPT = `
(() => {
  const w = window;
  w.__sdInputAt = null;
  w.__sdTarget = null;
  w.__sdResult = null;
  addEventListener('pointerdown', (e) => { w.__sdInputAt = e.timeStamp; }, true);
  // a mask hides the rows only while it is displayed and not fully transparent
  const shown = (m) => { const cs = getComputedStyle(m); return cs.display !== 'none' && Number(cs.opacity) > 0; };
  const rowKey = (table) => {
    const rows = table.querySelectorAll('.el-table__body-wrapper tr.el-table__row');
    return rows.length ? rows.length + '|' + rows[0].textContent : '';
  };
  w.__sdRowKey = (sel) => { const t = document.querySelector(sel); return t ? rowKey(t) : ''; };
  const check = () => {
    const target = w.__sdTarget;
    if (!target || (w.__sdResult && w.__sdResult.readyAt !== null)) return;
    const table = document.querySelector(target.sel);
    if (!table) return;
    const key = rowKey(table);
    if (!key || key === target.prevKey) return;
    if (!w.__sdResult) w.__sdResult = { rowsAt: performance.now(), readyAt: null, pending: false };
    const masked = [...table.querySelectorAll('.el-loading-mask')].some((m) => shown(m));
    if (masked || w.__sdResult.pending) return;
    w.__sdResult.pending = true;
    requestAnimationFrame(() => {
      w.__sdResult.pending = false;
      const still = [...table.querySelectorAll('.el-loading-mask')].some((m) => shown(m));
      if (still || rowKey(table) === target.prevKey) return;
      w.__sdResult.readyAt = performance.now();
    });
  };
  w.__sdCheck = check;
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const m = /^#(\\/[a-z]+)/.exec(location.hash);
  const sel = { '/customers': '[data-test="customer-table"]', '/dealers': '[data-test="dealer-table"]', '/products': '[data-test="product-table"]' }[m ? m[1] : '/customers'];
  if (sel) w.__sdTarget = { sel, prevKey: '' };
})();
`;

async function arm(page: Page, table: string): Promise<void> {
  await page.evaluate(
    `(() => { window.__sdResult = null; window.__sdInputAt = null; window.__sdTarget = { sel: ${JSON.stringify(table)}, prevKey: window.__sdRowKey(${JSON.stringify(table)}) }; })()`,
  );
}

/** Waits for the armed table to show new rows; `fromInput`: time from the pointer press, else from navigation start. */
async function collect(page: Page, method: string, fromInput: boolean, timeoutMs = 20_000): Promise<Sample> {
  // a function, not a string: the app's CSP forbids eval, which a string predicate would need
  await page.waitForFunction(
    () => {
      const r = (window as unknown as { __sdResult: { readyAt: number | null } | null }).__sdResult;
      return r !== null && r.readyAt !== null;
    },
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
  const raw = (await page.evaluate(`(() => {
    const r = window.__sdResult;
    const start = ${fromInput ? 'window.__sdInputAt' : '0'};
    const res = performance.getEntriesByType('resource').filter((e) => e.startTime >= (start ?? 0) - 1);
    const api = res.filter((e) => e.name.includes('/api/${method}')).pop();
    const scripts = res.filter((e) => /\\.(js|css)(\\?|$)/.test(e.name)).length;
    return { start, rowsAt: r.rowsAt, readyAt: r.readyAt, reqStart: api ? api.startTime : null, resEnd: api ? api.responseEnd : null, scripts };
  })()`)) as { start: number | null; rowsAt: number; readyAt: number; reqStart: number | null; resEnd: number | null; scripts: number };
  if (raw.start === null) throw new Error('no pointer press was seen before the rows changed');
  const rel = (v: number | null) => (v === null ? null : round1(v - raw.start!));
  return {
    totalMs: round1(raw.readyAt - raw.start),
    rowsMs: round1(raw.rowsAt - raw.start),
    requestStartMs: rel(raw.reqStart),
    responseEndMs: rel(raw.resEnd),
    scripts: raw.scripts,
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

function withHash(url: string, route: string): string {
  return `${url.replace(/#.*$/, '')}#${route}`;
}

async function openList(context: BrowserContext, url: string, list: ListName): Promise<{ page: Page; sample: Sample }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(withHash(url, listSpecs[list].route));
  try {
    const sample = await collect(page, listSpecs[list].method, false);
    return { page, sample };
  } catch (e) {
    throw new Error(
      `${list}: rows never became visible (${(e as Error).message})${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`,
    );
  }
}

async function warmNavigate(page: Page, list: ListName): Promise<Sample> {
  const spec = listSpecs[list];
  await arm(page, spec.table);
  await page.locator(`[data-nav="${list}"]`).click();
  return collect(page, spec.method, true);
}

async function nextPage(page: Page, list: ListName): Promise<Sample> {
  const spec = listSpecs[list];
  await arm(page, spec.table);
  // the pager nearest to the table, wherever the list page puts it
  await page.evaluate(`(() => {
    document.querySelectorAll('[data-sd-next]').forEach((b) => b.removeAttribute('data-sd-next'));
    for (let el = document.querySelector(${JSON.stringify(spec.table)}); el; el = el.parentElement) {
      const next = el.querySelector('.btn-next');
      if (next) return next.setAttribute('data-sd-next', '');
    }
  })()`);
  await page.locator('[data-sd-next]').click();
  return collect(page, spec.method, true);
}

async function sortByName(page: Page, list: ListName): Promise<Sample> {
  const spec = listSpecs[list];
  await arm(page, spec.table);
  // the second sortable column is the name in every list (code/SKU comes first)
  await page.locator(`${spec.table} th:has(.caret-wrapper)`).nth(1).locator('.caret-wrapper .ascending').click();
  return collect(page, spec.method, true);
}

export interface MeasureOptions {
  url: string;
  runs?: number;
  lists?: ListName[];
  executablePath?: string;
  log?: (line: string) => void;
  /** the session every page acts with; by default the demo manager's (the bench databases are demo databases) */
  session?: string;
}

/** Signs in as the demo's manager over HTTP: every measured page carries this session. */
export async function demoManagerSession(url: string): Promise<string> {
  const u = new URL(url);
  const res = await fetch(`${u.origin}/api/auth.signIn`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${u.searchParams.get('token') ?? ''}` },
    body: JSON.stringify({ input: { name: DEMO_MANAGER, password: DEMO_PASSWORD } }),
  });
  const body = (await res.json()) as { ok: boolean; data?: { session: string }; error?: { message: string } };
  if (!body.ok) throw new Error(`sign-in as ${DEMO_MANAGER} failed: ${body.error?.message}`);
  return body.data!.session;
}

/** Measures every step `runs` times; cold loads each use a fresh browser context (empty HTTP cache). */
export async function measureBrowserTimings(options: MeasureOptions): Promise<StepResult[]> {
  const runs = options.runs ?? 5;
  const lists = options.lists ?? ['customers', 'dealers', 'products'];
  const browser: Browser = await chromium.launch({
    executablePath: options.executablePath ?? process.env.SALESDESK_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const samples = new Map<string, Sample[]>();
  const add = (list: ListName, step: StepName, s: Sample) => {
    const key = `${list}:${step}`;
    samples.set(key, [...(samples.get(key) ?? []), s]);
    options.log?.(`${key} ${s.totalMs} ms (rows ${s.rowsMs}, request ${s.requestStartMs}→${s.responseEndMs}, ${s.scripts} js/css)`);
  };
  const session = options.session ?? (await demoManagerSession(options.url));
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    // signed in as the tab would be after the sign-in screen (browser mode keeps the session in sessionStorage)
    await context.addInitScript((s: string) => sessionStorage.setItem('salesdesk.session', s), session);
    return context;
  };
  try {
    // one untimed load first, so the server's own first-query warm-up is not counted as the browser's
    const primer = await newContext();
    await primer.addInitScript(INIT_SCRIPT);
    for (const list of lists) await (await openList(primer, options.url, list)).page.close();
    await primer.close();

    for (let run = 0; run < runs; run++) {
      for (const list of lists) {
        const cold = await newContext();
        await cold.addInitScript(INIT_SCRIPT);
        const { sample } = await openList(cold, options.url, list);
        add(list, 'open-cold', sample);
        await cold.close();
      }
      // warm: the HTTP cache holds the app; each list is reached from another list of a fresh tab
      const warm = await newContext();
      await warm.addInitScript(INIT_SCRIPT);
      await (await openList(warm, options.url, 'customers')).page.close();
      for (const list of lists) {
        const { page } = await openList(warm, options.url, listSpecs[list].from);
        add(list, 'open-warm', await warmNavigate(page, list));
        add(list, 'page', await nextPage(page, list));
        add(list, 'sort', await sortByName(page, list));
        // back to a list visited before: it is kept alive, shows as it was left and refreshes in place
        const from = listSpecs[listSpecs[list].from];
        await page.locator(`[data-nav="${listSpecs[list].from}"]`).click();
        await page.locator(`${from.table} .el-table__row`).first().waitFor();
        add(list, 'open-return', await warmNavigate(page, list));
        await page.close();
      }
      // the app started again on the list in a tab of the same browser (F5, or the tab reopened): its code cached
      for (const list of lists) {
        const { page, sample } = await openList(warm, options.url, list);
        add(list, 'open-reload', sample);
        await page.close();
      }
      await warm.close();
    }
  } finally {
    await browser.close();
  }
  const results: StepResult[] = [];
  for (const list of lists) {
    for (const step of stepNames) {
      const s = samples.get(`${list}:${step}`) ?? [];
      const medianMs = round1(median(s.map((x) => x.totalMs)));
      const budgetMs = appStartSteps.has(step) ? null : BROWSER_BUDGET_MS;
      results.push({ list, step, samples: s, medianMs, budgetMs, pass: budgetMs === null || medianMs <= budgetMs });
    }
  }
  return results;
}

/** The app starting on a list (a desktop app starts once a day): reported beside the budgeted in-app steps. */
export const appStartSteps: ReadonlySet<StepName> = new Set<StepName>(['open-cold', 'open-reload']);

const stepLabel: Record<StepName, string> = {
  'open-cold': 'app start on the list (cold)',
  'open-reload': 'app start on the list (reload)',
  'open-warm': 'list open (first visit)',
  page: 'page',
  sort: 'sort',
  'open-return': 'list open (return)',
};

/** One line a step: `browser: customers list open (cold)  median X ms (budget 300)  PASS`, then where the time went. */
export function formatBrowserTimings(results: StepResult[]): string[] {
  const med = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? `${Math.round(median(v))}` : '—';
  };
  return results.map((r) => {
    const verdict = r.budgetMs === null ? '(reported)' : `(budget ${r.budgetMs})  ${r.pass ? 'PASS' : 'FAIL'}`;
    const head = `browser: ${`${r.list} ${stepLabel[r.step]}`.padEnd(42)} median ${String(Math.round(r.medianMs)).padStart(4)} ms ${verdict}`;
    const detail =
      `request sent ${med(r.samples.map((s) => s.requestStartMs))} ms, answered ${med(r.samples.map((s) => s.responseEndMs))} ms, ` +
      `rows ${med(r.samples.map((s) => s.rowsMs))} ms; runs ${r.samples.map((s) => Math.round(s.totalMs)).join(' ')}`;
    return `${head}   [${detail}]`;
  });
}

// ---------- the server and the build, for the bench ----------

export interface BrowserServer {
  url: string;
  close: () => Promise<void>;
}

/** Starts `out/main/server.js` on the database; resolves with its URL (the last line it prints). */
export function startBrowserServer(dbPath: string, root = process.cwd()): Promise<BrowserServer> {
  // no automatic backup of the bench database in the middle of the timings (备份与恢复's scheduler starts 2 min in)
  const args = [path.join(root, 'out/main/server.js'), '--db', dbPath, '--port', '0', '--no-auto-backup'];
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => (kill(), reject(new Error(`server did not start: ${out}`))), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          close: () =>
            new Promise<void>((done) => {
              process.removeListener('exit', kill);
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              kill();
            }),
        });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`server exited with ${code}: ${out}`))));
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the app when out/ is missing or older than its sources, so the bench never times a stale renderer. */
export function ensureBuilt(root = process.cwd()): void {
  const marker = path.join(root, 'out/renderer/index.html');
  const server = path.join(root, 'out/main/server.js');
  const built = fs.existsSync(marker) && fs.existsSync(server) ? Math.min(fs.statSync(marker).mtimeMs, fs.statSync(server).mtimeMs) : 0;
  const sources = Math.max(...['renderer', 'shared', 'electron'].map((d) => newestMtime(path.join(root, d))));
  if (built >= sources) return;
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`electron-vite build failed: ${r.stderr || r.stdout}`);
}

export interface BrowserBench {
  results: StepResult[] | null;
  skipped: string | null;
  checked: number;
  failures: number;
}

/** The bench's browser section: build if needed, serve the database, measure, and count the budgets. */
export async function runBrowserBench(
  dbPath: string,
  options: { runs?: number; log?: (line: string) => void } = {},
): Promise<BrowserBench> {
  const executablePath = process.env.SALESDESK_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    return { results: null, skipped: `Chromium not found at ${executablePath} (apt-get install -y chromium)`, checked: 1, failures: 1 };
  }
  ensureBuilt();
  // the server gets its own copy: the bench's database stays exactly as the other measurements left it
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-browser-bench-'));
  const copy = path.join(dir, 'bench.db');
  fs.copyFileSync(dbPath, copy);
  if (fs.existsSync(`${dbPath}-wal`)) fs.copyFileSync(`${dbPath}-wal`, `${copy}-wal`);
  const server = await startBrowserServer(copy);
  try {
    const results = await measureBrowserTimings({ url: server.url, runs: options.runs, executablePath, log: options.log });
    const budgeted = results.filter((r) => r.budgetMs !== null);
    return { results, skipped: null, checked: budgeted.length, failures: budgeted.filter((r) => !r.pass).length };
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
