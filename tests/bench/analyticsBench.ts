// Analytics in the bench (issue 10, Performance), on the large demo: each analytics.* dashboard call for last month with
// no filter (≤ 150 ms), for last year (≤ 400 ms) and for last month within the 大区 holding the most customers (≤ 150 ms);
// analytics.exceptions for today (≤ 150 ms) and meetingPack.data for last month (reported: the whole pack's PDF + PPTX
// budget is 20 s) — each through the real dispatcher as the bench's manager, beside hand-written SQL giving one of its
// figures (the fingerprint both sides must agree on). Then, in Chromium against the browser-mode server, the time from
// navigation to each dashboard route until its figures have arrived, every chart is drawn (a page without charts: its
// table) and no loading mask shows (≤ 1.5 s). Everything reads; the browser's server gets a copy of the database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Core } from '../../electron/core/core';
import { todayLocal } from '../../electron/core/context';
import { addDays, parsePeriod } from '../../shared/periods';
import { callAs, registered, type MoneyOperation } from './moneyBench';
import { CHROMIUM_ARGS, demoManagerSession, ensureBuilt, median, startBrowserServer } from './browserTimings';

export const ANALYTICS_MONTH_BUDGET_MS = 150;
export const ANALYTICS_YEAR_BUDGET_MS = 400;
export const ANALYTICS_REGION_BUDGET_MS = 150;
export const EXCEPTIONS_BUDGET_MS = 150;
export const DASHBOARD_BUDGET_MS = 1500;

export interface AnalyticsBench {
  operations: MoneyOperation[];
  missing: string[];
  close: () => void;
}

type Range = { from: string; to: string };

/** Last month, last whole year and the 大区 (top-level region) with the most active customers, as of today. */
export function analyticsCases(core: Core) {
  const db = core.ctx.db;
  const today = todayLocal(core.ctx);
  const lastMonth = parsePeriod(addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7))!;
  const lastYear = parsePeriod(String(Number(today.slice(0, 4)) - 1))!;
  const region = db
    .prepare(
      `select p.id, p.name, p.path, (select count(*) from customers c join regions s on s.id = c.region_id
                                     where c.archived = 0 and s.path like p.path || '%') as n
       from regions p where p.parent_id is null order by n desc, p.id limit 1`,
    )
    .get() as { id: number; name: string; path: string; n: number } | undefined;
  return {
    today,
    month: { from: lastMonth.from, to: lastMonth.to, label: lastMonth.label },
    year: { from: lastYear.from, to: lastYear.to, label: lastYear.label },
    region,
  };
}

