// 工作日历: one page; every signed-in operator sees it (a manager or the admin changes it).
import type { RouteRecordRaw } from 'vue-router';

export const calendarRoutes: RouteRecordRaw[] = [
  {
    path: '/calendar',
    name: 'calendar',
    component: () => import('@/views/calendar/CalendarPage.vue'),
    // ?year=2027 opens that year (a warning elsewhere can link to the year it is about)
    props: (r) => ({ initialYear: /^\d{4}$/.test(String(r.query.year)) ? Number(r.query.year) : undefined }),
    meta: { nav: 'calendar', method: 'calendar.year' },
  },
];
