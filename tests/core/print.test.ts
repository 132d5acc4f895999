// Print settings: each printer's offset (audited) and the printer and paper each form was printed on last (not audited).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { writeSetting } from '../../electron/core/modules/settings/settings';
import { digest, fail, makeCore, ok } from './helpers';

let core: Core;
beforeEach(() => {
  core = makeCore();
});
afterEach(() => core.close());

const auditCount = () => (core.ctx.db.prepare("select count(*) as n from audit_log where entity = 'settings'").get() as { n: number }).n;

describe('print settings', () => {
  it('start empty', async () => {
    expect(await ok(core, 'print.settings.get', {})).toEqual({ printers: [], forms: [] });
  });

  it('keep one offset per printer, replacing it on the next save, and audit each change', async () => {
    await ok(core, 'print.settings.save', { offset: { printer: 'EPSON LQ-630K', offsetX: 15, offsetY: -8 } });
    await ok(core, 'print.settings.save', { offset: { printer: '', offsetX: 0, offsetY: 4 } });
    const s = await ok(core, 'print.settings.save', { offset: { printer: 'EPSON LQ-630K', offsetX: 12, offsetY: -8 } });
    expect(s.printers).toEqual([
      { printer: '', offsetX: 0, offsetY: 4 },
      { printer: 'EPSON LQ-630K', offsetX: 12, offsetY: -8 },
    ]);
    expect(auditCount()).toBe(3);
    // the same offset again is no change
    await ok(core, 'print.settings.save', { offset: { printer: 'EPSON LQ-630K', offsetX: 12, offsetY: -8 } });
    expect(auditCount()).toBe(3);
  });

  it('remember the printer and paper of each form without an audit entry', async () => {
    await ok(core, 'print.settings.save', { used: { form: 'visitPlan', printer: 'EPSON LQ-630K', paper: 'sanlian' } });
    await ok(core, 'print.settings.save', { used: { form: 'dailyReport', printer: '', paper: 'a4' } });
    const s = await ok(core, 'print.settings.save', { used: { form: 'visitPlan', printer: 'HP', paper: 'a4-landscape' } });
    expect(s.forms).toEqual([
      { form: 'dailyReport', printer: '', paper: 'a4' },
      { form: 'visitPlan', printer: 'HP', paper: 'a4-landscape' },
    ]);
    expect(auditCount()).toBe(0);
    expect(await ok(core, 'print.settings.get', {})).toEqual(s);
  });

  it('refuse an offset beyond ±30 mm, an unknown paper or form, unknown fields and an empty save, changing nothing', async () => {
    await ok(core, 'print.settings.save', { offset: { printer: 'A', offsetX: 1, offsetY: 1 } });
    const before = digest(core.ctx.db);
    for (const input of [
      { offset: { printer: 'A', offsetX: 301, offsetY: 0 } },
      { offset: { printer: 'A', offsetX: 0, offsetY: -301 } },
      { offset: { printer: 'A', offsetX: 1.5, offsetY: 0 } },
      { used: { form: 'visitPlan', printer: '', paper: 'letter' } },
      { used: { form: 'invoice', printer: '', paper: 'a4' } },
      { offset: { printer: 'A', offsetX: 0, offsetY: 0, scale: 1 } },
      {},
    ]) {
      expect((await fail(core, 'print.settings.save', input)).code).toBe('VALIDATION');
    }
    expect((await fail(core, 'print.settings.save', { offset: { printer: 'A', offsetX: 301, offsetY: 0 } })).message).toContain('30 毫米');
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('read a damaged stored value as no settings, and write a good one on the next save', async () => {
    writeSetting(core.ctx, 'print', '{not json');
    expect(await ok(core, 'print.settings.get', {})).toEqual({ printers: [], forms: [] });
    writeSetting(core.ctx, 'print', JSON.stringify({ printers: [{ printer: 1 }] }));
    expect(await ok(core, 'print.settings.get', {})).toEqual({ printers: [], forms: [] });
    const s = await ok(core, 'print.settings.save', { used: { form: 'calibration', printer: '', paper: 'sanlian' } });
    expect(s).toEqual({ printers: [], forms: [{ form: 'calibration', printer: '', paper: 'sanlian' }] });
  });
});
