// How a dealer's contract end and status are shown: the same on the list and the detail page.
import { CONTRACT_EXPIRY_WARNING_DAYS, type DealerStatus } from '@shared/domain/dealer';

export interface ExpiryNote {
  /** highlight: an active dealer whose contract ends within the warning window or has ended */
  warn: boolean;
  /** i18n key and count for the note beside the date, when highlighted */
  key?: 'dealer.expired' | 'dealer.expiresToday' | 'dealer.daysLeft';
  n?: number;
}

export function expiryNote(d: { contractDaysLeft: number | null; status: DealerStatus }): ExpiryNote {
  const left = d.contractDaysLeft;
  if (left === null || d.status !== 'active' || left > CONTRACT_EXPIRY_WARNING_DAYS) return { warn: false };
  if (left < 0) return { warn: true, key: 'dealer.expired' };
  if (left === 0) return { warn: true, key: 'dealer.expiresToday' };
  return { warn: true, key: 'dealer.daysLeft', n: left };
}

const statusTags = { active: 'success', suspended: 'warning', terminated: 'info' } as const satisfies Record<DealerStatus, string>;
export const statusTagType = (status: DealerStatus) => statusTags[status];
