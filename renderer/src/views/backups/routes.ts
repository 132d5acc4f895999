// 备份与恢复: the admin's and the manager's (the people who change the office's settings).
import type { RouteRecordRaw } from 'vue-router';

export const backupRoutes: RouteRecordRaw[] = [
  {
    path: '/settings/backups',
    name: 'backups',
    component: () => import('@/views/backups/BackupsPage.vue'),
    meta: { nav: 'settings/backups', method: 'backups.list' },
  },
];
