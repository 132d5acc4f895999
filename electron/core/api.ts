// The handler table: one entry per contract method. Every input is parsed strictly before a service sees it.
import { contract, isMethodName, type MethodName, type Output, type ParsedInput } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { methodPermissions, actionLabel, roleLabel } from '../../shared/contract/permissions';
import type { Actor, Ctx } from './context';
import { DomainError, toErrorData, validationError } from './errors';
import { generateDemo } from './demo/generate';
import { listAudit, verifyAudit } from './modules/audit/audit';
import { archiveCustomer, findDuplicates, getCustomer, listCustomers, listTags, saveCustomer } from './modules/customers/customers';
import { deleteRegion, regionTree, saveRegion } from './modules/regions/regions';
import { listReps, listTeams, saveRep, saveTeam } from './modules/reps/reps';
import { getSettings, saveSettings } from './modules/settings/settings';
import { changePassword, firstRun, me, recover, resolveSession, setupAdmin, signIn, signOut } from './modules/auth/auth';
import { getSignature, listOperators, saveOperator, setSignature } from './modules/operators/operators';
import { getStrategyCard, listMonthlyEvaluations, saveMonthlyEvaluation, saveStrategyCard } from './modules/customers/cards';
import { duplicateGroups, mergeCustomers } from './modules/customers/merge';
import { regradeApply, regradePreview } from './modules/customers/regrade';
import { lifecycleHistory, recomputeAllLifecycles } from './modules/customers/lifecycle';
import { listSatisfaction, satisfactionSummary, saveSatisfaction } from './modules/satisfaction/satisfaction';
import { getDealer, listDealers, saveDealer } from './modules/dealers/dealers';
import { categoryTree, deleteCategory, saveCategory } from './modules/products/categories';
import { getProduct, listProducts, saveProduct } from './modules/products/products';
import { commitImport, importErrorFile, importTemplate, previewImport } from './modules/import/import';
import { exportXlsx } from './modules/export/export';
import {
  getMarketFeedback,
  handleMarketFeedback,
  listMarketFeedback,
  reopenMarketFeedback,
  saveMarketFeedback,
} from './modules/marketFeedback/marketFeedback';
import { getComplaint, handleComplaint, listComplaints, reopenComplaint, saveComplaint } from './modules/complaints/complaints';
import { getExpense, listExpenses, saveExpense } from './modules/expenses/expenses';
import {
  copyLastYear,
  decomposeTarget,
  deleteTarget,
  getTarget,
  lockTarget,
  saveTarget,
  scaleTarget,
  targetChildren,
  targetRoots,
} from './modules/targets/targets';
import { exportGrid, importGrid, setCell, targetGrid } from './modules/targets/grid';
import { getEvaluation, getWeights, listEvaluations, saveScores, saveWeights } from './modules/evaluations/evaluations';
import { calendarYear, importSchedule, setCalendarDays, workingDays } from './modules/calendar/calendar';
import { meetingPackData } from './modules/meetingPack/meetingPack';
import { tracking } from './modules/targets/tracking';
import { analyticsOverview } from './modules/analytics/overview';
import { analyticsSales } from './modules/analytics/sales';
import { customerAnalytics } from './modules/analytics/customers';
import { receivablesAnalytics } from './modules/analytics/receivables';
import { activityAnalytics } from './modules/analytics/activity';
import { exceptionsAnalytics } from './modules/analytics/exceptions';
import { rebuildSummaries } from './modules/analytics/summaries';
import { copySource, getPlan, listPlans, returnPlan, savePlan, signPlan, submitPlan, unsignPlan } from './modules/visitPlans/visitPlans';
import {
  getReport,
  listReports,
  reportDocuments,
  returnReport,
  saveReport,
  signReport,
  submitReport,
  unsignReport,
} from './modules/dailyReports/dailyReports';
import { getDayBoard } from './modules/dayBoard/dayBoard';
import { getPrintSettings, savePrintSettings } from './modules/print/print';
import {
  getMonthlySummary,
  getWeeklyPlan,
  listMonthlySummaries,
  listWeeklyPlans,
  saveMonthlySummary,
  saveWeeklyPlan,
} from './modules/workPlans/workPlans';
import { getMeeting, listMeetings, saveMeeting, setItemDone } from './modules/meetings/meetings';
import { ensureDealerAccounts } from './modules/dealers/accounts';
import { deleteOrder, getOrder, listOrders, postOrder, reverseOrder, saveOrder } from './modules/orders/orders';
import { getReturn, listReturns, postReturn, saveReturn } from './modules/returns/returns';
import { getCollection, listCollections, reverseCollection, saveCollection } from './modules/collections/collections';
import { listWriteOffs, saveWriteOff } from './modules/writeOffs/writeOffs';
import { listOpeningBalances, saveOpeningBalance } from './modules/openingBalances/openingBalances';
import { receivablesAging } from './modules/receivables/aging';
import { customerBalance } from './modules/receivables/balance';
import { customerDocuments } from './modules/receivables/documents';
import { findCustomers } from './modules/receivables/find';
import { getStatement } from './modules/statements/statements';
import { listChannelConflicts } from './modules/channelConflicts/channelConflicts';
import { getOpportunity, listOpportunities, moveOpportunityCall, saveOpportunity } from './modules/opportunities/opportunities';
import { opportunityBoard } from './modules/opportunities/board';
import { pipelineFunnel } from './modules/opportunities/funnel';
import { lanStatus, startLan, stopLan } from './lan/control';
import { backupSettings, createBackup, listBackups, systemInfo } from './modules/backups/backups';
import { restoreBackup } from './modules/backups/restore';

