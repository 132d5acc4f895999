// The 10-client LAN test (issue 12 §4): one LAN server in its own process, ten browsers' worth of clients signed in as
// ten operators, posting orders and collections for 60 s (LAN_LOAD_SECONDS to change it), each client acting again
// 100–400 ms after its last answer (far busier than ten people at their desks); then 10 s flat out, every client
// sending its next call the moment the last one answers. Every acknowledged write must be in the database afterwards,
// each customer's balance must equal its acknowledged orders less its collections, and no client may ever see an
// error — "database busy" least of all. Median and p99 of order posting (orders.post, over HTTP) are reported for both
// phases against the budget (30 / 200 ms); the paced median is asserted. Flat out, every commit waits for its fsync
// (synchronous = FULL: a power cut never loses an acknowledged write), so ten clients queue behind one disk.
// LAN_LOAD_DB=<large demo file> runs the same on a copy of that database.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { lanInterfaces } from '../../electron/core/lan/network';
import { addOperator, asOperator, TEST_COST } from './helpers';
import { LanBrowser, type LanAnswer } from './lanHttp';

const SECONDS = Number(process.env.LAN_LOAD_SECONDS ?? 60);
const FLAT_OUT_SECONDS = Number(process.env.LAN_LOAD_FLAT_OUT_SECONDS ?? 10);
/** a client's pause between one answer and its next call, ms */
const THINK_MS: [number, number] = [100, 400];
const CLIENTS = 10;
/** LAN_LOAD_DB=<file>: run on a copy of that database (the large demo) instead of a fresh one */
const SOURCE_DB = process.env.LAN_LOAD_DB;
const CUSTOMER_COUNT = 6;
const PRODUCT_COUNT = 4;
const MANAGER = { name: '负载测试经理', password: 'manager-pw' };
const clerkName = (n: number) => `负载测试录入员${n}`;
const DATE = '2026-11-20';
/** the LAN address the clients use: this PC's first one (the container's eth0), or loopback on a PC without a network */
const ADDRESS = lanInterfaces()[0]?.address ?? '127.0.0.1';

