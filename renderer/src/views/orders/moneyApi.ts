// The money screens' calls to the core, typed from the money contract files (orders, returns, collections,
// receivables). Every call goes through api.ts `call`, the renderer's only door to the core.
import type { z } from 'zod';
import { call } from '@/api';
import { useAuthStore } from '@/stores/auth';
import { isMethodName, type MethodName } from '@shared/contract';
import type { orderMethods } from '@shared/contract/orders';
import type { returnMethods } from '@shared/contract/returns';
import type { collectionMethodsContract } from '@shared/contract/collections';
import type { receivableMethods } from '@shared/contract/receivables';

type MoneyContract = typeof orderMethods & typeof returnMethods & typeof collectionMethodsContract & typeof receivableMethods;
export type MoneyMethod = keyof MoneyContract;
export type MoneyInput<M extends MoneyMethod> = z.input<MoneyContract[M]['input']>;
export type MoneyOutput<M extends MoneyMethod> = z.output<MoneyContract[M]['output']>;

export function moneyCall<M extends MoneyMethod>(method: M, input: MoneyInput<M>): Promise<MoneyOutput<M>> {
  return call(method as MethodName, input as never) as unknown as Promise<MoneyOutput<M>>;
}

/** Does the core offer this method (registered in the contract)? A screen shows only what the core answers. */
export const offered = (method: MoneyMethod): boolean => isMethodName(method);

/** May the signed-in operator call it (and does the core offer it)? */
export function useMoneyRights() {
  const auth = useAuthStore();
  return {
    can: (method: MoneyMethod) => offered(method) && auth.can(method as MethodName),
    isManager: () => auth.role === 'manager',
  };
}
