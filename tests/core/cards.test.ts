// 客户策略卡 and 客户月评卡: empty cards, set-wise action lists, done dates, one evaluation per month, locked history, audit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import type { Core } from '../../electron/core/core';
import { digest, fail, makeCore, ok, seed, type Seeded, TEST_MANAGER } from './helpers';

let core: Core;
let s: Seeded;
beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
});
afterEach(() => core.close());

const card = (input: Input<'strategyCards.save'>) => ok(core, 'strategyCards.save', input);
const evaluation = (input: Partial<Input<'monthlyEvaluations.save'>> & { customerId: number; month: string }) =>
  ok(core, 'monthlyEvaluations.save', {
    purchaseScore: 3,
    paymentScore: 3,
    cooperationScore: 3,
    potentialScore: 3,
    evaluator: '王强',
    ...input,
  });

async function expectUnchanged(method: string, input: unknown) {
  const before = digest(core.ctx.db);
  const err = await fail(core, method, input);
  expect(digest(core.ctx.db)).toBe(before);
  return err;
}

describe('strategyCards', () => {
  it('get returns an empty card for a customer that has none, and NOT_FOUND for an unknown customer', async () => {
    expect(await ok(core, 'strategyCards.get', { customerId: s.customers.c2.id })).toEqual({
      customerId: s.customers.c2.id,
      goals: '',
      approach: '',
      decisionMakers: '',
      competitors: '',
      updatedAt: null,
      updatedBy: null,
      actions: [],
    });
    expect(await fail(core, 'strategyCards.get', { customerId: 9999 })).toMatchObject({ code: 'NOT_FOUND', field: 'customerId' });
  });

  it('save creates the card with its actions in the given order and records who and when', async () => {
    const id = s.customers.c1.id;
    const saved = await card({
      customerId: id,
      goals: '年销售额 50 万元',
      approach: '季度拜访，主推新品',
      decisionMakers: '张总（老板）\n李经理（采购）',
      competitors: '某某商贸',
      actions: [
        { dueDate: '2025-03-20', action: '送样品', owner: '李娜' },
        { dueDate: '2025-03-10', action: '约见张总', done: true },
      ],
    });
    expect(saved).toMatchObject({
      customerId: id,
      goals: '年销售额 50 万元',
      decisionMakers: '张总（老板）\n李经理（采购）',
      updatedBy: TEST_MANAGER.name,
      actions: [
        { dueDate: '2025-03-20', action: '送样品', owner: '李娜', done: false, doneAt: null },
        { dueDate: '2025-03-10', action: '约见张总', owner: '', done: true },
      ],
    });
    expect(saved.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(saved.actions[1]!.doneAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await ok(core, 'strategyCards.get', { customerId: id })).toEqual(saved);

    const audit = await ok(core, 'audit.list', { entity: 'strategyCard', entityId: id });
    expect(audit.rows).toEqual([expect.objectContaining({ action: 'create', entity: 'strategyCard', entityId: id, before: null })]);
    // the log also keeps the customer's name as it was, for when it is renamed or merged away
    expect(audit.rows[0]!.after).toEqual({ ...saved, customerName: '北京华众商贸有限公司' });
  });

  it('replaces the actions as a set: kept ids updated, missing removed, new inserted; the first done date is kept', async () => {
    const id = s.customers.c1.id;
    const first = await card({
      customerId: id,
      goals: '目标',
      actions: [
        { dueDate: '2025-03-01', action: '甲', done: true },
        { dueDate: '2025-03-02', action: '乙' },
        { dueDate: '2025-03-03', action: '丙', done: true },
      ],
    });
    const [jia, yi, bing] = first.actions;
    const second = await card({
      customerId: id,
      goals: '目标（改）',
      actions: [
        { id: bing!.id, dueDate: '2025-03-03', action: '丙', done: false }, // undone: date cleared
        { dueDate: '2025-03-04', action: '丁' },
        { id: jia!.id, dueDate: '2025-03-05', action: '甲（改期）', done: true }, // still done: first date kept
      ],
    });
    expect(second.actions.map((a) => [a.action, a.done])).toEqual([
      ['丙', false],
      ['丁', false],
      ['甲（改期）', true],
    ]);
    expect(second.actions[0]).toMatchObject({ id: bing!.id, doneAt: null });
    expect(second.actions[2]).toMatchObject({ id: jia!.id, doneAt: jia!.doneAt, dueDate: '2025-03-05' });
    expect(second.actions.map((a) => a.id)).not.toContain(yi!.id);
    expect(core.ctx.db.prepare('select count(*) from strategy_actions where id = ?').pluck().get(yi!.id)).toBe(0);

    // done again later: a new completion date
    const third = await card({
      customerId: id,
      goals: '目标（改）',
      actions: second.actions.map((a) => ({ id: a.id, dueDate: a.dueDate, action: a.action, done: true })),
    });
    expect(third.actions[0]!.doneAt).not.toBeNull();
    expect(third.actions[0]!.doneAt! > second.updatedAt!).toBe(true);
    expect(third.actions[2]!.doneAt).toBe(jia!.doneAt);

    const audit = await ok(core, 'audit.list', { entity: 'strategyCard', entityId: id });
    expect(audit.rows.map((r) => r.action)).toEqual(['update', 'update', 'create']);
    expect(audit.rows[1]!.before).toEqual({ ...first, customerName: '北京华众商贸有限公司' });
    expect(audit.rows[1]!.after).toEqual({ ...second, customerName: '北京华众商贸有限公司' });
  });

  it('an action id that belongs to another customer is a REFERENCE error on actions.N.id, with nothing written', async () => {
    const other = await card({ customerId: s.customers.c2.id, actions: [{ dueDate: '2025-03-01', action: '别人的' }] });
    await card({ customerId: s.customers.c1.id, goals: '原目标', actions: [{ dueDate: '2025-03-01', action: '自己的' }] });
    const err = await expectUnchanged('strategyCards.save', {
      customerId: s.customers.c1.id,
      goals: '新目标',
      actions: [
        { dueDate: '2025-03-01', action: '新的' },
        { id: other.actions[0]!.id, dueDate: '2025-03-01', action: '冒名' },
      ],
    });
    expect(err).toMatchObject({ code: 'REFERENCE', field: 'actions.1.id' });
    expect(err.message).toContain('下一步行动 › 第2行');
    expect(await ok(core, 'strategyCards.get', { customerId: s.customers.c2.id })).toEqual(other);

    const unknown = await expectUnchanged('strategyCards.save', {
      customerId: s.customers.c1.id,
      actions: [{ id: 99999, dueDate: '2025-03-01', action: '无' }],
    });
    expect(unknown).toMatchObject({ code: 'REFERENCE', field: 'actions.0.id' });
  });

  it('the same action id twice is refused', async () => {
    const saved = await card({ customerId: s.customers.c1.id, actions: [{ dueDate: '2025-03-01', action: '甲' }] });
    const id = saved.actions[0]!.id;
    const err = await expectUnchanged('strategyCards.save', {
      customerId: s.customers.c1.id,
      actions: [
        { id, dueDate: '2025-03-01', action: '甲' },
        { id, dueDate: '2025-03-02', action: '乙' },
      ],
    });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'actions.1.id' });
  });

  it('checks the input: dates, required action text, unknown customer', async () => {
    const bad = async (input: unknown, field: string, code = 'VALIDATION') =>
      expect(await expectUnchanged('strategyCards.save', input)).toMatchObject({ code, field });
    await bad({ customerId: s.customers.c1.id, actions: [{ dueDate: '2025-02-30', action: '甲' }] }, 'actions.0.dueDate');
    await bad({ customerId: s.customers.c1.id, actions: [{ dueDate: '2025-03-01', action: '  ' }] }, 'actions.0.action');
    await bad({ customerId: s.customers.c1.id, goals: 'x'.repeat(2001) }, 'goals');
    await bad({ customerId: 9999 }, 'customerId', 'NOT_FOUND');
  });

  it('an archived or merged customer’s card can be read but not changed', async () => {
    await card({ customerId: s.customers.c3.id, goals: '旧目标' });
    await ok(core, 'customers.archive', { id: s.customers.c3.id });
    const err = await expectUnchanged('strategyCards.save', { customerId: s.customers.c3.id, goals: '新目标' });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'customerId' });
    expect(err.message).toContain('归档');
    expect((await ok(core, 'strategyCards.get', { customerId: s.customers.c3.id })).goals).toBe('旧目标');

    await ok(core, 'customers.merge', { survivorId: s.customers.c1.id, mergedId: s.customers.c4.id });
    const merged = await expectUnchanged('strategyCards.save', { customerId: s.customers.c4.id, goals: '新目标' });
    expect(merged).toMatchObject({ code: 'CONFLICT', field: 'customerId' });
    expect(merged.message).toContain('已合并到「北京华众商贸有限公司」');
  });

  it('is all-or-nothing: a failing action insert leaves the card and its old actions', async () => {
    const before = await card({ customerId: s.customers.c1.id, goals: '旧', actions: [{ dueDate: '2025-03-01', action: '旧行动' }] });
    core.ctx.db.exec(
      "CREATE TRIGGER sabotage BEFORE INSERT ON strategy_actions WHEN NEW.action = '坏' BEGIN SELECT RAISE(ABORT, '模拟写入失败'); END",
    );
    const err = await expectUnchanged('strategyCards.save', {
      customerId: s.customers.c1.id,
      goals: '新',
      actions: [
        { dueDate: '2025-03-01', action: '好' },
        { dueDate: '2025-03-01', action: '坏' },
      ],
    });
    expect(err.code).toBe('CONFLICT');
    expect(await ok(core, 'strategyCards.get', { customerId: s.customers.c1.id })).toEqual(before);
  });
});

