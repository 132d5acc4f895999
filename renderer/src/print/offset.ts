// A printer's offset: stored in tenths of a millimetre, applied to every sheet as a translate in millimetres.
import type { PrintSettings } from '@shared/contract/print';
import { OFFSET_LIMIT_TENTHS, type PaperId, type PrintForm } from '@shared/domain/print';

/** Where the calibration page puts the cross to measure, from the paper's left and top edges. */
export const CALIBRATION_MARK_MM = 30;

export function offsetOf(settings: PrintSettings | null, printer: string): { x: number; y: number } {
  const p = settings?.printers.find((o) => o.printer === printer);
  return { x: (p?.offsetX ?? 0) / 10, y: (p?.offsetY ?? 0) / 10 };
}

/** The printer and paper a form was printed on last. */
export function lastUsed(settings: PrintSettings | null, form: PrintForm): { printer: string; paper: PaperId } | null {
  const f = settings?.forms.find((c) => c.form === form);
  return f ? { printer: f.printer, paper: f.paper } : null;
}

/**
 * The new offset (tenths of a mm) from a measurement on the calibration page printed with the current offset: the mark
 * should sit at 30 mm; wherever it landed, the difference is added to the current offset. Clamped to ±30 mm.
 */
export function offsetFromMeasurement(currentTenths: number, measuredMm: number): number {
  const next = currentTenths + Math.round((CALIBRATION_MARK_MM - measuredMm) * 10);
  return Math.max(-OFFSET_LIMIT_TENTHS, Math.min(OFFSET_LIMIT_TENTHS, next));
}
