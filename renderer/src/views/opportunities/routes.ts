// The 商机 screens (kanban, list, detail) and the 销售漏斗 dashboard, which sits in the 数据分析 group.
import type { RouteRecordRaw } from 'vue-router';

export const opportunityRoutes: RouteRecordRaw[] = [
  {
    path: '/opportunities',
    name: 'opportunities',
    component: () => import('@/views/opportunities/OpportunityList.vue'),
    meta: { nav: 'opportunities', method: 'opportunities.list' },
  },
  {
    path: '/opportunities/board',
    name: 'opportunity-board',
    component: () => import('@/views/opportunities/OpportunityBoard.vue'),
    meta: { nav: 'opportunities/board', method: 'opportunities.board' },
  },
  {
    path: '/opportunities/:id(\\d+)',
    name: 'opportunity',
    component: () => import('@/views/opportunities/OpportunityDetail.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'opportunities', method: 'opportunities.get' },
  },
  {
    path: '/analytics/pipeline',
    name: 'analytics-pipeline',
    component: () => import('@/views/opportunities/PipelinePage.vue'),
    meta: { nav: 'analytics/pipeline', method: 'pipeline.funnel' },
  },
];
