// 商机 Opportunities (issue 11): entry with a new prospect in the same transaction, stage moves with their history and
// probability rules, won into a draft order, the list's filters / sort / totals, the kanban, and every refusal of the
// issue's "bad input" list answered with a Chinese message naming the field and the database unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import { digest, fail, makeCore, ok, seed, steppingClock, type Seeded, type TestCore } from './helpers';

let core: TestCore;
let s: Seeded;
let products: { maotai: number; wuliangye: number };
beforeEach(async () => {
  core = makeCore(':memory:', { now: steppingClock('2025-03-10T02:00:00.000Z') }); // today 2025-03-10
  s = await seed(core);
  products = {
    maotai: (await ok(core, 'products.save', { name: '贵州茅台酒', spec: '53度 500ml', unit: '瓶', listPriceFen: 149_900 })).id,
    wuliangye: (await ok(core, 'products.save', { name: '五粮液', spec: '52度 500ml', unit: '瓶', listPriceFen: 109_900 })).id,
  };
});
afterEach(() => core.close());

const opportunity = (extra: Partial<Input<'opportunities.save'>> = {}): Input<'opportunities.save'> => ({
  customerId: s.customers.c2.id,
  title: '春节团购',
  amountFen: 5_000_000,
  expectedCloseDate: '2025-04-30',
  createdOn: '2025-03-01',
  ...extra,
});

/** Refused with this code, naming this field and saying this, and nothing written. */
async function refused(method: string, input: unknown, code: string, field: string, text: string) {
  const before = digest(core.ctx.db);
  const err = await fail(core, method, input);
  expect(err, `${method} ${JSON.stringify(input)}`).toMatchObject({ code, field });
  expect(err.message).toContain(text);
  expect(digest(core.ctx.db)).toBe(before);
  return err;
}

