// After the first screen is up, the sidebar's screens are loaded while the app is idle, in the sidebar's order: a
// first visit to another list then builds the page at once instead of first fetching and compiling its code.
import type { RouteRecordNormalized, Router } from 'vue-router';

type Loader = () => Promise<unknown>;

/** The loaders of the sidebar's screens (a route named as its own menu entry), in the order they are declared. */
export function sidebarLoaders(routes: readonly RouteRecordNormalized[]): Loader[] {
  const loaders: Loader[] = [];
  for (const r of routes) {
    if (!r.meta.nav || r.name !== r.meta.nav) continue;
    const component = r.components?.default;
    // a lazy route's component is its loader until it has been loaded (our screens are SFC objects, never functions)
    if (typeof component === 'function') loaders.push(component as Loader);
  }
  return loaders;
}

/** Loads them one at a time in idle periods; a failed load is left for the real visit to retry. */
export function prefetchSidebar(router: Router, idle: (run: () => void) => void = whenIdle): void {
  void router.isReady().then(() => {
    const queue = sidebarLoaders(router.getRoutes());
    const next = () => {
      const load = queue.shift();
      if (load)
        idle(
          () =>
            void load()
              .catch(() => undefined)
              .then(next),
        );
    };
    next();
  });
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
