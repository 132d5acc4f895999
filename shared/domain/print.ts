// Paper sizes and printable forms: one source for the print layouts (renderer), the print options (Electron main)
// and the remembered choices (core settings). Pure data, no imports of zod or Vue.
import type { Labelled } from './customer';

export const paperIds = ['a4', 'a4-landscape', 'sanlian'] as const;
export type PaperId = (typeof paperIds)[number];

export interface Paper {
  /** the sheet as it comes out of the printer, in mm */
  widthMm: number;
  heightMm: number;
  /** A4 landscape is A4 turned; the 三联 form is defined on the printer as 241 × 140 mm, not turned */
  landscape: boolean;
  label: Labelled;
}

export const papers: Record<PaperId, Paper> = {
  a4: { widthMm: 210, heightMm: 297, landscape: false, label: { zh: 'A4 纵向', en: 'A4 portrait' } },
  'a4-landscape': { widthMm: 297, heightMm: 210, landscape: true, label: { zh: 'A4 横向', en: 'A4 landscape' } },
  sanlian: {
    widthMm: 241,
    heightMm: 140,
    landscape: false,
    label: { zh: '241×140 三联（针式）', en: '241 × 140 mm 3-part (dot matrix)' },
  },
};

export function isPaperId(value: unknown): value is PaperId {
  return typeof value === 'string' && (paperIds as readonly string[]).includes(value);
}

/** The forms the app prints; the printer and paper used last are remembered per form. */
export const printForms = ['visitPlan', 'dailyReport', 'marketFeedback', 'weeklyPlan', 'statement', 'scorecard', 'calibration'] as const;
export type PrintForm = (typeof printForms)[number];

export const printFormLabels: Record<PrintForm, Labelled> = {
  visitPlan: { zh: '每日拜访计划表', en: 'Daily visit plan' },
  dailyReport: { zh: '每日销售报告表', en: 'Daily sales report' },
  marketFeedback: { zh: '市场状况反映表', en: 'Market feedback' },
  weeklyPlan: { zh: '周计划', en: 'Weekly plan' },
  statement: { zh: '客户对账单', en: 'Customer statement' },
  scorecard: { zh: '业绩考核表', en: 'Rep scorecard' },
  calibration: { zh: '打印偏移校准页', en: 'Offset calibration page' },
};

/** A printer's offset is stored in tenths of a millimetre, within ±30 mm. */
export const OFFSET_LIMIT_TENTHS = 300;
