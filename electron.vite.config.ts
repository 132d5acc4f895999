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
 * Libraries, but not ECharts (it stays with the pages that draw) nor the file writers loaded on the export that needs
 * them (SheetJS, pptxgenjs and its jszip): a group takes a module even when it is only imported dynamically, and these
 * three made the chunk every start parses 860 KB bigger.
 */
const VENDOR = /[\\/]node_modules[\\/](?!echarts|zrender|@e965[\\/]xlsx|pptxgenjs|jszip)/;

/**
 * Element Plus components the app's shell and its list pages do not use (the lists draw their own table): they load
 * with the first page that does (a detail page, a form, the reps' teams), not with the app.
 */
const LATER_COMPONENTS = [
  'table',
  'table-v2',
  'date-picker',
  'date-picker-panel',
  'time-picker',
  'time-select',
  'calendar',
  'upload',
  'tabs',
  'descriptions',
  'steps',
  'rate',
  'progress',
  'drawer',
  'statistic',
  'countdown',
  'timeline',
  'carousel',
  'color-picker',
  'color-picker-panel',
  'transfer',
  'image',
  'image-viewer',
  'tour',
  'splitter',
  'mention',
  'input-tag',
  'segmented',
];
const LATER_CSS = LATER_COMPONENTS.filter((c) => c !== 'table'); // the lists draw their own table in el-table's style
const LATER = new RegExp(
  [
    `[\\\\/]element-plus[\\\\/]es[\\\\/]components[\\\\/](${LATER_COMPONENTS.join('|')})[\\\\/]`,
    `[\\\\/]element-plus[\\\\/]theme-chalk[\\\\/]el-(${LATER_CSS.join('|')})\\.css$`,
    // the date pickers' date library
    `[\\\\/]node_modules[\\\\/]dayjs[\\\\/]`,
    // the contract's schemas, which forms check input with: no list page parses with them
    `[\\\\/]node_modules[\\\\/]zod[\\\\/]`,
  ].join('|'),
);

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
          // Libraries in two chunks, not one per component (split by component they made each list page wait for
          // ~35 small files, six at a time): what the shell and the list pages use, loaded with the app, and the
          // rest (tables, date pickers, uploads, tabs...) with the first page that needs it.
          codeSplitting: {
            groups: [
              { name: 'vendor', test: (id: string) => VENDOR.test(id) && !LATER.test(id), priority: 2 },
              { name: 'vendor-more', test: VENDOR, priority: 1 },
            ],
          },
        },
      },
    },
    plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false, dirs: [] }), preloadFirstRoute()],
  },
});
