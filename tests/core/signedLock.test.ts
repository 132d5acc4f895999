// The daily forms' state machine (draft → submitted → signed, return, unsign) for every action, state and role; the
// signature's password and lockout; the triggers that lock a signed form in the database; the content hash.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import type { Actor, Ctx } from '../../electron/core/context';
import { toErrorData } from '../../electron/core/errors';
import { contentHash } from '../../electron/core/modules/dailyForms/content';
import { planContent } from '../../electron/core/modules/visitPlans/content';
import { reportContent } from '../../electron/core/modules/dailyReports/content';
import { signedFormMismatches } from '../../electron/core/modules/dailyReports/signatures';
import { addDays } from '../../electron/core/modules/dailyForms/forms';
import { addOperator, asOperator, digest, fail, makeCore, ok, seed } from './helpers';
import { call, failAs, formsFixture, liPlan, okAs, PASSWORD, planLine, TODAY, type Forms } from './dailyFormsFixture';

type Form = 'plan' | 'report';
type State = 'draft' | 'returned' | 'submitted' | 'signed';
type Action = 'save' | 'submit' | 'return' | 'sign' | 'unsign';
type Role = 'admin' | 'manager' | 'supA' | 'supB' | 'supNone' | 'clerk';

const forms: Form[] = ['plan', 'report'];
const states: State[] = ['draft', 'returned', 'submitted', 'signed'];
const actions: Action[] = ['save', 'submit', 'return', 'sign', 'unsign'];
const roles: Role[] = ['admin', 'manager', 'supA', 'supB', 'supNone', 'clerk'];

/** The rule, written out: who may act on 李娜's form (一组, supervised by 主管甲), then from which state. */
function expected(action: Action, state: State, role: Role): ErrorCode | State {
  const signerAction = action === 'return' || action === 'sign' || action === 'unsign';
  if (role === 'admin') return 'FORBIDDEN';
  if (signerAction && role === 'clerk') return 'FORBIDDEN';
  if (role === 'supB' || role === 'supNone') return 'FORBIDDEN'; // 李娜 is not in their team
  const draftLike = state === 'draft' || state === 'returned';
  switch (action) {
    case 'save':
      return draftLike ? state : 'CONFLICT'; // a returned draft stays returned until it is submitted
    case 'submit':
      return draftLike ? 'submitted' : 'CONFLICT';
    case 'return':
      return state === 'submitted' ? 'returned' : 'CONFLICT';
    case 'sign':
      return state === 'submitted' ? 'signed' : 'CONFLICT';
    case 'unsign':
      return state === 'signed' ? 'returned' : 'CONFLICT'; // back to the clerk as a draft, with the reason
  }
}

const method = (form: Form, action: Action) => `${form === 'plan' ? 'visitPlans' : 'dailyReports'}.${action}` as const;

let f: Forms;
let dayOffset = 0;
beforeAll(async () => {
  f = await formsFixture();
});

/** A new form for 李娜 on a day of its own, brought into the state by the clerk and the manager. */
async function formIn(form: Form, state: State, date = addDays(TODAY, -++dayOffset)): Promise<{ id: number; date: string }> {
  const clerk = f.as(f.ops.clerk);
  const manager = f.as(f.ops.manager);
  const id =
    form === 'plan'
      ? (await okAs(clerk, 'visitPlans.save', { repId: f.reps.li.id, date, lines: [planLine(f.customers.c1.id)] })).id
      : (
          await okAs(clerk, 'dailyReports.save', {
            repId: f.reps.li.id,
            date,
            attendance: 'present',
            lines: [{ customerId: f.customers.c1.id, done: true, outcome: '订货两箱', orderFen: 12_000 }],
          })
        ).id;
  if (state === 'draft') return { id, date };
  await okAs(clerk, method(form, 'submit'), { id });
  if (state === 'returned') await okAs(manager, method(form, 'return'), { id, comment: '请补充' });
  if (state === 'signed') await okAs(manager, method(form, 'sign'), { id, password: PASSWORD });
  return { id, date };
}

