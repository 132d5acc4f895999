// 工作日历 in the core: the company's own days (audited, counted at once), a rep's leave from the daily reports, a year's
// official schedule pasted as text (preview, commit, exact counts), and bad input refused with the database unchanged.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseSchedule } from '../../electron/core/modules/calendar/schedule';
import { addOperator, asOperator, digest, fail, makeCore, ok, seed, type Seeded, type TestCore } from './helpers';

let core: TestCore;
let s: Seeded;

beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
});

const count = async (from: string, to: string, repId?: number) =>
  (await ok(core, 'calendar.workingDays', repId === undefined ? { from, to } : { from, to, repId })).count;

const calendarAudits = () =>
  core.ctx.db
    .prepare(`select action, entity_id as entityId, before, after from audit_log where entity = 'calendarDay' order by id`)
    .all() as Array<{
    action: string;
    entityId: number | null;
    before: string | null;
    after: string | null;
  }>;

// 2027 as this test's schedule has it: 元旦 Fri 1 Jan; 春节 Sat 6 – Fri 12 Feb off, Sun 14 and Sat 20 Feb worked
const schedule2027 = ['2027-01-01 休 元旦', '2027-02-06 至 2027-02-12 休 春节', '2027-02-14 班 春节', '2027/2/20 补班 春节'].join('\n');
const notice2027 = [
  '国务院办公厅关于2027年部分节假日安排的通知',
  '',
  '一、元旦：1月1日（周五）放假，与周末连休。',
  '二、春节：2月6日至12日放假调休，共7天。2月14日（星期日）、2月20日（星期六）上班。',
].join('\n');

