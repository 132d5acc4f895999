// Lists driven from the keyboard: ↑ / ↓ move the current row, Enter opens it, Alt+N starts a new record.
import { nextTick, onActivated, onBeforeUnmount, onDeactivated, onMounted, type Ref } from 'vue';

/** Alt+N: Ctrl+N opens a new window in a browser and cannot be taken over there; Alt+N works in Electron and Chromium. */
export const NEW_SHORTCUT_LABEL = 'Alt+N';

/** Per list, the id of the current row: it stays current after a trip to its detail page and back. */
export const lastCurrentId = new Map<string, number>();

export function isNewShortcut(e: KeyboardEvent): boolean {
  // e.code, not e.key: on macOS Alt+N types a dead key, and an IME may rewrite the key
  return e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyN';
}

// elements that use ↑ / ↓ / Enter themselves
const INTERACTIVE =
  'input, textarea, select, button, a[href], [contenteditable=""], [contenteditable="true"], [role="button"], [role="radio"], [role="checkbox"], [role="switch"], [role="combobox"], [role="tab"], [role="treeitem"], [role="menuitem"]';
// focus inside one of these belongs to a dialog, a drawer or a picker's popup, not to the list
const OVERLAY = '.el-overlay, .el-popper, [role="dialog"], [aria-modal="true"]';

export interface ListKeyboardOptions<Row> {
  /** The table's panel: focus inside it (outside a button or input) drives the rows. */
  panel: Ref<HTMLElement | undefined>;
  /** The search box, which also moves the rows with ↑ / ↓. */
  searchInput: () => HTMLInputElement | null | undefined;
  rows: Ref<Row[]>;
  current: () => Row | null;
  setCurrent: (row: Row) => void;
  open?: (row: Row) => void;
  onNew?: () => void;
  /** Called when ↑ / ↓ moved the row while the search box had the focus. */
  onMovedFromSearch?: () => void;
}

export function useListKeyboard<Row>(o: ListKeyboardOptions<Row>) {
  function scrollCurrentIntoView() {
    void nextTick(() => {
      const el = o.panel.value?.querySelector<HTMLElement>('.el-table__body tr.current-row');
      el?.scrollIntoView?.({ block: 'nearest' });
    });
  }

  function move(step: 1 | -1) {
    const rows = o.rows.value;
    if (rows.length === 0) return;
    const cur = o.current();
    const idx = cur ? rows.indexOf(cur) : -1;
    const next = idx < 0 ? (step === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, idx + step));
    o.setCurrent(rows[next]!);
    scrollCurrentIntoView();
  }

  function onKeydown(e: KeyboardEvent) {
    if (e.defaultPrevented || e.isComposing || !o.panel.value?.isConnected) return;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onBody = !active || active === document.body;
    if (!onBody && active!.closest(OVERLAY)) return;

    if (isNewShortcut(e)) {
      if (!o.onNew) return;
      e.preventDefault();
      o.onNew();
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const inSearch = !!active && active === o.searchInput();
    const inPanel = !!active && !!o.panel.value?.contains(active) && !active.matches(INTERACTIVE);
    if (!onBody && !inSearch && !inPanel) return;

    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
      if (inSearch) o.onMovedFromSearch?.();
    } else if (e.key === 'Enter' && !inSearch) {
      // the search box handles its own Enter (open the single hit, or search)
      const cur = o.current();
      if (cur && o.open) {
        e.preventDefault();
        o.open(cur);
      }
    }
  }

  // a list kept alive in the background must not answer keys meant for the page on screen
  const listen = () => document.addEventListener('keydown', onKeydown);
  const stop = () => document.removeEventListener('keydown', onKeydown);
  onMounted(listen);
  onActivated(listen); // adding the same listener twice is a no-op
  onDeactivated(stop);
  onBeforeUnmount(stop);

  return { move };
}
