// 客户分析 analytics.customers on a small hand-built dataset: every figure below is worked out by hand in the comments
// (period 2025-10-01 … 2025-11-30, lost after 90 days), then one more order moves exactly the figures it should.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { actualsByUnit } from '../../electron/core/modules/targets/actuals';
import { fail, makeCore, ok, steppingClock, type TestCore } from './helpers';

let core: TestCore;
const ids = { rep: {} as Record<string, number>, c: {} as Record<string, number>, region: {} as Record<string, number>, teamA: 0 };
const period = { from: '2025-10-01', to: '2025-11-30' };

let docNo = 0;
function order(customer: string, date: string, total: number, cost: number, state: 'posted' | 'draft' = 'posted', reversalOf?: number) {
  const at = '2025-12-01T00:00:00.000Z';
  const repId = (core.ctx.db.prepare('select rep_id from customers where id = ?').pluck().get(ids.c[customer]) as number | null) ?? null;
  return Number(
    core.ctx.db
      .prepare(
        `insert into orders (doc_no, customer_id, rep_id, date, due_date, subtotal_fen, total_fen, cost_fen, state, reversal_of_id, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(`XS-${++docNo}`, ids.c[customer], repId, date, date, total, total, cost, state, reversalOf ?? null, at, at).lastInsertRowid,
  );
}

function reverse(id: number, customer: string, date: string) {
  const o = core.ctx.db.prepare('select total_fen as t, cost_fen as k from orders where id = ?').get(id) as { t: number; k: number };
  const rid = order(customer, date, -o.t, -o.k, 'posted', id);
  core.ctx.db.prepare("update orders set state = 'reversed', reversed_by_id = ? where id = ?").run(rid, id);
}

function report(rep: string, date: string, state: 'draft' | 'submitted' | 'signed', lines: Array<{ customer: string; done?: 0 | 1 }>) {
  const db = core.ctx.db;
  const at = '2025-12-01T00:00:00.000Z';
  const id = Number(
    db
      .prepare(
        `insert into daily_reports (rep_id, date, attendance, state, submitted_at, created_at, updated_at) values (?, ?, 'present', 'draft', ?, ?, ?)`,
      )
      .run(ids.rep[rep], date, at, at, at).lastInsertRowid,
  );
  lines.forEach((l, i) =>
    db
      .prepare('insert into daily_report_lines (report_id, seq, customer_id, done) values (?, ?, ?, ?)')
      .run(id, i + 1, ids.c[l.customer], l.done ?? 1),
  );
  if (state !== 'draft') db.prepare('update daily_reports set state = ? where id = ?').run(state, id);
}

beforeEach(async () => {
  core = makeCore(':memory:', { now: steppingClock('2026-01-10T04:00:00.000Z') });
  const r = ids.region;
  r.east = (await ok(core, 'regions.save', { name: '华东', code: 'HD' })).id;
  r.jiangsu = (await ok(core, 'regions.save', { name: '江苏省', parentId: r.east })).id;
  r.nanjing = (await ok(core, 'regions.save', { name: '南京市', parentId: r.jiangsu })).id;
  r.gulou = (await ok(core, 'regions.save', { name: '鼓楼片区', parentId: r.nanjing })).id;
  r.north = (await ok(core, 'regions.save', { name: '华北', code: 'HB' })).id;
  r.beijing = (await ok(core, 'regions.save', { name: '北京市', parentId: r.north })).id;
  ids.teamA = (await ok(core, 'teams.save', { name: '一组' })).id;
  const teamB = (await ok(core, 'teams.save', { name: '二组' })).id;
  ids.rep.wang = (await ok(core, 'reps.save', { name: '王强', code: 'R01', teamId: ids.teamA })).id;
  ids.rep.li = (await ok(core, 'reps.save', { name: '李娜', code: 'R02', teamId: ids.teamA })).id;
  ids.rep.zhao = (await ok(core, 'reps.save', { name: '赵磊', code: 'R03', teamId: teamB })).id;
  const customer = async (key: string, input: Record<string, unknown>) => {
    ids.c[key] = (await ok(core, 'customers.save', { name: `客户${key}`, code: key.toUpperCase(), ...input } as never)).id;
  };
  await customer('c1', {
    grade: 'A',
    lifecycle: 'loyal',
    type: 'wholesale',
    industry: '餐饮',
    scale: 'large',
    regionId: r.gulou,
    repId: ids.rep.li,
  });
  await customer('c2', {
    grade: 'B',
    lifecycle: 'repeat',
    type: 'retail',
    industry: '餐饮',
    scale: 'small',
    regionId: r.nanjing,
    repId: ids.rep.li,
  });
  await customer('c3', { grade: 'C', lifecycle: 'first', type: 'terminal', regionId: r.beijing, repId: ids.rep.zhao });
  await customer('c4', { grade: 'A', lifecycle: 'prospect', type: 'enterprise', repId: ids.rep.li });
  await customer('c5', { grade: 'D', lifecycle: 'lost', type: 'other', regionId: r.east });
  await customer('c6', { grade: 'B', lifecycle: 'repeat', type: 'retail', regionId: r.gulou, repId: ids.rep.wang });
  await customer('c7', { grade: 'C', lifecycle: 'first', type: 'terminal', regionId: r.jiangsu, repId: ids.rep.wang });
  await customer('c8', { grade: 'A', lifecycle: 'loyal', type: 'terminal', regionId: r.gulou, repId: ids.rep.li });
  await ok(core, 'customers.archive', { id: ids.c.c8! });

  order('c1', '2024-11-15', 2_500, 1_000); // last year's same dates
  order('c1', '2025-05-10', 1_000, 500);
  order('c1', '2025-10-05', 5_000, 3_000);
  order('c2', '2025-07-15', 2_000, 1_000); // lost at 10-31 (07-15 ≤ 08-02) and at 11-30
  order('c3', '2025-10-20', 3_000, 1_000); // new in October
  reverse(order('c3', '2025-11-03', 700, 300), 'c3', '2025-11-05'); // reversed: never stands, nets to 0
  order('c5', '2024-08-01', 500, 100); // over 12 months: not lost
  order('c6', '2025-08-20', 4_000, 2_000); // lost at 11-30 (≤ 09-01), not at 10-31 (> 08-02)
  order('c7', '2025-09-01', 999, 0, 'draft'); // a draft is no order
  order('c7', '2025-11-11', 6_000, 4_000); // new in November
  order('c8', '2025-10-10', 99_000, 0); // archived: not in any figure

  report('li', '2025-11-20', 'signed', [{ customer: 'c1' }]);
  report('li', '2025-10-15', 'submitted', [{ customer: 'c2' }]);
  report('wang', '2025-11-25', 'draft', [{ customer: 'c6' }]); // a draft is not a visit
  report('wang', '2025-11-26', 'signed', [{ customer: 'c6', done: 0 }]); // not done
});

const customers = (filters?: Record<string, unknown>) => ok(core, 'analytics.customers', { period, ...(filters ? { filters } : {}) });
type Out = Output<'analytics.customers'>;
const seg = (rows: Out['segments']['industry'], key: string) => rows.find((r) => r.key === key);

describe('analytics.customers', () => {
  it('distributions, new vs lost, top customers, not visited, segments and rep coverage', async () => {
    const out = await customers();
    expect(out.periods.lastYear).toEqual({ from: '2024-10-01', to: '2024-11-30' });
    expect(out.grades).toEqual([
      { grade: 'A', customers: 2 }, // c1 c4 (c8 archived)
      { grade: 'B', customers: 2 },
      { grade: 'C', customers: 2 },
      { grade: 'D', customers: 1 },
    ]);
    expect(out.lifecycles).toEqual([
      { lifecycle: 'prospect', customers: 1 },
      { lifecycle: 'first', customers: 2 },
      { lifecycle: 'repeat', customers: 2 },
      { lifecycle: 'loyal', customers: 1 },
      { lifecycle: 'lost', customers: 1 },
    ]);
    expect(out.lostCustomerDays).toBe(90);
    expect(out.newVsLost).toEqual([
      { month: '2025-10', newCustomers: 1, lostCustomers: 1 }, // c3 new; c2 lost
      { month: '2025-11', newCustomers: 1, lostCustomers: 2 }, // c7 new; c2 c6 lost
    ]);
    // the same new customers as 目标达成 counts them (there the archived c8 too: it is left out of the active customers here)
    const newOf = (from: string, to: string) =>
      [...actualsByUnit(core.ctx, { metric: 'newCustomers', level: 'customer', from, to }).keys()].map(Number).sort((a, b) => a - b);
    expect(newOf('2025-10-01', '2025-10-31')).toEqual([ids.c.c3, ids.c.c8]);
    expect(newOf('2025-11-01', '2025-11-30')).toEqual([ids.c.c7]);

    // sales 10-01…11-30: c7 6000, c1 5000, c3 3000 (+700 −700): total 14000
    expect(out.topCustomers.map((r) => [r.rank, r.customerCode, r.salesFen, r.grossProfitFen, r.shareBp, r.lastYearFen, r.yoyBp])).toEqual([
      [1, 'C7', 6_000, 2_000, 4_286, 0, null],
      [2, 'C1', 5_000, 2_000, 3_571, 2_500, 10_000],
      [3, 'C3', 3_000, 2_000, 2_143, 0, null],
    ]);
    // A/B without a completed visit in the 30 days to 11-30 (after 10-31): c4 and c6 never, c2 last on 10-15
    expect(out.notVisited.total).toBe(3);
    expect(out.notVisited.rows.map((r) => [r.customerCode, r.lastVisitDate, r.daysSinceVisit])).toEqual([
      ['C4', null, null],
      ['C6', null, null],
      ['C2', '2025-10-15', 46],
    ]);

    const { customerType, industry, scale, region } = out.segments;
    expect(customerType.slice(0, 3)).toEqual([
      { key: 'terminal', name: '终端', customers: 2, salesFen: 9_000, lastYearFen: 0, yoyBp: null },
      { key: 'wholesale', name: '批发商', customers: 1, salesFen: 5_000, lastYearFen: 2_500, yoyBp: 10_000 },
      { key: 'retail', name: '零售店', customers: 2, salesFen: 0, lastYearFen: 0, yoyBp: null },
    ]);
    expect(industry).toEqual([
      { key: '餐饮', name: '餐饮', customers: 2, salesFen: 5_000, lastYearFen: 2_500, yoyBp: 10_000 },
      { key: '', name: '未填行业', customers: 5, salesFen: 9_000, lastYearFen: 0, yoyBp: null },
    ]);
    expect(seg(scale, 'large')).toMatchObject({ customers: 1, salesFen: 5_000 });
    expect(seg(scale, '')).toMatchObject({ customers: 5, salesFen: 9_000 });
    expect(region).toEqual([
      { key: String(ids.region.east), name: '华东', customers: 5, salesFen: 11_000, lastYearFen: 2_500, yoyBp: 34_000 },
      { key: String(ids.region.north), name: '华北', customers: 1, salesFen: 3_000, lastYearFen: 0, yoyBp: null },
      { key: '', name: '未设区域', customers: 1, salesFen: 0, lastYearFen: 0, yoyBp: null },
    ]);

    // 12 months to 11-30 (from 2024-12-01) by the order's rep, as the books count (the archived c8's order too):
    // 李娜 1000 + 5000 + 2000 + 99000; 王强 4000 + 6000; 赵磊 3000
    expect(out.repCoverage).toEqual([
      { repId: ids.rep.wang, repName: '王强', teamName: '一组', customers: 2, abCustomers: 1, prospects: 0, last12MonthsSalesFen: 10_000 },
      { repId: ids.rep.li, repName: '李娜', teamName: '一组', customers: 3, abCustomers: 3, prospects: 1, last12MonthsSalesFen: 107_000 },
      { repId: ids.rep.zhao, repName: '赵磊', teamName: '二组', customers: 1, abCustomers: 0, prospects: 0, last12MonthsSalesFen: 3_000 },
    ]);
  });

  it('a region filter narrows to its customers and shows its sub-regions', async () => {
    const out = await customers({ regionId: ids.region.east });
    expect(out.grades.map((g) => g.customers)).toEqual([1, 2, 1, 1]); // c1 | c2 c6 | c7 | c5
    expect(out.topCustomers.map((r) => r.customerCode)).toEqual(['C7', 'C1']);
    expect(out.segments.region).toEqual([
      { key: String(ids.region.jiangsu), name: '江苏省', customers: 4, salesFen: 11_000, lastYearFen: 2_500, yoyBp: 34_000 },
      { key: String(ids.region.east), name: '华东', customers: 1, salesFen: 0, lastYearFen: 0, yoyBp: null },
    ]);
    expect(out.newVsLost.map((m) => [m.newCustomers, m.lostCustomers])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    const team = await customers({ teamId: ids.teamA });
    expect(team.grades.map((g) => g.customers)).toEqual([2, 2, 1, 0]); // 李娜's and 王强's customers
    expect(team.repCoverage.map((r) => r.repName)).toEqual(['王强', '李娜']);
  });

  it('one more order moves every figure that depends on it by exactly its amount', async () => {
    const before = await customers();
    order('c2', '2025-11-28', 1_234, 234);
    const after = await customers();
    expect(after.topCustomers.find((r) => r.customerCode === 'C2')).toMatchObject({ rank: 4, salesFen: 1_234, grossProfitFen: 1_000 });
    expect(seg(after.segments.customerType, 'retail')!.salesFen - seg(before.segments.customerType, 'retail')!.salesFen).toBe(1_234);
    expect(seg(after.segments.industry, '餐饮')!.salesFen - seg(before.segments.industry, '餐饮')!.salesFen).toBe(1_234);
    expect(
      seg(after.segments.region, String(ids.region.east))!.salesFen - seg(before.segments.region, String(ids.region.east))!.salesFen,
    ).toBe(1_234);
    const li = (o: Out) => o.repCoverage.find((r) => r.repName === '李娜')!.last12MonthsSalesFen;
    expect(li(after) - li(before)).toBe(1_234);
    // c2 is no longer lost at the end of November
    expect(after.newVsLost[1]).toEqual({ month: '2025-11', newCustomers: 1, lostCustomers: 1 });
    expect(after.newVsLost[0]).toEqual(before.newVsLost[0]);
  });

  it('a period still running is counted to today (the office clock: 2026-01-10), a month not begun is empty', async () => {
    const out = await ok(core, 'analytics.customers', { period: { from: '2025-12-01', to: '2026-02-28' } });
    // lost at 12-31 (last order ≤ 10-02): c2 c6; at 01-10 (≤ 10-12): c1 (10-05) too — not c3 (10-20), as 01-31 would
    expect(out.newVsLost).toEqual([
      { month: '2025-12', newCustomers: 0, lostCustomers: 2 },
      { month: '2026-01', newCustomers: 0, lostCustomers: 3 },
      { month: '2026-02', newCustomers: 0, lostCustomers: 0 },
    ]);
    expect(out.notVisited.rows.find((r) => r.customerCode === 'C2')!.daysSinceVisit).toBe(87); // 10-15 → 01-10
  });

  it('refuses a filter naming a record that does not exist', async () => {
    const e = await fail(core, 'analytics.customers', { period, filters: { regionId: 999 } });
    expect(e.field).toBe('filters.regionId');
  });
});