type Handler<M extends MethodName> = (ctx: Ctx, input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
export type HandlerTable = { [M in MethodName]: Handler<M> };

export const handlers: HandlerTable = {
  'settings.get': (ctx) => getSettings(ctx),
  // the demo brings its operators (manager, supervisors, clerks); the admin is the one typed on the first-run screen
  'settings.initialize': (ctx, input) =>
    firstRun(ctx, input, (c) => {
      generateDemo(c.db, { scale: 'small', seed: 20261125, now: c.now() });
      ensureDealerAccounts({ ...c, operator: '系统' }); // the demo's dealers get their trading accounts
    }),
  'settings.save': saveSettings,
  'auth.signIn': signIn,
  'auth.signOut': (ctx) => signOut(ctx),
  'auth.me': (ctx) => me(ctx),
  'auth.changePassword': changePassword,
  'auth.recover': recover,
  'auth.setupAdmin': setupAdmin,
  'operators.list': listOperators,
  'operators.save': saveOperator,
  'operators.setSignature': setSignature,
  'operators.signature': getSignature,
  'regions.tree': (ctx) => regionTree(ctx),
  'regions.save': saveRegion,
  'regions.delete': deleteRegion,
  'teams.list': (ctx) => listTeams(ctx),
  'teams.save': saveTeam,
  'reps.list': listReps,
  'reps.save': saveRep,
  'customers.list': listCustomers,
  'customers.get': getCustomer,
  'customers.save': saveCustomer,
  'customers.archive': archiveCustomer,
  'customers.findDuplicates': findDuplicates,
  'customers.tags': (ctx) => listTags(ctx),
  'customers.merge': mergeCustomers,
  'customers.duplicateGroups': duplicateGroups,
  'customers.regradePreview': regradePreview,
  'customers.regradeApply': regradeApply,
  'customers.recomputeLifecycle': (ctx) => recomputeAllLifecycles(ctx),
  'customers.lifecycleHistory': lifecycleHistory,
  'strategyCards.get': getStrategyCard,
  'strategyCards.save': saveStrategyCard,
  'monthlyEvaluations.list': listMonthlyEvaluations,
  'monthlyEvaluations.save': saveMonthlyEvaluation,
  'dealers.list': listDealers,
  'dealers.get': getDealer,
  'dealers.save': saveDealer,
  'productCategories.tree': (ctx) => categoryTree(ctx),
  'productCategories.save': saveCategory,
  'productCategories.delete': deleteCategory,
  'products.list': listProducts,
  'products.get': getProduct,
  'products.save': saveProduct,
  'import.template': importTemplate,
  'import.preview': previewImport,
  'import.commit': commitImport,
  'import.errorFile': importErrorFile,
  'export.xlsx': exportXlsx,
  'audit.list': listAudit,
  'weeklyPlans.get': getWeeklyPlan,
  'weeklyPlans.save': saveWeeklyPlan,
  'weeklyPlans.list': listWeeklyPlans,
  'monthlySummaries.get': getMonthlySummary,
  'monthlySummaries.save': saveMonthlySummary,
  'monthlySummaries.list': listMonthlySummaries,
  'meetings.list': listMeetings,
  'meetings.get': getMeeting,
  'meetings.save': saveMeeting,
  'meetings.setItemDone': setItemDone,
  'visitPlans.get': getPlan,
  'visitPlans.save': savePlan,
  'visitPlans.copySource': copySource,
  'visitPlans.submit': submitPlan,
  'visitPlans.return': returnPlan,
  'visitPlans.sign': signPlan,
  'visitPlans.unsign': unsignPlan,
  'visitPlans.list': listPlans,
  'dailyReports.get': getReport,
  'dailyReports.documents': reportDocuments,
  'dailyReports.save': saveReport,
  'dailyReports.submit': submitReport,
  'dailyReports.return': returnReport,
  'dailyReports.sign': signReport,
  'dailyReports.unsign': unsignReport,
  'dailyReports.list': listReports,
  'dayBoard.get': getDayBoard,
  'audit.verify': (ctx) => verifyAudit(ctx),
  'marketFeedback.list': listMarketFeedback,
  'marketFeedback.get': getMarketFeedback,
  'marketFeedback.save': saveMarketFeedback,
  'marketFeedback.handle': handleMarketFeedback,
  'marketFeedback.reopen': reopenMarketFeedback,
  'complaints.list': listComplaints,
  'complaints.get': getComplaint,
  'complaints.save': saveComplaint,
  'complaints.handle': handleComplaint,
  'complaints.reopen': reopenComplaint,
  'satisfaction.save': saveSatisfaction,
  'satisfaction.list': listSatisfaction,
  'satisfaction.summary': satisfactionSummary,
  'expenses.list': listExpenses,
  'expenses.get': getExpense,
  'expenses.save': saveExpense,
  'targets.save': saveTarget,
  'targets.get': getTarget,
  'targets.children': targetChildren,
  'targets.roots': targetRoots,
  'targets.decompose': decomposeTarget,
  'targets.lock': lockTarget,
  'targets.delete': deleteTarget,
  'targets.grid': targetGrid,
  'targets.setCell': setCell,
  'targets.scale': scaleTarget,
  'targets.copyLastYear': copyLastYear,
  'targets.exportGrid': exportGrid,
  'targets.importGrid': importGrid,
  'evaluations.get': getEvaluation,
  'evaluations.list': listEvaluations,
  'evaluations.weights': (ctx) => getWeights(ctx),
  'evaluations.saveWeights': saveWeights,
  'evaluations.saveScores': saveScores,
  'calendar.workingDays': workingDays,
  'meetingPack.data': meetingPackData,
  'targets.tracking': tracking,
  'opportunities.list': listOpportunities,
  'opportunities.get': getOpportunity,
  'opportunities.board': opportunityBoard,
  'opportunities.save': saveOpportunity,
  'opportunities.move': moveOpportunityCall,
  'pipeline.funnel': pipelineFunnel,
  'analytics.overview': analyticsOverview,
  'analytics.sales': analyticsSales,
  'analytics.customers': customerAnalytics,
  'analytics.receivables': receivablesAnalytics,
  'analytics.activity': activityAnalytics,
  'analytics.exceptions': exceptionsAnalytics,
  'analytics.rebuildSummaries': rebuildSummaries,
  'calendar.year': calendarYear,
  'calendar.setDays': setCalendarDays,
  'calendar.importSchedule': importSchedule,
  'print.settings.get': (ctx) => getPrintSettings(ctx),
  'print.settings.save': savePrintSettings,
  'orders.save': saveOrder,
  'orders.post': postOrder,
  'orders.reverse': reverseOrder,
  'orders.delete': deleteOrder,
  'orders.get': getOrder,
  'orders.list': listOrders,
  'returns.save': saveReturn,
  'returns.post': postReturn,
  'returns.get': getReturn,
  'returns.list': listReturns,
  'collections.save': saveCollection,
  'collections.reverse': reverseCollection,
  'collections.get': getCollection,
  'collections.list': listCollections,
  'writeOffs.save': saveWriteOff,
  'writeOffs.list': listWriteOffs,
  'openingBalances.save': saveOpeningBalance,
  'openingBalances.list': listOpeningBalances,
  'receivables.aging': receivablesAging,
  'receivables.balance': customerBalance,
  'receivables.documents': customerDocuments,
  'receivables.find': findCustomers,
  'statements.get': getStatement,
  'channelConflicts.list': listChannelConflicts,
  'lan.status': (ctx) => lanStatus(ctx),
  'lan.start': startLan,
  'lan.stop': (ctx) => stopLan(ctx),
  'backups.list': (ctx) => listBackups(ctx),
  'backups.create': createBackup,
  'backups.restore': restoreBackup,
  'backups.settings': backupSettings,
  'system.info': (ctx) => systemInfo(ctx),
};

export function parseInput<M extends MethodName>(method: M, raw: unknown): ParsedInput<M> {
  const result = contract[method].input.safeParse(raw ?? {});
  if (!result.success) throw validationError(result.error, method);
  return result.data as ParsedInput<M>;
}

export interface CallOptions {
  /** the caller's session token (auth.signIn's answer); the host keeps it: a tab, a window, a test */
  session?: string;
  /** LAN office mode: the client PC's address, recorded with every change the call makes */
  clientAddress?: string;
}

/**
 * Who the call acts as, checked against the permission table before the input is even parsed: a method that is not
 * public needs a live session (UNAUTHORIZED), a role list needs one of its roles (FORBIDDEN, naming the action).
 * A public method with a live session still knows its caller (auth.me, auth.signOut).
 */
function callerOf(ctx: Ctx, method: MethodName, session: string | undefined): Actor | null {
  const rule = methodPermissions[method];
  if (rule === 'public') {
    if (!session) return null;
    try {
      return resolveSession(ctx, session);
    } catch {
      return null;
    }
  }
  const actor = resolveSession(ctx, session);
  if (rule !== 'signedIn' && !rule.includes(actor.role)) {
    throw new DomainError(
      'FORBIDDEN',
      `${roleLabel(actor.role)}无权${actionLabel(method)}`,
      undefined,
      `A ${actor.role} may not call ${method}`,
    );
  }
  return actor;
}

/** The one entry point every host uses: never throws, always an envelope. */
export async function dispatch(ctx: Ctx, method: unknown, rawInput: unknown, options: CallOptions = {}): Promise<Envelope<unknown>> {
  try {
    if (!isMethodName(method)) {
      const name = typeof method === 'string' ? method.slice(0, 80) : `（${typeof method}）`; // String() can throw
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的接口方法：${name}` } };
    }
    const session = typeof options.session === 'string' && options.session !== '' ? options.session : undefined;
    const actor = callerOf(ctx, method, session);
    // a per-call ctx: the core itself never holds an operator
    const client = options.clientAddress ? { clientAddress: options.clientAddress } : {};
    const callCtx: Ctx = actor ? { ...ctx, actor, operator: actor.name, session, ...client } : { ...ctx, session, ...client };
    const input = parseInput(method, rawInput);
    const handler = handlers[method] as Handler<typeof method>;
    const data = await handler(callCtx, input as never);
    return { ok: true, data };
  } catch (err) {
    return { ok: false, error: toErrorData(err) };
  }
}
