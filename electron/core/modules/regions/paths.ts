// Region ids → their paths of names from the root (华东大区 › 河南省 › 郑州市 › 开发区片区), for a page of rows in two queries.
import type { Ctx } from '../../context';
import { treePathNames } from '../../db/tree';

export function regionPathsOf(ctx: Ctx, ids: Iterable<number | null | undefined>): Map<number, string[]> {
  return treePathNames(ctx.db, 'regions', ids);
}
