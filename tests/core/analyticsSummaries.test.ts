// 统计表 The summary tables the dashboards read (migration 0005, analytics/summaries.ts): after random sequences of
// postings, 红冲, returns and raw inserts they equal a full recomputation from the documents, and the figures read
// from them equal the documents' own sums (new customers as of a past date included); one more order moves every
// dashboard figure that depends on it by exactly its amount; a customer's region is read at query time (an edit moves
// its sales; the tables hold no region); verify finds a corrupted row and rebuild mends it. A customer merge cannot move
// posted documents (their lock triggers refuse it), so it never changes the tables.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/contract';
import { addDays } from '../../shared/periods';
import { createCore, type Core } from '../../electron/core/core';
import { generateDemo } from '../../electron/core/demo/generate';
import { productSales, salesGroups, salesTotals } from '../../electron/core/modules/analytics/filters';
import { verifySummaries } from '../../electron/core/modules/analytics/summaries';
import { runSummariesCli } from '../../electron/core/modules/analytics/summariesCli';
import { actualsByUnit } from '../../electron/core/modules/targets/actuals';
import { actAs, addOperator, asOperator, fail, ok, type TestCore } from './helpers';
import { moneyFixture, postedOrder, type MoneyFixture } from './moneyFixture';

const START = '2025-01-01';
const dateOf = (day: number) => addDays(START, day);

/** The documents' own sums, written out independently of the tables: by key over [from, to]. */
function documentSums(core: TestCore, by: 'rep' | 'category' | 'product', profit: boolean, from: string, to: string) {
  const key = by === 'rep' ? 'o.rep_id' : by === 'category' ? 'p.category_id' : 'l.product_id';
  const lines = by !== 'rep';
  const rows = core.ctx.db
    .prepare(
      lines
        ? `select k, sum(v) as v from (
             select ${key} as k, l.amount_fen - ${profit ? 'l.cost_fen' : '0'} as v from orders o join order_lines l on l.order_id = o.id
               join products p on p.id = l.product_id where o.state <> 'draft' and o.date between @from and @to
             union all
             select ${key}, ${profit ? 'rl.cost_fen' : '0'} - rl.amount_fen from returns t join return_lines rl on rl.return_id = t.id
               join order_lines l on l.id = rl.order_line_id join products p on p.id = l.product_id
              where t.state = 'posted' and t.date between @from and @to) group by k`
        : `select k, sum(v) as v from (
             select o.rep_id as k, o.total_fen - ${profit ? 'o.cost_fen' : '0'} as v from orders o
              where o.state <> 'draft' and o.date between @from and @to
             union all
             select o.rep_id, ${profit ? 't.cost_fen' : '0'} - t.total_fen from returns t join orders o on o.id = t.order_id
              where t.state = 'posted' and t.date between @from and @to) group by k`,
    )
    .all({ from, to }) as Array<{ k: number | null; v: number }>;
  return new Map(rows.filter((r) => r.k !== null).map((r) => [String(r.k), r.v]));
}

/** New customers in [from, to] as of `to` per rep, straight from the orders (the definition before the tables). */
function documentNewCustomers(core: TestCore, from: string, to: string) {
  const standing = (a: string) =>
    `${a}.reversal_of_id is null and (${a}.state = 'posted' or (${a}.state = 'reversed' and (select rv.date from orders rv where rv.id = ${a}.reversed_by_id) > @to))`;
  const rows = core.ctx.db
    .prepare(
      `select o.rep_id as k, count(*) as v from orders o where ${standing('o')} and o.date between @from and @to
         and not exists (select 1 from orders f where f.customer_id = o.customer_id
           and (f.date < o.date or (f.date = o.date and f.id < o.id)) and ${standing('f')})
       group by o.rep_id`,
    )
    .all({ from, to }) as Array<{ k: number | null; v: number }>;
  return new Map(rows.filter((r) => r.k !== null).map((r) => [String(r.k), r.v]));
}

