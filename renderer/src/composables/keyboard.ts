// Keyboard-first entry: Enter moves to the next field, Ctrl+S saves.
import { onBeforeUnmount, onMounted, type Directive } from 'vue';

const focusableSelector = 'input:not([disabled]):not([type=hidden]):not([readonly]), textarea:not([disabled]), button.enter-stop';

/** v-enter-next on a form: Enter in a single-line input focuses the next input (textareas keep their Enter).
 *  Listens in the capture phase so a closed dropdown does not swallow the Enter; an open one keeps it to pick an option. */
export const vEnterNext: Directive<HTMLElement> = {
  mounted(el) {
    el.addEventListener(
      'keydown',
      (event: KeyboardEvent) => {
        if (event.key !== 'Enter' || event.isComposing || event.shiftKey || event.ctrlKey || event.altKey) return;
        const target = event.target as HTMLElement;
        if (target.tagName === 'TEXTAREA' || target.closest('.el-select-dropdown, .el-picker-panel')) return;
        // let open dropdowns (select, tags) take the Enter themselves
        if (target.getAttribute('aria-expanded') === 'true' || target.closest('[data-enter-keep]')) return;
        const fields = Array.from(el.querySelectorAll<HTMLElement>(focusableSelector)).filter(
          (f) => f.offsetParent !== null || f === target,
        );
        const index = fields.indexOf(target);
        if (index < 0) return;
        event.preventDefault();
        event.stopPropagation();
        const next = fields[index + 1];
        if (next) next.focus();
      },
      true,
    );
  },
};

export function useSaveShortcut(save: () => void): void {
  const onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      save();
    }
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
