// 每日拜访计划表: save and read back, edit a draft in place, one plan per rep and day, copy from an earlier plan, the list,
// and every bad input with its code, a Chinese message naming the field, and no change to the database.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { digest } from './helpers';
import { failAs, formsFixture, liPlan, okAs, PASSWORD, planLine, TODAY, TOMORROW, type Forms } from './dailyFormsFixture';

let f: Forms;
beforeAll(async () => {
  f = await formsFixture();
});

describe('visitPlans.save / get', () => {
  it('creates a plan and reads it back with customers, region and purposes in the printed order', async () => {
    const clerk = f.as(f.ops.clerk);
    expect(await okAs(clerk, 'visitPlans.get', { repId: f.reps.zhou.id, date: TODAY })).toBeNull();
    const saved = await okAs(clerk, 'visitPlans.save', {
      repId: f.reps.zhou.id,
      date: TODAY,
      notes: '  上午跑鼓楼  ',
      lines: [
        {
          customerId: f.customers.c4.id,
          plannedTime: '14:00',
          purposes: ['order', 'develop', 'order'],
          contact: '刘经理',
          notes: '带样品',
        },
        { customerId: f.customers.c5.id, purposes: ['other'] },
      ],
    });
    expect(saved).toMatchObject({
      repId: f.reps.zhou.id,
      repCode: 'R003',
      repName: '周杰',
      teamName: '一组',
      date: TODAY,
      notes: '上午跑鼓楼',
      state: 'draft',
      returned: false,
      returnComment: '',
      submittedAt: null,
      signedByOperatorId: null,
      contentHash: null,
    });
    expect(saved.lines).toEqual([
      {
        id: expect.any(Number),
        seq: 1,
        customerId: f.customers.c4.id,
        customerCode: f.customers.c4.code,
        customerName: '华众商贸',
        regionPath: '',
        address: '',
        plannedTime: '14:00',
        purposes: ['develop', 'order'],
        contact: '刘经理',
        notes: '带样品',
      },
      {
        id: expect.any(Number),
        seq: 2,
        customerId: f.customers.c5.id,
        customerCode: f.customers.c5.code,
        customerName: '金陵副食品店',
        regionPath: '',
        address: '',
        plannedTime: null,
        purposes: ['other'],
        contact: '',
        notes: '',
      },
    ]);
    expect(await okAs(clerk, 'visitPlans.get', { repId: f.reps.zhou.id, date: TODAY })).toEqual(saved);
    const log = f.db.prepare("select action, after from audit_log where entity = 'visitPlan' and entity_id = ?").all(saved.id) as Array<{
      action: string;
      after: string;
    }>;
    expect(log.map((l) => l.action)).toEqual(['create']);
    expect(JSON.parse(log[0]!.after)).toMatchObject({
      repId: f.reps.zhou.id,
      repName: '周杰',
      date: TODAY,
      lines: [{ name: '华众商贸' }, { name: '金陵副食品店' }],
    });
  });

  it('edits a draft in place: lines with an id keep it, lines left out are removed, new ones added, seq follows the order', async () => {
    const clerk = f.as(f.ops.clerk);
    const plan = await liPlan(f, '2025-03-18');
    const [a, b, c] = plan.lines;
    const edited = await okAs(clerk, 'visitPlans.save', {
      id: plan.id,
      repId: f.reps.li.id,
      date: '2025-03-18',
      lines: [
        { id: c!.id, customerId: c!.customerId, plannedTime: '08:00', purposes: ['service'] },
        { customerId: f.customers.c5.id, purposes: ['research'] },
        { id: a!.id, customerId: a!.customerId, purposes: ['collect'] },
      ],
    });
    expect(edited.lines.map((l) => [l.seq, l.customerName, l.plannedTime])).toEqual([
      [1, '阿里山茶庄', '08:00'],
      [2, '金陵副食品店', null],
      [3, '南京鼓楼便利店', null],
    ]);
    expect(edited.lines[0]!.id).toBe(c!.id);
    expect(edited.lines[2]!.id).toBe(a!.id);
    expect(f.db.prepare('select count(*) from visit_plan_lines where id = ?').pluck().get(b!.id)).toBe(0);
    expect(
      f.db.prepare("select action from audit_log where entity = 'visitPlan' and entity_id = ? order by id").pluck().all(plan.id),
    ).toEqual(['create', 'update']);
  });

  it('a plan for tomorrow is fine; the day after is not', async () => {
    const clerk = f.as(f.ops.clerk);
    await okAs(clerk, 'visitPlans.save', { repId: f.reps.chen.id, date: TOMORROW, lines: [planLine(f.customers.c1.id)] });
    const err = await failAs(clerk, 'visitPlans.save', { repId: f.reps.chen.id, date: '2025-03-22', lines: [planLine(f.customers.c1.id)] });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'date', message: '日期：不能晚于明天（2025-03-21），2025-03-22 还不能填写' });
  });

  it('a second plan for the same rep and day names the one to open instead', async () => {
    const clerk = f.as(f.ops.clerk);
    const first = await okAs(clerk, 'visitPlans.save', { repId: f.reps.zhao.id, date: TODAY, lines: [planLine(f.customers.c2.id)] });
    const before = digest(f.db);
    const err = await failAs(clerk, 'visitPlans.save', { repId: f.reps.zhao.id, date: TODAY, lines: [planLine(f.customers.c3.id)] });
    expect(err).toMatchObject({
      code: 'CONFLICT',
      field: 'date',
      message: `日期：赵磊 ${TODAY} 已有拜访计划（编号 ${first.id}），请打开已有的拜访计划修改`,
    });
    expect(digest(f.db)).toBe(before);
  });

  it('an empty plan saves as a draft but cannot be submitted', async () => {
    const clerk = f.as(f.ops.clerk);
    const empty = await okAs(clerk, 'visitPlans.save', { repId: f.reps.sun.id, date: TODAY, lines: [] });
    const err = await failAs(clerk, 'visitPlans.submit', { id: empty.id });
    expect(err).toMatchObject({ code: 'VALIDATION', message: '拜访计划还没有任何拜访行，不能提交' });
  });

  it('a plan row a report points at cannot be dropped or given another customer, until the report says unplanned', async () => {
    const clerk = f.as(f.ops.clerk);
    const date = '2025-03-17';
    const plan = await liPlan(f, date);
    const [a, b] = plan.lines;
    const report = await okAs(clerk, 'dailyReports.save', {
      repId: f.reps.li.id,
      date,
      attendance: 'present',
      lines: [{ planLineId: b!.id, customerId: b!.customerId, done: true }],
    });
    const before = digest(f.db);
    const dropped = await failAs(clerk, 'visitPlans.save', {
      id: plan.id,
      repId: f.reps.li.id,
      date,
      lines: [{ id: a!.id, customerId: a!.customerId, purposes: ['order'] }],
    });
    expect(dropped).toMatchObject({
      code: 'CONFLICT',
      field: 'lines',
      message: `明细：拜访「张记烟酒行」已被 ${date} 的销售报告（编号 ${report.id}）对应，不能删除；请先在销售报告中改为计划外拜访`,
    });
    const swapped = await failAs(clerk, 'visitPlans.save', {
      id: plan.id,
      repId: f.reps.li.id,
      date,
      lines: [{ id: b!.id, customerId: f.customers.c5.id, purposes: ['order'] }],
    });
    expect(swapped).toMatchObject({ code: 'CONFLICT', field: 'lines.0.customerId' });
    expect(swapped.message).toContain('明细 › 第1行 › 客户：');
    expect(digest(f.db)).toBe(before);
    // its time may change, and once the report calls the visit unplanned the row may go
    await okAs(clerk, 'visitPlans.save', {
      id: plan.id,
      repId: f.reps.li.id,
      date,
      lines: [{ id: b!.id, customerId: b!.customerId, plannedTime: '16:00', purposes: ['order'] }],
    });
    await okAs(clerk, 'dailyReports.save', {
      id: report.id,
      repId: f.reps.li.id,
      date,
      attendance: 'present',
      lines: [{ id: report.lines[0]!.id, planLineId: null, customerId: b!.customerId, done: true }],
    });
    const left = await okAs(clerk, 'visitPlans.save', { id: plan.id, repId: f.reps.li.id, date, lines: [planLine(f.customers.c3.id)] });
    expect(left.lines.map((l) => l.customerName)).toEqual(['阿里山茶庄']);
  });
});

