// The 回款, 坏账核销 and 期初应收 screens.
import type { RouteRecordRaw } from 'vue-router';

export const collectionRoutes: RouteRecordRaw[] = [
  {
    path: '/collections',
    name: 'collections',
    component: () => import('@/views/collections/CollectionList.vue'),
    meta: { nav: 'collections' },
  },
  {
    path: '/write-offs',
    name: 'write-offs',
    component: () => import('@/views/collections/WriteOffList.vue'),
    meta: { nav: 'write-offs' },
  },
  {
    path: '/opening-balances',
    name: 'opening-balances',
    component: () => import('@/views/collections/OpeningBalanceList.vue'),
    meta: { nav: 'opening-balances' },
  },
];
