// The only door between renderer and core: every method's name, input schema and output schema.
// Inputs are strict objects: unknown fields are rejected, never silently dropped. Each domain keeps its
// methods in its own file here; this file assembles them into the one contract.
import type { z } from 'zod';
import { auditMethods } from './audit';
import { complaintMethods } from './complaints';
import { authMethods } from './auth';
import { customerMethods } from './customers';
import { dailyReportMethods } from './dailyReports';
import { dayBoardMethods } from './dayBoard';
import { dealerMethods } from './dealers';
import { expenseMethods } from './expenses';
import { exportMethods } from './export';
import { importMethods } from './import';
import { marketFeedbackMethods } from './marketFeedback';
import { operatorMethods } from './operators';
import { printMethods } from './print';
import { productMethods } from './products';
import { regionMethods } from './regions';
import { repMethods } from './reps';
import { settingsMethods } from './settings';
import { visitPlanMethods } from './visitPlans';
import { workPlanMethods } from './workPlans';
import { meetingMethods } from './meetings';
import { orderMethods } from './orders';
import { returnMethods } from './returns';
import { collectionMethodsContract } from './collections';
import { receivableMethods } from './receivables';
import { calendarMethods } from './calendar';
import { meetingPackMethods } from './meetingPack';
import { trackingMethods } from './tracking';
import { targetMethods } from './targets';
import { evaluationMethods } from './evaluations';
import { analyticsMethods } from './analytics';
import { opportunityMethods } from './opportunities';
import { satisfactionMethods } from './satisfaction';
import { lanMethods } from './lan';
import { backupMethods } from './backups';

export { dateSchema, fenSchema, idSchema, pageInput } from './common';
export type { AuditEntry, AuditVerification } from './audit';
export type { ComplaintRow } from './complaints';
export type { ExpenseRow } from './expenses';
export type { TargetGrid, TargetRow } from './targets';
export type { MarketFeedbackRow } from './marketFeedback';
export { customerSortFields, type Contact, type CustomerDetail, type CustomerListInput, type CustomerListRow } from './customers';
export type { CustomerSaveInput, DuplicateGroup, MonthlyEvaluation, StrategyCard } from './customers';
export { dealerSortFields, type DealerDetail, type DealerListRow } from './dealers';
export type { ImportPreview } from './import';
export type { SessionOperator } from './auth';
export type { OperatorRow } from './operators';
export { productSortFields, type ProductCategoryNode, type ProductRow } from './products';
export type { RegionNode } from './regions';
export { repSortFields, type Rep } from './reps';
export { dailyFormSortFields, type VisitPlanDetail } from './visitPlans';
export type { DailyReportDetail } from './dailyReports';
export type { FormListRow } from './dailyForms';
export { weeklyPlanSortFields, monthlySummarySortFields, type WeeklyPlanDetail, type MonthlySummaryDetail } from './workPlans';
export { orderSortFields, type OrderDetail, type OrderRow, type CreditCheck } from './orders';
export { returnSortFields, type ReturnDetail } from './returns';
export { collectionSortFields, writeOffSortFields, type CollectionDetail, type CollectionRow } from './collections';
export {
  opportunitySortFields,
  type OpportunityRow,
  type OpportunityDetail,
  type OpportunityHistoryEntry,
  type BoardCard,
} from './opportunities';
export { meetingSortFields, type MeetingDetail, type MeetingRow, type MeetingActionItem, type CarriedActionItem } from './meetings';

export const contract = {
  ...settingsMethods,
  ...authMethods,
  ...operatorMethods,
  ...regionMethods,
  ...repMethods,
  ...customerMethods,
  ...dealerMethods,
  ...productMethods,
  ...importMethods,
  ...exportMethods,
  ...auditMethods,
  ...marketFeedbackMethods,
  ...complaintMethods,
  ...expenseMethods,
  ...visitPlanMethods,
  ...dailyReportMethods,
  ...dayBoardMethods,
  ...printMethods,
  ...workPlanMethods,
  ...meetingMethods,
  ...orderMethods,
  ...returnMethods,
  ...collectionMethodsContract,
  ...receivableMethods,
  ...calendarMethods,
  ...meetingPackMethods,
  ...trackingMethods,
  ...targetMethods,
  ...evaluationMethods,
  ...satisfactionMethods,
  ...opportunityMethods,
  ...lanMethods,
  ...backupMethods,
  // registered one by one as their handlers land (analytics.ts holds the whole dashboard contract)
  'analytics.overview': analyticsMethods['analytics.overview'],
  'analytics.sales': analyticsMethods['analytics.sales'],
  'analytics.customers': analyticsMethods['analytics.customers'],
  'analytics.receivables': analyticsMethods['analytics.receivables'],
  'analytics.activity': analyticsMethods['analytics.activity'],
  'analytics.exceptions': analyticsMethods['analytics.exceptions'],
  'analytics.rebuildSummaries': analyticsMethods['analytics.rebuildSummaries'],
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export type ExportInput = Input<'export.xlsx'>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
