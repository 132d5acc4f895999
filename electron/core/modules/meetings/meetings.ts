// 销售会议 Sales meetings: get (attendees by name, own action items, and the items still open from earlier meetings),
// save (meeting, attendees and items in one transaction with one audit entry), marking an item done (in a later
// meeting: recorded there), and a paged, sorted, filtered list.
import type { Ctx } from '../../context';
import { nowIso, todayLocal } from '../../context';
import { count, prepared } from '../../db/sql';
import { DomainError, notFound } from '../../errors';
import type { CarriedActionItem, MeetingActionItem, MeetingDetail, Output, ParsedInput } from '../../../../shared/contract';
import { labelForPath } from '../../../../shared/fieldLabels';
import { recordAudit } from '../audit/audit';
import { haystack, Where } from '../complaints/handling';

const WORD = '销售会议';

const itemSelect = `select i.id, i.meeting_id as meetingId, i.seq, i.content, i.owner_rep_id as ownerRepId,
    i.owner_operator_id as ownerOperatorId, coalesce(r.name, o.name, '') as ownerName, i.due_date as dueDate, i.done,
    i.done_date as doneDate, i.done_in_meeting_id as doneInMeetingId
  from meeting_action_items i left join reps r on r.id = i.owner_rep_id left join operators o on o.id = i.owner_operator_id`;

type ItemRow = Omit<MeetingActionItem, 'done'> & { done: number };
const toItem = <T extends ItemRow>(r: T) => ({ ...r, done: r.done === 1 });

function itemById(ctx: Ctx, id: number): MeetingActionItem {
  const row = prepared(ctx.db, `${itemSelect} where i.id = ?`).get(id) as ItemRow | undefined;
  if (!row) throw notFound('会议事项', id, 'itemId');
  return toItem(row);
}

interface MeetingHead {
  id: number;
  date: string;
  subject: string;
  agenda: string;
  decisions: string;
  createdAt: string;
  updatedAt: string;
}

function head(ctx: Ctx, id: number, field = 'id'): MeetingHead {
  const h = prepared(
    ctx.db,
    'select id, date, title as subject, agenda, decisions, created_at as createdAt, updated_at as updatedAt from meetings where id = ?',
  ).get(id) as MeetingHead | undefined;
  if (!h) throw notFound(WORD, id, field);
  return h;
}

export function meetingDetail(ctx: Ctx, id: number): MeetingDetail {
  const h = head(ctx, id);
  const attendees = prepared(
    ctx.db,
    `select a.rep_id as repId, a.operator_id as operatorId, coalesce(r.name, o.name, '') as name
     from meeting_attendees a left join reps r on r.id = a.rep_id left join operators o on o.id = a.operator_id
     where a.meeting_id = ? order by a.rep_id is null, r.code, o.name, a.id`,
  ).all(id) as MeetingDetail['attendees'];
  const items = (prepared(ctx.db, `${itemSelect} where i.meeting_id = ? order by i.seq, i.id`).all(id) as ItemRow[]).map(toItem);
  // open items of meetings held before this one, and those marked done here
  const carried = (
    prepared(
      ctx.db,
      `${itemSelect.replace('from meeting_action_items i', ', m.date as meetingDate, m.title as meetingSubject from meeting_action_items i join meetings m on m.id = i.meeting_id')}
       where m.id <> @id and (m.date < @date and i.done = 0 or i.done_in_meeting_id = @id)
       order by m.date, m.id, i.seq, i.id`,
    ).all({ id, date: h.date }) as Array<ItemRow & { meetingDate: string; meetingSubject: string }>
  ).map(toItem) as CarriedActionItem[];
  return { ...h, attendees, actionItems: items, carriedOver: carried };
}

export function getMeeting(ctx: Ctx, input: ParsedInput<'meetings.get'>): Output<'meetings.get'> {
  return meetingDetail(ctx, input.id);
}

type SaveInput = ParsedInput<'meetings.save'>;

