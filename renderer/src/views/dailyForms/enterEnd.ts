// Enter where a form's walk ends: in the last cell of a table's last row it adds a row, in a dialog's last field it
// confirms. Put v-enter-end on an element around the v-enter-next form: its capture listener runs first and takes the
// Enter only when the handler says so; every other Enter is left to the form mechanism.
import type { Directive } from 'vue';
import { formFields } from '@/composables/keyboard';

/** Returns true when it took this Enter. */
export type EnterEndHandler = (target: HTMLElement, event: KeyboardEvent) => boolean;

const handlers = new WeakMap<HTMLElement, EnterEndHandler>();

export const vEnterEnd: Directive<HTMLElement, EnterEndHandler> = {
  mounted(el, binding) {
    handlers.set(el, binding.value);
    el.addEventListener(
      'keydown',
      (event: KeyboardEvent) => {
        if (event.key !== 'Enter' || event.isComposing || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
        const target = event.target as HTMLElement;
        if (target.tagName === 'TEXTAREA' || target.closest('.el-select-dropdown, .el-picker-panel')) return;
        if (handlers.get(el)?.(target, event)) {
          event.preventDefault();
          event.stopPropagation();
        }
      },
      true,
    );
  },
  updated(el, binding) {
    handlers.set(el, binding.value);
  },
};

/** Is `target` the last field Enter visits inside `root`? */
export function isLastField(root: Element | null | undefined, target: HTMLElement): boolean {
  if (!root) return false;
  const fields = formFields(root, target);
  return fields.length > 0 && fields[fields.length - 1] === target;
}
