// Column helpers shared by the modules' drizzle schemas (each module keeps its tables in its own schema.ts).
import { text } from 'drizzle-orm/sqlite-core';

export const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};
