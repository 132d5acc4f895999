// The money in the bench (issue 8, Performance), on the large demo: receivables.aging for all customers as of today and
// as of two years back (≤ 300 ms), receivables.balance (≤ 5 ms), statements.get for a year of the busiest customer
// (≤ 50 ms), posting a 20-line order (≤ 20 ms) and a collection against 50 open items (≤ 20 ms), each through the real
// dispatcher as the bench's manager beside hand-written SQL giving the same answer or making the same rows.
// The reads use the database in place; the postings work on a copy of it, so a database given with --db is never changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../shared/errors';
import { createCore, type Core } from '../../electron/core/core';
import { todayLocal } from '../../electron/core/context';
import { benchSession } from './benchSession';

export const AGING_BUDGET_MS = 300;
export const BALANCE_BUDGET_MS = 5;
export const STATEMENT_BUDGET_MS = 50;
export const POST_ORDER_BUDGET_MS = 20;
export const COLLECTION_BUDGET_MS = 20;
const ORDER_LINES = 20;
const OPEN_ITEMS = 50;
/** The aging's default buckets (settings: 30 / 60 / 90 / 180 days). */
const EDGES = [30, 60, 90, 180];

/** The same shape as the bench's Operation (tests/bench/bench.ts), measured by its `measure`. */
export interface MoneyOperation {
  name: string;
  detail: string;
  budgetMs: number | null;
  run: (i: number) => Promise<unknown>;
  baseline: (i: number) => unknown;
  fingerprint: (result: unknown) => string;
}

export interface MoneyBench {
  operations: MoneyOperation[];
  /** methods not registered yet, so their operations are left out */
  missing: string[];
  close: () => void;
}

export async function callAs<T>(core: Core, method: string, input: unknown): Promise<T> {
  const env = (await core.call(method, input, { session: benchSession(core) })) as Envelope<T>;
  if (!env.ok) throw new Error(`${method} 失败 / failed: ${env.error.code} ${env.error.message}`);
  return env.data;
}

