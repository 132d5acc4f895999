// The menu's pages, loaded one by one while the operator reads the first page: a first visit then builds the page and
// asks for its data at once, instead of first fetching and running the page's code (50–70 ms of a 300 ms budget).
import type { RouteRecordRaw, Router } from 'vue-router';

export type PageLoader = () => Promise<unknown>;

/** A route's page not loaded yet is its loader (a function without parameters); a loaded one is its component object. */
export function isPageLoader(view: unknown): view is PageLoader {
  return typeof view === 'function' && view.length === 0;
}

/**
 * The lazy pages reached without a record id, each once: first the menu's own entries (the path is the menu item's),
 * in the order of the route table (the menu's), then the others (new-record forms, tools). The route table as written,
 * not router.getRoutes(): that one is sorted by path specificity.
 */
export function menuPageLoaders(routes: readonly RouteRecordRaw[]): PageLoader[] {
  const entries: PageLoader[] = [];
  const others: PageLoader[] = [];
  for (const route of routes) {
    if (!route.meta?.nav || route.meta.bare || route.path.includes(':')) continue;
    const view: unknown = route.component;
    if (!isPageLoader(view)) continue;
    (route.path === `/${String(route.meta.nav)}` ? entries : others).push(view);
  }
  const unique = [...new Set(entries)];
  return [...unique, ...new Set(others.filter((l) => !unique.includes(l)))];
}

interface IdleScheduler {
  (run: () => void): void;
}

const whenIdle: IdleScheduler = (run) => {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => run(), { timeout: 2000 });
  else setTimeout(run, 50);
};

/**
 * Loads the first pages of the menu together at once (the lists an operator opens next), then the rest one per idle moment,
 * so a click or an answer arriving meanwhile waits for one module at most.
 */
export async function preloadPages(loaders: readonly PageLoader[], firstAtOnce = 6, idle: IdleScheduler = whenIdle): Promise<number> {
  const settle = (load: PageLoader) =>
    load().then(
      () => 1,
      // a chunk that fails now (the server restarting) is fetched again when its page is opened
      () => 0,
    );
  // the first ones at once: an operator's next click is often on one of them, and soon after the first page shows
  const first = await Promise.all(loaders.slice(0, firstAtOnce).map(settle));
  let loaded = first.reduce((a, b) => a + b, 0);
  for (const load of loaders.slice(firstAtOnce)) {
    await new Promise<void>((resolve) => idle(resolve));
    loaded += await settle(load);
  }
  return loaded;
}

let started = false;
let shown: (() => void) | null = null;
const firstPageShown = new Promise<void>((resolve) => (shown = resolve));

/** Called when a page has drawn its content: the preloading starts PRELOAD_AFTER_MS after the first such call. */
export function pageContentShown(): void {
  shown?.();
  shown = null;
}

/**
 * How long after the first page's rows the loading starts: an operator's first click comes later than this, and a
 * click sooner (or the page's own next steps) does not share the main thread with the loading (measured: a load begun
 * with the rows made an immediate first visit 90–190 ms slower).
 */
export const PRELOAD_AFTER_MS = 1000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Once per app: a second after the first page's content (or 3 s, for a page that does not say), the menu's pages load. */
export function preloadMenuPagesAfterFirstPage(router: Router, fallbackMs = 3000): void {
  if (started) return;
  started = true;
  void Promise.race([firstPageShown.then(() => sleep(PRELOAD_AFTER_MS)), sleep(fallbackMs)]).then(() =>
    preloadPages(menuPageLoaders(router.options.routes)),
  );
}
