// Region ids → their paths of names from the root (华东大区 › 河南省 › 郑州市 › 开发区片区), for a page of rows in two queries.
import type { Ctx } from '../../context';
import { prepared } from '../../db/sql';

export function regionPathsOf(ctx: Ctx, ids: Iterable<number | null | undefined>): Map<number, string[]> {
  const wanted = [...new Set([...ids].filter((id): id is number => typeof id === 'number'))];
  if (wanted.length === 0) return new Map();
  const regions = prepared(ctx.db, 'select id, path from regions where id in (select value from json_each(?))').all(
    JSON.stringify(wanted),
  ) as Array<{ id: number; path: string }>;
  const chains = regions.map((r) => ({ id: r.id, chain: r.path.split('/').filter(Boolean).map(Number) }));
  const ancestors = [...new Set(chains.flatMap((c) => c.chain))];
  const names = new Map(
    (
      prepared(ctx.db, 'select id, name from regions where id in (select value from json_each(?))').all(
        JSON.stringify(ancestors),
      ) as Array<{
        id: number;
        name: string;
      }>
    ).map((r) => [r.id, r.name]),
  );
  return new Map(chains.map((c) => [c.id, c.chain.map((id) => names.get(id) ?? '')]));
}
