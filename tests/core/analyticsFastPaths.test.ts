// The dashboards' fast read paths give exactly what the slower general ones give, on the small demo (prepayments,
// part-paid and later-settled receivables, reversals): the overview's balances from set-based sums against the aging's
// totals, a team's aging from one ledger against the sum of one aging per rep, and 过程分析's work figures against
// the evaluation's, and new / lost customers from the first-order summary and a windowed read against every order.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { generateDemo } from '../../electron/core/demo/generate';
import { DEMO_MANAGER } from '../../electron/core/demo/operators';
import { receivablesAt } from '../../electron/core/modules/analytics/overview';
import { agingWithin } from '../../electron/core/modules/analytics/receivables';
import { ledgerAt, receivablesAging } from '../../electron/core/modules/receivables/aging';
import { repActivityFigures, repFigures } from '../../electron/core/modules/evaluations/figures';
import { firstOrdersWithin, isLostOn, lastStandingOrders } from '../../electron/core/modules/analytics/customers';
import { addDays, lastDayOfMonth } from '../../shared/periods';
import { actAs, ok } from './helpers';

const NOW = new Date('2026-10-20T02:00:00.000Z');

describe('analytics fast paths on the small demo', () => {
  let dir: string;
  let core: Core;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-analytics-fast-'));
    const c = createCore(path.join(dir, 'small.db'), { now: () => NOW });
    generateDemo(c.ctx.db, { scale: 'small', seed: 99, now: NOW });
    core = actAs(c, DEMO_MANAGER);
    // prepayments: collections beyond what three customers owe, one of them reversed later
    const customers = core.ctx.db.prepare('select id from customers where archived = 0 order by id limit 3').pluck().all() as number[];
    for (const [i, customerId] of customers.entries()) {
      const date = ['2025-06-02', '2026-09-15', '2026-10-19'][i]!;
      const { id } = await ok(core, 'collections.save', { customerId, date, amountFen: 50_000_000, method: 'transfer' });
      if (i === 0) await ok(core, 'collections.reverse', { id, date: '2026-01-05', reason: '退回' });
    }
  }, 60_000);
  afterAll(() => {
    core?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ids = (sql: string) => core.ctx.db.prepare(sql).pluck().all() as number[];
  // month ends, mid-months and the days around today, in no order, one date twice
  const dates = () => {
    const out = ['2026-10-20', '2025-10-20', '2026-09-30', '2026-10-19', '2026-10-21', '2026-10-20'];
    for (let d = '2024-01-15'; d < '2026-10-20'; d = addDays(d, 97)) out.push(d);
    return out;
  };

  it('the ledger has prepayments and part-paid receivables (the cases the sums must get right)', () => {
    const ledger = ledgerAt(core.ctx, '2026-10-20');
    expect(ledger.prepayment.size).toBeGreaterThan(0);
    const partPaid = core.ctx.db
      .prepare(
        `select count(*) from receivables r where exists (select 1 from allocations a where a.receivable_id = r.id)
           and r.settled_date is null`,
      )
      .pluck()
      .get() as number;
    expect(partPaid).toBeGreaterThan(0);
  });

  it("the overview's balances without a filter and within each region equal the aging's totals on every date", () => {
    const days = dates();
    const regions = [
      undefined,
      ...ids('select id from regions where parent_id is null order by id'),
      ...ids('select id from regions where parent_id is not null order by id limit 3'),
    ];
    for (const regionId of regions) {
      const fast = receivablesAt(core.ctx, days, regionId === undefined ? undefined : { regionId });
      days.forEach((asOf, i) => {
        const { totals } = receivablesAging(core.ctx, { asOf, groupBy: 'customer', regionId, page: 1, pageSize: 1 });
        expect(fast[i], `${asOf} region ${regionId}`).toEqual({ totalFen: totals.totalFen, overdueFen: totals.overdueFen });
      });
    }
    // something to compare: the company has receivables and overdue on the later dates
    const [today] = receivablesAt(core.ctx, ['2026-10-20'], undefined);
    expect(today!.totalFen).toBeGreaterThan(0);
    expect(today!.overdueFen).toBeGreaterThan(0);
  });

  it("a team's aging from one ledger equals the sum of one aging per rep of the team, by region, rep and customer", () => {
    for (const teamId of ids('select id from teams order by id')) {
      const reps = ids(`select id from reps where team_id = ${teamId}`);
      for (const asOf of ['2026-10-20', '2026-06-30']) {
        const ledger = ledgerAt(core.ctx, asOf);
        for (const groupBy of ['region', 'rep', 'customer'] as const) {
          const fast = agingWithin(core.ctx, ledger, groupBy, { teamId });
          const sum = new Map<number, number[]>();
          for (const repId of reps)
            for (const r of receivablesAging(core.ctx, { asOf, groupBy, repId }).rows) {
              const acc = sum.get(r.key) ?? [0, 0, 0, ...r.bucketsFen.map(() => 0)];
              [r.totalFen, r.overdueFen, r.notDueFen, ...r.bucketsFen].forEach((v, k) => (acc[k]! += v));
              sum.set(r.key, acc);
            }
          const expected = [...sum].filter(([, v]) => v.some((x) => x !== 0)).sort(([a], [b]) => a - b);
          const got = fast.rows.map((r) => [r.key, [r.totalFen, r.overdueFen, r.notDueFen, ...r.bucketsFen]] as const);
          expect(
            [...got].sort(([a], [b]) => a - b),
            `team ${teamId} ${asOf} ${groupBy}`,
          ).toEqual(expected);
          expect(fast.totals.totalFen).toBe(expected.reduce((s, [, v]) => s + v[0]!, 0));
        }
      }
    }
  });

  it("过程分析's work figures equal the evaluation's for a month, a quarter and the running month", () => {
    const reps = ids('select id from reps order by id');
    for (const [from, to] of [
      ['2026-09-01', '2026-09-30'],
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-10-31'],
    ] as const) {
      const full = repFigures(core.ctx, reps, { from, to, lostCustomerDays: 60 });
      const work = repActivityFigures(core.ctx, reps, { from, to });
      let visits = 0;
      for (const id of reps) {
        const f = full.get(id)!;
        const w = work.get(id)!;
        for (const k of Object.keys(w) as Array<keyof typeof w>) expect(w[k], `${from} rep ${id} ${k}`).toBe(f[k]);
        visits += w.visits;
      }
      expect(visits, `${from} visits`).toBeGreaterThan(0);
    }
  });

  it('new and lost customers per month equal what every standing order of each customer gives', () => {
    const months = [
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ];
    const ends = months.map((m) => lastDayOfMonth(Number(m.slice(0, 4)), Number(m.slice(5))));
    const to = ends.at(-1)!;
    // standing as of `to`: posted originals, and originals reversed only after it (every order, no summary)
    const orders = core.ctx.db
      .prepare(
        `select o.customer_id as c, o.date as d from orders o
         where o.date <= ? and o.reversal_of_id is null
           and (o.state = 'posted' or (o.state = 'reversed' and (select rv.date from orders rv where rv.id = o.reversed_by_id) > ?))`,
      )
      .all(to, to) as Array<{ c: number; d: string }>;
    const reversed = core.ctx.db.prepare("select count(*) from orders where state = 'reversed'").pluck().get() as number;
    expect(reversed).toBeGreaterThan(0);
    const first = new Map<number, string>();
    for (const o of orders) if (!first.has(o.c) || o.d < first.get(o.c)!) first.set(o.c, o.d);
    const fast = firstOrdersWithin(core.ctx, `${months[0]}-01`, to);
    expect(fast).toEqual(new Map([...first].filter(([, d]) => d >= `${months[0]}-01`)));
    const lasts = lastStandingOrders(core.ctx, ends);
    let lost = 0;
    for (const [c] of first)
      ends.forEach((end, i) => {
        const last = orders.filter((o) => o.c === c && o.d <= end).reduce<string | null>((m, o) => (m === null || o.d > m ? o.d : m), null);
        const expected = isLostOn(last, end, 60);
        expect(isLostOn(lasts.get(c)?.[i] ?? null, end, 60), `customer ${c} ${end}`).toBe(expected);
        if (expected) lost++;
      });
    expect(lost).toBeGreaterThan(0);
  });
});
