// The 退货单 screens: the list, a new return for a posted order (?orderId=), and a return by id.
import type { RouteRecordRaw } from 'vue-router';

const orderIdOf = (v: unknown) => (/^\d+$/.test(String(v ?? '')) ? Number(v) : undefined);

export const returnRoutes: RouteRecordRaw[] = [
  { path: '/returns', name: 'returns', component: () => import('@/views/returns/ReturnList.vue'), meta: { nav: 'returns' } },
  {
    path: '/returns/new',
    name: 'return-new',
    component: () => import('@/views/returns/ReturnEditor.vue'),
    props: (r) => ({ orderId: orderIdOf(r.query.orderId) }),
    meta: { nav: 'returns' },
  },
  {
    path: '/returns/:id(\\d+)',
    name: 'return',
    component: () => import('@/views/returns/ReturnEditor.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'returns' },
  },
];
