// Print settings kept in the settings table under one key: each printer's offset and, per form, the printer and paper
// used last. An offset change is audited (it moves every printed form); remembering a choice is not.
import type { Ctx } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { printSettings, type PrintSettings } from '../../../../shared/contract/print';
import { recordAudit } from '../audit/audit';
import { readSetting, writeSetting } from '../settings/settings';

const KEY = 'print';

function read(ctx: Ctx): PrintSettings {
  const raw = readSetting(ctx, KEY);
  if (!raw) return { printers: [], forms: [] };
  try {
    const parsed = printSettings.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // a damaged value reads as no settings; the next save writes a good one
  }
  return { printers: [], forms: [] };
}

export function getPrintSettings(ctx: Ctx): Output<'print.settings.get'> {
  return read(ctx);
}

export function savePrintSettings(ctx: Ctx, input: ParsedInput<'print.settings.save'>): Output<'print.settings.save'> {
  ctx.db.transaction(() => {
    const current = read(ctx);
    const { offset, used } = input;
    if (offset) {
      const before = current.printers.find((p) => p.printer === offset.printer);
      const after = { printer: offset.printer, offsetX: offset.offsetX, offsetY: offset.offsetY };
      current.printers = [...current.printers.filter((p) => p.printer !== offset.printer), after].sort((a, b) =>
        a.printer.localeCompare(b.printer),
      );
      if (before?.offsetX !== after.offsetX || before?.offsetY !== after.offsetY) {
        recordAudit(ctx, { action: 'update', entity: 'settings', entityId: null, before: before ?? null, after });
      }
    }
    if (used) {
      current.forms = [...current.forms.filter((f) => f.form !== used.form), { ...used }];
    }
    writeSetting(ctx, KEY, JSON.stringify(current));
  })();
  return read(ctx);
}