export async function registered(core: Core, method: string, probe: unknown): Promise<boolean> {
  const env = await core.call(method, probe, { session: benchSession(core) });
  return env.ok || env.error.code !== 'UNKNOWN_METHOD';
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

interface AgingTotals {
  notDueFen: number;
  bucketsFen: number[];
  totalFen: number;
  overdueFen: number;
  prepaymentFen: number;
}

/** Aging of every customer as of a date in SQL: open parts by bucket, prepayment = balance − owed, the top page. */
function agingBaseline(core: Core) {
  const db = core.ctx.db;
  const open = db.prepare(
    `select r.customer_id as c, r.due_date as due,
       r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id and a.date <= @a), 0) as unpaid
     from receivables r where r.date <= @a and (r.settled_date is null or r.settled_date > @a)`,
  );
  const debits = db.prepare(`select customer_id as c, sum(amount_fen) as s from receivables where date <= @a group by customer_id`);
  const credits = db.prepare(`select customer_id as c, sum(amount_fen) as s from credits where date <= @a group by customer_id`);
  return (asOf: string) => {
    const rows = new Map<number, AgingTotals & { owed: number }>();
    const row = (c: number) => {
      let r = rows.get(c);
      if (!r)
        rows.set(
          c,
          (r = { notDueFen: 0, bucketsFen: EDGES.map(() => 0).concat(0), totalFen: 0, overdueFen: 0, prepaymentFen: 0, owed: 0 }),
        );
      return r;
    };
    const asOfDay = Date.parse(`${asOf}T00:00:00Z`) / 86_400_000;
    for (const o of open.iterate({ a: asOf }) as Iterable<{ c: number; due: string; unpaid: number }>) {
      if (o.unpaid === 0) continue;
      const r = row(o.c);
      r.owed += o.unpaid;
      const days = asOfDay - Date.parse(`${o.due}T00:00:00Z`) / 86_400_000;
      if (days <= 0) r.notDueFen += o.unpaid;
      else {
        const k = EDGES.findIndex((e) => days <= e);
        r.bucketsFen[k === -1 ? EDGES.length : k]! += o.unpaid;
        r.overdueFen += o.unpaid;
      }
    }
    const balance = new Map<number, number>();
    for (const d of debits.all({ a: asOf }) as Array<{ c: number; s: number }>) balance.set(d.c, d.s);
    for (const k of credits.all({ a: asOf }) as Array<{ c: number; s: number }>) balance.set(k.c, (balance.get(k.c) ?? 0) - k.s);
    for (const [c, b] of balance) {
      const r = rows.get(c);
      const prepayment = (r?.owed ?? 0) - b;
      if (prepayment !== 0) row(c).prepaymentFen = prepayment;
    }
    const totals: AgingTotals = { notDueFen: 0, bucketsFen: EDGES.map(() => 0).concat(0), totalFen: 0, overdueFen: 0, prepaymentFen: 0 };
    const list = [...rows.entries()].map(([key, r]) => {
      r.notDueFen -= r.prepaymentFen;
      r.totalFen = r.owed - r.prepaymentFen;
      totals.notDueFen += r.notDueFen;
      totals.totalFen += r.totalFen;
      totals.overdueFen += r.overdueFen;
      totals.prepaymentFen += r.prepaymentFen;
      r.bucketsFen.forEach((v, i) => (totals.bucketsFen[i]! += v));
      return { key, ...r };
    });
    list.sort((a, b) => b.totalFen - a.totalFen || a.key - b.key);
    return { total: list.length, totals, rows: list.slice(0, 50) };
  };
}

const agingPrint = (r: unknown) => {
  const a = r as { total: number; totals: AgingTotals };
  return `${a.total}:${a.totals.totalFen}:${a.totals.notDueFen}:${a.totals.bucketsFen.join('/')}:${a.totals.prepaymentFen}`;
};

export async function moneyOperations(core: Core, dbPath: string, options: { keep?: boolean } = {}): Promise<MoneyBench> {
  const db = core.ctx.db;
  const today = todayLocal(core.ctx);
  const missing: string[] = [];
  const operations: MoneyOperation[] = [];
  const hasLedger = (db.prepare('select count(*) as n from receivables').get() as { n: number }).n > 0;
  // a database made before the money existed: the rest of the bench still runs
  if (!hasLedger)
    return { operations, missing: ['数据库里没有应收账，请用新的演示数据 / no ledger rows: generate a new demo'], close: () => {} };

  // the busiest customer of the last year: the most documents in the ledger
  const busiest = db
    .prepare(
      `select customer_id as id, count(*) as n from (select customer_id from receivables where date > @d
         union all select customer_id from credits where date > @d) group by customer_id order by n desc, customer_id limit 1`,
    )
    .get({ d: addDays(today, -365) }) as { id: number; n: number };

  // --- receivables.aging, all customers, first page by balance ---
  const aging = agingBaseline(core);
  const twoYearsBack = addDays(today, -730);
  if (await registered(core, 'receivables.aging', { asOf: today, groupBy: 'customer', page: 1, pageSize: 1 })) {
    for (const [name, asOf, label] of [
      ['receivables.aging', today, '今天'],
      ['receivables.aging 2y', twoYearsBack, `两年前（${twoYearsBack}）`],
    ] as const)
      operations.push({
        name,
        detail: `全部客户账龄，截至${label}，按余额排第一页 50 行（含合计）`,
        budgetMs: AGING_BUDGET_MS,
        run: () => callAs(core, 'receivables.aging', { asOf, groupBy: 'customer', page: 1, pageSize: 50 }),
        baseline: () => aging(asOf),
        fingerprint: agingPrint,
      });
  } else missing.push('receivables.aging');

  // --- receivables.balance of the busiest customer ---
  const balanceSql = db.prepare(
    `select (select coalesce(sum(amount_fen), 0) from receivables where customer_id = @c and date <= @a)
              - (select coalesce(sum(amount_fen), 0) from credits where customer_id = @c and date <= @a) as balanceFen,
            (select coalesce(sum(r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id and a.date <= @a), 0)), 0)
               from receivables r where r.customer_id = @c and r.date <= @a and (r.settled_date is null or r.settled_date > @a)) as owedFen`,
  );
  if (await registered(core, 'receivables.balance', { customerId: busiest.id })) {
    operations.push({
      name: 'receivables.balance',
      detail: `最忙客户（近一年 ${busiest.n} 笔账）今天的余额、欠款与预收`,
      budgetMs: BALANCE_BUDGET_MS,
      run: () => callAs(core, 'receivables.balance', { customerId: busiest.id, asOf: today }),
      baseline: () => balanceSql.get({ c: busiest.id, a: today }),
      fingerprint: (r) => {
        const b = r as { balanceFen: number; owedFen: number };
        return `${b.balanceFen}:${b.owedFen}`;
      },
    });
  } else missing.push('receivables.balance');

  // --- statements.get: a year of the busiest customer ---
  const from = addDays(today, -364);
  const statementLines = db.prepare(
    `select date, doc_no, amount_fen as debit, 0 as credit from receivables where customer_id = @c and date between @f and @t
     union all select date, doc_no, 0, amount_fen from credits where customer_id = @c and date between @f and @t
     order by date`,
  );
  const statementOpen = db.prepare(
    `select r.due_date as due, r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id and a.date <= @t), 0) as unpaid
     from receivables r where r.customer_id = @c and r.date <= @t and (r.settled_date is null or r.settled_date > @t)`,
  );
  if (await registered(core, 'statements.get', { customerId: busiest.id, from: today, to: today })) {
    operations.push({
      name: 'statements.get',
      detail: `最忙客户一年的对账单（${from} 至 ${today}：期初、逐笔、余额、期末账龄）`,
      budgetMs: STATEMENT_BUDGET_MS,
      run: () => callAs(core, 'statements.get', { customerId: busiest.id, from, to: today }),
      baseline: () => {
        const opening = (balanceSql.get({ c: busiest.id, a: addDays(from, -1) }) as { balanceFen: number }).balanceFen;
        let balance = opening;
        const lines = (statementLines.all({ c: busiest.id, f: from, t: today }) as Array<{ debit: number; credit: number }>).map((l) => {
          // a collection's reversal is a negative credit: it shows as a debit
          const debit = l.credit < 0 ? -l.credit : l.debit;
          const credit = l.credit > 0 ? l.credit : 0;
          balance += debit - credit;
          return { ...l, debitFen: debit, creditFen: credit, balanceFen: balance };
        });
        const open = statementOpen.all({ c: busiest.id, t: today }) as Array<{ due: string; unpaid: number }>;
        const overdue = open.filter((o) => daysBetween(o.due, today) > 0).reduce((s, o) => s + o.unpaid, 0);
        return { openingFen: opening, lines, closingFen: balance, aging: { overdueFen: overdue } };
      },
      fingerprint: (r) => {
        const s = r as { openingFen: number; lines: unknown[]; closingFen: number; aging: { overdueFen: number } };
        return `${s.openingFen}:${s.lines.length}:${s.closingFen}:${s.aging.overdueFen}`;
      },
    });
  } else missing.push('statements.get');

  // ---------- postings, on a copy ----------
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-money-bench-'));
  let copy: Core | null = null;
  const close = () => {
    if (copy?.ctx.db.open) copy.close();
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const copyPath = path.join(dir, 'money.db');
    fs.copyFileSync(dbPath, copyPath);
    copy = createCore(copyPath);
    const w = copy;
    const wdb = w.ctx.db;
    const runsNeeded = 64; // warm-ups, the rows check and the timed runs, for each side (the bench's --runs is at most about 50)

    // --- orders.post: a 20-line draft for a customer without a credit limit, at list prices ---
    const buyer = wdb
      .prepare(
        `select c.id from customers c where c.archived = 0 and c.type in ('enterprise', 'retail') and c.credit_limit_fen = 0
           and exists (select 1 from receivables r where r.customer_id = c.id) order by c.id limit 1`,
      )
      .get() as { id: number } | undefined;
    const products = wdb
      .prepare(`select id, list_price_fen as price from products where active = 1 and list_price_fen > 0 order by id limit ?`)
      .all(ORDER_LINES) as Array<{ id: number; price: number }>;
    const canOrder =
      buyer !== undefined && (await registered(w, 'orders.save', {})) && (await registered(w, 'orders.post', { id: 1_000_000_000 }));
    if (!canOrder) missing.push('orders.save / orders.post');
    if (buyer && canOrder) {
      const draftInput = (k: number) => ({
        customerId: buyer.id,
        date: today,
        lines: products.map((p, i) => ({ productId: p.id, qty: 1 + ((k + i) % 7), unitPriceFen: p.price })),
      });
      const coreDrafts: number[] = [];
      const rawDrafts: number[] = [];
      for (let k = 0; k < runsNeeded; k++) {
        coreDrafts.push((await callAs<{ id: number }>(w, 'orders.save', draftInput(k))).id);
        rawDrafts.push((await callAs<{ id: number }>(w, 'orders.save', draftInput(k))).id);
      }
      const lines = wdb.prepare(
        `select l.id, l.qty_milli as qty, l.amount_fen as amount, p.cost_fen as cost from order_lines l join products p on p.id = l.product_id
         where l.order_id = ?`,
      );
      const setLineCost = wdb.prepare('update order_lines set unit_cost_fen = ?, cost_fen = ? where id = ?');
      const orderRow = wdb.prepare('select id, doc_no, customer_id, rep_id, dealer_id, date, due_date, total_fen from orders where id = ?');
      const postOrder = wdb.prepare(`update orders set cost_fen = ?, state = 'posted', posted_at = ?, posted_by_name = ? where id = ?`);
      const insertReceivable = wdb.prepare(
        `insert into receivables (customer_id, source_kind, source_id, doc_no, date, due_date, amount_fen, rep_id, dealer_id, created_at)
         values (?, 'order', ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const freeCredits = wdb.prepare(
        `select c.id, c.date, c.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.credit_id = c.id), 0) as free
         from credits c where c.customer_id = ? and c.amount_fen > 0 order by c.date, c.id`,
      );
      const balanceNow = wdb.prepare(
        `select (select coalesce(sum(amount_fen), 0) from receivables where customer_id = @c and date <= @a)
                 - (select coalesce(sum(amount_fen), 0) from credits where customer_id = @c and date <= @a) as b`,
      );
      const audit = wdb.prepare(
        "insert into audit_log (at, operator, action, entity, entity_id, before, after) values (?, 'bench经理', 'post', 'order', ?, null, ?)",
      );
      const postBaseline = () => {
        const id = rawDrafts.shift()!;
        return wdb.transaction(() => {
          const o = orderRow.get(id) as {
            id: number;
            doc_no: string;
            customer_id: number;
            rep_id: number | null;
            dealer_id: number | null;
            date: string;
            due_date: string;
            total_fen: number;
          };
          const credit = balanceNow.get({ c: o.customer_id, a: o.date }) as { b: number };
          let cost = 0;
          for (const l of lines.all(id) as Array<{ id: number; qty: number; cost: number }>) {
            const lineCost = Math.floor((l.qty * l.cost + 500) / 1000);
            cost += lineCost;
            setLineCost.run(l.cost, lineCost, l.id);
          }
          const at = new Date().toISOString();
          postOrder.run(cost, at, 'bench经理', id);
          insertReceivable.run(o.customer_id, id, o.doc_no, o.date, o.due_date, o.total_fen, o.rep_id, o.dealer_id, at);
          const free = (freeCredits.all(o.customer_id) as Array<{ free: number }>).filter((c) => c.free > 0);
          audit.run(at, id, JSON.stringify({ ...o, costFen: cost, balanceFen: credit.b, free: free.length }));
          return { state: 'posted' };
        })();
      };
      operations.push({
        name: 'orders.post',
        detail: `过账一张 ${ORDER_LINES} 行的销售单（冻结成本、信用检查、应收、用预收、审计；数据库副本）`,
        budgetMs: POST_ORDER_BUDGET_MS,
        run: () => callAs(w, 'orders.post', { id: coreDrafts.shift()! }),
        baseline: postBaseline,
        fingerprint: (r) => (r as { state: string }).state,
      });
    }

    // --- collections.save against 50 open items: a fresh customer with 50 open receivables for every run ---
    if (await registered(w, 'collections.save', {})) {
      const stamp = new Date().toISOString();
      const product = products[0]!;
      const rep = wdb.prepare('select id from reps where active = 1 order by id limit 1').get() as { id: number } | undefined;
      const insCustomer = wdb.prepare(
        `insert into customers (code, name, type, rep_id, grade, lifecycle, payment_term_days, created_at, updated_at)
         values (?, ?, 'retail', ?, 'B', 'repeat', 30, ?, ?)`,
      );
      const insOrder = wdb.prepare(
        `insert into orders (doc_no, customer_id, rep_id, date, settlement, due_date, subtotal_fen, total_fen, cost_fen, state, created_at, updated_at)
         values (?, ?, ?, ?, 'credit', ?, ?, ?, 0, 'draft', ?, ?)`,
      );
      const insLine = wdb.prepare(
        `insert into order_lines (order_id, seq, product_id, qty_milli, unit_price_fen, amount_fen) values (?, 1, ?, ?, ?, ?)`,
      );
      const post = wdb.prepare(`update orders set state = 'posted', posted_at = ? where id = ?`);
      const insReceivable = wdb.prepare(
        `insert into receivables (customer_id, source_kind, source_id, doc_no, date, due_date, amount_fen, rep_id, created_at)
         values (?, 'order', ?, ?, ?, ?, ?, ?, ?)`,
      );
      const customers: Array<{ id: number; owed: number }> = [];
      wdb.transaction(() => {
        for (let k = 0; k < 2 * runsNeeded; k++) {
          const id = Number(
            insCustomer.run(`BENCH${String(k).padStart(4, '0')}`, `回款基准客户${k}`, rep?.id ?? null, stamp, stamp).lastInsertRowid,
          );
          let owed = 0;
          for (let j = 0; j < OPEN_ITEMS; j++) {
            const date = addDays(today, -400 + j * 7);
            const qty = 1000 * (1 + (j % 9)); // the same 50 items for every customer: the same amount to collect
            const amount = Math.floor((qty * product.price + 500) / 1000);
            const docNo = `BENCH-${k}-${j}`;
            const orderId = Number(
              insOrder.run(docNo, id, rep?.id ?? null, date, addDays(date, 30), amount, amount, stamp, stamp).lastInsertRowid,
            );
            insLine.run(orderId, product.id, qty, product.price, amount);
            post.run(stamp, orderId);
            insReceivable.run(id, orderId, docNo, date, addDays(date, 30), amount, rep?.id ?? null, stamp);
            owed += amount;
          }
          customers.push({ id, owed });
        }
      })();
      const coreCustomers = customers.slice(0, runsNeeded);
      const rawCustomers = customers.slice(runsNeeded);
      const nextNo = wdb.prepare(
        `select max(cast(substr(doc_no, 13) as integer)) as n from collections where doc_no glob 'HK-' || ? || '-[0-9]*'`,
      );
      const insCollection = wdb.prepare(
        `insert into collections (doc_no, customer_id, rep_id, date, amount_fen, method, reference, created_by_name, created_at)
         values (?, ?, null, ?, ?, 'transfer', '', 'bench经理', ?)`,
      );
      const insCredit = wdb.prepare(
        `insert into credits (customer_id, source_kind, source_id, doc_no, date, amount_fen, created_at) values (?, 'collection', ?, ?, ?, ?, ?)`,
      );
      const openItems = wdb.prepare(
        `select r.id, r.date, r.amount_fen - coalesce((select sum(a.amount_fen) from allocations a where a.receivable_id = r.id), 0) as unpaid
         from receivables r where r.customer_id = ? and r.settled_date is null order by r.due_date, r.date, r.id`,
      );
      const insAllocation = wdb.prepare(
        'insert into allocations (credit_id, receivable_id, date, amount_fen, created_at) values (?, ?, ?, ?, ?)',
      );
      const settle = wdb.prepare('update receivables set settled_date = ? where id = ?');
      const audit = wdb.prepare(
        "insert into audit_log (at, operator, action, entity, entity_id, before, after) values (?, 'bench经理', 'create', 'collection', ?, null, ?)",
      );
      const collectBaseline = () => {
        const c = rawCustomers.shift()!;
        return wdb.transaction(() => {
          const day = today.replace(/-/g, '');
          const n = ((nextNo.get(day) as { n: number | null }).n ?? 0) + 1;
          const docNo = `HK-${day}-${String(n).padStart(3, '0')}`;
          const at = new Date().toISOString();
          const id = Number(insCollection.run(docNo, c.id, today, c.owed, at).lastInsertRowid);
          const creditId = Number(insCredit.run(c.id, id, docNo, today, c.owed, at).lastInsertRowid);
          let left = c.owed;
          for (const r of openItems.all(c.id) as Array<{ id: number; date: string; unpaid: number }>) {
            if (left === 0) break;
            const amount = Math.min(left, r.unpaid);
            insAllocation.run(creditId, r.id, r.date > today ? r.date : today, amount, at);
            if (amount === r.unpaid) settle.run(today, r.id);
            left -= amount;
          }
          audit.run(at, id, JSON.stringify({ docNo, customerId: c.id, amountFen: c.owed }));
          return { allocatedFen: c.owed - left };
        })();
      };
      operations.push({
        name: 'collections.save',
        detail: `一笔回款核销 ${OPEN_ITEMS} 笔未付应收（先到期先核销、结清日期、审计；数据库副本）`,
        budgetMs: COLLECTION_BUDGET_MS,
        run: () => {
          const c = coreCustomers.shift()!;
          return callAs(w, 'collections.save', { customerId: c.id, date: today, amountFen: c.owed, method: 'transfer' });
        },
        baseline: collectBaseline,
        // every run pays a customer's 50 items in full
        fingerprint: (r) => String((r as { allocatedFen: number }).allocatedFen),
      });
    } else missing.push('collections.save');
  } catch (err) {
    close();
    throw err;
  }
  return { operations, missing, close };
}
