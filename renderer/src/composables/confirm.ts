// A question whose safe answer has the cursor: a fast Enter never discards changes or saves a duplicate by accident.
import { ElMessageBox } from 'element-plus';
import { installKeyboardEntry } from './keyboard';

let seq = 0;

/** Puts the cursor on the cancel button once the box is on screen (the box's own focus trap would take the container);
 *  stops when the question is answered or the user has moved to another button. */
function focusWhenShown(marker: string, answered: () => boolean, tries = 25) {
  if (answered() || typeof document === 'undefined') return;
  const button = document.querySelector<HTMLElement>(`.${marker}`);
  const active = document.activeElement;
  if (button && active instanceof HTMLElement && active.tagName === 'BUTTON' && active !== button) return;
  if (button && active !== button) button.focus();
  if (tries > 0) setTimeout(() => focusWhenShown(marker, answered, tries - 1), 20);
}

export interface SafeConfirmOptions {
  confirmText: string;
  cancelText: string;
  type?: 'warning' | 'info';
}

/** Resolves true when the user confirms; cancel, Esc and × resolve false. The cancel button is the focused one. */
export async function confirmSafe(message: string, title: string, opts: SafeConfirmOptions): Promise<boolean> {
  installKeyboardEntry();
  const marker = `sd-safe-choice-${++seq}`;
  const box = ElMessageBox.confirm(message, title, {
    type: opts.type ?? 'warning',
    confirmButtonText: opts.confirmText,
    cancelButtonText: opts.cancelText,
    cancelButtonClass: marker,
    autofocus: false,
    closeOnClickModal: false,
    // browser back raises the question itself: the box must stay until it is answered
    closeOnHashChange: false,
  });
  let answered = false;
  setTimeout(() => focusWhenShown(marker, () => answered), 0);
  try {
    await box;
    return true;
  } catch {
    return false;
  } finally {
    answered = true;
  }
}
