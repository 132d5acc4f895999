// Print settings: each printer's offset (x/y in 0.1 mm, measured on the calibration page) and, per form, the printer
// and paper used last.
import { z } from 'zod';
import { noInput, text } from './common';
import { OFFSET_LIMIT_TENTHS, paperIds, printForms } from '../domain/print';

const offsetTenths = z.int().min(-OFFSET_LIMIT_TENTHS, '偏移不能超过 ±30 毫米').max(OFFSET_LIMIT_TENTHS, '偏移不能超过 ±30 毫米');

export const printerOffset = z.object({ printer: z.string(), offsetX: z.int(), offsetY: z.int() });
export const printFormChoice = z.object({ form: z.enum(printForms), printer: z.string(), paper: z.enum(paperIds) });

export const printSettings = z.object({
  printers: z.array(printerOffset),
  forms: z.array(printFormChoice),
});
export type PrintSettings = z.infer<typeof printSettings>;

export const printMethods = {
  'print.settings.get': { input: noInput(), output: printSettings },
  /** a printer's offset, and/or the printer and paper a form was printed on; '' is the default printer */
  'print.settings.save': {
    input: z
      .object({
        offset: z
          .object({ printer: text(200), offsetX: offsetTenths, offsetY: offsetTenths })
          .strict()
          .optional(),
        used: z
          .object({ form: z.enum(printForms), printer: text(200), paper: z.enum(paperIds) })
          .strict()
          .optional(),
      })
      .strict()
      .refine((v) => v.offset !== undefined || v.used !== undefined, '没有要保存的内容'),
    output: printSettings,
  },
} as const;