describe('visitPlans.copySource', () => {
  it('previousDay: the rep’s latest plan before the date; lastWeek: the same weekday 7 days earlier; null when none', async () => {
    const clerk = f.as(f.ops.clerk);
    const rep = f.reps.wang.id;
    const save = (date: string, customers: number[]) =>
      okAs(clerk, 'visitPlans.save', { repId: rep, date, lines: customers.map((c) => planLine(c)) });
    const weekAgo = await save('2025-03-13', [f.customers.c1.id, f.customers.c2.id]);
    const latest = await save('2025-03-17', [f.customers.c3.id, f.customers.c4.id, f.customers.c5.id]);
    await save('2025-03-21', [f.customers.c5.id]); // after the date: never a source
    const prev = await okAs(clerk, 'visitPlans.copySource', { repId: rep, date: '2025-03-20', copyFrom: 'previousDay' });
    expect(prev!.id).toBe(latest.id);
    expect(prev!.lines.map((l) => l.customerName)).toEqual(['阿里山茶庄', '华众商贸', '金陵副食品店']);
    const week = await okAs(clerk, 'visitPlans.copySource', { repId: rep, date: '2025-03-20', copyFrom: 'lastWeek' });
    expect(week!.id).toBe(weekAgo.id);
    expect(await okAs(clerk, 'visitPlans.copySource', { repId: rep, date: '2025-03-19', copyFrom: 'lastWeek' })).toBeNull();
    expect(await okAs(clerk, 'visitPlans.copySource', { repId: rep, date: '2025-03-13', copyFrom: 'previousDay' })).toBeNull();
    // a customer archived since is left out of what is copied
    const fresh = await formsFixture();
    const c = fresh.as(fresh.ops.clerk);
    await okAs(c, 'visitPlans.save', {
      repId: fresh.reps.li.id,
      date: '2025-03-19',
      lines: [planLine(fresh.customers.c1.id), planLine(fresh.customers.c2.id)],
    });
    await okAs(fresh.sys, 'customers.archive', { id: fresh.customers.c2.id, archived: true });
    const copied = await okAs(c, 'visitPlans.copySource', { repId: fresh.reps.li.id, date: TODAY, copyFrom: 'previousDay' });
    expect(copied!.lines.map((l) => l.customerName)).toEqual(['南京鼓楼便利店']);
    fresh.core.close();
  });
});

