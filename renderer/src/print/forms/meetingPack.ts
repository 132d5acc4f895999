// 月度会议材料 as sheets: the cover, then each meeting page on its own A4-landscape sheet (a long table or a chart with
// many bars continues on the next sheets, its header repeated). Pure, so the PDF's pages and the .pptx's slides are the
// same list, numbered once.
import type { Output } from '@shared/contract';
import type { MeetingPage } from '@shared/contract/meetingPack';
import { layoutOf, type PackLayout } from '@/charts/meetingPackCharts';

export type MeetingPack = Output<'meetingPack.data'>;

/** Most categories one sheet shows, by layout: table rows, horizontal bars, bar groups. */
export const PER_SHEET: Partial<Record<PackLayout, number>> = {
  table: 18,
  achievement: 24,
  groupedBar: 14,
  stackedBar: 14,
};

export interface PackSheet {
  key: string;
  layout: PackLayout;
  /** the page, its categories and series cut to this sheet's part */
  page: MeetingPage;
  /** 1-based part of the page and how many parts it has */
  part: number;
  parts: number;
  /** 1-based number of this sheet in the pack, and the pack's sheet count */
  number: number;
  total: number;
}

/** One part of a page: categories from–to and the same slice of every series. */
export function sliceOf(page: MeetingPage, from: number, to: number): MeetingPage {
  return {
    ...page,
    categories: page.categories.slice(from, to),
    series: page.series.map((s) => ({ ...s, values: s.values.slice(from, to) })),
  };
}

/** The pack's sheets in order; a page with more categories than its layout holds is split evenly over sheets. */
export function packSheets(pack: Pick<MeetingPack, 'pages'>): PackSheet[] {
  const parts = pack.pages.flatMap((page) => {
    const layout = layoutOf(page);
    const limit = PER_SHEET[layout];
    const n = page.categories.length;
    const count = limit && n > limit ? Math.ceil(n / limit) : 1;
    // even parts (48 rows → 16 + 16 + 16, not 18 + 18 + 12)
    const size = Math.ceil(n / count);
    return Array.from({ length: count }, (_, i) => ({
      key: count > 1 ? `${page.key}-${i + 1}` : page.key,
      layout,
      page: count > 1 ? sliceOf(page, i * size, Math.min(n, (i + 1) * size)) : page,
      part: i + 1,
      parts: count,
    }));
  });
  return parts.map((p, i) => ({ ...p, number: i + 1, total: parts.length }));
}

/** The sheet's heading: the page's title, and （续 2/3） on the parts after the first. */
export function sheetTitle(sheet: Pick<PackSheet, 'page' | 'part' | 'parts'>): string {
  return sheet.part > 1 ? `${sheet.page.title}（续 ${sheet.part}/${sheet.parts}）` : sheet.page.title;
}

/** 2026年11月 from 2026-11. */
export function monthWords(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** Who the pack is for: the region or team, or 全公司. */
export function scopeWords(pack: Pick<MeetingPack, 'scopeName'>): string {
  return pack.scopeName || '全公司';
}

/** Every sheet's footer line: company · 2026年11月 销售会议材料 · scope. */
export function packFooter(pack: Pick<MeetingPack, 'companyName' | 'month' | 'scopeName'>): string {
  return [pack.companyName, `${monthWords(pack.month)} 销售会议材料`, scopeWords(pack)].filter(Boolean).join(' · ');
}

/** The suggested file name, without extension: 月度会议材料-2026年11月[-华东]. */
export function packFileName(pack: Pick<MeetingPack, 'month' | 'scopeName'>): string {
  const name = ['月度会议材料', monthWords(pack.month), pack.scopeName.replaceAll(' · ', '-')].filter(Boolean).join('-');
  return name.replace(/[\\/:*?"<>|]/g, '_');
}

/** The cover's list of contents: each page once, at the sheet where it starts. */
export function contentsOf(sheets: readonly PackSheet[]): Array<{ title: string; number: number }> {
  return sheets.filter((s) => s.layout !== 'cover' && s.part === 1).map((s) => ({ title: s.page.title, number: s.number }));
}

export interface PackRequest {
  month: string;
  regionId?: number;
  teamId?: number;
}

const first = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

/** The print route's address as the pack asked for, or the Chinese reason it is incomplete. */
export function parsePackQuery(query: Record<string, unknown>): PackRequest | { error: string } {
  const month = first(query.month);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return { error: '缺少月份（month=YYYY-MM）' };
  const out: PackRequest = { month };
  for (const key of ['regionId', 'teamId'] as const) {
    const text = first(query[key]);
    if (!text) continue;
    const id = Number(text);
    if (!Number.isSafeInteger(id) || id <= 0) return { error: `${key} 应为正整数` };
    out[key] = id;
  }
  return out;
}

/** The print route of a pack: /print/meeting-pack?month=2026-11[&regionId=..][&teamId=..]. */
export function packPrintRoute(req: PackRequest): string {
  const q = new URLSearchParams({ month: req.month });
  if (req.regionId) q.set('regionId', String(req.regionId));
  if (req.teamId) q.set('teamId', String(req.teamId));
  return `/print/meeting-pack?${q.toString()}`;
}
