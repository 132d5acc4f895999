// Money entry end to end in Chromium, from the keyboard only: a clerk signs in and types a sales order (customer and
// products by pinyin initials, a fractional quantity, a line discount) and posts it with Ctrl+Enter; types an order that
// credit control blocks (the setting set to block and a 100.00 limit through the core first), sees the credit figures
// after Ctrl+S, and has the manager approve it in 需要经理授权 with their name and password; returns part of the first
// order; registers a collection allocated automatically. The figures are read back through the core exactly in 分
// (receivables.balance and the open documents). Then, for the shop, one more order typed with a date 40 days back; the
// customer page, the aging as of today and as of a month ago and the statement show the figures the core computes from
// what was typed, and the statement prints to PDF (PNG in test-output/e2e/money-entry/, text checked with pdftotext).
// Screens are captured at 1366×768.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, field, pageSession, shotsDir, startApp, type AppUnderTest } from './harness';
import { printRouteToPdf, squeeze } from './pdf';

let app: AppUnderTest;
let page: Page;

const ADMIN = { name: 'admin', password: 'admin-pw-1' };
const MANAGER = { name: '周经理', password: 'manager-pw' };
const CLERK = { name: '王文员', password: 'clerk-pw-1' };

const p2 = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const ymd = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
const today = ymd(now);
const daysAgo = (n: number) => ymd(new Date(now.getFullYear(), now.getMonth(), now.getDate() - n));
/** The aging screen's 一个月前: the same day a month earlier, or that month's last day. */
const monthAgo = ymd(
  new Date(now.getFullYear(), now.getMonth() - 1, Math.min(now.getDate(), new Date(now.getFullYear(), now.getMonth(), 0).getDate())),
);
/** 分 as the screens and the print show 元: 1,234.56 */
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const outDir = path.join(shotsDir, 'money-entry');

const api = <T = any>(method: string, input: unknown, session?: string) => callApi<T>(app, method, input, session);
const origin = () => new URL(app.url).origin;

/** Which field has the cursor: its data-test, or the nearest one around it. */
const activeField = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-test') ?? el?.closest('[data-test]')?.getAttribute('data-test') ?? el?.tagName ?? '';
  });
const enter = async () => {
  await page.keyboard.press('Enter');
  await page.waitForTimeout(150); // pickers open and close on a tick
};
/** Enter until the cursor is in `target` (an empty picker takes one Enter to open and one to move on). */
async function enterTo(target: string) {
  for (let i = 0; i < 10 && (await activeField()) !== target; i++) await enter();
  expect(await activeField()).toBe(target);
}
/** Types initials into the picker with the cursor, waits for the match, takes it with Enter. */
async function pick(initials: string, name: string) {
  await page.keyboard.type(initials);
  await page.locator('.el-select-dropdown__item:visible', { hasText: name }).first().waitFor();
  await enter();
}

async function signIn(who: { name: string; password: string }) {
  await page.goto(app.url);
  await field(page, 'sign-in-name').waitFor();
  await expect.poll(activeField).toBe('sign-in-name');
  await page.keyboard.type(who.name);
  await enter();
  await page.keyboard.type(who.password);
  await enter();
  await page.locator('[data-test="current-operator"]').waitFor();
}

