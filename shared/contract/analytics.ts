// 数据分析 Analytics: the dashboards' figures (总览、销售、客户、应收、过程) for a period and filters, and the day's
// 异常预警 list. Every figure uses the tables' definitions (PRODUCT §3, targets/actuals.ts); money in integer 分,
// rates and changes in basis points, ratios ×100 where named so.
import { z } from 'zod';
import { channelTypes } from '../domain/dealer';
import { customerGrades, customerScales, customerTypes, lifecycles } from '../domain/customer';
import { targetMetrics, trackingStatuses } from '../domain/targets';
import { dateSchema, idSchema } from './common';

/** The longest period a dashboard answers for (three years and a day for a leap year). */
export const ANALYTICS_MAX_DAYS = 1097;

export const analyticsFiltersSchema = z
  .object({
    /** the region and its sub-regions (by the customer's region) */
    regionId: idSchema.optional(),
    /** the reps of the team (by the document's rep) */
    teamId: idSchema.optional(),
    repId: idSchema.optional(),
    /** the channel dealer (orders: the order's dealer; collections, visits: the customer's serving dealer) */
    dealerId: idSchema.optional(),
    channelType: z.enum(channelTypes).optional(),
    /** the category and its sub-categories (sales and gross profit only: other figures have no product) */
    productCategoryId: idSchema.optional(),
  })
  .strict();
export type AnalyticsFilters = z.infer<typeof analyticsFiltersSchema>;

export const analyticsPeriodSchema = z
  .object({ from: dateSchema, to: dateSchema })
  .strict()
  .refine((p) => p.from <= p.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) < ANALYTICS_MAX_DAYS * 86_400_000, {
    message: '期间最长三年',
    path: ['to'],
  });

export const analyticsInput = z.object({ period: analyticsPeriodSchema, filters: analyticsFiltersSchema.optional() }).strict();
export type AnalyticsInput = z.infer<typeof analyticsInput>;

export const comparisonKinds = ['month', 'quarter', 'year', 'days'] as const;

const dateRange = z.object({ from: z.string(), to: z.string() });

/** The period asked for and the two it is compared with. */
export const comparisonPeriods = z.object({
  /** month / quarter / year when the period is exactly one; otherwise 'days' */
  kind: z.enum(comparisonKinds),
  current: dateRange,
  /** 同比: the same dates one year earlier (29 Feb → 28 Feb) */
  lastYear: dateRange,
  /** 环比: the period of the same kind just before; for 'days' the same number of days just before */
  previous: dateRange,
});
export type ComparisonPeriods = z.infer<typeof comparisonPeriods>;

/** A figure with its 同比 and 环比: the change in bp of the base's size, null when the base is 0. */
export const comparedFigure = z.object({
  value: z.int(),
  lastYear: z.int(),
  previous: z.int(),
  yoyBp: z.int().nullable(),
  momBp: z.int().nullable(),
});
export type ComparedFigure = z.infer<typeof comparedFigure>;

/** The overview's figures, in the order the cards show them; `valueKey` holds the plain integer. */
export const overviewFigures = [
  { key: 'sales', valueKey: 'salesFen', unit: 'fen', label: { zh: '销售额', en: 'Sales' } },
  { key: 'collections', valueKey: 'collectionsFen', unit: 'fen', label: { zh: '回款额', en: 'Collections' } },
  { key: 'grossProfit', valueKey: 'grossProfitFen', unit: 'fen', label: { zh: '毛利', en: 'Gross profit' } },
  { key: 'receivable', valueKey: 'receivableFen', unit: 'fen', label: { zh: '应收余额', en: 'Receivables' } },
  { key: 'overdue', valueKey: 'overdueFen', unit: 'fen', label: { zh: '逾期金额', en: 'Overdue' } },
  { key: 'newCustomersCompared', valueKey: 'newCustomers', unit: 'count', label: { zh: '新客户数', en: 'New customers' } },
] as const;

