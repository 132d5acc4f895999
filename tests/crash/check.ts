// What the crash test checks after every kill: the database opens the way the app opens it (migrations, integrity
// check, audit sealing), integrity_check and foreign_key_check pass, every write the child reported is there as
// reported, and no document is half-written — whether or not the child lived to report it.
import { createCore } from '../../electron/core/core';
import type { DB } from '../../electron/core/db/connection';
import { verifySummaries } from '../../electron/core/modules/analytics/summaries';
import { walkAuditChain } from '../../electron/core/modules/audit/chain';
import type { Report } from './workload';

export interface CheckResult {
  /** empty when the database passed */
  problems: string[];
  /** reported writes found as reported */
  writesChecked: number;
  /** documents in the database (posted orders, collections, import batches, reversals): reported or not */
  documents: { orders: number; collections: number; importBatches: number; reversals: number };
}

/** An import batch's code: I<run>-<round>-<size>-<i>; the size in every code lets a half-written batch show itself. */
const BATCH_CODE = /^(I\d+-\d+-(\d+))-\d+$/;

export function checkDatabase(dbPath: string, reports: readonly Report[]): CheckResult {
  let core;
  try {
    core = createCore(dbPath);
  } catch (err) {
    return { problems: [`数据库打不开：${err instanceof Error ? err.message : String(err)}`], writesChecked: 0, documents: empty() };
  }
  try {
    return checkOpen(core.ctx.db, reports);
  } finally {
    core.close();
  }
}

const empty = () => ({ orders: 0, collections: 0, importBatches: 0, reversals: 0 });

export function checkOpen(db: DB, reports: readonly Report[]): CheckResult {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
    problems.push(`integrity_check: ${integrity.map((r) => r.integrity_check).join('; ')}`);
  }
  const fk = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
  for (const r of fk.slice(0, 10)) problems.push(`foreign_key_check: ${r.table} rowid ${r.rowid} → ${r.parent} missing`);

  const writesChecked = checkReported(db, reports, problems);
  checkWhole(db, problems);

  const batches = importBatches(db);
  return {
    problems,
    writesChecked,
    documents: {
      orders: db.prepare(`select count(*) from orders where state <> 'draft' and reversal_of_id is null`).pluck().get() as number,
      collections: db.prepare('select count(*) from collections where reversal_of_id is null').pluck().get() as number,
      importBatches: batches.size,
      reversals: db
        .prepare(
          'select (select count(*) from orders where reversal_of_id is not null) + (select count(*) from collections where reversal_of_id is not null)',
        )
        .pluck()
        .get() as number,
    },
  };
}

