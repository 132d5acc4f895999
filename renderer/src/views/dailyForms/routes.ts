// The 过程管理 screens: the day board, and the lists and editors of visit plans and daily reports.
// An editor's rep and day are in the query (?repId=3&date=2026-03-05), so the header's pickers move between forms.
import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router';

const target = (r: RouteLocationNormalized) => ({
  repId: /^\d+$/.test(String(r.query.repId ?? '')) ? Number(r.query.repId) : undefined,
  date: typeof r.query.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.query.date) ? r.query.date : undefined,
});

export const dailyFormRoutes: RouteRecordRaw[] = [
  {
    path: '/day-board',
    name: 'day-board',
    component: () => import('@/views/dayBoard/DayBoard.vue'),
    meta: { nav: 'day-board', method: 'dayBoard.get' },
  },
  {
    path: '/visit-plans',
    name: 'visit-plans',
    component: () => import('@/views/visitPlans/VisitPlanList.vue'),
    meta: { nav: 'visit-plans', method: 'visitPlans.list' },
  },
  {
    path: '/visit-plans/edit',
    name: 'visit-plan',
    component: () => import('@/views/visitPlans/VisitPlanEditor.vue'),
    props: target,
    meta: { nav: 'visit-plans', method: 'visitPlans.get' },
  },
  {
    path: '/daily-reports',
    name: 'daily-reports',
    component: () => import('@/views/dailyReports/DailyReportList.vue'),
    meta: { nav: 'daily-reports', method: 'dailyReports.list' },
  },
  {
    path: '/daily-reports/edit',
    name: 'daily-report',
    component: () => import('@/views/dailyReports/DailyReportEditor.vue'),
    props: target,
    meta: { nav: 'daily-reports', method: 'dailyReports.get' },
  },
];
