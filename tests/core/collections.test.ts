// 回款 (oldest due first, by hand, prepayment used by later orders, reversal), 坏账核销 (manager only, within what is owed
// as of its date) and 期初应收 (original dates, due from the payment terms): the ledger they write and the refusals.
import { beforeAll, describe, expect, it } from 'vitest';
import { digest, fail, ok } from './helpers';
import { ledgerBalance, moneyFixture, postedOrder, unpaidByDoc, type MoneyFixture } from './moneyFixture';
import { customerOwed, unpaidOf } from '../../electron/core/modules/receivables/ledger';

let f: MoneyFixture;
let c2: number;
let c3: number;
const tea = (qty: number) => [{ productId: f.products.tea, qty, unitPriceFen: 1_000 }];

beforeAll(async () => {
  f = await moneyFixture();
  c2 = f.s.customers.c2.id;
  c3 = f.s.customers.c3.id;
});

/** Settled dates straight from the cache column, by doc no. */
const settled = (customerId: number) =>
  Object.fromEntries(
    (
      f.core.ctx.db
        .prepare('select doc_no as d, settled_date as s from receivables where customer_id = ? order by id')
        .all(customerId) as Array<{
        d: string;
        s: string | null;
      }>
    ).map((r) => [r.d, r.s]),
  );

describe('opening balances', () => {
  it('become receivables with their original dates; the due date defaults from the payment terms', async () => {
    const { core } = f;
    const a = await ok(core, 'openingBalances.save', { customerId: c2, date: '2024-11-20', amountFen: 30_000, sourceNo: 'OLD-88' });
    expect(a.docNo).toBe('QC-20241120-001');
    const b = await ok(core, 'openingBalances.save', { customerId: c2, date: '2024-12-01', dueDate: '2024-12-15', amountFen: 20_000 });
    const list = await ok(core, 'openingBalances.list', { customerId: c2 });
    expect(list).toMatchObject({ total: 2, sumFen: 50_000 });
    expect(list.rows.find((r) => r.id === a.id)).toMatchObject({
      dueDate: '2024-12-20',
      sourceNo: 'OLD-88',
      customerName: '南京鼓楼便利店',
    });
    expect(list.rows.find((r) => r.id === b.id)!.dueDate).toBe('2024-12-15');
    expect(ledgerBalance(core, c2)).toBe(50_000);
    expect(ledgerBalance(core, c2, '2024-11-30')).toBe(30_000);
  });
});

