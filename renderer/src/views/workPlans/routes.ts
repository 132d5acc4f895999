// 周计划 / 月度总结 and 销售会议 screens (过程管理). An editor's rep and period are in the query
// (?repId=3&period=2026-03-02 or 2026-03), a meeting's id in the path.
import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router';

const target = (kind: 'weekly' | 'monthly') => (r: RouteLocationNormalized) => ({
  kind,
  repId: /^\d+$/.test(String(r.query.repId ?? '')) ? Number(r.query.repId) : undefined,
  period: typeof r.query.period === 'string' ? r.query.period : undefined,
});

export const workPlanRoutes: RouteRecordRaw[] = [
  {
    path: '/weekly-plans',
    name: 'weekly-plans',
    component: () => import('@/views/workPlans/WeeklyPlanList.vue'),
    meta: { nav: 'weekly-plans', method: 'weeklyPlans.list' },
  },
  {
    path: '/weekly-plans/edit',
    name: 'weekly-plan',
    component: () => import('@/views/workPlans/WorkPlanEditor.vue'),
    props: target('weekly'),
    meta: { nav: 'weekly-plans', method: 'weeklyPlans.get' },
  },
  {
    path: '/monthly-summaries',
    name: 'monthly-summaries',
    component: () => import('@/views/workPlans/MonthlySummaryList.vue'),
    meta: { nav: 'monthly-summaries', method: 'monthlySummaries.list' },
  },
  {
    path: '/monthly-summaries/edit',
    name: 'monthly-summary',
    component: () => import('@/views/workPlans/WorkPlanEditor.vue'),
    props: target('monthly'),
    meta: { nav: 'monthly-summaries', method: 'monthlySummaries.get' },
  },
  {
    path: '/meetings',
    name: 'meetings',
    component: () => import('@/views/meetings/MeetingList.vue'),
    meta: { nav: 'meetings', method: 'meetings.list' },
  },
  {
    path: '/meetings/new',
    name: 'meeting-new',
    component: () => import('@/views/meetings/MeetingEditor.vue'),
    meta: { nav: 'meetings', method: 'meetings.save' },
  },
  {
    path: '/meetings/:id(\\d+)',
    name: 'meeting',
    component: () => import('@/views/meetings/MeetingEditor.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { nav: 'meetings', method: 'meetings.get' },
  },
];
