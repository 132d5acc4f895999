import type { DB } from '../db/connection';

export type DemoScale = 'small' | 'large';
export interface DemoOptions {
  scale: DemoScale;
  seed: number;
  now: Date;
}

/** Fills an empty, migrated database with a realistic demo company. (Being written: see issue 2.) */
export function generateDemo(db: DB, options: DemoOptions): { customers: number; reps: number; regions: number } {
  void db;
  void options;
  throw new Error('demo generator not written yet');
}