/** What the audit log keeps: the meeting as entered, people by id (the log adds their names). */
function snapshot(ctx: Ctx, id: number) {
  const d = meetingDetail(ctx, id);
  return {
    date: d.date,
    subject: d.subject,
    agenda: d.agenda,
    decisions: d.decisions,
    repIds: d.attendees.filter((a) => a.repId !== null).map((a) => a.repId),
    operatorIds: d.attendees.filter((a) => a.operatorId !== null).map((a) => a.operatorId),
    actionItems: d.actionItems.map((i) => ({
      content: i.content,
      ownerRepId: i.ownerRepId,
      ownerOperatorId: i.ownerOperatorId,
      dueDate: i.dueDate,
      done: i.done,
    })),
  };
}

/**
 * People named by the meeting exist; an inactive rep or operator is refused unless the meeting already named them
 * (an old meeting stays editable after someone leaves).
 */
function checkPeople(ctx: Ctx, table: 'reps' | 'operators', word: string, refs: Array<{ id: number; field: string }>, known: Set<number>) {
  if (refs.length === 0) return;
  const rows = prepared(ctx.db, `select id, name, active from ${table} where id in (select value from json_each(?))`).all(
    JSON.stringify([...new Set(refs.map((r) => r.id))]),
  ) as Array<{ id: number; name: string; active: number }>;
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const ref of refs) {
    const row = byId.get(ref.id);
    const where = labelForPath(ref.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
    if (!row) throw new DomainError('REFERENCE', `${where}：${word}不存在（编号 ${ref.id}）`, ref.field);
    if (row.active !== 1 && !known.has(ref.id)) {
      throw new DomainError('VALIDATION', `${where}：${word}「${row.name}」已停用，不能再选`, ref.field);
    }
  }
}

function knownPeople(ctx: Ctx, id: number | undefined) {
  if (id === undefined) return { reps: new Set<number>(), operators: new Set<number>() };
  const reps = prepared(
    ctx.db,
    `select rep_id from meeting_attendees where meeting_id = ? and rep_id is not null
     union select owner_rep_id from meeting_action_items where meeting_id = ? and owner_rep_id is not null`,
  )
    .pluck()
    .all(id, id) as number[];
  const operators = prepared(
    ctx.db,
    `select operator_id from meeting_attendees where meeting_id = ? and operator_id is not null
     union select owner_operator_id from meeting_action_items where meeting_id = ? and owner_operator_id is not null`,
  )
    .pluck()
    .all(id, id) as number[];
  return { reps: new Set(reps), operators: new Set(operators) };
}

