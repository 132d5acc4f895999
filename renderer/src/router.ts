import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

// Hash history works the same from file:// (Electron) and from the browser-mode server.
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/customers' },
  { path: '/customers', name: 'customers', component: () => import('@/views/customers/CustomerList.vue'), meta: { nav: 'customers' } },
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
  { path: '/regions', name: 'regions', component: () => import('@/views/regions/RegionTree.vue'), meta: { nav: 'regions' } },
  { path: '/reps', name: 'reps', component: () => import('@/views/reps/RepList.vue'), meta: { nav: 'reps' } },
  { path: '/audit', name: 'audit', component: () => import('@/views/audit/AuditLog.vue'), meta: { nav: 'audit' } },
  { path: '/:pathMatch(.*)*', redirect: '/customers' },
];

export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes });
}