describe('collections', () => {
  it('go to the oldest due first; what is left is prepayment, used by the next order automatically', async () => {
    const { core } = f;
    // due 12-15 (b) before 12-20 (a): b is paid first
    const k = await ok(core, 'collections.save', {
      customerId: c2,
      date: '2025-01-05',
      amountFen: 25_000,
      method: 'transfer',
      reference: '工行 0105',
    });
    expect(k).toMatchObject({ docNo: 'HK-20250105-001', allocatedFen: 25_000, prepaymentFen: 0 });
    expect(unpaidByDoc(core, c2)).toEqual({ 'QC-20241120-001': 25_000, 'QC-20241201-001': 0 });
    const detail = await ok(core, 'collections.get', { id: k.id });
    expect(detail.allocations.map((a) => [a.docNo, a.amountFen])).toEqual([
      ['QC-20241201-001', 20_000],
      ['QC-20241120-001', 5_000],
    ]);
    expect(detail).toMatchObject({ repId: f.s.reps.li.id, state: 'posted', allocatedFen: 25_000, createdByName: '测试经理' });
    // 400.00 for the 250.00 still owed: 150.00 prepayment
    const over = await ok(core, 'collections.save', { customerId: c2, date: '2025-01-10', amountFen: 40_000, method: 'wechat' });
    expect(over).toMatchObject({ allocatedFen: 25_000, prepaymentFen: 15_000 });
    expect(ledgerBalance(core, c2)).toBe(-15_000);
    expect(settled(c2)).toEqual({ 'QC-20241120-001': '2025-01-10', 'QC-20241201-001': '2025-01-05' });
    // an order of 100.00 takes 100.00 of the prepayment at once
    const o = await postedOrder(core, { customerId: c2, date: '2025-01-12', lines: tea(10) });
    expect(o.credit).toMatchObject({ balanceFen: -15_000, afterFen: -5_000 });
    expect(unpaidByDoc(core, c2)[o.docNo]).toBe(0);
    expect(settled(c2)[o.docNo]).toBe('2025-01-12');
    expect(ledgerBalance(core, c2)).toBe(-5_000);
  });

  it('a prepayment counts against an earlier-dated order only from the payment’s date', async () => {
    const { core } = f;
    const pre = await ok(core, 'collections.save', { customerId: c3, date: '2025-01-20', amountFen: 5_000, method: 'cash' });
    expect(pre.prepaymentFen).toBe(5_000);
    const o = await postedOrder(core, { customerId: c3, date: '2025-01-15', lines: tea(8) });
    const rid = core.ctx.db.prepare("select id from receivables where source_kind = 'order' and source_id = ?").pluck().get(o.id) as number;
    expect(unpaidOf(core.ctx, rid, '2025-01-19')).toBe(8_000);
    expect(unpaidOf(core.ctx, rid, '2025-01-20')).toBe(3_000);
    expect(unpaidOf(core.ctx, rid, '2025-01-14')).toBe(0); // before it existed
    expect(customerOwed(core.ctx, c3, '2025-01-19')).toBe(8_000);
    expect(ledgerBalance(core, c3, '2025-01-19')).toBe(8_000);
  });

  it('by hand: each within its unpaid part, the customer’s own, Σ within the amount — else refused naming the line', async () => {
    const { core } = f;
    const o1 = await postedOrder(core, { customerId: c3, date: '2025-02-01', lines: tea(5) });
    const o2 = await postedOrder(core, { customerId: c3, date: '2025-02-02', lines: tea(7) });
    const other = await postedOrder(core, { customerId: f.s.customers.c1.id, date: '2025-02-02', lines: tea(1) });
    const rid = (orderId: number) =>
      core.ctx.db.prepare("select id from receivables where source_kind = 'order' and source_id = ?").pluck().get(orderId) as number;
    const base = { customerId: c3, date: '2025-02-10', method: 'cash' as const };
    const before = digest(core.ctx.db);
    const tooMuch = await fail(core, 'collections.save', {
      ...base,
      amountFen: 20_000,
      allocations: [{ receivableId: rid(o1.id), amountFen: 5_001 }],
    });
    expect(tooMuch).toMatchObject({ code: 'VALIDATION', field: 'allocations.0.amountFen' });
    expect(tooMuch.message).toContain('¥50.00');
    const overAmount = await fail(core, 'collections.save', {
      ...base,
      amountFen: 9_000,
      allocations: [
        { receivableId: rid(o1.id), amountFen: 5_000 },
        { receivableId: rid(o2.id), amountFen: 4_001 },
      ],
    });
    expect(overAmount).toMatchObject({ code: 'VALIDATION', field: 'allocations.1.amountFen' });
    expect(overAmount.message).toContain('超过回款金额');
    const foreign = await fail(core, 'collections.save', {
      ...base,
      amountFen: 100,
      allocations: [{ receivableId: rid(other.id), amountFen: 100 }],
    });
    expect(foreign).toMatchObject({ code: 'VALIDATION', field: 'allocations.0.receivableId' });
    expect((await fail(core, 'collections.save', { ...base, amountFen: 0 })).field).toBe('amountFen');
    expect(digest(core.ctx.db)).toBe(before);
    // o2 by hand (not the oldest), the rest stays prepayment rather than going to o1
    const k = await ok(core, 'collections.save', {
      ...base,
      amountFen: 9_000,
      allocations: [{ receivableId: rid(o2.id), amountFen: 7_000 }],
    });
    expect(k).toMatchObject({ allocatedFen: 7_000, prepaymentFen: 2_000 });
    expect(unpaidByDoc(core, c3)[o1.docNo]).toBe(5_000);
    expect(unpaidByDoc(core, c3)[o2.docNo]).toBe(0);
  });

  it('红冲: a negated row, the allocations undone from the reversal date, the receivables open again; twice is refused', async () => {
    const { core } = f;
    const c1 = f.s.customers.c1.id;
    const o = await postedOrder(core, { customerId: c1, date: '2025-02-03', lines: tea(20) });
    const k = await ok(core, 'collections.save', { customerId: c1, date: '2025-02-05', amountFen: 30_000, method: 'draft' });
    const unpaidBefore = unpaidByDoc(core, c1);
    expect(unpaidBefore[o.docNo]).toBe(0);
    const balanceBefore = ledgerBalance(core, c1);
    // its prepayment is then taken by a later order: the reversal undoes that too
    const later = await postedOrder(core, { customerId: c1, date: '2025-02-06', lines: tea(3) });
    expect(unpaidByDoc(core, c1)[later.docNo]).toBe(0);
    // 10.00 of an earlier order, this order's 200.00, and the later order's 30.00
    expect((await ok(core, 'collections.get', { id: k.id })).allocatedFen).toBe(1_000 + 20_000 + 3_000);
    expect(await fail(core, 'collections.reverse', { id: k.id, date: '2025-02-04', reason: '退票' })).toMatchObject({
      code: 'VALIDATION',
      field: 'date',
    });
    const rev = await ok(core, 'collections.reverse', { id: k.id, date: '2025-02-25', reason: '银行退票' });
    expect(await ok(core, 'collections.get', { id: k.id })).toMatchObject({
      state: 'reversed',
      reversedById: rev.id,
      reverseReason: '银行退票',
    });
    const r = await ok(core, 'collections.get', { id: rev.id });
    expect(r).toMatchObject({ amountFen: -30_000, reversalOfId: k.id, date: '2025-02-25', state: 'posted' });
    expect(r.allocatedFen).toBe(-(1_000 + 20_000 + 3_000));
    expect(unpaidByDoc(core, c1)[o.docNo]).toBe(20_000);
    expect(unpaidByDoc(core, c1)[later.docNo]).toBe(3_000);
    expect(ledgerBalance(core, c1)).toBe(balanceBefore + 3_000 + 30_000);
    // as of the day before the reversal, it was all still paid
    const rid = core.ctx.db.prepare("select id from receivables where source_kind = 'order' and source_id = ?").pluck().get(o.id) as number;
    expect(unpaidOf(core.ctx, rid, '2025-02-24')).toBe(0);
    expect(unpaidOf(core.ctx, rid, '2025-02-25')).toBe(20_000);
    expect(settled(c1)[o.docNo]).toBeNull();
    const before = digest(core.ctx.db);
    expect((await fail(core, 'collections.reverse', { id: k.id, reason: '再冲' })).code).toBe('CONFLICT');
    expect((await fail(core, 'collections.reverse', { id: rev.id, reason: '冲红冲' })).code).toBe('CONFLICT');
    expect(digest(core.ctx.db)).toBe(before);
    // a reversed collection's leftover is not prepayment any more: a new order is left unpaid
    const after = await postedOrder(core, { customerId: c1, date: '2025-02-26', lines: tea(1) });
    expect(unpaidByDoc(core, c1)[after.docNo]).toBe(1_000);
  });

  it('a collection dated before another’s reversal pays the reopened receivable only from the reversal on', async () => {
    const { core } = f;
    const c = (await ok(core, 'customers.save', { name: '倒记回款商行', paymentTermDays: 0 })).id;
    const o = await postedOrder(core, { customerId: c, date: '2025-01-03', lines: tea(1) });
    const k1 = await ok(core, 'collections.save', { customerId: c, date: '2025-01-03', amountFen: 1_000, method: 'cash' });
    await ok(core, 'collections.reverse', { id: k1.id, date: '2025-01-10', reason: '退票' });
    const k2 = await ok(core, 'collections.save', { customerId: c, date: '2025-01-05', amountFen: 1_000, method: 'cash' });
    expect(k2.allocatedFen).toBe(1_000);
    const rid = core.ctx.db.prepare("select id from receivables where source_kind = 'order' and source_id = ?").pluck().get(o.id) as number;
    // paid by k1 until the reversal, by k2 from then on: never paid twice as of any day
    const dates = core.ctx.db.prepare('select date, amount_fen as fen from allocations where receivable_id = ? order by id').all(rid);
    expect(dates).toEqual([
      { date: '2025-01-03', fen: 1_000 },
      { date: '2025-01-10', fen: -1_000 },
      { date: '2025-01-10', fen: 1_000 },
    ]);
    for (const day of ['2025-01-03', '2025-01-05', '2025-01-09', '2025-01-10']) expect(unpaidOf(core.ctx, rid, day), day).toBe(0);
    expect(ledgerBalance(core, c, '2025-01-05')).toBe(-1_000); // k2 is a prepayment until then
    expect(settled(c)[o.docNo]).toBe('2025-01-03');
  });

  it('lists page, filter and sum on the server, searching doc no, reference and the customer’s pinyin', async () => {
    const { core } = f;
    const all = await ok(core, 'collections.list', { pageSize: 500 });
    expect(all.sumFen).toBe(all.rows.reduce((s, r) => s + r.amountFen, 0));
    expect((await ok(core, 'collections.list', { search: '工行' })).rows.map((r) => r.docNo)).toEqual(['HK-20250105-001']);
    const byPinyin = await ok(core, 'collections.list', { search: 'njgl' });
    expect(byPinyin.rows.length).toBe(2);
    const wechat = await ok(core, 'collections.list', { method: ['wechat'] });
    expect(wechat.rows.every((r) => r.method === 'wechat')).toBe(true);
    const sorted = await ok(core, 'collections.list', { sort: { field: 'amountFen', order: 'asc' }, pageSize: 1 });
    expect(sorted.rows[0]!.amountFen).toBe(Math.min(...all.rows.map((r) => r.amountFen)));
  });
});