describe('monthlyEvaluations', () => {
  it('saves one evaluation per month and lists them newest month first', async () => {
    const id = s.customers.c1.id;
    const jan = await evaluation({ customerId: id, month: '2025-01', purchaseScore: 5, paymentScore: 4, comment: '回款及时' });
    const dec = await evaluation({ customerId: id, month: '2024-12' });
    const mar = await evaluation({ customerId: id, month: '2025-03', potentialScore: 1 }); // the current month is allowed
    expect(jan).toMatchObject({
      customerId: id,
      month: '2025-01',
      purchaseScore: 5,
      paymentScore: 4,
      cooperationScore: 3,
      potentialScore: 3,
      comment: '回款及时',
      evaluator: '王强',
    });
    const list = await ok(core, 'monthlyEvaluations.list', { customerId: id });
    expect(list.map((e) => e.month)).toEqual(['2025-03', '2025-01', '2024-12']);
    expect(list.map((e) => e.id)).toEqual([mar.id, jan.id, dec.id]);
    expect(await ok(core, 'monthlyEvaluations.list', { customerId: s.customers.c2.id })).toEqual([]);
    expect(await fail(core, 'monthlyEvaluations.list', { customerId: 9999 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a second evaluation for the same month is a CONFLICT naming the month; another customer may use the month', async () => {
    const id = s.customers.c1.id;
    await evaluation({ customerId: id, month: '2025-02' });
    const err = await expectUnchanged('monthlyEvaluations.save', {
      customerId: id,
      month: '2025-02',
      purchaseScore: 1,
      paymentScore: 1,
      cooperationScore: 1,
      potentialScore: 1,
      evaluator: '李娜',
    });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'month' });
    expect(err.message).toContain('2025-02');
    await evaluation({ customerId: s.customers.c2.id, month: '2025-02' });
  });

  it('updates by id, keeping the month unique', async () => {
    const id = s.customers.c1.id;
    const jan = await evaluation({ customerId: id, month: '2025-01' });
    await evaluation({ customerId: id, month: '2025-02' });
    const updated = await evaluation({ id: jan.id, customerId: id, month: '2025-01', paymentScore: 5, comment: '改' });
    expect(updated).toMatchObject({ id: jan.id, month: '2025-01', paymentScore: 5, comment: '改' });
    const moved = await evaluation({ id: jan.id, customerId: id, month: '2024-11' });
    expect(moved.month).toBe('2024-11');
    const err = await expectUnchanged('monthlyEvaluations.save', {
      id: jan.id,
      customerId: id,
      month: '2025-02',
      purchaseScore: 3,
      paymentScore: 3,
      cooperationScore: 3,
      potentialScore: 3,
      evaluator: '王强',
    });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'month' });
    expect(err.message).toContain('2025-02');

    const audit = await ok(core, 'audit.list', { entity: 'monthlyEvaluation', entityId: jan.id });
    expect(audit.rows.map((r) => r.action)).toEqual(['update', 'update', 'create']);
    expect(audit.rows[0]).toMatchObject({ before: { month: '2025-01' }, after: { month: '2024-11' } });
  });

  it('refuses months after the current month, scores outside 1–5, an id of another customer, and unknown ids', async () => {
    const base = {
      customerId: s.customers.c1.id,
      purchaseScore: 3,
      paymentScore: 3,
      cooperationScore: 3,
      potentialScore: 3,
      evaluator: '王强',
    };
    const future = await expectUnchanged('monthlyEvaluations.save', { ...base, month: '2025-04' });
    expect(future).toMatchObject({ code: 'VALIDATION', field: 'month' });
    expect(future.message).toContain('2025-04');
    expect(await expectUnchanged('monthlyEvaluations.save', { ...base, month: '2025-13' })).toMatchObject({ field: 'month' });
    expect(await expectUnchanged('monthlyEvaluations.save', { ...base, month: '2025-01', paymentScore: 6 })).toMatchObject({
      code: 'VALIDATION',
      field: 'paymentScore',
    });
    expect(await expectUnchanged('monthlyEvaluations.save', { ...base, month: '2025-01', potentialScore: 0 })).toMatchObject({
      field: 'potentialScore',
    });
    expect(await expectUnchanged('monthlyEvaluations.save', { ...base, month: '2025-01', evaluator: ' ' })).toMatchObject({
      field: 'evaluator',
    });
    const other = await evaluation({ customerId: s.customers.c2.id, month: '2025-01' });
    expect(await expectUnchanged('monthlyEvaluations.save', { ...base, id: other.id, month: '2025-01' })).toMatchObject({
      code: 'REFERENCE',
      field: 'id',
    });
    expect(await expectUnchanged('monthlyEvaluations.save', { ...base, id: 9999, month: '2025-01' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
  });

  it('an archived customer’s evaluations are locked', async () => {
    await evaluation({ customerId: s.customers.c3.id, month: '2025-01' });
    await ok(core, 'customers.archive', { id: s.customers.c3.id });
    const err = await expectUnchanged('monthlyEvaluations.save', {
      customerId: s.customers.c3.id,
      month: '2025-02',
      purchaseScore: 3,
      paymentScore: 3,
      cooperationScore: 3,
      potentialScore: 3,
      evaluator: '王强',
    });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'customerId' });
    expect(await ok(core, 'monthlyEvaluations.list', { customerId: s.customers.c3.id })).toHaveLength(1);
  });

  it('writes a create audit row, and a failing audit insert undoes the evaluation', async () => {
    const jan = await evaluation({ customerId: s.customers.c1.id, month: '2025-01' });
    const audit = await ok(core, 'audit.list', { entity: 'monthlyEvaluation', entityId: jan.id });
    expect(audit.rows).toEqual([
      expect.objectContaining({ action: 'create', before: null, after: { ...jan, customerName: '北京华众商贸有限公司' } }),
    ]);

    core.ctx.db.exec(
      "CREATE TRIGGER sabotage BEFORE INSERT ON audit_log WHEN NEW.entity = 'monthlyEvaluation' BEGIN SELECT RAISE(ABORT, '模拟写入失败'); END",
    );
    await expectUnchanged('monthlyEvaluations.save', {
      customerId: s.customers.c1.id,
      month: '2025-02',
      purchaseScore: 3,
      paymentScore: 3,
      cooperationScore: 3,
      potentialScore: 3,
      evaluator: '王强',
    });
  });
});
