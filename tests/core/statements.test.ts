// 客户对账单 from the ledger: opening = balance the day before, every document of the period with a running balance,
// closing = receivables.balance at the end date, the aging at the end date.
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail, makeCore, ok, seed, type Seeded, type TestCore } from './helpers';
import { ledgerWriter } from './ledgerRows';
import { moneyFixture, postedOrder } from './moneyFixture';

let core: TestCore;
let s: Seeded;

beforeAll(async () => {
  core = makeCore();
  s = await seed(core);
  await ok(core, 'customers.save', {
    id: s.customers.c2.id,
    name: '南京鼓楼便利店',
    regionId: s.regions.gulou.id,
    repId: s.reps.li.id,
    phone: '025 5555 7777',
    address: '南京市鼓楼区中山路1号',
    creditLimitFen: 120_050,
    contacts: [{ name: '周敏', phone: '13900000000', isPrimary: true }],
  });
  const w = ledgerWriter(core);
  const c = s.customers.c2.id;
  const r1 = w.receivable(c, 'opening', 'QC-20241231-001', '2024-12-31', '2025-01-30', 10_000);
  const r2 = w.receivable(c, 'order', 'XS-20250110-001', '2025-01-10', '2025-02-09', 25_000, { repId: s.reps.li.id });
  const k1 = w.credit(c, 'collection', 'HK-20250115-001', '2025-01-15', 12_000);
  w.allocate(k1, r1, '2025-01-15', 10_000);
  w.allocate(k1, r2, '2025-01-15', 2_000);
  const t1 = w.credit(c, 'return', 'TH-20250120-001', '2025-01-20', 3_000);
  w.allocate(t1, r2, '2025-01-20', 3_000);
  const r3 = w.receivable(c, 'order', 'XS-20250205-001', '2025-02-05', '2025-03-07', 8_000, { repId: s.reps.li.id });
  const v1 = w.credit(c, 'order_reversal', 'XS-20250206-001', '2025-02-06', 8_000);
  w.allocate(v1, r3, '2025-02-06', 8_000);
  const k2 = w.credit(c, 'collection', 'HK-20250210-001', '2025-02-10', 30_000);
  w.allocate(k2, r2, '2025-02-10', 20_000);
  const k2r = w.credit(c, 'collection_reversal', 'HK-20250212-001', '2025-02-12', -30_000);
  w.allocate(k2r, r2, '2025-02-12', -20_000);
  const x1 = w.credit(c, 'write_off', 'HX-20250301-001', '2025-03-01', 5_000);
  w.allocate(x1, r2, '2025-03-01', 5_000);
  for (const r of [r1, r2, r3]) w.settle(r);
});
afterAll(() => core.close());

