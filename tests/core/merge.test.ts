// Merging customers (everything moves to the survivor in one transaction, recorded) and the duplicate finder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { digest, fail, makeCore, ok, seed, type Seeded, TEST_MANAGER } from './helpers';

let core: Core;
let s: Seeded;
beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
});
afterEach(() => core.close());

const q = <T>(sql: string, ...params: unknown[]) => core.ctx.db.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) =>
  core.ctx.db
    .prepare(sql)
    .pluck()
    .get(...params) as T;

async function evaluate(customerId: number, month: string, score = 3, evaluator = '王强') {
  return ok(core, 'monthlyEvaluations.save', {
    customerId,
    month,
    purchaseScore: score,
    paymentScore: score,
    cooperationScore: score,
    potentialScore: score,
    evaluator,
  });
}

/** c1 北京华众商贸有限公司 (contact 刘洋, tags 重点/批发) and a duplicate with its own contacts, tags, card and evaluations. */
async function twoFiles() {
  const survivorId = s.customers.c1.id;
  const dup = await ok(core, 'customers.save', {
    name: '北京华众商贸商行',
    phone: '010 8888 6666',
    tags: ['批发', '新客'],
    contacts: [
      { name: '王五', phone: '137-0000-5555' },
      { name: '赵六', isPrimary: true },
    ],
  });
  await ok(core, 'strategyCards.save', {
    customerId: survivorId,
    goals: '保留方目标',
    actions: [{ dueDate: '2025-03-01', action: '保留方行动' }],
  });
  await ok(core, 'strategyCards.save', {
    customerId: dup.id,
    goals: '被合并方目标',
    actions: [
      { dueDate: '2025-03-05', action: '被合并方行动一', done: true },
      { dueDate: '2025-03-06', action: '被合并方行动二' },
    ],
  });
  const survivorFeb = await evaluate(survivorId, '2025-02', 5);
  const dupFeb = await evaluate(dup.id, '2025-02', 1);
  const dupJan = await evaluate(dup.id, '2025-01', 2);
  return { survivorId, mergedId: dup.id, survivorFeb, dupFeb, dupJan };
}

