// Rows of a daily form's table typed from the keyboard, the way the customer form's contacts work and then some: Enter
// in the last cell of the last row adds a row with the cursor in its first cell; Enter in the first cell of a blank last
// row (nothing typed, picker shut) drops that row and moves on below the table; Alt+N adds a row, Ctrl+Delete deletes
// the row with the cursor.
import { nextTick, onBeforeUnmount, onMounted } from 'vue';
import type { FormItemRule } from 'element-plus';
import { formFields } from '@/composables/keyboard';
import { focusFirstField, focusNewRow } from '@/composables/focus';
import { isNewShortcut } from '@/composables/listKeyboard';

export interface EditableRowsOptions<L> {
  lines: () => L[];
  blank: () => L;
  isBlank: (line: L) => boolean;
  /** the el-table's element */
  table: () => HTMLElement | null | undefined;
  /** the editor around the form: shortcuts count only while the cursor is inside it */
  root: () => HTMLElement | null | undefined;
  editable: () => boolean;
  /** the field the cursor goes to when a blank last row is left */
  after: () => HTMLElement | null | undefined;
}

const rowsOf = (table: HTMLElement | null | undefined) =>
  Array.from(table?.querySelectorAll<HTMLElement>('.el-table__body-wrapper tr.el-table__row') ?? []);

export function useEditableRows<L>(o: EditableRowsOptions<L>) {
  function addRow(): Promise<boolean> {
    const lines = o.lines();
    lines.push(o.blank());
    return focusNewRow(o.table(), lines.length - 1);
  }

  async function removeRow(index: number) {
    const lines = o.lines();
    if (index < 0 || index >= lines.length) return;
    lines.splice(index, 1);
    if (lines.length === 0) lines.push(o.blank());
    await focusNewRow(o.table(), Math.min(index, lines.length - 1));
  }

  /** For v-enter-end: the Enters that belong to the table's last row. */
  function onEnterEnd(target: HTMLElement): boolean {
    if (!o.editable()) return false;
    const rows = rowsOf(o.table());
    const row = target.closest<HTMLElement>('tr.el-table__row');
    const index = row ? rows.indexOf(row) : -1;
    if (index < 0 || index !== rows.length - 1) return false;
    const line = o.lines()[index];
    if (line === undefined) return false;
    // an open picker takes its own Enter (it picks the highlighted option)
    if (target.closest('.el-select') && target.getAttribute('aria-expanded') === 'true') return false;
    const fields = formFields(row!, target);
    if (o.isBlank(line)) {
      const shut = target.getAttribute('aria-expanded') !== 'true' && (target as HTMLInputElement).value === '';
      if (target !== fields[0] || !shut || o.lines().length < 2) return false;
      o.lines().splice(index, 1);
      o.after()?.focus();
      return true;
    }
    if (target !== fields[fields.length - 1]) return false;
    void addRow();
    return true;
  }

  function onKeydown(event: KeyboardEvent) {
    const root = o.root();
    const active = document.activeElement;
    if (!o.editable() || !root || !(active === document.body || root.contains(active))) return;
    if (isNewShortcut(event)) {
      event.preventDefault();
      void addRow();
    } else if (event.ctrlKey && !event.altKey && !event.shiftKey && event.key === 'Delete') {
      const row = active?.closest<HTMLElement>('tr.el-table__row');
      const index = row ? rowsOf(o.table()).indexOf(row) : -1;
      if (index < 0) return;
      event.preventDefault();
      void removeRow(index);
    }
  }
  onMounted(() => document.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => document.removeEventListener('keydown', onKeydown));

  return { addRow, removeRow, onEnterEnd };
}

/** The cursor into the form's marked field as soon as it is rendered (a table cell appears a tick or two after the
 *  table), else into its first field. */
export async function focusFormOnOpen(root: () => HTMLElement | null | undefined): Promise<void> {
  for (let tick = 0; tick < 5 && !root()?.querySelector('[data-autofocus]'); tick++) await nextTick();
  focusFirstField(root());
}

/** A rule on one cell of a row: `check` names what is wrong; a blank row never fails (it is left out on save). */
export function lineRule<L>(line: L, isBlank: (line: L) => boolean, check: () => string | null): FormItemRule {
  return {
    trigger: 'blur',
    validator: (_rule, _value, done) => {
      const message = isBlank(line) ? null : check();
      return message ? done(new Error(message)) : done();
    },
  };
}
