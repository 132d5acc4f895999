// 窜货预警: posted orders whose channel dealer is not authorised for the customer's region.
import type { RouteRecordRaw } from 'vue-router';

export const channelConflictRoutes: RouteRecordRaw[] = [
  {
    path: '/channel-conflicts',
    name: 'channel-conflicts',
    component: () => import('@/views/channelConflicts/ChannelConflictList.vue'),
    meta: { nav: 'channel-conflicts', method: 'channelConflicts.list' },
  },
];
