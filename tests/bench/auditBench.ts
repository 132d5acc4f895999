// audit.verify over 1,000,000 chained entries (budget 5 s), beside the raw walk of the same rows (reading them, no hashing).
// The log is filled on a fresh temp database with one INSERT…SELECT from a recursive CTE (entries without a hash, as a
// database from before the chain has them), then sealed by the start-up sealer in one transaction — timed too.
// Alone: npx tsx tests/bench/auditBench.ts [--entries 1000000] [--runs 3]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/core';
import { sealAuditChain } from '../../electron/core/modules/audit/chain';
import type { AuditVerification } from '../../shared/contract';
import { verifyAudit } from '../../electron/core/modules/audit/audit';

export const AUDIT_VERIFY_ENTRIES = 1_000_000;
export const AUDIT_VERIFY_BUDGET_S = 5;

export interface AuditBench {
  entries: number;
  fillSeconds: number;
  sealSeconds: number;
  runs: number;
  verifySeconds: number;
  /** CPU time of the whole process (every thread) during the median verify: on a loaded machine the wall time waits for the CPU too */
  verifyCpuSeconds: number;
  rawSeconds: number;
  ratio: number;
  budgetSeconds: number;
  checked: number;
  /** threads the verify walked the chain in (one stretch per core, at most 4) */
  threads: number;
  ok: boolean;
  pass: boolean;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
};
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Entries shaped like real ones: a customer update with before and after snapshots that name a region path and a rep. */
const fillSql = `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
insert into audit_log (at, operator, action, entity, entity_id, before, after)
select strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', '+' || i || ' seconds'), case i % 3 when 0 then '王会计' else '李文员' end,
  'update', 'customer', i % 20000 + 1,
  json_object('name', '客户' || i, 'grade', 'C', 'creditLimitFen', i * 100, 'regionId', i % 610,
    'regionPath', json_array('华东', '江苏省', '南京市', '鼓楼片区'), 'repId', i % 50, 'repName', '业务员' || (i % 50)),
  json_object('name', '客户' || i, 'grade', 'B', 'creditLimitFen', i * 150, 'regionId', i % 610,
    'regionPath', json_array('华东', '江苏省', '南京市', '鼓楼片区'), 'repId', i % 50, 'repName', '业务员' || (i % 50))
from n`;

export async function runAuditVerifyBench(
  options: { entries?: number; runs?: number; log?: (line: string) => void } = {},
): Promise<AuditBench> {
  const entries = options.entries ?? AUDIT_VERIFY_ENTRIES;
  const runs = options.runs ?? 3;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-audit-bench-'));
  const core = createCore(path.join(dir, 'audit.db'));
  try {
    const db = core.ctx.db;
    options.log?.(`审计日志 ${entries.toLocaleString('en-US')} 条 / filling the audit log with ${entries.toLocaleString('en-US')} entries`);
    let t = performance.now();
    db.prepare(fillSql).run(entries);
    const fillSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    sealAuditChain(db);
    const sealSeconds = (performance.now() - t) / 1000;

    const raw = () => {
      let n = 0;
      const rows = db
        .prepare(
          'select id, at, operator, operator_id, action, entity, entity_id, before, after, prev_hash, hash from audit_log order by id',
        )
        .raw()
        .iterate() as IterableIterator<unknown[]>;
      for (const row of rows) if (row[10] !== null) n++;
      return n;
    };
    // the service itself: the dispatcher in front of it (session check, an empty input parsed) costs microseconds
    const verify = () => verifyAudit(core.ctx);
    const verifyTimes: number[] = [];
    const verifyCpu: number[] = [];
    const rawTimes: number[] = [];
    let last: AuditVerification | undefined;
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      if (raw() !== entries) throw new Error('raw walk: wrong row count');
      rawTimes.push(performance.now() - t);
      t = performance.now();
      const cpu = process.cpuUsage();
      last = await verify();
      verifyTimes.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      verifyCpu.push((used.user + used.system) / 1000);
    }
    const verifySeconds = median(verifyTimes) / 1000;
    const rawSeconds = median(rawTimes) / 1000;
    return {
      entries,
      fillSeconds: round3(fillSeconds),
      sealSeconds: round3(sealSeconds),
      runs,
      verifySeconds: round3(verifySeconds),
      verifyCpuSeconds: round3(median(verifyCpu) / 1000),
      rawSeconds: round3(rawSeconds),
      ratio: round3(verifySeconds / rawSeconds),
      budgetSeconds: AUDIT_VERIFY_BUDGET_S,
      checked: last!.checked,
      threads: last!.threads,
      ok: last!.ok,
      pass: last!.ok && last!.checked === entries && verifySeconds <= AUDIT_VERIFY_BUDGET_S,
    };
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatAuditBench(r: AuditBench): string[] {
  return [
    `audit.verify ${r.entries.toLocaleString('en-US')} entries: median of ${r.runs} ${r.verifySeconds.toFixed(2)} s ` +
      `(${r.threads} ${r.threads === 1 ? 'thread' : 'threads'}, CPU ${r.verifyCpuSeconds.toFixed(2)} s in all) ` +
      `(raw walk of the same rows ${r.rawSeconds.toFixed(2)} s, ${r.ratio.toFixed(2)}×), budget ≤ ${r.budgetSeconds} s — ` +
      `${r.pass ? 'PASS' : 'FAIL'}${r.ok && r.checked === r.entries ? '' : ` (ok=${String(r.ok)}, checked ${r.checked})`}`,
    `  filled with one INSERT…SELECT in ${r.fillSeconds.toFixed(2)} s; sealed at start-up (one transaction) in ${r.sealSeconds.toFixed(2)} s`,
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  runAuditVerifyBench({ entries: arg('--entries'), runs: arg('--runs'), log: (l) => console.log(l) })
    .then((r) => {
      for (const l of formatAuditBench(r)) console.log(l);
      console.log(`${r.pass ? 1 : 0} passed, ${r.pass ? 0 : 1} failed`);
      if (!r.pass) process.exitCode = 1;
    })
    .catch((err: unknown) => {
      console.error(`基准测试失败 / benchmark failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    });
}
