// Product enums with their zh-CN / en labels.
import type { Labelled } from './customer';

/** On sale or discontinued: the words of the product list, the export and the audit log. */
export const productStatusLabels: Record<'active' | 'inactive', Labelled> = {
  active: { zh: '在售', en: 'On sale' },
  inactive: { zh: '停用', en: 'Inactive' },
};
