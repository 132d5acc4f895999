// The dashboards' period and filters: one choice shared by 总览 and 销售分析 (switching keeps it), turned into the
// analytics contract's input.
import { reactive } from 'vue';
import type { AnalyticsFilters, AnalyticsInput } from '@shared/contract/analytics';
import type { ChannelType } from '@shared/domain/dealer';
import { lastDayOfMonth, parsePeriod } from '@shared/periods';
import { askOnEnter } from '@/composables/latestCall';

export type PeriodKindChoice = 'month' | 'quarter' | 'year' | 'custom';

export interface DashboardChoice {
  kind: PeriodKindChoice;
  /** YYYY-MM */
  month: string;
  /** YYYY */
  year: string;
  quarter: number;
  /** custom range, YYYY-MM-DD */
  from: string;
  to: string;
  regionId: number | null;
  teamId: number | null;
  repId: number | null;
  dealerId: number | null;
  channelType: ChannelType | null;
  productCategoryId: number | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** This month (to date in the figures: the core clips nothing, an unfinished month simply has fewer documents). */
export function initialChoice(now = new Date()): DashboardChoice {
  const y = now.getFullYear();
  const m = now.getMonth() + 1;
  return {
    kind: 'month',
    month: `${y}-${pad(m)}`,
    year: String(y),
    quarter: Math.ceil(m / 3),
    from: `${y}-${pad(m)}-01`,
    to: lastDayOfMonth(y, m),
    regionId: null,
    teamId: null,
    repId: null,
    dealerId: null,
    channelType: null,
    productCategoryId: null,
  };
}

/** The choice's dates: a whole month, quarter or year, or the custom range as typed. */
export function periodOf(c: DashboardChoice): { from: string; to: string } {
  const label = c.kind === 'month' ? c.month : c.kind === 'quarter' ? `${c.year}-Q${c.quarter}` : c.kind === 'year' ? c.year : null;
  const p = label ? parsePeriod(label) : null;
  if (p) return { from: p.from, to: p.to };
  return c.from <= c.to ? { from: c.from, to: c.to } : { from: c.to, to: c.from };
}

export type FilterKey = keyof AnalyticsFilters;

/** Only the filters set (less those the dashboard cannot narrow by); none at all when nothing is set. */
export function filtersOf(c: DashboardChoice, unsupported: readonly FilterKey[] = []): AnalyticsFilters | undefined {
  const f: AnalyticsFilters = {};
  if (c.regionId) f.regionId = c.regionId;
  if (c.teamId) f.teamId = c.teamId;
  if (c.repId) f.repId = c.repId;
  if (c.dealerId) f.dealerId = c.dealerId;
  if (c.channelType) f.channelType = c.channelType;
  if (c.productCategoryId) f.productCategoryId = c.productCategoryId;
  for (const key of unsupported) delete f[key];
  return Object.keys(f).length ? f : undefined;
}

export function inputOf(c: DashboardChoice, unsupported: readonly FilterKey[] = []): AnalyticsInput {
  const filters = filtersOf(c, unsupported);
  return filters ? { period: periodOf(c), filters } : { period: periodOf(c) };
}

export function clearFilters(c: DashboardChoice): void {
  c.regionId = c.teamId = c.repId = c.dealerId = c.productCategoryId = null;
  c.channelType = null;
}

/** The one choice every dashboard reads and changes. */
export const dashboardChoice = reactive<DashboardChoice>(initialChoice());

/** The filters 应收分析 cannot narrow by: receivables belong to customers, not to products or channels. */
export const receivablesUnsupported: readonly FilterKey[] = ['productCategoryId', 'channelType'];
/** The filters 过程分析 cannot narrow by: visits and forms belong to reps and customers. */
export const activityUnsupported: readonly FilterKey[] = ['dealerId', 'channelType', 'productCategoryId'];

type DashboardMethod = 'analytics.overview' | 'analytics.sales' | 'analytics.customers' | 'analytics.receivables' | 'analytics.activity';

/** A dashboard's route options: its figures are asked for as the router enters it (or as the app starts on it). */
export function askDashboardAhead(method: DashboardMethod, unsupported: readonly FilterKey[] = []) {
  return askOnEnter(method, () => inputOf(dashboardChoice, unsupported));
}

/** 'YYYY-MM' → its month number. */
export const monthNumber = (ym: string) => Number(ym.slice(5, 7));

/** Names of the chosen filters for a caption; a name not known (yet) leaves its filter out rather than show an id. */
export interface CaptionLookups {
  region?: (id: number) => string | undefined;
  team?: (id: number) => string | undefined;
  rep?: (id: number) => string | undefined;
  dealer?: (id: number) => string | undefined;
  category?: (id: number) => string | undefined;
  channelType?: (c: ChannelType) => string | undefined;
}

/** The period and the filters in words for an exported chart: "2026年11月 · 华东区 · 李娜" (en: "Nov 2026 · …"). */
export function captionOf(c: DashboardChoice, lookups: CaptionLookups, unsupported: readonly FilterKey[] = [], locale = 'zh-CN'): string {
  const en = locale.startsWith('en');
  const [y, m] = [c.kind === 'month' ? c.month.slice(0, 4) : c.year, c.month.slice(5, 7)];
  const period =
    c.kind === 'month'
      ? en
        ? `${y}-${m}`
        : `${y}年${Number(m)}月`
      : c.kind === 'quarter'
        ? en
          ? `${y} Q${c.quarter}`
          : `${y}年第${c.quarter}季度`
        : c.kind === 'year'
          ? en
            ? y
            : `${y}年`
          : `${periodOf(c).from} – ${periodOf(c).to}`;
  const f = filtersOf(c, unsupported) ?? {};
  const names = [
    f.regionId !== undefined ? lookups.region?.(f.regionId) : undefined,
    f.teamId !== undefined ? lookups.team?.(f.teamId) : undefined,
    f.repId !== undefined ? lookups.rep?.(f.repId) : undefined,
    f.channelType !== undefined ? lookups.channelType?.(f.channelType) : undefined,
    f.dealerId !== undefined ? lookups.dealer?.(f.dealerId) : undefined,
    f.productCategoryId !== undefined ? lookups.category?.(f.productCategoryId) : undefined,
  ];
  return [period, ...names.filter((n): n is string => Boolean(n))].join(' · ');
}
