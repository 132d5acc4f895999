// Operators 操作员: created and changed by an admin; the password check with its lockout, used by sign-in and signing.
import { randomInt } from 'node:crypto';
import type { Actor, Ctx } from '../../context';
import { nowIso } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { SessionOperator } from '../../../../shared/contract/auth';
import type { OperatorRole } from '../../../../shared/domain/dailyForms';
import { prepared } from '../../db/sql';
import { DomainError, notFound } from '../../errors';
import { normaliseSearch, pinyinFull, pinyinInitials } from '../../text';
import { recordAudit } from '../audit/audit';
import { assertRepExists } from '../reps/reps';
import { sessionStore } from '../auth/sessions';
import { hashPassword, verifyPassword } from './passwords';
import { checkSignatureImage } from './signatureImage';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 60_000;

interface OperatorSqlRow {
  id: number;
  name: string;
  role: OperatorRole;
  repId: number | null;
  repName: string | null;
  active: number;
  lockedUntil: string | null;
  hasSignature: number;
  createdAt: string;
  updatedAt: string;
}

const selectRows = `select o.id, o.name, o.role, o.rep_id as repId, r.name as repName, o.active, o.locked_until as lockedUntil,
  (o.signature_image is not null) as hasSignature, o.created_at as createdAt, o.updated_at as updatedAt
  from operators o left join reps r on r.id = o.rep_id`;

const toRow = (r: OperatorSqlRow) => ({ ...r, active: r.active === 1, hasSignature: r.hasSignature === 1 });

/** Names are compared as typed after Unicode NFC (the same name typed on two keyboards is one name). */
export const normaliseName = (name: string) => name.normalize('NFC').trim();

export function operatorCount(ctx: Ctx): number {
  return (prepared(ctx.db, 'select count(*) as n from operators').get() as { n: number }).n;
}

export function getOperatorRow(ctx: Ctx, id: number): ReturnType<typeof toRow> | null {
  const row = prepared(ctx.db, `${selectRows} where o.id = ?`).get(id) as OperatorSqlRow | undefined;
  return row ? toRow(row) : null;
}

/** The acting operator for a session's operator id; null when the operator is gone or deactivated. */
export function actorOf(ctx: Ctx, id: number): Actor | null {
  const row = prepared(ctx.db, 'select id, name, role, rep_id as repId, active from operators where id = ?').get(id) as
    (Actor & { active: number }) | undefined;
  if (!row || row.active !== 1) return null;
  return { id: row.id, name: row.name, role: row.role, repId: row.repId };
}

/** What the renderer shows in its header: the operator with their rep's name. */
export function sessionOperatorOf(ctx: Ctx, id: number): SessionOperator {
  const row = getOperatorRow(ctx, id);
  if (!row) throw notFound('操作员', id);
  return { id: row.id, name: row.name, role: row.role, repId: row.repId, repName: row.repName, hasSignature: row.hasSignature };
}

export function findOperatorByName(ctx: Ctx, name: string): { id: number; role: OperatorRole; active: number } | undefined {
  return prepared(ctx.db, 'select id, role, active from operators where name = ?').get(normaliseName(name)) as
    { id: number; role: OperatorRole; active: number } | undefined;
}

interface Secrets {
  passwordHash: string;
  recoveryHash: string | null;
  failedAttempts: number;
  lockedUntil: string | null;
}

/**
 * Checks a secret of an operator (the password, or the admin's recovery code) against its hash, with the lockout:
 * 5 wrong in a row lock the operator for 60 s, a right one clears the count. Throws VALIDATION naming the field.
 * Never call it inside a transaction that a wrong answer rolls back: the count must stay written.
 */
