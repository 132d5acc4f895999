// 每日销售报告表: lines linked to the day's plan (planned time beside the visit) or unplanned, totals and the rep's
// month-to-date figures with the expected values written out, and every bad input refused without a change.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { digest } from './helpers';
import { failAs, formsFixture, okAs, PASSWORD, planLine, TODAY, type Forms } from './dailyFormsFixture';

let f: Forms;
type SaveInput = Input<'dailyReports.save'>;
type Line = SaveInput['lines'][number];

const report = (repId: number, date: string, lines: Line[], extra: Partial<SaveInput> = {}): SaveInput => ({
  repId,
  date,
  attendance: 'present',
  lines,
  ...extra,
});

let plan: Awaited<ReturnType<typeof okAs<'visitPlans.save'>>>;
let complaintId: number;

beforeAll(async () => {
  f = await formsFixture();
  const clerk = f.as(f.ops.clerk);
  const { c1, c2, c3, c4, c5 } = f.customers;
  const zhou = f.reps.zhou.id;
  plan = await okAs(clerk, 'visitPlans.save', {
    repId: zhou,
    date: TODAY,
    lines: [planLine(c1.id, { plannedTime: '09:00' }), planLine(c2.id, { plannedTime: '10:30' }), planLine(c3.id, { plannedTime: null })],
  });
  // 周杰's month: the reports month-to-date counts (1 Mar … 20 Mar) and three it must leave out
  await okAs(clerk, 'dailyReports.save', report(zhou, '2025-02-28', [{ customerId: c1.id, done: true, orderFen: 99_900 }]));
  await okAs(
    clerk,
    'dailyReports.save',
    report(zhou, '2025-03-01', [
      { customerId: c1.id, done: true, orderFen: 12_000, collectedFen: 5_000 },
      { customerId: c2.id, done: false, reason: '关门' },
    ]),
  );
  await okAs(
    clerk,
    'dailyReports.save',
    report(zhou, '2025-03-05', [
      { customerId: c3.id, done: true, orderFen: 30_000 },
      { customerId: c4.id, done: true, collectedFen: 200_000 },
      { customerId: c5.id, done: true },
    ]),
  );
  await okAs(clerk, 'dailyReports.save', report(zhou, '2025-03-21', [{ customerId: c3.id, done: true, orderFen: 77_700 }]));
  await okAs(clerk, 'dailyReports.save', report(f.reps.li.id, '2025-03-10', [{ customerId: c1.id, done: true, orderFen: 55_500 }]));
  complaintId = Number(
    f.db
      .prepare(
        `insert into complaints (code, received_date, customer_id, content, created_at, updated_at)
         values ('KS20250320001', '2025-03-20', ?, '包装破损', '2025-03-20T00:00:00.000Z', '2025-03-20T00:00:00.000Z')`,
      )
      .run(c1.id).lastInsertRowid,
  );
});