describe('visitPlans.list', () => {
  it('pages, sorts and filters on the server (dates, rep, team, state incl. returned, search)', async () => {
    const g = await formsFixture();
    const clerk = g.as(g.ops.clerk);
    const manager = g.as(g.ops.manager);
    const make = async (repId: number, date: string, to: 'draft' | 'returned' | 'submitted' | 'signed') => {
      const p = await okAs(clerk, 'visitPlans.save', { repId, date, lines: [planLine(g.customers.c1.id), planLine(g.customers.c2.id)] });
      if (to === 'draft') return p.id;
      await okAs(clerk, 'visitPlans.submit', { id: p.id });
      if (to === 'returned') await okAs(manager, 'visitPlans.return', { id: p.id, comment: '补充' });
      if (to === 'signed') await okAs(manager, 'visitPlans.sign', { id: p.id, password: PASSWORD });
      return p.id;
    };
    const ids = {
      liA: await make(g.reps.li.id, '2025-03-03', 'signed'),
      liB: await make(g.reps.li.id, '2025-03-04', 'returned'),
      zhou: await make(g.reps.zhou.id, '2025-03-04', 'submitted'),
      zhao: await make(g.reps.zhao.id, '2025-03-04', 'draft'),
      zhaoOld: await make(g.reps.zhao.id, '2025-02-28', 'signed'),
    };
    const list = (extra: Partial<Input<'visitPlans.list'>> = {}) =>
      okAs(clerk, 'visitPlans.list', { from: '2025-03-01', to: '2025-03-31', ...extra });
    const all = await list();
    expect(all.total).toBe(4);
    // default: newest first, then by rep code
    expect(all.rows.map((r) => r.id)).toEqual([ids.liB, ids.zhou, ids.zhao, ids.liA]);
    expect(all.rows[0]).toMatchObject({ repName: '李娜', teamName: '一组', date: '2025-03-04', state: 'draft', returned: true, visits: 2 });
    expect(all.rows[3]).toMatchObject({ state: 'signed', signedByName: '经理甲', returned: false });
    expect((await list({ page: 2, pageSize: 3 })).rows.map((r) => r.id)).toEqual([ids.liA]);
    expect((await list({ repId: g.reps.li.id })).rows.map((r) => r.id)).toEqual([ids.liB, ids.liA]);
    expect((await list({ teamId: g.teams.teamB.id })).rows.map((r) => r.id)).toEqual([ids.zhao]);
    expect((await list({ state: 'returned' })).rows.map((r) => r.id)).toEqual([ids.liB]);
    expect((await list({ state: 'draft' })).rows.map((r) => r.id)).toEqual([ids.zhao]);
    expect((await list({ state: 'submitted' })).rows.map((r) => r.id)).toEqual([ids.zhou]);
    expect((await list({ state: 'signed' })).total).toBe(1);
    expect((await list({ from: '2025-02-01', state: 'signed' })).rows.map((r) => r.id)).toEqual([ids.liA, ids.zhaoOld]);
    expect((await list({ search: '赵' })).rows.map((r) => r.id)).toEqual([ids.zhao]);
    expect((await list({ search: 'zhoujie' })).rows.map((r) => r.id)).toEqual([ids.zhou]);
    expect((await list({ sort: { field: 'state', order: 'asc' } })).rows.map((r) => r.id)).toEqual([ids.zhao, ids.liB, ids.zhou, ids.liA]);
    expect((await list({ sort: { field: 'repName', order: 'asc' } })).rows.map((r) => r.repName)).toEqual(['李娜', '李娜', '赵磊', '周杰']);
    expect((await list({ sort: { field: 'date', order: 'asc' } })).rows.map((r) => r.id)).toEqual([ids.liA, ids.liB, ids.zhou, ids.zhao]);
    const backwards = await failAs(clerk, 'visitPlans.list', { from: '2025-03-31', to: '2025-03-01' });
    expect(backwards).toMatchObject({ code: 'VALIDATION', field: 'to', message: '结束日期：不能早于开始日期（2025-03-31）' });
    g.core.close();
  });
});