describe('write-offs', () => {
  it('a manager writes off at most what the customer owed as of the date, oldest due first; a clerk may not', async () => {
    const { core, clerk } = f;
    const c1 = f.s.customers.c1.id;
    const owedThen = customerOwed(core.ctx, c1, '2025-02-27');
    expect(owedThen).toBeGreaterThan(0);
    const before = digest(core.ctx.db);
    const byClerk = await fail(clerk, 'writeOffs.save', { customerId: c1, date: '2025-02-27', amountFen: 1_000, reason: '破产' });
    expect(byClerk.code).toBe('FORBIDDEN');
    const tooMuch = await fail(core, 'writeOffs.save', { customerId: c1, date: '2025-02-27', amountFen: owedThen + 1, reason: '破产' });
    expect(tooMuch).toMatchObject({ code: 'VALIDATION', field: 'amountFen' });
    expect(digest(core.ctx.db)).toBe(before);
    const balance = ledgerBalance(core, c1);
    const w = await ok(core, 'writeOffs.save', { customerId: c1, date: '2025-02-27', amountFen: owedThen, reason: '客户失联' });
    expect(w.docNo).toBe('HX-20250227-001');
    expect(customerOwed(core.ctx, c1, '2025-02-27')).toBe(0);
    expect(ledgerBalance(core, c1)).toBe(balance - owedThen);
    const list = await ok(core, 'writeOffs.list', { customerId: c1 });
    expect(list).toMatchObject({ total: 1, sumFen: owedThen });
    expect(list.rows[0]).toMatchObject({ reason: '客户失联', createdByName: '测试经理' });
    const audit = await ok(core, 'audit.list', { entity: 'writeOff', entityId: w.id, page: 1, pageSize: 5 });
    expect(audit.rows.length).toBe(1);
  });
});

