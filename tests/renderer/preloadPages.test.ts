import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import { menuPageLoaders, preloadPages } from '@/lib/preloadPages';

const Shown = { template: '<div />' };

describe('preloading the menu pages', () => {
  it('takes the lazy pages reached without a record id, the menu entries first in the menu order, each once', () => {
    const customers = () => Promise.resolve(Shown);
    const dealers = () => Promise.resolve(Shown);
    const detail = () => Promise.resolve(Shown);
    const customerForm = () => Promise.resolve(Shown);
    const routes: RouteRecordRaw[] = [
      { path: '/customers', component: customers, meta: { nav: 'customers' } },
      { path: '/customers/:id', component: detail, meta: { nav: 'customers' } },
      { path: '/customers/new', component: customerForm, meta: { nav: 'customers' } },
      { path: '/customers/all', component: customers, meta: { nav: 'customers' } },
      { path: '/sign-in', component: Shown, meta: { bare: true, public: true } },
      { path: '/print/x', component: detail, meta: { bare: true, nav: 'print' } },
      { path: '/dealers', component: dealers, meta: { nav: 'dealers' } },
      { path: '/loaded', component: Shown, meta: { nav: 'loaded' } },
      { path: '/hidden', component: () => Promise.resolve(Shown) },
    ];
    // the router's own list is sorted by path specificity (/customers/all before /customers): the table's order counts
    expect(createRouter({ history: createMemoryHistory(), routes }).options.routes).toBe(routes);
    expect(menuPageLoaders(routes)).toEqual([customers, dealers, customerForm]);
  });

  it('loads the first pages together, then the rest one per idle moment, and goes on past a failed chunk', async () => {
    const log: string[] = [];
    const idleRuns: Array<() => void> = [];
    const loader =
      (name: string, fails = false) =>
      () => {
        log.push(name);
        return fails ? Promise.reject(new Error('offline')) : Promise.resolve({});
      };
    const loaders = [loader('a'), loader('b', true), loader('c'), loader('d'), loader('e')];
    const done = preloadPages(loaders, 2, (run) => idleRuns.push(run));
    const flush = () => new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['a', 'b']); // the first ones at once, together
    await flush();
    expect(log).toEqual(['a', 'b']); // the next one waits for an idle moment
    idleRuns.shift()!();
    await flush();
    expect(log).toEqual(['a', 'b', 'c']);
    idleRuns.shift()!();
    await flush();
    expect(log).toEqual(['a', 'b', 'c', 'd']);
    idleRuns.shift()!();
    await flush();
    expect(idleRuns).toHaveLength(0);
    expect(await done).toBe(4);
    expect(log).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
