// Who may change which section of the settings: the same rule the core's saveSettings enforces (company details and
// idle sign-out the admin's, credit control and aging buckets a manager's or the admin's).
import type { OperatorRole } from '@shared/domain/dailyForms';

export type SettingsSection = 'company' | 'credit' | 'aging' | 'customers' | 'login';

export const sectionEditors: Record<SettingsSection, readonly OperatorRole[]> = {
  company: ['admin'],
  credit: ['manager', 'admin'],
  aging: ['manager', 'admin'],
  // the grading cut-offs and the lifecycle's lost-after days
  customers: ['manager', 'admin'],
  login: ['admin'],
};

/** May this role change the section? Without a known operator (component tests mount views alone) it may, as auth.can says. */
export function mayChangeSection(role: OperatorRole | null, section: SettingsSection): boolean {
  return role === null || sectionEditors[section].includes(role);
}

/** The menu shows 系统设置 only to roles that may change something there. */
export function mayChangeAnySetting(role: OperatorRole | null): boolean {
  return (Object.keys(sectionEditors) as SettingsSection[]).some((s) => mayChangeSection(role, s));
}
