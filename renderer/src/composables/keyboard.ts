// Keyboard-first entry, one mechanism for every form: Enter moves to the next field, a field's content is selected when
// the cursor enters it (so typing replaces a prefilled value), pickers open / pick / move on by Enter, Ctrl+S saves.
import { onBeforeUnmount, onMounted, type Directive } from 'vue';

/** The fields Enter walks through, in document order (selects count even when not filterable: Enter opens them). */
export const fieldSelector = [
  'input:not([disabled]):not([type=hidden]):not([readonly])',
  'input.el-select__input:not([disabled])',
  'textarea:not([disabled])',
  'button.enter-stop',
].join(', ');

const selectableTypes = new Set(['text', 'search', 'tel', 'url', 'email', 'number', 'password', '']);

/** Inputs whose content is selected when focused: every form with v-enter-next, and Element Plus prompts. */
const selectScope = '.sd-enter-next, .el-message-box';

let pointerSelected: HTMLInputElement | null = null;
let installed = false;

function onFocusIn(event: FocusEvent) {
  const target = event.target;
  if (!(target instanceof HTMLInputElement) || target.readOnly || !selectableTypes.has(target.type)) return;
  if (!target.closest(selectScope) || target.closest('.el-select')) return;
  target.select();
  pointerSelected = target;
}

// a click into a field would collapse the selection on mouseup: keep it the first time, a second click places the caret
function onMouseUp(event: MouseEvent) {
  if (pointerSelected && event.target === pointerSelected) event.preventDefault();
  pointerSelected = null;
}

// Element Plus' focus trap moves focus to a dialog's container when it opens; a form that has already put the cursor
// in its first field keeps it, so nothing typed in the dialog's first moment is lost
function onTrapFocus(event: Event) {
  const container = event.target;
  const active = document.activeElement;
  if (container instanceof HTMLElement && active instanceof HTMLElement && active !== container && container.contains(active)) {
    event.preventDefault();
  }
}

/** Installs the document-wide parts once (select-on-focus, dialog focus keeping). */
export function installKeyboardEntry(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  document.addEventListener('focusin', onFocusIn, true);
  document.addEventListener('mouseup', onMouseUp, true);
  document.addEventListener('focus-trap.focus-after-trapped', onTrapFocus, true);
}

const isVisible = (f: HTMLElement) => f.offsetParent !== null;

/** The fields of a form Enter walks through, visible ones only. */
export function formFields(root: ParentNode, keep?: HTMLElement): HTMLElement[] {
  const visible = Array.from(root.querySelectorAll<HTMLElement>(fieldSelector)).filter((f) => isVisible(f) || f === keep);
  // a radio group (等级 A/B/C/D) is one stop: its checked radio, else its first; ←/→ choose inside it
  const groupStop = new Map<Element, HTMLElement>();
  for (const f of visible) {
    const group = f instanceof HTMLInputElement && f.type === 'radio' ? f.closest('[role=radiogroup]') : null;
    if (!group) continue;
    const current = groupStop.get(group);
    if (!current || (f === keep && !(current as HTMLInputElement).checked) || ((f as HTMLInputElement).checked && current !== keep))
      groupStop.set(group, f);
  }
  return visible.filter((f) => {
    const group = f instanceof HTMLInputElement && f.type === 'radio' ? f.closest('[role=radiogroup]') : null;
    return !group || groupStop.get(group) === f;
  });
}

function moveNext(root: HTMLElement, from: HTMLElement) {
  const fields = formFields(root, from);
  const next = fields[fields.indexOf(from) + 1];
  if (next) next.focus();
}

const pickerHasValue = (select: Element) =>
  !!select.querySelector('.el-tag') || !!select.querySelector('.el-select__placeholder:not(.is-transparent)');

// the open dropdown is teleported to the body; the input names it in aria-controls
const dropdownOf = (input: HTMLElement) => {
  const id = input.getAttribute('aria-controls');
  return id ? document.getElementById(id) : null;
};
const isMultiple = (input: HTMLElement) => !!dropdownOf(input)?.querySelector('.el-select-dropdown.is-multiple');
const shownOptions = (input: HTMLElement) =>
  Array.from(dropdownOf(input)?.querySelectorAll<HTMLElement>('.el-select-dropdown__item:not(.is-disabled)') ?? []).filter(
    (o) => o.style.display !== 'none',
  );

/** What Enter does in a picker (el-select) — the rule a fast typist can rely on, in every form:
 *  closed with a value → move on (keep it); closed and empty → open it (or move on when it has nothing to offer); open after typing or ↑/↓ → pick the highlighted
 *  option, or the only match, and move on (a multi-select stays for the next pick); open with nothing typed or
 *  browsed → close and move on, so Enter never picks an option the user did not choose; typed with no single match
 *  and nothing highlighted → stay. */
function pickerEnter(root: HTMLElement, input: HTMLInputElement, event: KeyboardEvent): void {
  const select = input.closest('.el-select')!;
  const open = input.getAttribute('aria-expanded') === 'true';
  const browsed = input.dataset.browsed === '1';
  delete input.dataset.browsed;
  if (!open) {
    if (!pickerHasValue(select)) {
      // the picker opens itself; one with nothing to offer (a remote picker before any record exists) stays shut: move on
      setTimeout(() => {
        if (input.getAttribute('aria-expanded') !== 'true' && document.activeElement === input) moveNext(root, input);
      }, 80);
      return;
    }
  } else if (input.value !== '' || browsed) {
    const multiple = isMultiple(input);
    // once the picker has taken its value and closed, the cursor moves on
    const thenMoveOn = () =>
      multiple ||
      setTimeout(() => {
        if (input.isConnected && input.getAttribute('aria-expanded') !== 'true' && document.activeElement === input) moveNext(root, input);
      }, 0);
    if (input.getAttribute('aria-activedescendant')) {
      thenMoveOn(); // the picker takes this Enter itself
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    const options = shownOptions(input);
    if (options.length === 1) {
      options[0]!.click();
      thenMoveOn();
    }
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  moveNext(root, input);
}

/** v-enter-next on a form: Enter in a single-line input focuses the next field (textareas keep their Enter).
 *  Listens in the capture phase so it decides before the field's own handler (pickers: see pickerEnter). */
export const vEnterNext: Directive<HTMLElement> = {
  mounted(el) {
    installKeyboardEntry();
    el.classList.add('sd-enter-next');
    el.addEventListener(
      'keydown',
      (event: KeyboardEvent) => {
        const target = event.target as HTMLElement;
        if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && target.closest('.el-select')) {
          target.dataset.browsed = '1';
          return;
        }
        if (event.key !== 'Enter' || event.isComposing || event.shiftKey || event.ctrlKey || event.altKey) return;
        if (target.tagName === 'TEXTAREA' || target.closest('.el-select-dropdown, .el-picker-panel')) return;
        if (target instanceof HTMLInputElement && target.closest('.el-select')) {
          pickerEnter(el, target, event);
          return;
        }
        // let open dropdowns (tags input, date panel) take the Enter themselves
        if (target.getAttribute('aria-expanded') === 'true') return;
        // a tags input takes Enter to add the typed tag; an empty one lets Enter move on
        if (target.closest('[data-enter-keep]') && (target as HTMLInputElement).value !== '') return;
        const fields = formFields(el, target);
        if (fields.indexOf(target) < 0) return;
        event.preventDefault();
        event.stopPropagation();
        moveNext(el, target);
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