function inputFor(form: Form, action: Action, id: number, date: string): Record<string, unknown> {
  switch (action) {
    case 'save':
      return form === 'plan'
        ? { id, repId: f.reps.li.id, date, notes: '改过', lines: [planLine(f.customers.c2.id)] }
        : { id, repId: f.reps.li.id, date, attendance: 'out', lines: [{ customerId: f.customers.c2.id, done: false, reason: '关门' }] };
    case 'submit':
      return { id };
    case 'return':
      return { id, comment: '再看看' };
    case 'sign':
      return { id, password: PASSWORD, comment: '同意' };
    case 'unsign':
      return { id, password: PASSWORD, reason: '金额填错' };
  }
}

const stateOf = (detail: { state: string; returned: boolean }): State =>
  detail.state === 'draft' && detail.returned ? 'returned' : (detail.state as State);

const roleActor = (role: Role): Actor => f.ops[role];

describe('the state machine: every action from every state by every role', () => {
  const cases = forms.flatMap((form) =>
    actions.flatMap((action) => states.flatMap((state) => roles.map((role) => [form, action, state, role] as const))),
  );
  it.each(cases.map((c) => [`${c[0]} ${c[1]} from ${c[2]} by ${c[3]} → ${expected(c[1], c[2], c[3])}`, c] as const))(
    '%s',
    async (_name, [form, action, state, role]) => {
      const { id, date } = await formIn(form, state);
      const want = expected(action, state, role);
      const before = states.includes(want as State) ? '' : digest(f.db);
      const res = await call(f.as(roleActor(role)), method(form, action), inputFor(form, action, id, date) as never);
      if (states.includes(want as State)) {
        expect(res.ok, JSON.stringify(res.ok ? '' : res.error)).toBe(true);
        if (res.ok) expect(stateOf(res.data as { state: string; returned: boolean })).toBe(want);
      } else {
        expect(res.ok).toBe(false);
        if (res.ok) return;
        expect(res.error.code, res.error.message).toBe(want);
        expect(res.error.message).toMatch(/[\u4e00-\u9fff]/);
        expect(digest(f.db)).toBe(before);
      }
    },
  );

  it('runs the whole life of a form in order: save, submit, return, resubmit, sign, unsign, edit, sign again', async () => {
    const { id, date } = await formIn('plan', 'draft');
    const clerk = f.as(f.ops.clerk);
    const sup = f.as(f.ops.supA);
    expect((await okAs(clerk, 'visitPlans.submit', { id })).state).toBe('submitted');
    const returned = await okAs(sup, 'visitPlans.return', { id, comment: '请补充时间' });
    expect(returned).toMatchObject({ state: 'draft', returned: true, returnComment: '请补充时间' });
    const edited = await okAs(clerk, 'visitPlans.save', {
      id,
      repId: f.reps.li.id,
      date,
      lines: [planLine(f.customers.c1.id, { plannedTime: '08:30' })],
    });
    expect(edited).toMatchObject({ state: 'draft', returned: true }); // still returned: the comment stays until the next submit
    const resubmitted = await okAs(clerk, 'visitPlans.submit', { id });
    expect(resubmitted).toMatchObject({ state: 'submitted', returned: false, returnComment: '' });
    const signed = await okAs(sup, 'visitPlans.sign', { id, password: PASSWORD, comment: '同意' });
    expect(signed).toMatchObject({ state: 'signed', signedByOperatorId: f.ops.supA.id, signedByName: '主管甲', signComment: '同意' });
    expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.signedAt).toMatch(/^2025-03-20T/);
    const unsigned = await okAs(sup, 'visitPlans.unsign', { id, password: PASSWORD, reason: '时间写错' });
    expect(unsigned).toMatchObject({
      state: 'draft',
      returned: true,
      returnComment: '撤销签核：时间写错',
      signedByOperatorId: null,
      signedByName: null,
      signedAt: null,
      contentHash: null,
    });
    await okAs(clerk, 'visitPlans.save', { id, repId: f.reps.li.id, date, lines: [planLine(f.customers.c1.id, { plannedTime: '09:15' })] });
    await okAs(clerk, 'visitPlans.submit', { id });
    const again = await okAs(f.as(f.ops.manager), 'visitPlans.sign', { id, password: PASSWORD });
    expect(again).toMatchObject({ state: 'signed', signedByName: '经理甲' });
    expect(again.contentHash).not.toBe(signed.contentHash);

    const log = f.db
      .prepare("select action, operator from audit_log where entity = 'visitPlan' and entity_id = ? order by id")
      .all(id) as Array<{ action: string; operator: string }>;
    expect(log.map((l) => `${l.action}:${l.operator}`)).toEqual([
      'create:文员甲',
      'submit:文员甲',
      'return:主管甲',
      'update:文员甲',
      'submit:文员甲',
      'sign:主管甲',
      'unsign:主管甲',
      'update:文员甲',
      'submit:文员甲',
      'sign:经理甲',
    ]);
  });
});