export async function analyticsOperations(core: Core): Promise<AnalyticsBench> {
  const db = core.ctx.db;
  const operations: MoneyOperation[] = [];
  const missing: string[] = [];
  const { today, month, year, region } = analyticsCases(core);
  if (!region) return { operations, missing: ['数据库里没有区域 / no regions: generate the demo first'], close: () => {} };
  const regionLike = `${region.path}%`;
  const inRegion = `(select s.id from regions s where s.path like @region)`;

  // sales of a range (orders not draft by order date, 红冲 rows negative, less posted returns by return date)
  const salesSql = (regional: boolean) =>
    db
      .prepare(
        `select coalesce(sum(fen), 0) from (
           select o.total_fen as fen from orders o ${regional ? 'join customers c on c.id = o.customer_id' : ''}
             where o.state <> 'draft' and o.date between @from and @to ${regional ? `and c.region_id in ${inRegion}` : ''}
           union all
           select -t.total_fen from returns t ${regional ? 'join customers c on c.id = t.customer_id' : ''}
             where t.state = 'posted' and t.date between @from and @to ${regional ? `and c.region_id in ${inRegion}` : ''})`,
      )
      .pluck();
  const sales = [salesSql(false), salesSql(true)];
  // the receivables balance as of a date: Σ receivables − Σ credits dated on or before it
  const balanceSql = (regional: boolean) =>
    db
      .prepare(
        `select (select coalesce(sum(r.amount_fen), 0) from receivables r ${regional ? 'join customers c on c.id = r.customer_id' : ''}
                 where r.date <= @asOf ${regional ? `and c.region_id in ${inRegion}` : ''})
              - (select coalesce(sum(k.amount_fen), 0) from credits k ${regional ? 'join customers c on c.id = k.customer_id' : ''}
                 where k.date <= @asOf ${regional ? `and c.region_id in ${inRegion}` : ''})`,
      )
      .pluck();
  const balance = [balanceSql(false), balanceSql(true)];
  // active customers (not archived, not merged away)
  const customersSql = (regional: boolean) =>
    db
      .prepare(
        `select count(*) from customers c where c.archived = 0 and c.merged_into_id is null
         ${regional ? `and c.region_id in ${inRegion}` : ''}`,
      )
      .pluck();
  const customers = [customersSql(false), customersSql(true)];
  // completed visits of the active reps (with a region: the reps assigned a region in its subtree)
  const visitsSql = (regional: boolean) =>
    db
      .prepare(
        `select count(*) from daily_report_lines l join daily_reports d on d.id = l.report_id join reps p on p.id = d.rep_id
         where l.done = 1 and d.state in ('submitted', 'signed') and d.date between @from and @to and p.active = 1
         ${regional ? `and exists (select 1 from rep_regions rr where rr.rep_id = p.id and rr.region_id in ${inRegion})` : ''}`,
      )
      .pluck();
  const visits = [visitsSql(false), visitsSql(true)];

  const cases: Array<{ label: string; range: Range; regional: boolean; budgetMs: number; detail: string }> = [
    { label: 'month', range: month, regional: false, budgetMs: ANALYTICS_MONTH_BUDGET_MS, detail: `上月 ${month.label}，不筛选` },
    { label: 'year', range: year, regional: false, budgetMs: ANALYTICS_YEAR_BUDGET_MS, detail: `去年 ${year.label}，不筛选` },
    {
      label: 'region',
      range: month,
      regional: true,
      budgetMs: ANALYTICS_REGION_BUDGET_MS,
      detail: `上月 ${month.label}，区域 ${region.name}（${region.n} 个客户）`,
    },
  ];
  // as of the period end, or today while it runs (the dashboards' rule)
  const asOfOf = (r: Range) => (r.to < today ? r.to : today);
  type Dashboard = {
    method: string;
    what: string;
    baseline: (range: Range, regional: boolean) => number;
    figure: (out: unknown) => number;
  };
  const dashboards: Dashboard[] = [
    {
      method: 'analytics.overview',
      what: '总览',
      baseline: (r, g) => sales[g ? 1 : 0]!.get({ ...r, region: regionLike }) as number,
      figure: (o) => (o as { salesFen: number }).salesFen,
    },
    {
      method: 'analytics.sales',
      what: '销售分析',
      baseline: (r, g) => sales[g ? 1 : 0]!.get({ ...r, region: regionLike }) as number,
      figure: (o) => (o as { salesFen: number }).salesFen,
    },
    {
      method: 'analytics.customers',
      what: '客户分析',
      baseline: (_r, g) => customers[g ? 1 : 0]!.get({ region: regionLike }) as number,
      figure: (o) => (o as { grades: Array<{ customers: number }> }).grades.reduce((s, x) => s + x.customers, 0),
    },
    {
      method: 'analytics.receivables',
      what: '应收分析',
      baseline: (r, g) => balance[g ? 1 : 0]!.get({ asOf: asOfOf(r), region: regionLike }) as number,
      figure: (o) => (o as { totals: { totalFen: number } }).totals.totalFen,
    },
    {
      method: 'analytics.activity',
      what: '过程分析',
      baseline: (r, g) => visits[g ? 1 : 0]!.get({ ...r, region: regionLike }) as number,
      figure: (o) => (o as { totals: { visits: number } }).totals.visits,
    },
  ];
  for (const d of dashboards) {
    if (!(await registered(core, d.method, { period: month }))) {
      missing.push(d.method);
      continue;
    }
    for (const c of cases) {
      const input = { period: { from: c.range.from, to: c.range.to }, ...(c.regional ? { filters: { regionId: region.id } } : {}) };
      operations.push({
        name: `${d.method} ${c.label}`,
        detail: `${d.what}：${c.detail}`,
        budgetMs: c.budgetMs,
        run: () => callAs(core, d.method, input),
        baseline: () => d.baseline(c.range, c.regional),
        fingerprint: (r) => String(typeof r === 'number' ? r : d.figure(r)),
      });
    }
  }

  // exceptions for today: the customers over their credit limit, counted by hand
  if (await registered(core, 'analytics.exceptions', { date: today })) {
    const overCredit = db
      .prepare(
        `select count(*) from customers c where c.credit_limit_fen > 0
           and coalesce((select sum(r.amount_fen) from receivables r where r.customer_id = c.id and r.date <= @d), 0)
             - coalesce((select sum(k.amount_fen) from credits k where k.customer_id = c.id and k.date <= @d), 0) > c.credit_limit_fen`,
      )
      .pluck();
    operations.push({
      name: 'analytics.exceptions',
      detail: `异常预警：今天 ${today}（八类，逐条链接）`,
      budgetMs: EXCEPTIONS_BUDGET_MS,
      run: () => callAs(core, 'analytics.exceptions', { date: today }),
      baseline: () => overCredit.get({ d: today }) as number,
      fingerprint: (r) =>
        String(
          typeof r === 'number'
            ? r
            : (r as { counts: Array<{ kind: string; count: number }> }).counts.find((x) => x.kind === 'overCredit')?.count,
        ),
    });
  } else missing.push('analytics.exceptions');

  // the meeting pack's data for last month: its 经营概况 page's sales beside the hand-written sum
  if (await registered(core, 'meetingPack.data', { month: month.label })) {
    operations.push({
      name: 'meetingPack.data',
      detail: `月度会议材料：${month.label} 全公司（全部页面的数据与结论；PDF + PPT 合计预算 20 s）`,
      budgetMs: null,
      run: () => callAs(core, 'meetingPack.data', { month: month.label }),
      baseline: () => sales[0]!.get({ ...month, region: regionLike }) as number,
      fingerprint: (r) => {
        if (typeof r === 'number') return String(r);
        const kpis = (r as { pages: Array<{ key: string; series: Array<{ values: Array<number | null> }> }> }).pages.find(
          (p) => p.key === 'kpis',
        );
        return String(kpis?.series[0]?.values[0]);
      },
    });
  } else missing.push('meetingPack.data');

  return { operations, missing, close: () => {} };
}

