// 周计划 print layout: sections as rows (a long section runs onto the next page, never clipped), the blank form with
// rows to write on, and the print route's target.
import { describe, expect, it } from 'vitest';
import type { WeeklyPlanDetail } from '@shared/contract';
import { layoutDocument } from '@/print/layout';
import { fileNameOf, parseTarget, printFormOf } from '@/print/load';
import { blankWeeklyPlanDoc, weeklyPlanDoc } from '@/print/forms/weeklyPlan';

const plan = (extra: Partial<WeeklyPlanDetail> = {}): WeeklyPlanDetail => ({
  id: 7,
  repId: 3,
  repCode: 'R003',
  repName: '张伟',
  teamName: '郑州一组',
  weekStart: '2026-03-02',
  review: '完成拜访 40 家\n新开 2 家',
  goals: '回款 10 万',
  actions: '',
  keyPoints: '新品铺货',
  createdAt: '2026-03-02T01:00:00.000Z',
  updatedAt: '2026-03-02T01:00:00.000Z',
  ...extra,
});

describe('weekly plan print', () => {
  it('one row per paragraph, the section name on its first row; header fields', () => {
    const doc = weeklyPlanDoc(plan());
    expect(doc.records).toEqual([
      ['上周回顾', '完成拜访 40 家'],
      ['', '新开 2 家'],
      ['本周目标', '回款 10 万'],
      ['行动计划', ''],
      ['下周重点', '新品铺货'],
    ]);
    expect(doc.title).toBe('周计划');
    expect(doc.meta.map((m) => m.label)).toEqual(['周次', '业务员', '班组']);
    expect(doc.meta[0]!.value).toBe('2026-03-02（星期一） 至 2026-03-08（星期日）');
    expect(doc.meta[1]!.value).toBe('张伟（R003）');
    expect(fileNameOf({ kind: 'weekly-plan', repId: 3, date: '2026-03-02' }, [doc])).toBe('周计划-张伟-2026-03-02');
  });

  it('a long plan runs onto more pages with page x / y and the signature block kept with the last rows', () => {
    const long = Array.from({ length: 80 }, (_, i) => `第${i + 1}条行动`).join('\n');
    const layout = layoutDocument([weeklyPlanDoc(plan({ actions: long }))], 'a4');
    expect(layout.sheets.length).toBeGreaterThan(1);
    const rows = layout.sheets.flatMap((s) => s.records.map((r) => r.cells[1]));
    expect(rows).toContain('第80条行动');
    expect(layout.sheets.at(-1)!.last).toBe(true);
    expect(layout.sheets.map((s) => s.number)).toEqual(layout.sheets.map((_, i) => expect.objectContaining({ page: i + 1 })));
  });

  it('the blank form: rows to write on under each section, blank header lines', () => {
    const doc = blankWeeklyPlanDoc();
    expect(doc.records).toHaveLength(20);
    expect(doc.records.filter((r) => r[0]).map((r) => r[0])).toEqual(['上周回顾', '本周目标', '行动计划', '下周重点']);
    expect(doc.meta.every((m) => m.value === '')).toBe(true);
    expect(doc.meta[0]!.label).toBe('周次');
  });

  it('the print route: rep and Monday; blank form; remembered as weeklyPlan', () => {
    expect(parseTarget('weekly-plan', {}, { repId: '3', date: '2026-03-02' })).toEqual({
      kind: 'weekly-plan',
      repId: 3,
      date: '2026-03-02',
    });
    expect(parseTarget('weekly-plan', {}, { date: '2026-03-02' })).toHaveProperty('error');
    expect(parseTarget('blank', { form: 'weekly-plan' }, {})).toEqual({ kind: 'blank', form: 'weekly-plan' });
    expect(printFormOf({ kind: 'weekly-plan', repId: 3, date: '2026-03-02' })).toBe('weeklyPlan');
    expect(printFormOf({ kind: 'blank', form: 'weekly-plan' })).toBe('weeklyPlan');
  });
});
