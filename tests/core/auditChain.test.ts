// The audit log is tamper-evident: every entry carries the previous entry's hash, the table refuses UPDATE, DELETE and
// REPLACE, entries from before the chain are sealed at start, and audit.verify names the first broken entry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { loadMigrations, openDatabase } from '../../electron/core/db/connection';
import { recordAudit, recordAudits, verifyAudit } from '../../electron/core/modules/audit/audit';
import { entryHash, type ChainContent } from '../../electron/core/modules/audit/chain';
import { addOperator, asOperator, fail, makeCore, ok, seed, TEST_MANAGER, type Seeded, type TestCore } from './helpers';

let core: TestCore;
let s: Seeded;
let dirs: string[] = [];
beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
});
afterEach(() => {
  if (core.ctx.db.open) core.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

type Row = ChainContent & { id: number; prevHash: string | null; hash: string | null };
const rows = (c: Pick<TestCore, 'ctx'> = core) =>
  c.ctx.db
    .prepare(
      `select id, at, operator, operator_id as operatorId, action, entity, entity_id as entityId, before, after,
         prev_hash as prevHash, hash from audit_log order by id`,
    )
    .all() as Row[];
const exec = (sql: string, c: Pick<TestCore, 'ctx'> = core) => c.ctx.db.exec(sql);
const dropGuards = (c: Pick<TestCore, 'ctx'> = core) => exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete;', c);
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-audit-'));
  dirs.push(d);
  return d;
};

describe('the chain', () => {
  it('links every entry to the one before it and verifies', async () => {
    await ok(core, 'dealers.save', { name: '郑州百盛商贸' });
    const all = rows();
    expect(all.length).toBeGreaterThan(10);
    expect(all[0]!.prevHash).toBeNull();
    all.forEach((r, i) => {
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      if (i > 0) expect(r.prevHash).toBe(all[i - 1]!.hash);
      expect(entryHash(r.prevHash, r)).toBe(r.hash);
    });
    const v = await ok(core, 'audit.verify', {});
    expect(v).toMatchObject({ ok: true, checked: all.length, broken: 0, pending: 0, lastId: all.at(-1)!.id, brokenForms: [] });
    expect(v.firstBroken).toBeUndefined();
    expect(v.tailMissing).toBeUndefined();
  });

  it('the hash covers the content, not the id: the same content after another entry hashes differently', () => {
    const content = { at: 'a', operator: 'o', operatorId: null, action: 'x', entity: 'e', entityId: 1, before: null, after: '{}' };
    expect(entryHash(null, content)).not.toBe(entryHash('0'.repeat(64), content));
    expect(entryHash(null, content)).not.toBe(entryHash(null, { ...content, entityId: null }));
    expect(entryHash(null, content)).not.toBe(entryHash(null, { ...content, before: '{}', after: null }));
  });

  it('records the signed-in operator’s id beside the name', async () => {
    const clerk = addOperator(core, { name: '王会计', role: 'clerk', password: 'clerk-pw' });
    const asClerk = await asOperator(core, '王会计', 'clerk-pw');
    const saved = await ok(asClerk, 'dealers.save', { name: '洛阳天成商贸' });
    const last = rows().at(-1)!;
    expect(last).toMatchObject({ operator: '王会计', operatorId: clerk.id, entity: 'dealer', entityId: saved.id });
    const listed = (await ok(core, 'audit.list', { operatorId: clerk.id })).rows;
    // saving a dealer also opens its trading account (a customer of type 经销商): two entries, both the clerk's
    expect(listed.map((r) => [r.id, r.operatorId, r.operator, r.entity])).toEqual([
      [last.id, clerk.id, '王会计', 'dealer'],
      [last.id - 1, clerk.id, '王会计', 'customer'],
    ]);
    // the manager's entries (the seed) carry the manager's id
    const manager = await ok(core, 'audit.list', { operatorId: core.managerId, pageSize: 500 });
    expect(manager.total).toBe(rows().filter((r) => r.operatorId === core.managerId).length);
    expect(manager.total).toBeGreaterThan(5);
    // an entry written by the system (no operator id) is found by the name it was recorded under
    exec(
      "insert into audit_log (at, operator, action, entity, entity_id, before, after) values ('2025-03-01T09:00:00.000Z', '系统', 'demo.load', 'demo', null, null, '{}')",
    );
    const system = await ok(core, 'audit.list', { operator: '系统' });
    expect(system.rows.map((r) => [r.action, r.operatorId])).toEqual([['demo.load', null]]);
    expect((await ok(core, 'audit.list', { operator: '王会计', operatorId: clerk.id })).total).toBe(2);
    expect((await ok(core, 'audit.list', { operator: '系统', operatorId: clerk.id })).total).toBe(0);
    expect((await ok(core, 'audit.verify', {})).ok).toBe(true);
  });

  it('a rolled-back write leaves no stale link behind', async () => {
    expect(() =>
      core.ctx.db.transaction(() => {
        recordAudit(core.ctx, { action: 'update', entity: 'dealer', entityId: 1, after: { name: '回滚' } });
        throw new Error('rollback');
      })(),
    ).toThrow('rollback');
    await ok(core, 'dealers.save', { name: '开封鼎盛商贸' });
    expect((await ok(core, 'audit.verify', {})).ok).toBe(true);
  });

  it('a batch is chained in order, from the current head', async () => {
    const before = rows().length;
    recordAudits(core.ctx, [
      { action: 'import', entity: 'customers', entityId: null, after: { total: 1 } },
      { action: 'create', entity: 'customer', entityId: 1, after: { name: '甲' } },
      { action: 'create', entity: 'customer', entityId: 2, after: { name: '乙' } },
    ]);
    const all = rows();
    expect(all.length).toBe(before + 3);
    expect(all.slice(-3).map((r) => r.action)).toEqual(['import', 'create', 'create']);
    expect((await ok(core, 'audit.verify', {})).ok).toBe(true);
  });

  it('an entry written without a hash at the end (the demo generator) is pending, then sealed by the next write', async () => {
    exec(
      "insert into audit_log (at, operator, action, entity, entity_id, before, after) values ('2025-03-01T09:00:00.000Z', '系统', 'demo.load', 'demo', null, null, '{}')",
    );
    expect(await ok(core, 'audit.verify', {})).toMatchObject({ ok: true, pending: 1, broken: 0 });
    await ok(core, 'dealers.save', { name: '新乡福源商贸' });
    const all = rows();
    expect(all.every((r) => r.hash !== null)).toBe(true);
    expect(await ok(core, 'audit.verify', {})).toMatchObject({ ok: true, pending: 0, checked: all.length });
  });
});

describe('append-only: the triggers refuse', () => {
  it('UPDATE of any column, also of the hashes', () => {
    const [first] = rows();
    for (const set of [
      "after = '{}'",
      "at = '2020-01-01'",
      "operator = '别人'",
      'operator_id = 7',
      "hash = 'x'",
      'prev_hash = null',
      'id = 99999',
    ]) {
      expect(() => exec(`update audit_log set ${set} where id = ${first!.id}`), set).toThrow(/AUDIT_APPEND_ONLY: 审计日志不能修改/);
    }
    expect(rows()[0]).toEqual(first);
  });

  it('DELETE, one row or all', () => {
    const n = rows().length;
    expect(() => exec('delete from audit_log where id = (select min(id) from audit_log)')).toThrow(/审计日志不能删除/);
    expect(() => exec('delete from audit_log')).toThrow(/审计日志不能删除/);
    expect(rows().length).toBe(n);
  });

  it('REPLACE of an existing entry (its implicit delete fires the trigger)', () => {
    const [first] = rows();
    expect(() =>
      core.ctx.db
        .prepare(
          'insert or replace into audit_log (id, at, operator, action, entity, entity_id, before, after) values (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(first!.id, first!.at, '冒名', first!.action, first!.entity, first!.entityId, null, null),
    ).toThrow(/审计日志不能删除/);
    expect(() => exec(`replace into audit_log (id, at, operator, action, entity) values (${first!.id}, 'x', 'y', 'z', 'w')`)).toThrow(
      /审计日志不能删除/,
    );
    expect(rows()[0]).toEqual(first);
  });

  it('sealing an entry that has a hash, or sealing while changing its content', () => {
    exec("insert into audit_log (at, operator, action, entity) values ('2025-03-01T09:00:00.000Z', '系统', 'demo.load', 'demo')");
    const id = rows().at(-1)!.id;
    expect(() => exec(`update audit_log set hash = 'abc', after = '{"x":1}' where id = ${id}`)).toThrow(/审计日志不能修改/);
    exec(`update audit_log set hash = 'abc' where id = ${id}`); // the one update allowed: a seal, content unchanged
    expect(() => exec(`update audit_log set hash = 'def' where id = ${id}`)).toThrow(/审计日志不能修改/);
  });
});

describe('audit.verify names the first broken entry', () => {
  it('an entry edited directly (triggers dropped)', async () => {
    const target = rows()[5]!;
    dropGuards();
    exec(`update audit_log set after = '{"name":"篡改"}' where id = ${target.id}`);
    exec(`update audit_log set operator = '别人' where id = ${rows()[8]!.id}`);
    const v = await ok(core, 'audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.checked).toBe(rows().length);
    expect(v.broken).toBe(2);
    expect(v.firstBroken).toEqual({
      id: target.id,
      at: target.at,
      operator: target.operator,
      action: target.action,
      entity: target.entity,
      entityId: target.entityId,
      reason: 'changed',
    });
  });

  it('an entry edited with its hash recomputed breaks the link of the next one', async () => {
    const [, target, next] = rows();
    dropGuards();
    const after = '{"name":"伪造"}';
    const hash = entryHash(target!.prevHash, { ...target!, after });
    core.ctx.db.prepare('update audit_log set after = ?, hash = ? where id = ?').run(after, hash, target!.id);
    const v = await ok(core, 'audit.verify', {});
    expect(v).toMatchObject({ ok: false, broken: 1, firstBroken: { id: next!.id, reason: 'unlinked' } });
    expect(v.firstBroken!.missingIds).toBeUndefined();
  });

  it('an entry deleted from the middle: the one after it is named, with the missing id', async () => {
    const all = rows();
    const gone = all[4]!;
    dropGuards();
    exec(`delete from audit_log where id = ${gone.id}`);
    const v = await ok(core, 'audit.verify', {});
    expect(v).toMatchObject({
      ok: false,
      checked: all.length - 1,
      broken: 1,
      firstBroken: { id: all[5]!.id, at: all[5]!.at, action: all[5]!.action, entity: all[5]!.entity, reason: 'unlinked' },
    });
    expect(v.firstBroken!.missingIds).toEqual({ from: gone.id, to: gone.id });
  });

  it('the first entry deleted', async () => {
    const all = rows();
    dropGuards();
    exec(`delete from audit_log where id = ${all[0]!.id}`);
    const v = await ok(core, 'audit.verify', {});
    expect(v.firstBroken).toMatchObject({ id: all[1]!.id, reason: 'unlinked', missingIds: { from: 1, to: all[0]!.id } });
  });

  it('entries cut from the end', async () => {
    const all = rows();
    dropGuards();
    exec(`delete from audit_log where id >= ${all.at(-2)!.id}`);
    const v = await ok(core, 'audit.verify', {});
    expect(v).toMatchObject({ ok: false, broken: 0, tailMissing: { afterId: all.at(-3)!.id, lastIssuedId: all.at(-1)!.id } });
    expect(v.firstBroken).toBeUndefined();
  });

  it('a hash removed in the middle of the chain', async () => {
    const target = rows()[3]!;
    dropGuards();
    exec(`update audit_log set hash = null where id = ${target.id}`);
    const v = await ok(core, 'audit.verify', {});
    expect(v).toMatchObject({ ok: false, pending: 0, firstBroken: { id: target.id, reason: 'unsealed' } });
  });

  it('a signed plan changed behind the triggers’ back is named beside the chain', async () => {
    const { reps, customers } = s;
    const plan = await ok(core, 'visitPlans.save', {
      repId: reps.li.id,
      date: '2025-03-01',
      lines: [{ customerId: customers.c2.id, purposes: ['collect'] }],
    });
    await ok(core, 'visitPlans.submit', { id: plan.id });
    await ok(core, 'visitPlans.sign', { id: plan.id, password: TEST_MANAGER.password });
    expect(await ok(core, 'audit.verify', {})).toMatchObject({ ok: true, formsChecked: 1, brokenForms: [] });
    exec('drop trigger visit_plan_lines_signed_update');
    exec(`update visit_plan_lines set notes = '事后改的' where plan_id = ${plan.id}`);
    const v = await ok(core, 'audit.verify', {});
    expect(v).toMatchObject({ ok: false, broken: 0, formsChecked: 1 });
    expect(v.brokenForms).toEqual([{ form: 'visitPlan', id: plan.id, repName: '李娜', date: '2025-03-01' }]);
  });

  it('refuses any input', async () => {
    expect(await fail(core, 'audit.verify', { full: true })).toMatchObject({ code: 'VALIDATION', field: 'full' });
  });
});

describe('entries from before the chain', () => {
  it('are sealed in id order when the database is opened, and verify', async () => {
    core.close();
    const file = path.join(tempDir(), 'old.db');
    // a database at schema version 2 (before migration 0002): the audit log has no hash columns yet
    const old = openDatabase(file, { migrations: loadMigrations().slice(0, 2) }).db;
    const insert = old.prepare(
      'insert into audit_log (at, operator, action, entity, entity_id, before, after) values (?, ?, ?, ?, ?, ?, ?)',
    );
    for (let i = 1; i <= 30; i++)
      insert.run(`2024-01-0${(i % 9) + 1}T08:00:00.000Z`, '管理员', 'create', 'region', i, null, `{"name":"区域${i}"}`);
    old.close();

    core = makeCore(file, { backupDir: path.join(path.dirname(file), 'backups') });
    const sealed = rows();
    expect(sealed).toHaveLength(30);
    expect(sealed[0]!.prevHash).toBeNull();
    sealed.forEach((r, i) => {
      expect(entryHash(r.prevHash, r)).toBe(r.hash);
      if (i > 0) expect(r.prevHash).toBe(sealed[i - 1]!.hash);
    });
    expect(sealed.map((r) => r.after)).toEqual(Array.from({ length: 30 }, (_, i) => `{"name":"区域${i + 1}"}`));
    await ok(core, 'regions.save', { name: '华南' });
    expect(rows().at(-1)!.prevHash).toBe(sealed.at(-1)!.hash);
    expect(await ok(core, 'audit.verify', {})).toMatchObject({ ok: true, checked: 31, pending: 0 });

    // opening again finds nothing to seal and changes nothing
    core.close();
    const again = createCore(file);
    try {
      expect(rows(again).slice(0, 30)).toEqual(sealed);
      expect(await verifyAudit(again.ctx)).toMatchObject({ ok: true, checked: 31 });
    } finally {
      again.close();
    }
  });

  it('sealing at start skips an empty log', () => {
    const fresh = createCore(':memory:');
    try {
      expect(rows(fresh)).toEqual([]);
    } finally {
      fresh.close();
    }
  });
});

describe('a long log is walked in worker threads, a stretch each, with the same answer', () => {
  let fileCore: TestCore;
  beforeEach(async () => {
    fileCore = makeCore(path.join(tempDir(), 'chain.db'));
    await seed(fileCore);
    recordAudits(
      fileCore.ctx,
      Array.from({ length: 60 }, (_, i) => ({ action: 'update', entity: 'customer', entityId: i + 1, after: { name: `客户${i}` } })),
    );
  });
  afterEach(() => fileCore.close());
  const both = async () => {
    const [one, three] = [await verifyAudit(fileCore.ctx, { workers: 1 }), await verifyAudit(fileCore.ctx, { workers: 3 })];
    expect([one.threads, three.threads]).toEqual([1, 3]);
    const { ms: _a, threads: _ta, ...a } = one;
    const { ms: _b, threads: _tb, ...b } = three;
    expect(b).toEqual(a);
    return b;
  };
  const ids = () => rows(fileCore).map((r) => r.id);

  it('intact', async () => {
    expect(await both()).toMatchObject({ ok: true, checked: ids().length, broken: 0, pending: 0 });
  });

  it('an entry changed in a later stretch, and one removed where two stretches meet', async () => {
    const all = ids();
    const third = Math.floor(all.length / 3);
    dropGuards(fileCore);
    exec(`update audit_log set after = '{}' where id = ${all[2 * third + 5]!}`, fileCore);
    exec(`delete from audit_log where id = ${all[third]!}`, fileCore);
    const v = await both();
    expect(v).toMatchObject({ ok: false, broken: 2, firstBroken: { id: all[third + 1]!, reason: 'unlinked' } });
  });

  it('hashes removed across a boundary, then entries without a hash at the end', async () => {
    const all = ids();
    const third = Math.floor(all.length / 3);
    dropGuards(fileCore);
    exec(`update audit_log set hash = null where id in (${all[third - 1]!}, ${all[third]!})`, fileCore);
    const v = await both();
    expect(v).toMatchObject({ ok: false, pending: 0, firstBroken: { id: all[third - 1]!, reason: 'unsealed' } });
    exec(`update audit_log set hash = null where id >= ${all.at(-3)!}`, fileCore);
    expect((await both()).pending).toBe(3);
  });
});