describe('company days', () => {
  it('a company day off or on changes the count at once, is audited, and is removed with kind null', async () => {
    // October 2025: 18 working days (National Day 1–8 off, 9/28 and 10/11 worked)
    expect(await count('2025-10-01', '2025-10-31')).toBe(18);
    const added = await ok(core, 'calendar.setDays', {
      dates: ['2025-10-09', '2025-10-10'],
      source: 'company',
      kind: 'off',
      note: '公司年会',
    });
    expect(added).toEqual({ changed: 2 });
    expect(await count('2025-10-01', '2025-10-31')).toBe(16); // the cached calendar was dropped
    await ok(core, 'calendar.setDays', { dates: ['2025-10-18'], source: 'company', kind: 'work', note: '盘点' }); // a Saturday
    expect(await count('2025-10-01', '2025-10-31')).toBe(17);

    const year = await ok(core, 'calendar.year', { year: 2025 });
    const day = (d: string) => year.days.find((x) => x.date === d)!;
    expect(day('2025-10-09')).toEqual({
      date: '2025-10-09',
      work: false,
      source: 'company',
      kind: 'companyOff',
      name: '',
      note: '公司年会',
      officialWork: true,
    });
    expect(day('2025-10-18')).toMatchObject({ work: true, kind: 'companyWork', note: '盘点', officialWork: false });
    expect(day('2025-10-01')).toMatchObject({ work: false, source: 'library', kind: 'holiday', name: '国庆节' });
    expect(day('2025-10-04')).toMatchObject({ kind: 'holiday', name: '国庆节' }); // a Saturday inside the holiday
    expect(day('2025-10-11')).toMatchObject({ work: true, kind: 'makeUp', name: '国庆节' });
    expect(day('2025-10-25')).toMatchObject({ work: false, source: 'weekday', kind: 'weekend' });
    expect(day('2025-10-27')).toMatchObject({ work: true, kind: 'workday' });
    expect(year.monthWorkingDays[9]).toBe(17);
    expect(year.workingDays).toBe(year.monthWorkingDays.reduce((a, b) => a + b, 0));
    expect(year.days).toHaveLength(365);
    expect(year).toMatchObject({ hasOfficialSchedule: true, libraryLastYear: 2026, officialEntries: 0 });

    // the same entry again changes nothing and is not logged; a new note is an update
    expect(await ok(core, 'calendar.setDays', { dates: ['2025-10-09'], source: 'company', kind: 'off', note: '公司年会' })).toEqual({
      changed: 0,
    });
    await ok(core, 'calendar.setDays', { dates: ['2025-10-09'], source: 'company', kind: 'off', note: '年会' });
    // clearing: the day is the library's again; a day without an entry is passed over
    expect(
      await ok(core, 'calendar.setDays', { dates: ['2025-10-09', '2025-10-10', '2025-10-20'], source: 'company', kind: null }),
    ).toEqual({
      changed: 2,
    });
    expect(await count('2025-10-01', '2025-10-31')).toBe(19);

    const log = calendarAudits();
    expect(log.map((e) => e.action)).toEqual(['create', 'create', 'create', 'update', 'delete', 'delete']);
    // the day as the entry's id: an update of only the note still names its day
    expect(log.map((e) => e.entityId)).toEqual([20251009, 20251010, 20251018, 20251009, 20251009, 20251010]);
    expect(JSON.parse(log[0]!.after!)).toEqual({ date: '2025-10-09', calendar: 'company', kind: 'off', note: '公司年会' });
    expect(JSON.parse(log[3]!.before!)).toMatchObject({ note: '公司年会' });
    expect(JSON.parse(log[3]!.after!)).toMatchObject({ note: '年会' });
    expect(JSON.parse(log[4]!.before!)).toMatchObject({ date: '2025-10-09', kind: 'off' });
    expect(log[4]!.after).toBeNull();
  });

  it("a rep's leave from a daily report with attendance 请假 counts against that rep only", async () => {
    const li = s.reps.li.id;
    expect(await count('2025-02-01', '2025-02-28', li)).toBe(19); // 2–4 Feb 春节 off (3 and 4 weekdays), Sat 8 Feb worked
    await ok(core, 'dailyReports.save', { repId: li, date: '2025-02-26', attendance: 'leave', lines: [] });
    await ok(core, 'dailyReports.save', { repId: li, date: '2025-02-27', attendance: 'present', lines: [] });
    await ok(core, 'dailyReports.save', { repId: s.reps.boss.id, date: '2025-02-25', attendance: 'leave', lines: [] });
    expect(await count('2025-02-01', '2025-02-28', li)).toBe(18);
    expect((await ok(core, 'calendar.workingDays', { from: '2025-02-01', to: '2025-02-28', repId: li })).days).not.toContain('2025-02-26');
    expect(await count('2025-02-01', '2025-02-28', s.reps.boss.id)).toBe(18);
    expect(await count('2025-02-01', '2025-02-28')).toBe(19);
  });

  it('only a manager or the admin changes the calendar; every operator reads it', async () => {
    addOperator(core, { name: '文员', role: 'clerk', password: 'clerk-pw' });
    addOperator(core, { name: '系统管理员', role: 'admin', password: 'admin-pw' });
    const clerk = await asOperator(core, '文员', 'clerk-pw');
    const admin = await asOperator(core, '系统管理员', 'admin-pw');
    const before = digest(core.ctx.db);
    const refused = await fail(clerk, 'calendar.setDays', { dates: ['2025-10-09'], source: 'company', kind: 'off' });
    expect(refused.code).toBe('FORBIDDEN');
    expect((await fail(clerk, 'calendar.importSchedule', { year: 2027, text: schedule2027, commit: true })).code).toBe('FORBIDDEN');
    expect(digest(core.ctx.db)).toBe(before);
    expect((await ok(clerk, 'calendar.year', { year: 2025 })).days).toHaveLength(365);
    expect(await ok(admin, 'calendar.setDays', { dates: ['2025-10-09'], source: 'company', kind: 'off' })).toEqual({ changed: 1 });
  });
});

