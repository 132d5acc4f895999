// The permission table covers every contract method (TypeScript makes it exhaustive; this fails at run time too, and
// catches an entry for a method that no longer exists), and can() answers per role.
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract';
import { actionLabel, can, methodPermissions } from '../../shared/contract/permissions';
import { operatorRoles } from '../../shared/domain/dailyForms';

describe('permission table', () => {
  it('has an entry for every method, and none for a method that does not exist', () => {
    const missing = methodNames.filter((m) => !Object.hasOwn(methodPermissions, m));
    expect(missing, 'add these to shared/contract/permissions.ts').toEqual([]);
    const extra = Object.keys(methodPermissions).filter((m) => !(methodNames as string[]).includes(m));
    expect(extra).toEqual([]);
    for (const [m, rule] of Object.entries(methodPermissions)) {
      if (rule === 'public' || rule === 'signedIn') continue;
      expect(rule.length, m).toBeGreaterThan(0);
      for (const role of rule) expect(operatorRoles, m).toContain(role);
    }
  });

  it('only settings.get, settings.initialize and auth.* are public', () => {
    const publicOnes = methodNames.filter((m) => methodPermissions[m] === 'public');
    expect(publicOnes.every((m) => m === 'settings.get' || m === 'settings.initialize' || m.startsWith('auth.'))).toBe(true);
  });

  it('can(): admin manages operators and reads, a clerk enters but never merges or signs, nobody without a role', () => {
    expect(can('admin', 'operators.save')).toBe(true);
    expect(can('manager', 'operators.save')).toBe(false);
    expect(can('admin', 'customers.list')).toBe(true);
    expect(can('admin', 'customers.save')).toBe(false);
    expect(can('clerk', 'customers.save')).toBe(true);
    expect(can('clerk', 'customers.merge')).toBe(false);
    expect(can('manager', 'customers.merge')).toBe(true);
    expect(can('clerk', 'audit.list')).toBe(false);
    expect(can('manager', 'audit.list')).toBe(true);
    expect(can(null, 'customers.list')).toBe(false);
    expect(can(null, 'settings.get')).toBe(true);
    for (const m of methodNames.filter((n) => n.endsWith('.sign'))) {
      expect(can('clerk', m), m).toBe(false);
      expect(can('supervisor', m), m).toBe(true);
    }
  });

  it('names actions in Chinese for FORBIDDEN', () => {
    expect(actionLabel('customers.merge')).toBe('合并客户');
    expect(actionLabel('operators.save')).toBe('保存操作员');
    expect(actionLabel('dailyReports.sign')).toBe('签核每日销售报告表');
    expect(actionLabel('weird.thing')).toBe('「weird.thing」');
  });
});