describe('refusals say what is wrong', () => {
  const messageOf = async (ctx: Ctx, m: Parameters<typeof failAs>[1], input: Record<string, unknown>) => {
    const before = digest(f.db);
    const err = await failAs(ctx, m, input as never);
    expect(digest(f.db)).toBe(before);
    return err;
  };

  it('signing a draft, signing twice, unsigning an unsigned form, returning a draft, editing submitted and signed forms', async () => {
    const manager = f.as(f.ops.manager);
    for (const form of forms) {
      const word = form === 'plan' ? '拜访计划' : '销售报告';
      const draft = await formIn(form, 'draft');
      expect(await messageOf(manager, method(form, 'sign'), { id: draft.id, password: PASSWORD })).toMatchObject({
        code: 'CONFLICT',
        message: `${word}尚未提交，不能签核`,
      });
      expect(await messageOf(manager, method(form, 'return'), { id: draft.id, comment: '退' })).toMatchObject({
        code: 'CONFLICT',
        message: `${word}还是草稿（尚未提交），不能退回`,
      });
      expect(await messageOf(manager, method(form, 'unsign'), { id: draft.id, password: PASSWORD, reason: '无' })).toMatchObject({
        code: 'CONFLICT',
        message: `${word}未签核，无需撤销签核`,
      });
      const submitted = await formIn(form, 'submitted');
      const editSubmitted = await messageOf(f.as(f.ops.clerk), method(form, 'save'), inputFor(form, 'save', submitted.id, submitted.date));
      expect(editSubmitted).toMatchObject({ code: 'CONFLICT', message: `${word}已提交，不能修改；如需修改，请主管先退回` });
      const signed = await formIn(form, 'signed');
      const twice = await messageOf(manager, method(form, 'sign'), { id: signed.id, password: PASSWORD });
      expect(twice.code).toBe('CONFLICT');
      expect(twice.message).toMatch(new RegExp(`^${word}已由经理甲于 2025-03-20 \\d\\d:\\d\\d 签核，不能重复签核$`));
      for (const role of roles.filter((r) => r !== 'admin')) {
        const err = await messageOf(f.as(roleActor(role)), method(form, 'save'), inputFor(form, 'save', signed.id, signed.date));
        expect(err.code, role).toBe(role === 'supB' || role === 'supNone' ? 'FORBIDDEN' : 'CONFLICT');
        if (err.code === 'CONFLICT') expect(err.message).toBe(`${word}已签核并锁定，不能修改；如需修改，请主管先撤销签核`);
      }
    }
  });

  it('a clerk signing, an admin entering, a supervisor outside the team or on their own forms: FORBIDDEN, named', async () => {
    const submitted = await formIn('plan', 'submitted');
    expect(await messageOf(f.as(f.ops.clerk), 'visitPlans.sign', { id: submitted.id, password: PASSWORD })).toMatchObject({
      code: 'FORBIDDEN',
      message: '文员无权签核拜访计划',
    });
    expect(
      await messageOf(f.as(f.ops.admin), 'visitPlans.save', { repId: f.reps.li.id, date: TODAY, lines: [planLine(f.customers.c1.id)] }),
    ).toMatchObject({ code: 'FORBIDDEN', message: '系统管理员无权填写拜访计划' });
    expect(await messageOf(f.as(f.ops.supB), 'visitPlans.sign', { id: submitted.id, password: PASSWORD })).toMatchObject({
      code: 'FORBIDDEN',
      message: '业务员「李娜」不属于您的团队，不能签核其拜访计划',
    });
    expect((await messageOf(f.as(f.ops.supNone), 'visitPlans.sign', { id: submitted.id, password: PASSWORD })).message).toContain(
      '没有关联业务员档案',
    );
    // 主管甲's own plan (as 王强) is signed by a manager
    const clerk = f.as(f.ops.clerk);
    const own = await okAs(clerk, 'visitPlans.save', { repId: f.reps.wang.id, date: TODAY, lines: [planLine(f.customers.c4.id)] });
    await okAs(clerk, 'visitPlans.submit', { id: own.id });
    expect(await messageOf(f.as(f.ops.supA), 'visitPlans.sign', { id: own.id, password: PASSWORD })).toMatchObject({
      code: 'FORBIDDEN',
      message: '不能签核自己的拜访计划，请由经理处理',
    });
    // without a signed-in operator nobody signs
    expect(await messageOf(f.sys, 'visitPlans.sign', { id: submitted.id, password: PASSWORD })).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a supervisor signs their team (same team, or reporting to their rep without a team) and nobody else', async () => {
    const clerk = f.as(f.ops.clerk);
    const submit = async (repId: number) => {
      const p = await okAs(clerk, 'visitPlans.save', { repId, date: '2025-02-01', lines: [planLine(f.customers.c5.id)] });
      await okAs(clerk, 'visitPlans.submit', { id: p.id });
      return p.id;
    };
    const zhou = await submit(f.reps.zhou.id); // 一组, no supervisor_id
    const sun = await submit(f.reps.sun.id); // no team, supervisor 陈刚
    const zhao = await submit(f.reps.zhao.id); // 二组
    const sign = (actor: Actor, id: number) => call(f.as(actor), 'visitPlans.sign', { id, password: PASSWORD });
    expect((await sign(f.ops.supB, zhou)).ok).toBe(false);
    expect((await sign(f.ops.supA, sun)).ok).toBe(false);
    expect((await sign(f.ops.supA, zhao)).ok).toBe(false);
    expect((await sign(f.ops.supA, zhou)).ok).toBe(true);
    expect((await sign(f.ops.supB, sun)).ok).toBe(true);
    expect((await sign(f.ops.supB, zhao)).ok).toBe(true);
  });
});