describe('dailyReports.save / get', () => {
  it('links visits to the plan, shows planned time, totals and the month to date', async () => {
    const clerk = f.as(f.ops.clerk);
    const { c1, c2 } = f.customers;
    const saved = await okAs(clerk, 'dailyReports.save', {
      repId: f.reps.zhou.id,
      date: TODAY,
      attendance: 'out',
      problems: ' 缺货 ',
      tomorrowPlan: '回访张记',
      lines: [
        {
          planLineId: plan.lines[0]!.id,
          customerId: c1.id,
          done: true,
          outcome: '订货两箱',
          nextStep: '周五送货',
          orderFen: 8_800,
          collectedFen: 1_000,
          complaintId,
        },
        { customerId: c2.id, done: true, outcome: '顺路拜访' },
      ],
    });
    expect(saved).toMatchObject({
      repCode: 'R003',
      repName: '周杰',
      teamName: '一组',
      date: TODAY,
      attendance: 'out',
      problems: '缺货',
      tomorrowPlan: '回访张记',
      planId: plan.id,
      state: 'draft',
      returned: false,
    });
    expect(saved.lines).toEqual([
      {
        id: expect.any(Number),
        seq: 1,
        planLineId: plan.lines[0]!.id,
        customerId: c1.id,
        customerCode: c1.code,
        customerName: '南京鼓楼便利店',
        regionPath: '',
        plannedTime: '09:00',
        done: true,
        reason: '',
        outcome: '订货两箱',
        nextStep: '周五送货',
        orderFen: 8_800,
        collectedFen: 1_000,
        complaintId,
        complaintCode: 'KS20250320001',
      },
      {
        id: expect.any(Number),
        seq: 2,
        planLineId: null,
        customerId: c2.id,
        customerCode: c2.code,
        customerName: '张记烟酒行',
        regionPath: '',
        plannedTime: null,
        done: true,
        reason: '',
        outcome: '顺路拜访',
        nextStep: '',
        orderFen: 0,
        collectedFen: 0,
        complaintId: null,
        complaintCode: null,
      },
    ]);
    expect(saved.totals).toEqual({ visits: 2, visitsDone: 2, orderFen: 8_800, collectedFen: 1_000 });
    // 1 Mar (2 visits, 1 done, 120.00 / 50.00) + 5 Mar (3, 3, 300.00 / 2000.00) + 20 Mar (2, 2, 88.00 / 10.00);
    // 28 Feb, 21 Mar and 李娜's report stay out
    expect(saved.monthToDate).toEqual({
      from: '2025-03-01',
      to: TODAY,
      reportDays: 3,
      visits: 7,
      visitsDone: 6,
      orderFen: 50_800,
      collectedFen: 206_000,
      // no sales target set for March; 14 of March's 21 working days elapsed on the 20th
      salesTargetFen: null,
      salesActualFen: 0,
      achievementBp: null,
      timeProgressBp: 6667,
      targetStatus: 'noTarget',
    });
    expect(await okAs(clerk, 'dailyReports.get', { repId: f.reps.zhou.id, date: TODAY })).toEqual(saved);
    const fifth = await okAs(clerk, 'dailyReports.get', { repId: f.reps.zhou.id, date: '2025-03-05' });
    expect(fifth!.monthToDate).toEqual({
      from: '2025-03-01',
      to: '2025-03-05',
      reportDays: 2,
      visits: 5,
      visitsDone: 4,
      orderFen: 42_000,
      collectedFen: 205_000,
      salesTargetFen: null,
      salesActualFen: 0,
      achievementBp: null,
      timeProgressBp: 1429,
      targetStatus: 'noTarget',
    });
    expect(fifth!.planId).toBeNull();
    const feb = await okAs(clerk, 'dailyReports.get', { repId: f.reps.zhou.id, date: '2025-02-28' });
    expect(feb!.monthToDate).toEqual({
      from: '2025-02-01',
      to: '2025-02-28',
      reportDays: 1,
      visits: 1,
      visitsDone: 1,
      orderFen: 99_900,
      collectedFen: 0,
      salesTargetFen: null,
      salesActualFen: 0,
      achievementBp: null,
      timeProgressBp: 10000,
      targetStatus: 'noTarget',
    });
    expect(await okAs(clerk, 'dailyReports.get', { repId: f.reps.zhou.id, date: '2025-03-02' })).toBeNull();
  });

  it('edits a draft in place and keeps line ids; signed, the report is locked and the audit log has every step', async () => {
    const clerk = f.as(f.ops.clerk);
    const sup = f.as(f.ops.supA);
    const current = (await okAs(clerk, 'dailyReports.get', { repId: f.reps.zhou.id, date: TODAY }))!;
    const edited = await okAs(clerk, 'dailyReports.save', {
      id: current.id,
      repId: f.reps.zhou.id,
      date: TODAY,
      attendance: 'present',
      lines: [
        { id: current.lines[1]!.id, customerId: f.customers.c2.id, planLineId: plan.lines[1]!.id, done: false, reason: '老板不在' },
        { id: current.lines[0]!.id, customerId: f.customers.c1.id, planLineId: plan.lines[0]!.id, done: true, orderFen: 8_800 },
      ],
    });
    expect(edited.lines.map((l) => [l.id, l.seq, l.plannedTime, l.done, l.reason])).toEqual([
      [current.lines[1]!.id, 1, '10:30', false, '老板不在'],
      [current.lines[0]!.id, 2, '09:00', true, ''],
    ]);
    expect(edited.totals).toEqual({ visits: 2, visitsDone: 1, orderFen: 8_800, collectedFen: 0 });
    await okAs(clerk, 'dailyReports.submit', { id: current.id });
    const signed = await okAs(sup, 'dailyReports.sign', { id: current.id, password: PASSWORD, comment: '注意回款' });
    expect(signed).toMatchObject({ state: 'signed', signedByName: '主管甲', signComment: '注意回款' });
    const log = f.db
      .prepare("select action, before, after from audit_log where entity = 'dailyReport' and entity_id = ? order by id")
      .all(current.id) as Array<{
      action: string;
      before: string | null;
      after: string;
    }>;
    expect(log.map((l) => l.action)).toEqual(['create', 'update', 'submit', 'sign']);
    expect(JSON.parse(log[3]!.after)).toMatchObject({
      state: 'signed',
      comment: '注意回款',
      contentHash: signed.contentHash,
      repName: '周杰',
    });
    expect(JSON.parse(log[1]!.before!)).toMatchObject({
      attendance: 'out',
      lines: [{ name: '南京鼓楼便利店', orderFen: 8_800 }, { name: '张记烟酒行' }],
    });
  });
});

type Case = [name: string, input: () => SaveInput, code: ErrorCode, field: string | undefined, text: string];

