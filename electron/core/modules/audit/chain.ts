// The audit log as a hash chain: every entry carries the previous entry's hash (prev_hash) and its own hash, the SHA-256
// of prev_hash and its canonical content. Changing, removing or reordering an entry breaks the chain at that entry;
// the triggers of migration 0002 refuse UPDATE and DELETE besides (the one update they let through seals an entry
// written before the chain existed).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DB } from '../../db/connection';
import { prepared } from '../../db/sql';

// crypto.hash (Node ≥ 20.12) is the one-shot form, half the cost of createHash().update().digest() per entry
const sha256: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** An entry's content as stored: what the hash covers (the id is not part of it; the order is kept by prev_hash). */
export interface ChainContent {
  at: string;
  operator: string;
  operatorId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  /** the stored JSON text, not the parsed value: the hash covers exactly what is on disk */
  before: string | null;
  after: string | null;
  /** the LAN client's address (migration 0009): hashed only when present, so older entries keep their hashes */
  clientAddress?: string | null;
}

/**
 * The text an entry's hash covers: the previous hash and the content in a fixed order, each field length-prefixed
 * (`4:text`, `#12` for a number, `~` for null) and joined by `|` — unambiguous whatever the text holds, the same on every
 * machine, and about twice as fast to build as JSON (a million entries are walked in one verify). Self-contained: the
 * verify workers run it from its source.
 */
export function canonicalText(
  prev: string | null,
  at: string,
  operator: string,
  operatorId: number | null,
  action: string,
  entity: string,
  entityId: number | null,
  before: string | null,
  after: string | null,
  clientAddress?: string | null,
): string {
  const f = (v: string | number | null) => (v === null ? '~' : typeof v === 'number' ? `#${v}` : `${v.length}:${v}`);
  const text = `${f(prev)}|${f(at)}|${f(operator)}|${f(operatorId)}|${f(action)}|${f(entity)}|${f(entityId)}|${f(before)}|${f(after)}`;
  return clientAddress == null ? text : `${text}|${f(clientAddress)}`;
}

/** SHA-256 (hex) of the previous hash and the entry's content (canonicalText). */
export function entryHash(prevHash: string | null, c: ChainContent): string {
  return sha256(
    canonicalText(prevHash, c.at, c.operator, c.operatorId, c.action, c.entity, c.entityId, c.before, c.after, c.clientAddress),
  );
}

/** The hash of the newest entry (by id): the prev_hash of the next one. Null for an empty log. */
export function lastHash(db: DB): { id: number; hash: string | null } | undefined {
  return prepared(db, 'select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string | null } | undefined;
}

const SEAL_CHUNK = 5_000;

/**
 * Seals entries written without a hash — before the chain existed, or by a bulk writer that does not hash (the demo
 * generator) — in id order, each linked to the entry before it. A quick no-op when there are none (partial index on
 * unsealed ids). Runs in its own transaction, or inside the caller's. Returns how many entries were sealed.
 */
export function sealAuditChain(db: DB): number {
  const firstUnsealed = prepared(db, 'select id from audit_log where hash is null order by id limit 1').get() as { id: number } | undefined;
  if (!firstUnsealed) return 0;
  return db.transaction(() => {
    const before = prepared(db, 'select hash from audit_log where id < ? order by id desc limit 1').get(firstUnsealed.id) as
      { hash: string | null } | undefined;
    let prev = before?.hash ?? null;
    let sealed = 0;
    const next = prepared(
      db,
      `select id, at, operator, operator_id as operatorId, action, entity, entity_id as entityId, before, after, hash,
       client_address as clientAddress from audit_log where id >= ? order by id limit ?`,
    );
    const seal = prepared(db, 'update audit_log set prev_hash = ?, hash = ? where id = ?');
    let from = firstUnsealed.id;
    for (;;) {
      const rows = next.all(from, SEAL_CHUNK) as Array<ChainContent & { id: number; hash: string | null }>;
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.hash !== null) {
          // an entry sealed already (written after an unsealed one): the chain goes on from its hash
          prev = row.hash;
          continue;
        }
        const hash = entryHash(prev, row);
        seal.run(prev, hash, row.id);
        prev = hash;
        sealed++;
      }
      from = rows[rows.length - 1]!.id + 1;
    }
    return sealed;
  })();
}

export interface BrokenEntry {
  id: number;
  at: string;
  operator: string;
  action: string;
  entity: string;
  entityId: number | null;
  /**
   * changed: the entry's content (or its hash) is not what was sealed; unlinked: it does not follow the entry before
   * it — an entry between them was removed or replaced; unsealed: written without a hash in the middle of the chain.
   */
  reason: 'changed' | 'unlinked' | 'unsealed';
  /** ids missing right before this entry (unlinked with a gap in the ids) */
  missingIds?: { from: number; to: number };
}