describe('opportunities.save', () => {
  it('starts in 潜在客户识别 at its default probability, for the customer’s rep, with its creation in the history; audited', async () => {
    const o = await ok(
      core,
      'opportunities.save',
      opportunity({ productIds: [products.wuliangye, products.maotai], competitor: '某品牌' }),
    );
    expect(o).toMatchObject({
      stage: 'identify',
      probabilityBp: 1000,
      probabilityManual: false,
      weightedFen: 500_000,
      repId: s.reps.li.id,
      repName: '李娜',
      customerName: '南京鼓楼便利店',
      regionName: '鼓楼片区',
      createdOn: '2025-03-01',
      stageSince: '2025-03-01',
      closedOn: null,
      competitor: '某品牌',
    });
    expect(o.products.map((p) => p.id)).toEqual([products.wuliangye, products.maotai]);
    expect(o.history).toEqual([
      { id: expect.any(Number), fromStage: null, toStage: 'identify', changedOn: '2025-03-01', operatorName: '测试经理', note: '' },
    ]);
    expect(o.daysInStage).toEqual([{ stage: 'identify', days: 9 }]);
    const audit = (await ok(core, 'audit.list', { entity: 'opportunity', entityId: o.id, pageSize: 5 })).rows;
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('creates a new prospect customer in the same transaction, and none when the opportunity is refused', async () => {
    const customersBefore = (await ok(core, 'customers.list', {})).total;
    await refused(
      'opportunities.save',
      {
        ...opportunity({ customerId: undefined, expectedCloseDate: '2025-02-01' }),
        prospect: { name: '新街口超市', regionId: s.regions.nanjing.id },
      },
      'VALIDATION',
      'expectedCloseDate',
      '不能早于创建日期',
    );
    expect((await ok(core, 'customers.list', {})).total).toBe(customersBefore);
    const o = await ok(core, 'opportunities.save', {
      ...opportunity({ customerId: undefined, repId: s.reps.li.id }),
      prospect: { name: '新街口超市', regionId: s.regions.nanjing.id, phone: '025-1234-5678', contactName: '陈经理' },
    });
    const c = await ok(core, 'customers.get', { id: o.customerId });
    expect(c).toMatchObject({ name: '新街口超市', lifecycle: 'prospect', repId: s.reps.li.id, regionId: s.regions.nanjing.id });
    expect(c.contacts.map((k) => k.name)).toEqual(['陈经理']);
  });

  it('keeps a probability typed by hand through moves; a stage changed on the form is a move dated today', async () => {
    const o = await ok(core, 'opportunities.save', opportunity({ probabilityBp: 4200 }));
    expect(o).toMatchObject({ probabilityBp: 4200, probabilityManual: true });
    const moved = await ok(core, 'opportunities.move', { id: o.id, stage: 'needs', date: '2025-03-05' });
    expect(moved.probabilityBp).toBe(4200);
    const edited = await ok(core, 'opportunities.save', { ...opportunity(), id: o.id, stage: 'demo' });
    expect(edited).toMatchObject({ stage: 'demo', stageSince: '2025-03-10', probabilityBp: 4200 });
    expect(edited.history.map((h) => [h.fromStage, h.toStage, h.changedOn])).toEqual([
      [null, 'identify', '2025-03-01'],
      ['identify', 'needs', '2025-03-05'],
      ['needs', 'demo', '2025-03-10'],
    ]);
    expect(edited.daysInStage).toEqual([
      { stage: 'identify', days: 4 },
      { stage: 'needs', days: 5 },
      { stage: 'demo', days: 0 },
    ]);
  });
});

describe('opportunities.move', () => {
  it('follows the stage default probability, goes back a stage, and loses with a reason', async () => {
    const o = await ok(core, 'opportunities.save', opportunity());
    expect((await ok(core, 'opportunities.move', { id: o.id, stage: 'quote', date: '2025-03-03' })).probabilityBp).toBe(6000);
    expect((await ok(core, 'opportunities.move', { id: o.id, stage: 'demo', date: '2025-03-04' })).probabilityBp).toBe(5000);
    const lost = await ok(core, 'opportunities.move', { id: o.id, stage: 'lost', lostReason: 'competitor', lostNote: '对手低价' });
    expect(lost).toMatchObject({ stage: 'lost', probabilityBp: 0, closedOn: '2025-03-10', lostReason: 'competitor', lostNote: '对手低价' });
    const audit = (await ok(core, 'audit.list', { entity: 'opportunity', entityId: o.id, pageSize: 10 })).rows;
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'move', 'move', 'move']);
  });

  it('takes the stages’ default probabilities from the settings (a manager’s), refusing one outside 0–100 %', async () => {
    const stageProbabilityBp = { identify: 500, contact: 1500, needs: 2500, demo: 4500, quote: 6500, negotiate: 9000 };
    await ok(core, 'settings.save', { stageProbabilityBp });
    expect((await ok(core, 'settings.get', {})).stageProbabilityBp).toEqual(stageProbabilityBp);
    const o = await ok(core, 'opportunities.save', opportunity());
    expect(o.probabilityBp).toBe(500);
    expect((await ok(core, 'opportunities.move', { id: o.id, stage: 'quote' })).probabilityBp).toBe(6500);
    await refused(
      'settings.save',
      { stageProbabilityBp: { ...stageProbabilityBp, demo: 10_001 } },
      'VALIDATION',
      'stageProbabilityBp.demo',
      '100%',
    );
  });

  it('wins into a draft sales order with its products at list price', async () => {
    const o = await ok(core, 'opportunities.save', opportunity({ productIds: [products.maotai, products.wuliangye] }));
    const won = await ok(core, 'opportunities.move', { id: o.id, stage: 'won', date: '2025-03-08', createOrder: true });
    expect(won).toMatchObject({ stage: 'won', probabilityBp: 10_000, closedOn: '2025-03-08' });
    expect(won.orderId).not.toBeNull();
    const order = await ok(core, 'orders.get', { id: won.orderId! });
    expect(order).toMatchObject({ state: 'draft', customerId: s.customers.c2.id, repId: s.reps.li.id, date: '2025-03-08' });
    expect(order.lines.map((l) => [l.productId, l.unitPriceFen])).toEqual([
      [products.maotai, 149_900],
      [products.wuliangye, 109_900],
    ]);
    expect(won.orderDocNo).toBe(order.docNo);
  });

  it('refuses every bad move, naming the field, changing nothing', async () => {
    const o = await ok(core, 'opportunities.save', opportunity());
    await ok(core, 'opportunities.move', { id: o.id, stage: 'contact', date: '2025-03-05' });
    await refused('opportunities.move', { id: o.id, stage: 'lost' }, 'VALIDATION', 'lostReason', '流失原因');
    await refused(
      'opportunities.move',
      { id: o.id, stage: 'needs', date: '2025-03-04' },
      'VALIDATION',
      'date',
      '不能早于上一次阶段变更（2025-03-05）',
    );
    await refused('opportunities.move', { id: o.id, stage: 'needs', date: '2025-03-11' }, 'VALIDATION', 'date', '不能晚于今天');
    await refused('opportunities.move', { id: o.id, stage: 'contact' }, 'VALIDATION', 'stage', '已处于');
    await refused('opportunities.move', { id: o.id, stage: 'needs', lostReason: 'price' }, 'VALIDATION', 'lostReason', '只有关闭为流失时');
    await refused('opportunities.move', { id: o.id, stage: 'needs', createOrder: true }, 'VALIDATION', 'createOrder', '只有关闭为成交时');
    // won into an order needs products: the move is refused as a whole
    await refused('opportunities.move', { id: o.id, stage: 'won', createOrder: true }, 'VALIDATION', 'createOrder', '没有意向产品');
    await refused('opportunities.move', { id: o.id, stage: 'closed' }, 'VALIDATION', 'stage', '阶段');
    await ok(core, 'opportunities.move', { id: o.id, stage: 'won' });
    await refused('opportunities.move', { id: o.id, stage: 'negotiate' }, 'CONFLICT', 'stage', '已成交');
    await refused('opportunities.save', { ...opportunity(), id: o.id, title: '改名' }, 'CONFLICT', 'id', '已成交');
    await refused('opportunities.move', { id: 99_999, stage: 'contact' }, 'NOT_FOUND', 'id', '商机不存在');
  });

  it('refuses bad entries: close date before creation, probability outside 0–100 %, negative amount, customer and prospect', async () => {
    await refused(
      'opportunities.save',
      opportunity({ expectedCloseDate: '2025-02-28' }),
      'VALIDATION',
      'expectedCloseDate',
      '预计成交日期',
    );
    await refused('opportunities.save', opportunity({ probabilityBp: 10_001 }), 'VALIDATION', 'probabilityBp', '成交概率');
    await refused('opportunities.save', opportunity({ probabilityBp: -1 }), 'VALIDATION', 'probabilityBp', '成交概率');
    await refused('opportunities.save', opportunity({ amountFen: -1 }), 'VALIDATION', 'amountFen', '金额');
    await refused('opportunities.save', opportunity({ amountFen: 1.5 }), 'VALIDATION', 'amountFen', '金额');
    await refused('opportunities.save', opportunity({ customerId: undefined }), 'VALIDATION', 'customerId', '客户');
    await refused(
      'opportunities.save',
      { ...opportunity(), prospect: { name: '新客户', regionId: s.regions.nanjing.id } },
      'VALIDATION',
      'prospect',
      '潜在客户',
    );
    await refused('opportunities.save', opportunity({ stage: 'won' }), 'VALIDATION', 'stage', '不能直接为成交');
    await refused('opportunities.save', opportunity({ customerId: 99_999 }), 'REFERENCE', 'customerId', '客户');
    await refused(
      'opportunities.save',
      opportunity({ productIds: [products.maotai, products.maotai] }),
      'VALIDATION',
      'productIds.1',
      '重复',
    );
    await refused('opportunities.save', { ...opportunity(), color: 'red' }, 'VALIDATION', 'color', 'color');
    await refused('opportunities.save', opportunity({ title: ' ' }), 'VALIDATION', 'title', '商机名称');
    // a customer without a rep and no rep given (c4 has none; the manager has no rep record)
    await refused('opportunities.save', opportunity({ customerId: s.customers.c4.id }), 'VALIDATION', 'repId', '业务员');
  });
});

