// What the two daily forms (拜访计划 visit_plans, 销售报告 daily_reports) share: the header's signature columns, the
// checks on rep, date and customers, and the state machine draft → submitted → signed (return: submitted → draft with a
// comment; unsign: signed → draft with a reason). Each module passes its FormKind; the SQL of its own lines stays there.
import type { Ctx } from '../../context';
import { nowIso, todayLocal } from '../../context';
import { prepared } from '../../db/sql';
import { DomainError, danglingRef, notFound } from '../../errors';
import { labelForPath } from '../../../../shared/fieldLabels';
import type { FormListRow, ParsedInput } from '../../../../shared/contract';
import type { FormState } from '../../../../shared/domain/dailyForms';
import { recordAudit } from '../audit/audit';
import { regionPathsOf } from '../regions/paths';
import { assertRoleMay, assertScopeMay, type FormAction } from './access';
import { contentHash, type Json } from './content';
import { listForms } from './list';
import { verifyActorPassword } from './password';
import { addDays } from '../../../../shared/periods';

/** Re-exported for the modules that take it from here (orders, opening balances). */
export { addDays };

export interface FormKind {
  /** the audit log's entity name */
  entity: 'visitPlan' | 'dailyReport';
  /** 拜访计划 / 销售报告, for messages */
  word: string;
  table: 'visit_plans' | 'daily_reports';
  linesTable: 'visit_plan_lines' | 'daily_report_lines';
  /** the lines' column pointing at the header */
  fk: 'plan_id' | 'report_id';
  /** the form's canonical content as it is in the database now (what its hash covers) */
  content: (ctx: Ctx, id: number) => Json;
  /** what a form must have before it is submitted (beyond being a draft) */
  readyToSubmit?: (ctx: Ctx, id: number) => void;
}

export interface FormHeader {
  id: number;
  repId: number;
  repName: string;
  date: string;
  state: FormState;
  returnComment: string;
  signedByName: string | null;
  signedAt: string | null;
  contentHash: string | null;
}

/** The signature columns as the contract's signatureFields name them (`returned` still 0/1: see signatureOf). */
export const signatureSelect = (a: string) =>
  `${a}.state, ${a}.submitted_at as submittedAt, (${a}.state = 'draft' and ${a}.return_comment <> '') as returned,
   ${a}.return_comment as returnComment, ${a}.signed_by_operator_id as signedByOperatorId, ${a}.signed_by_name as signedByName,
   ${a}.signed_at as signedAt, ${a}.sign_comment as signComment, ${a}.content_hash as contentHash`;

/** A customer's region as a form prints it: the last two levels (郑州市 › 开发区片区), for every line in two queries. */
export function shortRegionPaths(ctx: Ctx, regionIds: Array<number | null>): (regionId: number | null) => string {
  const paths = regionPathsOf(ctx, regionIds);
  return (id) => (id === null ? '' : (paths.get(id) ?? []).slice(-2).join(' › '));
}

export function loadHeader(ctx: Ctx, kind: FormKind, id: number, field = 'id'): FormHeader {
  const row = prepared(
    ctx.db,
    `select f.id, f.rep_id as repId, r.name as repName, f.date, f.state, f.return_comment as returnComment,
            f.signed_by_name as signedByName, f.signed_at as signedAt, f.content_hash as contentHash
     from ${kind.table} f join reps r on r.id = f.rep_id where f.id = ?`,
  ).get(id) as FormHeader | undefined;
  if (!row) throw notFound(kind.word, id, field);
  return row;
}

/** The rep a form is for: must exist and be active. */
export function usableRep(ctx: Ctx, repId: number): { id: number; name: string } {
  const rep = prepared(ctx.db, 'select id, name, active from reps where id = ?').get(repId) as
    { id: number; name: string; active: number } | undefined;
  if (!rep) throw danglingRef('业务员', 'repId', repId);
  if (rep.active !== 1) throw new DomainError('VALIDATION', `业务员：「${rep.name}」已停用，不能填写新的表单`, 'repId');
  return rep;
}

/** Plans are made a day ahead at most: a form dated after tomorrow (the office's calendar) is refused. */
export function assertDateAllowed(ctx: Ctx, date: string): void {
  const tomorrow = addDays(todayLocal(ctx), 1);
  if (date > tomorrow) throw new DomainError('VALIDATION', `日期：不能晚于明天（${tomorrow}），${date} 还不能填写`, 'date');
}