describe('official schedule of a year the library lacks', () => {
  it('2027 pasted line by line: preview changes nothing, commit counts exactly and replaces the year', async () => {
    expect((await ok(core, 'calendar.year', { year: 2027 })).hasOfficialSchedule).toBe(false);
    expect((await ok(core, 'calendar.workingDays', { from: '2027-01-01', to: '2027-12-31' })).yearsWithoutSchedule).toEqual([2027]);
    expect(await count('2027-01-01', '2027-12-31')).toBe(261); // plain weekdays

    const before = digest(core.ctx.db);
    const preview = await ok(core, 'calendar.importSchedule', { year: 2027, text: schedule2027 });
    expect(digest(core.ctx.db)).toBe(before);
    expect(preview).toMatchObject({ committed: false, offDays: 8, makeUpDays: 2, replaced: 0, errors: [], ignored: [] });
    expect(preview.monthWorkingDays.slice(0, 3)).toEqual([20, 17, 23]);
    expect(preview.workingDays).toBe(257); // 261 − 元旦 − 5 weekdays of 春节 + 2 make-up days
    expect(preview.days[0]).toEqual({ line: 1, date: '2027-01-01', kind: 'off', name: '元旦' });
    expect(preview.days.find((d) => d.date === '2027-02-20')).toEqual({ line: 4, date: '2027-02-20', kind: 'work', name: '春节' });

    const saved = await ok(core, 'calendar.importSchedule', { year: 2027, text: schedule2027, commit: true });
    expect(saved.committed).toBe(true);
    const year = await ok(core, 'calendar.year', { year: 2027 });
    expect(year).toMatchObject({ hasOfficialSchedule: true, workingDays: 257, officialEntries: 10 });
    expect(year.monthWorkingDays.slice(0, 2)).toEqual([20, 17]);
    expect(year.days.find((d) => d.date === '2027-02-08')).toMatchObject({
      work: false,
      source: 'official',
      kind: 'holiday',
      name: '春节',
    });
    expect(year.days.find((d) => d.date === '2027-02-14')).toMatchObject({ work: true, source: 'official', kind: 'makeUp' });
    const wd = await ok(core, 'calendar.workingDays', { from: '2027-01-01', to: '2027-12-31' });
    expect(wd).toMatchObject({ count: 257, yearsWithoutSchedule: [] });

    // the notice's own wording gives the same days; committing it replaces the year's entries (one audit entry each time)
    const again = await ok(core, 'calendar.importSchedule', { year: 2027, text: notice2027, commit: true });
    expect(again).toMatchObject({ replaced: 10, offDays: 8, makeUpDays: 2, workingDays: 257 });
    expect(again.ignored).toEqual([{ line: 1, text: '国务院办公厅关于2027年部分节假日安排的通知' }]);
    expect(again.days.map((d) => `${d.date} ${d.kind} ${d.name}`)).toEqual(preview.days.map((d) => `${d.date} ${d.kind} ${d.name}`));
    const log = calendarAudits();
    expect(log.map((e) => e.action)).toEqual(['import', 'import']);
    expect(log.map((e) => e.entityId)).toEqual([2027, 2027]);
    expect(JSON.parse(log[0]!.after!)).toEqual({
      year: 2027,
      offDays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
      workDays: ['2027-02-14', '2027-02-20'],
    });
    expect(log[0]!.before).toBeNull();
    expect(JSON.parse(log[1]!.before!)).toEqual(JSON.parse(log[0]!.after!));

    // a schedule with fewer days: the dropped day is a plain weekday again
    await ok(core, 'calendar.importSchedule', { year: 2027, text: '2027-01-01 休 元旦', commit: true });
    expect(await count('2027-01-01', '2027-12-31')).toBe(260);
  });

  it('a company day wins over the entered schedule, and the preview counts it', async () => {
    await ok(core, 'calendar.setDays', { dates: ['2027-02-14'], source: 'company', kind: 'off', note: '不补班' });
    const preview = await ok(core, 'calendar.importSchedule', { year: 2027, text: schedule2027 });
    expect(preview.monthWorkingDays[1]).toBe(16);
    await ok(core, 'calendar.importSchedule', { year: 2027, text: schedule2027, commit: true });
    expect(await count('2027-02-01', '2027-02-28')).toBe(16);
    const day = (await ok(core, 'calendar.year', { year: 2027 })).days.find((d) => d.date === '2027-02-14')!;
    expect(day).toMatchObject({ kind: 'companyOff', officialWork: true, name: '春节', note: '不补班' });
  });

  it('bad lines are refused naming the line, and nothing changes', async () => {
    await ok(core, 'calendar.importSchedule', { year: 2027, text: schedule2027, commit: true });
    const before = digest(core.ctx.db);
    const cases: Array<[string, RegExp]> = [
      ['2027-01-01 休 元旦\n\n2026-12-31 休 元旦', /^安排文本：第3行：2026-12-31 不在 2027 年内$/],
      ['2027-13-01 休', /^安排文本：第1行：「2027-13-01」不是有效日期$/],
      ['2027-01-01 休\n2027-02-30 班', /^安排文本：第2行：「2027-02-30」不是有效日期$/],
      ['2027-01-01 元旦', /^安排文本：第1行：2027-01-01：没有写明是放假（休）还是上班（班）$/],
      ['2027-01-01 休\n2027-01-01 班', /^安排文本：第2行：2027-01-01 在第1行写作放假，这里又写作上班$/],
      ['2027-0101 休', /^安排文本：第1行：没有认出日期/],
      ['2027-02-12 至 2027-02-06 休', /第1行：2027-02-12 至 2027-02-06：结束日期早于开始日期/],
      ['12日 休', /第1行：「12日」缺少月份/],
      ['2027-01-01 休\n2027-01-02 休\n1月40日 休\n2026-01-01 休', /^安排文本：第3行：「1月40日」不是有效日期（共 2 行有误）$/],
      ['国务院办公厅关于2027年部分节假日安排的通知', /没有认出 2027 年的任何日期/],
    ];
    for (const [text, message] of cases) {
      const err = await fail(core, 'calendar.importSchedule', { year: 2027, text, commit: true });
      expect(err.code, text).toBe('VALIDATION');
      expect(err.message, text).toMatch(message);
      expect(err.field).toBe('text');
      // the preview lists the same problem instead of refusing
      if (!text.startsWith('国务院'))
        expect((await ok(core, 'calendar.importSchedule', { year: 2027, text })).errors.length).toBeGreaterThan(0);
    }
    for (const bad of [
      { dates: ['2025-13-01'], source: 'company', kind: 'off' },
      { dates: ['2025-02-29'], source: 'company', kind: 'off' },
      { dates: [], source: 'company', kind: 'off' },
      { dates: ['2025-10-09'], source: 'weekday', kind: 'off' },
      { dates: ['2025-10-09'], source: 'company', kind: 'holiday' },
      { dates: ['2025-10-09'], source: 'company', kind: 'off', note: '长'.repeat(101) },
    ]) {
      const err = await fail(core, 'calendar.setDays', bad);
      expect(err.code).toBe('VALIDATION');
    }
    expect((await fail(core, 'calendar.setDays', { dates: ['2025-13-01'], source: 'company', kind: 'off' })).message).toMatch(
      /^日期 › 第1行：/,
    );
    expect((await fail(core, 'calendar.year', { year: 1999 })).message).toMatch(/^年份：/);
    expect((await fail(core, 'calendar.importSchedule', { year: 2027.5, text: '' })).message).toMatch(/^年份：/);
    expect(digest(core.ctx.db)).toBe(before);
  });
});

