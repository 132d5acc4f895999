// 经销商与渠道: dealers with channel type, tier, authorised territory, contract dates, deposit and credit.
import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';
import { danglingRef } from '../../errors';

export function getDealerName(ctx: Ctx, id: number): string | undefined {
  return (prepared(ctx.db, 'select name from dealers where id = ?').get(id) as { name: string } | undefined)?.name;
}

export function assertDealerExists(ctx: Ctx, id: number, field = 'dealerId'): void {
  if (getDealerName(ctx, id) === undefined) throw danglingRef('经销商', field, id);
}