describe('the signer’s own password', () => {
  it('a wrong password is VALIDATION naming 密码, changes no form, and counts toward the lockout (5 → 60 s)', async () => {
    const op = f.ops.supA;
    const ctx = f.as(op);
    const { id } = await formIn('report', 'submitted');
    const form = () => f.db.prepare('select * from daily_reports where id = ?').get(id);
    const attempts = () =>
      f.db.prepare('select failed_attempts as n, locked_until as until from operators where id = ?').get(op.id) as {
        n: number;
        until: string | null;
      };
    const before = form();
    for (let i = 1; i <= 4; i++) {
      const err = await failAs(ctx, 'dailyReports.sign', { id, password: 'wrong' });
      expect(err).toMatchObject({ code: 'VALIDATION', field: 'password' });
      expect(err.message).toBe(`密码：不正确（还可再试 ${5 - i} 次）`);
      expect(attempts().n).toBe(i);
    }
    const fifth = await failAs(ctx, 'dailyReports.sign', { id, password: 'wrong' });
    expect(fifth.message).toBe('密码：不正确；已连续输错 5 次，锁定 60 秒');
    const locked = attempts();
    expect(locked.until).not.toBeNull();
    // locked: even the right password is refused until the minute is over
    const whileLocked = await failAs(ctx, 'dailyReports.sign', { id, password: PASSWORD });
    expect(whileLocked).toMatchObject({ code: 'VALIDATION', field: 'password' });
    expect(whileLocked.message).toMatch(/^密码：连续输错 5 次，已锁定，请 \d+ 秒后再试$/);
    expect(form()).toEqual(before);
    const later: Ctx = { ...ctx, now: () => new Date(Date.parse(locked.until!) + 1000) };
    expect((await okAs(later, 'dailyReports.sign', { id, password: PASSWORD })).state).toBe('signed');
    expect(attempts()).toEqual({ n: 0, until: null });
  });

  it('a right password after some wrong ones resets the count', async () => {
    const op = f.ops.manager;
    const { id } = await formIn('plan', 'submitted');
    await failAs(f.as(op), 'visitPlans.sign', { id, password: 'nope' });
    await failAs(f.as(op), 'visitPlans.sign', { id, password: 'nope' });
    expect(f.db.prepare('select failed_attempts from operators where id = ?').pluck().get(op.id)).toBe(2);
    await okAs(f.as(op), 'visitPlans.sign', { id, password: PASSWORD });
    expect(f.db.prepare('select failed_attempts from operators where id = ?').pluck().get(op.id)).toBe(0);
    // unsign asks for it too
    const err = await failAs(f.as(op), 'visitPlans.unsign', { id, password: 'nope', reason: '试' });
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'password' });
    expect(f.db.prepare('select state from visit_plans where id = ?').pluck().get(id)).toBe('signed');
    await okAs(f.as(op), 'visitPlans.sign', { id: (await formIn('plan', 'submitted')).id, password: PASSWORD }); // reset again
  });
});

