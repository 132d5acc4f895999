// 每日拜访计划表: one row per planned visit; the plan's notes and the signature block close the last page.
import type { VisitPlanDetail } from '@shared/contract/visitPlans';
import { visitPurposeLabels } from '@shared/domain/dailyForms';
import { printFormLabels } from '@shared/domain/print';
import { blockSpan, columnWidths, contentWidthMm, type Column, type SheetGeometry } from '../paginate';
import type { FormDoc, TailBlock } from '../layout';
import { blankMeta, continued, footerOf, formMeta, signatureOf } from './common';

export const VISIT_PLAN_TITLE = printFormLabels.visitPlan.zh;

export const visitPlanColumns: Column[] = [
  { key: 'seq', title: '序号', mm: 9, align: 'center' },
  { key: 'code', title: '客户编码', mm: 20 },
  { key: 'name', title: '客户名称', weight: 3 },
  { key: 'region', title: '区域', weight: 1.8 },
  { key: 'time', title: '计划时间', mm: 15, align: 'center' },
  { key: 'purposes', title: '拜访目的', weight: 2.2 },
  { key: 'contact', title: '联系人', weight: 1.3 },
  { key: 'notes', title: '备注', weight: 2.7 },
];

function notesTail(notes: string, g: SheetGeometry, blank: boolean): TailBlock[] {
  if (!notes && !blank) return [];
  return [{ kind: 'texts', rows: blockSpan([notes], contentWidthMm(g), g, 1, 2), items: [{ caption: '备注', text: notes }] }];
}

export function visitPlanDoc(plan: VisitPlanDetail, g: SheetGeometry, signatureImage: string | null = null): FormDoc {
  const widths = columnWidths(visitPlanColumns, contentWidthMm(g));
  return {
    key: `visit-plan-${plan.id}`,
    title: VISIT_PLAN_TITLE,
    meta: formMeta(plan, [{ label: '计划拜访', value: `${plan.lines.length} 家` }]),
    columns: visitPlanColumns,
    records: plan.lines.flatMap((l, i) =>
      continued(
        [
          String(i + 1),
          l.customerCode,
          l.customerName,
          l.regionPath,
          l.plannedTime ?? '',
          l.purposes.map((p) => visitPurposeLabels[p].zh).join('、'),
          l.contact,
          l.notes,
        ],
        widths,
        g,
      ),
    ),
    tail: notesTail(plan.notes, g, false),
    signature: signatureOf(plan, signatureImage),
    footer: footerOf(plan, VISIT_PLAN_TITLE),
  };
}

export function blankVisitPlanDoc(g: SheetGeometry): FormDoc {
  return {
    key: 'visit-plan-blank',
    title: VISIT_PLAN_TITLE,
    meta: blankMeta([]),
    columns: visitPlanColumns,
    records: [],
    tail: notesTail('', g, true),
    signature: null,
    footer: VISIT_PLAN_TITLE,
  };
}
