import type { Ctx } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { recordAudit } from '../audit/audit';
import { DomainError } from '../../errors';
import { DEFAULT_IDLE_MINUTES } from '../../../../shared/contract/settings';
import { operatorCount } from '../operators/operators';

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
    locale: s.get('locale') === 'en' ? 'en' : 'zh-CN',
    schemaVersion: ctx.schemaVersion,
    databasePath: ctx.dbPath,
    needsAdmin: s.get('initialized') === '1' && operatorCount(ctx) === 0,
    idleMinutes: Number(s.get('idleMinutes') ?? DEFAULT_IDLE_MINUTES),
  };
}

export function saveSettings(ctx: Ctx, input: ParsedInput<'settings.save'>): Output<'settings.get'> {
  // the language is everyone's to switch; the rest is the admin's (null actor: system work and tests)
  if (ctx.actor && ctx.actor.role !== 'admin' && (input.companyName !== undefined || input.idleMinutes !== undefined)) {
    throw new DomainError('FORBIDDEN', '只有系统管理员可以修改公司名称和自动登出时间');
  }
  ctx.db.transaction(() => {
    const before = getSettings(ctx);
    if (input.companyName !== undefined) writeSetting(ctx, 'companyName', input.companyName);
    if (input.locale !== undefined) writeSetting(ctx, 'locale', input.locale);
    if (input.idleMinutes !== undefined) writeSetting(ctx, 'idleMinutes', String(input.idleMinutes));
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
