// 销售会议 editor: action items typed from the keyboard (Alt+N adds a row with the cursor in it, Enter walks the cells
// and in the last cell of the last row adds the next row, Ctrl+Delete drops a row, Ctrl+S saves exactly what was typed),
// and a carried-over item ticked in this meeting is marked done with this meeting's id.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { MeetingDetail } from '@shared/contract';
import { parseDue } from '@/views/meetings/meetingForm';
import { activeField, enter, mountAt, optionTexts, press, settle, typeHere, unmountAll } from './dailyFormsFixtures';

const SLOW = { timeout: 120_000 };

const meeting = (extra: Partial<MeetingDetail> = {}): MeetingDetail => ({
  id: 5,
  date: '2026-03-09',
  subject: '周例会',
  agenda: '',
  decisions: '',
  attendees: [{ repId: 3, operatorId: null, name: '张伟' }],
  actionItems: [
    {
      id: 40,
      meetingId: 5,
      seq: 1,
      content: '整理库存',
      ownerRepId: 3,
      ownerOperatorId: null,
      ownerName: '张伟',
      dueDate: null,
      done: false,
      doneDate: null,
      doneInMeetingId: null,
    },
  ],
  carriedOver: [
    {
      id: 31,
      meetingId: 4,
      seq: 1,
      content: '催收货款',
      ownerRepId: 3,
      ownerOperatorId: null,
      ownerName: '张伟',
      dueDate: '2026-03-06',
      done: false,
      doneDate: null,
      doneInMeetingId: null,
      meetingDate: '2026-03-02',
      meetingSubject: '上周例会',
    },
  ],
  createdAt: '2026-03-09T01:00:00.000Z',
  updatedAt: '2026-03-09T01:00:00.000Z',
  ...extra,
});

describe('due dates as typed', () => {
  it("in the meeting's year unless a year is typed; not a date → null", () => {
    expect(['0310', '3-10', '3/10', '2027-3-1', '2026年3月10日', ''].map((x) => parseDue(x, '2026-03-09'))).toEqual([
      '2026-03-10',
      '2026-03-10',
      '2026-03-10',
      '2027-03-01',
      '2026-03-10',
      '',
    ]);
    expect(['0230', '13-01', 'abc', '310'].map((x) => parseDue(x, '2026-03-09'))).toEqual([null, null, null, null]);
  });
});

describe('meeting editor', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(unmountAll);

  it('action items from the keyboard: Alt+N, Enter through the cells adds the next row, Ctrl+Delete, Ctrl+S', SLOW, async () => {
    let saved: unknown;
    const core = await mountAt(
      '/meetings/5',
      {
        'meetings.get': () => meeting(),
        'operators.list': () => ({ rows: [{ id: 1, name: '王经理', role: 'manager', repId: null, active: true }], total: 1 }),
        'meetings.save': (input: unknown) => {
          saved = input;
          return meeting();
        },
      },
      'meeting-items',
    );
    await vi.waitFor(() => expect(activeField()).toBe('meeting-subject'));
    // the loaded item and a blank row to type into; Alt+N adds another row with the cursor in its first cell
    press('n', { altKey: true, code: 'KeyN' });
    await vi.waitFor(() => expect(activeField()).toBe('mi-content-2'));
    await typeHere('准备新品样品');
    await enter();
    expect(activeField()).toBe('mi-owner-2');
    await typeHere('zw');
    await vi.waitFor(() => expect(optionTexts()).toContain('张伟'));
    await enter();
    await vi.waitFor(() => expect(activeField()).toBe('mi-due-2'));
    await typeHere('0316');
    await enter();
    expect(activeField()).toBe('mi-done-2');
    // Enter in the last cell of the last row: a new row, cursor in its item
    await enter();
    await vi.waitFor(() => expect(activeField()).toBe('mi-content-3'));
    await typeHere('多余的一行');
    press('Delete', { ctrlKey: true, code: 'Delete' });
    await vi.waitFor(() => expect(activeField()).toBe('mi-content-2'));
    press('s', { ctrlKey: true, code: 'KeyS' });
    await vi.waitFor(() => expect(core.of('meetings.save')).toHaveLength(1));
    expect(core.rejected).toEqual([]);
    expect(saved).toEqual({
      id: 5,
      date: '2026-03-09',
      subject: '周例会',
      agenda: '',
      decisions: '',
      attendees: { repIds: [3], operatorIds: [] },
      actionItems: [
        { id: 40, content: '整理库存', ownerRepId: 3, dueDate: null, done: false },
        { content: '准备新品样品', ownerRepId: 3, dueDate: '2026-03-16', done: false },
      ],
    });
  });

  it('ticking a carried-over item marks it done in this meeting', SLOW, async () => {
    const core = await mountAt(
      '/meetings/5',
      {
        'meetings.get': () => meeting(),
        'operators.list': () => ({ rows: [], total: 0 }),
        'meetings.setItemDone': (input: { itemId: number }) => ({
          ...meeting().carriedOver[0]!,
          id: input.itemId,
          done: true,
          doneDate: '2026-03-09',
          doneInMeetingId: 5,
        }),
      },
      'meeting-carried',
    );
    const box = document.querySelector<HTMLInputElement>('[data-test="carried-done-0"] input')!;
    expect(document.querySelector('[data-test="meeting-carried"]')?.textContent).toContain('上周例会');
    box.click();
    await vi.waitFor(() => expect(core.of('meetings.setItemDone')).toHaveLength(1));
    expect(core.of('meetings.setItemDone')[0]!.input).toEqual({ itemId: 31, done: true, meetingId: 5 });
    await settle();
    expect(document.querySelector<HTMLInputElement>('[data-test="carried-done-0"] input')!.checked).toBe(true);
  });
});