describe('customers.merge', () => {
  it('moves contacts, tags, strategy actions and evaluations to the survivor, with exact counts', async () => {
    const f = await twoFiles();
    const mergedBefore = await ok(core, 'customers.get', { id: f.mergedId });
    const result = await ok(core, 'customers.merge', { survivorId: f.survivorId, mergedId: f.mergedId });
    expect(result).toEqual({
      survivorId: f.survivorId,
      mergedId: f.mergedId,
      moved: { contacts: 2, tags: 1, strategyActions: 2, evaluations: 1, evaluationsKept: 1 },
    });

    const survivor = await ok(core, 'customers.get', { id: f.survivorId });
    // the survivor keeps its primary contact; the merged one's primary becomes an ordinary contact, appended
    expect(survivor.contacts.map((k) => [k.name, k.isPrimary])).toEqual([
      ['刘洋', true],
      ['王五', false],
      ['赵六', false],
    ]);
    expect(survivor.tags).toEqual(['重点', '批发', '新客']);
    expect(q<{ tag: string }>('select tag from customer_tags where customer_id = ? order by tag', f.survivorId).map((r) => r.tag)).toEqual(
      ['批发', '新客', '重点'].sort(),
    );
    expect(one('select count(*) from customer_tags where customer_id = ?', f.mergedId)).toBe(0);

    const cardNow = await ok(core, 'strategyCards.get', { customerId: f.survivorId });
    expect(cardNow.goals).toBe('保留方目标');
    expect(cardNow.actions.map((a) => a.action)).toEqual(['保留方行动', '被合并方行动一', '被合并方行动二']);
    expect(cardNow.actions[1]!.done).toBe(true);
    // the merged record keeps its own card text for history, without actions
    expect(await ok(core, 'strategyCards.get', { customerId: f.mergedId })).toMatchObject({ goals: '被合并方目标', actions: [] });

    // February: both had one, the survivor's wins and the merged one's stays on the merged record
    const evals = await ok(core, 'monthlyEvaluations.list', { customerId: f.survivorId });
    expect(evals.map((e) => [e.id, e.month])).toEqual([
      [f.survivorFeb.id, '2025-02'],
      [f.dupJan.id, '2025-01'],
    ]);
    expect((await ok(core, 'monthlyEvaluations.list', { customerId: f.mergedId })).map((e) => e.id)).toEqual([f.dupFeb.id]);

    // the merged customer is archived and points at the survivor
    const merged = await ok(core, 'customers.get', { id: f.mergedId });
    expect(merged).toMatchObject({ archived: true, mergedIntoId: f.survivorId, contacts: [], tags: [] });
    expect(merged.archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // search finds the moved contacts under the survivor only
    const found = await ok(core, 'customers.list', { search: '王五', archived: 'all' });
    expect(found.rows.map((r) => r.id)).toEqual([f.survivorId]);
    expect((await ok(core, 'customers.list', { search: '13700005555', archived: 'all' })).rows.map((r) => r.id)).toEqual([f.survivorId]);
    expect((await ok(core, 'customers.list', { tag: '新客' })).rows.map((r) => r.id)).toEqual([f.survivorId]);

    // recorded: a merge row with the merged record as it was, and one audit row on the survivor
    const record = q<{ survivor_id: number; merged_id: number; merged_snapshot: string; moved: string; operator: string }>(
      'select * from customer_merges',
    );
    expect(record).toHaveLength(1);
    expect(record[0]).toMatchObject({ survivor_id: f.survivorId, merged_id: f.mergedId, operator: TEST_MANAGER.name });
    expect(JSON.parse(record[0]!.merged_snapshot)).toEqual(mergedBefore);
    expect(JSON.parse(record[0]!.moved)).toEqual(result.moved);
    const audit = await ok(core, 'audit.list', { entity: 'customer', entityId: f.survivorId, pageSize: 1 });
    expect(audit.rows[0]).toMatchObject({
      action: 'merge',
      entity: 'customer',
      entityId: f.survivorId,
      before: mergedBefore,
      after: result.moved,
    });
  });

  it('a survivor without a card takes the merged one’s; without contacts it takes the merged primary as its primary', async () => {
    const survivorId = s.customers.c3.id; // 张记烟酒行: no contacts, no card
    const dup = await ok(core, 'customers.save', {
      name: '张记烟酒',
      contacts: [{ name: '张老板', isPrimary: true }, { name: '店员' }],
    });
    await ok(core, 'strategyCards.save', {
      customerId: dup.id,
      goals: '拿下年节订单',
      decisionMakers: '张老板',
      actions: [{ dueDate: '2025-03-09', action: '节前拜访' }],
    });
    const result = await ok(core, 'customers.merge', { survivorId, mergedId: dup.id });
    expect(result.moved).toEqual({ contacts: 2, tags: 0, strategyActions: 1, evaluations: 0, evaluationsKept: 0 });
    const card = await ok(core, 'strategyCards.get', { customerId: survivorId });
    expect(card).toMatchObject({ goals: '拿下年节订单', decisionMakers: '张老板', actions: [{ action: '节前拜访' }] });
    expect(card.updatedAt).not.toBeNull();
    expect((await ok(core, 'strategyCards.get', { customerId: dup.id })).updatedAt).toBeNull();
    expect((await ok(core, 'customers.get', { id: survivorId })).contacts.map((k) => [k.name, k.isPrimary])).toEqual([
      ['张老板', true],
      ['店员', false],
    ]);
  });

  it('moves rows of any other table that refers to customers (by foreign key or a customer_id column)', async () => {
    core.ctx.db.exec(`
      CREATE TABLE test_orders (id integer primary key, customer_id integer not null references customers(id), amount_fen integer not null);
      CREATE TABLE test_visits (id integer primary key, visited integer references customers(id), note text);
      CREATE TABLE test_loose (id integer primary key, customer_id integer);
    `);
    const { c1, c2, c4 } = s.customers;
    const insert = (sql: string, ...p: unknown[]) => core.ctx.db.prepare(sql).run(...p);
    insert('insert into test_orders (customer_id, amount_fen) values (?, 100), (?, 200), (?, 300)', c2.id, c2.id, c4.id);
    insert('insert into test_visits (visited, note) values (?, ?), (?, ?)', c2.id, '拜访', c1.id, '别人');
    insert('insert into test_loose (customer_id) values (?)', c2.id);

    await ok(core, 'customers.merge', { survivorId: c1.id, mergedId: c2.id });
    expect(q<{ customer_id: number }>('select customer_id from test_orders order by id').map((r) => r.customer_id)).toEqual([
      c1.id,
      c1.id,
      c4.id,
    ]);
    expect(q<{ visited: number }>('select visited from test_visits order by id').map((r) => r.visited)).toEqual([c1.id, c1.id]);
    expect(one('select customer_id from test_loose')).toBe(c1.id);
    expect(JSON.parse(one<string>('select moved from customer_merges'))).toMatchObject({
      other: { 'test_orders.customer_id': 2, 'test_visits.visited': 1, 'test_loose.customer_id': 1 },
    });
  });

  it('refuses merging into itself, twice, into a merged customer, into an archived one, or unknown ids — changing nothing', async () => {
    const { c1, c2, c3, c4 } = s.customers;
    const refuse = async (input: { survivorId: number; mergedId: number }, code: string, field: string, text?: string) => {
      const before = digest(core.ctx.db);
      const err = await fail(core, 'customers.merge', input);
      expect(err, JSON.stringify(input)).toMatchObject({ code, field });
      if (text) expect(err.message).toContain(text);
      expect(digest(core.ctx.db)).toBe(before);
    };
    await refuse({ survivorId: c1.id, mergedId: c1.id }, 'VALIDATION', 'mergedId', '同一个');
    await refuse({ survivorId: 9999, mergedId: c1.id }, 'NOT_FOUND', 'survivorId');
    await refuse({ survivorId: c1.id, mergedId: 9999 }, 'NOT_FOUND', 'mergedId');

    await ok(core, 'customers.merge', { survivorId: c1.id, mergedId: c2.id });
    await refuse({ survivorId: c1.id, mergedId: c2.id }, 'CONFLICT', 'mergedId', '已经合并');
    await refuse({ survivorId: c3.id, mergedId: c2.id }, 'CONFLICT', 'mergedId', '已经合并');
    await refuse({ survivorId: c2.id, mergedId: c3.id }, 'CONFLICT', 'survivorId', '已经合并');

    await ok(core, 'customers.archive', { id: c4.id });
    await refuse({ survivorId: c4.id, mergedId: c3.id }, 'CONFLICT', 'survivorId', '归档');
    // an archived duplicate can still be merged away
    await ok(core, 'customers.merge', { survivorId: c3.id, mergedId: c4.id });
  });

  it('customers merged earlier into the merged one then point at the new survivor', async () => {
    const { c1, c2, c3 } = s.customers;
    await ok(core, 'customers.merge', { survivorId: c2.id, mergedId: c3.id });
    await ok(core, 'customers.merge', { survivorId: c1.id, mergedId: c2.id });
    expect((await ok(core, 'customers.get', { id: c3.id })).mergedIntoId).toBe(c1.id);
    expect((await ok(core, 'customers.get', { id: c2.id })).mergedIntoId).toBe(c1.id);
    expect(q('select survivor_id as s, merged_id as m from customer_merges order by id')).toEqual([
      { s: c2.id, m: c3.id },
      { s: c1.id, m: c2.id },
    ]);
  });

  it('keeps the original archive date of a merged customer that was already archived', async () => {
    await ok(core, 'customers.archive', { id: s.customers.c4.id });
    const archivedAt = (await ok(core, 'customers.get', { id: s.customers.c4.id })).archivedAt;
    await ok(core, 'customers.merge', { survivorId: s.customers.c3.id, mergedId: s.customers.c4.id });
    expect((await ok(core, 'customers.get', { id: s.customers.c4.id })).archivedAt).toBe(archivedAt);
  });

  describe('is one transaction', () => {
    const sabotages: Array<[string, string]> = [
      ['the merge record', "CREATE TRIGGER sabotage BEFORE INSERT ON customer_merges BEGIN SELECT RAISE(ABORT, '模拟写入失败'); END"],
      [
        'the audit row',
        "CREATE TRIGGER sabotage BEFORE INSERT ON audit_log WHEN NEW.action = 'merge' BEGIN SELECT RAISE(ABORT, '模拟写入失败'); END",
      ],
      [
        'archiving the merged customer',
        "CREATE TRIGGER sabotage BEFORE UPDATE ON customers WHEN NEW.merged_into_id IS NOT NULL BEGIN SELECT RAISE(ABORT, '模拟写入失败'); END",
      ],
      [
        'a row of another table',
        `CREATE TABLE test_orders (id integer primary key, customer_id integer references customers(id));
         INSERT INTO test_orders (customer_id) SELECT max(id) FROM customers;
         CREATE TRIGGER sabotage BEFORE UPDATE ON test_orders BEGIN SELECT RAISE(ABORT, '模拟写入失败'); END`,
      ],
    ];
    for (const [step, sql] of sabotages) {
      it(`a failure at ${step} leaves the database exactly as it was`, async () => {
        const f = await twoFiles();
        core.ctx.db.exec(sql);
        const before = digest(core.ctx.db);
        const err = await fail(core, 'customers.merge', { survivorId: f.survivorId, mergedId: f.mergedId });
        expect(err.code).toBe('CONFLICT');
        expect(core.ctx.db.inTransaction).toBe(false);
        expect(digest(core.ctx.db)).toBe(before);
        core.ctx.db.exec('DROP TRIGGER sabotage');
        await ok(core, 'customers.merge', { survivorId: f.survivorId, mergedId: f.mergedId });
      });
    }
  });
});

describe('customers.duplicateGroups', () => {
  const groups = (input: { page?: number; pageSize?: number; includeArchived?: boolean } = {}) =>
    ok(core, 'customers.duplicateGroups', input);

  it('the seed has no duplicates', async () => {
    expect(await groups()).toEqual({ groups: [], total: 0 });
  });

  it('groups names equal after removing spaces, full-width forms and company suffixes', async () => {
    const a = await ok(core, 'customers.save', { name: '北京 华众商贸 商行' });
    const b = await ok(core, 'customers.save', { name: '北京华众商贸（有限责任公司）' });
    const x = await ok(core, 'customers.save', { name: 'ＡＢＣ 科技有限公司' });
    const y = await ok(core, 'customers.save', { name: 'abc科技经营部' });
    await ok(core, 'customers.save', { name: '北京华众' }); // a different name
    await ok(core, 'customers.save', { name: '张' });
    await ok(core, 'customers.save', { name: '张公司' }); // one-character keys are not grouped
    const res = await groups();
    expect(res.total).toBe(2);
    expect(res.groups.map((g) => [g.reason, g.key, g.customers.map((c) => c.id)])).toEqual([
      ['name', '北京华众商贸', [s.customers.c1.id, a.id, b.id]],
      ['name', 'abc科技', [x.id, y.id]],
    ]);
    expect(res.groups[0]!.customers[0]).toEqual({
      id: s.customers.c1.id,
      code: 'C000001',
      name: '北京华众商贸有限公司',
      phone: '010-8888-6666',
      regionName: '北京市',
      regionPath: ['华北', '北京市'],
      repName: '赵磊',
      archived: false,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('groups the same phone typed with dashes or spaces, including contact phones, and a customer may be in two groups', async () => {
    const a = await ok(core, 'customers.save', { name: '华众二店', phone: '01088886666' });
    const b = await ok(core, 'customers.save', { name: '华众三店', contacts: [{ name: '某人', phone: '010 8888 6666' }] });
    const c = await ok(core, 'customers.save', { name: '北京华众商贸' });
    await ok(core, 'customers.save', { name: '短号一', phone: '8888' });
    await ok(core, 'customers.save', { name: '短号二', phone: '8-888' }); // too short to group
    const res = await groups();
    expect(res.groups.map((g) => [g.reason, g.key, g.customers.map((m) => m.id)])).toEqual([
      ['phone', '01088886666', [s.customers.c1.id, a.id, b.id]],
      ['name', '北京华众商贸', [s.customers.c1.id, c.id]],
    ]);
  });

  it('one customer with the same number twice (own phone and a contact) is not a group', async () => {
    await ok(core, 'customers.save', { name: '独一家', phone: '13912345678', contacts: [{ name: '老板', phone: '139-1234-5678' }] });
    expect((await groups()).total).toBe(0);
  });

  it('leaves out merged customers, and archived ones unless asked', async () => {
    const a = await ok(core, 'customers.save', { name: '北京华众商贸商行' });
    const b = await ok(core, 'customers.save', { name: '北京华众商贸经营部' });
    await ok(core, 'customers.archive', { id: b.id });
    expect((await groups()).groups[0]!.customers.map((c) => c.id)).toEqual([s.customers.c1.id, a.id]);
    const withArchived = await groups({ includeArchived: true });
    expect(withArchived.groups[0]!.customers.map((c) => [c.id, c.archived])).toEqual([
      [s.customers.c1.id, false],
      [a.id, false],
      [b.id, true],
    ]);
    await ok(core, 'customers.merge', { survivorId: s.customers.c1.id, mergedId: a.id });
    expect(await groups()).toEqual({ groups: [], total: 0 });
    expect((await groups({ includeArchived: true })).groups[0]!.customers.map((c) => c.id)).toEqual([s.customers.c1.id, b.id]);
  });

  it('pages by group, largest groups first, then by key', async () => {
    for (const name of ['甲乙商行', '甲乙公司', '丙丁商行', '丙丁公司', '丙丁经营部', '戊己商行', '戊己公司']) {
      await ok(core, 'customers.save', { name });
    }
    const all = await groups();
    expect(all.total).toBe(3);
    expect(all.groups.map((g) => [g.key, g.customers.length])).toEqual([
      ['丙丁', 3],
      ...[
        ['戊己', 2],
        ['甲乙', 2],
      ].sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1)),
    ]);
    const page2 = await groups({ page: 2, pageSize: 2 });
    expect(page2.total).toBe(3);
    expect(page2.groups.map((g) => g.key)).toEqual([all.groups[2]!.key]);
    expect((await groups({ page: 3, pageSize: 2 })).groups).toEqual([]);
  });

  // how fast is the bench's business (customers.duplicateGroups, ≤ 500 ms on the large demo); this checks the counts at scale
  it('finds the right groups among 20,000 customers', async () => {
    const db = core.ctx.db;
    const insert = db.prepare(
      `insert into customers (code, name, type, grade, lifecycle, phone, name_key, phone_digits, created_at, updated_at)
       values (?, ?, 'retail', 'C', 'prospect', ?, ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
    );
    const contact = db.prepare("insert into contacts (customer_id, name, phone) values (?, '联系人', ?)");
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) {
        // every 100th customer repeats an earlier name key; every 150th an earlier phone
        const key = i % 100 === 99 ? `客户${i - 1}` : `客户${i}`;
        const phone = i % 150 === 149 ? `139${String(i - 1).padStart(8, '0')}` : `139${String(i).padStart(8, '0')}`;
        const id = Number(insert.run(`T${i}`, `${key}商行`, phone, key, phone).lastInsertRowid);
        contact.run(id, `138${String(i).padStart(8, '0')}`);
      }
    })();
    const res = await groups({ pageSize: 20 });
    expect(res.total).toBe(200 + 133);
    expect(res.groups).toHaveLength(20);
  });
});

describe('a merged customer stays merged', () => {
  it('cannot be restored, and no longer shows up as a duplicate of its survivor', async () => {
    const core = makeCore();
    const a = await ok(core, 'customers.save', { name: '北京华众商贸有限公司', phone: '010-88886666' });
    const b = await ok(core, 'customers.save', { name: '北京华众商贸 商行', phone: '010 8888 6666' });
    expect(
      (await ok(core, 'customers.findDuplicates', { name: '北京华众商贸', phone: '01088886666', excludeId: a.id })).map((d) => d.id),
    ).toEqual([b.id]);
    await ok(core, 'customers.merge', { survivorId: a.id, mergedId: b.id });
    const err = await fail(core, 'customers.archive', { id: b.id, archived: false });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('已合并');
    expect(await ok(core, 'customers.findDuplicates', { name: '北京华众商贸', phone: '01088886666', excludeId: a.id })).toEqual([]);
    core.close();
  });
});
