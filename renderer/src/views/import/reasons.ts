// Row errors and summaries of an import in the UI language, from the shared reason catalogue.
import { formatImportReason, importSummary, isImportReason } from '@shared/domain/importReasons';
import type { ImportPreview } from '@shared/contract';

type RowError = ImportPreview['rows'][number]['errors'][number];
export type ImportLang = 'zh' | 'en';

export const importLang = (locale: string): ImportLang => (locale.startsWith('en') ? 'en' : 'zh');

/** "列：原因" / "Column: reason"; a reason without a catalogue entry keeps the core's Chinese text. */
export function rowErrorText(e: RowError, lang: ImportLang): string {
  const reason = isImportReason(e.reasonCode) ? formatImportReason(e.reasonCode, e.params ?? {}, lang) : e.message;
  if (lang === 'zh') return `${e.column}：${reason}`;
  return `${e.column === '（整行）' ? '(whole row)' : e.column}: ${reason}`;
}

export function previewSummary(counts: ImportPreview['counts'], lang: ImportLang): string {
  return importSummary(counts, lang, false);
}

export function doneSummary(r: { created: number; updated: number; skipped: number; rejected: number }, lang: ImportLang): string {
  return importSummary({ new: r.created, update: r.updated, skip: r.skipped, error: r.rejected }, lang, true);
}
