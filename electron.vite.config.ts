import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

const alias = { '@': resolve('renderer/src'), '@shared': resolve('shared') };

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
      rollupOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false, dirs: [] })],
  },
});
