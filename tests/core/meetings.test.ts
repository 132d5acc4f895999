// 销售会议 in the core: attendees and action items saved in one go; open items of earlier meetings carried into the
// next one until done; marking one done in a later meeting records that meeting; refusals leave the DB unchanged.
import { beforeEach, describe, expect, it } from 'vitest';
import { addOperator, digest, fail, makeCore, ok, seed, type Seeded, type TestCore } from './helpers';

let core: TestCore;
let s: Seeded;
beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
});

const first = (s: Seeded, managerId: number) => ({
  date: '2025-03-03',
  subject: '三月第一周例会',
  agenda: '回款\n新品',
  decisions: '加大铺货',
  attendees: { repIds: [s.reps.li.id, s.reps.boss.id], operatorIds: [managerId] },
  actionItems: [
    { content: '催收华众货款', ownerRepId: s.reps.li.id, dueDate: '2025-03-07', done: false },
    { content: '准备新品样品', ownerOperatorId: managerId, done: false },
    { content: '已完成的事', done: true },
  ],
});

describe('meetings', () => {
  it('saves attendees by name and items in order; edit keeps item ids; audit', async () => {
    const m = await ok(core, 'meetings.save', first(s, core.managerId));
    expect(m.attendees.map((a) => a.name)).toEqual(['王强', '李娜', '测试经理']);
    expect(m.actionItems.map((i) => [i.seq, i.content, i.ownerName, i.done, i.doneDate])).toEqual([
      [1, '催收华众货款', '李娜', false, null],
      [2, '准备新品样品', '测试经理', false, null],
      [3, '已完成的事', '', true, '2025-03-03'],
    ]);
    expect(m.carriedOver).toEqual([]);
    const [a, b] = m.actionItems;
    const edited = await ok(core, 'meetings.save', {
      id: m.id,
      date: m.date,
      subject: m.subject,
      attendees: { repIds: [s.reps.li.id], operatorIds: [] },
      actionItems: [
        { id: b!.id, content: '准备新品样品 20 箱', ownerOperatorId: core.managerId, done: false },
        { id: a!.id, content: a!.content, ownerRepId: s.reps.li.id, dueDate: '2025-03-07', done: false },
      ],
    });
    expect(edited.actionItems.map((i) => [i.id, i.seq, i.content])).toEqual([
      [b!.id, 1, '准备新品样品 20 箱'],
      [a!.id, 2, '催收华众货款'],
    ]);
    expect(edited.attendees.map((x) => x.name)).toEqual(['李娜']);
    expect(edited.agenda).toBe('');
    const log = core.ctx.db.prepare("select action from audit_log where entity = 'meeting' order by id").pluck().all();
    expect(log).toEqual(['create', 'update']);
    const list = await ok(core, 'meetings.list', { page: 1, pageSize: 10 });
    expect(list.rows).toEqual([
      expect.objectContaining({ id: m.id, subject: '三月第一周例会', attendeeNames: '李娜', itemCount: 2, openItemCount: 2 }),
    ]);
  });

  it('carries open items into later meetings until done; done in a later meeting records it', async () => {
    const m1 = await ok(core, 'meetings.save', first(s, core.managerId));
    const m2 = await ok(core, 'meetings.save', {
      date: '2025-03-10',
      subject: '第二周例会',
      attendees: { repIds: [], operatorIds: [] },
      actionItems: [],
    });
    expect(m2.carriedOver.map((i) => [i.content, i.meetingDate, i.meetingSubject, i.done])).toEqual([
      ['催收华众货款', '2025-03-03', '三月第一周例会', false],
      ['准备新品样品', '2025-03-03', '三月第一周例会', false],
    ]);
    // not in an earlier or same-day meeting
    const m0 = await ok(core, 'meetings.save', {
      date: '2025-03-01',
      subject: '更早',
      attendees: { repIds: [], operatorIds: [] },
      actionItems: [],
    });
    expect(m0.carriedOver).toEqual([]);
    const item = m2.carriedOver[0]!;
    const done = await ok(core, 'meetings.setItemDone', { itemId: item.id, done: true, meetingId: m2.id });
    expect(done).toMatchObject({ done: true, doneDate: '2025-03-10', doneInMeetingId: m2.id, meetingId: m1.id });
    // still shown (ticked) in the meeting that closed it, gone from the later ones
    const again = await ok(core, 'meetings.get', { id: m2.id });
    expect(again.carriedOver.map((i) => [i.content, i.done])).toEqual([
      ['催收华众货款', true],
      ['准备新品样品', false],
    ]);
    const m3 = await ok(core, 'meetings.save', {
      date: '2025-03-17',
      subject: '第三周例会',
      attendees: { repIds: [], operatorIds: [] },
      actionItems: [],
    });
    expect(m3.carriedOver.map((i) => i.content)).toEqual(['准备新品样品']);
    // done without a meeting: gone everywhere; open again: back
    const other = m3.carriedOver[0]!;
    await ok(core, 'meetings.setItemDone', { itemId: other.id, done: true });
    expect((await ok(core, 'meetings.get', { id: m3.id })).carriedOver).toEqual([]);
    expect((await ok(core, 'meetings.get', { id: m2.id })).carriedOver.map((i) => i.content)).toEqual(['催收华众货款']);
    const reopened = await ok(core, 'meetings.setItemDone', { itemId: item.id, done: false });
    expect(reopened).toMatchObject({ done: false, doneDate: null, doneInMeetingId: null });
    expect((await ok(core, 'meetings.get', { id: m3.id })).carriedOver.map((i) => i.content)).toEqual(['催收华众货款']);
    expect((await ok(core, 'meetings.get', { id: m1.id })).actionItems[0]!.done).toBe(false);
  });

  it('refuses marking done in an earlier meeting, moving a meeting before the items it closed', async () => {
    const m1 = await ok(core, 'meetings.save', first(s, core.managerId));
    const m2 = await ok(core, 'meetings.save', {
      date: '2025-03-10',
      subject: '第二周',
      attendees: { repIds: [], operatorIds: [] },
      actionItems: [],
    });
    const m0 = await ok(core, 'meetings.save', {
      date: '2025-03-01',
      subject: '更早',
      attendees: { repIds: [], operatorIds: [] },
      actionItems: [],
    });
    const item = m1.actionItems[0]!;
    const before = digest(core.ctx.db);
    expect((await fail(core, 'meetings.setItemDone', { itemId: item.id, done: true, meetingId: m0.id })).field).toBe('meetingId');
    expect((await fail(core, 'meetings.setItemDone', { itemId: 9999, done: true })).code).toBe('NOT_FOUND');
    expect(digest(core.ctx.db)).toBe(before);
    await ok(core, 'meetings.setItemDone', { itemId: item.id, done: true, meetingId: m2.id });
    const moved = await fail(core, 'meetings.save', {
      id: m2.id,
      date: '2025-03-02',
      subject: '第二周',
      attendees: { repIds: [], operatorIds: [] },
      actionItems: [],
    });
    expect(moved.field).toBe('date');
  });

  it('validation: bad input names the field and leaves the DB unchanged', async () => {
    const m1 = await ok(core, 'meetings.save', first(s, core.managerId));
    const other = await ok(core, 'meetings.save', {
      date: '2025-03-04',
      subject: '另一个',
      attendees: { repIds: [], operatorIds: [] },
      actionItems: [{ content: 'x', done: false }],
    });
    const gone = addOperator(core, { name: '离职文员', role: 'clerk', password: 'pw', active: false });
    const before = digest(core.ctx.db);
    const base = { date: '2025-03-11', subject: '例会', attendees: { repIds: [], operatorIds: [] }, actionItems: [] };
    const cases: Array<[unknown, string]> = [
      [{ ...base, subject: ' ' }, '标题'],
      [{ ...base, date: '2025-02-30' }, '日期'],
      [{ ...base, attendees: { repIds: [s.reps.zhao.id], operatorIds: [] } }, '已停用'],
      [{ ...base, attendees: { repIds: [], operatorIds: [gone.id] } }, '已停用'],
      [{ ...base, attendees: { repIds: [9999], operatorIds: [] } }, '参会人员'],
      [{ ...base, actionItems: [{ content: '', done: false }] }, '行动事项 › 第1行 › 内容'],
      [{ ...base, actionItems: [{ content: 'a', ownerRepId: s.reps.li.id, ownerOperatorId: core.managerId, done: false }] }, '负责人'],
      [{ ...base, actionItems: [{ content: 'a', ownerRepId: s.reps.zhao.id, done: false }] }, '已停用'],
      [{ ...base, actionItems: [{ content: 'a', dueDate: '3/7', done: false }] }, '日期'],
      [{ ...base, id: m1.id, actionItems: [{ id: other.actionItems[0]!.id, content: 'a', done: false }] }, '不是这次会议的事项'],
      [{ ...base, extra: true }, ''],
      [{ ...base, id: 9999 }, ''],
    ];
    for (const [input, text] of cases) {
      const err = await fail(core, 'meetings.save', input);
      expect(err.message, JSON.stringify(input)).toContain(text);
    }
    expect(digest(core.ctx.db)).toBe(before);
  });
});
