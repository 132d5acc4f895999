// The daily sales report takes the rep's orders and collections of the day from the posted documents (issue 8 §8):
// a line's amount is the documents' sum where the rep posted any for its customer that day, typed only where none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest, fail, ok, TEST_MANAGER } from './helpers';
import { moneyFixture, postedOrder, type MoneyFixture } from './moneyFixture';

let f: MoneyFixture;
const DAY = '2025-02-28';
let reversedOrder: number;
const docNos = { orders: [] as string[], collections: [] as string[] };

beforeAll(async () => {
  f = await moneyFixture();
  const { core, s, products } = f;
  const { c1, c2, c3 } = s.customers;
  const line = (qty: number, unitPriceFen: number) => ({ productId: products.wine, qty, unitPriceFen });
  // 李娜's day: two sales and a collection for c2, a collection for c3 (not in her report), one sale later reversed
  for (const l of [line(2, 12_800), line(1, 11_000)]) {
    docNos.orders.push((await postedOrder(core, { customerId: c2.id, repId: s.reps.li.id, date: DAY, lines: [l] })).docNo);
  }
  reversedOrder = (await postedOrder(core, { customerId: c2.id, repId: s.reps.li.id, date: DAY, lines: [line(5, 12_800)] })).id;
  await ok(core, 'orders.reverse', { id: reversedOrder, date: DAY, reason: '录错' });
  const paid = await ok(core, 'collections.save', { customerId: c2.id, repId: s.reps.li.id, date: DAY, amountFen: 20_000, method: 'cash' });
  const c3Paid = await ok(core, 'collections.save', {
    customerId: c3.id,
    repId: s.reps.li.id,
    date: DAY,
    amountFen: 3_300,
    method: 'wechat',
  });
  docNos.collections.push(paid.docNo, c3Paid.docNo);
  // not hers or not that day or not posted: left out
  await postedOrder(core, { customerId: c2.id, repId: s.reps.boss.id, date: DAY, lines: [line(1, 12_800)] });
  await postedOrder(core, { customerId: c2.id, repId: s.reps.li.id, date: '2025-02-27', lines: [line(1, 12_800)] });
  await ok(core, 'orders.save', { customerId: c2.id, repId: s.reps.li.id, date: DAY, lines: [line(9, 12_800)] });
  const reversedCollection = await ok(core, 'collections.save', {
    customerId: c2.id,
    repId: s.reps.li.id,
    date: DAY,
    amountFen: 999,
    method: 'cash',
  });
  await ok(core, 'collections.reverse', { id: reversedCollection.id, date: DAY, reason: '退票' });
  void c1;
});
afterAll(() => f.core.close());

const visit = (customerId: number, extra: Record<string, unknown> = {}) => ({
  planLineId: null,
  customerId,
  done: true,
  outcome: '拜访',
  ...extra,
});

