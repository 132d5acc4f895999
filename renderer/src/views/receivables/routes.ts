// The 应收 screens: 账龄分析 (as-of date, grouping and filters in the query) and a customer's open documents.
import type { RouteRecordRaw } from 'vue-router';

export const receivableRoutes: RouteRecordRaw[] = [
  {
    path: '/receivables/aging',
    name: 'aging',
    component: () => import('@/views/receivables/AgingReport.vue'),
    meta: { nav: 'receivables/aging', method: 'receivables.aging' },
  },
  {
    path: '/receivables/customers/:id',
    name: 'receivable-documents',
    component: () => import('@/views/receivables/ReceivableDocuments.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'receivables/aging', method: 'receivables.documents' },
  },
];
