// Targets end to end in Chromium (browser mode): the manager sets the annual company sales target on 目标设置 from the
// keyboard, decomposes it to the team's reps and each rep's to months, opens the grid (rows = reps, columns = months),
// locks one cell and types another; the rest of that rep's row rebalances (exact values, row total unchanged, the locked
// cell untouched). Then the tracking view shows its time-progress bar, and the team's scorecards print to PDF in one
// batch: PNG pages (test-output/e2e/targets/, to look at) and text (pdftotext) checked — 业绩考核表, each rep's name,
// the period, one page per rep.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, shotsDir, signInPage, startApp, type AppUnderTest } from './harness';
import { printRouteToPdf, squeeze } from './pdf';

let app: AppUnderTest;
let page: Page;
let manager = '';

const ADMIN = { name: 'admin', password: 'admin-pw-1' };
const MANAGER = { name: '周经理', password: 'manager-pw' };
const REPS = ['李娜', '王强', '赵敏'];
const SOLD = [100, 60, 25];
const SOLD_LAST_MONTH = [80, 90, 40];
const outDir = path.join(shotsDir, 'targets');

const api = <T = any>(method: string, input: unknown) => callApi<T>(app, method, input, manager);
const origin = () => new URL(app.url).origin;
const p2 = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const YEAR = now.getFullYear();
const ymd = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
const today = ymd(now);
const lastMonthDay = ymd(new Date(YEAR, now.getMonth() - 1, 10));
/** a rep's month target after the grid edit (李娜: January locked, February typed, the other ten gave 5,500.00 each) */
const monthTargetFen = (rep: string, month: number) =>
  rep !== '李娜' ? 10_000_000 : month === 1 ? 10_000_000 : month === 2 ? 15_500_000 : 9_450_000;
/** 分 as the screens show 元: 1,234.56 */
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const shot = async (name: string) => {
  const file = await app.shot(`targets/${name}`);
  return file;
};

const activeField = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-test') ?? el?.closest('[data-test]')?.getAttribute('data-test') ?? el?.tagName ?? '';
  });
const enter = async () => {
  await page.keyboard.press('Enter');
  await page.waitForTimeout(150);
};
async function enterTo(target: string) {
  for (let i = 0; i < 10 && (await activeField()) !== target; i++) await enter();
  expect(await activeField()).toBe(target);
}
const text = async (testId: string) => ((await page.locator(`[data-test="${testId}"]`).first().textContent()) ?? '').trim();
const cell = (r: number, c: number) => page.locator(`[data-test="cell-${r}-${c}"] input`);
/** Picks an option of an el-select by its visible text. */
async function choose(testId: string, option: string) {
  await page.locator(`[data-test="${testId}"]`).first().click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
  await page.waitForTimeout(150);
}
/** The target page's children: first column's text and value column's text per row. */
async function childRows(): Promise<Array<[string, string]>> {
  await page.locator('[data-test="target-children"] .el-table__body tr').first().waitFor();
  const rows = page.locator('[data-test="target-children"] .el-table__body tr');
  const out: Array<[string, string]> = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push([
      ((await row.locator('td').nth(0).textContent()) ?? '').trim(),
      ((await row.locator('[data-test="child-value"]').textContent()) ?? '').trim(),
    ]);
  }
  return out;
}

