// The 目标设置 screens: the top targets of a metric and year, one target's children, and the units × months grid.
import type { RouteRecordRaw } from 'vue-router';

export const targetRoutes: RouteRecordRaw[] = [
  {
    path: '/targets',
    name: 'targets',
    component: () => import('@/views/targets/TargetsPage.vue'),
    meta: { nav: 'targets', method: 'targets.roots' },
  },
  {
    path: '/targets/tracking',
    name: 'target-tracking',
    component: () => import('@/views/targets/TrackingPage.vue'),
    meta: { nav: 'targets/tracking', method: 'targets.tracking' },
  },
  {
    path: '/targets/:id(\\d+)',
    name: 'target-detail',
    component: () => import('@/views/targets/TargetDetail.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'targets', method: 'targets.get' },
  },
  {
    path: '/targets/:id(\\d+)/grid',
    name: 'target-grid',
    component: () => import('@/views/targets/TargetGrid.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'targets', method: 'targets.grid' },
  },
];