describe('dailyReports: orders and collections from the posted documents', () => {
  it('before any report exists, dailyReports.documents gives the same sums per customer with the document numbers', async () => {
    const { core, s } = f;
    const { c2, c3 } = s.customers;
    expect(await ok(core, 'dailyReports.get', { repId: s.reps.li.id, date: DAY })).toBeNull();
    const docs = await ok(core, 'dailyReports.documents', { repId: s.reps.li.id, date: DAY });
    expect(docs.rows).toEqual([
      {
        customerId: c2.id,
        customerCode: c2.code,
        customerName: '南京鼓楼便利店',
        orderFen: 36_600,
        collectedFen: 20_000,
        orderDocNos: docNos.orders,
        collectionDocNos: [docNos.collections[0]],
      },
      {
        customerId: c3.id,
        customerCode: c3.code,
        customerName: '张记烟酒行',
        orderFen: 0,
        collectedFen: 3_300,
        orderDocNos: [],
        collectionDocNos: [docNos.collections[1]],
      },
    ]);
    expect(await ok(core, 'dailyReports.documents', { repId: s.reps.li.id, date: '2025-03-05' })).toEqual({ rows: [] });
    expect(await fail(core, 'dailyReports.documents', { repId: 99_999, date: DAY })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a line shows the documents’ sums (once per customer), typed amounts stay where there is none, and other customers are listed', async () => {
    const { core, s } = f;
    const { c1, c2, c3 } = s.customers;
    const saved = await ok(core, 'dailyReports.save', {
      repId: s.reps.li.id,
      date: DAY,
      attendance: 'present',
      lines: [visit(c2.id), visit(c1.id, { orderFen: 500, collectedFen: 200 }), visit(c2.id, { outcome: '下午再去' })],
    });
    expect(saved.lines.map((l) => [l.customerName, l.orderFen, l.collectedFen, l.fromDocuments])).toEqual([
      ['南京鼓楼便利店', 36_600, 20_000, { order: true, collected: true }],
      ['北京华众商贸有限公司', 500, 200, undefined],
      ['南京鼓楼便利店', 0, 0, { order: true, collected: true }],
    ]);
    expect(saved.totals).toMatchObject({ orderFen: 37_100, collectedFen: 20_200 });
    expect(saved.unlistedDocuments).toEqual([
      { customerId: c3.id, customerCode: c3.code, customerName: '张记烟酒行', orderFen: 0, collectedFen: 3_300 },
    ]);
    // stored as shown: the month to date counts the documents' sums
    expect(saved.monthToDate).toMatchObject({ orderFen: 37_100, collectedFen: 20_200 });
    expect(await ok(core, 'dailyReports.get', { repId: s.reps.li.id, date: DAY })).toEqual(saved);
  });

  it('a typed amount where documents exist is refused, naming the line and the documents’ sum, and nothing changes', async () => {
    const { core, s } = f;
    const { c1, c2 } = s.customers;
    const report = (await ok(core, 'dailyReports.get', { repId: s.reps.li.id, date: DAY }))!;
    const before = digest(core.ctx.db);
    const err = await fail(core, 'dailyReports.save', {
      id: report.id,
      repId: s.reps.li.id,
      date: DAY,
      attendance: 'present',
      lines: [visit(c2.id, { id: report.lines[0]!.id, orderFen: 40_000 }), visit(c1.id, { id: report.lines[1]!.id })],
    });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'lines.0.orderFen' });
    expect(err.message).toContain('销售单');
    expect(err.message).toContain('¥366.00');
    expect(digest(core.ctx.db)).toBe(before);
    const second = await fail(core, 'dailyReports.save', {
      id: report.id,
      repId: s.reps.li.id,
      date: DAY,
      attendance: 'present',
      lines: [visit(c2.id), visit(c2.id, { collectedFen: 1 })],
    });
    expect(second).toMatchObject({ code: 'VALIDATION', field: 'lines.1.collectedFen' });
    // the amounts as shown (or 0) are accepted
    const again = await ok(core, 'dailyReports.save', {
      id: report.id,
      repId: s.reps.li.id,
      date: DAY,
      attendance: 'present',
      lines: [visit(c2.id, { orderFen: 36_600, collectedFen: 0 }), visit(c1.id, { orderFen: 800 })],
    });
    expect(again.lines.map((l) => [l.orderFen, l.collectedFen])).toEqual([
      [36_600, 20_000],
      [800, 0],
    ]);
  });

  it('a signed report keeps its amounts; a document reversed after signing no longer counts as its source', async () => {
    const { core, s } = f;
    const report = (await ok(core, 'dailyReports.get', { repId: s.reps.li.id, date: DAY }))!;
    await ok(core, 'dailyReports.submit', { id: report.id });
    await ok(core, 'dailyReports.sign', { id: report.id, password: TEST_MANAGER.password });
    const collections = await ok(core, 'collections.list', { customerId: s.customers.c2.id, from: DAY, to: DAY, repId: s.reps.li.id });
    const paid = collections.rows.find((r) => r.amountFen === 20_000 && r.state === 'posted')!;
    await ok(core, 'collections.reverse', { id: paid.id, date: '2025-03-01', reason: '退票' });
    const signed = (await ok(core, 'dailyReports.get', { repId: s.reps.li.id, date: DAY }))!;
    expect(signed.state).toBe('signed');
    expect(signed.lines.map((l) => [l.orderFen, l.collectedFen, l.fromDocuments])).toEqual([
      [36_600, 20_000, { order: true, collected: false }],
      [800, 0, undefined],
    ]);
  });

  it('a rep without documents that day: typed amounts as before', async () => {
    const { core, s } = f;
    const saved = await ok(core, 'dailyReports.save', {
      repId: s.reps.boss.id,
      date: '2025-02-27',
      attendance: 'present',
      lines: [visit(s.customers.c1.id, { orderFen: 1_234, collectedFen: 56 })],
    });
    expect(saved.lines[0]).toMatchObject({ orderFen: 1_234, collectedFen: 56 });
    expect(saved.lines[0]!.fromDocuments).toBeUndefined();
    expect(saved.unlistedDocuments).toBeUndefined();
  });
});