/** Every reported write, as reported. Returns how many were found intact. */
function checkReported(db: DB, reports: readonly Report[], problems: string[]): number {
  const order = db.prepare(
    `select doc_no as docNo, customer_id as customerId, state, total_fen as totalFen,
            (select count(*) from order_lines l where l.order_id = o.id) as lines,
            (select amount_fen from receivables r where r.source_kind = 'order' and r.source_id = o.id) as receivableFen
       from orders o where id = ?`,
  );
  const collection = db.prepare(
    `select c.doc_no as docNo, c.customer_id as customerId, c.amount_fen as amountFen, cr.id as creditId, cr.amount_fen as creditFen
       from collections c left join credits cr on cr.source_kind = 'collection' and cr.source_id = c.id where c.id = ?`,
  );
  const allocationsOf = db.prepare('select receivable_id as receivableId, amount_fen as amountFen from allocations where credit_id = ?');
  const customer = db.prepare('select name from customers where code = ?').pluck();
  const importAudit = db
    .prepare(`select count(*) from audit_log where action = 'import' and entity = 'customers' and after like ?`)
    .pluck();

  let found = 0;
  for (const r of reports) {
    const before = problems.length;
    if (r.kind === 'orderPosted') {
      const o = order.get(r.id) as
        { docNo: string; customerId: number; state: string; totalFen: number; lines: number; receivableFen: number | null } | undefined;
      if (!o) problems.push(`已报告过账的销售单 ${r.docNo} (id ${r.id}) 不见了`);
      else if (o.docNo !== r.docNo || o.customerId !== r.customerId || o.totalFen !== r.totalFen || o.lines !== r.lines)
        problems.push(`销售单 ${r.docNo} 与报告不符：${JSON.stringify(o)} ≠ ${JSON.stringify(r)}`);
      else if (o.state !== 'posted' && o.state !== 'reversed') problems.push(`已报告过账的销售单 ${r.docNo} 状态是 ${o.state}`);
      else if (o.receivableFen !== r.totalFen) problems.push(`已过账的销售单 ${r.docNo} 的应收是 ${o.receivableFen}，应为 ${r.totalFen}`);
    } else if (r.kind === 'collection') {
      const c = collection.get(r.id) as
        { docNo: string; customerId: number; amountFen: number; creditId: number | null; creditFen: number | null } | undefined;
      if (!c) problems.push(`已报告的回款 ${r.docNo} (id ${r.id}) 不见了`);
      else if (c.docNo !== r.docNo || c.customerId !== r.customerId || c.amountFen !== r.amountFen || c.creditFen !== r.amountFen)
        problems.push(`回款 ${r.docNo} 与报告不符：${JSON.stringify(c)} ≠ ${JSON.stringify(r)}`);
      else {
        // later orders may take the collection's prepayment (more allocations), never fewer than reported
        const rows = (allocationsOf.all(c.creditId) as Array<{ receivableId: number; amountFen: number }>).map(
          (a) => `${a.receivableId}:${a.amountFen}`,
        );
        for (const a of r.allocations) {
          const i = rows.indexOf(`${a.receivableId}:${a.amountFen}`);
          if (i < 0) problems.push(`回款 ${r.docNo} 的核销 应收 ${a.receivableId} ${a.amountFen} 分 不见了`);
          else rows.splice(i, 1);
        }
      }
    } else if (r.kind === 'orderReversed' || r.kind === 'collectionReversed') {
      const table = r.kind === 'orderReversed' ? 'orders' : 'collections';
      const amount = r.kind === 'orderReversed' ? 'total_fen' : 'amount_fen';
      const kind = r.kind === 'orderReversed' ? 'order_reversal' : 'collection_reversal';
      const x = db
        .prepare(
          `select o.state, o.reversed_by_id as reversedById, o.${amount} as amountFen, v.doc_no as docNo, v.reversal_of_id as reversalOfId,
                  v.${amount} as reversalFen, (select amount_fen from credits where source_kind = '${kind}' and source_id = v.id) as creditFen
             from ${table} o left join ${table} v on v.id = ? where o.id = ?`,
        )
        .get(r.reversalId, r.id) as
        | {
            state: string;
            reversedById: number | null;
            amountFen: number;
            docNo: string | null;
            reversalOfId: number | null;
            reversalFen: number | null;
            creditFen: number | null;
          }
        | undefined;
      // an order's reversal credits what it owed; a collection's takes back what it paid
      const creditFen = x ? (r.kind === 'orderReversed' ? x.amountFen : -x.amountFen) : null;
      if (!x || x.state !== 'reversed' || x.reversedById !== r.reversalId || x.docNo !== r.docNo || x.reversalOfId !== r.id)
        problems.push(`已报告的红冲 ${r.docNo}（原单 id ${r.id}）不在或不全：${JSON.stringify(x)}`);
      else if (x.reversalFen !== -x.amountFen || x.creditFen !== creditFen)
        problems.push(`红冲单 ${r.docNo} 的金额或贷方记录不符：${JSON.stringify(x)}`);
    } else if (r.kind === 'import') {
      for (const code of r.codes) {
        if (customer.get(code) !== `导入客户${code}`) problems.push(`已报告导入的客户 ${code} 不见了`);
      }
      if ((importAudit.get(`%crash-${r.batch}.csv%`) as number) !== 1) problems.push(`已报告的导入 ${r.batch} 没有（唯一的）审计记录`);
    } else continue;
    if (problems.length === before) found++;
  }
  return found;
}

/** Customers of each import batch found in the database, by batch: code → [size, count]. */
function importBatches(db: DB): Map<string, { size: number; count: number }> {
  const batches = new Map<string, { size: number; count: number }>();
  for (const code of db.prepare(`select code from customers where code like 'I%'`).pluck().all() as string[]) {
    const m = BATCH_CODE.exec(code);
    if (!m) continue;
    const b = batches.get(m[1]!) ?? { size: Number(m[2]), count: 0 };
    b.count++;
    batches.set(m[1]!, b);
  }
  return batches;
}

