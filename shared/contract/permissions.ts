// Who may call what: ONE table for every contract method, checked by the core's dispatcher before any service runs.
// 'public' needs no session; 'signedIn' any signed-in operator; a role list only those roles.
// Finer rules (a supervisor signs only for their own team, only an admin changes the company name) live in the services.
import { operatorRoleLabels, type OperatorRole } from '../domain/dailyForms';
import type { MethodName } from './index';

export type Permission = 'public' | 'signedIn' | readonly OperatorRole[];

/** admin: operators, settings, audit log, reads. */
export const ADMIN: readonly OperatorRole[] = ['admin'];
/** the business roles: they enter master data, forms, imports and exports. */
export const ENTRY: readonly OperatorRole[] = ['manager', 'supervisor', 'clerk'];
/** sign, return and unsign forms (a supervisor only for their team — checked in the service). */
export const SIGNERS: readonly OperatorRole[] = ['manager', 'supervisor'];
/** overrides and merges. */
export const MANAGER: readonly OperatorRole[] = ['manager'];
/** the audit log. */
export const AUDIT_READERS: readonly OperatorRole[] = ['admin', 'manager'];

export const methodPermissions: Record<MethodName, Permission> = {
  'settings.get': 'public',
  'settings.initialize': 'public',
  // any operator may switch the language; the service lets only an admin change the other settings
  'settings.save': 'signedIn',

  'regions.tree': 'signedIn',
  'regions.save': ENTRY,
  'regions.delete': ENTRY,
  'teams.list': 'signedIn',
  'teams.save': ENTRY,
  'reps.list': 'signedIn',
  'reps.save': ENTRY,

  'customers.list': 'signedIn',
  'customers.get': 'signedIn',
  'customers.save': ENTRY,
  'customers.archive': ENTRY,
  'customers.findDuplicates': 'signedIn',
  'customers.tags': 'signedIn',
  'customers.merge': MANAGER,
  'customers.duplicateGroups': 'signedIn',
  'strategyCards.get': 'signedIn',
  'strategyCards.save': ENTRY,
  'monthlyEvaluations.list': 'signedIn',
  'monthlyEvaluations.save': ENTRY,

  'dealers.list': 'signedIn',
  'dealers.get': 'signedIn',
  'dealers.save': ENTRY,

  'productCategories.tree': 'signedIn',
  'productCategories.save': ENTRY,
  'productCategories.delete': ENTRY,
  'products.list': 'signedIn',
  'products.get': 'signedIn',
  'products.save': ENTRY,

  'import.template': ENTRY,
  'import.preview': ENTRY,
  'import.commit': ENTRY,
  'import.errorFile': ENTRY,
  // reads: any operator exports what they may list (the audit log's export is checked in the service)
  'export.xlsx': 'signedIn',

  'audit.list': AUDIT_READERS,
};

/** May an operator of this role call this method? (The renderer hides buttons with it; the core enforces it.) */
export function can(role: OperatorRole | null | undefined, method: MethodName): boolean {
  const rule = methodPermissions[method];
  if (rule === 'public') return true;
  if (!role) return false;
  return rule === 'signedIn' || rule.includes(role);
}

/** Chinese names of actions for the FORBIDDEN message ("主管无权执行：合并客户"); falls back to the method name. */
export function roleLabel(role: OperatorRole): string {
  return operatorRoleLabels[role].zh;
}
