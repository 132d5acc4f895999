// The print preview on its routes, against the fake core: the sheets a form gets (header on every page, page x / y of
// each form, blank rows, the signature block with the last rows), batch, blank forms, paper change, the printer's
// offset and calibration, print and save-as-PDF in browser mode and through the Electron bridge.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router';
import { defineComponent, h } from 'vue';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { useAppStore } from '@/stores/app';
import { geometry } from '@/print/paginate';
import { layoutDocument } from '@/print/layout';
import { visitPlanDoc } from '@/print/forms/visitPlan';
import { fakeCore, type Handler } from './fakeCore';
import { feedbackRow, planDetail, reportDetail } from './fixtures/printForms';

const SLOW = 120_000;
let wrapper: VueWrapper;

const signatureImage = { mime: 'image/png', base64: 'iVBORw0KGgo=' };
const emptySettings = () => ({ printers: [], forms: [] });

function board(rows: Array<{ repId: number; repName: string; plan: boolean; report: boolean }>) {
  const form = (on: boolean) => (on ? { id: 1, state: 'signed', returned: false, visits: 3, visitsDone: 3 } : null);
  return {
    date: '2026-05-12',
    rows: rows.map((r) => ({
      repId: r.repId,
      repCode: `R${r.repId}`,
      repName: r.repName,
      teamId: null,
      teamName: null,
      plan: form(r.plan),
      report: form(r.report),
      canSign: true,
    })),
  };
}