describe('money entry from the keyboard, end to end in Chromium', () => {
  let manager = '';
  let shopId = 0; // 金福便利店: retail, no credit limit
  let wholesaleId = 0; // 兴隆批发部: wholesale (dealer prices), 100.00 credit limit
  let firstOrderId = 0;

  beforeAll(async () => {
    app = await startApp();
    page = app.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    const init = await api<{ session: string }>('settings.initialize', { companyName: '华众商贸有限公司', admin: ADMIN });
    await api('operators.save', { name: MANAGER.name, role: 'manager', password: MANAGER.password }, init.session);
    await api('operators.save', { name: CLERK.name, role: 'clerk', password: CLERK.password }, init.session);
    manager = (await api<{ session: string }>('auth.signIn', MANAGER)).session;
    const rep = await api<{ id: number }>('reps.save', { name: '张伟', phone: '13900000002' }, manager);
    shopId = (await api<{ id: number }>('customers.save', { name: '金福便利店', repId: rep.id, paymentTermDays: 30 }, manager)).id;
    wholesaleId = (
      await api<{ id: number }>(
        'customers.save',
        { name: '兴隆批发部', type: 'wholesale', repId: rep.id, creditLimitFen: 10000, paymentTermDays: 15 },
        manager,
      )
    ).id;
    const product = { unit: '支', active: true };
    await api(
      'products.save',
      { ...product, sku: 'P001', name: '佳洁士牙膏', listPriceFen: 1500, dealerPriceFen: 1235, floorPriceFen: 1100, costFen: 900 },
      manager,
    );
    await api(
      'products.save',
      {
        ...product,
        sku: 'P002',
        name: '舒肤佳香皂',
        unit: '块',
        listPriceFen: 1200,
        dealerPriceFen: 1050,
        floorPriceFen: 1000,
        costFen: 700,
      },
      manager,
    );
    // credit control blocks: a manager must approve an order over the limit
    await api('settings.save', { creditControlMode: 'block' }, manager);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('the clerk types a sales order of two lines and posts it with Ctrl+Enter', { timeout: 240_000 }, async () => {
    await signIn(CLERK);
    await page.goto(`${origin()}/#/orders`);
    await page.locator('[data-test="order-table"]').waitFor();
    await page.keyboard.press('Alt+n');
    await page.locator('[data-test="order-lines"]').waitFor();
    await expect.poll(activeField).toBe('o-customer');
    await pick('jfbld', '金福便利店');
    await expect.poll(activeField).toBe('o-dealer');
    await enterTo('ol-product-0');

    const kb = page.keyboard;
    await pick('jjsyg', '佳洁士牙膏');
    await expect.poll(activeField).toBe('ol-qty-0');
    await kb.type('10');
    await enter();
    expect(await activeField()).toBe('ol-price-0');
    await expect.poll(() => field(page, 'ol-price-0').inputValue()).toBe('15.00'); // list price for a shop
    await enter();
    await enter(); // no discount: the last cell adds the next line
    await expect.poll(activeField).toBe('ol-product-1');
    await pick('sfjxz', '舒肤佳香皂');
    await expect.poll(activeField).toBe('ol-qty-1');
    await kb.type('2.5');
    await enter();
    await enter();
    await kb.type('0.5');
    await page.waitForTimeout(150);
    // 10 × 15.00 + (2.5 × 12.00 − 0.50) = 179.50
    await expect.poll(() => page.locator('[data-test="order-total"]').textContent()).toBe('¥179.50');
    await app.shot('money-order-typed');
    await kb.press('Control+Enter');
    await expect.poll(() => page.locator('[data-test="order-state"]').textContent()).toBe('已过账');
    firstOrderId = Number(/#\/orders\/(\d+)/.exec(page.url())?.[1]);
    const order = await api('orders.get', { id: firstOrderId }, await pageSession(page));
    expect(order).toMatchObject({ customerId: shopId, state: 'posted', totalFen: 17950, subtotalFen: 17950, costFen: 9000 + 1750 });
    expect(order.grossProfitFen).toBe(17950 - 10750);
    expect(order.lines.map((l: any) => [l.productName, l.qty, l.unitPriceFen, l.discountFen, l.amountFen])).toEqual([
      ['佳洁士牙膏', 10, 1500, 0, 15000],
      ['舒肤佳香皂', 2.5, 1200, 50, 2950],
    ]);
    await expect.poll(() => page.locator('[data-test="order-gross"]').textContent()).toBe('¥72.00');
    await app.shot('money-order-posted');
  });

  it('an order over the credit limit: the figures, then a manager approves it in the dialog', { timeout: 240_000 }, async () => {
    await page.goto(`${origin()}/#/orders/new`);
    await page.locator('[data-test="order-lines"]').waitFor();
    await expect.poll(activeField).toBe('o-customer');
    await pick('xlpfb', '兴隆批发部');
    await expect.poll(activeField).toBe('o-dealer');
    await enterTo('ol-product-0');
    await pick('jjsyg', '佳洁士牙膏');
    await expect.poll(activeField).toBe('ol-qty-0');
    await page.keyboard.type('10');
    await enter();
    // a wholesaler buys at the dealer price: 10 × 12.35 = 123.50, over the 100.00 limit
    await expect.poll(() => field(page, 'ol-price-0').inputValue()).toBe('12.35');
    await page.keyboard.press('Control+s');
    await page.locator('[data-test="order-credit"]').waitFor();
    await expect.poll(() => page.locator('[data-test="credit-after"]').textContent()).toBe('¥123.50');
    expect(await page.locator('[data-test="credit-limit"]').textContent()).toBe('¥100.00');
    expect(await page.locator('[data-test="credit-balance"]').textContent()).toBe('¥0.00');
    expect(await page.locator('[data-test="credit-over"]').textContent()).toBe('超出信用额度');
    expect(await page.locator('[data-test="order-credit"]').getAttribute('class')).toContain('warn');
    await app.shot('money-order-credit');

    await page.keyboard.press('Control+Enter');
    await page.locator('[data-test="override-dialog"]').waitFor();
    await expect.poll(activeField).toBe('override-reason');
    expect(await page.locator('[data-test="override-message"]').textContent()).toMatch(/信用|额度/);
    await page.keyboard.type('老客户，月底前回款');
    await enter();
    expect(await activeField()).toBe('override-manager');
    await page.keyboard.type(MANAGER.name);
    await enter();
    await page.keyboard.type(MANAGER.password);
    await app.shot('money-override-dialog');
    await enter();
    await expect.poll(() => page.locator('[data-test="order-state"]').textContent(), { timeout: 10_000 }).toBe('已过账');
    const id = Number(/#\/orders\/(\d+)/.exec(page.url())?.[1]);
    const order = await api('orders.get', { id }, manager);
    expect(order).toMatchObject({
      customerId: wholesaleId,
      state: 'posted',
      totalFen: 12350,
      overrideReason: '老客户，月底前回款',
      overrideByName: MANAGER.name,
    });
    await expect.poll(() => page.locator('[data-test="order-override-note"]').textContent()).toContain(MANAGER.name);
    await app.shot('money-order-approved');
  });

  it('returns 3 of the 10 tubes of the first order', { timeout: 240_000 }, async () => {
    await page.goto(`${origin()}/#/returns/new?orderId=${firstOrderId}`);
    await page.locator('[data-test="return-lines"]').waitFor();
    await expect.poll(activeField).toBe('rl-qty-0');
    expect(await page.locator('[data-test="rl-left-0"]').textContent()).toBe('10');
    await page.keyboard.type('3');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('[data-test="return-state"]').textContent(), { timeout: 10_000 }).toBe('已过账');
    const id = Number(/#\/returns\/(\d+)/.exec(page.url())?.[1]);
    const ret = await api('returns.get', { id }, manager);
    // 3 of 10 at 15.00: 45.00 back
    expect(ret).toMatchObject({ orderId: firstOrderId, state: 'posted', totalFen: 4500 });
    expect(await page.locator('[data-test="return-total"]').textContent()).toBe('¥45.00');
    await app.shot('money-return-posted');
  });

  it('a collection of 100.00 goes to the oldest due automatically; the balance is exact to the 分', { timeout: 240_000 }, async () => {
    await page.goto(`${origin()}/#/collections`);
    await page.locator('[data-test="collection-table"]').waitFor();
    await page.keyboard.press('Alt+n');
    await expect.poll(activeField).toBe('c-customer');
    await pick('jfbld', '金福便利店');
    await expect.poll(activeField).toBe('c-date');
    // the open order shows with its unpaid part: 179.50 − 45.00 = 134.50
    await expect.poll(() => page.locator('[data-test="ci-unpaid-0"]').textContent()).toBe('134.50');
    await enter();
    expect(await activeField()).toBe('c-amount');
    await page.keyboard.type('100');
    await enterTo('c-reference');
    await page.keyboard.type('转账 8821');
    await expect.poll(() => page.locator('[data-test="c-allocated"]').textContent()).toBe('核销 ¥100.00');
    expect(await page.locator('[data-test="c-prepayment"]').textContent()).toBe('计入预收 ¥0.00');
    await app.shot('money-collection-form');
    await page.keyboard.press('Control+s');
    await page.locator('[data-test="collection-dialog"]').waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('[data-test="collection-sum"]').textContent()).toBe('合计 ¥100.00（1 笔）');
    await app.shot('money-collection-list');

    const rows = (await api('collections.list', { page: 1, pageSize: 10 }, manager)).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      customerId: shopId,
      amountFen: 10000,
      allocatedFen: 10000,
      method: 'transfer',
      reference: '转账 8821',
    });

    // 179.50 − 45.00 − 100.00 = 34.50 owed; 123.50 by the wholesaler
    const shop = await api('receivables.balance', { customerId: shopId, asOf: today }, manager);
    expect(shop).toMatchObject({ balanceFen: 3450, owedFen: 3450, prepaymentFen: 0 });
    const docs = await api('receivables.documents', { customerId: shopId, asOf: today }, manager);
    expect(docs.unpaidFen).toBe(3450);
    expect(docs.rows.map((r: any) => [r.amountFen, r.paidFen, r.unpaidFen])).toEqual([[17950, 14500, 3450]]);
    const wholesaler = await api('receivables.balance', { customerId: wholesaleId, asOf: today }, manager);
    expect(wholesaler).toMatchObject({ balanceFen: 12350, owedFen: 12350, prepaymentFen: 0 });

    // the order list: both orders, their sum
    await page.goto(`${origin()}/#/orders`);
    await expect.poll(() => page.locator('[data-test="order-sum"]').textContent()).toBe('合计 ¥303.00（2 单）');
    await app.shot('money-order-list');

    // an opening balance typed with its original dates
    await page.goto(`${origin()}/#/opening-balances`);
    await page.locator('[data-test="opening-table"]').waitFor();
    await page.keyboard.press('Alt+n');
    await expect.poll(activeField).toBe('ob-customer');
    await pick('xlpfb', '兴隆批发部');
    await expect.poll(activeField).toBe('ob-date');
    await page.keyboard.type('2025-10-31');
    // typing opens the calendar: the first Enter takes the typed date and closes it, the next moves on
    await enter();
    expect(await field(page, 'ob-date').inputValue()).toBe('2025-10-31');
    await enter();
    expect(await activeField()).toBe('ob-due');
    await page.keyboard.type('2025-11-30');
    await enter();
    await enter();
    expect(await activeField()).toBe('ob-amount');
    await page.keyboard.type('88.8');
    await enter();
    await page.keyboard.type('QC-OLD-7');
    await app.shot('money-opening-form');
    await page.keyboard.press('Control+s');
    await page.locator('[data-test="opening-dialog"]').waitFor({ state: 'hidden' });
    const opening = (await api('openingBalances.list', { page: 1, pageSize: 10 }, manager)).rows;
    expect(opening.map((r: any) => [r.customerId, r.date, r.dueDate, r.amountFen, r.sourceNo])).toEqual([
      [wholesaleId, '2025-10-31', '2025-11-30', 8880, 'QC-OLD-7'],
    ]);
    await expect.poll(() => page.locator('[data-test="opening-sum"]').textContent()).toBe('合计 ¥88.80（1 笔）');

    // in English the same screens fit: the list and the posted order with its return
    await page.goto(`${origin()}/#/orders`);
    await page.locator('[data-test="order-table"]').waitFor();
    await page.locator('[data-test="switch-language"]').click();
    await expect.poll(() => page.locator('[data-test="order-new"]').textContent()).toContain('New order');
    await app.shot('money-order-list-en');
    await page.goto(`${origin()}/#/orders/${firstOrderId}`);
    await expect.poll(() => page.locator('[data-test="order-state"]').textContent()).toBe('Posted');
    expect(await page.locator('[data-test="order-returns"]').textContent()).toContain('TH-');
    await app.shot('money-order-posted-en');
  });

  it(
    'a back-dated order, then the shop on its page, in the aging today and a month ago, in the statement and printed',
    { timeout: 300_000 },
    async () => {
      fs.rmSync(outDir, { recursive: true, force: true });
      fs.mkdirSync(outDir, { recursive: true });
      // back to Chinese after the English look above
      await page.goto(`${origin()}/#/orders`);
      await page.locator('[data-test="order-table"]').waitFor();
      await page.locator('[data-test="switch-language"]').click();
      await expect.poll(() => page.locator('[data-test="order-new"]').textContent()).toContain('新建销售单');

      // 4 tubes at 15.00 dated 40 days ago; 30 days' terms make it due 10 days ago
      const orderDate = daysAgo(40);
      await page.keyboard.press('Alt+n');
      await page.locator('[data-test="order-lines"]').waitFor();
      await expect.poll(activeField).toBe('o-customer');
      await pick('jfbld', '金福便利店');
      await enterTo('o-date');
      await page.keyboard.press('Control+a');
      await page.keyboard.type(orderDate);
      await enter(); // takes the typed date and closes the calendar
      expect(await page.locator('[data-test="o-date"] input').inputValue()).toBe(orderDate);
      await expect.poll(() => page.locator('[data-test="o-due"] input').inputValue()).toBe(daysAgo(10));
      await enterTo('ol-product-0');
      await pick('jjsyg', '佳洁士牙膏');
      await expect.poll(activeField).toBe('ol-qty-0');
      await page.keyboard.type('4');
      await enter();
      await expect.poll(() => page.locator('[data-test="order-total"]').textContent()).toBe('¥60.00');
      await app.shot('money-order-backdated');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.locator('[data-test="order-state"]').textContent(), { timeout: 10_000 }).toBe('已过账');
      const backId = Number(/#\/orders\/(\d+)/.exec(page.url())?.[1]);
      expect(await api('orders.get', { id: backId }, manager)).toMatchObject({
        customerId: shopId,
        state: 'posted',
        date: orderDate,
        dueDate: daysAgo(10),
        totalFen: 6000,
      });

      // from what was typed: 179.50 − 45.00 − 100.00 (all today, due in 30 days) + 60.00 (overdue 10 days)
      const backFen = 6000;
      const todayOwedFen = 17950 - 4500 - 10000;
      const balanceFen = todayOwedFen + backFen;
      const core = await api('receivables.balance', { customerId: shopId, asOf: today }, manager);
      expect(core).toMatchObject({ balanceFen, overdueFen: backFen, prepaymentFen: 0 });

      // the customer page: 往来账 with the core's figures
      await page.goto(`${origin()}/#/customers/${shopId}`);
      await expect
        .poll(async () => (await page.locator('[data-test="account-balance"]').textContent())?.trim())
        .toBe(`¥${yuan(core.balanceFen)}`);
      expect((await page.locator('[data-test="account-overdue"]').textContent())?.trim()).toBe(`¥${yuan(core.overdueFen)}`);
      expect((await page.locator('[data-test="account-prepayment"]').textContent())?.trim()).toBe('¥0.00');
      expect(await page.locator('[data-test="account-panel"]').textContent()).toContain('往来账');
      await app.shot('money-customer-account');

      // the aging: name, 未到期, 1–30, 31–60, 61–90, 91–180, 180+, 逾期合计, 预收, 余额合计
      const agingRow = async () => {
        const row = page.locator('[data-test="aging-table"] .el-table__body-wrapper tr').filter({ hasText: '金福便利店' }).first();
        await row.waitFor();
        return (await row.locator('td').allTextContents()).map((c) => c.trim());
      };
      await page.goto(`${origin()}/#/receivables/aging`);
      await expect.poll(async () => (await agingRow())[9]).toBe(yuan(balanceFen));
      expect((await agingRow()).slice(1, 10)).toEqual([
        yuan(todayOwedFen),
        yuan(backFen),
        '',
        '',
        '',
        '',
        yuan(backFen),
        '',
        yuan(balanceFen),
      ]);
      await app.shot('money-aging-today');
      // a month ago only the back-dated order exists, and it is not due yet
      await page.locator('[data-test="aging-month-ago"]').click();
      await page.waitForURL(new RegExp(`asOf=${monthAgo}`));
      await expect.poll(async () => (await agingRow())[9]).toBe(yuan(backFen));
      expect((await agingRow()).slice(1, 10)).toEqual([yuan(backFen), '', '', '', '', '', '', '', yuan(backFen)]);
      const past = await api('receivables.balance', { customerId: shopId, asOf: monthAgo }, manager);
      expect(past).toMatchObject({ balanceFen: backFen, overdueFen: 0 });
      await app.shot('money-aging-month-ago');

      // the statement over both dates: nothing before, the four documents in order, the same closing balance
      const from = daysAgo(50);
      await page.goto(`${origin()}/#/statements?customerId=${shopId}&from=${from}&to=${today}`);
      await expect
        .poll(async () => (await page.locator('[data-test="statement-closing"]').textContent())?.trim())
        .toBe(`¥${yuan(balanceFen)}`);
      expect((await page.locator('[data-test="statement-opening"]').textContent())?.trim()).toBe('¥0.00');
      const lines = (await page.locator('[data-test="statement-lines"] .el-table__body-wrapper tr').allTextContents()).map(squeeze);
      expect(lines).toHaveLength(5);
      expect(lines[0]).toContain('上期结转0.00');
      expect(lines[1]).toMatch(new RegExp(`^${orderDate}销售XS-\\d{8}-\\d{3}.*60\\.0060\\.00$`));
      expect(lines[2]).toMatch(new RegExp(`^${today}销售XS-\\d{8}-\\d{3}.*179\\.50239\\.50$`));
      expect(lines[3]).toMatch(new RegExp(`^${today}退货TH-\\d{8}-\\d{3}.*45\\.00194\\.50$`));
      expect(lines[4]).toMatch(new RegExp(`^${today}回款HK-\\d{8}-\\d{3}.*100\\.0094\\.50$`));
      await app.shot('money-statement');

      // printed to PDF: PNG pages for a person, the text for the test
      const pdf = await printRouteToPdf(
        page,
        origin(),
        outDir,
        'statement',
        `/print/statement?customerId=${shopId}&from=${from}&to=${today}&paper=a4`,
      );
      expect(pdf.pages).toHaveLength(1);
      const text = squeeze(pdf.pages[0]!);
      expect(text).toContain('客户对账单');
      expect(text).toContain('客户：金福便利店');
      expect(text).toContain(`期末余额（截至${today}）：¥${yuan(balanceFen)}`);
      expect(text).toContain('客户确认签章');
      expect(fs.readdirSync(outDir).filter((f) => f.endsWith('.png'))).toHaveLength(1);
    },
  );
});