// ---------- the dashboards in Chromium ----------

export interface DashboardRoute {
  path: string;
  method: string;
}

/** The dashboard routes present in the renderer (path + the core method each calls), read from the routes files. */
export function dashboardRoutes(root = process.cwd()): DashboardRoute[] {
  const files = [path.join(root, 'renderer/src/views/analytics/routes.ts')];
  const out: DashboardRoute[] = [];
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    // each route record: its path and, in its meta, the analytics method it calls
    const re = /path:\s*'([^']+)'[\s\S]*?method:\s*'(analytics\.[a-zA-Z]+)'/g;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ path: m[1]!, method: m[2]! });
  }
  return out;
}

export interface DashboardSample {
  totalMs: number;
  /** the dashboard's call left the browser / its answer had arrived (ms from navigation start) */
  requestStartMs: number | null;
  responseEndMs: number | null;
  charts: number;
}

/** `open`: reached from another page of the running app (the budget); `app start`: the app loaded on it (reported). */
export type DashboardStep = 'open' | 'app start';

export interface DashboardResult {
  route: string;
  method: string;
  step: DashboardStep;
  samples: DashboardSample[];
  medianMs: number;
  /** null: reported, not budgeted */
  budgetMs: number | null;
  pass: boolean;
}

export interface DashboardBench {
  results: DashboardResult[] | null;
  skipped: string | null;
  checked: number;
  failures: number;
}

/**
 * Ready: the route's call has answered, the page shows its charts (a page without charts: its table), every chart has
 * its canvas with a size and no loading mask shows — checked on every animation frame (a function, not a string: the
 * app's CSP).
 */
