// 月度会议材料: the sheets both files share (long pages continued, numbered once), each chart's option carrying the page's
// figures exactly, the tables' values; the screen (month, region and team sent as asked, the pages listed, 生成PDF to
// the print route, 生成PPT saved through saveFile as a .pptx) and the print route (a sheet per page with title, finding,
// page x / y, the charts drawn). Charts are a recording fake here: happy-dom has no layout.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { mountAt, settle, unmountAll } from './dailyFormsFixtures';
import { fixturePack, REPS } from './meetingPackFixture';
import { contentsOf, packFileName, packPrintRoute, packSheets, parsePackQuery, sheetTitle, sliceOf } from '@/print/forms/meetingPack';
import { recentPack, rememberPack } from '@/views/meetingPack/packCache';
import { changeBpOf, layoutOf, packChartOption, packTable, packValue, pairFills, rampFills } from '@/charts/meetingPackCharts';

const drawn = vi.hoisted(() => ({ options: [] as any[] }));
vi.mock('@/views/meetingPack/packChart', () => ({
  drawPrintChart: (_el: HTMLElement, option: unknown) => {
    drawn.options.push(option);
    return { dispose: () => undefined };
  },
}));
const saved = vi.hoisted(() => ({ files: [] as any[] }));
vi.mock('@/lib/saveFile', () => ({
  saveFile: async (opts: unknown) => {
    saved.files.push(opts);
    return { ok: true };
  },
}));

const SLOW = { timeout: 120_000 };
const texts = (sel: string) => Array.from(document.querySelectorAll(sel)).map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
const click = (sel: string) => (document.querySelector(sel) as HTMLElement).click();

