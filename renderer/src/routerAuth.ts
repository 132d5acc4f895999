// Sign-in routes and the guard: nobody reaches a screen without a session, and a screen whose method the role may not
// call (route meta `method`) sends the operator home. The core enforces the same table on every call.
import type { RouteLocationNormalized, RouteRecordRaw, Router } from 'vue-router';
import { currentSession } from '@/api';
import SignIn from '@/views/auth/SignIn.vue';
import type { MethodName } from '@shared/contract';
import { useAuthStore } from '@/stores/auth';
import { useAppStore } from '@/stores/app';
import { isPageLoader } from '@/lib/preloadPages';

declare module 'vue' {
  interface ComponentCustomOptions {
    /**
     * The page's first request, asked for as the app starts on its address: beside the settings and the session check
     * instead of after them and after the layout has been built (a list's first page). Must not change any state.
     */
    prefetchOnStart?: (to: RouteLocationNormalized) => void;
  }
}

declare module 'vue-router' {
  interface RouteMeta {
    /** the method a screen needs the right to call (the guard and the menu hide it otherwise) */
    method?: MethodName;
    /** reachable without a session */
    public?: boolean;
  }
}

export const authRoutes: RouteRecordRaw[] = [
  {
    path: '/sign-in',
    name: 'sign-in', // in the main bundle: App.vue shows it without a route whenever nobody is signed in
    component: SignIn,
    meta: { bare: true, public: true },
  },
  {
    path: '/operators',
    name: 'operators',
    component: () => import('@/views/operators/OperatorList.vue'),
    meta: { nav: 'operators', method: 'operators.save' },
  },
];

/** The home screen of a role: an admin has no business lists to enter, so the operators screen; a supervisor the day board. */
export function homeFor(role: string | null): string {
  if (role === 'admin') return '/operators';
  // a supervisor's day starts and ends on the day board: whose plan and report are missing, what waits for sign-off
  return role === 'supervisor' ? '/day-board' : '/customers';
}

/** The first navigation of a tab that holds a session (browser mode): its page may ask for its data right away. */
function prefetchOnStart(to: RouteLocationNormalized): void {
  for (const record of to.matched) {
    const view: unknown = record.components?.default;
    // a lazy page is a loader function; its chunk is preloaded with index.html, so it resolves at once
    const loaded = isPageLoader(view) ? view() : view;
    void Promise.resolve(loaded)
      .then((m) => {
        const options = (m as { default?: { prefetchOnStart?: (to: RouteLocationNormalized) => void } })?.default ?? m;
        (options as { prefetchOnStart?: (to: RouteLocationNormalized) => void } | null)?.prefetchOnStart?.(to);
      })
      .catch(() => undefined);
  }
}

export function guardRoutes(router: Router): void {
  router.beforeEach(async (to, from) => {
    const app = useAppStore();
    const auth = useAuthStore();
    if (from.matched.length === 0 && !auth.checked && currentSession() !== '') prefetchOnStart(to);
    // first run and databases without an admin have their own screens (App.vue); no session is possible before that
    await Promise.all([app.ready(), auth.check()]);
    if (!app.settings || !app.settings.initialized || app.settings.needsAdmin) return true;
    if (to.meta.public) return auth.operator && to.name === 'sign-in' ? homeFor(auth.role) : true;
    // '/' redirects to the customers before any guard runs: the role's own home instead (after sign-in too)
    const home = to.path === '/' || to.redirectedFrom?.path === '/';
    if (!auth.operator) return { name: 'sign-in', query: home ? {} : { redirect: to.fullPath } };
    if (home || (to.meta.method && !auth.can(to.meta.method))) {
      return to.path === homeFor(auth.role) ? true : homeFor(auth.role);
    }
    return true;
  });
}