export function checkSecret(
  ctx: Ctx,
  operatorId: number,
  given: string,
  which: 'password' | 'recovery',
  field: string,
  label: string,
  labelEn = which === 'password' ? 'Password' : 'Recovery code',
): void {
  const row = prepared(
    ctx.db,
    'select password_hash as passwordHash, recovery_hash as recoveryHash, failed_attempts as failedAttempts, locked_until as lockedUntil from operators where id = ?',
  ).get(operatorId) as Secrets | undefined;
  if (!row) throw notFound('操作员', operatorId);
  const now = ctx.now().getTime();
  const lockedMs = row.lockedUntil === null ? 0 : Date.parse(row.lockedUntil) - now;
  if (lockedMs > 0) {
    const seconds = Math.ceil(lockedMs / 1000);
    throw DomainError.bilingual(
      'VALIDATION',
      {
        zh: `${label}：连续输错 ${MAX_FAILED_ATTEMPTS} 次，已锁定，请 ${seconds} 秒后再试`,
        en: `${labelEn}: wrong ${MAX_FAILED_ATTEMPTS} times in a row; locked, try again in ${seconds} s`,
      },
      field,
    );
  }
  const stored = which === 'password' ? row.passwordHash : row.recoveryHash;
  if (stored !== null && verifyPassword(which === 'recovery' ? normaliseRecoveryCode(given) : given, stored)) {
    if (row.failedAttempts !== 0 || row.lockedUntil !== null) {
      prepared(ctx.db, 'update operators set failed_attempts = 0, locked_until = null where id = ?').run(operatorId);
    }
    return;
  }
  const failed = row.failedAttempts + 1;
  if (failed >= MAX_FAILED_ATTEMPTS) {
    const until = new Date(now + LOCKOUT_MS).toISOString();
    prepared(ctx.db, 'update operators set failed_attempts = 0, locked_until = ? where id = ?').run(until, operatorId);
    throw DomainError.bilingual(
      'VALIDATION',
      {
        zh: `${label}：不正确；已连续输错 ${MAX_FAILED_ATTEMPTS} 次，锁定 ${LOCKOUT_MS / 1000} 秒`,
        en: `${labelEn}: wrong; ${MAX_FAILED_ATTEMPTS} wrong in a row, locked for ${LOCKOUT_MS / 1000} s`,
      },
      field,
    );
  }
  prepared(ctx.db, 'update operators set failed_attempts = ?, locked_until = null where id = ?').run(failed, operatorId);
  throw DomainError.bilingual(
    'VALIDATION',
    {
      zh: `${label}：不正确（还可再试 ${MAX_FAILED_ATTEMPTS - failed} 次）`,
      en: `${labelEn}: wrong (${MAX_FAILED_ATTEMPTS - failed} more tries)`,
    },
    field,
  );
}

// ----- recovery codes -----

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L
/** Four groups of five from 31 letters and digits: about 99 bits, readable aloud and on paper. */
export function newRecoveryCode(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(''));
  return groups.join('-');
}

