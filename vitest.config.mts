import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vitest/config';

const alias = { '@': resolve('renderer/src'), '@shared': resolve('shared') };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/core/**/*.test.ts', 'tests/shared/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/crash/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: false })], dts: false, dirs: [] })],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.ts'],
          testTimeout: 30_000,
          server: { deps: { inline: ['element-plus'] } },
        },
      },
    ],
  },
});