async function mountAt(path: string, handlers: Record<string, Handler> = {}, waitReady = true) {
  const core = fakeCore({ 'print.settings.get': emptySettings, 'operators.signature': () => signatureImage, ...handlers });
  const router: Router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  const pinia = createPinia();
  setActivePinia(pinia);
  useAppStore().settings = {
    initialized: true,
    companyName: '华众商贸有限公司',
    locale: 'zh-CN',
    schemaVersion: 3,
    databasePath: ':memory:',
  } as never;
  const App = defineComponent({ render: () => h(RouterView) });
  wrapper = mount(App, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  const stage = () => wrapper.find('[data-test="print-stage"]');
  if (waitReady) await vi.waitFor(() => expect(stage().attributes('data-print-ready')).toBe('true'), { timeout: 20_000 });
  else await vi.waitFor(() => expect(stage().exists()).toBe(true), { timeout: 20_000 });
  return Object.assign(core, { router });
}

const sheets = () => wrapper.findAll('[data-test="print-sheet"]');
const pageNos = () => wrapper.findAll('[data-test="print-page-no"]').map((p) => p.text());

describe('print preview', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => {
    wrapper?.unmount();
    document.body.innerHTML = '';
    delete (window as { salesdesk?: unknown }).salesdesk;
    vi.restoreAllMocks();
  });

  it(
    'prints a plan of many lines: company, title, header on every page, page x / y, signature with the last rows',
    async () => {
      const plan = planDetail(40);
      const core = await mountAt('/print/visit-plan?repId=2&date=2026-05-12&paper=a4', { 'visitPlans.get': () => plan });
      expect(core.of('visitPlans.get')[0]!.input).toEqual({ repId: 2, date: '2026-05-12' });
      const expected = layoutDocument([visitPlanDoc(plan, geometry('a4'))], 'a4').sheets;
      expect(expected.length).toBeGreaterThan(1);
      expect(sheets()).toHaveLength(expected.length);
      expect(pageNos()).toEqual(expected.map((_, i) => `第 ${i + 1} / ${expected.length} 页`));
      for (const [i, sheet] of sheets().entries()) {
        expect(sheet.text()).toContain('华众商贸有限公司');
        expect(sheet.find('h1').text()).toBe('每日拜访计划表');
        expect(sheet.text()).toContain('业务员：张伟（R002）');
        expect(sheet.find('.row.head').text()).toContain('客户名称');
        expect(sheet.findAll('.row.blank')).toHaveLength(expected[i]!.blankRows);
        expect(sheet.find('[data-test="print-signature"]').exists()).toBe(i === expected.length - 1);
      }
      // every line printed once, in order, the last ones on the sheet with the signature block
      const seqs = wrapper.findAll('[data-test="print-row"]').map((r) => r.find('.cell').text());
      expect(seqs).toEqual(plan.lines.map((_, i) => String(i + 1)));
      const last = sheets().at(-1)!;
      expect(last.findAll('[data-test="print-row"]').at(-1)!.find('.cell').text()).toBe('40');
      const signature = last.find('[data-test="print-signature"]');
      expect(signature.text()).toContain('业务员签字');
      expect(signature.text()).toContain('主管签核：王主管');
      expect(signature.text()).toContain('校验码 1a2b3c4d');
      expect(signature.find('img').attributes('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
      expect(core.of('operators.signature')[0]!.input).toEqual({ id: 3 });
      expect(wrapper.find('[data-test="print-summary"]').text()).toBe(`共 1 份表单，${expected.length} 页`);
    },
    SLOW,
  );

  it(
    'lays the same plan out again on 241×140 三联 paper when the paper changes, and keeps the paper in the address',
    async () => {
      const plan = planDetail(40);
      const core = await mountAt('/print/visit-plan?repId=2&date=2026-05-12&paper=a4', { 'visitPlans.get': () => plan });
      const a4 = sheets().length;
      await wrapper.find('[data-test="print-paper"]').trigger('click');
      await flushPromises();
      const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((o) => o.textContent?.includes('三联'));
      option!.click();
      await vi.waitFor(() => expect(core.router.currentRoute.value.query.paper).toBe('sanlian'));
      const expected = layoutDocument([visitPlanDoc(plan, geometry('sanlian'))], 'sanlian').sheets.length;
      await vi.waitFor(() => expect(sheets()).toHaveLength(expected));
      expect(expected).toBeGreaterThan(a4);
      expect(sheets()[0]!.attributes('data-paper')).toBe('sanlian');
      expect(sheets()[0]!.attributes('style')).toContain('width: 241mm; height: 140mm');
      expect(core.of('visitPlans.get')).toHaveLength(1);
      // and the address decides it too: back, forward, a link to another paper
      await core.router.push({ query: { ...core.router.currentRoute.value.query, paper: 'a4-landscape' } });
      await vi.waitFor(() => expect(sheets()[0]!.attributes('data-paper')).toBe('a4-landscape'));
      expect(core.of('visitPlans.get')).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'prints a report with its totals, month to date, problems and tomorrow, and the signature',
    async () => {
      await mountAt('/print/daily-report?repId=2&date=2026-05-12', { 'dailyReports.get': () => reportDetail(8) });
      expect(sheets()).toHaveLength(1);
      const text = sheets()[0]!.text();
      expect(text).toContain('每日销售报告表');
      expect(text).toContain('出勤情况：出勤');
      expect(wrapper.find('[data-test="print-totals"]').text()).toContain('9,876.00');
      expect(text).toContain('本月累计（5月1日—5月12日）');
      expect(text).toContain('存在问题及需求：华联超市要求延长账期到 60 天');
      expect(text).toContain('明日工作重点：');
      expect(text).toContain('第 1 / 1 页');
    },
    SLOW,
  );

  it(
    'prints the day’s batch: every rep with a form, each starting on a new sheet and numbering its own pages',
    async () => {
      const plans: Record<number, ReturnType<typeof planDetail>> = {
        2: planDetail(40, { id: 1, repId: 2, repName: '张伟' }),
        4: planDetail(3, { id: 2, repId: 4, repName: '李娜' }),
      };
      const core = await mountAt('/print/batch?date=2026-05-12&form=plan&paper=a4', {
        'dayBoard.get': () =>
          board([
            { repId: 2, repName: '张伟', plan: true, report: false },
            { repId: 3, repName: '赵磊', plan: false, report: true },
            { repId: 4, repName: '李娜', plan: true, report: true },
          ]),
        'visitPlans.get': (input: { repId: number }) => plans[input.repId],
      });
      expect(core.of('visitPlans.get').map((c) => c.input.repId)).toEqual([2, 4]);
      const zhang = sheets().filter((s) => s.attributes('data-form') === 'visit-plan-1');
      const li = sheets().filter((s) => s.attributes('data-form') === 'visit-plan-2');
      expect(zhang.length).toBeGreaterThan(1);
      expect(li).toHaveLength(1);
      expect(sheets()).toHaveLength(zhang.length + 1);
      expect(pageNos()).toEqual([...zhang.map((_, i) => `第 ${i + 1} / ${zhang.length} 页`), '第 1 / 1 页']);
      expect(zhang.at(-1)!.find('[data-test="print-signature"]').exists()).toBe(true);
      expect(li[0]!.find('[data-test="print-signature"]').exists()).toBe(true);
      expect(li[0]!.text()).toContain('每日拜访计划表 · 李娜 · 2026-05-12');
    },
    SLOW,
  );

  it(
    'prints reports in a batch, and says so when nobody has one',
    async () => {
      await mountAt('/print/batch?date=2026-05-12&form=report', {
        'dayBoard.get': () => board([{ repId: 2, repName: '张伟', plan: true, report: false }]),
      });
      expect(sheets()).toHaveLength(0);
      expect(wrapper.find('[data-test="print-empty"]').text()).toBe('2026-05-12 没有任何业务员的每日销售报告表');
      expect(wrapper.find('[data-test="print-now"]').attributes('disabled')).toBeDefined();
    },
    SLOW,
  );

  it(
    'prints market feedback of a period as one form per rep (reports without a rep on their own), or one report',
    async () => {
      const rows = [
        feedbackRow(1, { repId: 4, repName: '李娜' }),
        feedbackRow(2),
        feedbackRow(3, { repId: null, repName: null }),
        feedbackRow(4, { repId: 4, repName: '李娜', date: '2026-05-14' }),
      ];
      const core = await mountAt('/print/market-feedback?from=2026-05-01&to=2026-05-31&paper=a4', {
        'marketFeedback.list': () => ({ rows, total: rows.length }),
        'marketFeedback.get': (input: { id: number }) => rows.find((r) => r.id === input.id),
      });
      expect(core.of('marketFeedback.list')[0]!.input).toEqual({
        page: 1,
        pageSize: 500,
        from: '2026-05-01',
        to: '2026-05-31',
        sort: { field: 'date', order: 'asc' },
      });
      expect(sheets().map((s) => s.findAll('.meta .field')[1]!.text())).toEqual(['业务员：李娜', '业务员：张伟', '业务员：未指定业务员']);
      expect(pageNos()).toEqual(['第 1 / 1 页', '第 1 / 1 页', '第 1 / 1 页']);
      expect(sheets()[0]!.text()).toContain('共：2 条');
      expect(sheets()[0]!.find('[data-test="print-signature"]').text()).toContain('业务员签字');
      wrapper.unmount();

      await mountAt('/print/market-feedback?id=2', {
        'marketFeedback.get': (input: { id: number }) => rows.find((r) => r.id === input.id),
      });
      expect(sheets()).toHaveLength(1);
      expect(sheets()[0]!.text()).toContain('日期：2026-05-12');
      expect(sheets()[0]!.text()).toContain('FK-20260512-002');
    },
    SLOW,
  );

  it(
    'prints blank forms to fill in by hand, on the paper remembered for that form',
    async () => {
      await mountAt('/print/blank/daily-report', {
        'print.settings.get': () => ({ printers: [], forms: [{ form: 'dailyReport', printer: 'EPSON', paper: 'sanlian' }] }),
      });
      expect(sheets()).toHaveLength(1);
      expect(sheets()[0]!.attributes('data-paper')).toBe('sanlian');
      expect(wrapper.findAll('[data-test="print-row"]')).toHaveLength(0);
      expect(sheets()[0]!.findAll('.row.blank').length).toBeGreaterThan(3);
      expect(sheets()[0]!.text()).toContain('□出勤 □外出 □请假 □休息');
      expect(sheets()[0]!.find('[data-test="print-signature"]').text()).toContain('年　　月　　日');
    },
    SLOW,
  );

  it(
    'applies the chosen printer’s offset to every sheet',
    async () => {
      await mountAt('/print/visit-plan?repId=2&date=2026-05-12&paper=a4', {
        'visitPlans.get': () => planDetail(3),
        'print.settings.get': () => ({
          printers: [{ printer: 'EPSON', offsetX: 15, offsetY: -8 }],
          forms: [{ form: 'visitPlan', printer: 'EPSON', paper: 'a4' }],
        }),
      });
      expect(wrapper.find('.sheet .inner').attributes('style')).toContain('translate(1.5mm, -0.8mm)');
      expect(wrapper.find('[data-test="print-offset"]').text()).toContain('水平 +1.5 毫米，垂直 -0.8 毫米');
    },
    SLOW,
  );

  it(
    'calibrates: the ruler page, the offset computed from the measured cross and saved for the printer',
    async () => {
      const core = await mountAt('/print/calibration?paper=sanlian&printer=EPSON', {
        'print.settings.get': () => ({ printers: [{ printer: 'EPSON', offsetX: 10, offsetY: 0 }], forms: [] }),
        'print.settings.save': (input: { offset: { printer: string; offsetX: number; offsetY: number } }) => ({
          printers: [input.offset],
          forms: [],
        }),
      });
      const rulers = wrapper.find('[data-test="calibration-rulers"]');
      expect(rulers.attributes('viewBox')).toBe('0 0 241 140');
      expect(rulers.attributes('style')).toContain('translate(1mm, 0mm)');
      const inputs = wrapper.findAll('[data-test="calibration-form"] input');
      await inputs[0]!.setValue('31.5');
      await inputs[0]!.trigger('change');
      await inputs[1]!.setValue('28');
      await inputs[1]!.trigger('change');
      await wrapper.find('[data-test="calibration-compute"]').trigger('click');
      await wrapper.find('[data-test="offset-save"]').trigger('click');
      await vi.waitFor(() => expect(core.of('print.settings.save')).toHaveLength(1));
      expect(core.of('print.settings.save')[0]!.input).toEqual({ offset: { printer: 'EPSON', offsetX: -5, offsetY: 20 } });
      await vi.waitFor(() =>
        expect(wrapper.find('[data-test="calibration-rulers"]').attributes('style')).toContain('translate(-0.5mm, 2mm)'),
      );
    },
    SLOW,
  );

  it(
    'prints with window.print() in browser mode and remembers the printer and paper for the form',
    async () => {
      const print = vi.fn();
      window.print = print;
      const core = await mountAt('/print/visit-plan?repId=2&date=2026-05-12&paper=a4-landscape', {
        'visitPlans.get': () => planDetail(3),
        'print.settings.save': () => emptySettings(),
      });
      await wrapper.find('[data-test="print-now"]').trigger('click');
      await vi.waitFor(() => expect(core.of('print.settings.save')).toHaveLength(1));
      expect(print).toHaveBeenCalledTimes(1);
      expect(core.of('print.settings.save')[0]!.input).toEqual({ used: { form: 'visitPlan', printer: '', paper: 'a4-landscape' } });
    },
    SLOW,
  );

  it(
    'prints and saves PDFs through the Electron bridge, with the printer chosen and a file name for the form',
    async () => {
      const bridge = {
        print: vi.fn(async () => ({ ok: true })),
        savePdf: vi.fn(async () => ({ ok: true, path: 'C:\\Users\\u\\Documents\\x.pdf' })),
        printers: vi.fn(async () => [{ name: 'EPSON_LQ', displayName: 'EPSON LQ-630K' }]),
      };
      (window as { salesdesk?: unknown }).salesdesk = { print: bridge, call: undefined, methods: [] };
      const print = vi.fn();
      window.print = print;
      await mountAt('/print/daily-report?repId=2&date=2026-05-12&paper=sanlian&printer=EPSON_LQ', {
        'dailyReports.get': () => reportDetail(3),
        'print.settings.save': () => emptySettings(),
      });
      await wrapper.find('[data-test="print-now"]').trigger('click');
      await vi.waitFor(() => expect(bridge.print).toHaveBeenCalledWith({ paper: 'sanlian', printer: 'EPSON_LQ' }));
      await wrapper.find('[data-test="print-pdf"]').trigger('click');
      await vi.waitFor(() => expect(bridge.savePdf).toHaveBeenCalledWith({ paper: 'sanlian', fileName: '每日销售报告表-张伟-2026-05-12' }));
      expect(print).not.toHaveBeenCalled();
      expect(bridge.printers).toHaveBeenCalled();
    },
    SLOW,
  );

  it(
    'opens the preview in a window of its own in the desktop app, in place when it cannot; 返回 closes a preview window',
    async () => {
      const openPreview = vi.fn(async () => ({ ok: true }));
      (window as { salesdesk?: unknown }).salesdesk = { print: { openPreview, printers: async () => [] }, call: undefined, methods: [] };
      fakeCore({ 'print.settings.get': emptySettings, 'visitPlans.get': () => planDetail(3) });
      // a plain component object stands in for an app screen
      const screen = { render: () => h('div', { 'data-test': 'some-screen' }) };
      const router = createRouter({ history: createMemoryHistory(), routes: [...routes, { path: '/x-screen', component: screen }] });
      await router.push('/x-screen');
      await router.push('/print/visit-plan?repId=2&date=2026-05-12');
      expect(openPreview).toHaveBeenCalledWith('/print/visit-plan?repId=2&date=2026-05-12');
      expect(router.currentRoute.value.path).toBe('/x-screen');
      // the window could not open: the preview opens in place
      openPreview.mockResolvedValueOnce({ ok: false });
      await router.push('/print/blank/daily-report');
      expect(router.currentRoute.value.path).toBe('/print/blank/daily-report');

      const close = vi.fn();
      window.close = close;
      await mountAt('/print/visit-plan?repId=2&date=2026-05-12&preview=1', { 'visitPlans.get': () => planDetail(3) });
      await wrapper.find('[data-test="print-back"]').trigger('click');
      expect(close).toHaveBeenCalled();
    },
    SLOW,
  );

  it(
    'says what is missing from an incomplete address, and when the rep has no such form',
    async () => {
      await mountAt('/print/visit-plan?date=2026-05-12', {}, false);
      await vi.waitFor(() => expect(wrapper.find('[data-test="print-error"]').text()).toContain('缺少业务员'));
      wrapper.unmount();
      await mountAt('/print/visit-plan?repId=9&date=2026-05-12', { 'visitPlans.get': () => null });
      expect(wrapper.find('[data-test="print-empty"]').text()).toBe('该业务员当天没有这张表单');
    },
    SLOW,
  );
});