/** Lines name customers that exist, are not archived and not merged into another; one query for all lines. */
export function assertCustomersUsable(ctx: Ctx, customerIds: number[]): void {
  const rows = prepared(
    ctx.db,
    `select c.id, c.name, c.archived, m.name as mergedIntoName from customers c left join customers m on m.id = c.merged_into_id
     where c.id in (select value from json_each(?))`,
  ).all(JSON.stringify([...new Set(customerIds)])) as Array<{ id: number; name: string; archived: number; mergedIntoName: string | null }>;
  const byId = new Map(rows.map((r) => [r.id, r]));
  customerIds.forEach((id, i) => {
    const field = `lines.${i}.customerId`;
    const where = labelForPath(['lines', i, 'customerId']);
    const c = byId.get(id);
    if (!c) throw new DomainError('REFERENCE', `${where}：引用的记录不存在（编号 ${id}）`, field);
    if (c.mergedIntoName !== null) {
      throw new DomainError('VALIDATION', `${where}：「${c.name}」已并入「${c.mergedIntoName}」，请改选「${c.mergedIntoName}」`, field);
    }
    if (c.archived === 1) throw new DomainError('VALIDATION', `${where}：「${c.name}」已归档，不能再安排拜访`, field);
  });
}

/** Only a draft is edited: a submitted form goes back to draft by a return, a signed one by an unsign. */
export function assertEditable(kind: FormKind, header: FormHeader): void {
  if (header.state === 'submitted') {
    throw new DomainError('CONFLICT', `${kind.word}已提交，不能修改；如需修改，请主管先退回`);
  }
  if (header.state === 'signed') {
    throw new DomainError('CONFLICT', `${kind.word}已签核并锁定，不能修改；如需修改，请主管先撤销签核`);
  }
}

/** Saving: the role, the rep (exists, active, within a supervisor's team) and the date, before anything is read. */
export function checkSave(ctx: Ctx, kind: FormKind, repId: number, date: string): { id: number; name: string } {
  assertRoleMay(ctx, 'save', kind.word);
  const rep = usableRep(ctx, repId);
  assertScopeMay(ctx, 'save', rep, kind.word);
  assertDateAllowed(ctx, date);
  return rep;
}

/** A save with an id edits that form in place: same rep, same date, still a draft. */
export function checkEdit(ctx: Ctx, kind: FormKind, id: number, repId: number, date: string): FormHeader {
  const header = loadHeader(ctx, kind, id);
  if (header.repId !== repId) throw new DomainError('VALIDATION', `业务员：不能更改已有${kind.word}的业务员（${header.repName}）`, 'repId');
  if (header.date !== date) throw new DomainError('VALIDATION', `日期：不能更改已有${kind.word}的日期（${header.date}）`, 'date');
  assertEditable(kind, header);
  return header;
}

/** A second form for the same rep and day is refused, naming the one to open instead. */
export function assertNoOtherForm(ctx: Ctx, kind: FormKind, rep: { id: number; name: string }, date: string): void {
  const existing = prepared(ctx.db, `select id from ${kind.table} where rep_id = ? and date = ?`).pluck().get(rep.id, date) as
    number | undefined;
  if (existing !== undefined) {
    throw new DomainError(
      'CONFLICT',
      `日期：${rep.name} ${date} 已有${kind.word}（编号 ${existing}），请打开已有的${kind.word}修改`,
      'date',
    );
  }
}

export interface FormWrite {
  /** the form to edit; absent to create one */
  id: number | undefined;
  repId: number;
  date: string;
  /** the header's own columns and values (beside rep, date and the timestamps) */
  header: Record<string, unknown>;
  /** the lines' columns (beside the header link and seq) and each line's values, in order; a line with an id is updated */
  lineColumns: readonly string[];
  lines: Array<{ id: number | undefined; values: unknown[] }>;
  /** lines of the form that are left out: deleted */
  remove: number[];
  /** the form as the audit log records it */
  snapshot: (ctx: Ctx, id: number) => unknown;
}

