// 系统设置: one page; every signed-in operator may open it (what they may not change is shown read-only).
import type { RouteRecordRaw } from 'vue-router';

export const settingsRoutes: RouteRecordRaw[] = [
  { path: '/settings', name: 'settings', component: () => import('@/views/settings/SettingsPage.vue'), meta: { nav: 'settings' } },
];
