// The crash test's shared vocabulary: the database it starts from, the child's report lines, and a seeded random.
// No vitest here: the child loads this file too.
import { createCore, type Core } from '../../electron/core/core';
import { sessionStore } from '../../electron/core/modules/auth/sessions';
import { hashPassword } from '../../electron/core/modules/operators/passwords';

/** The operator the child posts as (written straight into the database, like tests/core/helpers' addOperator). */
export const CRASH_OPERATOR = '崩溃测试员';

/** Products and customers the child's orders use; every customer without a credit limit, so posting is never refused. */
export const CRASH_PRODUCTS = 4;
export const CRASH_CUSTOMERS = 6;

/**
 * One line the child prints after a write has committed (and only then). `ready` says the core is open and the loop
 * starts; the others are what the parent must find in the database after any kill.
 */
export type Report =
  | { kind: 'ready'; run: number }
  | { kind: 'orderPosted'; id: number; docNo: string; customerId: number; totalFen: number; lines: number }
  | {
      kind: 'collection';
      id: number;
      docNo: string;
      customerId: number;
      amountFen: number;
      allocations: Array<{ receivableId: number; amountFen: number }>;
    }
  | { kind: 'import'; batch: string; codes: string[] }
  /** 红冲 of an order or a collection the same child posted: `id` the original, `reversalId` / `docNo` the new row */
  | { kind: 'orderReversed' | 'collectionReversed'; id: number; reversalId: number; docNo: string };

export function parseReport(line: string): Report | null {
  try {
    const value = JSON.parse(line) as Report;
    return value && typeof value === 'object' && typeof value.kind === 'string' ? value : null;
  } catch {
    return null; // the last line of a killed child may be cut short
  }
}

/** mulberry32: small, seedable, good enough to pick amounts and kill times reproducibly. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A signed-in core: every call acts as the crash-test operator. */
export function signedIn(core: Core): Pick<Core, 'call'> & { session: string } {
  const row = core.ctx.db.prepare('select id from operators where name = ?').get(CRASH_OPERATOR) as { id: number } | undefined;
  if (!row) throw new Error(`no operator named ${CRASH_OPERATOR}`);
  const session = sessionStore(core.ctx.db).create(row.id);
  return { session, call: (method, input, options) => core.call(method, input, options ?? { session }) };
}

/** Calls a method and returns its data; an error envelope is thrown (the child dies of it, the parent sees the exit). */
export async function must<T>(caller: Pick<Core, 'call'>, method: string, input: unknown): Promise<T> {
  const res = await caller.call(method, input);
  if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
  return res.data as T;
}

/** A fresh database with the operator, products and customers the child needs (migrated by createCore). */
export async function prepareDatabase(dbPath: string): Promise<void> {
  const core = createCore(dbPath);
  try {
    const at = new Date().toISOString();
    // a cheap scrypt cost: nobody signs in with this password, the child opens a session directly
    core.ctx.db
      .prepare(
        `insert into operators (name, role, rep_id, password_hash, active, created_at, updated_at) values (?, 'manager', null, ?, 1, ?, ?)`,
      )
      .run(CRASH_OPERATOR, hashPassword('crash-test-pw', { N: 1024, r: 8, p: 1 }), at, at);
    const me = signedIn(core);
    for (let i = 1; i <= CRASH_PRODUCTS; i++) {
      await must(me, 'products.save', {
        sku: `CR${i}`,
        name: `崩溃测试商品${i}`,
        unit: '箱',
        listPriceFen: 1000 * i + 99,
        costFen: 700 * i,
      });
    }
    for (let i = 1; i <= CRASH_CUSTOMERS; i++) {
      await must(me, 'customers.save', { code: `CRC${i}`, name: `崩溃测试客户${i}`, paymentTermDays: 30 });
    }
  } finally {
    core.close();
  }
}
