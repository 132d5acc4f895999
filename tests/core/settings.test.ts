import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { loadMigrations } from '../../electron/core/db/connection';
import { moneySettings } from '../../electron/core/modules/settings/settings';
import { addOperator, asOperator, digest, fail, makeCore, ok } from './helpers';

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
      companyPhone: '',
      companyAddress: '',
      locale: 'zh-CN',
      schemaVersion: loadMigrations().length,
      databasePath: ':memory:',
      needsAdmin: false,
      idleMinutes: 30,
      creditControlMode: 'warn',
      overdueDays: 90,
      agingBucketEdges: [30, 60, 90, 180],
      trackingToleranceBp: 500,
      abcCutoffsBp: [7000, 9000, 9800],
      lifecycleLostDays: 180,
      stageProbabilityBp: { identify: 1000, contact: 2000, needs: 3000, demo: 5000, quote: 6000, negotiate: 8000 },
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

  it('company phone and address (the statement’s contact line): an admin’s to set, refused for others and for bad phones', async () => {
    const init = await ok(core, 'settings.initialize', { companyName: '华众商贸', admin });
    const asAdmin = { call: (m: unknown, i: unknown) => core.call(m, i, { session: init.session }) };
    const saved = await ok(asAdmin, 'settings.save', { companyPhone: ' 0371-6666 8888 ', companyAddress: '  郑州市金水区花园路 1 号 ' });
    expect(saved).toMatchObject({ companyName: '华众商贸', companyPhone: '0371-6666 8888', companyAddress: '郑州市金水区花园路 1 号' });
    const audit = await ok(core, 'audit.list', { entity: 'settings' });
    expect(audit.rows[0]).toMatchObject({ action: 'update', before: { companyPhone: '' }, after: { companyPhone: '0371-6666 8888' } });
    const before = digest(core.ctx.db);
    // the manager (makeCore’s) may change the money settings, not the company's details
    const forbidden = await fail(core, 'settings.save', { companyAddress: '别处', overdueDays: 30 });
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.message).toContain('公司信息');
    const bad = await fail(asAdmin, 'settings.save', { companyPhone: '电话0371' });
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'companyPhone' });
    expect(bad.message).toContain('公司电话');
    expect(await fail(asAdmin, 'settings.save', { companyAddress: '址'.repeat(201) })).toMatchObject({ field: 'companyAddress' });
    expect(digest(core.ctx.db)).toBe(before);
    // an empty phone clears it
    expect(await ok(asAdmin, 'settings.save', { companyPhone: '' })).toMatchObject({
      companyPhone: '',
      companyAddress: '郑州市金水区花园路 1 号',
    });
  });

  it('money settings: credit control mode, overdue days and aging edges, a manager’s or admin’s to change', async () => {
    const saved = await ok(core, 'settings.save', { creditControlMode: 'block', overdueDays: 60, agingBucketEdges: [15, 45, 120] });
    expect(saved).toMatchObject({ creditControlMode: 'block', overdueDays: 60, agingBucketEdges: [15, 45, 120] });
    expect(moneySettings(core.ctx)).toEqual({ creditControlMode: 'block', overdueDays: 60, agingBucketEdges: [15, 45, 120] });
    const before = digest(core.ctx.db);
    expect(await fail(core, 'settings.save', { agingBucketEdges: [60, 30] })).toMatchObject({
      code: 'VALIDATION',
      field: 'agingBucketEdges',
    });
    expect(await fail(core, 'settings.save', { overdueDays: 0 })).toMatchObject({ code: 'VALIDATION', field: 'overdueDays' });
    expect(await fail(core, 'settings.save', { creditControlMode: 'stop' })).toMatchObject({
      code: 'VALIDATION',
      field: 'creditControlMode',
    });
    addOperator(core, { name: '录入员', role: 'clerk', password: 'clerk-pw' });
    const clerk = await asOperator(core, '录入员', 'clerk-pw');
    const before2 = digest(core.ctx.db);
    expect(before2).not.toBe(before); // the sign-in's session
    expect(await fail(clerk, 'settings.save', { creditControlMode: 'warn' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(digest(core.ctx.db)).toBe(before2);
    expect(moneySettings(core.ctx).creditControlMode).toBe('block');
  });
});