/** As typed: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s\-－—_]+/g, '');
}

// ----- create and change -----

export interface NewOperator {
  name: string;
  role: OperatorRole;
  password: string;
  repId?: number | null;
  active?: boolean;
}

function assertSupervisorRep(ctx: Ctx, role: OperatorRole, repId: number | null): void {
  if (role === 'supervisor' && repId === null) {
    throw new DomainError('VALIDATION', '关联业务员：主管必须关联一个业务员档案（签核其团队的表单）', 'repId');
  }
  if (repId !== null) assertRepExists(ctx, repId, 'repId', '关联业务员');
}

function assertNameFree(ctx: Ctx, name: string, exceptId: number): void {
  const clash = prepared(ctx.db, 'select id from operators where name = ? and id <> ?').get(name, exceptId);
  if (clash) throw new DomainError('CONFLICT', `用户名：已有操作员「${name}」`, 'name');
}

/** Inserts an operator (in the caller's transaction); a new admin gets a recovery code, returned once. */
export function createOperator(ctx: Ctx, input: NewOperator): { id: number; recoveryCode?: string } {
  const name = normaliseName(input.name);
  const repId = input.repId ?? null;
  assertNameFree(ctx, name, 0);
  assertSupervisorRep(ctx, input.role, repId);
  const cost = sessionStore(ctx.db).passwordCost;
  const recoveryCode = input.role === 'admin' ? newRecoveryCode() : undefined;
  const now = nowIso(ctx);
  const id = Number(
    prepared(
      ctx.db,
      `insert into operators (name, role, rep_id, password_hash, recovery_hash, active, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      name,
      input.role,
      repId,
      hashPassword(input.password, cost),
      recoveryCode ? hashPassword(normaliseRecoveryCode(recoveryCode), cost) : null,
      input.active === false ? 0 : 1,
      now,
      now,
    ).lastInsertRowid,
  );
  recordAudit(ctx, {
    action: 'create',
    entity: 'operator',
    entityId: id,
    after: { name, role: input.role, repId, active: input.active !== false },
  });
  return recoveryCode ? { id, recoveryCode } : { id };
}

/** A new password (hashed), the lockout cleared; `recovery` also replaces the admin's recovery code. */
export function setPassword(ctx: Ctx, id: number, password: string, options: { newRecoveryCode?: boolean } = {}): string | undefined {
  const cost = sessionStore(ctx.db).passwordCost;
  const code = options.newRecoveryCode ? newRecoveryCode() : undefined;
  prepared(
    ctx.db,
    `update operators set password_hash = ?, recovery_hash = coalesce(?, recovery_hash), failed_attempts = 0, locked_until = null,
     updated_at = ? where id = ?`,
  ).run(hashPassword(password, cost), code ? hashPassword(normaliseRecoveryCode(code), cost) : null, nowIso(ctx), id);
  return code;
}

function activeAdminsOtherThan(ctx: Ctx, id: number): number {
  return (prepared(ctx.db, "select count(*) as n from operators where role = 'admin' and active = 1 and id <> ?").get(id) as { n: number })
    .n;
}

export function saveOperator(ctx: Ctx, input: ParsedInput<'operators.save'>): Output<'operators.save'> {
  return ctx.db.transaction((): Output<'operators.save'> => {
    if (input.id === undefined) {
      if (input.password === undefined) throw new DomainError('VALIDATION', '密码：新建操作员时必须设置密码', 'password');
      return createOperator(ctx, {
        name: input.name,
        role: input.role,
        password: input.password,
        repId: input.repId,
        active: input.active,
      });
    }
    const before = getOperatorRow(ctx, input.id);
    if (!before) throw notFound('操作员', input.id, 'id');
    const name = normaliseName(input.name);
    const repId = input.repId === undefined ? before.repId : input.repId;
    const active = input.active ?? before.active;
    assertNameFree(ctx, name, input.id);
    assertSupervisorRep(ctx, input.role, repId);
    if (before.role === 'admin' && before.active && (input.role !== 'admin' || !active) && activeAdminsOtherThan(ctx, input.id) === 0) {
      throw new DomainError('CONFLICT', '角色：至少要保留一个启用的系统管理员', input.role !== 'admin' ? 'role' : 'active');
    }
    prepared(ctx.db, 'update operators set name = ?, role = ?, rep_id = ?, active = ?, updated_at = ? where id = ?').run(
      name,
      input.role,
      repId,
      active ? 1 : 0,
      nowIso(ctx),
      input.id,
    );
    // an operator who becomes admin gets a recovery code of their own
    const becomesAdmin = input.role === 'admin' && before.role !== 'admin';
    let recoveryCode: string | undefined;
    if (input.password !== undefined) {
      recoveryCode = setPassword(ctx, input.id, input.password, { newRecoveryCode: becomesAdmin });
      // a reset password ends the operator's other sessions (an admin resetting their own keeps the one in use)
      sessionStore(ctx.db).endAllOf(input.id, ctx.actor?.id === input.id ? ctx.session : undefined);
    } else if (becomesAdmin) {
      recoveryCode = newRecoveryCode();
      prepared(ctx.db, 'update operators set recovery_hash = ? where id = ?').run(
        hashPassword(normaliseRecoveryCode(recoveryCode), sessionStore(ctx.db).passwordCost),
        input.id,
      );
    }
    if (!active) sessionStore(ctx.db).endAllOf(input.id);
    const after = { name, role: input.role, repId, active, ...(input.password !== undefined ? { passwordReset: true } : {}) };
    recordAudit(ctx, {
      action: 'update',
      entity: 'operator',
      entityId: input.id,
      before: { name: before.name, role: before.role, repId: before.repId, active: before.active },
      after,
    });
    return recoveryCode ? { id: input.id, recoveryCode } : { id: input.id };
  })();
}

export function listOperators(ctx: Ctx, input: ParsedInput<'operators.list'>): Output<'operators.list'> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.role) {
    where.push('o.role = ?');
    params.push(input.role);
  }
  if (!input.includeInactive) where.push('o.active = 1');
  const all = (
    ctx.db.prepare(`${selectRows} ${where.length ? `where ${where.join(' and ')}` : ''}`).all(...params) as OperatorSqlRow[]
  ).map((r) => ({ ...toRow(r), pinyin: pinyinFull(r.name), initials: pinyinInitials(r.name) }));
  // a handful of rows: search and sort by pinyin in memory, like the other lists' name/initials/full-pinyin search
  const words = normaliseSearch(input.search).split(/\s+/).filter(Boolean);
  const hits = all.filter((r) => {
    const hay = `${r.name.toLowerCase()} ${r.pinyin} ${r.initials} ${r.repName ?? ''}`;
    return words.every((w) => hay.includes(w));
  });
  hits.sort((a, b) => Number(b.active) - Number(a.active) || a.pinyin.localeCompare(b.pinyin) || a.id - b.id);
  const start = (input.page - 1) * input.pageSize;
  return {
    total: hits.length,
    rows: hits.slice(start, start + input.pageSize).map(({ pinyin: _p, initials: _i, ...row }) => row),
  };
}

// ----- signature image -----

export function setSignature(ctx: Ctx, input: ParsedInput<'operators.setSignature'>): Output<'operators.setSignature'> {
  const actor = ctx.actor;
  if (actor && actor.role !== 'admin' && actor.id !== input.id) {
    throw new DomainError('FORBIDDEN', '只有系统管理员可以设置其他操作员的签名图片');
  }
  const before = getOperatorRow(ctx, input.id);
  if (!before) throw notFound('操作员', input.id, 'id');
  const image = input.imageBase64 === null ? null : checkSignatureImage(input.imageBase64);
  ctx.db.transaction(() => {
    prepared(ctx.db, 'update operators set signature_image = ?, signature_mime = ?, updated_at = ? where id = ?').run(
      image?.bytes ?? null,
      image?.mime ?? null,
      nowIso(ctx),
      input.id,
    );
    recordAudit(ctx, {
      action: 'update',
      entity: 'operator',
      entityId: input.id,
      before: { signature: before.hasSignature },
      after: { signature: image !== null },
    });
  })();
  return { ok: true, mime: image?.mime ?? null, width: image?.width ?? 0, height: image?.height ?? 0 };
}

export function getSignature(ctx: Ctx, input: ParsedInput<'operators.signature'>): Output<'operators.signature'> {
  const row = prepared(ctx.db, 'select signature_image as image, signature_mime as mime from operators where id = ?').get(input.id) as
    { image: Buffer | null; mime: 'image/png' | 'image/jpeg' | null } | undefined;
  if (!row) throw notFound('操作员', input.id, 'id');
  if (!row.image || !row.mime) return null;
  return { mime: row.mime, base64: row.image.toString('base64') };
}
