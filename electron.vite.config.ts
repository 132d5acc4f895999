import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

const alias = { '@': resolve('renderer/src'), '@shared': resolve('shared') };

/** The page '/' opens (router.ts redirects it to the customer list). */
const FIRST_ROUTE_VIEW = 'renderer/src/views/customers/CustomerList.vue';

/**
 * Lists the first route's chunks and styles in index.html, so they download beside the main bundle; otherwise
 * their requests start only after the main bundle has been parsed and run (a waterfall of two round trips).
 */
function preloadFirstRoute(): Plugin {
  return {
    name: 'salesdesk:preload-first-route',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const entry = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(FIRST_ROUTE_VIEW));
        if (!entry) throw new Error(`preloadFirstRoute: no chunk for ${FIRST_ROUTE_VIEW}`);
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const inHtml = new Set([ctx.chunk?.fileName, ...(ctx.chunk?.imports ?? [])]);
        const js = new Set<string>();
        const css = new Set<string>();
        const visit = (name: string) => {
          const chunk = byName.get(name);
          if (!chunk || js.has(name) || inHtml.has(name)) return;
          js.add(name);
          chunk.viteMetadata?.importedCss.forEach((f) => css.add(f));
          chunk.imports.forEach(visit);
        };
        visit(entry.fileName);
        const tags: HtmlTagDescriptor[] = [];
        for (const f of css) tags.push({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${f}` }, injectTo: 'head' });
        for (const f of js)
          tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' });
        return tags;
      },
    },
  };
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        // the Electron main process, the core's utilityProcess entry, and the browser-mode server
        input: {
          index: resolve('electron/main/index.ts'),
          host: resolve('electron/core/host.ts'),
          server: resolve('electron/core/server.ts'),
        },
      },
    },
  },
  preload: {
    // a sandboxed preload can require only 'electron': bundle zod and the contract into it
    build: { externalizeDeps: false, rollupOptions: { input: { index: resolve('electron/preload/index.ts') } } },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias },
    build: {
      // electron-vite leaves the renderer unminified: 2.8 MB of JS to parse on every start; minified it is a third
      minify: 'oxc',
      chunkSizeWarningLimit: 1500,
      rollupOptions: {
        input: resolve('renderer/index.html'),
        output: {
          // Vue, Element Plus and their helpers in one chunk, loaded with the main bundle: split by component they
          // made each list page wait for ~35 small files, six at a time. ECharts stays with the pages that draw.
          codeSplitting: { groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/](?!echarts|zrender)/ }] },
        },
      },
    },
    plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false, dirs: [] }), preloadFirstRoute()],
  },
});