/** Writes a checked save inside the caller's transaction: header, lines (seq = position), audit entry. Returns the id. */
export function writeForm(ctx: Ctx, kind: FormKind, w: FormWrite): number {
  const now = nowIso(ctx);
  const before = w.id === undefined ? undefined : w.snapshot(ctx, w.id);
  const cols = Object.keys(w.header);
  let id: number;
  if (w.id === undefined) {
    id = Number(
      prepared(
        ctx.db,
        `insert into ${kind.table} (rep_id, date, ${cols.join(', ')}, created_at, updated_at) values (?, ?, ${cols.map(() => '?').join(', ')}, ?, ?)`,
      ).run(w.repId, w.date, ...Object.values(w.header), now, now).lastInsertRowid,
    );
  } else {
    id = w.id;
    prepared(ctx.db, `update ${kind.table} set ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ? where id = ?`).run(
      ...Object.values(w.header),
      now,
      id,
    );
  }
  const del = prepared(ctx.db, `delete from ${kind.linesTable} where id = ?`);
  for (const lineId of w.remove) del.run(lineId);
  const ins = prepared(
    ctx.db,
    `insert into ${kind.linesTable} (${kind.fk}, seq, ${w.lineColumns.join(', ')}) values (?, ?, ${w.lineColumns.map(() => '?').join(', ')})`,
  );
  const upd = prepared(
    ctx.db,
    `update ${kind.linesTable} set seq = ?, ${w.lineColumns.map((c) => `${c} = ?`).join(', ')} where id = ? and ${kind.fk} = ?`,
  );
  w.lines.forEach((l, i) => {
    if (l.id === undefined) ins.run(id, i + 1, ...l.values);
    else upd.run(i + 1, ...l.values, l.id, id);
  });
  recordAudit(ctx, {
    action: w.id === undefined ? 'create' : 'update',
    entity: kind.entity,
    entityId: id,
    before,
    after: w.snapshot(ctx, id),
  });
  return id;
}

function headerFor(ctx: Ctx, kind: FormKind, action: FormAction, id: number): FormHeader {
  assertRoleMay(ctx, action, kind.word);
  const header = loadHeader(ctx, kind, id);
  assertScopeMay(ctx, action, { id: header.repId, name: header.repName }, kind.word);
  return header;
}

const snapshot = (h: FormHeader, extra: Record<string, unknown> = {}) => ({ repId: h.repId, date: h.date, state: h.state, ...extra });

export function submitForm(ctx: Ctx, kind: FormKind, id: number): void {
  ctx.db.transaction(() => {
    const h = headerFor(ctx, kind, 'submit', id);
    if (h.state === 'submitted') throw new DomainError('CONFLICT', `${kind.word}已提交，等待签核，无需重复提交`);
    if (h.state === 'signed') throw new DomainError('CONFLICT', `${kind.word}已签核，不能再提交`);
    kind.readyToSubmit?.(ctx, id);
    const now = nowIso(ctx);
    prepared(
      ctx.db,
      `update ${kind.table} set state = 'submitted', submitted_at = ?, return_comment = '', updated_at = ? where id = ?`,
    ).run(now, now, id);
    recordAudit(ctx, {
      action: 'submit',
      entity: kind.entity,
      entityId: id,
      before: snapshot(h),
      after: snapshot(h, { state: 'submitted' }),
    });
  })();
}

export function returnForm(ctx: Ctx, kind: FormKind, id: number, comment: string): void {
  ctx.db.transaction(() => {
    const h = headerFor(ctx, kind, 'return', id);
    if (h.state === 'draft') throw new DomainError('CONFLICT', `${kind.word}还是草稿（尚未提交），不能退回`);
    if (h.state === 'signed') throw new DomainError('CONFLICT', `${kind.word}已签核，不能退回；如需修改，请撤销签核`);
    prepared(ctx.db, `update ${kind.table} set state = 'draft', return_comment = ?, updated_at = ? where id = ?`).run(
      comment,
      nowIso(ctx),
      id,
    );
    recordAudit(ctx, {
      action: 'return',
      entity: kind.entity,
      entityId: id,
      before: snapshot(h),
      after: snapshot(h, { state: 'draft', comment }),
    });
  })();
}