/** 1 when the customer's first order standing on `to` is dated in [from, to]. */
function documentNewCustomersOf(core: TestCore, customerId: number, from: string, to: string): number {
  const first = core.ctx.db
    .prepare(
      `select o.date from orders o where o.customer_id = @c and o.reversal_of_id is null
         and (o.state = 'posted' or (o.state = 'reversed' and (select rv.date from orders rv where rv.id = o.reversed_by_id) > @to))
       order by o.date, o.id limit 1`,
    )
    .get({ c: customerId, to }) as { date: string } | undefined;
  return first && first.date >= from && first.date <= to ? 1 : 0;
}

const nonZero = (m: Map<string, number>) => new Map([...m].filter(([, v]) => v !== 0));

describe('summary tables under random postings, 红冲 and returns', () => {
  let f: MoneyFixture;
  let products: number[];
  let categories: { liquor: number; beer: number };
  beforeAll(async () => {
    f = await moneyFixture();
    // a category tree (酒类 › 啤酒) over some of the products, so the category figures roll up
    const liquor = (await ok(f.core, 'productCategories.save', { name: '酒类' })).id;
    const beer = (await ok(f.core, 'productCategories.save', { name: '啤酒', parentId: liquor })).id;
    categories = { liquor, beer };
    const product = (input: Input<'products.save'>) => ok(f.core, 'products.save', input).then((r) => r.id);
    products = [
      f.products.beer,
      f.products.wine,
      f.products.tea,
      await product({ sku: 'P101', name: '雪花啤酒 330ml', unit: '箱', listPriceFen: 4_800, costFen: 3_100, categoryId: beer }),
      await product({ sku: 'P102', name: '五粮液 500ml', unit: '瓶', listPriceFen: 99_900, costFen: 61_000, categoryId: liquor }),
    ];
  });
  afterAll(() => f.core.close());

  type Op =
    | {
        kind: 'order';
        c: number;
        day: number;
        dealer: boolean;
        rep: number;
        draft: boolean;
        lines: Array<[number, number]>;
        discount: number;
      }
    | { kind: 'reverse'; pick: number; after: number }
    | { kind: 'return'; pick: number; line: number; part: number; after: number }
    | { kind: 'raw'; c: number; day: number; totalFen: number; costFen: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('order' as const),
        c: fc.nat(3),
        day: fc.nat(100),
        dealer: fc.boolean(),
        rep: fc.nat(2),
        draft: fc.constantFrom(false, false, false, true),
        lines: fc.array(fc.tuple(fc.nat(4), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 3 }),
        discount: fc.constantFrom(0, 0, 50, 300),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(), after: fc.constantFrom(0, 0, 3, 20, 45) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('return' as const),
        pick: fc.nat(),
        line: fc.nat(),
        part: fc.integer({ min: 1, max: 1000 }),
        after: fc.constantFrom(0, 2, 31),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('raw' as const),
        c: fc.nat(3),
        day: fc.nat(100),
        totalFen: fc.integer({ min: 1, max: 50_000 }),
        costFen: fc.nat(30_000),
      }),
    },
  );

  let rawNo = 0;
  const posted: Array<{ id: number; date: string }> = [];
  async function attempt<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M> | null> {
    const res = await f.core.call(method, input);
    if (res.ok) return res.data as Output<M>;
    expect(res.error.code, `${method} ${JSON.stringify(input)}: ${res.error.message}`).not.toBe('INTERNAL');
    return null;
  }

  async function play(o: Op): Promise<void> {
    const customers = [f.s.customers.c1.id, f.s.customers.c2.id, f.s.customers.c3.id, f.s.customers.c4.id];
    const reps = [f.s.reps.li.id, f.s.reps.boss.id, null];
    switch (o.kind) {
      case 'order': {
        const lines = o.lines.map(([p, qty]) => ({ productId: products[p]!, qty, unitPriceFen: [6_000, 12_800, 333, 4_800, 99_900][p]! }));
        const saved = await attempt('orders.save', {
          customerId: customers[o.c]!,
          date: dateOf(o.day),
          dealerId: o.dealer ? f.dealer : null,
          repId: reps[o.rep] ?? null,
          discountFen: o.discount,
          lines,
        });
        if (!saved || o.draft) return;
        if (await attempt('orders.post', { id: saved.id })) posted.push({ id: saved.id, date: dateOf(o.day) });
        return;
      }
      case 'reverse': {
        if (posted.length === 0) return;
        const order = posted[o.pick % posted.length]!;
        await attempt('orders.reverse', { id: order.id, date: addDays(order.date, o.after), reason: '录错' });
        return;
      }
      case 'return': {
        if (posted.length === 0) return;
        const order = posted[o.pick % posted.length]!;
        const detail = await ok(f.core, 'orders.get', { id: order.id });
        if (detail.state !== 'posted') return;
        const open = detail.lines.filter((l) => l.qty - l.returnedQty > 0);
        if (open.length === 0) return;
        const line = open[o.line % open.length]!;
        const qty = Math.max(0.001, Math.floor(((line.qty - line.returnedQty) * o.part) / 1000) / 1000);
        const saved = await attempt('returns.save', {
          orderId: order.id,
          date: addDays(order.date, o.after),
          lines: [{ orderLineId: line.id, qty }],
        });
        if (saved) await attempt('returns.post', { id: saved.id });
        return;
      }
      case 'raw': {
        // a posted order written straight into the table (as an import or a repair script would): the triggers see it too
        const at = f.core.ctx.now().toISOString();
        f.core.ctx.db
          .prepare(
            `insert into orders (doc_no, customer_id, rep_id, date, due_date, subtotal_fen, total_fen, cost_fen, state, created_at, updated_at)
             values (?, ?, ?, ?, ?, ?, ?, ?, 'posted', ?, ?)`,
          )
          .run(`RAW-${++rawNo}`, customers[o.c]!, f.s.reps.li.id, dateOf(o.day), dateOf(o.day), o.totalFen, o.totalFen, o.costFen, at, at);
        return;
      }
    }
  }

  it('equal a full recomputation after every sequence, and the figures read from them equal the documents’', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), fc.nat(100), fc.nat(100), async (ops, a, b) => {
        for (const o of ops) await play(o);
        for (const t of verifySummaries(f.core.ctx.db)) expect(t.mismatches, `${t.name} after ${JSON.stringify(ops)}`).toBe(0);
        // any range, whole months or not: by rep, by category (rolled up) and per product, and new customers as of its end
        const from = dateOf(Math.min(a, b));
        const to = dateOf(Math.max(a, b));
        const ctx = f.core.ctx;
        for (const profit of [false, true]) {
          const metric = profit ? 'grossProfit' : 'sales';
          expect(nonZero(actualsByUnit(ctx, { metric, level: 'rep', from, to }))).toEqual(
            nonZero(documentSums(f.core, 'rep', profit, from, to)),
          );
          const byCategory = actualsByUnit(ctx, { metric, level: 'productCategory', from, to });
          const own = documentSums(f.core, 'category', profit, from, to);
          expect(byCategory.get(String(categories.beer)) ?? 0).toBe(own.get(String(categories.beer)) ?? 0);
          expect(byCategory.get(String(categories.liquor)) ?? 0).toBe(
            (own.get(String(categories.liquor)) ?? 0) + (own.get(String(categories.beer)) ?? 0),
          );
        }
        const perProduct = new Map([...productSales(ctx, { from, to }, undefined)].map(([id, p]) => [String(id), p.salesFen]));
        expect(nonZero(perProduct)).toEqual(nonZero(documentSums(f.core, 'product', false, from, to)));
        const total = [...documentSums(f.core, 'rep', false, from, to).values()].reduce((s, v) => s + v, 0);
        const unattributed = (
          ctx.db
            .prepare(
              `select coalesce(sum(v), 0) as v from (select total_fen as v from orders where state <> 'draft' and rep_id is null and date between @from and @to
                 union all select -t.total_fen from returns t join orders o on o.id = t.order_id
                  where t.state = 'posted' and o.rep_id is null and t.date between @from and @to)`,
            )
            .get({ from, to }) as { v: number }
        ).v;
        expect(salesTotals(ctx, { from, to }, undefined).salesFen).toBe(total + unattributed);
        expect(salesGroups(ctx, { from, to }, undefined).reduce((s, g) => s + g.salesFen, 0)).toBe(total + unattributed);
        expect(nonZero(actualsByUnit(ctx, { metric: 'newCustomers', level: 'rep', from, to }))).toEqual(
          nonZero(documentNewCustomers(f.core, from, to)),
        );
        // a region narrows to its subtree's customers (华东: c2 in 鼓楼, c3 in 南京; c1 is in 北京)
        const east = [{ level: 'region' as const, unitKey: String(f.s.regions.east.id) }];
        const [c2, c3] = [f.s.customers.c2.id, f.s.customers.c3.id];
        const eastDocs = ctx.db
          .prepare(
            `select coalesce(sum(v), 0) as v from (
               select total_fen as v from orders where state <> 'draft' and customer_id in (@c2, @c3) and date between @from and @to
               union all
               select -total_fen from returns where state = 'posted' and customer_id in (@c2, @c3) and date between @from and @to)`,
          )
          .get({ c2, c3, from, to }) as { v: number };
        expect(actualsByUnit(ctx, { metric: 'sales', level: 'company', from, to, scope: east }).get('') ?? 0).toBe(eastDocs.v);
        expect(actualsByUnit(ctx, { metric: 'newCustomers', level: 'company', from, to, scope: east }).get('') ?? 0).toBe(
          documentNewCustomersOf(f.core, c2, from, to) + documentNewCustomersOf(f.core, c3, from, to),
        );
        expect(salesGroups(ctx, { from, to }, { regionId: f.s.regions.east.id }).reduce((a, g) => a + g.salesFen, 0)).toBe(eastDocs.v);
      }),
      { numRuns: 40, seed: 20261201 },
    );
    // the sequences did post, reverse and return
    const counts = f.core.ctx.db
      .prepare(
        "select (select count(*) from orders where reversal_of_id is not null) as reversals, (select count(*) from returns where state = 'posted') as returns",
      )
      .get() as { reversals: number; returns: number };
    expect(counts.reversals).toBeGreaterThan(3);
    expect(counts.returns).toBeGreaterThan(3);
    expect(posted.length).toBeGreaterThan(20);
  }, 120_000);
});

