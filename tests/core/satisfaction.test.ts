// 客户满意度: scores after a closed complaint (once each), at a visit or in a survey; every refusal names its field and
// leaves the database unchanged; the list's average and the summary by region and rep computed by hand.
import { beforeEach, describe, expect, it } from 'vitest';
import { addOperator, asOperator, digest, fail, makeCore, ok, seed, type Seeded, type TestCore } from './helpers';

let core: TestCore;
let s: Seeded;
let complaint: number;

/** A signed daily report of the rep on the day with one visit line per customer; the lines' ids. */
function visitLines(repId: number, day: string, customerIds: number[]): number[] {
  const db = core.ctx.db;
  const at = '2025-02-01T00:00:00.000Z';
  const report = Number(
    db
      .prepare(`insert into daily_reports (rep_id, date, state, submitted_at, created_at, updated_at) values (?, ?, 'draft', ?, ?, ?)`)
      .run(repId, day, at, at, at).lastInsertRowid,
  );
  return customerIds.map((c, i) =>
    Number(
      db.prepare('insert into daily_report_lines (report_id, seq, customer_id, done) values (?, ?, ?, 1)').run(report, i + 1, c)
        .lastInsertRowid,
    ),
  );
}

beforeEach(async () => {
  core = makeCore(); // today is 2025-03-01
  s = await seed(core);
  complaint = (await ok(core, 'complaints.save', { customerId: s.customers.c2.id, receivedDate: '2025-02-10', content: '包装破损' })).id;
});

