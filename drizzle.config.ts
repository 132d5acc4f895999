import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/core/modules/*/schema.ts',
  out: './electron/core/db/migrations',
});