describe('the database locks a signed form (triggers)', () => {
  const refused = (sql: string, ...params: unknown[]) => {
    const before = digest(f.db);
    let caught: unknown;
    try {
      f.db.prepare(sql).run(...params);
    } catch (err) {
      caught = err;
    }
    expect(caught, sql).toBeInstanceOf(Error);
    expect((caught as Error).message).toMatch(/^SIGNED_LOCKED: /);
    expect(digest(f.db)).toBe(before);
    const data = toErrorData(caught);
    expect(data.code).toBe('CONFLICT');
    expect(data.message).not.toContain('SIGNED_LOCKED');
    expect(data.message).toMatch(/^已签核的/);
  };

  it('refuses UPDATE, DELETE and REPLACE of a signed plan and of its lines', async () => {
    const { id, date } = await formIn('plan', 'signed');
    const line = f.db.prepare('select * from visit_plan_lines where plan_id = ?').get(id) as { id: number; customer_id: number };
    const draft = await formIn('plan', 'draft');
    refused("update visit_plans set notes = 'x' where id = ?", id);
    refused("update visit_plans set state = 'submitted' where id = ?", id);
    refused("update visit_plans set state = 'draft', notes = 'x' where id = ?", id);
    refused("update visit_plans set date = '2020-01-01' where id = ?", id);
    refused('delete from visit_plans where id = ?', id);
    refused(
      "insert or replace into visit_plans (id, rep_id, date, notes, state, created_at, updated_at) values (?, ?, ?, 'x', 'draft', 'a', 'b')",
      id,
      f.reps.li.id,
      date,
    );
    // a REPLACE that collides on (rep, date) with a new id would delete the signed row too
    refused("insert or replace into visit_plans (rep_id, date, created_at, updated_at) values (?, ?, 'a', 'b')", f.reps.li.id, date);
    refused("update visit_plan_lines set notes = 'x' where id = ?", line.id);
    refused('update visit_plan_lines set plan_id = ? where id = ?', draft.id, line.id);
    refused('delete from visit_plan_lines where id = ?', line.id);
    refused('insert into visit_plan_lines (plan_id, seq, customer_id) values (?, 9, ?)', id, line.customer_id);
    refused(
      "insert or replace into visit_plan_lines (id, plan_id, seq, customer_id, notes) values (?, ?, 1, ?, 'x')",
      line.id,
      id,
      line.customer_id,
    );
    // moving a draft's line into the signed plan
    const draftLine = f.db.prepare('select id from visit_plan_lines where plan_id = ?').pluck().get(draft.id) as number;
    refused('update visit_plan_lines set plan_id = ? where id = ?', id, draftLine);
  });

  it('refuses UPDATE, DELETE and REPLACE of a signed report and of its lines', async () => {
    const { id, date } = await formIn('report', 'signed');
    const line = f.db.prepare('select * from daily_report_lines where report_id = ?').get(id) as { id: number; customer_id: number };
    refused("update daily_reports set problems = 'x' where id = ?", id);
    refused("update daily_reports set attendance = 'off' where id = ?", id);
    refused("update daily_reports set state = 'submitted' where id = ?", id);
    refused('delete from daily_reports where id = ?', id);
    refused(
      "insert or replace into daily_reports (id, rep_id, date, state, created_at, updated_at) values (?, ?, ?, 'draft', 'a', 'b')",
      id,
      f.reps.li.id,
      date,
    );
    refused("insert or replace into daily_reports (rep_id, date, created_at, updated_at) values (?, ?, 'a', 'b')", f.reps.li.id, date);
    refused('update daily_report_lines set order_fen = 1 where id = ?', line.id);
    refused('delete from daily_report_lines where id = ?', line.id);
    refused('insert into daily_report_lines (report_id, seq, customer_id) values (?, 9, ?)', id, line.customer_id);
    refused(
      'insert or replace into daily_report_lines (id, report_id, seq, customer_id) values (?, ?, 1, ?)',
      line.id,
      id,
      line.customer_id,
    );
  });

  it('allows exactly the unsign transition: state back to draft with the content unchanged', async () => {
    const plan = await formIn('plan', 'signed');
    f.db
      .prepare(
        "update visit_plans set state = 'draft', signed_by_operator_id = null, signed_by_name = null, content_hash = null where id = ?",
      )
      .run(plan.id);
    expect(f.db.prepare('select state from visit_plans where id = ?').pluck().get(plan.id)).toBe('draft');
    const report = await formIn('report', 'signed');
    f.db.prepare("update daily_reports set state = 'draft', return_comment = 'x' where id = ?").run(report.id);
    // and once a draft, its lines are editable again
    f.db.prepare('update daily_report_lines set order_fen = 5 where report_id = ?').run(report.id);
  });

  it('the services refuse before the triggers do: editing a signed form by save is a plain CONFLICT', async () => {
    const { id, date } = await formIn('report', 'signed');
    const err = await failAs(f.as(f.ops.manager), 'dailyReports.save', inputFor('report', 'save', id, date) as Input<'dailyReports.save'>);
    expect(err).toMatchObject({ code: 'CONFLICT', message: '销售报告已签核并锁定，不能修改；如需修改，请主管先撤销签核' });
  });
});

