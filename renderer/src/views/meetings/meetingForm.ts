// The meeting as the editor holds it (owner as one picker value 'r:3' / 'o:5', blank rows allowed) and as the contract
// takes it (blank rows left out).
import type { Input, MeetingDetail } from '@shared/contract';

export interface ItemForm {
  key: number;
  id?: number;
  content: string;
  /** 'r:<repId>' or 'o:<operatorId>', '' for none */
  owner: string;
  /** as typed (2026-03-10, 3-10, 0310); read on save */
  dueDate: string;
  done: boolean;
}

export interface MeetingForm {
  date: string;
  subject: string;
  agenda: string;
  decisions: string;
  /** 'r:<repId>' / 'o:<operatorId>' */
  attendees: string[];
  items: ItemForm[];
}

let nextKey = 1;

export const blankItem = (): ItemForm => ({ key: nextKey++, content: '', owner: '', dueDate: '', done: false });
export const isBlankItem = (i: ItemForm): boolean => !i.content.trim() && !i.owner && !i.dueDate.trim() && !i.done;

export const personKey = (repId: number | null, operatorId: number | null): string =>
  repId !== null ? `r:${repId}` : operatorId !== null ? `o:${operatorId}` : '';

function splitPerson(key: string): { repId: number | null; operatorId: number | null } {
  const m = /^([ro]):(\d+)$/.exec(key);
  if (!m) return { repId: null, operatorId: null };
  return m[1] === 'r' ? { repId: Number(m[2]), operatorId: null } : { repId: null, operatorId: Number(m[2]) };
}

export function meetingFormFrom(d: MeetingDetail | null, today: string): MeetingForm {
  if (!d) return { date: today, subject: '', agenda: '', decisions: '', attendees: [], items: [blankItem()] };
  return {
    date: d.date,
    subject: d.subject,
    agenda: d.agenda,
    decisions: d.decisions,
    attendees: d.attendees.map((a) => personKey(a.repId, a.operatorId)),
    items: [
      ...d.actionItems.map((i) => ({
        key: nextKey++,
        id: i.id,
        content: i.content,
        owner: personKey(i.ownerRepId, i.ownerOperatorId),
        dueDate: i.dueDate ?? '',
        done: i.done,
      })),
      blankItem(),
    ],
  };
}

export function meetingSaveInput(f: MeetingForm, id: number | undefined): Input<'meetings.save'> {
  const people = f.attendees.map(splitPerson);
  return {
    ...(id ? { id } : {}),
    date: f.date,
    subject: f.subject,
    agenda: f.agenda,
    decisions: f.decisions,
    attendees: {
      repIds: people.flatMap((p) => (p.repId === null ? [] : [p.repId])),
      operatorIds: people.flatMap((p) => (p.operatorId === null ? [] : [p.operatorId])),
    },
    actionItems: f.items
      .filter((i) => !isBlankItem(i))
      .map((i) => {
        const owner = splitPerson(i.owner);
        return {
          ...(i.id ? { id: i.id } : {}),
          content: i.content,
          ...(owner.repId !== null ? { ownerRepId: owner.repId } : {}),
          ...(owner.operatorId !== null ? { ownerOperatorId: owner.operatorId } : {}),
          dueDate: parseDue(i.dueDate, f.date) || null,
          done: i.done,
        };
      }),
  };
}

/**
 * A due date as typed: 2026-03-10, 2026/3/10, 3-10, 3/10 or 0310 (month and day in the meeting's year). '' for nothing
 * typed, null when it is not a date.
 */
export function parseDue(text: string, meetingDate: string): string | null {
  const s = text
    .trim()
    .replace(/[/.年月]/g, '-')
    .replace(/日$/, '');
  if (!s) return '';
  const year = meetingDate.slice(0, 4);
  const m = /^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$/.exec(s) ?? /^()(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1] || year), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