export interface ChainReport {
  checked: number;
  broken: number;
  firstBroken: BrokenEntry | undefined;
  /** entries at the end written without a hash (sealed by the next write or start), not counted as broken */
  pending: number;
  /** entries at the end of the log that were issued ids and are gone (sqlite_sequence is ahead of the last id) */
  tailMissing: { afterId: number; lastIssuedId: number } | undefined;
  lastId: number | null;
  /** threads the walk ran in (1: here) */
  threads: number;
}

/** What one walker saw of a stretch of the chain (ids from … to, continuing from the entry before `from`). */
export interface RangeReport {
  checked: number;
  /** breaks inside the stretch */
  broken: number;
  firstBroken: BrokenEntry | null;
  /** entries without a hash at the end of the stretch: broken if a sealed entry follows later, pending otherwise */
  trailingUnsealed: number;
  firstTrailing: BrokenEntry | null;
  sealedSeen: boolean;
  lastId: number | null;
}

type Canonical = typeof canonicalText;

type RawRow = [
  id: number,
  at: string,
  operator: string,
  operatorId: number | null,
  action: string,
  entity: string,
  entityId: number | null,
  before: string | null,
  after: string | null,
  prevHash: string | null,
  hash: string | null,
  clientAddress: string | null,
];

/**
 * Walks the entries with ids in [from, to] row by row (`iterate`, raw arrays: nothing but the current row is held) and
 * checks each entry's own hash and its link to the entry before it (`start`: the entry before `from`). Every break is
 * counted; the first is named. Self-contained — no reference outside its parameters — because the verify workers run
 * it from its source text.
 */
export function walkRange(
  db: DB,
  from: number,
  to: number,
  start: { id: number | null; hash: string | null },
  hash: (text: string) => string,
  canonical: Canonical,
): RangeReport {
  const rows = db
    .prepare(
      `select id, at, operator, operator_id, action, entity, entity_id, before, after, prev_hash, hash, client_address
       from audit_log where id >= ? and id <= ? order by id`,
    )
    .raw()
    .iterate(from, to) as IterableIterator<RawRow>;
  const report: RangeReport = {
    checked: 0,
    broken: 0,
    firstBroken: null,
    trailingUnsealed: 0,
    firstTrailing: null,
    sealedSeen: false,
    lastId: null,
  };
  const entry = (row: typeof rows extends IterableIterator<infer R> ? R : never, reason: BrokenEntry['reason']): BrokenEntry => ({
    id: row[0],
    at: row[1],
    operator: row[2],
    action: row[4],
    entity: row[5],
    entityId: row[6],
    reason,
  });
  let prevId = start.id;
  let prevHash = start.hash;
  for (const row of rows) {
    report.checked++;
    const [id, at, operator, operatorId, action, entity, entityId, before, after, storedPrev, stored, clientAddress] = row;
    if (stored === null) {
      // unsealed: pending while nothing sealed follows it
      if (report.trailingUnsealed++ === 0) report.firstTrailing = entry(row, 'unsealed');
      prevId = id;
      prevHash = null;
      continue;
    }
    report.sealedSeen = true;
    if (report.trailingUnsealed) {
      // unsealed entries with a sealed one after them: a hash was removed
      report.broken += report.trailingUnsealed;
      report.firstBroken ??= report.firstTrailing;
      report.trailingUnsealed = 0;
      report.firstTrailing = null;
    }
    if (hash(canonical(storedPrev, at, operator, operatorId, action, entity, entityId, before, after, clientAddress)) !== stored) {
      report.broken++;
      report.firstBroken ??= entry(row, 'changed');
    } else if (storedPrev !== prevHash) {
      // the first entry links to nothing; any other entry to the hash of the entry before it
      report.broken++;
      if (!report.firstBroken) {
        report.firstBroken = entry(row, 'unlinked');
        const gapFrom = prevId === null ? 1 : prevId + 1;
        if (gapFrom < id) report.firstBroken.missingIds = { from: gapFrom, to: id - 1 };
      }
    }
    prevId = id;
    prevHash = stored;
  }
  report.lastId = prevId;
  return report;
}

