// 局域网多人使用: the admin's and the manager's (the people who change the office's settings).
import type { RouteRecordRaw } from 'vue-router';

export const lanRoutes: RouteRecordRaw[] = [
  {
    path: '/settings/lan',
    name: 'lan',
    component: () => import('@/views/lan/LanPage.vue'),
    meta: { nav: 'settings/lan', method: 'lan.status' },
  },
];
