// 国家法定节假日安排 pasted as text, for a year chinese-days does not know yet. Tolerant on purpose: the office pastes
// either one line per day or range, or the State Council notice itself.
//
// Accepted, line by line:
//   2027-01-01 休 元旦               one day (also 2027/1/1, 2027.1.1, 2027年1月1日, 1月1日 — the year is the one chosen)
//   2027-02-06 至 2027-02-12 休 春节  a range (至 / 到 / ~ / - / —; the end may be 2月12日 or just 12日)
//   2027-02-14 班                    a 调休 make-up workday (班 / 上班 / 补班; 休 / 放假 / 休息 for days off)
//   春节：2月6日至12日放假调休，共7天。2月14日（星期日）、2月20日（星期六）上班。   the notice's own wording
// The holiday's name is the text after 休/班, or the 「名称：」 the line starts with. Weekdays in brackets, numbering
// (一、 1、) and clauses without a date (共7天, 与周末连休) are ignored; lines without any date are listed as ignored;
// a line that starts with a digit but holds no readable date, a date outside the year, an impossible date, a date
// without 休 or 班, or a date entered once as 休 and once as 班 is refused with its line number.
import type { DayOverride } from '../../../../shared/calendar';
import { addDays } from '../../../../shared/periods';

export interface ScheduleDay {
  line: number;
  date: string;
  kind: DayOverride;
  name: string;
}
export interface ScheduleLineError {
  line: number;
  text: string;
  message: string;
}
export interface ParsedSchedule {
  days: ScheduleDay[];
  errors: ScheduleLineError[];
  ignored: Array<{ line: number; text: string }>;
}

const fullWidth: Record<string, string> = {
  '：': ':',
  '～': '~',
  '（': '(',
  '）': ')',
  '－': '-',
  '／': '/',
  '．': '.',
  '，': ',',
  '；': ';',
  '\u3000': ' ',
};

function normalise(line: string): string {
  return line
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[：～（）－／．，；\u3000]/g, (c) => fullWidth[c] ?? c)
    .replace(/\([^()]*\)/g, ' ') // (周五) (星期日); [^()] keeps it linear on a line of brackets
    .replace(/\t/g, ' ')
    .trim();
}