describe('a posting that fails part way leaves nothing behind', () => {
  /** Makes SQLite abort the statement writing a matching row (as a full disk would); returns a remover. */
  const sabotage = (table: string, event: 'INSERT' | 'UPDATE' = 'INSERT') => {
    f.core.ctx.db.exec(`CREATE TRIGGER sabotage_${table} BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, '模拟写入失败'); END`);
    return () => f.core.ctx.db.exec(`DROP TRIGGER sabotage_${table}`);
  };

  let fresh = 0;
  beforeAll(async () => {
    fresh = (await ok(f.core, 'customers.save', { name: '回滚测试商店' })).id;
  });

  it.each([
    ['allocations', 'the first allocation'],
    ['audit_log', 'the audit entry'],
  ])('a collection whose %s write fails (%s)', async (table) => {
    const { core } = f;
    const o = await postedOrder(core, { customerId: fresh, date: '2025-02-20', lines: tea(2) });
    expect(unpaidByDoc(core, fresh)[o.docNo]).toBe(2_000);
    const undo = sabotage(table);
    try {
      const before = digest(core.ctx.db);
      expect((await fail(core, 'collections.save', { customerId: fresh, date: '2025-02-21', amountFen: 2_000, method: 'cash' })).code).toBe(
        'CONFLICT',
      );
      expect(core.ctx.db.inTransaction).toBe(false);
      expect(digest(core.ctx.db)).toBe(before);
    } finally {
      undo();
    }
  });

  it.each([
    ['receivables', 'INSERT'],
    ['order_lines', 'UPDATE'],
    ['audit_log', 'INSERT'],
  ] as const)('an order whose %s %s fails stays a draft', async (table, event) => {
    const { core } = f;
    const saved = await ok(core, 'orders.save', { customerId: fresh, date: '2025-02-22', lines: tea(3) });
    const undo = sabotage(table, event);
    try {
      const before = digest(core.ctx.db);
      expect((await fail(core, 'orders.post', { id: saved.id })).code).toBe('CONFLICT');
      expect(digest(core.ctx.db)).toBe(before);
    } finally {
      undo();
    }
    expect((await ok(core, 'orders.get', { id: saved.id })).state).toBe('draft');
    await ok(core, 'orders.delete', { id: saved.id });
  });

  it('a reversal whose credit fails leaves the order posted', async () => {
    const { core } = f;
    const o = await postedOrder(core, { customerId: fresh, date: '2025-02-23', lines: tea(1) });
    const undo = sabotage('credits');
    try {
      const before = digest(core.ctx.db);
      expect((await fail(core, 'orders.reverse', { id: o.id, date: '2025-02-24', reason: '错单' })).code).toBe('CONFLICT');
      expect(digest(core.ctx.db)).toBe(before);
    } finally {
      undo();
    }
    expect((await ok(core, 'orders.get', { id: o.id })).state).toBe('posted');
  });
});
