// The print routes: each shows the print preview of its target, without the app's menu and header (meta.bare).
import type { RouteRecordRaw } from 'vue-router';

const preview = () => import('./PrintPreview.vue');

export const printRoutes: RouteRecordRaw[] = [
  { path: '/print/visit-plan', name: 'print-visit-plan', component: preview, props: { kind: 'visit-plan' }, meta: { bare: true } },
  { path: '/print/weekly-plan', name: 'print-weekly-plan', component: preview, props: { kind: 'weekly-plan' }, meta: { bare: true } },
  { path: '/print/daily-report', name: 'print-daily-report', component: preview, props: { kind: 'daily-report' }, meta: { bare: true } },
  {
    path: '/print/market-feedback',
    name: 'print-market-feedback',
    component: preview,
    props: { kind: 'market-feedback' },
    meta: { bare: true },
  },
  { path: '/print/batch', name: 'print-batch', component: preview, props: { kind: 'batch' }, meta: { bare: true } },
  { path: '/print/blank/:form', name: 'print-blank', component: preview, props: { kind: 'blank' }, meta: { bare: true } },
  { path: '/print/calibration', name: 'print-calibration', component: preview, props: { kind: 'calibration' }, meta: { bare: true } },
];
