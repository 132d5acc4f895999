// npm run demo -- --scale small|large --out <file> [--seed n] [--company 名称] [--admin 名称 --password 密码] [--force]
// Creates a new database file, fills it with the demo company and marks it initialised.
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../core';
import { generateDemo, type DemoScale } from './generate';
import { DEMO_ADMIN, DEMO_PASSWORD, plannedDemoOperators } from './operators';

export const DEFAULT_SEED = 20261125;
export const DEFAULT_COMPANY = '华众商贸有限公司';

const usage = `用法 / Usage: npm run demo -- --scale small|large --out <文件.db> [--seed 数字] [--company 公司名称] [--admin 管理员名称 --password 密码] [--force]`;

export interface DemoCliOptions {
  scale: DemoScale;
  out: string;
  seed: number;
  company: string;
  /** the admin's name and password (default admin / admin123) */
  admin: { name: string; password: string };
  force: boolean;
}

/** A user-facing failure: printed as "zh / en", exit code 1. */
class CliError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh}\n${en}`);
  }
}

class HelpRequested extends Error {}

export function parseArgs(argv: string[]): DemoCliOptions {
  const values = new Map<string, string>();
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--force') {
      force = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') throw new HelpRequested();
    const m = /^--(scale|out|seed|company|admin|password)(?:=(.*))?$/.exec(arg);
    if (!m) throw new CliError(`无法识别的参数：${arg}`, `Unknown argument: ${arg}\n${usage}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') throw new CliError(`参数 --${m[1]} 缺少取值`, `Missing value for --${m[1]}\n${usage}`);
    values.set(m[1]!, value);
  }
  const scale = values.get('scale') ?? 'small';
  if (scale !== 'small' && scale !== 'large') {
    throw new CliError(`--scale 只能是 small 或 large（收到 ${scale}）`, `--scale must be small or large (got ${scale})`);
  }
  const out = values.get('out');
  if (!out) throw new CliError('缺少 --out 输出文件', `Missing --out <file>\n${usage}`);
  const seedText = values.get('seed') ?? String(DEFAULT_SEED);
  if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > 0xffffffff) {
    throw new CliError(`--seed 应为 0–4294967295 的整数（收到 ${seedText}）`, `--seed must be an integer 0–4294967295 (got ${seedText})`);
  }
  const company = (values.get('company') ?? DEFAULT_COMPANY).trim();
  if (!company || company.length > 60) throw new CliError('--company 公司名称应为 1–60 个字符', '--company must be 1–60 characters');
  const admin = { name: (values.get('admin') ?? DEMO_ADMIN.name).trim(), password: values.get('password') ?? DEMO_ADMIN.password };
  if (!admin.name || admin.name.length > 20) throw new CliError('--admin 管理员名称应为 1–20 个字符', '--admin must be 1–20 characters');
  if (admin.password.length < 6) throw new CliError('--password 密码至少 6 个字符', '--password must be at least 6 characters');
  return { scale, out: path.resolve(out), seed: Number(seedText), company, admin, force };
}

export interface DemoCliResult {
  file: string;
  seconds: number;
  counts: ReturnType<typeof generateDemo>;
  /** who can sign in: the admin (with the one-time recovery code) and the demo operators */
  operators: Array<{ name: string; role: string; password: string; teamName: string | null }>;
  recoveryCode: string;
}

export async function runDemoCli(opts: DemoCliOptions): Promise<DemoCliResult> {
  const companions = [opts.out, `${opts.out}-wal`, `${opts.out}-shm`, `${opts.out}-journal`];
  if (fs.existsSync(opts.out)) {
    if (!opts.force) {
      throw new CliError(`文件已存在：${opts.out}（如需覆盖请加 --force）`, `File already exists: ${opts.out} (use --force to overwrite)`);
    }
    if (fs.statSync(opts.out).isDirectory())
      throw new CliError(`输出路径是一个文件夹：${opts.out}`, `Output path is a directory: ${opts.out}`);
  }
  if (opts.force) for (const f of companions) fs.rmSync(f, { force: true });

  const started = performance.now();
  const core = createCore(opts.out);
  let done = false;
  try {
    const counts = generateDemo(core.ctx.db, { scale: opts.scale, seed: opts.seed, now: new Date() });
    const operators = plannedDemoOperators(core.ctx.db).map((o) => ({
      name: o.name,
      role: o.role,
      password: DEMO_PASSWORD,
      teamName: o.teamName,
    }));
    const init = await core.call('settings.initialize', { companyName: opts.company, loadDemo: false, admin: opts.admin });
    if (!init.ok)
      throw new CliError(`初始化失败：${init.error.message}`, `Initialisation failed: ${init.error.code} ${init.error.messageEn ?? ''}`);
    await core.call('auth.signOut', {}, { session: (init.data as { session: string }).session });
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    done = true;
    return {
      file: opts.out,
      seconds: (performance.now() - started) / 1000,
      counts,
      operators: [{ name: opts.admin.name, role: 'admin', password: opts.admin.password, teamName: null }, ...operators],
      recoveryCode: (init.data as { recoveryCode: string }).recoveryCode,
    };
  } finally {
    core.close();
    // never leave a half-made database behind (the file did not exist, or --force already removed it)
    if (!done) for (const f of companions) fs.rmSync(f, { force: true });
  }
}

