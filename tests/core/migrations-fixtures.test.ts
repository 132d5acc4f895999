// Migrations from every released schema version: each fixture company (tests/fixtures/migrations) is opened by the
// app, migrated to the latest version, and must keep every row and every customer's balance; a migration that fails
// leaves the database byte-identical to the backup taken before it, and the next start tries again.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { currentVersion, loadMigrations, openDatabase } from '../../electron/core/db/connection';
import {
  deriveFixture,
  FIXTURE_DIR,
  freshSchema,
  ledgerBalances,
  RELEASED_VERSION,
  schemaOf,
  tableCounts,
  type FixtureManifest,
} from '../fixtures/migrations/make';
import { actAs, addOperator, ok, steppingClock, TEST_COST, TEST_MANAGER } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'manifest.json'), 'utf8')) as FixtureManifest[];
const latest = loadMigrations().length;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-migrations-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A fresh copy of the fixture of `version` in a folder of its own: v9.db as checked in, older ones derived from it. */
function fixtureCopy(version: number, name: string): string {
  const dir = fs.mkdtempSync(path.join(tmp, `${name}-`));
  const file = path.join(dir, 'salesdesk.db');
  deriveFixture(file, version);
  return file;
}

describe('the fixtures', () => {
  it('cover every schema version up to the released one', () => {
    // every schema version up to the released one
    expect(manifest.map((m) => m.version)).toEqual(Array.from({ length: RELEASED_VERSION }, (_, i) => i + 1));
    expect(fs.existsSync(path.join(FIXTURE_DIR, `v${RELEASED_VERSION}.db`))).toBe(true);
    for (const m of manifest) expect(m.version).toBeLessThanOrEqual(latest);
  });

  it.each(manifest.map((m) => [m.version, m] as const))('v%i has exactly the schema of an empty database at that version', (version, m) => {
    const file = fixtureCopy(version, `schema-v${version}`);
    const db = new Database(file, { readonly: true });
    try {
      expect(currentVersion(db)).toBe(version);
      const actual = schemaOf(db);
      const expected = freshSchema(version);
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [key, row] of expected) expect(actual.get(key)?.sql, key).toBe(row.sql);
      // the company in it: the counts and balances the migration test expects
      expect(tableCounts(db)).toEqual(m.tables);
      if (version >= 4) expect(ledgerBalances(db)).toEqual(m.balances);
      expect(m.tables.customers).toBeGreaterThan(100);
      // from v4 (migration 0003) on, the money: orders and a ledger with balances
      if (version >= 4) expect([m.tables.orders, Object.keys(m.balances).length]).toEqual([expect.any(Number), expect.any(Number)]);
      if (version >= 4) expect(Math.min(m.tables.orders!, Object.keys(m.balances).length)).toBeGreaterThan(50);
    } finally {
      db.close();
    }
  });
});

describe('migrating each fixture to the latest version', () => {
  it.each(manifest.map((m) => [m.version, m] as const))(
    'v%i opens in the app, migrates, and keeps every row and every balance',
    async (version, m) => {
      const file = fixtureCopy(version, `migrate-v${version}`);
      const core = createCore(file, { now: steppingClock('2026-07-01T08:00:00.000Z'), passwordCost: TEST_COST });
      try {
        const db = core.ctx.db;
        expect(currentVersion(db)).toBe(latest);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        // an upgrade is backed up first; a database already at the latest version is not touched
        if (version < latest) {
          expect(core.backupPath).not.toBeNull();
          const backup = new Database(core.backupPath!, { readonly: true });
          expect(currentVersion(backup)).toBe(version);
          expect(tableCounts(backup)).toEqual(m.tables);
          backup.close();
        } else {
          expect(core.backupPath).toBeNull();
        }
        // every table of the old version keeps its rows. The start may add a dealer's own account (a customer, as
        // dealers/accounts.ts ensures for every dealer) and audit it: nothing else is added, nothing is lost
        const after = tableCounts(db);
        const added = after.dealer_accounts! - (m.tables.dealer_accounts ?? 0);
        expect(added).toBeGreaterThanOrEqual(0);
        for (const [table, count] of Object.entries(m.tables)) {
          if (table === 'audit_log') expect(after[table]).toBeGreaterThanOrEqual(count);
          else if (table === 'dealer_accounts') expect(after[table], table).toBe(count + added);
          // an account is the dealer's own customer when one exists, else a new one
          else if (table === 'customers') {
            expect(after[table]!, table).toBeGreaterThanOrEqual(count);
            expect(after[table]!, table).toBeLessThanOrEqual(count + added);
          } else expect(after[table], table).toBe(count);
        }
        expect(ledgerBalances(db)).toEqual(m.balances);

        // the summary tables a later migration added are filled from the ledger: equal to it, customer by customer
        const summary = db
          .prepare(
            'select customer_id as id, receivables_fen - credits_fen as fen from customer_balances where receivables_fen <> 0 or credits_fen <> 0',
          )
          .all() as Array<{ id: number; fen: number }>;
        expect(Object.fromEntries(summary.map((r) => [String(r.id), r.fen]))).toEqual(m.balances);

        // and the app answers the same balances through its own service
        addOperator(core, TEST_MANAGER);
        const caller = actAs(core, TEST_MANAGER.name);
        let total = 0;
        for (const [customerId, fen] of Object.entries(m.balances)) {
          const balance = await ok(caller, 'receivables.balance', { customerId: Number(customerId) });
          expect(balance.balanceFen, `customer ${customerId}`).toBe(fen);
          total += balance.balanceFen;
        }
        expect(total).toBe(m.totalBalanceFen);
      } finally {
        core.close();
      }
    },
    120_000,
  );
});

describe('a migration that fails', () => {
  const failing = {
    version: latest + 1,
    tag: '9999_fails_halfway',
    statements: ['create table half_done (a integer)', 'insert into no_such_table values (1)'],
  };

  it('leaves the database byte-identical to the backup taken before it, and the next start migrates it', () => {
    const file = fixtureCopy(RELEASED_VERSION, 'failing');
    const backups = path.join(path.dirname(file), 'backups');
    expect(() => openDatabase(file, { migrations: [...loadMigrations(), failing] })).toThrow(/no_such_table/);

    const [backup, ...others] = fs.readdirSync(backups);
    expect(others).toEqual([]); // one backup, no -wal / -shm beside it
    expect(fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0).toBe(false);
    const bytes = fs.readFileSync(file);
    const saved = fs.readFileSync(path.join(backups, backup!));
    expect(bytes.length).toBe(saved.length);
    expect(bytes.equals(saved)).toBe(true);

    // nothing of the failed upgrade is in it, the earlier ones included (one transaction), and it opens as before
    const db = new Database(file, { readonly: true });
    expect(currentVersion(db)).toBe(RELEASED_VERSION);
    expect(db.prepare("select count(*) as n from sqlite_master where name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
    const reopened = openDatabase(file);
    expect(currentVersion(reopened.db)).toBe(latest);
    reopened.db.close();
  });
});