describe('satisfaction.save', () => {
  it('records a survey score with the customer’s rep, today by default', async () => {
    const row = await ok(core, 'satisfaction.save', { customerId: s.customers.c3.id, score: 4, source: 'survey', comment: '  送货及时 ' });
    expect(row).toMatchObject({
      customerName: '张记烟酒行',
      score: 4,
      comment: '送货及时',
      source: 'survey',
      repId: s.reps.li.id,
      repName: '李娜',
      scoredOn: '2025-03-01',
      operatorName: '测试经理',
      complaintId: null,
    });
    const audit = await ok(core, 'audit.list', { entity: 'satisfactionScore', entityId: row.id });
    expect(audit.rows[0]).toMatchObject({ action: 'create' });
  });

  it('after a complaint only once it is handled, not before its handling date, and once per complaint', async () => {
    const c2 = s.customers.c2.id;
    const before = digest(core.ctx.db);
    const open = await fail(core, 'satisfaction.save', { customerId: c2, score: 5, source: 'complaint', complaintId: complaint });
    expect(open).toMatchObject({ code: 'CONFLICT', field: 'complaintId' });
    expect(open.message).toContain('尚未处理');
    expect(digest(core.ctx.db)).toBe(before);
    await ok(core, 'complaints.handle', { id: complaint, handler: '王强', response: '已换货', handledDate: '2025-02-12' });
    const early = await fail(core, 'satisfaction.save', {
      customerId: c2,
      score: 5,
      source: 'complaint',
      complaintId: complaint,
      scoredOn: '2025-02-11',
    });
    expect(early).toMatchObject({ code: 'VALIDATION', field: 'scoredOn' });
    const row = await ok(core, 'satisfaction.save', {
      customerId: c2,
      score: 2,
      source: 'complaint',
      complaintId: complaint,
      scoredOn: '2025-02-12',
    });
    expect(row).toMatchObject({ complaintId: complaint, complaintCode: expect.any(String), scoredOn: '2025-02-12' });
    const again = await fail(core, 'satisfaction.save', { customerId: c2, score: 5, source: 'complaint', complaintId: complaint });
    expect(again).toMatchObject({ code: 'CONFLICT', field: 'complaintId' });
    expect(again.message).toContain('已于 2025-02-12 评过分');
  });

  it('at a visit: the line must be a visit to this customer; the rep is the report’s', async () => {
    const [lineC2, lineC3] = visitLines(s.reps.boss.id, '2025-02-20', [s.customers.c2.id, s.customers.c3.id]);
    const row = await ok(core, 'satisfaction.save', {
      customerId: s.customers.c2.id,
      score: 5,
      source: 'visit',
      dailyReportLineId: lineC2,
    });
    expect(row).toMatchObject({ repName: '王强', reportDate: '2025-02-20', dailyReportLineId: lineC2 });
    const before = digest(core.ctx.db);
    expect(
      await fail(core, 'satisfaction.save', { customerId: s.customers.c2.id, score: 5, source: 'visit', dailyReportLineId: lineC3 }),
    ).toMatchObject({ code: 'VALIDATION', field: 'dailyReportLineId' });
    expect(
      await fail(core, 'satisfaction.save', {
        customerId: s.customers.c2.id,
        score: 5,
        source: 'visit',
        dailyReportLineId: lineC2,
        scoredOn: '2025-02-19',
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'scoredOn' });
    expect(
      await fail(core, 'satisfaction.save', { customerId: s.customers.c2.id, score: 5, source: 'survey', dailyReportLineId: lineC2 }),
    ).toMatchObject({ code: 'VALIDATION', field: 'source' });
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('refuses bad input with the field named and nothing written', async () => {
    const c3 = s.customers.c3.id;
    const before = digest(core.ctx.db);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ customerId: c3, score: 0, source: 'survey' }, 'score'],
      [{ customerId: c3, score: 6, source: 'survey' }, 'score'],
      [{ customerId: c3, score: 3.5, source: 'survey' }, 'score'],
      [{ customerId: c3, score: 3, source: 'phone' }, 'source'],
      [{ customerId: c3, score: 3, source: 'survey', scoredOn: '2025-03-02' }, 'scoredOn'],
      [{ customerId: c3, score: 3, source: 'survey', scoredOn: '2025-02-30' }, 'scoredOn'],
      [{ customerId: 99_999, score: 3, source: 'survey' }, 'customerId'],
      [{ customerId: c3, score: 3, source: 'complaint' }, 'complaintId'],
      [{ customerId: c3, score: 3, source: 'complaint', complaintId: complaint }, 'complaintId'], // c2's complaint
      [{ customerId: c3, score: 3, source: 'survey', complaintId: complaint }, 'source'],
      [{ customerId: c3, score: 3, source: 'survey', extra: 1 }, 'extra'],
    ];
    for (const [input, field] of cases) {
      const err = await fail(core, 'satisfaction.save', input);
      expect(err.field, JSON.stringify(input)).toBe(field);
      expect(err.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(digest(core.ctx.db)).toBe(before);
    // a viewer role cannot enter scores
    addOperator(core, { name: '管理员', role: 'admin', password: 'admin-pw' });
    const admin = await asOperator(core, '管理员', 'admin-pw');
    expect(await fail(admin, 'satisfaction.save', { customerId: c3, score: 3, source: 'survey' })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('satisfaction.list and summary', () => {
  beforeEach(async () => {
    const { c1, c2, c3 } = s.customers;
    // c1 北京 (赵磊): 5, 4; c2 鼓楼 (李娜): 1; c3 南京 (李娜): 3 on 01-15, 4
    for (const [customerId, score, scoredOn] of [
      [c1.id, 5, '2025-02-01'],
      [c1.id, 4, '2025-02-10'],
      [c2.id, 1, '2025-02-15'],
      [c3.id, 3, '2025-01-15'],
      [c3.id, 4, '2025-02-20'],
    ] as const)
      await ok(core, 'satisfaction.save', { customerId, score, source: 'survey', scoredOn });
  });

  it('lists newest first with the average of every matching score (not just the page)', async () => {
    const all = await ok(core, 'satisfaction.list', { pageSize: 2 });
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.scoredOn)).toEqual(['2025-02-20', '2025-02-15']);
    expect(all.average).toBe(3.4); // 17 / 5
    expect(all.lowCount).toBe(1);
    const c1 = await ok(core, 'satisfaction.list', { customerId: s.customers.c1.id });
    expect(c1.average).toBe(4.5);
    const nanjing = await ok(core, 'satisfaction.list', { regionId: s.regions.nanjing.id, from: '2025-02-01' });
    expect([nanjing.total, nanjing.average]).toEqual([2, 2.5]); // 1 and 4 (c3's 01-15 is before)
    const li = await ok(core, 'satisfaction.list', { repId: s.reps.li.id });
    expect([li.total, li.average]).toEqual([3, 2.67]); // 8 / 3
    const none = await ok(core, 'satisfaction.list', { customerId: s.customers.c4.id });
    expect([none.total, none.average, none.lowCount]).toEqual([0, null, 0]);
  });

  it('summarises by top region (or one level below the region asked for) and by rep, lowest average first', async () => {
    const sum = await ok(core, 'satisfaction.summary', { from: '2025-01-01', to: '2025-02-28' });
    expect([sum.count, sum.average, sum.lowCount]).toEqual([5, 3.4, 1]);
    expect(sum.byRegion.map((g) => [g.name, g.count, g.average, g.lowCount])).toEqual([
      ['华东', 3, 2.67, 1],
      ['华北', 2, 4.5, 0],
    ]);
    expect(sum.byRep.map((g) => [g.name, g.count, g.average])).toEqual([
      ['李娜', 3, 2.67],
      ['赵磊', 2, 4.5],
    ]);
    const jiangsu = await ok(core, 'satisfaction.summary', { from: '2025-02-01', to: '2025-02-28', regionId: s.regions.jiangsu.id });
    expect(jiangsu.byRegion.map((g) => [g.name, g.count, g.average])).toEqual([['南京市', 2, 2.5]]);
    expect(await fail(core, 'satisfaction.summary', { from: '2025-02-28', to: '2025-02-01' })).toMatchObject({ field: 'to' });
  });
});
