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
  {
    path: '/analytics/customers',
    name: 'analytics-customers',
    component: () => import('@/views/analytics/CustomersPage.vue'),
    meta: { nav: 'analytics/customers', method: 'analytics.customers' },
  },
  {
    path: '/analytics/receivables',
    name: 'analytics-receivables',
    component: () => import('@/views/analytics/ReceivablesPage.vue'),
    meta: { nav: 'analytics/receivables', method: 'analytics.receivables' },
  },
  {
    path: '/analytics/activity',
    name: 'analytics-activity',
    component: () => import('@/views/analytics/ActivityPage.vue'),
    meta: { nav: 'analytics/activity', method: 'analytics.activity' },
  },
  {
    path: '/analytics/exceptions',
    name: 'analytics-exceptions',
    component: () => import('@/views/analytics/ExceptionsPage.vue'),
    meta: { nav: 'analytics/exceptions', method: 'analytics.exceptions' },
  },
];
