// 周计划: one row per paragraph of each section (上周回顾 / 本周目标 / 行动计划 / 下周重点), the section's name on its
// first row, so a long plan runs onto the next page instead of being clipped; the signature block closes the last page.
import type { WeeklyPlanDetail } from '@shared/contract/workPlans';
import { printFormLabels } from '@shared/domain/print';
import type { Column } from '../paginate';
import type { FormDoc, MetaField } from '../layout';
import { blankMeta, dateWithWeekday } from './common';

export const WEEKLY_PLAN_TITLE = printFormLabels.weeklyPlan.zh;

export const weeklyPlanColumns: Column[] = [
  { key: 'section', title: '项目', mm: 22, align: 'center' },
  { key: 'text', title: '内容', weight: 1 },
];

const sections: ReadonlyArray<[keyof Pick<WeeklyPlanDetail, 'review' | 'goals' | 'actions' | 'keyPoints'>, string]> = [
  ['review', '上周回顾'],
  ['goals', '本周目标'],
  ['actions', '行动计划'],
  ['keyPoints', '下周重点'],
];

/** Rows left to write on per section of the blank form. */
const BLANK_ROWS = 5;

const sunday = (monday: string) => {
  const [y, m, d] = monday.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 6)).toISOString().slice(0, 10);
};

function meta(plan: WeeklyPlanDetail): MetaField[] {
  return [
    { label: '周次', value: `${dateWithWeekday(plan.weekStart)} 至 ${dateWithWeekday(sunday(plan.weekStart))}` },
    { label: '业务员', value: plan.repCode ? `${plan.repName}（${plan.repCode}）` : plan.repName },
    { label: '班组', value: plan.teamName ?? '—' },
  ];
}

/** A section's paragraphs as records, its name on the first; an empty section keeps one empty row. */
function sectionRecords(caption: string, text: string): string[][] {
  const paragraphs = text.split('\n').filter((p, i, all) => p.trim() !== '' || (i > 0 && i < all.length - 1));
  return (paragraphs.length ? paragraphs : ['']).map((p, i) => [i === 0 ? caption : '', p]);
}

export function weeklyPlanDoc(plan: WeeklyPlanDetail): FormDoc {
  return {
    key: `weekly-plan-${plan.id}`,
    title: WEEKLY_PLAN_TITLE,
    meta: meta(plan),
    columns: weeklyPlanColumns,
    records: sections.flatMap(([key, caption]) => sectionRecords(caption, plan[key])),
    tail: [],
    signature: null,
    footer: `${WEEKLY_PLAN_TITLE} · ${plan.repName} · ${plan.weekStart}`,
  };
}

export function blankWeeklyPlanDoc(): FormDoc {
  return {
    key: 'weekly-plan-blank',
    title: WEEKLY_PLAN_TITLE,
    meta: blankMeta([]).map((f) => (f.label === '日期' ? { ...f, label: '周次', widthMm: 48 } : f)),
    columns: weeklyPlanColumns,
    records: sections.flatMap(([, caption]) => Array.from({ length: BLANK_ROWS }, (_, i) => [i === 0 ? caption : '', ''])),
    tail: [],
    signature: null,
    footer: WEEKLY_PLAN_TITLE,
  };
}