describe('bad input gets its code, a Chinese message naming the field, and changes nothing', () => {
  const zhou = () => f.reps.zhou.id;
  const day = '2025-03-12';
  const one = (l: Partial<Line>): SaveInput => report(zhou(), day, [{ customerId: f.customers.c1.id, done: true, ...l } as Line]);
  const onToday = (lines: Line[]) => report(f.reps.zhou.id, '2025-03-19', lines);
  let zhouPlan19: { lineId: number };
  let liPlan19: { lineId: number };
  beforeAll(async () => {
    const p = await okAs(f.as(f.ops.clerk), 'visitPlans.save', {
      repId: f.reps.zhou.id,
      date: '2025-03-19',
      lines: [planLine(f.customers.c1.id), planLine(f.customers.c2.id)],
    });
    zhouPlan19 = { lineId: p.lines[0]!.id };
    const q = await okAs(f.as(f.ops.clerk), 'visitPlans.save', {
      repId: f.reps.li.id,
      date: '2025-03-19',
      lines: [planLine(f.customers.c1.id)],
    });
    liPlan19 = { lineId: q.lines[0]!.id };
  });
  const cases: Case[] = [
    [
      'not done without a reason',
      () => one({ done: false }),
      'VALIDATION',
      'lines.0.reason',
      '明细 › 第1行 › 原因：未完成的拜访请填写原因',
    ],
    ['not done, blank reason', () => one({ done: false, reason: '   ' }), 'VALIDATION', 'lines.0.reason', '原因'],
    ['negative order', () => one({ orderFen: -1 }), 'VALIDATION', 'lines.0.orderFen', '订单金额'],
    ['order in 元 with decimals', () => one({ orderFen: 12.5 }), 'VALIDATION', 'lines.0.orderFen', '订单金额'],
    ['order as text', () => one({ orderFen: '100' as never }), 'VALIDATION', 'lines.0.orderFen', '订单金额'],
    ['negative collection', () => one({ collectedFen: -100 }), 'VALIDATION', 'lines.0.collectedFen', '收款金额'],
    ['done as text', () => one({ done: 'yes' as never }), 'VALIDATION', 'lines.0.done', '已完成'],
    ['unknown complaint', () => one({ complaintId: 9999 }), 'REFERENCE', 'lines.0.complaintId', '明细 › 第1行 › 客诉'],
    ['unknown attendance', () => ({ ...one({}), attendance: 'sick' as never }), 'VALIDATION', 'attendance', '出勤'],
    [
      'no plan that day',
      () => one({ planLineId: plan.lines[0]!.id }),
      'VALIDATION',
      'lines.0.planLineId',
      '该业务员 2025-03-12 没有拜访计划',
    ],
    [
      'another day’s plan row',
      () => onToday([{ planLineId: plan.lines[0]!.id, customerId: f.customers.c1.id, done: true }]),
      'VALIDATION',
      'lines.0.planLineId',
      '不是该业务员 2025-03-19 拜访计划中的行',
    ],
    [
      'another rep’s plan row',
      () => onToday([{ planLineId: liPlan19.lineId, customerId: f.customers.c1.id, done: true }]),
      'VALIDATION',
      'lines.0.planLineId',
      '明细 › 第1行 › 对应计划行：不是该业务员 2025-03-19 拜访计划中的行',
    ],
    [
      'plan row of another customer',
      () => onToday([{ planLineId: zhouPlan19.lineId, customerId: f.customers.c3.id, done: true }]),
      'VALIDATION',
      'lines.0.customerId',
      '明细 › 第1行 › 客户：与所对应计划行的客户不一致',
    ],
    [
      'one plan row twice',
      () =>
        onToday([
          { planLineId: zhouPlan19.lineId, customerId: f.customers.c1.id, done: true },
          { planLineId: zhouPlan19.lineId, customerId: f.customers.c1.id, done: true },
        ]),
      'VALIDATION',
      'lines.1.planLineId',
      '与第1行对应同一个计划行',
    ],
    ['archived customer', () => one({ customerId: f.customers.archived.id }), 'VALIDATION', 'lines.0.customerId', '已归档'],
    ['unknown customer', () => one({ customerId: 9999 }), 'REFERENCE', 'lines.0.customerId', '客户'],
    ['inactive rep', () => ({ ...one({}), repId: f.reps.qian.id }), 'VALIDATION', 'repId', '业务员：「钱七」已停用'],
    ['date after tomorrow', () => ({ ...one({}), date: '2025-03-23' }), 'VALIDATION', 'date', '日期：不能晚于明天（2025-03-21）'],
    ['a second report that day', () => report(f.reps.zhou.id, '2025-03-05', []), 'CONFLICT', 'date', '周杰 2025-03-05 已有销售报告（编号'],
    ['a line id of another report', () => one({ id: 99999 }), 'REFERENCE', 'lines.0.id', '不是这份销售报告中的行'],
    ['problems too long', () => ({ ...one({}), problems: '长'.repeat(1001) }), 'VALIDATION', 'problems', '问题与需求'],
  ];
  it.each(cases.map((c) => [c[0], c] as const))('%s', async (_name, [, input, code, field, text]) => {
    const before = digest(f.db);
    const err = await failAs(f.as(f.ops.clerk), 'dailyReports.save', input());
    expect(err.code, err.message).toBe(code);
    expect(err.field).toBe(field);
    expect(err.message).toContain(text);
    expect(digest(f.db)).toBe(before);
  });
});
