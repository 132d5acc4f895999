// The 业绩考核 screen's period (a month or a quarter, last month by default) and its client-side column sort.
import type { EvaluationRow } from '@shared/contract/evaluations';
import { parsePeriod } from '@shared/periods';

export type SortOrder = 'ascending' | 'descending';

export interface PeriodChoice {
  kind: 'month' | 'quarter';
  month: string;
  year: string;
  quarter: number;
}

/** The period asked for in the address, else last month (a closed month is what gets evaluated). */
export function defaultPeriod(asked?: string, now = new Date()): PeriodChoice {
  const p = asked ? parsePeriod(asked) : null;
  if (p?.kind === 'month')
    return { kind: 'month', month: p.label, year: p.label.slice(0, 4), quarter: Math.ceil(Number(p.label.slice(5, 7)) / 3) };
  if (p?.kind === 'quarter') {
    const q = Number(p.label.slice(-1));
    return { kind: 'quarter', month: `${p.label.slice(0, 4)}-${String(q * 3).padStart(2, '0')}`, year: p.label.slice(0, 4), quarter: q };
  }
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const month = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
  return { kind: 'month', month, year: month.slice(0, 4), quarter: Math.ceil((last.getMonth() + 1) / 3) };
}

export function periodLabel(kind: 'month' | 'quarter', month: string, year: string, quarter: number): string {
  return kind === 'month' ? month : `${year}-Q${quarter}`;
}

/** A column's value for sorting; compliance lives inside its object. */
function valueOf(row: EvaluationRow, prop: string): number | string | null {
  if (prop === 'complianceBp') return row.compliance.complianceBp;
  const v = (row as unknown as Record<string, unknown>)[prop];
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

/** Rows in the server's order, or by one column; empty values (—) last either way. */
export function sortRows(rows: readonly EvaluationRow[], sort: { prop: string; order: SortOrder } | null): EvaluationRow[] {
  if (!sort) return [...rows];
  const dir = sort.order === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a, sort.prop);
    const y = valueOf(b, sort.prop);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y), 'zh-CN') : x - y;
    return c * dir;
  });
}

/** '12.5' → 1250 (hundredths, at most two decimals, as typed in the weights dialog); null when not such a number. */
export function hundredthsOf(text: string): number | null {
  const m = /^(\d{1,5})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

interface RepLink {
  id: number;
  teamId: number | null;
  supervisorId: number | null;
}

/**
 * Whether the score form is offered for a rep: a manager scores anyone; a supervisor the reps of their own team or
 * under them, never themselves (the core's rule, dailyForms/access.ts; it refuses anything else with its own message).
 */
export function mayScore(operator: { role: string; repId: number | null } | null, repId: number, reps: readonly RepLink[]): boolean {
  if (!operator) return true;
  if (operator.role === 'manager') return true;
  if (operator.role !== 'supervisor' || operator.repId === null || operator.repId === repId) return false;
  const own = reps.find((r) => r.id === operator.repId);
  const rep = reps.find((r) => r.id === repId);
  if (!rep) return false;
  return rep.supervisorId === operator.repId || (rep.teamId !== null && rep.teamId === own?.teamId);
}
