import type { CustomerDetail, Input } from '@shared/contract';

type SaveInput = Input<'customers.save'>;
export type ContactForm = NonNullable<SaveInput['contacts']>[number] & {
  name: string;
  title: string;
  phone: string;
  email: string;
  wechat: string;
  isPrimary: boolean;
};

export interface CustomerForm {
  code: string;
  name: string;
  shortName: string;
  type: NonNullable<SaveInput['type']>;
  regionId: number | null;
  address: string;
  phone: string;
  industry: string;
  scale: NonNullable<SaveInput['scale']> | null;
  source: NonNullable<SaveInput['source']> | null;
  repId: number | null;
  dealerId: number | null;
  grade: NonNullable<SaveInput['grade']>;
  lifecycle: NonNullable<SaveInput['lifecycle']>;
  /** null while the typed amount is not a valid number */
  creditLimitFen: number | null;
  /** null when empty, NaN when not a whole number (NumberInput); the form rule refuses both */
  paymentTermDays: number | null;
  tags: string[];
  notes: string;
  contacts: ContactForm[];
}

/** The form's starting values: a new customer, or a copy of an existing one (detail-only fields dropped). */
export function blankCustomer(c?: CustomerDetail): CustomerForm {
  return {
    code: c?.code ?? '',
    name: c?.name ?? '',
    shortName: c?.shortName ?? '',
    type: c?.type ?? 'retail',
    regionId: c?.regionId ?? null,
    address: c?.address ?? '',
    phone: c?.phone ?? '',
    industry: c?.industry ?? '',
    scale: c?.scale ?? null,
    source: c?.source ?? null,
    repId: c?.repId ?? null,
    dealerId: c?.dealerId ?? null,
    grade: c?.grade ?? 'C',
    lifecycle: c?.lifecycle ?? 'prospect',
    creditLimitFen: c?.creditLimitFen ?? 0,
    paymentTermDays: c?.paymentTermDays ?? 30,
    tags: [...(c?.tags ?? [])],
    notes: c?.notes ?? '',
    contacts: (c?.contacts ?? []).map((k) => ({
      id: k.id,
      name: k.name,
      title: k.title,
      phone: k.phone,
      email: k.email,
      wechat: k.wechat,
      isPrimary: k.isPrimary,
    })),
  };
}
