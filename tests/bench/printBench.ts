// Printing the day's batch for 50 reps to PDF in Chromium against the browser-mode server (budget 15 s): the print route
// opened, the forms loaded and laid out, and page.pdf() written — for the reports and for the plans — beside the
// baseline of one blank form printed the same way (what any PDF costs here: the CJK font alone takes seconds).
// Alone: npx tsx tests/bench/printBench.ts [--reps 50] [--runs 3]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureBuilt, median, startBrowserServer } from './browserTimings';
import { PRINT_MANAGER, seedPrintDb } from '../e2e/printSeed';

export const PRINT_BATCH_REPS = 50;
export const PRINT_BATCH_BUDGET_S = 15;

export interface PrintStep {
  name: string;
  /** median of the runs: route opened → ready, page.pdf(), and both */
  readySeconds: number;
  pdfSeconds: number;
  totalSeconds: number;
  /** CPU time the browser and the server spent on it (median): the wall time on a loaded machine waits for the CPU too */
  cpuSeconds: number;
  pages: number;
  budgetSeconds: number | null;
  pass: boolean | null;
  runs: number[];
}

export interface PrintBench {
  reps: number;
  seedSeconds: number;
  steps: PrintStep[];
  skipped: string | null;
  checked: number;
  failures: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** CPU seconds (user + system) of all descendants of `root` (not itself), from /proc (Linux; 0 elsewhere). */
export function descendantsCpuSeconds(root: number): number {
  if (!fs.existsSync('/proc/self/stat')) return 0;
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid … utime(14) stime(15): split after the command name, which may hold spaces
      const raw = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, st] of stats) {
      if (!inTree.has(pid) && inTree.has(st.ppid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  let ticks = 0;
  for (const pid of inTree) if (pid !== root) ticks += stats.get(pid)?.ticks ?? 0;
  return ticks / 100; // USER_HZ is 100 on Linux
}

async function printOnce(page: Page, origin: string, route: string, file: string, cpu: () => number) {
  const c0 = cpu();
  const t0 = performance.now();
  await page.goto(`${origin}/?bench=${Date.now()}#${route}`);
  await page.locator('[data-test="print-stage"][data-print-ready="true"]').waitFor({ timeout: 120_000 });
  const t1 = performance.now();
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const t2 = performance.now();
  const c1 = cpu();
  const pages = await page.locator('[data-test="print-sheet"]').count();
  return { ready: (t1 - t0) / 1000, pdf: (t2 - t1) / 1000, total: (t2 - t0) / 1000, cpu: c1 - c0, pages };
}

export async function runPrintBench(options: { reps?: number; runs?: number; log?: (line: string) => void } = {}): Promise<PrintBench> {
  const reps = options.reps ?? PRINT_BATCH_REPS;
  const runs = options.runs ?? 3;
  const executablePath = process.env.SALESDESK_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    return { reps, seedSeconds: 0, steps: [], skipped: `Chromium not found at ${executablePath}`, checked: 1, failures: 1 };
  }
  ensureBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-print-bench-'));
  const t = performance.now();
  // about eight visits a rep, some days more, long outcome texts among them
  const seed = await seedPrintDb(path.join(dir, 'print.db'), { reps, lines: (i) => 6 + ((i * 7) % 9) });
  const seedSeconds = (performance.now() - t) / 1000;
  options.log?.(`print bench: ${reps} reps' plans and reports written through the core in ${seedSeconds.toFixed(1)} s`);
  const server = await startBrowserServer(path.join(dir, 'print.db'));
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const origin = new URL(server.url).origin;
    const res = await fetch(`${origin}/api/auth.signIn`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${new URL(server.url).searchParams.get('token')}` },
      body: JSON.stringify({ input: PRINT_MANAGER }),
    });
    const session = ((await res.json()) as { data: { session: string } }).data.session;
    const context = await browser.newContext({ locale: 'zh-CN' });
    await context.addInitScript((s: string) => sessionStorage.setItem('salesdesk.session', s), session);
    const page = await context.newPage();
    // Chromium and the browser-mode server are both children of this process
    const cpu = () => descendantsCpuSeconds(process.pid);
    await page.goto(server.url);
    const specs = [
      { name: `batch of ${reps} reports, A4`, route: `/print/batch?date=${seed.date}&form=report&paper=a4`, budget: PRINT_BATCH_BUDGET_S },
      {
        name: `batch of ${reps} plans, 241×140`,
        route: `/print/batch?date=${seed.date}&form=plan&paper=sanlian`,
        budget: PRINT_BATCH_BUDGET_S,
      },
      { name: 'baseline: one blank form, A4', route: '/print/blank/daily-report?paper=a4', budget: null },
    ];
    const steps: PrintStep[] = [];
    for (const spec of specs) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const s = await printOnce(page, origin, spec.route, path.join(dir, `run-${steps.length}-${i}.pdf`), cpu);
        options.log?.(
          `print bench: ${spec.name}: ready ${s.ready.toFixed(2)} s, pdf ${s.pdf.toFixed(2)} s, CPU ${s.cpu.toFixed(2)} s, ${s.pages} pages`,
        );
        samples.push(s);
      }
      const total = median(samples.map((s) => s.total));
      steps.push({
        name: spec.name,
        readySeconds: round2(median(samples.map((s) => s.ready))),
        pdfSeconds: round2(median(samples.map((s) => s.pdf))),
        totalSeconds: round2(total),
        cpuSeconds: round2(median(samples.map((s) => s.cpu))),
        pages: samples[0]!.pages,
        budgetSeconds: spec.budget,
        pass: spec.budget === null ? null : total <= spec.budget,
        runs: samples.map((s) => round2(s.total)),
      });
    }
    const checked = steps.filter((s) => s.pass !== null);
    return {
      reps,
      seedSeconds: round2(seedSeconds),
      steps,
      skipped: null,
      checked: checked.length,
      failures: checked.filter((s) => !s.pass).length,
    };
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatPrintBench(r: PrintBench): string[] {
  if (r.skipped) return [`print: skipped (${r.skipped})`];
  return r.steps.map(
    (s) =>
      `print: ${s.name.padEnd(32)} ${s.totalSeconds.toFixed(2)} s (ready ${s.readySeconds.toFixed(2)} s + page.pdf ${s.pdfSeconds.toFixed(2)} s; ` +
      `CPU ${s.cpuSeconds.toFixed(2)} s, ` +
      `${s.pages} pages; runs ${s.runs.join(' ')})${s.budgetSeconds === null ? '' : `, budget ≤ ${s.budgetSeconds} s — ${s.pass ? 'PASS' : 'FAIL'}`}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  runPrintBench({ reps: arg('--reps'), runs: arg('--runs'), log: (l) => console.log(l) })
    .then((r) => {
      for (const l of formatPrintBench(r)) console.log(l);
      console.log(`${r.checked - r.failures} passed, ${r.failures} failed`);
      if (r.failures) process.exitCode = 1;
    })
    .catch((err: unknown) => {
      console.error(`基准测试失败 / benchmark failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    });
}
