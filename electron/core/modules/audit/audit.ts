import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';
import { nowIso } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { withRefNames } from './names';
import { signedFormMismatches } from '../dailyReports/signatures';
import { entryHash, lastHash, sealAuditChain, walkAuditChainParallel, type ChainContent } from './chain';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

const insertSql = `insert into audit_log (at, operator, operator_id, action, entity, entity_id, before, after, prev_hash, hash, client_address)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The previous entry's hash, read from the log itself (by the primary key), so a rolled-back write never leaves a stale
 *  cached value behind; entries written without a hash (the demo generator) are sealed first. */
function chainHead(ctx: Ctx): string | null {
  const last = lastHash(ctx.db);
  if (last && last.hash === null) {
    sealAuditChain(ctx.db);
    return lastHash(ctx.db)!.hash;
  }
  return last?.hash ?? null;
}

function appendEntries(ctx: Ctx, recs: readonly AuditRecord[]): void {
  if (recs.length === 0) return;
  const insert = prepared(ctx.db, insertSql);
  const at = nowIso(ctx);
  const operatorId = ctx.actor?.id ?? null;
  let prev = chainHead(ctx);
  for (const rec of recs) {
    const content = {
      at,
      operator: ctx.operator,
      operatorId,
      action: rec.action,
      entity: rec.entity,
      entityId: rec.entityId,
      before: rec.before === undefined ? null : JSON.stringify(withRefNames(ctx, rec.entity, rec.before)),
      after: rec.after === undefined ? null : JSON.stringify(withRefNames(ctx, rec.entity, rec.after)),
      clientAddress: ctx.clientAddress ?? null,
    };
    const hash = entryHash(prev, content);
    insert.run(
      content.at,
      content.operator,
      content.operatorId,
      content.action,
      content.entity,
      content.entityId,
      content.before,
      content.after,
      prev,
      hash,
      content.clientAddress,
    );
    prev = hash;
  }
}

/**
 * Every change lands here, inside the caller's transaction: who (name and operator id), when, before, after, chained to
 * the previous entry by hash. References in the snapshots (regionId, repId …) get the names of their records as of
 * now, so the log reads the same after a rename or delete.
 */
export function recordAudit(ctx: Ctx, rec: AuditRecord): void {
  appendEntries(ctx, [rec]);
}

/** Many entries at once (bulk writers): the chain head is read once and the entries chained in order. */
export function recordAudits(ctx: Ctx, recs: readonly AuditRecord[]): void {
  if (recs.length > 1) ctx.db.transaction(() => appendEntries(ctx, recs))();
  else appendEntries(ctx, recs);
}

/** A stored entry: its chained content and its id. */
type AuditRow = ChainContent & { id: number };

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
  if (input.operatorId) {
    where.push('operator_id = ?');
    params.push(input.operatorId);
  }
  if (input.operator) {
    // the name as recorded: also finds entries from before sign-in (管理员, 系统) and of renamed or removed operators
    where.push('operator = ?');
    params.push(input.operator);
  }
  const whereSql = where.length ? `where ${where.join(' and ')}` : '';
  const total = (ctx.db.prepare(`select count(*) as n from audit_log ${whereSql}`).get(...params) as { n: number }).n;
  const rows = ctx.db
    .prepare(
      `select id, at, operator, operator_id as operatorId, action, entity, entity_id as entityId, before, after,
         client_address as clientAddress from audit_log ${whereSql}
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

/**
 * Walks the whole chain (and the signed forms) and says whether anything was changed, removed or reordered. A long log
 * on a file is walked in worker threads, a stretch each (`workers` for tests; by default the machine's cores).
 */
export async function verifyAudit(ctx: Ctx, options: { workers?: number } = {}): Promise<Output<'audit.verify'>> {
  const started = performance.now();
  const chain = await walkAuditChainParallel(ctx.db, ctx.dbPath, options.workers);
  // signed visit plans and daily reports whose content no longer matches the hash stored at signing
  const forms = signedFormMismatches(ctx);
  return {
    ok: chain.broken === 0 && !chain.tailMissing && forms.broken.length === 0,
    checked: chain.checked,
    ...(chain.firstBroken ? { firstBroken: chain.firstBroken } : {}),
    broken: chain.broken,
    pending: chain.pending,
    ...(chain.tailMissing ? { tailMissing: chain.tailMissing } : {}),
    lastId: chain.lastId,
    threads: chain.threads,
    formsChecked: forms.checked,
    brokenForms: forms.broken,
    ms: Math.round(performance.now() - started),
  };
}