async function waitReady(page: Page, method: string, since = 0, timeoutMs = 30_000): Promise<DashboardSample> {
  const handle = await page.waitForFunction(
    ({ m, since: t0 }: { m: string; since: number }) => {
      const api = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (e) => e.name.includes(`/api/${m}`) && e.startTime >= t0,
      );
      if (!api.some((e) => e.responseEnd > 0)) return null;
      const charts = [...document.querySelectorAll('.chart-panel .chart')];
      // a dashboard without charts (异常预警) is its table
      if (charts.length === 0 && !document.querySelector('.el-table__body-wrapper')) return null;
      const drawn = charts.every((c) => {
        const canvas = c.querySelector('canvas, svg');
        return canvas !== null && canvas.getBoundingClientRect().width > 0;
      });
      if (!drawn) return null;
      const masked = [...document.querySelectorAll('.el-loading-mask')].some((el) => {
        const cs = getComputedStyle(el);
        return cs.display !== 'none' && Number(cs.opacity) > 0;
      });
      if (masked) return null;
      const last = api[api.length - 1]!;
      return { at: performance.now(), reqStart: last.startTime, resEnd: last.responseEnd, charts: charts.length };
    },
    { m: method, since },
    { timeout: timeoutMs, polling: 'raf' },
  );
  const r = (await handle.jsonValue()) as { at: number; reqStart: number; resEnd: number; charts: number };
  const round1 = (v: number) => Math.round(v * 10) / 10;
  return {
    totalMs: round1(r.at - since),
    requestStartMs: round1(r.reqStart - since),
    responseEndMs: round1(r.resEnd - since),
    charts: r.charts,
  };
}

/** How long the app has been on its first page before a dashboard is opened from it. */
const APP_IN_USE_MS = 2000;

/**
 * Each dashboard `runs` times two ways: opened from a list of the running app (a fresh tab on 客户档案, two seconds
 * after its rows showed, then the dashboard's address as a menu link sets it; timed from that moment) — the 1.5 s
 * budget — and the app started on its
 * address in a fresh browser context (empty HTTP cache), timed from navigation start — reported.
 */