describe('one more order moves every dashboard figure that depends on it by exactly its amount', () => {
  it('overview, sales breakdowns and the rep’s tracking actual', async () => {
    const f = await moneyFixture();
    const { core, s } = f;
    const category = (await ok(core, 'productCategories.save', { name: '饮品' })).id;
    const juice = (
      await ok(core, 'products.save', { sku: 'P201', name: '橙汁 1L', unit: '瓶', listPriceFen: 1_200, costFen: 700, categoryId: category })
    ).id;
    const period = { from: '2025-03-01', to: '2025-03-31' };
    // the month already holds business: c1 an old customer, c2 new in March
    await postedOrder(core, {
      customerId: s.customers.c1.id,
      date: '2025-02-10',
      lines: [{ productId: juice, qty: 3, unitPriceFen: 1_200 }],
    });
    await postedOrder(core, {
      customerId: s.customers.c1.id,
      date: '2025-03-05',
      repId: s.reps.li.id,
      lines: [{ productId: f.products.wine, qty: 1, unitPriceFen: 12_800 }],
    });
    await postedOrder(core, {
      customerId: s.customers.c2.id,
      date: '2025-03-06',
      dealerId: f.dealer,
      lines: [{ productId: juice, qty: 2, unitPriceFen: 1_200 }],
    });
    const read = async () => ({
      overview: await ok(core, 'analytics.overview', { period }),
      sales: await ok(core, 'analytics.sales', { period }),
      tracking: await ok(core, 'targets.tracking', { metric: 'sales', level: 'rep', period: '2025-03', asOf: '2025-03-31' }),
    });
    const before = await read();

    // c3 (南京市, under 华东) buys for the first time, through the dealer, by 李娜, with an order discount
    const order = await postedOrder(core, {
      customerId: s.customers.c3.id,
      date: '2025-03-20',
      dealerId: f.dealer,
      repId: s.reps.li.id,
      discountFen: 100,
      lines: [
        { productId: juice, qty: 4, unitPriceFen: 1_200 },
        { productId: f.products.wine, qty: 1, unitPriceFen: 12_800 },
      ],
    });
    const detail = await ok(core, 'orders.get', { id: order.id });
    const total = detail.totalFen;
    const profit = detail.totalFen - detail.costFen;
    expect(total).toBe(4 * 1_200 + 12_800 - 100);
    const after = await read();

    expect(after.overview.salesFen - before.overview.salesFen).toBe(total);
    expect(after.overview.grossProfitFen - before.overview.grossProfitFen).toBe(profit);
    expect(after.overview.newCustomers! - before.overview.newCustomers!).toBe(1);
    expect(after.overview.sales.lastYear).toBe(before.overview.sales.lastYear);
    expect(after.sales.salesFen - before.sales.salesFen).toBe(total);
    const row = <T extends { salesFen: number }>(rows: readonly T[], pick: (r: T) => boolean) => rows.find(pick)?.salesFen ?? 0;
    const east = (r: { id: number }) => r.id === s.regions.east.id;
    expect(row(after.sales.byRegion.rows, east) - row(before.sales.byRegion.rows, east)).toBe(total);
    const li = (r: { repId: number }) => r.repId === s.reps.li.id;
    expect(row(after.sales.repRanking, li) - row(before.sales.repRanking, li)).toBe(total);
    const dealer = (r: { dealerId: number }) => r.dealerId === f.dealer;
    expect(row(after.sales.byDealer.rows, dealer) - row(before.sales.byDealer.rows, dealer)).toBe(total);
    const channel = (r: { channelType: string }) => r.channelType === 'dealer';
    expect(row(after.sales.byChannelType, channel) - row(before.sales.byChannelType, channel)).toBe(total);
    // a category counts its lines' amounts (the order discount is on no line)
    const drinks = (r: { id: number }) => r.id === category;
    expect(row(after.sales.byCategory.rows, drinks) - row(before.sales.byCategory.rows, drinks)).toBe(4 * 1_200);
    const trackedLi = (t: typeof before.tracking) => t.rows.find((r) => r.unitId === s.reps.li.id)?.actual ?? 0;
    expect(trackedLi(after.tracking) - trackedLi(before.tracking)).toBe(total);

    // region is the customer's current one, joined at read time: moving c3 to 北京 moves its March sales to 华北
    const regionSales = async (regionId: number) => (await ok(core, 'analytics.overview', { period, filters: { regionId } })).salesFen;
    const [eastBefore, northBefore] = [await regionSales(s.regions.east.id), await regionSales(s.regions.north.id)];
    core.ctx.db.prepare('update customers set region_id = ? where id = ?').run(s.regions.beijing.id, s.customers.c3.id);
    expect(await regionSales(s.regions.east.id)).toBe(eastBefore - total);
    expect(await regionSales(s.regions.north.id)).toBe(northBefore + total);
    core.ctx.db.prepare('update customers set region_id = ? where id = ?').run(s.regions.nanjing.id, s.customers.c3.id);

    // its 红冲 in April: March as of its end stays as it was; a period reaching past the 红冲 no longer counts the customer
    await ok(core, 'orders.reverse', { id: order.id, date: '2025-04-02', reason: '客户取消' });
    const march = await ok(core, 'analytics.overview', { period });
    expect(march.salesFen).toBe(after.overview.salesFen);
    expect(march.newCustomers).toBe(after.overview.newCustomers);
    const throughApril = actualsByUnit(core.ctx, { metric: 'newCustomers', level: 'company', from: period.from, to: '2025-04-30' });
    expect(throughApril.get('')).toBe(after.overview.newCustomers! - 1);
    const aprilSales = actualsByUnit(core.ctx, { metric: 'sales', level: 'company', from: '2025-04-01', to: '2025-04-30' });
    expect(aprilSales.get('')).toBe(-total);
    core.close();
  });
});

