import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { loadMigrations } from '../../electron/core/db/connection';
import { digest, fail, makeCore, ok } from './helpers';

const admin = { name: '老板', password: 'boss-pw' };

let core: Core;
beforeEach(() => {
  core = makeCore();
});
afterEach(() => core.close());

// settings.initialize with loadDemo: true belongs to the demo generator's tests.
describe('settings', () => {
  it('starts uninitialised, in Chinese, at the latest schema version', async () => {
    expect(await ok(core, 'settings.get', {})).toEqual({
      initialized: false,
      companyName: '',
      locale: 'zh-CN',
      schemaVersion: loadMigrations().length,
      databasePath: ':memory:',
      needsAdmin: false,
      idleMinutes: 30,
    });
  });

  it('initialises once (without demo data); a second initialise is a CONFLICT that changes nothing', async () => {
    const s = await ok(core, 'settings.initialize', { companyName: '  华众商贸  ', admin });
    expect(s).toMatchObject({ initialized: true, companyName: '华众商贸' });
    expect((await ok(core, 'customers.list', {})).total).toBe(0);
    const before = digest(core.ctx.db);
    const err = await fail(core, 'settings.initialize', { companyName: '别的公司', admin: { name: '别人', password: 'other-pw' } });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('初始化');
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('saves company name and locale separately, auditing each change', async () => {
    const init = await ok(core, 'settings.initialize', { companyName: '华众商贸', admin });
    const asAdmin = { call: (m: unknown, i: unknown) => core.call(m, i, { session: init.session }) };
    expect(await ok(core, 'settings.save', { locale: 'en' })).toMatchObject({ companyName: '华众商贸', locale: 'en' });
    expect(await ok(asAdmin, 'settings.save', { companyName: '华众集团' })).toMatchObject({ companyName: '华众集团', locale: 'en' });
    const audit = await ok(core, 'audit.list', { entity: 'settings' });
    expect(audit.rows.map((r) => r.action)).toEqual(['update', 'update', 'initialize']);
    expect(audit.rows[0]).toMatchObject({ before: { companyName: '华众商贸' }, after: { companyName: '华众集团' } });
  });
});