// a full date, a month and day, or a day alone (the month of the date before it)
const dateToken = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{1,2})\s*月\s*(\d{1,2})\s*日?|(\d{1,2})\s*日/g;
const rangeGap = /^\s*(至|到|~|-|—|–|－)\s*$/;
const listGap = /^\s*(、|和|及|与|\/)?\s*$/;
const workWords = /上班|补班|班|\bwork\b/i;
const offWords = /放假|休息|休假|休|\boff\b|\bholiday\b/i;
const kindAndFiller = /放假调休|调休上班|放假|调休|休息|休假|上班|补班|休|班|\bwork\b|\boff\b|\bholiday\b|共\s*\d+\s*天|不调休|连休/gi;

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${String(y)}-${pad(m)}-${pad(d)}`;
}

class LineError extends Error {}

interface Token {
  start: number;
  end: number;
  y: number | null;
  m: number | null;
  d: number;
  raw: string;
}

/** The dates a clause names: single days and ranges, in order. */
function clauseDates(clause: string, year: number): { dates: string[]; rest: string } {
  const tokens: Token[] = [];
  for (const m of clause.matchAll(dateToken)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) tokens.push({ start, end, y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), raw: m[0].trim() });
    else if (m[4] !== undefined) tokens.push({ start, end, y: null, m: Number(m[4]), d: Number(m[5]), raw: m[0].trim() });
    else tokens.push({ start, end, y: null, m: null, d: Number(m[6]), raw: m[0].trim() });
  }
  const dates: string[] = [];
  let rest = '';
  let last = 0;
  let prev = null as { y: number; m: number; date: string } | null;
  let rangeFrom: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const gap = clause.slice(last, t.start);
    if (i > 0 && rangeGap.test(gap)) rangeFrom = prev!.date;
    else if (i > 0 && !listGap.test(gap)) throw new LineError(`「${gap.trim()}」不是日期之间的分隔（范围用 至，几天用 、）`);
    else if (i === 0) rest += gap;
    const y: number = t.y ?? prev?.y ?? year;
    const month: number | undefined = t.m ?? prev?.m;
    if (month === undefined) throw new LineError(`「${t.raw}」缺少月份`);
    const date = validDate(y, month, t.d);
    if (!date) throw new LineError(`「${t.raw}」不是有效日期`);
    if (rangeFrom !== null) {
      if (date < rangeFrom) throw new LineError(`${rangeFrom} 至 ${date}：结束日期早于开始日期`);
      let n = 0;
      for (let d = addDays(rangeFrom, 1); d <= date; d = addDays(d, 1)) {
        if (++n > 40) throw new LineError(`${rangeFrom} 至 ${date}：一段假期不能超过 40 天`);
        dates.push(d);
      }
      rangeFrom = null;
    } else dates.push(date);
    prev = { y, m: month, date };
    last = t.end;
  }
  rest += clause.slice(last);
  return { dates, rest };
}

function cleanName(text: string): string {
  return text
    .replace(kindAndFiller, ' ')
    .replace(/[,.;:。!！?？、"'“”‘’\s]+/g, ' ')
    .trim()
    .slice(0, 40);
}

/** Reads a pasted schedule for `year`; every problem is reported with its line, nothing is thrown. */
export function parseSchedule(year: number, text: string): ParsedSchedule {
  const days: ScheduleDay[] = [];
  const errors: ScheduleLineError[] = [];
  const ignored: ParsedSchedule['ignored'] = [];
  const seen = new Map<string, ScheduleDay>();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((original, index) => {
    const line = index + 1;
    let body = normalise(original);
    if (body === '' || body.startsWith('#') || body.startsWith('//')) return;
    body = body.replace(/^([一二三四五六七八九十]+[、.]|\d{1,2}、|\(\d{1,2}\)\s*)/, '').trim();
    let prefixName = '';
    const prefix = /^([^\d:,;]{1,20}):/.exec(body);
    if (prefix) {
      prefixName = cleanName(prefix[1]!);
      body = body.slice(prefix[0].length).trim();
    }
    try {
      const found: ScheduleDay[] = [];
      for (const clause of body.split(/[,。;；]/)) {
        if (!clause.trim()) continue;
        const { dates, rest } = clauseDates(clause, year);
        if (dates.length === 0) continue; // 共7天, 与周末连休
        const kind: DayOverride | null = workWords.test(rest) ? 'work' : offWords.test(rest) ? 'off' : null;
        if (!kind) throw new LineError(`${dates[0]!}：没有写明是放假（休）还是上班（班）`);
        const name = cleanName(rest) || prefixName;
        for (const date of dates) {
          if (!date.startsWith(`${String(year)}-`)) throw new LineError(`${date} 不在 ${String(year)} 年内`);
          found.push({ line, date, kind, name });
        }
      }
      if (found.length === 0) {
        if (/^\d/.test(body)) throw new LineError('没有认出日期（写作 2027-01-01 或 1月1日）');
        ignored.push({ line, text: original.trim() });
        return;
      }
      for (const day of found) {
        const earlier = seen.get(day.date);
        if (earlier && earlier.kind !== day.kind) {
          throw new LineError(
            `${day.date} 在第${String(earlier.line)}行写作${earlier.kind === 'off' ? '放假' : '上班'}，这里又写作${day.kind === 'off' ? '放假' : '上班'}`,
          );
        }
      }
      for (const day of found) {
        if (seen.has(day.date)) continue;
        seen.set(day.date, day);
        days.push(day);
      }
    } catch (e) {
      if (!(e instanceof LineError)) throw e;
      errors.push({ line, text: original.trim(), message: e.message });
    }
  });
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { days, errors, ignored };
}