describe('schedule text', () => {
  it('reads dates in every documented form', () => {
    const { days, errors, ignored } = parseSchedule(
      2027,
      [
        '# 2027 年安排',
        '2027年4月5日 休 清明节',
        '劳动节：5月1日至5日放假调休，共5天。4月25日（星期日）、5月8日（星期六）上班。',
        '２０２７．６．１１ 休 端午节',
        '10月1日~7日 休 国庆节',
        '9月26日 和 10月9日 班 国庆节',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(ignored).toEqual([]);
    const text = days.map((d) => `${d.date}${d.kind === 'off' ? '休' : '班'}${d.name}@${String(d.line)}`);
    expect(text).toEqual([
      '2027-04-05休清明节@2',
      '2027-04-25班劳动节@3',
      '2027-05-01休劳动节@3',
      '2027-05-02休劳动节@3',
      '2027-05-03休劳动节@3',
      '2027-05-04休劳动节@3',
      '2027-05-05休劳动节@3',
      '2027-05-08班劳动节@3',
      '2027-06-11休端午节@4',
      '2027-09-26班国庆节@6',
      '2027-10-01休国庆节@5',
      '2027-10-02休国庆节@5',
      '2027-10-03休国庆节@5',
      '2027-10-04休国庆节@5',
      '2027-10-05休国庆节@5',
      '2027-10-06休国庆节@5',
      '2027-10-07休国庆节@5',
      '2027-10-09班国庆节@6',
    ]);
  });

  it('any pasted text is read without a crash: every day inside the year and valid, every problem with a real line', () => {
    const piece = fc.constantFrom(
      '2027-',
      '2026-',
      '2027/',
      '2027年',
      '1',
      '2',
      '02',
      '12',
      '13',
      '29',
      '30',
      '31',
      '-',
      '月',
      '日',
      ' 至 ',
      '~',
      '、',
      '，',
      '。',
      '；',
      '休',
      '班',
      '放假',
      '上班',
      '春节',
      '：',
      '（周五）',
      '(',
      ')',
      ' ',
      '\n',
      '#',
      '一、',
      '共7天',
    );
    const text = fc.oneof(
      fc.array(piece, { maxLength: 40 }).map((a) => a.join('')),
      fc.string({ maxLength: 80 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const lines = t.split(/\r\n|\r|\n/).length;
        const { days, errors, ignored } = parseSchedule(2027, t);
        for (const d of days) {
          expect(d.date).toMatch(/^2027-\d\d-\d\d$/);
          expect(new Date(`${d.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d.date);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines);
        }
        expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
        for (const e of [...errors, ...ignored]) expect(e.line).toBeLessThanOrEqual(lines);
      }),
      { numRuns: 500, seed: 2027 },
    );
  });
});