export async function measureDashboards(options: {
  url: string;
  routes: DashboardRoute[];
  runs?: number;
  executablePath?: string;
  log?: (line: string) => void;
}): Promise<DashboardResult[]> {
  const runs = options.runs ?? 5;
  const browser: Browser = await chromium.launch({
    executablePath: options.executablePath ?? process.env.SALESDESK_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const session = await demoManagerSession(options.url);
  const base = options.url.replace(/#.*$/, '');
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await context.addInitScript((s: string) => sessionStorage.setItem('salesdesk.session', s), session);
    return context;
  };
  const attempt = async (page: Page, route: DashboardRoute, go: () => Promise<number>) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      return await waitReady(page, route.method, await go());
    } catch (e) {
      throw new Error(`${route.path}: never ready (${(e as Error).message})${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
    }
  };
  const appStart = async (route: DashboardRoute) => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      return await attempt(page, route, async () => (await page.goto(`${base}#${route.path}`), 0));
    } finally {
      await context.close();
    }
  };
  // the app's code is in this context's HTTP cache; each dashboard is opened from a fresh tab on the customer list
  let warm: Awaited<ReturnType<typeof newContext>> | null = null;
  const open = async (route: DashboardRoute) => {
    warm ??= await newContext();
    const page = await warm.newPage();
    try {
      await page.goto(`${base}#/customers`);
      await page.locator('[data-test="customer-table"] .el-table__row').first().waitFor();
      // a dashboard is opened from an app in use, not in the instant it started: its pages' code loads meanwhile
      await page.waitForTimeout(APP_IN_USE_MS);
      return await attempt(page, route, () =>
        page.evaluate((path: string) => {
          const at = performance.now();
          location.hash = `#${path}`;
          return at;
        }, route.path),
      );
    } finally {
      await page.close();
    }
  };
  const samples = new Map<string, DashboardSample[]>();
  const add = (route: DashboardRoute, step: DashboardStep, s: DashboardSample) => {
    const key = `${route.path} ${step}`;
    samples.set(key, [...(samples.get(key) ?? []), s]);
    options.log?.(`${key} ${s.totalMs} ms (request ${s.requestStartMs}→${s.responseEndMs}, ${s.charts} charts)`);
  };
  try {
    // one untimed open of each first: the server's first queries warm its page cache
    for (const route of options.routes) await appStart(route);
    for (let run = 0; run < runs; run++) {
      for (const route of options.routes) add(route, 'open', await open(route));
      for (const route of options.routes) add(route, 'app start', await appStart(route));
    }
  } finally {
    await browser.close();
  }
  return options.routes.flatMap((route) =>
    (['open', 'app start'] as const).map((step) => {
      const s = samples.get(`${route.path} ${step}`) ?? [];
      const medianMs = Math.round(median(s.map((x) => x.totalMs)) * 10) / 10;
      const budgetMs = step === 'open' ? DASHBOARD_BUDGET_MS : null;
      return {
        route: route.path,
        method: route.method,
        step,
        samples: s,
        medianMs,
        budgetMs,
        pass: budgetMs === null || medianMs <= budgetMs,
      };
    }),
  );
}

/** The analytics section's browser part: build if needed, serve a copy of the database, open every dashboard. */
export async function runDashboardBench(
  dbPath: string,
  options: { runs?: number; log?: (line: string) => void } = {},
): Promise<DashboardBench> {
  const executablePath = process.env.SALESDESK_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath))
    return { results: null, skipped: `Chromium not found at ${executablePath} (apt-get install -y chromium)`, checked: 1, failures: 1 };
  const routes = dashboardRoutes();
  if (routes.length === 0)
    return { results: null, skipped: 'no dashboard routes in renderer/src/views/analytics/routes.ts', checked: 1, failures: 1 };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-analytics-bench-'));
  let server: Awaited<ReturnType<typeof startBrowserServer>> | null = null;
  try {
    ensureBuilt();
    const copy = path.join(dir, 'bench.db');
    fs.copyFileSync(dbPath, copy);
    if (fs.existsSync(`${dbPath}-wal`)) fs.copyFileSync(`${dbPath}-wal`, `${copy}-wal`);
    server = await startBrowserServer(copy);
    const results = await measureDashboards({ url: server.url, routes, runs: options.runs, executablePath, log: options.log });
    const budgeted = results.filter((r) => r.budgetMs !== null);
    return { results, skipped: null, checked: budgeted.length, failures: budgeted.filter((r) => !r.pass).length };
  } catch (e) {
    // a build that fails or a dashboard that never draws is a failure of the section, reported with its reason
    return { results: null, skipped: (e as Error).message, checked: 1, failures: 1 };
  } finally {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One line a dashboard: `browser: /analytics  median X ms (budget 1500)  PASS  [request …, answered …; runs …]`. */
export function formatDashboardBench(bench: DashboardBench): string[] {
  if (bench.skipped) return [`browser dashboards: FAIL — ${bench.skipped}`];
  const med = (xs: Array<number | null>) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? String(Math.round(median(v))) : '—';
  };
  return (bench.results ?? []).map((r) => {
    const verdict = r.budgetMs === null ? '(reported)' : `(budget ${r.budgetMs})  ${r.pass ? 'PASS' : 'FAIL'}`;
    const head = `browser: ${`${r.route} ${r.step} (${r.method})`.padEnd(66)} median ${String(Math.round(r.medianMs)).padStart(5)} ms ${verdict}`;
    const detail =
      `request sent ${med(r.samples.map((s) => s.requestStartMs))} ms, answered ${med(r.samples.map((s) => s.responseEndMs))} ms, ` +
      `${r.samples[0]?.charts ?? 0} charts; runs ${r.samples.map((s) => Math.round(s.totalMs)).join(' ')}`;
    return `${head}   [${detail}] [load ${os.loadavg()[0]!.toFixed(2)}]`;
  });
}
