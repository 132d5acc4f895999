// 周计划 / 月度总结 in the core: one record per rep and period, save creates or replaces, lists page, sort and filter;
// refusals (not a Monday, bad month, inactive rep, unknown rep) leave the database unchanged.
import { beforeEach, describe, expect, it } from 'vitest';
import { digest, fail, makeCore, ok, seed, type Seeded, type TestCore } from './helpers';

let core: TestCore;
let s: Seeded;
beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
});

describe('weekly plans', () => {
  it('get is null before the first save, save creates then replaces, audit entries', async () => {
    expect(await ok(core, 'weeklyPlans.get', { repId: s.reps.li.id, weekStart: '2025-03-03' })).toBeNull();
    const a = await ok(core, 'weeklyPlans.save', {
      repId: s.reps.li.id,
      weekStart: '2025-03-03',
      review: '上周完成 12 家',
      goals: '新开 3 家',
    });
    expect(a).toMatchObject({
      repName: '李娜',
      teamName: '一组',
      weekStart: '2025-03-03',
      review: '上周完成 12 家',
      goals: '新开 3 家',
      actions: '',
      keyPoints: '',
    });
    const b = await ok(core, 'weeklyPlans.save', { repId: s.reps.li.id, weekStart: '2025-03-03', keyPoints: '回款' });
    expect(b.id).toBe(a.id);
    expect(b).toMatchObject({ review: '', keyPoints: '回款' });
    expect(await ok(core, 'weeklyPlans.get', { repId: s.reps.li.id, weekStart: '2025-03-03' })).toEqual(b);
    const log = core.ctx.db.prepare("select action from audit_log where entity = 'weeklyPlan' order by id").pluck().all();
    expect(log).toEqual(['create', 'update']);
  });

  it('lists with paging, filters and sort', async () => {
    await ok(core, 'weeklyPlans.save', { repId: s.reps.li.id, weekStart: '2025-03-03', goals: 'a' });
    await ok(core, 'weeklyPlans.save', { repId: s.reps.li.id, weekStart: '2025-03-10', goals: 'b' });
    await ok(core, 'weeklyPlans.save', { repId: s.reps.boss.id, weekStart: '2025-03-10', goals: '拜访重点客户' });
    const all = await ok(core, 'weeklyPlans.list', { page: 1, pageSize: 2 });
    expect(all.total).toBe(3);
    expect(all.rows).toHaveLength(2);
    expect(all.rows[0]!.weekStart).toBe('2025-03-10');
    const li = await ok(core, 'weeklyPlans.list', {
      page: 1,
      pageSize: 50,
      repId: s.reps.li.id,
      sort: { field: 'weekStart', order: 'asc' },
    });
    expect(li.rows.map((r) => r.goals)).toEqual(['a', 'b']);
    const range = await ok(core, 'weeklyPlans.list', { page: 1, pageSize: 50, from: '2025-03-04', to: '2025-03-31' });
    expect(range.total).toBe(2);
    const search = await ok(core, 'weeklyPlans.list', { page: 1, pageSize: 50, search: '重点客户' });
    expect(search.rows.map((r) => r.repName)).toEqual(['王强']);
  });

  it('refuses a weekStart that is not a Monday, an inactive or unknown rep, unknown fields; DB unchanged', async () => {
    await ok(core, 'weeklyPlans.save', { repId: s.reps.li.id, weekStart: '2025-03-03', goals: 'a' });
    const before = digest(core.ctx.db);
    const tue = await fail(core, 'weeklyPlans.save', { repId: s.reps.li.id, weekStart: '2025-03-04' });
    expect(tue.message).toContain('周开始日期');
    expect(tue.message).toContain('星期一');
    expect((await fail(core, 'weeklyPlans.get', { repId: s.reps.li.id, weekStart: '2025-03-09' })).message).toContain('星期一');
    expect((await fail(core, 'weeklyPlans.save', { repId: s.reps.li.id, weekStart: '2025-02-30' })).message).toContain('周开始日期');
    const inactive = await fail(core, 'weeklyPlans.save', { repId: s.reps.zhao.id, weekStart: '2025-03-03' });
    expect(inactive.message).toContain('已停用');
    expect((await fail(core, 'weeklyPlans.save', { repId: 9999, weekStart: '2025-03-03' })).code).toBe('REFERENCE');
    expect((await fail(core, 'weeklyPlans.save', { repId: s.reps.li.id, weekStart: '2025-03-03', extra: 1 })).code).toBe('VALIDATION');
    expect(
      (await fail(core, 'weeklyPlans.save', { repId: s.reps.li.id, weekStart: '2025-03-03', goals: 'x'.repeat(4001) })).message,
    ).toContain('目标');
    expect(digest(core.ctx.db)).toBe(before);
  });
});

describe('monthly summaries', () => {
  it('get / save / list by month', async () => {
    expect(await ok(core, 'monthlySummaries.get', { repId: s.reps.li.id, month: '2025-02' })).toBeNull();
    const a = await ok(core, 'monthlySummaries.save', {
      repId: s.reps.li.id,
      month: '2025-02',
      achievements: '完成 110%',
      problems: '断货',
    });
    expect(a).toMatchObject({ month: '2025-02', achievements: '完成 110%', problems: '断货', keyPoints: '' });
    const b = await ok(core, 'monthlySummaries.save', { repId: s.reps.li.id, month: '2025-02', keyPoints: '三月冲量' });
    expect(b.id).toBe(a.id);
    await ok(core, 'monthlySummaries.save', { repId: s.reps.boss.id, month: '2025-01' });
    const list = await ok(core, 'monthlySummaries.list', { page: 1, pageSize: 50, from: '2025-02', to: '2025-12' });
    expect(list.rows.map((r) => r.repName)).toEqual(['李娜']);
    const sorted = await ok(core, 'monthlySummaries.list', { page: 1, pageSize: 50, sort: { field: 'month', order: 'asc' } });
    expect(sorted.rows.map((r) => r.month)).toEqual(['2025-01', '2025-02']);
  });

  it('refuses a bad month and an inactive rep; DB unchanged', async () => {
    const before = digest(core.ctx.db);
    for (const month of ['2025-13', '2025-2', '2025-00', '202502', '2025-02-01']) {
      expect((await fail(core, 'monthlySummaries.save', { repId: s.reps.li.id, month })).message).toContain('月份');
    }
    expect((await fail(core, 'monthlySummaries.save', { repId: s.reps.zhao.id, month: '2025-02' })).message).toContain('已停用');
    expect(digest(core.ctx.db)).toBe(before);
  });
});
