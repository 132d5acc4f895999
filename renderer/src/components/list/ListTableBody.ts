// The rows of a list table, drawn by a render function: a page's cell slot is called straight into its cell (no
// slot fragment per cell, no forwarding through the list page), and the rows carry no listeners of their own (the
// table listens once on the body). 50 rows × 10 columns is 500 cells on every page, sort and visit.
//
// A new answer is drawn in two steps: the rows that fit on screen first, the rest (below the fold) right after that
// frame is painted. Until then a row below the fold keeps what it showed, or waits when there was nothing there.
import { defineComponent, h, shallowRef, watch, type PropType, type Slot, type VNode, type VNodeArrayChildren } from 'vue';
import { pageContentShown } from '@/lib/preloadPages';

/** What a cell needs from its column, worked out once per column by the table. */
export interface BodyColumn {
  key: string;
  prop: string;
  tdClass: string;
  cellClass: string;
  cellStyle: { width: string } | undefined;
  fixedStyle: { left?: string; right?: string } | undefined;
}

const NO_DEPS: unknown[] = [];

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
    /** How many rows fit on screen: a new answer draws these first (Infinity: all at once). */
    first: { type: Number, default: Number.POSITIVE_INFINITY },
  },
  setup(props) {
    /** Rows of the current answer drawn so far. */
    const limit = shallowRef(Number.POSITIVE_INFINITY);
    let step = 0;
    watch(
      () => props.rows,
      (rows) => {
        const mine = ++step;
        // the first rows of the app are in: the menu's pages load a little later (lib/preloadPages)
        if (rows.length > 0) pageContentShown();
        if (rows.length <= props.first || typeof requestAnimationFrame !== 'function') {
          limit.value = Number.POSITIVE_INFINITY;
          return;
        }
        limit.value = props.first;
        // the rest once the first rows are on screen: after the next frame, in a task of its own
        requestAnimationFrame(() =>
          setTimeout(() => {
            if (mine !== step) return;
            limit.value = Number.POSITIVE_INFINITY;
          }, 0),
        );
      },
      { flush: 'pre' },
    );
    /** The row vnodes on screen, by position. */
    let shown: VNode[] = [];
    return { limit, shown: () => shown, setShown: (rows: VNode[]) => (shown = rows) };
  },
  render() {
    const { rows, columns, current, rowClassName, cells, limit } = this;
    const slots = columns.map((c) => cells[`cell-${c.key}`]);
    const before = this.shown();
    const drawn: VNode[] = [];
    for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
      if (rowIndex >= limit) {
        // below the fold, for one frame: what is there stays (the same vnode: nothing to patch); nothing new is added
        const old = before[rowIndex];
        if (!old) break;
        drawn.push(old);
        continue;
      }
      const row = rows[rowIndex]!;
      {
        let cls = 'el-table__row';
        if (row === current) cls += ' current-row';
        if (rowIndex % 2 === 1) cls += ' el-table__row--striped';
        const extra = rowClassName?.({ row, rowIndex });
        if (extra) cls += ` ${extra}`;
        const tr = h(
          'tr',
          { class: cls },
          columns.map((c, i) => {
            const slot = slots[i];
            const content: VNodeArrayChildren | string = slot ? slot({ row, index: rowIndex }) : cellText(row, c.prop);
            return h('td', { class: c.tdClass, style: c.fixedStyle }, [h('div', { class: c.cellClass, style: c.cellStyle }, content)]);
          }),
        );
        // marked as v-memo marks its vnodes, so that handing this very vnode back on the next render (a row below the
        // fold, above) is a no-op for the renderer instead of a copy it patches cell by cell
        (tr as VNode & { memo?: unknown[] }).memo = NO_DEPS;
        drawn.push(tr);
      }
    }
    this.setShown(drawn);
    return h('tbody', { tabindex: -1 }, drawn);
  },
});