type Case = [name: string, input: () => Record<string, unknown>, code: ErrorCode, field: string | undefined, text: string];

describe('bad input gets its code, a Chinese message naming the field, and changes nothing', () => {
  const base = (extra: Record<string, unknown> = {}) => ({
    repId: f.reps.li.id,
    date: '2025-03-10',
    lines: [planLine(f.customers.c1.id)],
    ...extra,
  });
  const line = (extra: Record<string, unknown>) => base({ lines: [planLine(f.customers.c1.id, extra)] });
  let other: { id: number; lineId: number };
  beforeAll(async () => {
    const p = await okAs(f.as(f.ops.clerk), 'visitPlans.save', {
      repId: f.reps.zhou.id,
      date: '2025-03-10',
      lines: [planLine(f.customers.c2.id)],
    });
    other = { id: p.id, lineId: p.lines[0]!.id };
  });
  const cases: Case[] = [
    ['inactive rep', () => base({ repId: f.reps.qian.id }), 'VALIDATION', 'repId', '业务员：「钱七」已停用'],
    ['unknown rep', () => base({ repId: 9999 }), 'REFERENCE', 'repId', '业务员'],
    ['date after tomorrow', () => base({ date: '2025-04-01' }), 'VALIDATION', 'date', '日期：不能晚于明天'],
    ['not a date', () => base({ date: '2025-02-30' }), 'VALIDATION', 'date', '日期'],
    [
      'archived customer',
      () => base({ lines: [planLine(f.customers.archived.id)] }),
      'VALIDATION',
      'lines.0.customerId',
      '明细 › 第1行 › 客户：「已歇业小卖部」已归档',
    ],
    [
      'merged customer',
      () => base({ lines: [planLine(f.customers.c2.id), planLine(f.customers.merged.id)] }),
      'VALIDATION',
      'lines.1.customerId',
      '明细 › 第2行 › 客户：「南京鼓楼便利店（重复）」已并入「南京鼓楼便利店」',
    ],
    ['unknown customer', () => base({ lines: [planLine(9999)] }), 'REFERENCE', 'lines.0.customerId', '明细 › 第1行 › 客户'],
    [
      'same customer twice',
      () => base({ lines: [planLine(f.customers.c1.id), planLine(f.customers.c1.id)] }),
      'VALIDATION',
      'lines.1.customerId',
      '与第1行是同一个客户',
    ],
    ['time 25:00', () => line({ plannedTime: '25:00' }), 'VALIDATION', 'lines.0.plannedTime', '计划时间'],
    ['time 9:00', () => line({ plannedTime: '9:00' }), 'VALIDATION', 'lines.0.plannedTime', '计划时间'],
    ['no purpose', () => line({ purposes: [] }), 'VALIDATION', 'lines.0.purposes', '拜访目的'],
    ['unknown purpose', () => line({ purposes: ['party'] }), 'VALIDATION', 'lines.0.purposes.0', '拜访目的'],
    ['notes too long', () => line({ notes: '长'.repeat(201) }), 'VALIDATION', 'lines.0.notes', '备注'],
    ['unknown line field', () => line({ amountFen: 1 }), 'VALIDATION', 'lines.0.amountFen', '不允许的字段'],
    ['41 lines', () => base({ lines: Array.from({ length: 41 }, () => planLine(f.customers.c1.id)) }), 'VALIDATION', 'lines', '明细'],
    [
      'another plan’s line id',
      () => ({ ...base({ id: other.id, repId: f.reps.zhou.id }), lines: [planLine(f.customers.c1.id, { id: 99999 })] }),
      'REFERENCE',
      'lines.0.id',
      '明细 › 第1行 › 编号',
    ],
    ['moving a plan to another rep', () => base({ id: other.id }), 'VALIDATION', 'repId', '不能更改已有拜访计划的业务员'],
    [
      'moving a plan to another day',
      () => base({ id: other.id, repId: f.reps.zhou.id, date: '2025-03-11' }),
      'VALIDATION',
      'date',
      '不能更改已有拜访计划的日期',
    ],
    ['unknown plan id', () => base({ id: 99999 }), 'NOT_FOUND', 'id', '拜访计划不存在'],
  ];
  it.each(cases.map((c) => [c[0], c] as const))('%s', async (_name, [, input, code, field, text]) => {
    const before = digest(f.db);
    const err = await failAs(f.as(f.ops.clerk), 'visitPlans.save', input() as Input<'visitPlans.save'>);
    expect(err.code, err.message).toBe(code);
    expect(err.field).toBe(field);
    expect(err.message).toContain(text);
    expect(err.message).toMatch(/[\u4e00-\u9fff]/);
    expect(digest(f.db)).toBe(before);
  });

  it('reads and state changes name their fields too', async () => {
    const clerk = f.as(f.ops.clerk);
    const before = digest(f.db);
    expect(await failAs(clerk, 'visitPlans.get', { repId: 9999, date: TODAY })).toMatchObject({ code: 'NOT_FOUND', field: 'repId' });
    expect(await failAs(clerk, 'visitPlans.submit', { id: 99999 })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
      message: '拜访计划不存在（编号 99999）',
    });
    const noComment = await failAs(f.as(f.ops.manager), 'visitPlans.return', { id: other.id, comment: '  ' });
    expect(noComment).toMatchObject({ code: 'VALIDATION', field: 'comment' });
    expect(noComment.message).toContain('评语');
    const noPassword = await failAs(f.as(f.ops.manager), 'visitPlans.sign', { id: other.id, password: '' });
    expect(noPassword).toMatchObject({ code: 'VALIDATION', field: 'password' });
    expect(noPassword.message).toContain('密码');
    const noReason = await failAs(f.as(f.ops.manager), 'visitPlans.unsign', { id: other.id, password: PASSWORD, reason: '' });
    expect(noReason).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(noReason.message).toContain('原因');
    const copy = await failAs(clerk, 'visitPlans.copySource', { repId: f.reps.li.id, date: TODAY, copyFrom: 'yesterday' as never });
    expect(copy.message).toContain('复制来源');
    expect(digest(f.db)).toBe(before);
  });
});