describe('opportunities.list and board', () => {
  async function three() {
    const a = await ok(core, 'opportunities.save', opportunity({ title: '团购A', amountFen: 1_000_000, expectedCloseDate: '2025-04-10' }));
    const b = await ok(
      core,
      'opportunities.save',
      opportunity({
        title: '年会B',
        amountFen: 3_000_000,
        expectedCloseDate: '2025-05-20',
        nextStepDate: '2025-03-12',
        nextStep: '送样品',
      }),
    );
    const c = await ok(
      core,
      'opportunities.save',
      opportunity({ customerId: s.customers.c1.id, title: '批发C', amountFen: 2_000_000, expectedCloseDate: '2025-04-25' }),
    );
    await ok(core, 'opportunities.move', { id: b.id, stage: 'quote', date: '2025-03-06' });
    return { a, b, c };
  }

  it('filters by rep, region, stage, close month, amount and next-step day; sorts; totals the whole selection', async () => {
    const { a, b, c } = await three();
    const all = await ok(core, 'opportunities.list', { sort: { field: 'amountFen', order: 'desc' }, pageSize: 2 });
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.id)).toEqual([b.id, c.id]);
    // 10,000 × 10 % + 30,000 × 60 % + 20,000 × 10 % (in 元)
    expect(all.totals).toEqual({ amountFen: 6_000_000, weightedFen: 100_000 + 1_800_000 + 200_000 });
    const ids = async (input: Input<'opportunities.list'>) => (await ok(core, 'opportunities.list', input)).rows.map((r) => r.id).sort();
    expect(await ids({ repId: s.reps.zhao.id })).toEqual([c.id]);
    expect(await ids({ regionId: s.regions.jiangsu.id })).toEqual([a.id, b.id].sort());
    expect(await ids({ stage: 'quote' })).toEqual([b.id]);
    expect(await ids({ stages: ['identify'] })).toEqual([a.id, c.id].sort());
    expect(await ids({ closeMonth: '2025-04' })).toEqual([a.id, c.id].sort());
    expect(await ids({ minAmountFen: 2_000_000, maxAmountFen: 2_500_000 })).toEqual([c.id]);
    expect(await ids({ nextStepDate: '2025-03-12', repId: s.reps.li.id })).toEqual([b.id]);
    expect(await ids({ q: '年会' })).toEqual([b.id]);
    expect(await ids({ teamId: s.teams.teamB.id })).toEqual([c.id]);
    await refused('opportunities.list', { closeMonth: '2025-13' }, 'VALIDATION', 'closeMonth', '月份');
  });

  it('puts open ones under their stage and the won / lost of the last 30 days beside them', async () => {
    const { a, b, c } = await three();
    const old = await ok(
      core,
      'opportunities.save',
      opportunity({ title: '旧单', createdOn: '2025-01-02', expectedCloseDate: '2025-01-31' }),
    );
    await ok(core, 'opportunities.move', { id: old.id, stage: 'won', date: '2025-02-01' }); // 37 days ago: gone from the board
    await ok(core, 'opportunities.move', { id: a.id, stage: 'lost', date: '2025-03-09', lostReason: 'noBudget' });
    const board = await ok(core, 'opportunities.board', { repId: s.reps.li.id });
    const col = (stage: string) => board.columns.find((x) => x.stage === stage)!;
    expect(board.columns.map((x) => x.stage)).toEqual(['identify', 'contact', 'needs', 'demo', 'quote', 'negotiate', 'won', 'lost']);
    expect(col('quote')).toMatchObject({ count: 1, amountFen: 3_000_000 });
    expect(col('quote').cards.map((k) => k.id)).toEqual([b.id]);
    expect(col('won')).toMatchObject({ count: 0, cards: [] });
    expect(col('lost').cards.map((k) => [k.id, k.lostReason])).toEqual([[a.id, 'noBudget']]);
    expect(col('identify').count).toBe(0); // c is zhao's
    const company = await ok(core, 'opportunities.board', {});
    expect(company.columns.find((x) => x.stage === 'identify')!.cards.map((k) => k.id)).toEqual([c.id]);
    const north = await ok(core, 'opportunities.board', { regionId: s.regions.north.id });
    expect(north.columns.reduce((n, x) => n + x.count, 0)).toBe(1);
  });
});

