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

export const printRoutes: RouteRecordRaw[] = [
  {
    path: '/print/visit-plan',
    name: 'print-visit-plan',
    component: preview,
    props: { kind: 'visit-plan' },
    meta: { bare: true },
    beforeEnter: ownWindow,
  },
  {
    path: '/print/weekly-plan',
    name: 'print-weekly-plan',
    component: preview,
    props: { kind: 'weekly-plan' },
    meta: { bare: true },
    beforeEnter: ownWindow,
  },
  {
    path: '/print/daily-report',
    name: 'print-daily-report',
    component: preview,
    props: { kind: 'daily-report' },
    meta: { bare: true },
    beforeEnter: ownWindow,
  },
  {
    path: '/print/market-feedback',
    name: 'print-market-feedback',
    component: preview,
    props: { kind: 'market-feedback' },
    meta: { bare: true },
    beforeEnter: ownWindow,
  },
  { path: '/print/batch', name: 'print-batch', component: preview, props: { kind: 'batch' }, meta: { bare: true }, beforeEnter: ownWindow },
  {
    path: '/print/blank/:form',
    name: 'print-blank',
    component: preview,
    props: { kind: 'blank' },
    meta: { bare: true },
    beforeEnter: ownWindow,
  },
  {
    path: '/print/calibration',
    name: 'print-calibration',
    component: preview,
    props: { kind: 'calibration' },
    meta: { bare: true },
    beforeEnter: ownWindow,
  },
];
