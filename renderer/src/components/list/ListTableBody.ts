// The rows of a list table, drawn by a render function: a page's cell slot is called straight into its cell (no
// slot fragment per cell, no forwarding through the list page), and the rows carry no listeners of their own (the
// table listens once on the body). 50 rows × 10 columns is 500 cells on every page, sort and visit.
import { defineComponent, h, type PropType, type Slot, type VNodeArrayChildren } from 'vue';

/** What a cell needs from its column, worked out once per column by the table. */
export interface BodyColumn {
  key: string;
  prop: string;
  tdClass: string;
  cellClass: string;
  cellStyle: { width: string } | undefined;
  fixedStyle: { left?: string; right?: string } | undefined;
}

export type RowClassName<Row> = (data: { row: Row; rowIndex: number }) => string;

function cellText(row: object, prop: string): string {
  const v = (row as Record<string, unknown>)[prop];
  return v === null || v === undefined ? '' : String(v);
}

export default defineComponent({
  name: 'ListTableBody',
  props: {
    rows: { type: Array as PropType<readonly object[]>, required: true },
    columns: { type: Array as PropType<readonly BodyColumn[]>, required: true },
    current: { type: Object as PropType<object | null>, default: null },
    rowClassName: { type: Function as PropType<RowClassName<object>>, default: undefined },
    /** The page's slots: `cell-<key>` draws that column's cells, given `{ row, index }`. */
    cells: { type: Object as PropType<Readonly<Record<string, Slot | undefined>>>, required: true },
  },
  render() {
    const { rows, columns, current, rowClassName, cells } = this;
    const slots = columns.map((c) => cells[`cell-${c.key}`]);
    return h(
      'tbody',
      { tabindex: -1 },
      rows.map((row, rowIndex) => {
        let cls = 'el-table__row';
        if (row === current) cls += ' current-row';
        if (rowIndex % 2 === 1) cls += ' el-table__row--striped';
        const extra = rowClassName?.({ row, rowIndex });
        if (extra) cls += ` ${extra}`;
        return h(
          'tr',
          { class: cls },
          columns.map((c, i) => {
            const slot = slots[i];
            const content: VNodeArrayChildren | string = slot ? slot({ row, index: rowIndex }) : cellText(row, c.prop);
            return h('td', { class: c.tdClass, style: c.fixedStyle }, [h('div', { class: c.cellClass, style: c.cellStyle }, content)]);
          }),
        );
      }),
    );
  },
});
