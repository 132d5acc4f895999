// The sidebar's screens are loaded in idle time after the first screen, in the sidebar's order, once each.
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { defineComponent } from 'vue';
import { prefetchSidebar, sidebarLoaders } from '@/routePrefetch';
import { routes } from '@/router';

const Screen = defineComponent({ render: () => null });

describe('sidebar prefetch', () => {
  it('takes the lazy sidebar screens of the app in their order, not details, editors or print pages', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const names = router
      .getRoutes()
      .filter((r) => r.meta.nav && r.name === r.meta.nav)
      .map((r) => r.name);
    expect(names[0]).toBe('customers');
    expect(names.indexOf('dealers')).toBeLessThan(names.indexOf('products'));
    expect(names).not.toContain('customer-detail');
    expect(sidebarLoaders(router.getRoutes())).toHaveLength(names.length);
  });

  it('loads one screen per idle period, skips screens already loaded, and carries on after a failed load', async () => {
    const calls: string[] = [];
    const loader =
      (name: string, fail = false) =>
      () => {
        calls.push(name);
        return fail ? Promise.reject(new Error('offline')) : Promise.resolve(Screen);
      };
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', name: 'home', component: Screen, meta: { nav: 'home' } },
        { path: '/a', name: 'a', component: loader('a', true), meta: { nav: 'a' } },
        { path: '/a/:id', name: 'a-detail', component: loader('a-detail'), meta: { nav: 'a' } },
        { path: '/b', name: 'b', component: loader('b'), meta: { nav: 'b' } },
        { path: '/c', name: 'c', component: loader('c') },
      ],
    });
    const idle: (() => void)[] = [];
    prefetchSidebar(router, (run) => idle.push(run));
    await router.push('/');
    await router.isReady();
    await Promise.resolve();
    expect(calls).toEqual([]);
    expect(idle).toHaveLength(1);
    idle.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['a']);
    expect(idle).toHaveLength(1);
    idle.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['a', 'b']);
    expect(idle).toHaveLength(0);
  });
});
