import { describe, expect, it } from 'vitest';
import { toServerSort, toTableSort } from '@/composables/tableSort';

describe('table sort ↔ contract sort', () => {
  const fields = ['code', 'name'] as const;
  it('passes whitelisted columns through and drops the rest', () => {
    expect(toServerSort(fields, 'name', 'ascending')).toEqual({ field: 'name', order: 'asc' });
    expect(toServerSort(fields, 'code', 'descending')).toEqual({ field: 'code', order: 'desc' });
    expect(toServerSort(fields, 'phone', 'ascending')).toBeUndefined();
    expect(toServerSort(fields, 'name', null)).toBeUndefined();
  });
  it('shows the current sort on the table', () => {
    expect(toTableSort({ field: 'name', order: 'desc' })).toEqual({ prop: 'name', order: 'descending' });
    expect(toTableSort(undefined)).toBeUndefined();
  });
});
