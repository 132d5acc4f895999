// The 销售单 screens: the list, a new order, and an order by id (draft editor or posted, read-only).
import type { RouteRecordRaw } from 'vue-router';

export const orderRoutes: RouteRecordRaw[] = [
  { path: '/orders', name: 'orders', component: () => import('@/views/orders/OrderList.vue'), meta: { nav: 'orders' } },
  { path: '/orders/new', name: 'order-new', component: () => import('@/views/orders/OrderEditor.vue'), meta: { nav: 'orders' } },
  {
    path: '/orders/:id(\\d+)',
    name: 'order',
    component: () => import('@/views/orders/OrderEditor.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'orders' },
  },
];