describe('the content hash', () => {
  it('is the SHA-256 of the canonical content, stable across unsign/re-sign and re-saved line ids, and changes with the content', async () => {
    const f2 = await formsFixture();
    const clerk = f2.as(f2.ops.clerk);
    const manager = f2.as(f2.ops.manager);
    const plan = await liPlan(f2);
    const signAgain = async () => {
      await okAs(clerk, 'visitPlans.submit', { id: plan.id });
      return (await okAs(manager, 'visitPlans.sign', { id: plan.id, password: PASSWORD })).contentHash;
    };
    const first = await signAgain();
    expect(first).toBe(contentHash(planContent(f2.sys, plan.id)));
    expect(planContent(f2.sys, plan.id)).toEqual({
      form: 'visitPlan',
      repId: f2.reps.li.id,
      date: TODAY,
      notes: '',
      lines: [
        { customerId: f2.customers.c1.id, plannedTime: '09:00', purposes: ['collect', 'order'], contact: '', notes: '' },
        { customerId: f2.customers.c2.id, plannedTime: '10:30', purposes: ['order'], contact: '', notes: '' },
        { customerId: f2.customers.c3.id, plannedTime: null, purposes: ['service'], contact: '', notes: '' },
      ],
    });
    await okAs(manager, 'visitPlans.unsign', { id: plan.id, password: PASSWORD, reason: '复核' });
    // the same lines saved again without their ids: new line ids, same content
    const detail = await okAs(clerk, 'visitPlans.save', {
      id: plan.id,
      repId: f2.reps.li.id,
      date: TODAY,
      lines: plan.lines.map((l) => ({ customerId: l.customerId, plannedTime: l.plannedTime, purposes: l.purposes })),
    });
    expect(detail.lines.map((l) => l.id)).not.toEqual(plan.lines.map((l) => l.id));
    expect(await signAgain()).toBe(first);
    await okAs(manager, 'visitPlans.unsign', { id: plan.id, password: PASSWORD, reason: '改时间' });
    await okAs(clerk, 'visitPlans.save', {
      id: plan.id,
      repId: f2.reps.li.id,
      date: TODAY,
      lines: detail.lines.map((l, i) => ({
        id: l.id,
        customerId: l.customerId,
        plannedTime: i === 1 ? '10:31' : l.plannedTime,
        purposes: l.purposes,
      })),
    });
    const changed = await signAgain();
    expect(changed).not.toBe(first);
    // the report's content: amounts and outcome count, the order of keys does not
    const report = await okAs(clerk, 'dailyReports.save', {
      repId: f2.reps.li.id,
      date: TODAY,
      attendance: 'present',
      lines: [{ planLineId: detail.lines[0]!.id, customerId: f2.customers.c1.id, done: true, orderFen: 100, outcome: '订货' }],
    });
    await okAs(clerk, 'dailyReports.submit', { id: report.id });
    const signedReport = await okAs(manager, 'dailyReports.sign', { id: report.id, password: PASSWORD });
    expect(signedReport.contentHash).toBe(contentHash(reportContent(f2.sys, report.id)));
    expect(contentHash({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(contentHash({ a: [1, { c: 3, d: 2 }], b: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    f2.core.close();
  });

  it('signedFormMismatches names a signed form edited behind the triggers’ back', async () => {
    const f3 = await formsFixture();
    const clerk = f3.as(f3.ops.clerk);
    const manager = f3.as(f3.ops.manager);
    const plan = await liPlan(f3);
    await okAs(clerk, 'visitPlans.submit', { id: plan.id });
    await okAs(manager, 'visitPlans.sign', { id: plan.id, password: PASSWORD });
    const report = await okAs(clerk, 'dailyReports.save', {
      repId: f3.reps.zhou.id,
      date: TODAY,
      attendance: 'present',
      lines: [{ customerId: f3.customers.c4.id, done: true, collectedFen: 50_000 }],
    });
    await okAs(clerk, 'dailyReports.submit', { id: report.id });
    await okAs(manager, 'dailyReports.sign', { id: report.id, password: PASSWORD });
    expect(signedFormMismatches(f3.sys)).toEqual({ checked: 2, broken: [] });

    f3.db.exec('drop trigger visit_plan_lines_signed_update');
    f3.db.prepare("update visit_plan_lines set notes = '事后改的' where plan_id = ? and seq = 2").run(plan.id);
    f3.db.exec('drop trigger daily_report_lines_signed_update');
    f3.db.prepare('update daily_report_lines set collected_fen = 5000 where report_id = ?').run(report.id);
    expect(signedFormMismatches(f3.sys)).toEqual({
      checked: 2,
      broken: [
        { form: 'visitPlan', id: plan.id, repName: '李娜', date: TODAY },
        { form: 'dailyReport', id: report.id, repName: '周杰', date: TODAY },
      ],
    });
    f3.core.close();
  });
});

describe('through the dispatcher, each operator in their own session', () => {
  it('a clerk enters and submits, may not sign; the supervisor signs with a wrong password first; the signed plan stays locked', async () => {
    const core = makeCore();
    try {
      const s = await seed(core);
      addOperator(core, { name: '文员乙', role: 'clerk', password: 'clerk-pw' });
      addOperator(core, { name: '主管丁', role: 'supervisor', password: 'sup-pw', repId: s.reps.boss.id });
      const clerk = await asOperator(core, '文员乙', 'clerk-pw');
      const sup = await asOperator(core, '主管丁', 'sup-pw');
      const today = '2025-03-01'; // makeCore's clock
      const plan = await ok(clerk, 'visitPlans.save', {
        repId: s.reps.li.id,
        date: today,
        lines: [planLine(s.customers.c2.id, { plannedTime: '09:30' }), planLine(s.customers.c3.id)],
      });
      await ok(clerk, 'visitPlans.submit', { id: plan.id });
      const clerkSigns = await fail(clerk, 'visitPlans.sign', { id: plan.id, password: 'clerk-pw' });
      expect(clerkSigns.code).toBe('FORBIDDEN');
      expect(clerkSigns.message).toContain('文员');
      const board = await ok(sup, 'dayBoard.get', { date: today });
      expect(board.rows.find((r) => r.repId === s.reps.li.id)).toMatchObject({
        canSign: true,
        plan: { id: plan.id, state: 'submitted', visits: 2 },
      });
      const wrong = await fail(sup, 'visitPlans.sign', { id: plan.id, password: 'nope' });
      expect(wrong).toMatchObject({ code: 'VALIDATION', field: 'password' });
      expect(wrong.message).toContain('密码');
      const signed = await ok(sup, 'visitPlans.sign', { id: plan.id, password: 'sup-pw', comment: '可以' });
      expect(signed).toMatchObject({ state: 'signed', signedByName: '主管丁' });
      const edit = await fail(clerk, 'visitPlans.save', {
        id: plan.id,
        repId: s.reps.li.id,
        date: today,
        lines: [planLine(s.customers.c2.id)],
      });
      expect(edit).toMatchObject({ code: 'CONFLICT' });
      expect(edit.message).toContain('已签核');
      const log = core.ctx.db
        .prepare("select action, operator, operator_id as operatorId from audit_log where entity = 'visitPlan' order by id")
        .all() as Array<{ action: string; operator: string }>;
      expect(log.map((l) => `${l.action}:${l.operator}`)).toEqual(['create:文员乙', 'submit:文员乙', 'sign:主管丁']);
    } finally {
      core.close();
    }
  });
});
