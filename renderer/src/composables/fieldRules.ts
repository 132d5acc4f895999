// Form rules for typed numbers and amounts: a value out of range is refused with a message naming the field, never
// clamped (NumberInput and MoneyInput pass on exactly what was typed).
import type { FormItemRule } from 'element-plus';
import { formatFen } from '@shared/money';
import { i18n } from '@/i18n';
import './formMessages';

const t = (key: string, values: Record<string, unknown>) => i18n.global.t(key, values);

export interface RangeOptions {
  min?: number;
  max?: number;
  /** empty is refused (otherwise the form sends its default) */
  required?: boolean;
}

/** NumberInput's value: null when empty, NaN when the text is not a whole number. */
export function numberRule(label: () => string, opts: RangeOptions = {}): FormItemRule {
  return {
    trigger: 'blur',
    validator: (_rule, value: number | null | undefined, done) => {
      const l = label();
      if (value === null || value === undefined)
        return opts.required ? done(new Error(`${l}：${i18n.global.t('common.required')}`)) : done();
      if (!Number.isInteger(value)) return done(new Error(t('form.notInteger', { label: l })));
      if (opts.max !== undefined && value > opts.max) return done(new Error(t('form.atMost', { label: l, max: opts.max })));
      if (opts.min !== undefined && value < opts.min) return done(new Error(t('form.atLeast', { label: l, min: opts.min })));
      done();
    },
  };
}

/** The contract's ceiling for amounts: 100 亿元. */
export const MAX_AMOUNT_FEN = 1_000_000_000_000;

/** MoneyInput's value: integer 分, null when the text is not an amount; 0 … 100 亿元 unless told otherwise. */
export function moneyRule(label: () => string, opts: { min?: number; max?: number } = {}): FormItemRule {
  const min = opts.min ?? 0;
  const max = opts.max ?? MAX_AMOUNT_FEN;
  return {
    trigger: 'blur',
    validator: (_rule, value: number | null | undefined, done) => {
      const l = label();
      if (value === null || value === undefined) return done(new Error(t('form.moneyFormat', { label: l })));
      if (value > max) return done(new Error(t('form.atMost', { label: l, max: formatFen(max, { sign: true }) })));
      if (value < min) return done(new Error(t('form.atLeast', { label: l, min: formatFen(min, { sign: true }) })));
      done();
    },
  };
}
