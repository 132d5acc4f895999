// The demo's money (electron/core/demo/money.ts) on the small scale: the rows obey the ledger's rules exactly (as if
// every document had been posted one by one), and the receivables services, where registered, agree with plain SQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { generateDemo, type DemoResult } from '../../electron/core/demo/generate';
import { DEMO_MANAGER } from '../../electron/core/demo/operators';
import { openDatabase } from '../../electron/core/db/connection';
import { actAs } from './helpers';

const NOW = new Date('2026-03-16T02:00:00.000Z');
const TODAY = '2026-03-16';
const SEED = 424242;

let dir: string;
let core: Core;
let result: DemoResult;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-demo-money-'));
  const c = createCore(path.join(dir, 'small.db'), { now: () => NOW });
  result = generateDemo(c.ctx.db, { scale: 'small', seed: SEED, now: NOW });
  core = actAs(c, DEMO_MANAGER);
}, 60_000);

afterAll(() => {
  core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...params: unknown[]) => core.ctx.db.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => core.ctx.db.prepare(sql).get(...params) as T;
const count = (sql: string, ...params: unknown[]) => one<{ n: number }>(sql, ...params).n;
const halfUp = (qtyMilli: number, priceFen: number) => {
  const x = BigInt(qtyMilli) * BigInt(priceFen);
  const sign = x < 0n ? -1n : 1n;
  return Number((sign * ((sign * x * 2n + 1000n) / 2000n)) as bigint);
};

describe('demo money (small)', () => {
  it('reports the counts it wrote, with every kind of document present', () => {
    const m = result.money;
    expect(m.orders).toBe(count(`select count(*) as n from orders where state <> 'draft'`));
    expect(m.draftOrders).toBe(count(`select count(*) as n from orders where state = 'draft'`));
    expect(m.orderLines).toBe(count(`select count(*) as n from order_lines l join orders o on o.id = l.order_id where o.state <> 'draft'`));
    expect(m.reversedOrders).toBe(count(`select count(*) as n from orders where state = 'reversed'`));
    expect(m.returns).toBe(count('select count(*) as n from returns'));
    expect(m.collections).toBe(count('select count(*) as n from collections'));
    expect(m.reversedCollections).toBe(count(`select count(*) as n from collections where state = 'reversed'`));
    expect(m.writeOffs).toBe(count('select count(*) as n from write_offs'));
    expect(m.openingBalances).toBe(count('select count(*) as n from opening_balances'));
    expect(m.receivables).toBe(count('select count(*) as n from receivables'));
    expect(m.credits).toBe(count('select count(*) as n from credits'));
    expect(m.allocations).toBe(count('select count(*) as n from allocations'));
    expect(m.dealerAccounts).toBe(count('select count(*) as n from dealer_accounts'));
    expect(m.crossTerritoryOrders).toBe(count(`select count(*) as n from orders where cross_territory = 1 and state <> 'draft'`));
    // a realistic small company: thousands of lines, and some of everything
    expect(m.orderLines).toBeGreaterThan(10_000);
    for (const key of [
      'openingBalances',
      'reversedOrders',
      'returns',
      'reversedCollections',
      'writeOffs',
      'crossTerritoryOrders',
      'draftOrders',
    ] as const)
      expect(m[key], key).toBeGreaterThan(0);
    // three years of orders, none in the future
    const span = one<{ first: string; last: string }>(`select min(date) as first, max(date) as last from orders`);
    expect(span.last <= TODAY).toBe(true);
    expect(span.first <= '2023-05-01').toBe(true);
  });

  it('keeps every amount an integer', () => {
    const columns: Array<[string, string[]]> = [
      ['orders', ['discount_fen', 'subtotal_fen', 'total_fen', 'cost_fen']],
      ['order_lines', ['qty_milli', 'unit_price_fen', 'discount_fen', 'amount_fen', 'unit_cost_fen', 'cost_fen']],
      ['returns', ['total_fen', 'cost_fen']],
      ['return_lines', ['qty_milli', 'amount_fen', 'cost_fen']],
      ['collections', ['amount_fen']],
      ['write_offs', ['amount_fen']],
      ['opening_balances', ['amount_fen']],
      ['receivables', ['amount_fen']],
      ['credits', ['amount_fen']],
      ['allocations', ['amount_fen']],
    ];
    for (const [table, cols] of columns)
      for (const col of cols)
        expect(count(`select count(*) as n from ${table} where typeof(${col}) <> 'integer'`), `${table}.${col}`).toBe(0);
  });

  it('prices, totals and frozen cost follow the order rules', () => {
    const lines = all<{
      orderId: number;
      qty: number;
      price: number;
      discount: number;
      amount: number;
      unitCost: number;
      cost: number;
      productCost: number;
      listFen: number;
      dealerFen: number;
      type: string;
      state: string;
      reversal: number | null;
    }>(
      `select l.order_id as orderId, l.qty_milli as qty, l.unit_price_fen as price, l.discount_fen as discount, l.amount_fen as amount,
         l.unit_cost_fen as unitCost, l.cost_fen as cost, p.cost_fen as productCost, p.list_price_fen as listFen,
         p.dealer_price_fen as dealerFen, c.type, o.state, o.reversal_of_id as reversal
       from order_lines l join orders o on o.id = l.order_id join products p on p.id = l.product_id join customers c on c.id = o.customer_id`,
    );
    for (const l of lines) {
      const sign = l.reversal === null ? 1 : -1;
      expect(l.amount, `order ${l.orderId}`).toBe(sign * (halfUp(sign * l.qty, l.price) - l.discount));
      expect(l.price).toBe(l.type === 'dealer' || l.type === 'wholesale' ? l.dealerFen : l.listFen);
      if (l.state === 'draft') continue;
      expect(l.unitCost).toBe(l.productCost);
      expect(l.cost).toBe(halfUp(l.qty, l.unitCost));
    }
    const orders = all<{
      id: number;
      subtotal: number;
      discount: number;
      total: number;
      cost: number;
      lines: number;
      lineCost: number;
      reversal: number | null;
    }>(
      `select o.id, o.subtotal_fen as subtotal, o.discount_fen as discount, o.total_fen as total, o.cost_fen as cost, o.reversal_of_id as reversal,
         sum(l.amount_fen) as lines, sum(l.cost_fen) as lineCost
       from orders o join order_lines l on l.order_id = o.id where o.state <> 'draft' group by o.id`,
    );
    for (const o of orders) {
      expect(o.subtotal, `order ${o.id}`).toBe(o.lines);
      // a reversal row negates the original's figures; its discount stays the (non-negative) discount being undone
      expect(o.total, `order ${o.id}`).toBe(o.reversal === null ? o.subtotal - o.discount : o.subtotal + o.discount);
      expect(o.cost).toBe(o.lineCost);
      if (o.reversal === null) expect(o.total).toBeGreaterThan(0);
    }
  });

  it('marks lines below the floor price as the orders module does, each such order with a manager override', () => {
    const wrong = count(
      `select count(*) as n from order_lines l join products p on p.id = l.product_id join orders o on o.id = l.order_id
       where o.reversal_of_id is null and l.below_floor <> (case when p.floor_price_fen > 0
         and l.amount_fen < (l.qty_milli * p.floor_price_fen + 500) / 1000 then 1 else 0 end)`,
    );
    expect(wrong).toBe(0);
    expect(
      count(
        `select count(*) as n from orders o where o.state <> 'draft' and o.reversal_of_id is null
           and exists (select 1 from order_lines l where l.order_id = o.id and l.below_floor = 1)
           and (o.override_reason is null or o.override_by_name <> '${DEMO_MANAGER}')`,
      ),
    ).toBe(0);
  });

  it('reversals (红冲) pair an original with a negated row', () => {
    const pairs = all<{
      id: number;
      byId: number | null;
      reason: string;
      revOf: number | null;
      total: number;
      revTotal: number;
      revState: string;
    }>(
      `select o.id, o.reversed_by_id as byId, o.reverse_reason as reason, r.reversal_of_id as revOf, o.total_fen as total,
         r.total_fen as revTotal, r.state as revState
       from orders o left join orders r on r.id = o.reversed_by_id where o.state = 'reversed'`,
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      expect(p.byId).not.toBeNull();
      expect(p.revOf).toBe(p.id);
      expect(p.revTotal).toBe(-p.total);
      expect(p.revState).toBe('posted');
      expect(p.reason).not.toBe('');
      expect(one<{ r: string }>('select reverse_reason as r from orders where id = ?', p.byId).r).toBe(p.reason);
    }
    expect(count(`select count(*) as n from orders where reversal_of_id is not null`)).toBe(pairs.length);
    expect(count(`select count(*) as n from collections where state = 'reversed' and reversed_by_id is null`)).toBe(0);
    const colPairs = all<{ amount: number; revAmount: number; revOf: number; id: number }>(
      `select c.id, c.amount_fen as amount, r.amount_fen as revAmount, r.reversal_of_id as revOf
       from collections c join collections r on r.id = c.reversed_by_id`,
    );
    for (const p of colPairs) {
      expect(p.revOf).toBe(p.id);
      expect(p.revAmount).toBe(-p.amount);
    }
  });

  it('returns go against posted, unreversed orders within the ordered quantity, pro rata', () => {
    expect(
      count(
        `select count(*) as n from returns r join orders o on o.id = r.order_id where o.state <> 'posted' or o.customer_id <> r.customer_id`,
      ),
    ).toBe(0);
    expect(count(`select count(*) as n from returns where state <> 'posted'`)).toBe(0);
    const lines = all<{ qty: number; amount: number; cost: number; lineQty: number; lineAmount: number; lineCost: number }>(
      `select sum(rl.qty_milli) as qty, sum(rl.amount_fen) as amount, sum(rl.cost_fen) as cost, l.qty_milli as lineQty,
         l.amount_fen as lineAmount, l.cost_fen as lineCost
       from return_lines rl join order_lines l on l.id = rl.order_line_id group by l.id`,
    );
    for (const l of lines) {
      expect(l.qty).toBeLessThanOrEqual(l.lineQty);
      if (l.qty === l.lineQty) {
        expect(l.amount).toBe(l.lineAmount);
        expect(l.cost).toBe(l.lineCost);
      } else {
        expect(Math.abs(l.amount - (l.lineAmount * l.qty) / l.lineQty)).toBeLessThanOrEqual(0.5);
      }
    }
    // a return's total is its lines' share of the order's total (the order discount back pro rata), as returns.post makes it
    const totals = all<{ total: number; cost: number; lines: number; lineCost: number; orderTotal: number; subtotal: number }>(
      `select r.total_fen as total, r.cost_fen as cost, o.total_fen as orderTotal, o.subtotal_fen as subtotal,
         (select sum(amount_fen) from return_lines where return_id = r.id) as lines,
         (select sum(cost_fen) from return_lines where return_id = r.id) as lineCost
       from returns r join orders o on o.id = r.order_id`,
    );
    expect(count('select count(*) as n from (select order_id from returns group by order_id having count(*) > 1)')).toBe(0);
    for (const t of totals) {
      expect(t.total).toBe(Number((2n * BigInt(t.lines) * BigInt(t.orderTotal) + BigInt(t.subtotal)) / (2n * BigInt(t.subtotal))));
      expect(t.cost).toBe(t.lineCost);
    }
  });

  it('has one receivable per posted order (total > 0) and per opening balance, and a credit per credit document', () => {
    expect(
      count(
        `select count(*) as n from orders o where o.reversal_of_id is null and o.state <> 'draft' and not exists
           (select 1 from receivables r where r.source_kind = 'order' and r.source_id = o.id and r.amount_fen = o.total_fen
              and r.customer_id = o.customer_id and r.date = o.date and r.due_date = o.due_date and r.doc_no = o.doc_no
              and r.rep_id is o.rep_id and r.dealer_id is o.dealer_id)`,
      ),
    ).toBe(0);
    expect(count(`select count(*) as n from receivables where source_kind = 'order'`)).toBe(
      count(`select count(*) as n from orders where reversal_of_id is null and state <> 'draft'`),
    );
    expect(
      count(
        `select count(*) as n from opening_balances b where not exists (select 1 from receivables r where r.source_kind = 'opening'
           and r.source_id = b.id and r.amount_fen = b.amount_fen and r.date = b.date and r.due_date = b.due_date and r.customer_id = b.customer_id)`,
      ),
    ).toBe(0);
    const expected = `
      select 'collection' as kind, id, customer_id, date, amount_fen, doc_no from collections where reversal_of_id is null
      union all select 'collection_reversal', id, customer_id, date, amount_fen, doc_no from collections where reversal_of_id is not null
      union all select 'return', id, customer_id, date, total_fen, doc_no from returns
      union all select 'order_reversal', r.id, r.customer_id, r.date, o.total_fen, r.doc_no from orders r join orders o on o.id = r.reversal_of_id
      union all select 'write_off', id, customer_id, date, amount_fen, doc_no from write_offs`;
    const missing = count(
      `select count(*) as n from (${expected}) e where not exists (select 1 from credits c where c.source_kind = e.kind and c.source_id = e.id
         and c.customer_id = e.customer_id and c.date = e.date and c.amount_fen = e.amount_fen and c.doc_no = e.doc_no)`,
    );
    expect(missing).toBe(0);
    expect(count('select count(*) as n from credits')).toBe(count(`select count(*) as n from (${expected})`));
  });

  it('allocates within limits, to the same customer, dated max(credit date, receivable date)', () => {
    expect(
      count(
        `select count(*) as n from allocations a join credits c on c.id = a.credit_id join receivables r on r.id = a.receivable_id
         where c.customer_id <> r.customer_id
            or (a.amount_fen > 0 and a.date <> max(c.date, r.date))
            or (a.amount_fen < 0 and (c.source_kind <> 'collection_reversal' or a.date <> c.date))`,
      ),
    ).toBe(0);
    // Σ per receivable within [0, amount]; Σ per credit within [0, amount] (or [amount, 0] for a reversal's)
    expect(
      count(
        `select count(*) as n from receivables r join (select receivable_id, sum(amount_fen) as s from allocations group by receivable_id) a
           on a.receivable_id = r.id where a.s < 0 or a.s > r.amount_fen`,
      ),
    ).toBe(0);
    expect(
      count(
        `select count(*) as n from credits c join (select credit_id, sum(amount_fen) as s from allocations group by credit_id) a on a.credit_id = c.id
         where (c.amount_fen > 0 and (a.s < 0 or a.s > c.amount_fen)) or (c.amount_fen < 0 and (a.s > 0 or a.s < c.amount_fen))`,
      ),
    ).toBe(0);
    // a reversed collection's credit and its reversal's cancel out exactly, allocations included
    const rev = all<{ net: number; allocNet: number }>(
      `select c.amount_fen + r.amount_fen as net,
         (select coalesce(sum(a.amount_fen), 0) from allocations a where a.credit_id in (c.id, r.id)) as allocNet
       from credits c join collections col on col.id = c.source_id and c.source_kind = 'collection' and col.state = 'reversed'
       join credits r on r.source_kind = 'collection_reversal' and r.source_id = col.reversed_by_id`,
    );
    expect(rev.length).toBeGreaterThan(0);
    for (const x of rev) expect([x.net, x.allocNet]).toEqual([0, 0]);
  });

  it('keeps settled_date the first day from which a receivable stays paid', () => {
    const rows = all<{ id: number; amount: number; settled: string | null; date: string | null; dayTotal: number | null }>(
      `select r.id, r.amount_fen as amount, r.settled_date as settled, a.date, a.total as dayTotal
       from receivables r left join (select receivable_id, date, sum(amount_fen) as total from allocations group by receivable_id, date) a
         on a.receivable_id = r.id
       order by r.id, a.date`,
    );
    let i = 0;
    let checked = 0;
    while (i < rows.length) {
      const id = rows[i]!.id;
      let paid = 0;
      let since: string | null = null;
      const r = rows[i]!;
      for (; i < rows.length && rows[i]!.id === id; i++) {
        const row = rows[i]!;
        if (row.date === null) continue;
        paid += row.dayTotal!;
        if (paid === r.amount) since ??= row.date;
        else since = null;
      }
      expect(r.settled, `receivable ${id}`).toBe(since);
      checked++;
    }
    expect(checked).toBe(result.money.receivables);
    expect(count('select count(*) as n from receivables where settled_date is null')).toBeGreaterThan(0);
  });

  it('uses open credits and pays oldest due first: a customer never has prepayment while owing', () => {
    // after each day's documents, a customer's unallocated credit and its unpaid receivables never both remain
    const days = all<{ customerId: number; date: string }>(
      `select distinct customer_id as customerId, date from (select customer_id, date from credits union select customer_id, date from receivables)
       order by customer_id, date`,
    );
    const state = core.ctx.db.prepare(
      `select
         (select coalesce(sum(amount_fen), 0) from credits where customer_id = @c and date <= @d)
           - (select coalesce(sum(a.amount_fen), 0) from allocations a join credits c on c.id = a.credit_id where c.customer_id = @c and a.date <= @d)
           as prepayment,
         (select coalesce(sum(amount_fen), 0) from receivables where customer_id = @c and date <= @d)
           - (select coalesce(sum(a.amount_fen), 0) from allocations a join receivables r on r.id = a.receivable_id where r.customer_id = @c and a.date <= @d)
           as owed`,
    );
    let checked = 0;
    for (const d of days) {
      const s = state.get({ c: d.customerId, d: d.date }) as { prepayment: number; owed: number };
      expect(s.prepayment, `${d.customerId} ${d.date}`).toBeGreaterThanOrEqual(0);
      expect(Math.min(s.prepayment, s.owed), `customer ${d.customerId} on ${d.date}`).toBe(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('writes off no more than was owed, and only through the manager', () => {
    const rows = all<{ id: number; amount: number; owed: number; by: string }>(
      `select w.id, w.amount_fen as amount, w.created_by_name as by,
         (select coalesce(sum(amount_fen), 0) from receivables where customer_id = w.customer_id and date <= w.date)
           - (select coalesce(sum(a.amount_fen), 0) from allocations a join receivables r on r.id = a.receivable_id
              where r.customer_id = w.customer_id and a.date <= w.date and a.credit_id <> c.id) as owed
       from write_offs w join credits c on c.source_kind = 'write_off' and c.source_id = w.id`,
    );
    for (const w of rows) {
      expect(w.amount).toBeLessThanOrEqual(w.owed);
      expect(w.by).toBe(DEMO_MANAGER);
    }
  });

  it('numbers documents by day, unique, XS- / TH- / HK- / HX- / QC-', () => {
    const tables: Array<[string, string]> = [
      ['orders', 'XS'],
      ['returns', 'TH'],
      ['collections', 'HK'],
      ['write_offs', 'HX'],
      ['opening_balances', 'QC'],
    ];
    for (const [table, prefix] of tables) {
      const rows = all<{ docNo: string; date: string }>(`select doc_no as docNo, date from ${table}`);
      expect(new Set(rows.map((r) => r.docNo)).size).toBe(rows.length);
      for (const r of rows) expect(r.docNo, table).toMatch(new RegExp(`^${prefix}-${r.date.replace(/-/g, '')}-\\d{3,}$`));
      // per day from 001 without gaps
      const byDay = all<{ n: number; top: number }>(
        `select count(*) as n, max(cast(substr(doc_no, 13) as integer)) as top from ${table} group by date`,
      );
      for (const d of byDay) expect(d.top).toBe(d.n);
    }
  });

  it('gives dealers trading accounts that owe, and flags 窜货 by territory', () => {
    const accounts = all<{ customerId: number; type: string; owes: number }>(
      `select a.customer_id as customerId, c.type,
         (select coalesce(sum(amount_fen), 0) from receivables where customer_id = a.customer_id)
           - (select coalesce(sum(amount_fen), 0) from credits where customer_id = a.customer_id) as owes
       from dealer_accounts a join customers c on c.id = a.customer_id`,
    );
    expect(accounts.length).toBe(result.money.dealerAccounts);
    for (const a of accounts) expect(a.type).toBe('dealer');
    expect(accounts.filter((a) => a.owes > 0).length).toBeGreaterThan(accounts.length / 2);
    const wrongFlag = count(
      `select count(*) as n from orders o join customers c on c.id = o.customer_id left join regions cr on cr.id = c.region_id
       where o.dealer_id is not null and o.state <> 'draft' and o.reversal_of_id is null and o.cross_territory <> (case when exists (
         select 1 from dealer_territories t join regions tr on tr.id = t.region_id where t.dealer_id = o.dealer_id
           and cr.path like tr.path || '%') then 0 else 1 end)`,
    );
    expect(wrongFlag).toBe(0);
    expect(count(`select count(*) as n from orders where (dealer_id is null or reversal_of_id is not null) and cross_territory = 1`)).toBe(
      0,
    );
  });

  it('gives the money tables back their indexes and lock triggers exactly (set aside while the rows went in)', () => {
    const schemaSql = `select type, name, tbl_name, sql from sqlite_master where type in ('index', 'trigger') order by name`;
    const fresh = openDatabase(':memory:').db;
    try {
      expect(all(schemaSql)).toEqual(fresh.prepare(schemaSql).all());
    } finally {
      fresh.close();
    }
    const posted = one<{ id: number }>(`select id from orders where state = 'posted' limit 1`);
    expect(() => core.ctx.db.prepare('update orders set total_fen = total_fen + 1 where id = ?').run(posted.id)).toThrow(/POSTED_LOCKED/);
    expect(() => core.ctx.db.prepare('delete from allocations where id = (select min(id) from allocations)').run()).toThrow(
      /POSTED_LOCKED/,
    );
  });

  it('leaves drafts out of the ledger, with no cost frozen', () => {
    expect(
      count(
        `select count(*) as n from orders o where state = 'draft' and (cost_fen <> 0 or posted_at is not null
           or exists (select 1 from receivables r where r.source_kind = 'order' and r.source_id = o.id))`,
      ),
    ).toBe(0);
  });
});

// ---------- the receivables services against plain SQL (once they are registered) ----------

interface SqlAging {
  customerId: number;
  total: number;
  owed: number;
  prepayment: number;
  notDue: number;
  buckets: number[];
}

/** Aging by customer as of a date, straight from the tables (edges 30 / 60 / 90 / 180). */
function sqlAging(asOf: string): Map<number, SqlAging> {
  const edges = [30, 60, 90, 180];
  const out = new Map<number, SqlAging>();
  const get = (id: number) => {
    let row = out.get(id);
    if (!row) out.set(id, (row = { customerId: id, total: 0, owed: 0, prepayment: 0, notDue: 0, buckets: [0, 0, 0, 0, 0] }));
    return row;
  };
  const items = all<{ customerId: number; due: string; unpaid: number }>(
    `select r.customer_id as customerId, r.due_date as due,
       r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id and a.date <= @a), 0) as unpaid
     from receivables r where r.date <= @a`,
    { a: asOf },
  );
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  for (const it of items) {
    if (it.unpaid === 0) continue;
    const row = get(it.customerId);
    row.owed += it.unpaid;
    const days = Math.round((asOfMs - Date.parse(`${it.due}T00:00:00Z`)) / 86_400_000);
    if (days <= 0) row.notDue += it.unpaid;
    else {
      const k = edges.findIndex((e) => days <= e);
      row.buckets[k === -1 ? edges.length : k]! += it.unpaid;
    }
  }
  const prepaid = all<{ customerId: number; prepayment: number }>(
    `select c.customer_id as customerId, sum(c.amount_fen)
       - coalesce((select sum(a.amount_fen) from allocations a join credits c2 on c2.id = a.credit_id where c2.customer_id = c.customer_id and a.date <= @a), 0)
       as prepayment
     from credits c where c.date <= @a group by c.customer_id`,
    { a: asOf },
  );
  for (const p of prepaid) if (p.prepayment !== 0) get(p.customerId).prepayment = p.prepayment;
  for (const row of out.values()) {
    row.notDue -= row.prepayment;
    row.total = row.owed - row.prepayment;
  }
  return out;
}

describe('receivables services agree with SQL on the demo', () => {
  it('receivables.aging by customer, today and a year back', async (ctx) => {
    for (const asOf of [TODAY, '2025-03-16']) {
      const env = await core.call('receivables.aging', { asOf, groupBy: 'customer' });
      if (!env.ok && env.error.code === 'UNKNOWN_METHOD') return ctx.skip();
      if (!env.ok) throw new Error(`${env.error.code} ${env.error.message}`);
      const data = env.data as {
        rows: Array<{ key: number; totalFen: number; notDueFen: number; bucketsFen: number[]; prepaymentFen: number }>;
      };
      const expected = sqlAging(asOf);
      const nonZero = [...expected.values()].filter((r) => r.owed !== 0 || r.prepayment !== 0);
      expect(data.rows.length).toBe(nonZero.length);
      for (const row of data.rows) {
        const e = expected.get(row.key)!;
        expect(e, `customer ${row.key}`).toBeDefined();
        expect([row.totalFen, row.notDueFen, row.bucketsFen, row.prepaymentFen], `customer ${row.key} as of ${asOf}`).toEqual([
          e.total,
          e.notDue,
          e.buckets,
          e.prepayment,
        ]);
      }
    }
  });

  it('channelConflicts.list lists the posted, unreversed 窜货 orders', async (ctx) => {
    const env = await core.call('channelConflicts.list', { page: 1, pageSize: 10 });
    if (!env.ok && env.error.code === 'UNKNOWN_METHOD') return ctx.skip();
    if (!env.ok) throw new Error(`${env.error.code} ${env.error.message}`);
    const expected = one<{ n: number; sum: number }>(
      `select count(*) as n, coalesce(sum(total_fen), 0) as sum from orders where state = 'posted' and cross_territory = 1`,
    );
    const data = env.data as { total: number; sumFen: number };
    expect([data.total, data.sumFen]).toEqual([expected.n, expected.sum]);
    expect(expected.n).toBeGreaterThan(0);
  });

  it('receivables.balance for customers with and without debts', async (ctx) => {
    const asOf = TODAY;
    const expected = sqlAging(asOf);
    const ids = all<{ id: number }>(`select id from customers order by id`).map((r) => r.id);
    for (const id of ids.filter((_x, i) => i % 7 === 0)) {
      const env = await core.call('receivables.balance', { customerId: id, asOf });
      if (!env.ok && env.error.code === 'UNKNOWN_METHOD') return ctx.skip();
      if (!env.ok) throw new Error(`${env.error.code} ${env.error.message}`);
      const b = env.data as { balanceFen: number; owedFen: number; prepaymentFen: number };
      const e = expected.get(id);
      expect([b.balanceFen, b.owedFen, b.prepaymentFen], `customer ${id}`).toEqual([e?.total ?? 0, e?.owed ?? 0, e?.prepayment ?? 0]);
    }
  });
});

describe('the posting code carries on from the demo rows', () => {
  const okCall = async <T>(method: string, input: unknown): Promise<T> => {
    const env = await core.call(method, input);
    if (!env.ok) throw new Error(`${method}: ${env.error.code} ${env.error.message}`);
    return env.data as T;
  };

  it('returns, reverses and collects on demo documents, and the ledger still agrees with SQL', async (ctx) => {
    const probe = await core.call('returns.save', {});
    if (!probe.ok && probe.error.code === 'UNKNOWN_METHOD') return ctx.skip();
    const fresh = all<{ id: number; customerId: number; lineId: number; qty: number }>(
      `select o.id, o.customer_id as customerId, min(l.id) as lineId, l.qty_milli as qty from orders o join order_lines l on l.order_id = o.id
       join customers c on c.id = o.customer_id
       where o.state = 'posted' and o.reversal_of_id is null and o.date >= '2026-02-15' and c.archived = 0 and l.qty_milli >= 2000
         and not exists (select 1 from returns r where r.order_id = o.id)
       group by o.id order by o.id limit 2`,
    );
    expect(fresh.length).toBe(2);
    const ret = await okCall<{ id: number }>('returns.save', {
      orderId: fresh[0]!.id,
      date: TODAY,
      reason: '演示后退货',
      lines: [{ orderLineId: fresh[0]!.lineId, qty: 1 }],
    });
    await okCall('returns.post', { id: ret.id });
    await okCall('orders.reverse', { id: fresh[1]!.id, reason: '演示后红冲' });
    const col = one<{ id: number }>(
      `select id from collections where state = 'posted' and reversal_of_id is null order by id desc limit 1`,
    );
    await okCall('collections.reverse', { id: col.id, reason: '演示后退票' });
    const twice = await core.call('collections.reverse', { id: col.id, reason: '再次' });
    expect(!twice.ok && twice.error.code).toBe('CONFLICT');
    // a customer with open items pays everything it owes: all of it is allocated
    const debtor = one<{ c: number; owed: number }>(
      `select r.customer_id as c, sum(r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id), 0)) as owed
       from receivables r join customers c on c.id = r.customer_id where r.settled_date is null and c.archived = 0
       group by r.customer_id order by owed desc limit 1`,
    );
    const paid = await okCall<{ allocatedFen: number }>('collections.save', {
      customerId: debtor.c,
      date: TODAY,
      amountFen: debtor.owed,
      method: 'transfer',
    });
    expect(paid.allocatedFen).toBe(debtor.owed);
    expect(count(`select count(*) as n from receivables where customer_id = ${debtor.c} and settled_date is null`)).toBe(0);
    const env = await core.call('receivables.aging', { asOf: TODAY, groupBy: 'customer' });
    if (!env.ok) throw new Error(env.error.message);
    const expected = sqlAging(TODAY);
    for (const row of (env.data as { rows: Array<{ key: number; totalFen: number; prepaymentFen: number }> }).rows) {
      expect([row.totalFen, row.prepaymentFen], `customer ${row.key}`).toEqual([
        expected.get(row.key)!.total,
        expected.get(row.key)!.prepayment,
      ]);
    }
  });
});
