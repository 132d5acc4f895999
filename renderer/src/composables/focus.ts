// Where the cursor goes: the first field whenever a form opens (synchronously, so the first keystrokes land in it),
// and the first cell of a row just added to an editable table.
import { nextTick, watch } from 'vue';
import { fieldSelector, formFields, installKeyboardEntry } from './keyboard';

const asField = (el: Element | null): HTMLElement | null =>
  !el ? null : el.matches(fieldSelector) ? (el as HTMLElement) : el.querySelector<HTMLElement>(fieldSelector);

/** Cursor into a form's first field: the one marked data-autofocus, else the first field Enter visits. */
export function focusFirstField(root: HTMLElement | null | undefined): boolean {
  if (!root) return false;
  installKeyboardEntry();
  const target = asField(root.querySelector('[data-autofocus]')) ?? formFields(root)[0];
  if (!target) return false;
  target.focus();
  return document.activeElement === target;
}

/** Selects the focused field's text again (after edit data filled it), so typing still replaces the value. */
export function reselectActiveField(root: HTMLElement | null | undefined): void {
  const active = document.activeElement;
  if (root && active instanceof HTMLInputElement && root.contains(active) && !active.closest('.el-select')) active.select();
}

/** A dialog form: the first field has the cursor every time `open` turns true — as soon as the form is in the DOM,
 *  not after the opening animation, so nothing typed meanwhile is lost. */
export function useFocusOnOpen(open: () => boolean, root: () => HTMLElement | null | undefined): void {
  installKeyboardEntry();
  watch(
    open,
    async (isOpen) => {
      if (!isOpen) return;
      // a dialog open from the start renders its body a tick later, and its focus trap may take the cursor to the
      // dialog's frame once: keep the first field focused for a few ticks, unless the user has moved on
      let focused = false;
      for (let tick = 0; tick < 5; tick++) {
        const form = root();
        const active = document.activeElement;
        if (!form?.contains(active)) {
          if (focused && !(active === document.body || active?.contains(form ?? null))) return;
          focused = focusFirstField(form) || focused;
        }
        await nextTick();
      }
    },
    { flush: 'post', immediate: true },
  );
}

/** After a row was added to an editable table: the cursor goes to that row's first cell. */
export async function focusNewRow(table: HTMLElement | null | undefined, rowIndex: number): Promise<boolean> {
  // el-table renders a new row a tick or two after its data changes
  for (let tick = 0; tick < 5; tick++) {
    await nextTick();
    const row = table?.querySelectorAll<HTMLElement>('.el-table__body-wrapper tr.el-table__row')[rowIndex];
    const cell = row && formFields(row)[0];
    if (cell) {
      cell.focus();
      return document.activeElement === cell;
    }
  }
  return false;
}