beforeAll(async () => {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  app = await startApp();
  page = app.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  const init = await callApi<{ session: string }>(app, 'settings.initialize', { companyName: '华众商贸有限公司', admin: ADMIN });
  await callApi(app, 'operators.save', { name: MANAGER.name, role: 'manager', password: MANAGER.password }, init.session);
  manager = (await callApi<{ session: string }>(app, 'auth.signIn', MANAGER)).session;
  const team = await api<{ id: number }>('teams.save', { name: '郑州一组' });
  const product = await api<{ id: number }>('products.save', {
    sku: 'P001',
    name: '佳洁士牙膏',
    unit: '支',
    active: true,
    listPriceFen: 12_000,
    dealerPriceFen: 11_000,
    floorPriceFen: 10_000,
    costFen: 8_000,
  });
  // each rep sells today to a shop of their own: 李娜 100, 王强 60, 赵敏 25 at ¥120.00
  for (const [i, name] of REPS.entries()) {
    const rep = await api<{ id: number }>('reps.save', { name, phone: `1390000000${i + 1}`, teamId: team.id });
    const shop = await api<{ id: number }>('customers.save', { name: `${name.slice(0, 1)}记便利店`, repId: rep.id });
    const order = await api<{ id: number }>('orders.save', {
      customerId: shop.id,
      repId: rep.id,
      date: today,
      lines: [{ productId: product.id, qty: SOLD[i]!, unitPriceFen: 12_000, discountFen: 0 }],
    });
    await api('orders.post', { id: order.id });
    // and on the 10th of last month (the scorecards' default period)
    const earlier = await api<{ id: number }>('orders.save', {
      customerId: shop.id,
      repId: rep.id,
      date: lastMonthDay,
      lines: [{ productId: product.id, qty: SOLD_LAST_MONTH[i]!, unitPriceFen: 12_000, discountFen: 0 }],
    });
    await api('orders.post', { id: earlier.id });
  }
  manager = await signInPage(app, MANAGER.name, MANAGER.password);
  await page.locator('[data-test="current-operator"]').waitFor();
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe('targets end to end', () => {
  let companyId = 0;

  it('sets the annual company sales target from the keyboard', { timeout: 240_000 }, async () => {
    await page.goto(`${origin()}/#/targets`);
    await page.locator('[data-test="targets-roots"]').waitFor();
    // the sidebar's 目标管理 group
    expect(await page.locator('[data-nav-group="targets"]').textContent()).toContain('目标设置');
    await page.locator('[data-test="targets-new"]').click();
    await page.locator('[data-test="target-new-form"]').waitFor();
    await expect.poll(activeField).toBe('tn-metric');
    // 销售额, 公司 and this year are filled: Enter passes them to the value
    await enterTo('tn-value');
    await page.keyboard.type('3600000');
    await shot('01-new-annual-target');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/#\/targets\/\d+$/);
    companyId = Number(/#\/targets\/(\d+)$/.exec(page.url())![1]);
    await expect.poll(() => text('target-value')).toBe('3,600,000.00');
    const saved = await api('targets.get', { id: companyId });
    expect(saved).toMatchObject({ metric: 'sales', level: 'company', period: String(YEAR), value: 360_000_000, locked: false });
  });

  it('decomposes it to the reps equally, and each rep to months', { timeout: 300_000 }, async () => {
    await page.locator('[data-test="target-decompose"]').click();
    await page.locator('[data-test="decompose-form"]').waitFor();
    await page.locator('[data-test="dc-by-unit"]').click();
    await choose('dc-level', '业务员');
    await shot('02-decompose-to-reps');
    await page.locator('[data-test="dc-save"]').click();
    await expect.poll(childRows).toEqual(REPS.map((name) => [name, '1,200,000.00']));

    for (const name of REPS) {
      await page.locator('[data-test="child-open"]', { hasText: name }).click();
      await expect.poll(() => page.locator('[data-test="target-summary"]').textContent()).toContain(name);
      await page.locator('[data-test="target-decompose"]').click();
      await page.locator('[data-test="decompose-form"]').waitFor();
      // a year splits by time into months by default, equally
      await page.locator('[data-test="dc-save"]').click();
      await expect.poll(async () => (await childRows()).length).toBe(12);
      expect((await childRows()).map(([, v]) => v)).toEqual(Array(12).fill('100,000.00'));
      if (name === REPS[0]) await shot('03-rep-months');
      await page.locator('[data-test="target-breadcrumb"] .el-breadcrumb__item').nth(1).click();
      await expect.poll(() => page.url()).toMatch(new RegExp(`#/targets/${companyId}$`));
    }
  });

  it('the grid: locks a cell, types another, the rest of the row rebalances and its total stays', { timeout: 300_000 }, async () => {
    await page.locator('[data-test="target-grid"]').click();
    await page.locator('[data-test="grid-table"]').waitFor();
    expect(await page.locator('[data-test^="grid-row-"]').count()).toBe(3);
    for (let r = 0; r < 3; r++) expect(await text(`row-total-${r}`)).toBe('1,200,000.00');
    for (let c = 0; c < 12; c++) expect(await text(`col-total-${c}`)).toBe('300,000.00');
    expect(await text('grid-total')).toBe('3,600,000.00');
    expect(await text('grid-parent')).toBe('3,600,000.00');
    await shot('04-grid');

    // lock 李娜's January with Ctrl+L
    await cell(0, 0).click();
    await page.keyboard.press('Control+l');
    await expect.poll(() => page.locator('[data-test="cell-0-0"]').getAttribute('class')).toContain('locked');
    // 李娜's February to 155,000.00, the rest of her row absorbing it (行内调整 is the default)
    await cell(0, 1).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('155000');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(0, 1).inputValue()).toBe('155,000.00');
    // January locked stays; the other ten months give 55,000.00 / 10 each
    expect(await cell(0, 0).inputValue()).toBe('100,000.00');
    for (let c = 2; c < 12; c++) expect(await cell(0, c).inputValue()).toBe('94,500.00');
    expect(await text('row-total-0')).toBe('1,200,000.00');
    for (const r of [1, 2]) for (let c = 0; c < 12; c++) if (r !== 1 || c !== 1) expect(await cell(r, c).inputValue()).toBe('100,000.00');
    expect(await text('col-total-1')).toBe('355,000.00');
    expect(await text('grid-total')).toBe('3,600,000.00');
    // highlighted: the edited cell and the ten that moved
    expect(await page.locator('[data-test^="cell-0-"].changed').count()).toBe(11);
    await page.locator('[data-test="grid-mode"]').click({ position: { x: 1, y: 1 } }); // moves the cursor away from the cells
    await shot('05-grid-rebalanced');

    // the core agrees
    const grid = await api('targets.grid', { parentId: companyId });
    expect(grid.rows[0].cells.map((c: any) => c.value)).toEqual([10_000_000, 15_500_000, ...Array(10).fill(9_450_000)]);
    expect(grid.rows[0].cells[0].locked).toBe(true);
    expect(grid.rows[0].value).toBe(120_000_000);
  });

  it('the tracking view shows each rep against the time progress, its bar marking it', { timeout: 240_000 }, async () => {
    await page.goto(`${origin()}/#/targets/tracking`);
    await page.locator('[data-test="tracking-page"]').waitFor();
    await page.locator('[data-test="tracking-kind-month"]').click();
    await page.locator('[data-test="tracking-level-rep"]').click();
    await page.locator('[data-test="tracking-table"] [data-test="tracking-bar"]').first().waitFor();
    const month = `${YEAR}-${p2(now.getMonth() + 1)}`;
    const core = await api('targets.tracking', { metric: 'sales', level: 'rep', period: month, asOf: today });
    const bp = (v: number | null) => (v === null ? '—' : `${Math.floor(v / 100)}.${p2(v % 100)}%`);
    const rows = page.locator('[data-test="tracking-table"] .el-table__body tr');
    await expect.poll(() => rows.count()).toBe(REPS.length);
    for (let i = 0; i < REPS.length; i++) {
      const row = rows.nth(i);
      const name = ((await row.locator('td').first().textContent()) ?? '').trim();
      const expected = core.rows.find((r: any) => name.includes(r.name));
      expect(expected, name).toBeTruthy();
      expect(await row.locator('[data-test="tracking-target"]').textContent()).toBe(yuan(expected.target));
      // today's order, ¥120.00 a piece
      expect(expected.actual).toBe(SOLD[REPS.indexOf(expected.name)]! * 12_000);
      expect(await row.locator('[data-test="tracking-actual"]').textContent()).toBe(yuan(expected.actual));
      expect(await row.locator('[data-test="tracking-time"]').textContent()).toBe(bp(expected.timeProgressBp));
      // the bar: achievement filled, time progress marked where the core puts it
      const marker = await row.locator('[data-test="tracking-bar-marker"]').getAttribute('style');
      expect(marker).toContain(`left: ${Math.min(10_000, expected.timeProgressBp ?? 0) / 100}%`);
      expect(await row.locator('[data-test="tracking-bar"]').isVisible()).toBe(true);
    }
    // the month's targets as the grid left them
    for (const r of core.rows) expect(r.target).toBe(monthTargetFen(r.name, now.getMonth() + 1));
    await shot('06-tracking');
  });

  it('prints the team’s scorecards from 业绩考核 in one job: a page per rep, read back from the PDF', { timeout: 240_000 }, async () => {
    await page.goto(`${origin()}/#/evaluations`);
    await page.locator('[data-test="eval-table"]').waitFor();
    await choose('eval-team', '郑州一组');
    const rows = page.locator('[data-test="eval-table"] .el-table__body tr');
    await expect.poll(() => rows.count()).toBe(REPS.length);
    await shot('07-evaluations');
    await page.locator('[data-test="eval-print-batch"]').click();
    await page.waitForURL(/#\/print\/scorecard\?/);
    const route = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const period = new URLSearchParams(route.split('?')[1]).get('period')!;
    expect(period).toMatch(/^\d{4}-(\d{2}|Q\d)$/);
    expect(route).toContain('teamId=');
    const pdf = await printRouteToPdf(page, origin(), outDir, 'scorecards', route);
    expect(pdf.size).toEqual([595, 842]);
    // one A4 page per rep, each naming its rep (and no other), the period, the title and the signature blocks
    expect(pdf.pages).toHaveLength(REPS.length);
    const periodText = /Q/.test(period)
      ? `${period.slice(0, 4)}年第${period.slice(-1)}季度`
      : `${period.slice(0, 4)}年${Number(period.slice(5))}月`;
    const named = pdf.pages.map((p) => {
      const flat = squeeze(p);
      expect(flat).toContain('业绩考核表');
      expect(flat).toContain(periodText);
      expect(flat).toContain('华众商贸有限公司');
      expect(flat).toContain('业务员签字');
      expect(flat).toContain('主管签字');
      const who = REPS.filter((name) => flat.includes(name));
      expect(who, flat.slice(0, 200)).toHaveLength(1);
      // the rep's sales of the period (the order of that month) and the month's target set in the grid
      const i = REPS.indexOf(who[0]!);
      const sold = period === today.slice(0, 7) ? SOLD[i]! : period === lastMonthDay.slice(0, 7) ? SOLD_LAST_MONTH[i]! : null;
      if (sold !== null) expect(flat).toContain(`销售额(元)${yuan(sold * 12_000)}`);
      if (period.startsWith(String(YEAR)) && !/Q/.test(period))
        expect(flat).toContain(`销售目标(元)${yuan(monthTargetFen(who[0]!, Number(period.slice(5))))}`);
      return who[0];
    });
    expect(new Set(named)).toEqual(new Set(REPS));
    const pngs = fs.readdirSync(outDir).filter((f) => f.startsWith('scorecards') && f.endsWith('.png'));
    expect(pngs).toHaveLength(REPS.length);
  });
});