/** Target achievement against time progress for one metric (targets.tracking's total for the filters' unit). */
const targetProgress = z.object({
  metric: z.enum(targetMetrics),
  unit: z.enum(['fen', 'count']),
  target: z.int(),
  actual: z.int(),
  /** actual / target; null when the target is 0 */
  achievementBp: z.int().nullable(),
  timeProgressBp: z.int().nullable(),
  /** target − actual */
  gap: z.int(),
  requiredPerDay: z.int(),
  status: z.enum(trackingStatuses),
});
export type TargetProgress = z.infer<typeof targetProgress>;

/** One slice of a breakdown: sales, its share of the total and its 同比. */
const salesSlice = {
  salesFen: z.int(),
  grossProfitFen: z.int(),
  /** of the breakdown's total sales; null when the total is ≤ 0 */
  shareBp: z.int().nullable(),
  lastYearFen: z.int(),
  yoyBp: z.int().nullable(),
};

/** A tree node's slice (region, product category): drilling in asks again with the node as the filter. */
const treeSlice = z.object({ id: z.int(), name: z.string(), hasChildren: z.boolean(), ...salesSlice });

export const abcClasses = ['A', 'B', 'C'] as const;

const ranked = <T extends z.ZodRawShape>(unit: T) => z.object({ rank: z.int(), ...unit });

const customerLink = { customerId: z.int(), customerCode: z.string(), customerName: z.string() };

const agingAmounts = z.object({
  notDueFen: z.int(),
  /** overdue per bucket of `bucketEdges` (1–30, 31–60, …, over the last edge) */
  bucketsFen: z.array(z.int()),
  /** owed − prepayment */
  totalFen: z.int(),
  overdueFen: z.int(),
});

/** A count, sales and growth per value of a customer attribute. */
const segmentRow = z.object({
  /** the attribute's code (customerType / scale), the industry text, or the region id as text; '' = not set */
  key: z.string(),
  name: z.string(),
  customers: z.int(),
  salesFen: z.int(),
  lastYearFen: z.int(),
  yoyBp: z.int().nullable(),
});

export const exceptionKinds = [
  'noPlan',
  'noReport',
  'unsignedForm',
  'overCredit',
  'longOverdue',
  'behindTarget',
  'abNotVisited',
  'silentCustomer',
  'channelConflict',
  'complaintOverdue',
  // a satisfaction score ≤ 2 in the last 30 days (satisfaction module)
  'lowSatisfaction',
] as const;
export type ExceptionKind = (typeof exceptionKinds)[number];

/** What an exception row opens. */
export const exceptionTargets = ['rep', 'customer', 'visitPlan', 'dailyReport', 'target', 'channelConflict', 'complaint'] as const;

const exceptionItem = z.object({
  kind: z.enum(exceptionKinds),
  /** the record the row links to */
  target: z.enum(exceptionTargets),
  targetId: z.int(),
  /** who or what it is about (rep, customer, dealer name) */
  name: z.string(),
  /** the responsible rep, when there is one */
  repId: z.int().nullable(),
  repName: z.string().nullable(),
  /** the amount behind it (over-credit excess, overdue amount, target gap in fen), null when none */
  amountFen: z.int().nullable(),
  /** days overdue / not visited / silent / complaint past due; null when none */
  days: z.int().nullable(),
  /** the document's or the last event's date */
  date: z.string().nullable(),
  /** one line in the reader's language is built by the screen from kind and figures; this is the record's own text */
  detail: z.string(),
});
export type ExceptionItem = z.infer<typeof exceptionItem>;

