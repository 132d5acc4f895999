import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';
import { nowIso } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { withRefNames } from './names';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Every change lands here, inside the caller's transaction: who, when, before, after. References in the snapshots
 * (regionId, repId …) get the names of their records as of now, so the log reads the same after a rename or delete.
 */
export function recordAudit(ctx: Ctx, rec: AuditRecord): void {
  prepared(ctx.db, 'insert into audit_log (at, operator, action, entity, entity_id, before, after) values (?, ?, ?, ?, ?, ?, ?)').run(
    nowIso(ctx),
    ctx.operator,
    rec.action,
    rec.entity,
    rec.entityId,
    rec.before === undefined ? null : JSON.stringify(withRefNames(ctx, rec.entity, rec.before)),
    rec.after === undefined ? null : JSON.stringify(withRefNames(ctx, rec.entity, rec.after)),
  );
}

interface AuditRow {
  id: number;
  at: string;
  operator: string;
  action: string;
  entity: string;
  entityId: number | null;
  before: string | null;
  after: string | null;
}

export function listAudit(ctx: Ctx, input: ParsedInput<'audit.list'>): Output<'audit.list'> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.entity === 'import') {
    // imports are logged under the list they filled (customers, dealers …)
    where.push("action = 'import'");
  } else if (input.entity) {
    where.push('entity = ?');
    params.push(input.entity);
  }
  if (input.entityId) {
    where.push('entity_id = ?');
    params.push(input.entityId);
  }
  const whereSql = where.length ? `where ${where.join(' and ')}` : '';
  const total = (ctx.db.prepare(`select count(*) as n from audit_log ${whereSql}`).get(...params) as { n: number }).n;
  const rows = ctx.db
    .prepare(
      `select id, at, operator, action, entity, entity_id as entityId, before, after from audit_log ${whereSql}
       order by id desc limit ? offset ?`,
    )
    .all(...params, input.pageSize, (input.page - 1) * input.pageSize) as AuditRow[];
  return {
    total,
    // entries written before names were recorded get today's names (a deleted record stays unnamed)
    rows: rows.map((r) => ({
      ...r,
      before: r.before === null ? null : withRefNames(ctx, r.entity, JSON.parse(r.before)),
      after: r.after === null ? null : withRefNames(ctx, r.entity, JSON.parse(r.after)),
    })),
  };
}
