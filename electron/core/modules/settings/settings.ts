import type { Ctx } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { recordAudit } from '../audit/audit';
import { DomainError } from '../../errors';
import { prepared } from '../../db/sql';
import {
  abcCutoffsSchema,
  DEFAULT_ABC_CUTOFFS_BP,
  DEFAULT_IDLE_MINUTES,
  DEFAULT_LIFECYCLE_LOST_DAYS,
  DEFAULT_OVERDUE_DAYS,
  DEFAULT_TRACKING_TOLERANCE_BP,
  lifecycleLostDaysSchema,
} from '../../../../shared/contract/settings';
import { DEFAULT_AGING_EDGES, type CreditControlMode } from '../../../../shared/domain/money';
import { operatorCount } from '../operators/operators';
import { defaultStageProbabilityBp, openStages, type OpenStage } from '../../../../shared/domain/opportunity';

function readAll(ctx: Ctx): Map<string, string> {
  const rows = ctx.db.prepare('select key, value from settings').all() as Array<{ key: string; value: string }>;
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** One stored value by key: other modules keep remembered choices here (the import's confirmed column mappings). */
export function readSetting(ctx: Ctx, key: string): string | null {
  const row = ctx.db.prepare('select value from settings where key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeSetting(ctx: Ctx, key: string, value: string): void {
  ctx.db.prepare('insert into settings (key, value) values (?, ?) on conflict(key) do update set value = excluded.value').run(key, value);
}

export function getSettings(ctx: Ctx): Output<'settings.get'> {
  const s = readAll(ctx);
  return {
    initialized: s.get('initialized') === '1',
    companyName: s.get('companyName') ?? '',
    companyPhone: s.get('companyPhone') ?? '',
    companyAddress: s.get('companyAddress') ?? '',
    locale: s.get('locale') === 'en' ? 'en' : 'zh-CN',
    schemaVersion: ctx.schemaVersion,
    databasePath: ctx.dbPath,
    needsAdmin: s.get('initialized') === '1' && operatorCount(ctx) === 0,
    idleMinutes: Number(s.get('idleMinutes') ?? DEFAULT_IDLE_MINUTES),
    ...moneySettingsOf(s),
    trackingToleranceBp: toleranceOf(s.get('trackingToleranceBp')),
    ...customerRulesOf((key) => s.get(key) ?? null),
    stageProbabilityBp: stageProbabilitiesOf(s.get('stageProbabilityBp') ?? null),
  };
}

/** The open stages' default probabilities as stored (key stageProbabilityBp, JSON), a missing or damaged one the default. */
export function stageProbabilitiesOf(stored: string | null): Record<OpenStage, number> {
  const out = Object.fromEntries(openStages.map((st) => [st, defaultStageProbabilityBp[st]])) as Record<OpenStage, number>;
  try {
    const parsed = JSON.parse(stored ?? '{}') as Record<string, unknown>;
    for (const st of openStages) {
      const v = parsed[st];
      if (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10_000) out[st] = v as number;
    }
  } catch {
    // a damaged value falls back to the defaults
  }
  return out;
}

export interface CustomerRuleSettings {
  abcCutoffsBp: [number, number, number];
  lifecycleLostDays: number;
}

function customerRulesOf(get: (key: string) => string | null): CustomerRuleSettings {
  let cutoffs = abcCutoffsSchema.safeParse(null);
  try {
    cutoffs = abcCutoffsSchema.safeParse(JSON.parse(get('abcCutoffsBp') ?? 'null'));
  } catch {
    // a damaged value falls back to the defaults
  }
  const lost = lifecycleLostDaysSchema.safeParse(Number(get('lifecycleLostDays') ?? DEFAULT_LIFECYCLE_LOST_DAYS));
  return {
    abcCutoffsBp: cutoffs.success ? cutoffs.data : [...DEFAULT_ABC_CUTOFFS_BP],
    lifecycleLostDays: lost.success ? lost.data : DEFAULT_LIFECYCLE_LOST_DAYS,
  };
}

/** The grading cut-offs (default 70 / 90 / 98 %) and the days without a purchase after which a customer is lost (180). */
export function customerRuleSettings(ctx: Ctx): CustomerRuleSettings {
  return customerRulesOf((key) => readSetting(ctx, key));
}

/** The stored tracking tolerance, or the default for a missing or damaged value. */
export function toleranceOf(stored: string | null | undefined): number {
  const v = Number(stored ?? DEFAULT_TRACKING_TOLERANCE_BP);
  return Number.isInteger(v) && v >= 0 && v <= 10_000 ? v : DEFAULT_TRACKING_TOLERANCE_BP;
}

export interface MoneySettings {
  creditControlMode: CreditControlMode;
  overdueDays: number;
  agingBucketEdges: number[];
}

function moneySettingsOf(s: Map<string, string>): MoneySettings {
  let edges: number[] = [...DEFAULT_AGING_EDGES];
  try {
    const stored = JSON.parse(s.get('agingBucketEdges') ?? 'null') as unknown;
    if (
      Array.isArray(stored) &&
      stored.length > 0 &&
      stored.every((v, i) => Number.isInteger(v) && v > 0 && (i === 0 || v > stored[i - 1]))
    )
      edges = stored as number[];
  } catch {
    // a damaged value falls back to the defaults
  }
  const overdue = Number(s.get('overdueDays') ?? DEFAULT_OVERDUE_DAYS);
  return {
    creditControlMode: s.get('creditControlMode') === 'block' ? 'block' : 'warn',
    overdueDays: Number.isInteger(overdue) && overdue > 0 ? overdue : DEFAULT_OVERDUE_DAYS,
    agingBucketEdges: edges,
  };
}

const moneyKeys = ['creditControlMode', 'overdueDays', 'agingBucketEdges'];

/** Credit control (warn | block, default warn), the overdue days N (default 90) and the aging bucket edges (default 30/60/90/180). */
export function moneySettings(ctx: Ctx): MoneySettings {
  const rows = prepared(ctx.db, `select key, value from settings where key in (${moneyKeys.map(() => '?').join(',')})`).all(
    ...moneyKeys,
  ) as Array<{ key: string; value: string }>;
  return moneySettingsOf(new Map(rows.map((r) => [r.key, r.value])));
}

export function saveSettings(ctx: Ctx, input: ParsedInput<'settings.save'>): Output<'settings.get'> {
  // the language is everyone's to switch; the rest is the admin's (null actor: system work and tests)
  const adminChange = [input.companyName, input.companyPhone, input.companyAddress, input.idleMinutes].some((v) => v !== undefined);
  if (ctx.actor && ctx.actor.role !== 'admin' && adminChange) {
    throw new DomainError('FORBIDDEN', '只有系统管理员可以修改公司信息（名称、电话、地址）和自动登出时间');
  }
  const moneyChange =
    input.creditControlMode !== undefined ||
    input.overdueDays !== undefined ||
    input.agingBucketEdges !== undefined ||
    input.trackingToleranceBp !== undefined;
  if (moneyChange && ctx.actor && ctx.actor.role !== 'admin' && ctx.actor.role !== 'manager') {
    throw new DomainError('FORBIDDEN', '只有经理或系统管理员可以修改信用控制、账龄和目标达成设置');
  }
  const customerRulesChange = input.abcCutoffsBp !== undefined || input.lifecycleLostDays !== undefined;
  if (customerRulesChange && ctx.actor && ctx.actor.role !== 'admin' && ctx.actor.role !== 'manager') {
    throw new DomainError('FORBIDDEN', '只有经理或系统管理员可以修改客户评级和生命周期规则');
  }
  if (input.stageProbabilityBp !== undefined && ctx.actor && ctx.actor.role !== 'admin' && ctx.actor.role !== 'manager') {
    throw new DomainError('FORBIDDEN', '只有经理或系统管理员可以修改商机各阶段的默认成交概率');
  }
  ctx.db.transaction(() => {
    const before = getSettings(ctx);
    if (input.companyName !== undefined) writeSetting(ctx, 'companyName', input.companyName);
    if (input.companyPhone !== undefined) writeSetting(ctx, 'companyPhone', input.companyPhone);
    if (input.companyAddress !== undefined) writeSetting(ctx, 'companyAddress', input.companyAddress);
    if (input.locale !== undefined) writeSetting(ctx, 'locale', input.locale);
    if (input.idleMinutes !== undefined) writeSetting(ctx, 'idleMinutes', String(input.idleMinutes));
    if (input.creditControlMode !== undefined) writeSetting(ctx, 'creditControlMode', input.creditControlMode);
    if (input.overdueDays !== undefined) writeSetting(ctx, 'overdueDays', String(input.overdueDays));
    if (input.agingBucketEdges !== undefined) writeSetting(ctx, 'agingBucketEdges', JSON.stringify(input.agingBucketEdges));
    if (input.trackingToleranceBp !== undefined) writeSetting(ctx, 'trackingToleranceBp', String(input.trackingToleranceBp));
    if (input.abcCutoffsBp !== undefined) writeSetting(ctx, 'abcCutoffsBp', JSON.stringify(input.abcCutoffsBp));
    if (input.lifecycleLostDays !== undefined) writeSetting(ctx, 'lifecycleLostDays', String(input.lifecycleLostDays));
    if (input.stageProbabilityBp !== undefined) writeSetting(ctx, 'stageProbabilityBp', JSON.stringify(input.stageProbabilityBp));
    recordAudit(ctx, { action: 'update', entity: 'settings', entityId: null, before, after: input });
  })();
  return getSettings(ctx);
}

/** First run: company name, and optionally the demo dataset (loaded by the caller-supplied loader). */
export function initialize(
  ctx: Ctx,
  input: Pick<ParsedInput<'settings.initialize'>, 'companyName' | 'loadDemo'>,
  loadDemo: (ctx: Ctx) => void,
): Output<'settings.get'> {
  ctx.db.transaction(() => {
    if (readAll(ctx).get('initialized') === '1') throw new DomainError('CONFLICT', '系统已完成初始化，不能重复初始化');
    writeSetting(ctx, 'companyName', input.companyName);
    if (input.loadDemo) loadDemo(ctx);
    writeSetting(ctx, 'initialized', '1');
    recordAudit(ctx, {
      action: 'initialize',
      entity: 'settings',
      entityId: null,
      after: { companyName: input.companyName, loadDemo: input.loadDemo },
    });
  })();
  return getSettings(ctx);
}