describe('a daily report visit line moves its opportunity', () => {
  const report = (lines: Input<'dailyReports.save'>['lines'], id?: number): Input<'dailyReports.save'> => ({
    ...(id !== undefined ? { id } : {}),
    repId: s.reps.li.id,
    date: '2025-03-07',
    attendance: 'present',
    lines,
  });

  it('in the report’s save, dated the report’s day; the history shows the visit; a re-save does not move it again', async () => {
    const o = await ok(core, 'opportunities.save', opportunity());
    const named = await ok(core, 'opportunities.save', opportunity({ title: '只拜访' }));
    const saved = await ok(
      core,
      'dailyReports.save',
      report([
        { customerId: s.customers.c2.id, done: true, outcome: '演示了方案，客户满意', opportunityId: o.id, opportunityStage: 'demo' },
        { customerId: s.customers.c2.id, done: true, outcome: '聊了聊', opportunityId: named.id },
      ]),
    );
    expect(saved.lines.map((l) => [l.opportunityId, l.opportunityTitle, l.opportunityStage])).toEqual([
      [o.id, '春节团购', 'demo'],
      [named.id, '只拜访', null],
    ]);
    const moved = await ok(core, 'opportunities.get', { id: o.id });
    expect(moved).toMatchObject({ stage: 'demo', stageSince: '2025-03-07', probabilityBp: 5000 });
    expect(moved.history.at(-1)).toMatchObject({
      fromStage: 'identify',
      toStage: 'demo',
      changedOn: '2025-03-07',
      visit: { reportId: saved.id, date: '2025-03-07', repName: '李娜', summary: '演示了方案，客户满意' },
    });
    const onlyNamed = await ok(core, 'opportunities.get', { id: named.id });
    expect(onlyNamed.stage).toBe('identify');
    expect(onlyNamed.visits).toEqual([
      { lineId: saved.lines[1]!.id, reportId: saved.id, date: '2025-03-07', repName: '李娜', summary: '聊了聊' },
    ]);
    // saved again unchanged: no second move
    const lines = saved.lines.map((l) => ({
      id: l.id,
      customerId: l.customerId,
      done: l.done,
      outcome: l.outcome,
      opportunityId: l.opportunityId,
      opportunityStage: l.opportunityStage,
    }));
    await ok(core, 'dailyReports.save', report(lines, saved.id));
    expect((await ok(core, 'opportunities.get', { id: o.id })).history).toHaveLength(2);
    // the moving line keeps its opportunity and stage, and stays
    await refused(
      'dailyReports.save',
      report([{ ...lines[0]!, opportunityStage: 'quote' }, lines[1]!], saved.id),
      'CONFLICT',
      'lines.0.opportunityStage',
      '已将商机「春节团购」推进到「方案演示」',
    );
    await refused('dailyReports.save', report([lines[1]!], saved.id), 'CONFLICT', 'lines', '不能删除');
  });

  it('refuses a line whose opportunity is another customer’s, a stage without an opportunity, and a bad move — the report unsaved', async () => {
    const o = await ok(core, 'opportunities.save', opportunity());
    await refused(
      'dailyReports.save',
      report([{ customerId: s.customers.c3.id, done: true, opportunityId: o.id, opportunityStage: 'contact' }]),
      'VALIDATION',
      'lines.0.opportunityId',
      '不是这一行客户的商机',
    );
    await refused(
      'dailyReports.save',
      report([{ customerId: s.customers.c2.id, done: true, opportunityStage: 'contact' }]),
      'VALIDATION',
      'lines.0.opportunityId',
      '请选择商机',
    );
    await refused(
      'dailyReports.save',
      report([{ customerId: s.customers.c2.id, done: true, opportunityId: o.id, opportunityStage: 'lost' }]),
      'VALIDATION',
      'lines.0.opportunityStage',
      '流失原因',
    );
    await ok(core, 'opportunities.move', { id: o.id, stage: 'contact', date: '2025-03-08' });
    await refused(
      'dailyReports.save',
      report([{ customerId: s.customers.c2.id, done: true, opportunityId: o.id, opportunityStage: 'needs' }]),
      'VALIDATION',
      'lines.0.opportunityStage',
      '不能早于上一次阶段变更（2025-03-08）',
    );
  });
});
