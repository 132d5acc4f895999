// The audit log's words in the current UI language: a thin layer over shared/domain/audit (which the export uses too).
import { i18n, type Locale } from '@/i18n';
import {
  auditActionLabel,
  auditEntityLabel,
  auditOperatorLabel,
  describeAudit,
  describeChange as describeIn,
  type AuditEntryLike,
} from '@shared/domain/audit';

// read inside render functions, so a language switch re-renders the log
const locale = (): Locale => i18n.global.locale.value as Locale;

export const actionLabel = (action: string): string => auditActionLabel(action, locale());
export const entityLabel = (entity: string): string => auditEntityLabel(entity, locale());
export const operatorLabel = (operator: string): string => auditOperatorLabel(operator, locale());

/** What changed in one record; `entity` (customer, dealer …) picks the words for its codes. */
export function describeChange(before: unknown, after: unknown, entity?: string): string {
  return describeIn(before, after, { locale: locale(), ...(entity ? { entity } : {}) });
}

/** The detail column of the log: imports and merges as sentences, other changes field by field. */
export const describeEntry = (entry: AuditEntryLike): string => describeAudit(entry, locale());