describe('meeting pack sheets, options and tables', () => {
  it('a page too long for one sheet continues on even parts; sheets numbered once for the PDF and the slides', () => {
    const pack = fixturePack();
    const sheets = packSheets(pack);
    expect(sheets.map((s) => [s.key, s.layout, s.number, s.total])).toEqual([
      ['cover', 'cover', 1, 9],
      ['kpis', 'kpis', 2, 9],
      ['targets', 'achievement', 3, 9],
      ['trend', 'line', 4, 9],
      ['regions', 'groupedBar', 5, 9],
      ['abc', 'pareto', 6, 9],
      ['aging', 'stackedBar', 7, 9],
      ['activity-1', 'table', 8, 9],
      ['activity-2', 'table', 9, 9],
    ]);
    const [first, second] = sheets.slice(7);
    expect(first!.page.categories).toEqual(REPS.slice(0, 10));
    expect(second!.page.categories).toEqual(REPS.slice(10));
    expect(second!.page.series[2]!.values).toEqual(pack.pages[7]!.series[2]!.values.slice(10));
    expect(sheetTitle(first!)).toBe('过程指标（按业务员）');
    expect(sheetTitle(second!)).toBe('过程指标（按业务员）（续 2/2）');
    expect(contentsOf(sheets).map((c) => c.number)).toEqual([2, 3, 4, 5, 6, 7, 8]);

    // 48 reps against targets: two sheets of 24 bars; 15 regions: 8 + 7
    const reps = { ...pack.pages[2]!, key: 'reps', categories: Array.from({ length: 48 }, (_, i) => `R${i}`) };
    reps.series = reps.series.map((s) => ({ ...s, values: reps.categories.map(() => 5000) }));
    const regions = { ...pack.pages[4]!, categories: Array.from({ length: 15 }, (_, i) => `区${i}`) };
    regions.series = regions.series.map((s) => ({ ...s, values: regions.categories.map(() => 100) }));
    expect(packSheets({ pages: [reps] }).map((s) => s.page.categories.length)).toEqual([24, 24]);
    expect(packSheets({ pages: [regions] }).map((s) => s.page.categories.length)).toEqual([8, 7]);
    expect(sliceOf(regions, 8, 15).series[0]!.values).toHaveLength(7);
  });

  it('the pack just generated is reused by its preview for five minutes, for the same month and scope only', () => {
    const pack = fixturePack();
    rememberPack({ month: '2026-11', regionId: 3 }, pack, 1_000_000);
    expect(recentPack({ month: '2026-11', regionId: 3 }, 1_000_000 + 5 * 60_000)).toBe(pack);
    expect(recentPack({ month: '2026-11', regionId: 3 }, 1_000_000 + 5 * 60_000 + 1)).toBeNull();
    expect(recentPack({ month: '2026-11' }, 1_000_000)).toBeNull();
    expect(recentPack({ month: '2026-11', regionId: 3, teamId: 1 }, 1_000_000)).toBeNull();
    rememberPack({ month: '2000-01' }, pack, 0);
  });

  it('the print address read back; file names', () => {
    expect(parsePackQuery({ month: '2026-11', regionId: '3' })).toEqual({ month: '2026-11', regionId: 3 });
    expect(parsePackQuery({ month: '2026-13' })).toEqual({ error: '缺少月份（month=YYYY-MM）' });
    expect(parsePackQuery({ month: '2026-11', teamId: '-1' })).toEqual({ error: 'teamId 应为正整数' });
    expect(packPrintRoute({ month: '2026-11', teamId: 2 })).toBe('/print/meeting-pack?month=2026-11&teamId=2');
    expect(packFileName({ month: '2026-03', scopeName: '' })).toBe('月度会议材料-2026年3月');
    expect(packFileName({ month: '2026-11', scopeName: '华东 · 郑州一组' })).toBe('月度会议材料-2026年11月-华东-郑州一组');
  });

  it('each chart carries the page’s figures as given; patterns and dashes for black-and-white', () => {
    const pack = fixturePack();
    const option = (key: string) => packChartOption(pack.pages.find((p) => p.key === key)!) as any;
    const targets = option('targets');
    expect(targets.yAxis.data).toEqual(['销售额', '回款额']);
    expect(targets.series[0].data.map((d: any) => d.value)).toEqual([10_077, 9_444]);
    expect(targets.series[1].data).toEqual([10_000, 10_000]);
    expect(targets.animation).toBe(false);
    const trend = option('trend');
    expect(trend.series.map((s: any) => [s.name, s.data, s.lineStyle.type])).toEqual([
      ['2026年', [298_010_887, 107_516_580, null], 'solid'],
      ['2025年', [188_251_775, 50_310_849, 131_526_919], 'dashed'],
    ]);
    const regions = option('regions');
    expect(regions.series.map((s: any) => s.data)).toEqual([
      [181_778_550, 95_962_725],
      [93_043_073, 33_408_164],
    ]);
    // told apart in grey: dark then light, black borders; no fill patterns on paper
    expect(regions.series.map((s: any) => s.itemStyle.color)).toEqual([pairFills[0], pairFills[1]]);
    expect(regions.aria.decal.show).toBe(false);
    const abc = option('abc');
    expect(abc.series[0].data).toEqual([166_397_185, 25_627_750]);
    expect(abc.series[1].data).toEqual([4585, 5291]);
    expect(abc.series[1].yAxisIndex).toBe(1);
    const aging = option('aging');
    expect(aging.series.slice(0, 3).map((s: any) => s.data)).toEqual([
      [185_078_311, 98_702_279],
      [86_788_317, 32_416_020],
      [1_142_100, 0],
    ]);
    // the totals above the stacks: a part of zeros that only carries the label, left out of the legend
    expect(aging.series[3].data).toEqual([0, 0]);
    expect(aging.series[3].label.formatter({ dataIndex: 0 })).toBe('273万');
    expect(aging.legend.data).toEqual(['未到期', '1–30 天', '31 天以上']);
    // the older the darker; a part a twentieth of the tallest stack or more carries its value
    expect(aging.series.slice(0, 3).map((s: any) => s.itemStyle.color)).toEqual(rampFills.slice(0, 3));
    expect(aging.series[1].label.formatter({ value: 86_788_317 })).toBe('86.8万');
    expect(aging.series[2].label.formatter({ value: 1_142_100 })).toBe('');
    expect(packChartOption(pack.pages[7]!)).toBeNull();
    expect(layoutOf(pack.pages[2]!)).toBe('achievement');
    expect(layoutOf(pack.pages[4]!)).toBe('groupedBar');
  });

  it('tables: exact values per unit; 经营概况 with 同比 and 环比 (— without a base)', () => {
    const pack = fixturePack();
    expect(packTable(pack.pages[1]!)).toEqual({
      columns: [
        { label: '指标', numeric: false },
        { label: '本月', numeric: true },
        { label: '去年同期', numeric: true },
        { label: '同比', numeric: true },
        { label: '上月', numeric: true },
        { label: '环比', numeric: true },
      ],
      rows: [
        ['销售额', '¥3,628,981.66', '¥1,777,377.26', '+104.2%', '¥4,361,273.72', '-16.8%'],
        ['回款额', '¥3,374,307.25', '¥0.00', '—', '¥2,527,589.81', '+33.5%'],
      ],
    });
    const activity = packTable(pack.pages[7]!, '业务员');
    expect(activity.columns.map((c) => c.label)).toEqual(['业务员', '日均拜访', '单次拜访收入', '报表合规率']);
    expect(activity.rows[3]).toEqual(['业务员04', '4.03', '¥3,979.22', '—']);
    expect(packValue('count', 12345)).toBe('12,345');
    expect(changeBpOf(90, 100)).toBe(-1000);
    expect(changeBpOf(5, 0)).toBeNull();
  });
});

