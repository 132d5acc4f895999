// The visit plan as the editor holds it (times as typed, purposes as parsed, blank rows allowed) and as the contract
// takes it (blank rows left out, times as HH:MM or null).
import type { Input } from '@shared/contract';
import type { VisitPlanDetail } from '@shared/contract/visitPlans';
import type { VisitPurpose } from '@shared/domain/dailyForms';
import { listRegionPath } from '@/components/list/regionPath';
import { parseTime } from '../dailyForms/entry';

export interface PlanLineForm {
  /** a stable row key for the table */
  key: number;
  /** the stored line's id, so report lines that point at it stay linked */
  id?: number;
  customerId: number | null;
  customerName: string;
  regionPath: string;
  /** as typed; read on save */
  time: string;
  /** null while the typed text is not purposes */
  purposes: VisitPurpose[] | null;
  contact: string;
  /** the picked customer's primary contact, put in while the clerk had typed no contact of their own */
  contactDefault: string;
  notes: string;
}

export interface PlanForm {
  notes: string;
  lines: PlanLineForm[];
}

let nextKey = 1;

export const blankPlanLine = (): PlanLineForm => ({
  key: nextKey++,
  customerId: null,
  customerName: '',
  regionPath: '',
  time: '',
  purposes: [],
  contact: '',
  contactDefault: '',
  notes: '',
});

export const isBlankPlanLine = (l: PlanLineForm): boolean =>
  l.customerId === null && !l.time.trim() && l.purposes !== null && l.purposes.length === 0 && !l.contact.trim() && !l.notes.trim();

/** Lines of a stored plan; `copy` leaves out their ids (lines copied from another day are new lines). */
export function planLinesFrom(detail: VisitPlanDetail, copy = false): PlanLineForm[] {
  return detail.lines.map((l) => ({
    key: nextKey++,
    ...(copy ? {} : { id: l.id }),
    customerId: l.customerId,
    customerName: l.customerName,
    regionPath: l.regionPath,
    time: l.plannedTime ?? '',
    purposes: [...l.purposes],
    contact: l.contact,
    // the stored contact counts as the line's customer's: picking another customer puts in that one's contact
    contactDefault: l.contact,
    notes: l.notes,
  }));
}

export const planFormFrom = (detail: VisitPlanDetail | null): PlanForm => ({
  notes: detail?.notes ?? '',
  lines: detail && detail.lines.length ? planLinesFrom(detail) : [blankPlanLine()],
});

/** A customer picked on a line: its region, and its primary contact unless the clerk typed a contact of their own. */
export function pickCustomer(line: PlanLineForm, customer: { name: string; regionPath: string[]; primaryContact: string } | null): void {
  line.customerName = customer?.name ?? '';
  line.regionPath = customer ? listRegionPath(customer.regionPath) : '';
  const untouched = line.contact === '' || line.contact === line.contactDefault;
  line.contactDefault = customer?.primaryContact ?? '';
  if (untouched) line.contact = line.contactDefault;
}

export function planSaveInput(form: PlanForm, repId: number, date: string, id: number | undefined): Input<'visitPlans.save'> {
  return {
    ...(id ? { id } : {}),
    repId,
    date,
    notes: form.notes.trim(),
    lines: form.lines
      .filter((l) => !isBlankPlanLine(l))
      .map((l) => ({
        ...(l.id ? { id: l.id } : {}),
        customerId: l.customerId!,
        plannedTime: parseTime(l.time) || null,
        purposes: [...(l.purposes ?? [])],
        contact: l.contact.trim(),
        notes: l.notes.trim(),
      })),
  };
}
