// The print routes: each shows the print preview of its target, without the app's menu and header (meta.bare).
import type { NavigationGuard, RouteRecordRaw } from 'vue-router';
import { openPreviewWindow } from './printing';

const preview = () => import('./PrintPreview.vue');

/**
 * From an app screen, in the desktop app, the preview opens in a window of its own and the screen stays; the first page
 * of a window and moves between print pages (another paper, the calibration page) stay where they are, as does every
 * navigation in browser mode.
 */
const ownWindow: NavigationGuard = async (to, from) => {
  if (from.matched.length === 0 || from.meta.bare) return true;
  return !(await openPreviewWindow(to.fullPath));
};

/** Each print page: its address and what it prints (PrintPreview's `kind`); the route's name is print-<kind>. */
const pages = [
  ['/print/visit-plan', 'visit-plan'],
  ['/print/weekly-plan', 'weekly-plan'],
  ['/print/daily-report', 'daily-report'],
  ['/print/market-feedback', 'market-feedback'],
  ['/print/statement', 'statement'],
  ['/print/scorecard', 'scorecard'],
  ['/print/batch', 'batch'],
  ['/print/blank/:form', 'blank'],
  ['/print/calibration', 'calibration'],
] as const;

export const printRoutes: RouteRecordRaw[] = [
  ...pages.map(([path, kind]) => ({
    path,
    name: `print-${kind}`,
    component: preview,
    props: { kind },
    meta: { bare: true },
    beforeEnter: ownWindow,
  })),
  // 月度会议材料: A4-landscape chart pages, laid out by its own preview
  {
    path: '/print/meeting-pack',
    name: 'print-meeting-pack',
    component: () => import('@/views/meetingPack/MeetingPackPrint.vue'),
    meta: { bare: true, method: 'meetingPack.data' },
    beforeEnter: ownWindow,
  },
];
