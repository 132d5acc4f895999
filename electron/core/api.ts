// The handler table: one entry per contract method. Every input is parsed strictly before a service sees it.
import { contract, isMethodName, type MethodName, type Output, type ParsedInput } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import type { Ctx } from './context';
import { toErrorData, validationError } from './errors';
import { generateDemo } from './demo/generate';
import { listAudit } from './modules/audit/audit';
import { archiveCustomer, findDuplicates, getCustomer, listCustomers, listTags, saveCustomer } from './modules/customers/customers';
import { deleteRegion, regionTree, saveRegion } from './modules/regions/regions';
import { listReps, listTeams, saveRep, saveTeam } from './modules/reps/reps';
import { getSettings, initialize, saveSettings } from './modules/settings/settings';
import { getStrategyCard, listMonthlyEvaluations, saveMonthlyEvaluation, saveStrategyCard } from './modules/customers/cards';
import { duplicateGroups, mergeCustomers } from './modules/customers/merge';
import { getDealer, listDealers, saveDealer } from './modules/dealers/dealers';
import { categoryTree, deleteCategory, saveCategory } from './modules/products/categories';
import { getProduct, listProducts, saveProduct } from './modules/products/products';
import { commitImport, importErrorFile, importTemplate, previewImport } from './modules/import/import';
import { exportXlsx } from './modules/export/export';

type Handler<M extends MethodName> = (ctx: Ctx, input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
export type HandlerTable = { [M in MethodName]: Handler<M> };

export const handlers: HandlerTable = {
  'settings.get': (ctx) => getSettings(ctx),
  'settings.initialize': (ctx, input) =>
    initialize(ctx, input, (c) => generateDemo(c.db, { scale: 'small', seed: 20261125, now: c.now() })),
  'settings.save': saveSettings,
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
};

export function parseInput<M extends MethodName>(method: M, raw: unknown): ParsedInput<M> {
  const result = contract[method].input.safeParse(raw ?? {});
  if (!result.success) throw validationError(result.error);
  return result.data as ParsedInput<M>;
}

/** The one entry point every host uses: never throws, always an envelope. */
export async function dispatch(ctx: Ctx, method: unknown, rawInput: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isMethodName(method)) {
      const name = typeof method === 'string' ? method.slice(0, 80) : `（${typeof method}）`; // String() can throw
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的接口方法：${name}` } };
    }
    const input = parseInput(method, rawInput);
    const handler = handlers[method] as Handler<typeof method>;
    const data = await handler(ctx, input as never);
    return { ok: true, data };
  } catch (err) {
    return { ok: false, error: toErrorData(err) };
  }
}