describe('statements.get', () => {
  it('lists every document of the period with a running balance, between the opening and the closing balance', async () => {
    const c = s.customers.c2.id;
    const st = await ok(core, 'statements.get', { customerId: c, from: '2025-01-01', to: '2025-02-28' });
    expect(st).toMatchObject({
      customerId: c,
      customerCode: s.customers.c2.code,
      customerName: '南京鼓楼便利店',
      contactName: '周敏',
      phone: '025 5555 7777',
      address: '南京市鼓楼区中山路1号',
      from: '2025-01-01',
      to: '2025-02-28',
      openingFen: 10_000,
    });
    expect(st.lines.map((l) => [l.date, l.kind, l.docNo, l.debitFen, l.creditFen, l.balanceFen])).toEqual([
      ['2025-01-10', 'order', 'XS-20250110-001', 25_000, 0, 35_000],
      ['2025-01-15', 'collection', 'HK-20250115-001', 0, 12_000, 23_000],
      ['2025-01-20', 'return', 'TH-20250120-001', 0, 3_000, 20_000],
      ['2025-02-05', 'order', 'XS-20250205-001', 8_000, 0, 28_000],
      ['2025-02-06', 'order_reversal', 'XS-20250206-001', 0, 8_000, 20_000],
      ['2025-02-10', 'collection', 'HK-20250210-001', 0, 30_000, -10_000],
      ['2025-02-12', 'collection_reversal', 'HK-20250212-001', 30_000, 0, 20_000],
    ]);
    expect(st).toMatchObject({ debitFen: 63_000, creditFen: 53_000, closingFen: 20_000 });
    // opening + debits − credits = closing, and the closing balance is receivables.balance at the end date
    expect(st.openingFen + st.debitFen - st.creditFen).toBe(st.closingFen);
    expect((await ok(core, 'receivables.balance', { customerId: c, asOf: '2025-02-28' })).balanceFen).toBe(st.closingFen);
    expect((await ok(core, 'receivables.balance', { customerId: c, asOf: '2024-12-31' })).balanceFen).toBe(st.openingFen);
    // the aging at 02-28: 20,000 of XS-20250110-001 due 02-09, 19 days overdue
    expect(st.aging).toEqual({
      bucketEdges: [30, 60, 90, 180],
      notDueFen: 0,
      bucketsFen: [20_000, 0, 0, 0, 0],
      totalFen: 20_000,
      overdueFen: 20_000,
      prepaymentFen: 0,
    });
  });

  it('a period with no documents: opening = closing, no lines; the opening item of its first day counts in it', async () => {
    const c = s.customers.c2.id;
    const quiet = await ok(core, 'statements.get', { customerId: c, from: '2025-02-13', to: '2025-02-28' });
    expect(quiet).toMatchObject({ openingFen: 20_000, lines: [], debitFen: 0, creditFen: 0, closingFen: 20_000 });
    const first = await ok(core, 'statements.get', { customerId: c, from: '2024-12-31', to: '2024-12-31' });
    expect(first.openingFen).toBe(0);
    expect(first.lines).toEqual([
      { date: '2024-12-31', kind: 'opening', docNo: 'QC-20241231-001', debitFen: 10_000, creditFen: 0, balanceFen: 10_000, note: '' },
    ]);
    expect(first.aging).toMatchObject({ notDueFen: 10_000, totalFen: 10_000 });
    const later = await ok(core, 'statements.get', { customerId: c, from: '2025-03-01', to: '2025-03-31' });
    expect(later.lines.map((l) => [l.kind, l.creditFen, l.balanceFen])).toEqual([['write_off', 5_000, 15_000]]);
    expect(later.aging).toMatchObject({ bucketsFen: [0, 15_000, 0, 0, 0], totalFen: 15_000 });
  });

  it('before any document: zeros; a customer with nothing at all: zeros', async () => {
    expect(await ok(core, 'statements.get', { customerId: s.customers.c2.id, from: '2020-01-01', to: '2020-12-31' })).toMatchObject({
      openingFen: 0,
      lines: [],
      closingFen: 0,
      aging: { totalFen: 0, bucketsFen: [0, 0, 0, 0, 0] },
    });
    const none = await ok(core, 'statements.get', { customerId: s.customers.c4.id, from: '2025-01-01', to: '2025-12-31' });
    expect(none).toMatchObject({ openingFen: 0, closingFen: 0, lines: [], contactName: '', phone: '', address: '' });
  });

  it('refuses an end before the start and an unknown customer', async () => {
    expect(await fail(core, 'statements.get', { customerId: s.customers.c2.id, from: '2025-02-01', to: '2025-01-31' })).toMatchObject({
      code: 'VALIDATION',
      field: 'to',
    });
    expect(await fail(core, 'statements.get', { customerId: 9999, from: '2025-01-01', to: '2025-01-31' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'customerId',
    });
  });
});

describe('客户对账单 to Excel', () => {
  it('the opening row, every line with its kind and running balance, the period totals and the closing row, in 元', async () => {
    const file = await ok(core, 'export.xlsx', {
      entity: 'statement',
      filters: { customerId: s.customers.c2.id, from: '2025-02-01', to: '2025-02-28' },
    });
    expect(file.fileName).toMatch(/^客户对账单_南京鼓楼便利店_2025-02-01至2025-02-28_\d{8}\.xlsx$/);
    const wb = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer', cellDates: false });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: false, dateNF: 'yyyy-mm-dd' });
    expect(rows[0]).toEqual(['日期', '类型', '单号', '摘要', '应收增加(元)', '应收减少(元)', '余额(元)']);
    const values = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 }).slice(1);
    expect(values.map((r) => [r[1], r[2], r[3], r[4], r[5], r[6]])).toEqual([
      [undefined, undefined, '上期结转', undefined, undefined, 200],
      ['销售', 'XS-20250205-001', undefined, 80, undefined, 280],
      ['销售红冲', 'XS-20250206-001', undefined, undefined, 80, 200],
      ['回款', 'HK-20250210-001', undefined, undefined, 300, -100],
      ['回款红冲', 'HK-20250212-001', undefined, 300, undefined, 200],
      [undefined, undefined, '本期合计（4 笔）', 380, 380, undefined],
      [undefined, undefined, '期末余额', undefined, undefined, 200],
    ]);
    // dates are real dates: the opening row on the first day, the closing row on the last
    expect(rows[1]![0]).toBe('2025-02-01');
    expect(rows.at(-1)![0]).toBe('2025-02-28');
  });
});

describe('statement notes from the documents', () => {
  it('how a collection was paid, what a reversal or return was of and why, a write-off’s reason, an opening item’s old number', async () => {
    const f = await moneyFixture();
    try {
      const { core, s, products } = f;
      const c = s.customers.c2.id;
      await ok(core, 'openingBalances.save', { customerId: c, date: '2025-01-02', amountFen: 50_000, sourceNo: 'OLD-17', notes: '旧账' });
      const sale = await postedOrder(core, {
        customerId: c,
        date: '2025-01-05',
        lines: [{ productId: products.wine, qty: 3, unitPriceFen: 12_800 }],
      });
      const detail = await ok(core, 'orders.get', { id: sale.id });
      const ret = await ok(core, 'returns.save', {
        orderId: sale.id,
        date: '2025-01-06',
        reason: '破损',
        lines: [{ orderLineId: detail.lines[0]!.id, qty: 1 }],
      });
      await ok(core, 'returns.post', { id: ret.id });
      await ok(core, 'orders.reverse', { id: sale.id, date: '2025-01-07', reason: '价格录错' });
      const paid = await ok(core, 'collections.save', {
        customerId: c,
        date: '2025-01-08',
        amountFen: 10_000,
        method: 'transfer',
        reference: '工行 8812',
      });
      await ok(core, 'collections.reverse', { id: paid.id, date: '2025-01-09', reason: '退票' });
      await ok(core, 'writeOffs.save', { customerId: c, date: '2025-01-10', amountFen: 1_000, reason: '尾差核销' });
      const st = await ok(core, 'statements.get', { customerId: c, from: '2025-01-01', to: '2025-01-31' });
      expect(st.lines.map((l) => [l.kind, l.note])).toEqual([
        ['opening', '原单号 OLD-17；旧账'],
        ['order', ''],
        ['return', `原单 ${sale.docNo}：破损`],
        ['order_reversal', `冲 ${sale.docNo}：价格录错`],
        ['collection', '转账 工行 8812'],
        ['collection_reversal', `冲 ${paid.docNo}：退票`],
        ['write_off', '尾差核销'],
      ]);
      expect(st.closingFen).toBe(49_000);
    } finally {
      f.core.close();
    }
  });
});
