// How a region reads on screen. 开发区片区 exists in many cities: a list shows the path from the city down
// (郑州市›开发区片区), a detail page and an export the whole path (华中大区 › 河南省 › 郑州市 › 开发区片区).

// level 3 is 市 in 大区 › 省 › 市 › 片区
const LIST_FROM_LEVEL = 3;

/** The path from the city down; a region above city level shows its own name. */
export function listRegionPath(path: readonly string[] | undefined): string {
  if (!path || path.length === 0) return '';
  return path.slice(Math.min(LIST_FROM_LEVEL - 1, path.length - 1)).join('›');
}

export function fullRegionPath(path: readonly string[] | undefined): string {
  return (path ?? []).join(' › ');
}
