// A question whose safe answer has the cursor: a fast Enter never discards changes or saves a duplicate by accident.
import { ElMessageBox } from 'element-plus';
import { installKeyboardEntry } from './keyboard';

let seq = 0;

/** Puts the cursor on the cancel button once the box is on screen (the box's own focus trap would take the container). */
function focusWhenShown(marker: string, tries = 25) {
  const button = document.querySelector<HTMLElement>(`.${marker}`);
  const active = document.activeElement;
  const elsewhere = button && active instanceof HTMLElement && active.tagName === 'BUTTON' && active !== button;
  if (elsewhere) return; // the user has already moved on (Tab)
  if (button && active !== button) button.focus();
  if (tries > 0) setTimeout(() => focusWhenShown(marker, tries - 1), 20);
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
  });
  setTimeout(() => focusWhenShown(marker), 0);
  try {
    await box;
    return true;
  } catch {
    return false;
  }
}
