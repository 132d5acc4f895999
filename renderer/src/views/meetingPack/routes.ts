// 月度会议材料: the screen under 数据分析 (the pack's print preview is a print route, see print/routes.ts).
import type { RouteRecordRaw } from 'vue-router';

export const meetingPackRoutes: RouteRecordRaw[] = [
  {
    path: '/analytics/meeting-pack',
    name: 'meeting-pack',
    component: () => import('@/views/meetingPack/MeetingPackPage.vue'),
    meta: { nav: 'analytics/meeting-pack', method: 'meetingPack.data' },
  },
];