let dir: string;
let dbFile: string;
let server: ChildProcess;
let port = 0;
/** the customers the clients post to, and each one's balance before the run */
let customers: number[] = [];
let products: Array<{ id: number; priceFen: number }> = [];
const balanceBefore = new Map<number, number>();
let postedBefore = 0;
let collectionsBefore = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-lanload-'));
  dbFile = path.join(dir, 'office.db');
  if (SOURCE_DB) fs.copyFileSync(SOURCE_DB, dbFile);
  const core = createCore(dbFile, { passwordCost: TEST_COST });
  addOperator(core, { ...MANAGER, role: 'manager' });
  for (let i = 1; i <= CLIENTS; i++) addOperator(core, { name: clerkName(i), role: 'clerk', password: `clerk-pw-${i}` });
  const manager = await asOperator(core, MANAGER.name, MANAGER.password);
  if (!SOURCE_DB) {
    for (let i = 1; i <= PRODUCT_COUNT; i++) {
      const r = await manager.call('products.save', {
        sku: `LAN${i}`,
        name: `局域网商品${i}`,
        unit: '箱',
        listPriceFen: 1000 * i + 99,
        costFen: 700 * i,
      });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
    for (let i = 1; i <= CUSTOMER_COUNT; i++) {
      const r = await manager.call('customers.save', { code: `LANC${i}`, name: `局域网客户${i}`, paymentTermDays: 30 });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
  }
  const db = core.ctx.db;
  // customers without a credit limit (posting is never held for credit), products at their list price (above any floor)
  customers = db
    .prepare(
      `select id from customers where credit_limit_fen = 0 and archived = 0 and merged_into_id is null order by id limit ${CUSTOMER_COUNT}`,
    )
    .pluck()
    .all() as number[];
  products = db
    .prepare(
      `select id, list_price_fen as priceFen from products where active = 1 and list_price_fen > 0 order by id limit ${PRODUCT_COUNT}`,
    )
    .all() as Array<{ id: number; priceFen: number }>;
  for (const c of customers) {
    const r = await manager.call('receivables.balance', { customerId: c });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    balanceBefore.set(c, (r.data as { balanceFen: number }).balanceFen);
  }
  postedBefore = db.prepare("select count(*) from orders where state = 'posted'").pluck().get() as number;
  collectionsBefore = db.prepare('select count(*) from collections').pluck().get() as number;
  core.close();
  // the server from source, as `npm run serve -- --lan` runs it, in its own process: the clients here only wait on sockets
  server = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/core/server.ts', '--db', dbFile, '--lan', '--listen', ADDRESS, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  process.once('exit', () => server.kill('SIGTERM'));
  port = await new Promise<number>((resolve, reject) => {
    const out: string[] = [];
    const timer = setTimeout(() => reject(new Error(`the LAN server did not start: ${out.join('')}`)), 60_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      out.push(chunk.toString('utf8'));
      const m = new RegExp(`http://${ADDRESS.replace(/\./g, '\\.')}:(\\d+)/`).exec(out.join(''));
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    server.stderr!.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
    server.on('exit', (code) => reject(new Error(`the LAN server exited with ${code}: ${out.join('')}`)));
  });
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

interface Acked {
  orders: Array<{ id: number; customerId: number; totalFen: number }>;
  collections: Array<{ id: number; customerId: number; amountFen: number }>;
  postMs: number[];
  errors: string[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runClient(n: number, until: number, acked: Acked, think: [number, number] | null): Promise<void> {
  // keep-alive: a browser keeps its connections open too
  const b = new LanBrowser(ADDRESS, port, new http.Agent({ keepAlive: true, maxSockets: 2 }));
  // the pause before each call, outside the timed part
  const rest = () => (think ? pause(think[0] + Math.random() * (think[1] - think[0])) : Promise.resolve());
  const must = async (method: string, input: unknown): Promise<any> => {
    const answer: LanAnswer = await b.call(method, input);
    if (answer.status !== 200 || !answer.body?.ok) {
      acked.errors.push(`${method}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
      return null;
    }
    return answer.body.data;
  };
  if (!(await must('auth.signIn', { name: clerkName(n), password: `clerk-pw-${n}` }))) return;
  let seed = n * 7919;
  const next = (m: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % m;
  };
  for (let i = 0; Date.now() < until; i++) {
    const customerId = customers[next(customers.length)]!;
    const lines = Array.from({ length: 1 + next(4) }, () => {
      const product = products[next(products.length)]!;
      return { productId: product.id, qty: 1 + next(20), unitPriceFen: product.priceFen };
    });
    const totalFen = lines.reduce((s, l) => s + l.qty * l.unitPriceFen, 0);
    await rest();
    const saved = await must('orders.save', { customerId, date: DATE, lines });
    if (!saved) continue;
    await rest();
    const started = performance.now();
    const posted = await must('orders.post', { id: saved.id });
    const ms = performance.now() - started;
    if (!posted) continue;
    acked.postMs.push(ms);
    acked.orders.push({ id: saved.id, customerId, totalFen });
    if (i % 2 === 1) {
      // a collection of part of what the customer owes, allocated by the core to the oldest due first
      const amountFen = 100 + next(Math.max(1, Math.floor(totalFen / 2)));
      await rest();
      const c = await must('collections.save', { customerId, date: DATE, amountFen, method: 'transfer' });
      if (c) acked.collections.push({ id: c.id, customerId, amountFen });
    }
  }
}

describe('10 LAN clients against one server', () => {
  it(
    `post orders and collections for ${SECONDS} s: every acknowledged write is there, balances reconcile, no client sees an error`,
    async () => {
      const acked: Acked = { orders: [], collections: [], postMs: [], errors: [] };
      const started = Date.now();
      await Promise.all(Array.from({ length: CLIENTS }, (_, i) => runClient(i + 1, started + SECONDS * 1000, acked, THINK_MS)));
      const elapsed = (Date.now() - started) / 1000;
      const paced = { ...acked, postMs: acked.postMs, orders: acked.orders.length, collections: acked.collections.length };
      const flat: Acked = { orders: acked.orders, collections: acked.collections, postMs: [], errors: acked.errors };
      const flatStarted = Date.now();
      await Promise.all(Array.from({ length: CLIENTS }, (_, i) => runClient(i + 1, flatStarted + FLAT_OUT_SECONDS * 1000, flat, null)));
      const flatElapsed = (Date.now() - flatStarted) / 1000;

      expect(acked.errors).toEqual([]);
      expect(acked.errors.filter((e) => /busy|locked|繁忙|锁定/i.test(e))).toEqual([]);

      // balances over the API, as a client sees them, before the server stops
      const reader = new LanBrowser(ADDRESS, port);
      await reader.call('auth.signIn', MANAGER);
      const balances = new Map<number, number>();
      for (const c of customers) {
        const answer = await reader.call('receivables.balance', { customerId: c });
        expect(answer.body.ok).toBe(true);
        balances.set(c, answer.body.data.balanceFen);
      }

      const db = new Database(dbFile, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const order = db.prepare('select customer_id as customerId, total_fen as totalFen, state from orders where id = ?');
        for (const o of acked.orders) expect(order.get(o.id)).toEqual({ customerId: o.customerId, totalFen: o.totalFen, state: 'posted' });
        const collection = db.prepare('select customer_id as customerId, amount_fen as amountFen from collections where id = ?');
        for (const c of acked.collections) expect(collection.get(c.id)).toEqual({ customerId: c.customerId, amountFen: c.amountFen });
        // nothing beyond what was acknowledged either
        expect(db.prepare("select count(*) from orders where state = 'posted'").pluck().get()).toBe(postedBefore + acked.orders.length);
        expect(db.prepare('select count(*) from collections').pluck().get()).toBe(collectionsBefore + acked.collections.length);
        for (const c of customers) {
          const owed = acked.orders.filter((o) => o.customerId === c).reduce((s, o) => s + o.totalFen, 0);
          const paid = acked.collections.filter((k) => k.customerId === c).reduce((s, k) => s + k.amountFen, 0);
          expect(balances.get(c)! - balanceBefore.get(c)!, `customer ${c}`).toBe(owed - paid);
        }
        // every change is in the audit log with the client's address
        const audited = db
          .prepare("select count(*) from audit_log where action = 'post' and entity = 'order' and client_address = ?")
          .pluck()
          .get(ADDRESS);
        expect(audited).toBe(acked.orders.length);
      } finally {
        db.close();
      }

      const round = (ms: number) => Math.round(ms * 10) / 10;
      const latency = (ms: number[]) => {
        const sorted = [...ms].sort((a, b) => a - b);
        return {
          postMedianMs: round(quantile(sorted, 0.5)),
          postP99Ms: round(quantile(sorted, 0.99)),
          postMaxMs: round(sorted[sorted.length - 1]!),
        };
      };
      const figures = {
        database: SOURCE_DB ? path.basename(SOURCE_DB) : 'fresh',
        clients: CLIENTS,
        address: ADDRESS,
        cpus: os.cpus().length,
        loadAverage: round(os.loadavg()[0]!),
        paced: { seconds: Math.round(elapsed), ordersPosted: paced.orders, collections: paced.collections, ...latency(paced.postMs) },
        flatOut: {
          seconds: Math.round(flatElapsed),
          ordersPosted: acked.orders.length - paced.orders,
          collections: acked.collections.length - paced.collections,
          writesPerSecond: round((acked.orders.length - paced.orders + acked.collections.length - paced.collections) / flatElapsed),
          ...latency(flat.postMs),
        },
      };
      const verdict = (ms: number, budget: number) => (ms <= budget ? 'within budget' : 'OVER budget');
      console.log(
        `LAN load: ${JSON.stringify(figures)}\n  paced median ${figures.paced.postMedianMs} ms (budget 30: ${verdict(figures.paced.postMedianMs, 30)}), ` +
          `p99 ${figures.paced.postP99Ms} ms (budget 200: ${verdict(figures.paced.postP99Ms, 200)})`,
      );
      fs.mkdirSync('test-output', { recursive: true });
      fs.writeFileSync(`test-output/lan-load${SOURCE_DB ? '-large' : ''}.json`, `${JSON.stringify(figures, null, 2)}\n`);
      expect(paced.orders).toBeGreaterThan(CLIENTS);
      expect(figures.flatOut.ordersPosted).toBeGreaterThan(CLIENTS);
      // the median holds even on a crowded machine; the p99 is the scheduler's there, so it is reported against its budget
      expect(figures.paced.postMedianMs).toBeLessThanOrEqual(30);
    },
    (SECONDS + FLAT_OUT_SECONDS) * 1000 + 120_000,
  );
});
