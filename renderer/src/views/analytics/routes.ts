// 数据分析 dashboards: 总览 and 销售分析 (period and filters shared between them, see analyticsState).
import type { RouteRecordRaw } from 'vue-router';

export const analyticsRoutes: RouteRecordRaw[] = [
  {
    path: '/analytics',
    name: 'analytics-overview',
    component: () => import('@/views/analytics/OverviewPage.vue'),
    meta: { nav: 'analytics', method: 'analytics.overview' },
  },
  {
    path: '/analytics/sales',
    name: 'analytics-sales',
    component: () => import('@/views/analytics/SalesPage.vue'),
    meta: { nav: 'analytics/sales', method: 'analytics.sales' },
  },
];