export const analyticsMethods = {
  'analytics.overview': {
    input: analyticsInput,
    output: z.object({
      periods: comparisonPeriods,
      /** the plain figures for the period (receivables and overdue: as of the period end); null when the filters cannot
       *  narrow that figure (a product category filter: collections, receivables, new customers) */
      salesFen: z.int(),
      collectionsFen: z.int().nullable(),
      grossProfitFen: z.int(),
      receivableFen: z.int().nullable(),
      overdueFen: z.int().nullable(),
      newCustomers: z.int().nullable(),
      sales: comparedFigure,
      collections: comparedFigure.nullable(),
      grossProfit: comparedFigure,
      receivable: comparedFigure.nullable(),
      overdue: comparedFigure.nullable(),
      newCustomersCompared: comparedFigure.nullable(),
      /** gross profit / sales; null when sales ≤ 0 */
      grossMarginBp: z.int().nullable(),
      /** target achievement vs time progress per metric; the tracking period is the month / quarter / year the period
       *  is exactly (null for another range: no target resolves to it) */
      targets: z.object({
        period: z.string().nullable(),
        asOf: z.string(),
        workingDays: z.int(),
        workingDaysElapsed: z.int(),
        rows: z.array(targetProgress),
      }),
    }),
  },
  'analytics.sales': {
    input: analyticsInput,
    output: z.object({
      periods: comparisonPeriods,
      salesFen: z.int(),
      grossProfitFen: z.int(),
      /** the year holding the period end: 12 months, this year's clipped to the period end (null after it) */
      monthlyTrend: z.object({
        year: z.int(),
        months: z.array(
          z.object({
            /** 'YYYY-MM' of this year */
            month: z.string(),
            thisYearFen: z.int().nullable(),
            lastYearFen: z.int(),
            yoyBp: z.int().nullable(),
          }),
        ),
      }),
      /** the filter region's sub-regions, or the top-level regions; customers without a region as id 0 */
      byRegion: z.object({ parentId: z.int().nullable(), rows: z.array(treeSlice) }),
      byChannelType: z.array(z.object({ channelType: z.enum(channelTypes), ...salesSlice })),
      /** the top dealers by sales, the rest summed into others; sales without a dealer are direct */
      byDealer: z.object({
        topN: z.int(),
        rows: z.array(z.object({ dealerId: z.int(), dealerCode: z.string(), dealerName: z.string(), ...salesSlice })),
        othersFen: z.int(),
        othersCount: z.int(),
        directFen: z.int(),
      }),
      /** the filter category's sub-categories, or the top-level categories */
      byCategory: z.object({ parentId: z.int().nullable(), rows: z.array(treeSlice) }),
      /** products by sales descending with the cumulative share; A up to 70 %, B up to 90 %, C the rest */
      abc: z.object({
        cutoffsBp: z.object({ a: z.int(), b: z.int() }),
        rows: z.array(
          z.object({
            productId: z.int(),
            productCode: z.string(),
            productName: z.string(),
            salesFen: z.int(),
            shareBp: z.int().nullable(),
            cumulativeBp: z.int().nullable(),
            abcClass: z.enum(abcClasses),
          }),
        ),
        classes: z.array(z.object({ abcClass: z.enum(abcClasses), products: z.int(), salesFen: z.int(), shareBp: z.int().nullable() })),
      }),
      /** reps by sales descending */
      repRanking: z.array(
        ranked({
          repId: z.int(),
          repCode: z.string(),
          repName: z.string(),
          teamName: z.string().nullable(),
          ...salesSlice,
        }),
      ),
    }),
  },
  'analytics.customers': {
    input: analyticsInput,
    output: z.object({
      periods: comparisonPeriods,
      /** active customers within the filters (region, rep = the customer's own rep, dealer = serving dealer) */
      grades: z.array(z.object({ grade: z.enum(customerGrades), customers: z.int() })),
      lifecycles: z.array(z.object({ lifecycle: z.enum(lifecycles), customers: z.int() })),
      /** per month of the period: new (first order in the month) and lost (PRODUCT §3, as of the month end) */
      newVsLost: z.array(z.object({ month: z.string(), newCustomers: z.int(), lostCustomers: z.int() })),
      lostCustomerDays: z.int(),
      topCustomers: z.array(ranked({ ...customerLink, grade: z.enum(customerGrades), ...salesSlice })),
      /** A/B customers with no completed visit in the last `days` days up to the period end */
      notVisited: z.object({
        days: z.int(),
        total: z.int(),
        rows: z.array(
          z.object({
            ...customerLink,
            grade: z.enum(customerGrades),
            repName: z.string().nullable(),
            lastVisitDate: z.string().nullable(),
            daysSinceVisit: z.int().nullable(),
          }),
        ),
      }),
      segments: z.object({
        customerType: z.array(segmentRow.extend({ key: z.enum([...customerTypes, '']) })),
        industry: z.array(segmentRow),
        scale: z.array(segmentRow.extend({ key: z.enum([...customerScales, '']) })),
        region: z.array(segmentRow),
      }),
      /** per rep: the customers they own, how many are A/B, prospects, and their last 12 months' sales to the period end */
      repCoverage: z.array(
        z.object({
          repId: z.int(),
          repName: z.string(),
          teamName: z.string().nullable(),
          customers: z.int(),
          abCustomers: z.int(),
          prospects: z.int(),
          last12MonthsSalesFen: z.int(),
        }),
      ),
    }),
  },
  'analytics.receivables': {
    input: analyticsInput,
    output: z.object({
      periods: comparisonPeriods,
      asOf: z.string(),
      bucketEdges: z.array(z.int()),
      totals: agingAmounts,
      byRegion: z.array(agingAmounts.extend({ key: z.int(), name: z.string() })),
      byRep: z.array(agingAmounts.extend({ key: z.int(), name: z.string() })),
      /** collections / (opening receivables + sales) over the period; null when the base is ≤ 0 */
      collectionRateBp: z.int().nullable(),
      /** average receivables / sales × days; null when sales ≤ 0 */
      dsoDays: z.int().nullable(),
      /** per month of the period (clipped to it) */
      trend: z.array(
        z.object({
          month: z.string(),
          openingFen: z.int(),
          salesFen: z.int(),
          collectionsFen: z.int(),
          closingFen: z.int(),
          collectionRateBp: z.int().nullable(),
          dsoDays: z.int().nullable(),
        }),
      ),
      topOverdue: z.array(
        ranked({ ...customerLink, repName: z.string().nullable(), overdueFen: z.int(), totalFen: z.int(), maxOverdueDays: z.int() }),
      ),
    }),
  },
  'analytics.activity': {
    input: analyticsInput,
    output: z.object({
      periods: comparisonPeriods,
      workingDays: z.int(),
      /** the filters' reps together */
      totals: z.object({
        visits: z.int(),
        visitsWithOrder: z.int(),
        attendedDays: z.int(),
        visitsPerDayX100: z.int().nullable(),
        revenuePerVisitFen: z.int().nullable(),
        costPerVisitFen: z.int().nullable(),
        ordersPer100VisitsX100: z.int().nullable(),
        complianceBp: z.int().nullable(),
      }),
      /** per rep, the evaluation's figures (evaluations/figures.ts) */
      reps: z.array(
        z.object({
          repId: z.int(),
          repName: z.string(),
          teamName: z.string().nullable(),
          visits: z.int(),
          visitsWithOrder: z.int(),
          attendedDays: z.int(),
          salesFen: z.int(),
          expensesFen: z.int(),
          visitsPerDayX100: z.int().nullable(),
          revenuePerVisitFen: z.int().nullable(),
          costPerVisitFen: z.int().nullable(),
          ordersPer100VisitsX100: z.int().nullable(),
          plansExpected: z.int(),
          plansOnTime: z.int(),
          reportsExpected: z.int(),
          reportsOnTime: z.int(),
          complianceBp: z.int().nullable(),
        }),
      ),
    }),
  },
  'analytics.exceptions': {
    input: z.object({ date: dateSchema }).strict(),
    output: z.object({
      date: z.string(),
      /** the day counts used (A/B not visited, silent customers, long overdue) */
      thresholds: z.object({ notVisitedDays: z.int(), silentDays: z.int(), overdueDays: z.int() }),
      counts: z.array(z.object({ kind: z.enum(exceptionKinds), count: z.int() })),
      items: z.array(exceptionItem),
    }),
  },
  /** 校验/重建统计表: each summary table against a full recomputation from the documents; without verifyOnly, rebuilt */
  'analytics.rebuildSummaries': {
    input: z.object({ verifyOnly: z.boolean().optional() }).strict(),
    output: z.object({
      /** rows after the call; mismatches: keys that differed from the documents (before a rebuild) */
      tables: z.array(z.object({ name: z.string(), rows: z.int(), mismatches: z.int() })),
      rebuilt: z.boolean(),
    }),
  },
} as const;