describe('meeting pack screen and print route', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    drawn.options.length = 0;
    saved.files.length = 0;
  });
  afterEach(unmountAll);

  const handlers = { 'meetingPack.data': () => fixturePack() };

  it(
    '生成 sends the month (and the team); the pages listed with their findings; 生成PPT saves a .pptx; 生成PDF opens the print route',
    SLOW,
    async () => {
      const core = await mountAt('/analytics/meeting-pack', handlers, 'meeting-pack', 'manager');
      const now = new Date();
      const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
      const lastMonth = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
      expect((document.querySelector('[data-test="meeting-pack"] .el-date-editor input') as HTMLInputElement).value).toBe(lastMonth);
      expect((document.querySelector('[data-test="mp-pdf"]') as HTMLButtonElement).disabled).toBe(true);
      click('[data-test="mp-generate"]');
      await vi.waitFor(() => expect(texts('[data-test="mp-page-title"]')).toHaveLength(9));
      expect(core.of('meetingPack.data')[0]!.input).toEqual({ month: lastMonth });
      expect(texts('[data-test="mp-page-title"]')[8]).toBe('过程指标（按业务员）（续 2/2）');
      expect(texts('[data-test="mp-page-finding"]')[2]).toBe('公司销售额达成率 100.8%，领先时间进度 0.8 个百分点');
      expect(texts('[data-test="mp-summary"]')[0]).toContain('共 9 页');

      click('[data-test="mp-ppt"]');
      await vi.waitFor(() => expect(saved.files).toHaveLength(1), { timeout: 30_000 });
      const file = saved.files[0];
      expect(file.fileName).toBe('月度会议材料-2026年11月.pptx');
      expect(file.extensions).toEqual(['pptx']);
      expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
      expect([file.data[0], file.data[1]]).toEqual([0x50, 0x4b]); // a zip

      click('[data-test="mp-pdf"]');
      await vi.waitFor(() => expect(core.router.currentRoute.value.fullPath).toBe(`/print/meeting-pack?month=${lastMonth}`), {
        timeout: 15_000,
      });
      // the preview in this window prints the pack just generated: no second call
      await vi.waitFor(() => expect(document.querySelectorAll('[data-test="print-sheet"]')).toHaveLength(9), { timeout: 15_000 });
      expect(core.of('meetingPack.data')).toHaveLength(1);
      expect(core.rejected).toEqual([]);
    },
  );

  it('a changed scope is not the pack on screen: generate again, with the team', SLOW, async () => {
    const core = await mountAt('/analytics/meeting-pack', handlers, 'meeting-pack', 'manager');
    click('[data-test="mp-generate"]');
    await vi.waitFor(() => expect(texts('[data-test="mp-page-title"]')).toHaveLength(9));
    (document.querySelector('[data-test="mp-team"]') as HTMLElement).click();
    await settle();
    const option = Array.from(document.querySelectorAll('.el-select-dropdown__item')).find((o) => o.textContent?.includes('郑州一组'));
    (option as HTMLElement).click();
    await settle();
    expect(texts('[data-test="mp-page-title"]')).toHaveLength(0);
    expect((document.querySelector('[data-test="mp-ppt"]') as HTMLButtonElement).disabled).toBe(true);
    click('[data-test="mp-generate"]');
    await vi.waitFor(() => expect(core.of('meetingPack.data')).toHaveLength(2));
    expect(core.of('meetingPack.data')[1]!.input).toMatchObject({ teamId: 1 });
  });

  it('the print route: a sheet per page with title, finding and page x / y; the charts drawn; ready to print', SLOW, async () => {
    const core = await mountAt('/print/meeting-pack?month=2026-11&regionId=3', handlers, 'print-page', 'manager');
    await vi.waitFor(() => expect(document.querySelector('[data-test="print-stage"]')!.getAttribute('data-print-ready')).toBe('true'));
    expect(core.of('meetingPack.data')[0]!.input).toEqual({ month: '2026-11', regionId: 3 });
    expect(texts('[data-test="print-sheet"]')).toHaveLength(9);
    expect(texts('[data-test="print-page-no"]')).toEqual(Array.from({ length: 9 }, (_, i) => `第 ${i + 1} / 9 页`));
    expect(texts('[data-test="pack-title"]')).toEqual([
      '经营概况',
      '目标达成与时间进度',
      '月度销售趋势（今年与去年）',
      '各区域销售额',
      '产品 ABC 分析（前 20 名）',
      '应收账龄（按区域）',
      '过程指标（按业务员）',
      '过程指标（按业务员）（续 2/2）',
    ]);
    expect(texts('[data-test="pack-finding"]')[0]).toBe('本月销售额 362.9 万元，同比增长 104.2%，环比下降 16.8%');
    expect(texts('[data-test="pack-contents"] li')[0]).toBe('经营概况2');
    // five charts, the tables as tables (the process table: 10 reps a sheet, header repeated)
    expect(drawn.options).toHaveLength(5);
    const tables = document.querySelectorAll('[data-test="pack-table"]');
    expect(tables).toHaveLength(3);
    expect(tables[1]!.querySelectorAll('tbody tr')).toHaveLength(10);
    expect(tables[2]!.querySelector('thead')!.textContent).toContain('单次拜访收入');
    expect(texts('[data-test="print-summary"]')[0]).toBe('共 9 页');
  });

  it('an incomplete print address says what is missing', SLOW, async () => {
    const core = await mountAt('/print/meeting-pack?month=11', handlers, 'print-error', 'manager');
    expect(texts('[data-test="print-error"]')[0]).toContain('缺少月份');
    expect(core.of('meetingPack.data')).toHaveLength(0);
  });
});