async function main(): Promise<void> {
  try {
    const opts = parseArgs(process.argv.slice(2));
    console.log(`正在生成演示数据 / generating demo data: scale=${opts.scale} seed=${opts.seed} → ${opts.out}`);
    const { counts, seconds, operators, recoveryCode } = await runDemoCli(opts);
    console.log(`公司 / company:       ${opts.company}`);
    console.log(`区域 / regions:       ${counts.regions}`);
    console.log(`团队 / teams:         ${counts.teams}`);
    console.log(`业务员 / reps:        ${counts.reps}`);
    console.log(`客户 / customers:     ${counts.customers}（其中归档 / archived ${counts.archived}）`);
    console.log(`联系人 / contacts:    ${counts.contacts}`);
    console.log(`客户标签 / tags:      ${counts.customerTags}`);
    console.log(`疑似重复 / planted duplicates: ${counts.duplicates.length}`);
    console.log(`经销商 / dealers:     ${counts.dealers}（授权区域 / territories ${counts.dealerTerritories}）`);
    console.log(`经销客户 / served:    ${counts.servedCustomers}（其中跨区 / outside territory ${counts.crossTerritory.length}）`);
    console.log(`产品分类 / categories: ${counts.productCategories}`);
    console.log(`产品 / products:      ${counts.products}`);
    console.log(`策略卡 / strategy cards: ${counts.strategyCards}（行动 / actions ${counts.strategyActions}）`);
    console.log(`月评 / evaluations:   ${counts.monthlyEvaluations}`);
    const money = counts.money;
    console.log(`经销商往来户 / dealer accounts: ${money.dealerAccounts}`);
    console.log(`期初应收 / opening balances: ${money.openingBalances}`);
    console.log(
      `销售单 / orders:      ${money.orders}（明细 / lines ${money.orderLines}，红冲 / reversed ${money.reversedOrders}，跨区 / cross-territory ${money.crossTerritoryOrders}，草稿 / drafts ${money.draftOrders}）`,
    );
    console.log(`退货单 / returns:     ${money.returns}（明细 / lines ${money.returnLines}）`);
    console.log(`回款 / collections:   ${money.collections}（红冲 / reversed ${money.reversedCollections}）`);
    console.log(`坏账核销 / write-offs: ${money.writeOffs}`);
    console.log(
      `应收账 / ledger:      应收 / receivables ${money.receivables}，贷方 / credits ${money.credits}，核销 / allocations ${money.allocations}`,
    );
    console.log(`目标 / targets:       ${counts.targets.targets}（${counts.targets.years.join('、')} 年 / years）`);
    console.log(`用时 / elapsed:       ${seconds.toFixed(2)} s`);
    console.log('操作员 / operators (用户名 name / 角色 role / 密码 password):');
    for (const o of operators) console.log(`  ${o.name}  ${o.role}${o.teamName ? `（${o.teamName}）` : ''}  ${o.password}`);
    console.log(`管理员恢复码 / admin recovery code (仅此一次 / shown once): ${recoveryCode}`);
  } catch (err) {
    if (err instanceof HelpRequested) {
      console.log(usage);
      return;
    }
    if (err instanceof CliError) console.error(err.message.trimEnd());
    else {
      const message = err instanceof Error ? err.message : String(err);
      console.error(`生成演示数据失败：${message}\nDemo generation failed: ${message}`);
    }
    process.exitCode = 1;
  }
}

// run only as a script, not when imported (tests import parseArgs/runDemoCli)
const invoked = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invoked && /demo[\\/]cli\.[cm]?[tj]s$/.test(invoked)) void main();
