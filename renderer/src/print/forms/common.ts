// What every daily form prints the same way: the date with its weekday, the rep, the state, the signature block.
import { formStateLabels, type FormState } from '@shared/domain/dailyForms';
import { dateTime } from '@/format';
import type { MetaField, Signature } from '../layout';
import { splitText, type SheetGeometry } from '../paginate';

const weekdays = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 2026-05-12 → 2026-05-12（星期二）; the weekday of the calendar date, whatever the time zone. */
export function dateWithWeekday(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return `${date}（${weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}）`;
}

export interface SignedForm {
  repName: string;
  repCode: string;
  teamName: string | null;
  date: string;
  state: FormState;
  returned: boolean;
  signedByName: string | null;
  signedAt: string | null;
  signComment: string;
  contentHash: string | null;
}

export function stateText(form: Pick<SignedForm, 'state' | 'returned'>): string {
  return formStateLabels[form.returned && form.state === 'draft' ? 'returned' : form.state].zh;
}

/** 日期、业务员、班组 of a filled form, then the form's own fields, then its state. */
export function formMeta(form: SignedForm, own: MetaField[]): MetaField[] {
  return [
    { label: '日期', value: dateWithWeekday(form.date) },
    { label: '业务员', value: form.repCode ? `${form.repName}（${form.repCode}）` : form.repName },
    { label: '班组', value: form.teamName ?? '—' },
    ...own,
    { label: '状态', value: stateText(form) },
  ];
}

/** The same fields left blank, to fill in by hand. */
export function blankMeta(own: MetaField[]): MetaField[] {
  return [
    { label: '日期', value: '', widthMm: 34 },
    { label: '业务员', value: '', widthMm: 26 },
    { label: '班组', value: '', widthMm: 20 },
    ...own,
  ];
}

export function signatureOf(form: SignedForm, image: string | null): Signature | null {
  if (form.state !== 'signed') return null;
  return {
    signerName: form.signedByName,
    signedAt: form.signedAt ? dateTime(form.signedAt) : null,
    hash8: form.contentHash ? form.contentHash.slice(0, 8) : null,
    image,
    comment: form.signComment,
  };
}

export function footerOf(form: Pick<SignedForm, 'repName' | 'date'>, title: string): string {
  return `${title} · ${form.repName} · ${form.date}`;
}

/**
 * One record, or several when a cell's text is longer than a record may be: what does not fit continues in the same
 * column on the rows below (the other cells of those rows empty), so a long text prints whole and is never cut off.
 */
export function continued(cells: readonly string[], widthsMm: readonly number[], g: SheetGeometry): string[][] {
  const pieces = cells.map((text, i) => splitText(text, widthsMm[i] ?? 0, g, g.maxSpan * g.linesPerRow));
  const rows = Math.max(1, ...pieces.map((p) => p.length));
  return Array.from({ length: rows }, (_, k) => pieces.map((p) => p[k] ?? ''));
}
