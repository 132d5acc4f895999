// 业绩考核表: one rep's evaluation for a month or quarter on one A4 sheet — the figures in a dense grid of three label /
// value pairs per row, then each scored component with its weight and points and the total with the ranking, the
// supervisor's comment, and blocks for the rep and the supervisor to sign and date by hand.
import type { EvaluationRow } from '@shared/contract/evaluations';
import { evaluationComponentLabels, type EvaluationComponent } from '@shared/domain/evaluations';
import { printFormLabels } from '@shared/domain/print';
import { formatFen } from '@shared/money';
import { parsePeriod } from '@shared/periods';
import type { Column } from '../paginate';
import type { FormDoc, MetaField } from '../layout';

export const SCORECARD_TITLE = printFormLabels.scorecard.zh;

export const scorecardColumns: Column[] = [
  { key: 'l1', title: '项目', mm: 33 },
  { key: 'v1', title: '数值', weight: 1, align: 'right' },
  { key: 'l2', title: '项目', mm: 33 },
  { key: 'v2', title: '数值', weight: 1, align: 'right' },
  { key: 'l3', title: '项目', mm: 33 },
  { key: 'v3', title: '数值', weight: 1, align: 'right' },
];

const DASH = '—';

/** 9500 → 95.00% (bp as a percentage with two decimals); null → —. */
export function percent(bp: number | null): string {
  if (bp === null) return DASH;
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** 625 → 6.25 (a figure kept ×100); null → —. */
export function hundredths(v: number | null): string {
  if (v === null) return DASH;
  const sign = v < 0 ? '-' : '';
  const abs = Math.abs(v);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const money = (fen: number | null) => (fen === null ? DASH : formatFen(fen));

/** 2025-10 → 2025年10月; 2025-Q4 → 2025年第4季度. */
export function periodText(period: string): string {
  const p = parsePeriod(period);
  if (p?.kind === 'quarter') return `${period.slice(0, 4)}年第${period.slice(-1)}季度`;
  if (p?.kind === 'month') return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
  return period;
}

/** What a component's actual figure reads as: a rate, visits a day, or a score of 5. */
function actualText(key: EvaluationComponent, actual: number | null): string {
  if (actual === null) return DASH;
  if (key === 'visitsPerDay') return `${hundredths(actual)} 次/天`;
  if (key === 'cooperation' || key === 'enthusiasm' || key === 'responsibility') return `${actual} 分`;
  return percent(actual);
}

function notRated(key: EvaluationComponent): string {
  return key === 'salesAchievement' || key === 'collectionsAchievement' ? '无目标，不计' : '未评分，不计';
}

export function scorecardRecords(e: EvaluationRow): string[][] {
  const c = e.compliance;
  const figures = [
    ['销售额(元)', money(e.salesFen), '回款额(元)', money(e.collectionsFen), '毛利(元)', money(e.grossProfitFen)],
    ['销售目标(元)', money(e.salesTargetFen), '销售达成率', percent(e.achievementBp), '回款目标(元)', money(e.collectionsTargetFen)],
    ['回款达成率', percent(e.collectionsAchievementBp), '销售费用(元)', money(e.expensesFen), '费用率', percent(e.expenseRatioBp)],
    ['成交客户数', String(e.customerCount), '新客户', String(e.newCustomers), `流失客户(${e.lostCustomerDays}天)`, String(e.lostCustomers)],
    ['工作日', String(e.workingDays), '请假天数', String(e.leaveDays), '出勤天数', String(e.attendedDays)],
    [
      '完成拜访(次)',
      String(e.visits),
      '日均拜访(次)',
      hundredths(e.visitsPerDayX100),
      '百次拜访订单',
      hundredths(e.ordersPer100VisitsX100),
    ],
    [
      '单次拜访收入(元)',
      money(e.revenuePerVisitFen),
      '单次拜访费用(元)',
      money(e.costPerVisitFen),
      '有订单的拜访',
      String(e.visitsWithOrder),
    ],
    [
      '计划 应交/按时签核',
      `${c.plansExpected} / ${c.plansOnTime}`,
      '报告 应交/按时签核',
      `${c.reportsExpected} / ${c.reportsOnTime}`,
      '报表合规率',
      percent(c.complianceBp),
    ],
  ];
  // label columns hold names, weights and notes; value columns (right-aligned) the actual figure, the rate and the points
  const components = e.components.map((k) => [
    evaluationComponentLabels[k.key].zh,
    actualText(k.key, k.actual),
    percent(k.weightBp),
    k.rateBp === null ? DASH : percent(k.rateBp),
    k.pointsBp === null ? notRated(k.key) : '',
    k.pointsBp === null ? DASH : hundredths(k.pointsBp),
  ]);
  const weightSum = e.components.reduce((sum, k) => sum + k.weightBp, 0);
  const rank = e.teamRank === null ? '团队排名 —' : `团队排名 ${e.teamRank} / ${e.teamSize}`;
  return [
    ...figures,
    ['考核项目', '实际', '权重', '得分率', '说明', '得分'],
    ...components,
    ['加权总分（满分 100）', '', percent(weightSum), '', rank, hundredths(e.totalScoreBp)],
  ];
}

export function scorecardMeta(e: EvaluationRow): MetaField[] {
  return [
    { label: '业务员', value: e.repCode ? `${e.repName}（${e.repCode}）` : e.repName },
    { label: '班组', value: e.teamName ?? DASH },
    { label: '考核期间', value: `${e.period}（${periodText(e.period)}，${e.from} 至 ${e.to}）` },
    { label: '总分', value: hundredths(e.totalScoreBp) },
  ];
}

export function scorecardDoc(e: EvaluationRow): FormDoc {
  const s = e.scores;
  const comment = s ? `${s.comment || '（无）'}${s.scoredByName ? `\u3000评分人：${s.scoredByName}` : ''}` : '尚未评分';
  return {
    key: `scorecard-${e.repId}-${e.period}`,
    title: SCORECARD_TITLE,
    meta: scorecardMeta(e),
    columns: scorecardColumns,
    records: scorecardRecords(e),
    tail: [
      {
        kind: 'line',
        text:
          `说明：日均拜访 = 完成拜访 ÷ 出勤天数；报表合规率 = 截止前提交且已签核的计划和报告 ÷（出勤天数 × 2）；` +
          `未能计算的项目不计入总分，其余项目按权重折算${e.countedTo < e.to ? `；工作日统计至 ${e.countedTo}` : ''}`,
      },
      { kind: 'texts', rows: 3, items: [{ caption: '主管评语', text: comment }] },
    ],
    signature: null,
    twoSigners: true,
    footer: `${SCORECARD_TITLE} · ${e.repName} · ${e.period}`,
  };
}