export function saveMeeting(ctx: Ctx, input: SaveInput): Output<'meetings.save'> {
  const id = ctx.db.transaction(() => {
    const before = input.id === undefined ? undefined : (head(ctx, input.id), snapshot(ctx, input.id));
    const known = knownPeople(ctx, input.id);
    const repIds = [...new Set(input.attendees.repIds)];
    const operatorIds = [...new Set(input.attendees.operatorIds)];
    checkPeople(
      ctx,
      'reps',
      '业务员',
      [
        ...repIds.map((r) => ({ id: r, field: 'attendees.repIds' })),
        ...input.actionItems.flatMap((it, i) =>
          it.ownerRepId == null ? [] : [{ id: it.ownerRepId, field: `actionItems.${i}.ownerRepId` }],
        ),
      ],
      known.reps,
    );
    checkPeople(
      ctx,
      'operators',
      '操作员',
      [
        ...operatorIds.map((o) => ({ id: o, field: 'attendees.operatorIds' })),
        ...input.actionItems.flatMap((it, i) =>
          it.ownerOperatorId == null ? [] : [{ id: it.ownerOperatorId, field: `actionItems.${i}.ownerOperatorId` }],
        ),
      ],
      known.operators,
    );
    // item ids belong to this meeting, once each
    const existing = new Map(
      input.id === undefined
        ? []
        : (
            prepared(ctx.db, 'select id, done, done_date as doneDate from meeting_action_items where meeting_id = ?').all(
              input.id,
            ) as Array<{
              id: number;
              done: number;
              doneDate: string | null;
            }>
          ).map((r) => [r.id, r]),
    );
    const seen = new Set<number>();
    input.actionItems.forEach((it, i) => {
      if (it.id === undefined) return;
      const field = `actionItems.${i}.id`;
      if (!existing.has(it.id)) {
        throw new DomainError('REFERENCE', `${labelForPath(['actionItems', i, 'id'])}：不是这次会议的事项（编号 ${it.id}）`, field);
      }
      if (seen.has(it.id))
        throw new DomainError('VALIDATION', `${labelForPath(['actionItems', i, 'id'])}：与前面的事项重复（编号 ${it.id}）`, field);
      seen.add(it.id);
    });
    if (input.id !== undefined) {
      // a later meeting must not be dated before the items it closed
      const closed = prepared(
        ctx.db,
        `select m.date from meeting_action_items i join meetings m on m.id = i.meeting_id where i.done_in_meeting_id = ? and m.date >= ?
         order by m.date desc limit 1`,
      )
        .pluck()
        .get(input.id, input.date) as string | undefined;
      if (closed !== undefined) {
        throw new DomainError('VALIDATION', `日期：这次会议勾选完成了 ${closed} 会议的事项，日期须晚于 ${closed}`, 'date');
      }
    }

    const now = nowIso(ctx);
    let meetingId: number;
    if (input.id === undefined) {
      meetingId = Number(
        prepared(ctx.db, 'insert into meetings (date, title, agenda, decisions, created_at, updated_at) values (?, ?, ?, ?, ?, ?)').run(
          input.date,
          input.subject,
          input.agenda,
          input.decisions,
          now,
          now,
        ).lastInsertRowid,
      );
    } else {
      meetingId = input.id;
      prepared(ctx.db, 'update meetings set date = ?, title = ?, agenda = ?, decisions = ?, updated_at = ? where id = ?').run(
        input.date,
        input.subject,
        input.agenda,
        input.decisions,
        now,
        meetingId,
      );
      prepared(ctx.db, 'delete from meeting_attendees where meeting_id = ?').run(meetingId);
    }
    const addAttendee = prepared(ctx.db, 'insert into meeting_attendees (meeting_id, rep_id, operator_id) values (?, ?, ?)');
    for (const r of repIds) addAttendee.run(meetingId, r, null);
    for (const o of operatorIds) addAttendee.run(meetingId, null, o);

    const del = prepared(ctx.db, 'delete from meeting_action_items where id = ?');
    for (const itemId of existing.keys()) if (!seen.has(itemId)) del.run(itemId);
    const ins = prepared(
      ctx.db,
      `insert into meeting_action_items (meeting_id, seq, content, owner_rep_id, owner_operator_id, due_date, done, done_date)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const upd = prepared(
      ctx.db,
      `update meeting_action_items set seq = ?, content = ?, owner_rep_id = ?, owner_operator_id = ?, due_date = ?, done = ?,
         done_date = ?, done_in_meeting_id = null where id = ? and meeting_id = ?`,
    );
    input.actionItems.forEach((it, i) => {
      const was = it.id === undefined ? undefined : existing.get(it.id);
      // done at this meeting, unless it was already done earlier
      const doneDate = it.done ? (was?.done === 1 && was.doneDate ? was.doneDate : input.date) : null;
      const values = [it.content, it.ownerRepId ?? null, it.ownerOperatorId ?? null, it.dueDate ?? null, it.done ? 1 : 0, doneDate];
      if (it.id === undefined) ins.run(meetingId, i + 1, ...values);
      else upd.run(i + 1, ...values, it.id, meetingId);
    });
    recordAudit(ctx, {
      action: before ? 'update' : 'create',
      entity: 'meeting',
      entityId: meetingId,
      before,
      after: snapshot(ctx, meetingId),
    });
    return meetingId;
  })();
  return meetingDetail(ctx, id);
}

/**
 * Marks an item done or open again. With meetingId: the meeting where that happened — its own meeting, or a later one
 * (recorded as done_in_meeting_id, and the done date is that meeting's date).
 */
export function setItemDone(ctx: Ctx, input: ParsedInput<'meetings.setItemDone'>): Output<'meetings.setItemDone'> {
  ctx.db.transaction(() => {
    const item = itemById(ctx, input.itemId);
    const origin = head(ctx, item.meetingId);
    let doneIn: number | null = null;
    let doneDate: string | null = null;
    if (input.done) {
      doneDate = todayLocal(ctx);
      if (input.meetingId !== undefined && input.meetingId !== item.meetingId) {
        const m = head(ctx, input.meetingId, 'meetingId');
        if (m.date <= origin.date) {
          throw new DomainError(
            'VALIDATION',
            `会议：事项来自 ${origin.date} 的会议「${origin.subject}」，只能在之后的会议中勾选完成（${m.date} 不在其后）`,
            'meetingId',
          );
        }
        doneIn = m.id;
        doneDate = m.date;
      } else if (input.meetingId !== undefined) {
        doneDate = origin.date;
      }
    } else if (input.meetingId !== undefined) {
      head(ctx, input.meetingId, 'meetingId');
    }
    prepared(ctx.db, 'update meeting_action_items set done = ?, done_date = ?, done_in_meeting_id = ? where id = ?').run(
      input.done ? 1 : 0,
      doneDate,
      doneIn,
      item.id,
    );
    prepared(ctx.db, 'update meetings set updated_at = ? where id = ?').run(nowIso(ctx), item.meetingId);
    const after = itemById(ctx, item.id);
    recordAudit(ctx, {
      action: 'update',
      entity: 'meeting',
      entityId: item.meetingId,
      before: { actionItem: { content: item.content, done: item.done, doneDate: item.doneDate, doneInMeetingId: item.doneInMeetingId } },
      after: { actionItem: { content: after.content, done: after.done, doneDate: after.doneDate, doneInMeetingId: after.doneInMeetingId } },
    });
  })();
  return itemById(ctx, input.itemId);
}

type ListInput = ParsedInput<'meetings.list'>;
const sortSql: Record<NonNullable<ListInput['sort']>['field'], string> = { date: 'm.date', subject: 'm.title', updatedAt: 'm.updated_at' };

export function listMeetings(ctx: Ctx, input: ListInput): Output<'meetings.list'> {
  const where = new Where().range('m.date', input.from, input.to).search(haystack('m.title', 'm.agenda', 'm.decisions'), input.search);
  if (input.repId !== undefined) {
    where.clauses.push('exists (select 1 from meeting_attendees a where a.meeting_id = m.id and a.rep_id = ?)');
    where.params.push(input.repId);
  }
  const order = input.sort ? `${sortSql[input.sort.field]} ${input.sort.order}, m.id ${input.sort.order}` : 'm.date desc, m.id desc';
  const total = count(ctx.db, `select count(*) as n from meetings m ${where.sql}`, where.params);
  const rows = prepared(
    ctx.db,
    `select m.id, m.date, m.title as subject, m.updated_at as updatedAt,
       coalesce((select group_concat(name, '、') from (select coalesce(r.name, o.name) as name from meeting_attendees a
         left join reps r on r.id = a.rep_id left join operators o on o.id = a.operator_id where a.meeting_id = m.id order by a.id)), '') as attendeeNames,
       (select count(*) from meeting_action_items i where i.meeting_id = m.id) as itemCount,
       (select count(*) from meeting_action_items i where i.meeting_id = m.id and i.done = 0) as openItemCount
     from meetings m ${where.sql} order by ${order} limit ? offset ?`,
  ).all(...where.params, input.pageSize, (input.page - 1) * input.pageSize) as Output<'meetings.list'>['rows'];
  return { rows, total };
}
