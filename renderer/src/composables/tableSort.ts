// el-table's sort event ↔ the contract's { field, order }: only whitelisted fields reach the server.
type TableOrder = 'ascending' | 'descending' | null;

export interface ServerSort<F extends string> {
  field: F;
  order: 'asc' | 'desc';
}

export function toServerSort<F extends string>(fields: readonly F[], prop: string, order: TableOrder): ServerSort<F> | undefined {
  return order && (fields as readonly string[]).includes(prop)
    ? { field: prop as F, order: order === 'ascending' ? 'asc' : 'desc' }
    : undefined;
}

export function toTableSort(sort: { field: string; order: 'asc' | 'desc' } | undefined) {
  return sort ? { prop: sort.field, order: sort.order === 'asc' ? ('ascending' as const) : ('descending' as const) } : undefined;
}