describe('analytics.rebuildSummaries on the small demo', () => {
  const NOW = new Date('2026-10-20T02:00:00.000Z');
  let dir: string;
  let core: Core;
  let admin: TestCore;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-summaries-'));
    core = createCore(path.join(dir, 'small.db'), { now: () => NOW });
    generateDemo(core.ctx.db, { scale: 'small', seed: 7, now: NOW });
    addOperator(core, { name: '统计管理员', role: 'admin', password: 'admin-pw' });
    admin = actAs(core, '统计管理员');
  }, 90_000);
  afterAll(() => {
    core?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('verify finds nothing on the fresh demo; a corrupted row is found and the rebuild mends it, audited', async () => {
    const fresh = await ok(admin, 'analytics.rebuildSummaries', { verifyOnly: true });
    expect(fresh.rebuilt).toBe(false);
    expect(fresh.tables.map((t) => t.name)).toEqual([
      'sales_facts',
      'product_sales_facts',
      'product_month_facts',
      'customer_first_orders',
      'customer_last_orders',
      'customer_balances',
      'open_receivables',
      'rep_month_facts',
    ]);
    for (const t of fresh.tables) {
      expect(t.mismatches, t.name).toBe(0);
      expect(t.rows, t.name).toBeGreaterThan(10);
    }

    const db = core.ctx.db;
    db.prepare('update sales_facts set sales_fen = sales_fen + 1 where rowid = (select min(rowid) from sales_facts)').run();
    db.prepare('delete from product_sales_facts where rowid = (select max(rowid) from product_sales_facts)').run();
    db.prepare('delete from customer_first_orders where customer_id = (select min(customer_id) from customer_first_orders)').run();
    const broken = await ok(admin, 'analytics.rebuildSummaries', { verifyOnly: true });
    expect(Object.fromEntries(broken.tables.map((t) => [t.name, t.mismatches]))).toEqual({
      sales_facts: 1,
      product_sales_facts: 1,
      product_month_facts: 0,
      customer_first_orders: 1,
      customer_last_orders: 0,
      customer_balances: 0,
      open_receivables: 0,
      // kept from sales_facts' changes by triggers: the corrupted sales_facts row reached it too
      rep_month_facts: 1,
    });

    const auditBefore = db.prepare("select count(*) from audit_log where entity = 'summaries'").pluck().get() as number;
    const rebuilt = await ok(admin, 'analytics.rebuildSummaries', {});
    expect(rebuilt.rebuilt).toBe(true);
    // the mismatches it found, the rows it wrote
    expect(rebuilt.tables.map((t) => t.mismatches)).toEqual([1, 1, 0, 1, 0, 0, 0, 1]);
    expect(rebuilt.tables.map((t) => t.rows)).toEqual(fresh.tables.map((t) => t.rows));
    const again = await ok(admin, 'analytics.rebuildSummaries', { verifyOnly: true });
    for (const t of again.tables) expect(t.mismatches, t.name).toBe(0);
    expect(db.prepare("select count(*) from audit_log where entity = 'summaries' and action = 'rebuild'").pluck().get()).toBe(
      auditBefore + 1,
    );
  }, 60_000);

  it('npm run summaries: --verify exits 2 on a difference, without it rebuilds', () => {
    const file = path.join(dir, 'small.db');
    core.ctx.db
      .prepare('update product_month_facts set cost_fen = cost_fen - 7 where rowid = (select min(rowid) from product_month_facts)')
      .run();
    const lines: string[] = [];
    expect(runSummariesCli(['--db', file, '--verify'], (l) => lines.push(l))).toBe(2);
    expect(lines.find((l) => l.startsWith('product_month_facts'))).toMatch(/不一致 \/ mismatches 1$/);
    expect(runSummariesCli(['--db', file], (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toMatch(/^已重建 \/ rebuilt/);
    expect(runSummariesCli(['--db', file, '--verify'], (l) => lines.push(l))).toBe(0);
    expect(runSummariesCli(['--verify'], (l) => lines.push(l))).toBe(1);
  }, 60_000);

  it('only the admin may call it', async () => {
    addOperator(core, { name: '统计经理', role: 'manager', password: 'manager-pw' });
    const manager = await asOperator(core, '统计经理', 'manager-pw');
    expect((await fail(manager, 'analytics.rebuildSummaries', { verifyOnly: true })).code).toBe('FORBIDDEN');
  });
});