/** Half-written documents anywhere in the database, reported or not. */
function checkWhole(db: DB, problems: string[]): void {
  const list = (sql: string) => db.prepare(sql).pluck().all() as Array<string | number>;
  const each = (sql: string, say: (v: string | number) => string) => {
    for (const v of list(sql).slice(0, 10)) problems.push(say(v));
  };
  each(
    `select doc_no from orders o where not exists (select 1 from order_lines l where l.order_id = o.id)`,
    (d) => `销售单 ${d} 有表头没有明细`,
  );
  each(
    `select doc_no from orders o where subtotal_fen <> (select coalesce(sum(amount_fen), 0) from order_lines l where l.order_id = o.id)`,
    (d) => `销售单 ${d} 的合计与明细不符`,
  );
  each(
    `select doc_no from orders o where state in ('posted', 'reversed') and reversal_of_id is null and total_fen > 0 and not exists (
       select 1 from receivables r where r.source_kind = 'order' and r.source_id = o.id and r.amount_fen = o.total_fen)`,
    (d) => `已过账的销售单 ${d} 没有应收`,
  );
  each(
    `select doc_no from orders o where state in ('posted', 'reversed') and reversal_of_id is null and not exists (
       select 1 from audit_log a where a.action = 'post' and a.entity = 'order' and a.entity_id = o.id)`,
    (d) => `已过账的销售单 ${d} 没有审计记录`,
  );
  each(
    `select r.doc_no from receivables r where r.source_kind = 'order' and not exists (
       select 1 from orders o where o.id = r.source_id and o.state in ('posted', 'reversed'))`,
    (d) => `应收 ${d} 没有已过账的销售单`,
  );
  each(
    `select doc_no from collections c where not exists (
       select 1 from credits cr where cr.source_id = c.id and cr.amount_fen = c.amount_fen
          and cr.source_kind = case when c.reversal_of_id is null then 'collection' else 'collection_reversal' end)`,
    (d) => `回款 ${d} 没有贷方记录`,
  );
  each(
    `select cr.doc_no from credits cr where cr.source_kind in ('collection', 'collection_reversal')
       and not exists (select 1 from collections c where c.id = cr.source_id)`,
    (d) => `贷方记录 ${d} 没有回款单（核销没有回款）`,
  );
  each(
    `select doc_no from collections c where reversal_of_id is null and not exists (
       select 1 from audit_log a where a.action = 'create' and a.entity = 'collection' and a.entity_id = c.id)`,
    (d) => `回款 ${d} 没有审计记录`,
  );
  each(
    `select cr.doc_no from credits cr where cr.amount_fen > 0 and
       (select coalesce(sum(amount_fen), 0) from allocations a where a.credit_id = cr.id) > cr.amount_fen`,
    (d) => `${d} 核销的比收到的多`,
  );
  each(
    `select r.doc_no from receivables r where (select coalesce(sum(amount_fen), 0) from allocations a where a.receivable_id = r.id) > r.amount_fen`,
    (d) => `应收 ${d} 核销超过其金额`,
  );
  for (const [table, entity] of [
    ['orders', 'order'],
    ['collections', 'collection'],
  ] as const) {
    each(
      `select o.doc_no from ${table} o left join ${table} v on v.id = o.reversed_by_id
        where o.state = 'reversed' and (v.id is null or v.reversal_of_id is not o.id)`,
      (d) => `${d} 标记为已红冲却没有它的红冲单`,
    );
    each(
      `select v.doc_no from ${table} v left join ${table} o on o.id = v.reversal_of_id
        where v.reversal_of_id is not null and (o.state is not 'reversed' or o.reversed_by_id is not v.id)`,
      (d) => `红冲单 ${d} 的原单没有标记为已红冲`,
    );
    each(
      `select doc_no from ${table} o where state = 'reversed' and not exists (
         select 1 from audit_log a where a.action = 'reverse' and a.entity = '${entity}' and a.entity_id = o.id)`,
      (d) => `红冲 ${d} 没有审计记录`,
    );
  }
  each(
    `select v.doc_no from orders v where v.reversal_of_id is not null and v.total_fen < 0 and not exists (
       select 1 from credits cr where cr.source_kind = 'order_reversal' and cr.source_id = v.id and cr.amount_fen = -v.total_fen)`,
    (d) => `红冲单 ${d} 没有贷方记录`,
  );
  each(
    `select v.doc_no from collections v
       join credits rc on rc.source_kind = 'collection_reversal' and rc.source_id = v.id
       join credits oc on oc.source_kind = 'collection' and oc.source_id = v.reversal_of_id
      where (select coalesce(sum(amount_fen), 0) from allocations where credit_id = rc.id)
         <> -(select coalesce(sum(amount_fen), 0) from allocations where credit_id = oc.id)`,
    (d) => `回款红冲单 ${d} 没有撤回原回款的全部核销`,
  );
  const batches = importBatches(db);
  for (const [batch, b] of batches) {
    if (b.count !== b.size) problems.push(`导入批次 ${batch} 只写了 ${b.count} / ${b.size} 个客户`);
    const audits = db
      .prepare(`select count(*) from audit_log where action = 'import' and entity = 'customers' and after like ?`)
      .pluck()
      .get(`%crash-${batch}.csv%`) as number;
    if (audits !== 1) problems.push(`导入批次 ${batch} 有 ${audits} 条审计记录（应为 1）`);
  }
  for (const after of list(`select after from audit_log where action = 'import' and entity = 'customers'`)) {
    const batch = /crash-(I[\d-]+)\.csv/.exec(String(after))?.[1];
    if (batch && !batches.has(batch)) problems.push(`导入 ${batch} 有审计记录却没有客户`);
  }
  for (const t of verifySummaries(db)) {
    if (t.mismatches > 0) problems.push(`汇总表 ${t.name} 有 ${t.mismatches} 处与单据不符`);
  }
  const chain = walkAuditChain(db);
  if (chain.broken > 0) problems.push(`审计链断了 ${chain.broken} 处（第一处 id ${chain.firstBroken?.id}，${chain.firstBroken?.reason}）`);
  if (chain.tailMissing) problems.push(`审计日志末尾少了 id ${chain.tailMissing.afterId + 1}..${chain.tailMissing.lastIssuedId}`);
}