/** The stretches' reports, in id order, as one report on the whole chain. */
function combine(db: DB, parts: RangeReport[]): ChainReport {
  let checked = 0;
  let broken = 0;
  let lastId: number | null = null;
  let carried = 0;
  let carriedFirst: BrokenEntry | null = null;
  const firsts: BrokenEntry[] = [];
  for (const p of parts) {
    checked += p.checked;
    broken += p.broken;
    if (p.lastId !== null) lastId = p.lastId;
    if (carried && p.sealedSeen) {
      // an earlier stretch ended unsealed and a sealed entry followed: those hashes were removed
      broken += carried;
      firsts.push(carriedFirst!);
      carried = 0;
      carriedFirst = null;
    }
    if (p.firstBroken) firsts.push(p.firstBroken);
    if (p.trailingUnsealed) {
      carriedFirst ??= p.firstTrailing;
      carried += p.trailingUnsealed;
    }
  }
  const firstBroken = firsts.sort((a, b) => a.id - b.id)[0];
  const seq = prepared(db, "select seq from sqlite_sequence where name = 'audit_log'").get() as { seq: number } | undefined;
  const lastIssued = seq?.seq ?? 0;
  const tailMissing = lastIssued > (lastId ?? 0) ? { afterId: lastId ?? 0, lastIssuedId: lastIssued } : undefined;
  return { checked, broken, firstBroken, pending: carried, tailMissing, lastId, threads: parts.length };
}

/** The whole chain walked here, in one pass. */
export function walkAuditChain(db: DB): ChainReport {
  return combine(db, [walkRange(db, 0, Number.MAX_SAFE_INTEGER, { id: null, hash: null }, sha256, canonicalText)]);
}

// ---------- the same walk in worker threads, one stretch each ----------

/** Below this many entries one thread is quicker than starting workers. */
const PARALLEL_FROM = 200_000;

const workerCode = `'use strict';
const __name = (f) => f;
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const Database = require(workerData.sqlitePath);
const hash = typeof crypto.hash === 'function' ? (t) => crypto.hash('sha256', t, 'hex') : (t) => crypto.createHash('sha256').update(t).digest('hex');
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  const report = (${walkRange.toString()})(db, workerData.from, workerData.to, workerData.start, hash, (${canonicalText.toString()}));
  parentPort.postMessage({ ok: true, report });
} catch (err) {
  parentPort.postMessage({ ok: false, message: String((err && err.message) || err) });
} finally {
  db.close();
}
`;

/** better-sqlite3 for a worker to load: in a packaged app the unpacked copy beside app.asar (native code cannot load from the archive). */
function sqlitePath(): string {
  const resolved = createRequire(__filename).resolve('better-sqlite3');
  const unpacked = resolved.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return unpacked !== resolved && fs.existsSync(unpacked) ? unpacked : resolved;
}

function walkInWorker(input: {
  file: string;
  from: number;
  to: number;
  start: { id: number | null; hash: string | null };
}): Promise<RangeReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerCode, { eval: true, workerData: { ...input, sqlitePath: sqlitePath() } });
    worker.once('message', (reply: { ok: true; report: RangeReport } | { ok: false; message: string }) => {
      if (reply.ok) resolve(reply.report);
      else reject(new Error(reply.message));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`verify worker exited with ${code}`)));
  });
}

/**
 * The chain walked in `workers` threads at once, each over its own stretch of ids on its own read-only connection
 * (entries never change, so the stretches fit together), then combined; a database in memory, a small log or a worker
 * that fails is walked here in one pass instead. `workers` defaults to the machine's cores (at most 4).
 */
export async function walkAuditChainParallel(db: DB, file: string, workers?: number): Promise<ChainReport> {
  const n = (prepared(db, 'select count(*) as n from audit_log').get() as { n: number }).n;
  const k = workers ?? Math.min(4, os.availableParallelism?.() ?? os.cpus().length, Math.ceil(n / (PARALLEL_FROM / 2)));
  if (file === ':memory:' || k < 2 || (workers === undefined && n < PARALLEL_FROM)) return walkAuditChain(db);
  // cut points: the ids at the start of each stretch, and the entry just before each (where its walk continues from)
  const nth = prepared(db, 'select id from audit_log order by id limit 1 offset ?').pluck();
  const before = prepared(db, 'select id, hash from audit_log where id < ? order by id desc limit 1');
  const starts = [0];
  for (let i = 1; i < k; i++) {
    const id = nth.get(Math.floor((n * i) / k)) as number | undefined;
    if (id !== undefined && id > starts[starts.length - 1]!) starts.push(id);
  }
  try {
    const parts = await Promise.all(
      starts.map((from, i) =>
        walkInWorker({
          file,
          from,
          to: i + 1 < starts.length ? starts[i + 1]! - 1 : Number.MAX_SAFE_INTEGER,
          start:
            i === 0
              ? { id: null, hash: null }
              : ((before.get(from) as { id: number; hash: string | null } | undefined) ?? { id: null, hash: null }),
        }),
      ),
    );
    return combine(db, parts);
  } catch {
    return walkAuditChain(db);
  }
}
