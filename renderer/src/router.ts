import { authRoutes, guardRoutes } from './routerAuth';
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { dailyFormRoutes } from '@/views/dailyForms/routes';
import { workPlanRoutes } from '@/views/workPlans/routes';
import { orderRoutes } from '@/views/orders/routes';
import { returnRoutes } from '@/views/returns/routes';
import { collectionRoutes } from '@/views/collections/routes';
import { printRoutes } from '@/print/routes';
import { receivableRoutes } from '@/views/receivables/routes';
import { statementRoutes } from '@/views/statements/routes';
import { channelConflictRoutes } from '@/views/channelConflicts/routes';
import { settingsRoutes } from '@/views/settings/routes';
import { lanRoutes } from '@/views/lan/routes';
import { backupRoutes } from '@/views/backups/routes';
import { calendarRoutes } from '@/views/calendar/routes';
import { targetRoutes } from '@/views/targets/routes';
import { evaluationRoutes } from '@/views/evaluations/routes';
import { analyticsRoutes } from '@/views/analytics/routes';
import { meetingPackRoutes } from '@/views/meetingPack/routes';
import { opportunityRoutes } from '@/views/opportunities/routes';

// Hash history works the same from app://salesdesk/ (Electron) and from the browser-mode server.
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/customers' },
  { path: '/customers', name: 'customers', component: () => import('@/views/customers/CustomerList.vue'), meta: { nav: 'customers' } },
  {
    path: '/customers/duplicates',
    name: 'customer-duplicates',
    component: () => import('@/views/customers/DuplicateFinder.vue'),
    meta: { nav: 'duplicates' },
  },
  {
    path: '/customers/regrade',
    name: 'customer-regrade',
    component: () => import('@/views/customers/RegradePage.vue'),
    meta: { nav: 'customers/regrade' },
  },
  {
    path: '/customers/new',
    name: 'customer-new',
    component: () => import('@/views/customers/CustomerForm.vue'),
    meta: { nav: 'customers' },
  },
  {
    path: '/customers/:id',
    name: 'customer-detail',
    component: () => import('@/views/customers/CustomerDetail.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'customers' },
  },
  {
    path: '/customers/:id/edit',
    name: 'customer-edit',
    component: () => import('@/views/customers/CustomerForm.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'customers' },
  },
  { path: '/dealers', name: 'dealers', component: () => import('@/views/dealers/DealerList.vue'), meta: { nav: 'dealers' } },
  { path: '/dealers/new', name: 'dealer-new', component: () => import('@/views/dealers/DealerForm.vue'), meta: { nav: 'dealers' } },
  {
    path: '/dealers/:id',
    name: 'dealer-detail',
    component: () => import('@/views/dealers/DealerDetail.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'dealers' },
  },
  {
    path: '/dealers/:id/edit',
    name: 'dealer-edit',
    component: () => import('@/views/dealers/DealerForm.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'dealers' },
  },
  { path: '/products', name: 'products', component: () => import('@/views/products/ProductList.vue'), meta: { nav: 'products' } },
  {
    path: '/import',
    name: 'import',
    component: () => import('@/views/import/ImportPage.vue'),
    props: (r) => ({ entity: typeof r.query.entity === 'string' ? r.query.entity : undefined }),
    meta: { nav: 'import', method: 'import.preview' },
  },
  { path: '/regions', name: 'regions', component: () => import('@/views/regions/RegionTree.vue'), meta: { nav: 'regions' } },
  { path: '/reps', name: 'reps', component: () => import('@/views/reps/RepList.vue'), meta: { nav: 'reps' } },
  ...dailyFormRoutes,
  ...workPlanRoutes,
  ...orderRoutes,
  ...returnRoutes,
  ...collectionRoutes,
  {
    path: '/market-feedback',
    name: 'market-feedback',
    component: () => import('@/views/marketFeedback/MarketFeedbackList.vue'),
    meta: { nav: 'market-feedback', method: 'marketFeedback.list' },
  },
  {
    path: '/complaints',
    name: 'complaints',
    component: () => import('@/views/complaints/ComplaintList.vue'),
    meta: { nav: 'complaints', method: 'complaints.list' },
  },
  {
    path: '/expenses',
    name: 'expenses',
    component: () => import('@/views/expenses/ExpenseList.vue'),
    meta: { nav: 'expenses', method: 'expenses.list' },
  },
  { path: '/audit', name: 'audit', component: () => import('@/views/audit/AuditLog.vue'), meta: { nav: 'audit', method: 'audit.list' } },
  ...receivableRoutes,
  ...statementRoutes,
  ...channelConflictRoutes,
  ...settingsRoutes,
  ...lanRoutes,
  ...backupRoutes,
  ...calendarRoutes,
  ...targetRoutes,
  ...evaluationRoutes,
  ...analyticsRoutes,
  ...meetingPackRoutes,
  ...opportunityRoutes,
  ...authRoutes,
  ...printRoutes,
  { path: '/:pathMatch(.*)*', redirect: '/customers' },
];

export function createAppRouter() {
  const router = createRouter({ history: createWebHashHistory(), routes });
  guardRoutes(router);
  return router;
}
