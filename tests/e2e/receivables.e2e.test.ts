// Receivables end to end in Chromium (browser mode): a customer's sales, a return and a collection posted through the
// core at dates around a month ago, then in the UI: Ctrl+K finds it by pinyin initials with its balance, the customer
// page shows balance and overdue, the aging as of today and as of a month ago shows the exact figures (later documents
// do not exist a month ago), the statement shows opening, lines and closing, and prints to an A4 PDF (pdftoppm → PNG
// for a person to look at in test-output/e2e/receivables/, pdftotext checked): title, customer, closing balance,
// 客户确认签章; a statement of 60 lines runs over pages with the header on each and the confirmation after the last row.
// The 窜货 order (a channel dealer outside its territory) is in the 窜货预警 list.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import type { Input, MethodName, Output } from '../../shared/contract';
import { createCore } from '../../electron/core/core';
import { shotsDir, signInPage, startApp, type AppUnderTest } from './harness';

const outDir = path.join(shotsDir, 'receivables');
const ADMIN = { name: 'admin', password: 'admin123' };
const MANAGER = { name: '王经理', password: 'manager123' };

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const parse = (s: string) => new Date(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
const addDays = (s: string, n: number) => {
  const d = parse(s);
  d.setDate(d.getDate() + n);
  return ymd(d);
};
/** The screen's 一个月前: the same day a month earlier, or that month's last day. */
function monthAgo(s: string): string {
  const [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
  const last = new Date(y, m - 1, 0).getDate();
  return ymd(new Date(y, m - 2, Math.min(d, last)));
}

const TODAY = ymd(new Date());
const MONTH_AGO = monthAgo(TODAY);
const FROM = addDays(MONTH_AGO, -50);

interface Seed {
  customerId: number;
  busyCustomerId: number;
  crossOrderNo: string;
  dealerId: number;
}

/**
 * 北京华众商贸 (payment terms 30 days, limit ¥5,000.00):
 *  sale A of ¥1,000.00 dated a month ago − 45 days (due a month ago − 15), a return of ¥200.00 against it 5 days later,
 *  sale B of ¥1,000.00 five days ago through a dealer authorised only for 河南省 (窜货), a collection of ¥300.00 three
 *  days ago (to A, the oldest due).
 *  Today: A unpaid 500.00 overdue ~45 days (31–60天), B 1,000.00 not due: balance 1,500.00, overdue 500.00.
 *  A month ago: only A and the return exist: balance 800.00, all of it 1–30 days overdue.
 * 郑州百货大楼: 40 small sales and 20 collections in the period, for a statement of several pages.
 */
async function seed(dbFile: string): Promise<Seed> {
  const core = createCore(dbFile);
  let session = '';
  const ok = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const res = await core.call(method, input, { session });
    if (!res.ok) throw new Error(`${method}: ${JSON.stringify(res.error)}`);
    return res.data as Output<M>;
  };
  try {
    session = (await ok('settings.initialize', { companyName: '华众商贸有限公司', loadDemo: false, admin: ADMIN })).session;
    await ok('operators.save', { name: MANAGER.name, role: 'manager', password: MANAGER.password });
    session = (await ok('auth.signIn', MANAGER)).session;
    const north = await ok('regions.save', { name: '华北' });
    const beijing = await ok('regions.save', { name: '北京市', parentId: north.id });
    const central = await ok('regions.save', { name: '华中' });
    const henan = await ok('regions.save', { name: '河南省', parentId: central.id });
    const rep = await ok('reps.save', { name: '李娜' });
    const dealer = await ok('dealers.save', { name: '郑州宏达商贸', territoryRegionIds: [henan.id] });
    const product = await ok('products.save', { name: '精品挂面', unit: '箱', listPriceFen: 10_000, costFen: 6_000 });
    const customer = await ok('customers.save', {
      name: '北京华众商贸',
      regionId: beijing.id,
      repId: rep.id,
      phone: '13812345678',
      address: '北京市朝阳区建国路 88 号',
      paymentTermDays: 30,
      creditLimitFen: 500_000,
      contacts: [{ name: '王强', phone: '13812345678', isPrimary: true }],
    });
    const busy = await ok('customers.save', {
      name: '郑州百货大楼股份有限公司二七广场店',
      regionId: henan.id,
      repId: rep.id,
      paymentTermDays: 15,
      phone: '0371-65551234',
      address: '河南省郑州市二七区二七广场西南角人民路与解放路交叉口郑州百货大楼东区写字楼十八层财务部',
      contacts: [{ name: '赵建国', phone: '13903710000', isPrimary: true }],
    });

    const post = async (customerId: number, date: string, qty: number, dealerId: number | null = null) => {
      const order = await ok('orders.save', { customerId, date, dealerId, lines: [{ productId: product.id, qty, unitPriceFen: 10_000 }] });
      const posted = await ok('orders.post', { id: order.id });
      return { ...order, crossTerritory: posted.crossTerritory };
    };
    const a = await post(customer.id, addDays(MONTH_AGO, -45), 10);
    const aLine = (await ok('orders.get', { id: a.id })).lines[0]!;
    const ret = await ok('returns.save', {
      orderId: a.id,
      date: addDays(MONTH_AGO, -40),
      reason: '包装破损',
      lines: [{ orderLineId: aLine.id, qty: 2 }],
    });
    await ok('returns.post', { id: ret.id });
    const b = await post(customer.id, addDays(TODAY, -5), 10, dealer.id);
    if (!b.crossTerritory) throw new Error('sale B should be flagged 窜货');
    await ok('collections.save', {
      customerId: customer.id,
      date: addDays(TODAY, -3),
      amountFen: 30_000,
      method: 'transfer',
      reference: '工行 6222',
    });

    for (let i = 0; i < 40; i++) await post(busy.id, addDays(FROM, i * 2), 1 + (i % 3));
    for (let i = 0; i < 20; i++)
      await ok('collections.save', {
        customerId: busy.id,
        date: addDays(FROM, i * 4 + 1),
        amountFen: 15_000,
        method: i % 2 ? 'cash' : 'wechat',
      });
    return { customerId: customer.id, busyCustomerId: busy.id, crossOrderNo: b.docNo, dealerId: dealer.id };
  } finally {
    core.close();
  }
}

let app: AppUnderTest;
let page: Page;
let data: Seed;
let dbDir = '';

beforeAll(async () => {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-receivables-e2e-'));
  const dbFile = path.join(dbDir, 'money.db');
  data = await seed(dbFile);
  app = await startApp({ dbFile });
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInPage(app, MANAGER.name, MANAGER.password);
  await page.locator('[data-test="current-operator"]').waitFor();
});
afterAll(async () => {
  await app?.close();
  if (dbDir) fs.rmSync(dbDir, { recursive: true, force: true });
});

const shot = (name: string) => app.shot(`receivables/${name}`);
const squeeze = (s: string) => s.replace(/\s+/g, '');
const origin = () => new URL(app.url).origin;

/** The aging table's row of a name, as its cells' texts. */
async function agingRow(name: string): Promise<string[]> {
  const row = page.locator('[data-test="aging-table"] .el-table__body-wrapper tr').filter({ hasText: name }).first();
  await row.waitFor();
  return (await row.locator('td').allTextContents()).map((s) => s.trim());
}

async function printToPdf(name: string, route: string) {
  await page.goto(`${origin()}/#${route}`);
  await page.locator('[data-test="print-stage"][data-print-ready="true"]').waitFor({ timeout: 60_000 });
  const file = path.join(outDir, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', file, path.join(outDir, name)]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = text.split('\f').slice(0, Number(/Pages:\s+(\d+)/.exec(info)![1]));
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { pages, size: [Math.round(Number(size[1])), Math.round(Number(size[2]))] };
}

describe('receivables in the browser', () => {
  it('Ctrl+K finds the customer by pinyin initials with its balance, and opens its page with balance and overdue', async () => {
    await page.goto(`${origin()}/#/customers`);
    await page.locator('[data-test="customer-table"]').waitFor();
    await page.keyboard.press('Control+k');
    const input = page.locator('[data-test="quick-find-input"] input, input[data-test="quick-find-input"]').first();
    await input.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-test="quick-find-input"]') !== null)).toBe(true);
    await page.keyboard.type('bjhz');
    const row = page.locator('[data-test="quick-find-row"]').filter({ hasText: '北京华众商贸' }).first();
    await row.waitFor();
    expect((await row.locator('[data-test="quick-find-balance"]').textContent())?.trim()).toBe('¥1,500.00');
    expect((await row.locator('[data-test="quick-find-overdue"]').textContent())?.trim()).toBe('¥500.00');
    expect((await row.locator('[data-test="quick-find-credit"]').textContent())?.trim()).toBe('¥3,500.00');
    await shot('01-quick-find');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/customers/${data.customerId}$`));
    await expect.poll(async () => (await page.locator('[data-test="account-balance"]').textContent())?.trim()).toBe('¥1,500.00');
    expect((await page.locator('[data-test="account-overdue"]').textContent())?.trim()).toBe('¥500.00');
    expect((await page.locator('[data-test="account-prepayment"]').textContent())?.trim()).toBe('¥0.00');
    expect(squeeze((await page.locator('[data-test="account-credit"]').textContent()) ?? '')).toContain('¥1,500.00/¥5,000.00');
    expect((await page.locator('[data-test="account-last-collection"]').textContent())?.trim()).toBe(`${addDays(TODAY, -3)} · ¥300.00`);
    await shot('02-customer-page');
  });

  it('the aging as of today and as of a month ago shows the exact figures', async () => {
    await page.goto(`${origin()}/#/receivables/aging`);
    // name, 未到期, 1–30, 31–60, 61–90, 91–180, 180+, 逾期合计, 预收, 余额合计
    let cells = await agingRow('北京华众商贸');
    expect(cells.slice(1, 10)).toEqual(['1,000.00', '', '500.00', '', '', '', '500.00', '', '1,500.00']);
    await shot('03-aging-today');
    await page.locator('[data-test="aging-month-ago"]').click();
    await page.waitForURL(new RegExp(`asOf=${MONTH_AGO}`));
    await expect.poll(async () => (await agingRow('北京华众商贸'))[9]).toBe('800.00');
    cells = await agingRow('北京华众商贸');
    expect(cells.slice(1, 10)).toEqual(['', '800.00', '', '', '', '', '800.00', '', '800.00']);
    await shot('04-aging-month-ago');
    // by rep, then the rep's customers, then the customer's open documents as of that date
    await page.locator('[data-test="aging-group-rep"]').click();
    await (
      await page.locator('[data-test="aging-table"] .el-table__body-wrapper tr').filter({ hasText: '李娜' }).first()
    )
      .locator('[data-test="aging-open"]')
      .click();
    await page.waitForURL(/groupBy=customer.*repId=|repId=.*groupBy=customer/);
    await page
      .locator('[data-test="aging-table"] .el-table__body-wrapper tr')
      .filter({ hasText: '北京华众商贸' })
      .first()
      .locator('[data-test="aging-docs"]')
      .click();
    await page.locator('[data-test="documents-table"] .el-table__body-wrapper tr').first().waitFor();
    const docs = await page.locator('[data-test="documents-table"] .el-table__body-wrapper tr').allTextContents();
    expect(docs).toHaveLength(1);
    expect(squeeze(docs[0]!)).toContain('1,000.00200.00800.0015');
    await shot('05-documents-month-ago');
  });

  it('the statement shows opening, each line with its running balance and the closing balance', async () => {
    await page.goto(`${origin()}/#/statements?customerId=${data.customerId}&from=${FROM}&to=${TODAY}`);
    await expect.poll(async () => (await page.locator('[data-test="statement-closing"]').textContent())?.trim()).toBe('¥1,500.00');
    expect((await page.locator('[data-test="statement-opening"]').textContent())?.trim()).toBe('¥0.00');
    const lines = (await page.locator('[data-test="statement-lines"] .el-table__body-wrapper tr').allTextContents()).map(squeeze);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('上期结转0.00');
    expect(lines[1]).toMatch(/销售XS-\d{8}-\d{3}1,000.001,000.00$/);
    expect(lines[2]).toMatch(/退货TH-\d{8}-\d{3}.*200.00800.00$/);
    expect(lines[3]).toMatch(/销售XS-\d{8}-\d{3}1,000.001,800.00$/);
    expect(lines[4]).toMatch(/回款HK-\d{8}-\d{3}.*300.001,500.00$/);
    await shot('06-statement');
    // Excel: the same statement, the closing balance a number in 元
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export-button"]').click()]);
    const file = path.join(app.dir, 'statement.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells = wb.worksheets[0]!.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : []));
    expect(download.suggestedFilename()).toContain('北京华众商贸');
    expect(cells).toContain(1500);
    expect(cells).toContain('本期合计（4 笔）');
  });

  it('prints the statement to an A4 PDF: title, customer, closing balance, aging and 客户确认签章', async () => {
    const pdf = await printToPdf('statement', `/print/statement?customerId=${data.customerId}&from=${FROM}&to=${TODAY}&paper=a4`);
    expect(pdf.size).toEqual([595, 842]);
    expect(pdf.pages).toHaveLength(1);
    const text = squeeze(pdf.pages[0]!);
    expect(text).toContain('华众商贸有限公司');
    expect(text).toContain('客户对账单');
    expect(text).toContain('客户：北京华众商贸');
    expect(text).toContain('联系人：王强');
    expect(text).toContain('地址：北京市朝阳区建国路88号');
    expect(text).toContain(`期末余额（截至${TODAY}）：¥1,500.00`);
    expect(text).toContain('本期合计（4笔）2,000.00500.001,500.00');
    expect(text).toContain('31–60天500.00');
    expect(text).toContain('客户确认签章');
    expect(text).toContain('第1/1页');
    await shot('07-statement-print');
  });

  it('prints a statement of 60 lines over several pages: the header on each, the confirmation after the last row', async () => {
    const pdf = await printToPdf('statement-long', `/print/statement?customerId=${data.busyCustomerId}&from=${FROM}&to=${TODAY}&paper=a4`);
    const n = pdf.pages.length;
    expect(n).toBeGreaterThan(1);
    pdf.pages.forEach((p, i) => {
      const flat = squeeze(p);
      expect(flat).toContain('客户对账单');
      expect(flat).toContain('客户：郑州百货大楼股份有限公司二七广场店');
      // the header's second line holds the whole address
      expect(flat).toContain('地址：河南省郑州市二七区二七广场西南角人民路与解放路交叉口郑州百货大楼东区写字楼十八层财务部');
      for (const h of ['序号', '日期', '类型', '单号', '应收增加(元)', '应收减少(元)', '余额(元)']) expect(flat).toContain(h);
      expect(flat).toContain(`第${i + 1}/${n}页`);
      expect(flat.includes('客户确认签章'), `confirmation on page ${i + 1} of ${n}`).toBe(i === n - 1);
    });
    const last = pdf.pages[n - 1]!.split('\n');
    const lastRow = last.findIndex((l) => /^\s*60\s/.test(l));
    expect(lastRow).toBeGreaterThan(-1);
    expect(last.findIndex((l) => l.includes('客户确认签章'))).toBeGreaterThan(lastRow);
  });

  it('the 窜货 sale is in the 窜货预警 list', async () => {
    await page.goto(`${origin()}/#/channel-conflicts`);
    const row = page.locator('[data-test="conflict-table"] tbody tr').filter({ hasText: data.crossOrderNo }).first();
    await row.waitFor();
    const cells = squeeze((await row.textContent()) ?? '');
    expect(cells).toContain('郑州宏达商贸');
    expect(cells).toContain('北京华众商贸');
    expect(cells).toContain('华北›北京市');
    expect(cells).toContain('1,000.00');
    await shot('08-channel-conflicts');
    // the order number opens the order
    await row.locator('[data-test="conflict-open"]').click();
    await page.waitForURL(/#\/orders\/\d+$/);
  });

  it('the dealer page shows its trading account; the aging in English', async () => {
    await page.goto(`${origin()}/#/dealers/${data.dealerId}`);
    await expect.poll(async () => (await page.locator('[data-test="account-balance"]').textContent())?.trim()).toBe('¥0.00');
    expect(await page.locator('[data-test="account-panel"] .sd-section-title').textContent()).toContain('经销商往来账');
    await shot('09-dealer-page');
    await page.locator('[data-test="switch-language"]').click();
    await page.goto(`${origin()}/#/receivables/aging?groupBy=rep`);
    const row = await agingRow('李娜');
    expect(row[9]).toBe('6,400.00');
    expect(await page.locator('[data-test="aging-table"] .el-table__header-wrapper').textContent()).toContain('Over 180 days');
    await shot('10-aging-by-rep-en');
    await page.locator('[data-test="switch-language"]').click();
  });
});
