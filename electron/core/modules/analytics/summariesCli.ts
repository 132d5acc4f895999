// npm run summaries -- --db <file> [--verify]
// 校验/重建统计表 from the command line: opens the database the app's way (migrated after a backup), then either
// compares every summary table with a full recomputation from the documents (--verify, read only; exit code 2 when a
// table differs) or rebuilds them in one transaction, audited as the system's work.
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../core';
import { rebuildSummaries } from './summaries';

const usage = '用法 / Usage: npm run summaries -- --db <文件.db> [--verify]';

export interface SummariesCliOptions {
  db: string;
  verifyOnly: boolean;
}

export function parseSummariesArgs(argv: readonly string[]): SummariesCliOptions | { error: string } {
  let db: string | undefined;
  let verifyOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--verify') verifyOnly = true;
    else if (arg === '--db') db = argv[++i];
    else if (arg.startsWith('--db=')) db = arg.slice(5);
    else return { error: `无法识别的参数：${arg}\nUnknown argument: ${arg}\n${usage}` };
  }
  if (!db) return { error: `缺少 --db 数据库文件\nMissing --db <file>\n${usage}` };
  return { db, verifyOnly };
}

/** Runs the command; returns the exit code (0 done / all equal, 1 error, 2 a table differs from the documents). */
export function runSummariesCli(argv: readonly string[], out: (line: string) => void = console.log): number {
  const opts = parseSummariesArgs(argv);
  if ('error' in opts) {
    out(opts.error);
    return 1;
  }
  if (!fs.existsSync(opts.db)) {
    out(`找不到数据库文件：${path.resolve(opts.db)}\nNo such database file: ${path.resolve(opts.db)}`);
    return 1;
  }
  const core = createCore(opts.db);
  try {
    const started = performance.now();
    const result = rebuildSummaries({ ...core.ctx, operator: '系统', actor: null }, { verifyOnly: opts.verifyOnly });
    for (const t of result.tables)
      out(`${t.name.padEnd(24)} 行 / rows ${String(t.rows).padStart(9)}   不一致 / mismatches ${t.mismatches}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const differing = result.tables.filter((t) => t.mismatches > 0).length;
    if (result.rebuilt) out(`已重建 / rebuilt (${seconds} s)`);
    else
      out(
        differing
          ? `${differing} 张表与单据不一致 / tables differ from the documents (${seconds} s)`
          : `全部一致 / all equal (${seconds} s)`,
      );
    return !result.rebuilt && differing > 0 ? 2 : 0;
  } finally {
    core.close();
  }
}

// run only as a script, not when imported
const invoked = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invoked && /summariesCli\.[cm]?[tj]s$/.test(invoked)) {
  try {
    process.exitCode = runSummariesCli(process.argv.slice(2));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`统计表处理失败：${message}\nSummary tables failed: ${message}`);
    process.exitCode = 1;
  }
}
