// What a clerk types into the daily forms, read exactly: planned times (0930 → 09:30), visit purposes (digits 1–7 or
// pinyin initials), dates of the office's day and week, and the state words and colours every daily screen shows.
import { toHalfWidth } from '@shared/money';
import { formStateLabels, visitPurposeLabels, visitPurposes, type FormState, type VisitPurpose } from '@shared/domain/dailyForms';

/** "0930", "930", "9:30", "9.30", "09：30", "9" → "09:30" / "09:00"; '' → ''; null when it is not a time of day. */
export function parseTime(text: string): string | null {
  const s = toHalfWidth(text)
    .replace(/\s/g, '')
    .replace(/[：.。]/g, ':');
  if (s === '') return '';
  const m = /^(\d{1,2}):(\d{2})$/.exec(s) ?? /^(\d{1,2})(\d{2})$/.exec(s) ?? /^(\d{1,2})()$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] || '0');
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** The pinyin initials of each purpose's Chinese label: 开发新客户 kfxkh, 收款 sk, 接收订货 jsdh … */
const purposeInitials: Record<VisitPurpose, string> = {
  develop: 'kfxkh',
  research: 'scdy',
  collect: 'sk',
  service: 'fw',
  complaint: 'clks',
  order: 'jsdh',
  other: 'qt',
};

const commonPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/** "13", "1 3", "kf sk", "skfw", "收款" → the purposes in the form's order; [] for ''; null when any part is not one.
 *  Digits are the purposes' numbers; a run of letters is read as the longest unambiguous start (two letters at least)
 *  of a purpose's pinyin initials. */
export function parsePurposes(text: string): VisitPurpose[] | null {
  const chosen = new Set<VisitPurpose>();
  const tokens = toHalfWidth(text)
    .toLowerCase()
    .split(/[\s,，、/;；+]+/)
    .filter(Boolean);
  for (const token of tokens) {
    const byLabel = visitPurposes.find((p) => visitPurposeLabels[p].zh === token || visitPurposeLabels[p].en.toLowerCase() === token);
    if (byLabel) {
      chosen.add(byLabel);
      continue;
    }
    let i = 0;
    while (i < token.length) {
      const ch = token[i]!;
      if (ch >= '1' && ch <= '7') {
        chosen.add(visitPurposes[Number(ch) - 1]!);
        i++;
        continue;
      }
      const rest = token.slice(i);
      let best = 0;
      let found: VisitPurpose[] = [];
      for (const p of visitPurposes) {
        const n = commonPrefix(rest, purposeInitials[p]);
        if (n > best) [best, found] = [n, [p]];
        else if (n === best && n > 0) found.push(p);
      }
      if (best < 2 || found.length !== 1) return null;
      chosen.add(found[0]!);
      i += best;
    }
  }
  return visitPurposes.filter((p) => chosen.has(p));
}

/** The purposes as their numbers, in order: [develop, collect] → "13". */
export const purposeCodes = (purposes: readonly VisitPurpose[]): string =>
  visitPurposes.map((p, i) => (purposes.includes(p) ? String(i + 1) : '')).join('');

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Today on this PC, YYYY-MM-DD. */
export const today = (): string => isoDate(new Date());

/** Monday … Sunday of the week that holds `date`. */
export function weekOf(date: string): [string, string] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(y, m - 1, d);
  const monday = new Date(y, m - 1, d - ((day.getDay() + 6) % 7));
  const sunday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6);
  return [isoDate(monday), isoDate(sunday)];
}

/** What a daily screen shows for a form: none (no form), draft, submitted, returned (a draft sent back), signed. */
export type ShownState = FormState | 'none' | 'returned';

export function shownState(form: { state: FormState; returned: boolean } | null | undefined): ShownState {
  if (!form) return 'none';
  return form.state === 'draft' && form.returned ? 'returned' : form.state;
}

/** The tag classes of each shown state (styles.css sd-tag): missing stands out, signed is green. */
export const stateTagClass: Record<ShownState, string> = {
  none: 'sd-tag sd-tag--plain sd-tag--danger',
  draft: 'sd-tag sd-tag--info',
  submitted: 'sd-tag',
  returned: 'sd-tag sd-tag--warning',
  signed: 'sd-tag sd-tag--success',
};

export const stateLabel = (state: ShownState, locale: string): string =>
  locale === 'en' ? formStateLabels[state].en : formStateLabels[state].zh;