function alreadySigned(kind: FormKind, h: FormHeader): DomainError {
  return new DomainError(
    'CONFLICT',
    `${kind.word}已由${h.signedByName ?? '主管'}于 ${(h.signedAt ?? '').slice(0, 16).replace('T', ' ')} 签核，不能重复签核`,
  );
}

/** Signs a submitted form: the signer's own password, then the content hash and the signature in one transaction. */
export function signForm(ctx: Ctx, kind: FormKind, id: number, password: string, comment: string): void {
  const h = headerFor(ctx, kind, 'sign', id);
  if (h.state === 'draft') throw new DomainError('CONFLICT', `${kind.word}尚未提交，不能签核`);
  if (h.state === 'signed') throw alreadySigned(kind, h);
  verifyActorPassword(ctx, password); // outside the transaction: a wrong password's count must stay
  const actor = ctx.actor!;
  ctx.db.transaction(() => {
    const now = headerFor(ctx, kind, 'sign', id);
    if (now.state !== 'submitted')
      throw now.state === 'signed' ? alreadySigned(kind, now) : new DomainError('CONFLICT', `${kind.word}尚未提交，不能签核`);
    const hash = contentHash(kind.content(ctx, id));
    const at = nowIso(ctx);
    prepared(
      ctx.db,
      `update ${kind.table} set state = 'signed', signed_by_operator_id = ?, signed_by_name = ?, signed_at = ?, sign_comment = ?,
         content_hash = ?, updated_at = ? where id = ?`,
    ).run(actor.id, actor.name, at, comment, hash, at, id);
    recordAudit(ctx, {
      action: 'sign',
      entity: kind.entity,
      entityId: id,
      before: snapshot(now),
      after: snapshot(now, { state: 'signed', comment, contentHash: hash }),
    });
  })();
}

/** Reopens a signed form as a draft: the signer's own password and a reason, which the clerk sees as the return comment. */
export function unsignForm(ctx: Ctx, kind: FormKind, id: number, password: string, reason: string): void {
  const h = headerFor(ctx, kind, 'unsign', id);
  if (h.state !== 'signed') throw new DomainError('CONFLICT', `${kind.word}未签核，无需撤销签核`);
  verifyActorPassword(ctx, password);
  ctx.db.transaction(() => {
    const now = headerFor(ctx, kind, 'unsign', id);
    if (now.state !== 'signed') throw new DomainError('CONFLICT', `${kind.word}未签核，无需撤销签核`);
    // the triggers allow exactly this on a signed row: state back to draft, content untouched
    prepared(
      ctx.db,
      `update ${kind.table} set state = 'draft', signed_by_operator_id = null, signed_by_name = null, signed_at = null, sign_comment = '',
         content_hash = null, return_comment = ?, updated_at = ? where id = ?`,
    ).run(`撤销签核：${reason}`, nowIso(ctx), id);
    recordAudit(ctx, {
      action: 'unsign',
      entity: kind.entity,
      entityId: id,
      before: snapshot(now, { signedByName: now.signedByName, signedAt: now.signedAt, contentHash: now.contentHash }),
      after: snapshot(now, { state: 'draft', reason }),
    });
  })();
}

/** The four state changes and the list as handlers of a form's methods; a change answers with the form afterwards. */
export function formHandlers<D>(kind: FormKind, detail: (ctx: Ctx, id: number) => D) {
  return {
    list: (ctx: Ctx, input: ParsedInput<'visitPlans.list'>): { rows: FormListRow[]; total: number } => listForms(ctx, kind, input),
    submit: (ctx: Ctx, input: { id: number }): D => {
      submitForm(ctx, kind, input.id);
      return detail(ctx, input.id);
    },
    return: (ctx: Ctx, input: { id: number; comment: string }): D => {
      returnForm(ctx, kind, input.id, input.comment);
      return detail(ctx, input.id);
    },
    sign: (ctx: Ctx, input: { id: number; password: string; comment?: string }): D => {
      signForm(ctx, kind, input.id, input.password, input.comment ?? '');
      return detail(ctx, input.id);
    },
    unsign: (ctx: Ctx, input: { id: number; password: string; reason: string }): D => {
      unsignForm(ctx, kind, input.id, input.password, input.reason);
      return detail(ctx, input.id);
    },
  };
}
