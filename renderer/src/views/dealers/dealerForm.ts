import type { DealerDetail, Input } from '@shared/contract';

type SaveInput = Input<'dealers.save'>;

export interface DealerForm {
  code: string;
  name: string;
  shortName: string;
  channelType: NonNullable<SaveInput['channelType']>;
  tier: NonNullable<SaveInput['tier']>;
  contactName: string;
  phone: string;
  address: string;
  territoryRegionIds: number[];
  /** the date pickers clear to null or undefined */
  contractStart: string | null | undefined;
  contractEnd: string | null | undefined;
  /** null while the typed amount is not a valid number */
  depositFen: number | null;
  creditLimitFen: number | null;
  repId: number | null;
  status: NonNullable<SaveInput['status']>;
  notes: string;
}

/** The form's starting values: a new dealer, or a copy of an existing one (detail-only fields dropped). */
export function blankDealer(d?: DealerDetail): DealerForm {
  return {
    code: d?.code ?? '',
    name: d?.name ?? '',
    shortName: d?.shortName ?? '',
    channelType: d?.channelType ?? 'dealer',
    tier: d?.tier ?? 1,
    contactName: d?.contactName ?? '',
    phone: d?.phone ?? '',
    address: d?.address ?? '',
    territoryRegionIds: [...(d?.territoryIds ?? [])],
    contractStart: d?.contractStart ?? null,
    contractEnd: d?.contractEnd ?? null,
    depositFen: d?.depositFen ?? 0,
    creditLimitFen: d?.creditLimitFen ?? 0,
    repId: d?.repId ?? null,
    status: d?.status ?? 'active',
    notes: d?.notes ?? '',
  };
}

/** The contract input: trimmed text, empty dates as null, amounts as integer fen. */
export function toSaveInput(f: DealerForm, id?: number): SaveInput {
  return {
    ...(id ? { id } : {}),
    code: f.code.trim(),
    name: f.name.trim(),
    shortName: f.shortName.trim(),
    channelType: f.channelType,
    tier: f.tier,
    contactName: f.contactName.trim(),
    phone: f.phone.trim(),
    address: f.address.trim(),
    territoryRegionIds: [...f.territoryRegionIds],
    contractStart: f.contractStart || null,
    contractEnd: f.contractEnd || null,
    depositFen: f.depositFen ?? 0,
    creditLimitFen: f.creditLimitFen ?? 0,
    repId: f.repId ?? null,
    status: f.status,
    notes: f.notes.trim(),
  };
}
