// Sales rep enums with their zh-CN / en labels.
import type { Labelled } from './customer';

/** Employed or left: the words of the rep list, the export and the audit log. */
export const repStatusLabels: Record<'active' | 'inactive', Labelled> = {
  active: { zh: '在职', en: 'Active' },
  inactive: { zh: '离职', en: 'Left' },
};
