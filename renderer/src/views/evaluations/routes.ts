// The 业绩考核 screen: every rep of a month or quarter with figures, weighted total and ranks (?period=&teamId= optional).
import type { RouteRecordRaw } from 'vue-router';

export const evaluationRoutes: RouteRecordRaw[] = [
  {
    path: '/evaluations',
    name: 'evaluations',
    component: () => import('@/views/evaluations/EvaluationsPage.vue'),
    meta: { nav: 'evaluations', method: 'evaluations.list' },
  },
];
