// 客户对账单: the customer and period in the query (?customerId=9&from=2026-03-01&to=2026-03-31).
import type { RouteRecordRaw } from 'vue-router';

export const statementRoutes: RouteRecordRaw[] = [
  {
    path: '/statements',
    name: 'statements',
    component: () => import('@/views/statements/StatementPage.vue'),
    meta: { nav: 'statements', method: 'statements.get' },
  },
];
