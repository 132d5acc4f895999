// 每日销售报告表 in the editor: a new report starts from the day's plan (one line per planned visit, linked by
// planLineId, customer fixed), unplanned visits are added from the keyboard, a visit not done needs a reason, the totals
// follow what is typed, the rep's month so far shows beside the header, and a signed report is read-only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import {
  DATE,
  activeField,
  enter,
  mountAt,
  optionTexts,
  planDetail,
  press,
  reportDetail,
  settle,
  shops,
  signedFields,
  typeHere,
  unmountAll,
} from './dailyFormsFixtures';
import { blankReportLine, followDocuments, lineDocuments, type DocumentFilled } from '@/views/dailyReports/reportForm';

const SLOW = { timeout: 120_000 };
const editor = `/daily-reports/edit?repId=3&date=${DATE}`;
const plan = planDetail([
  { customerId: 11, plannedTime: '09:00', purposes: ['develop'], id: 401 },
  { customerId: 12, plannedTime: '10:30', purposes: ['collect'], id: 402 },
  { customerId: 13, plannedTime: '14:00', purposes: ['order'], id: 403 },
]);
const inputOf = (name: string) => document.querySelector<HTMLInputElement>(`input[data-test="${name}"], [data-test="${name}"] input`);
const text = () => document.body.textContent ?? '';

describe('daily report editor', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(unmountAll);

  it(
    'a new report lists the day’s planned visits, linked to the plan; the clerk reports them and an unplanned one from the keyboard',
    SLOW,
    async () => {
      type SaveInput = { lines: Parameters<typeof reportDetail>[0] };
      const core = await mountAt(
        editor,
        {
          'dailyReports.get': () => null,
          'visitPlans.get': () => plan,
          'dailyReports.save': (input: SaveInput) => reportDetail(input.lines),
        },
        'report-editor',
      );
      await vi.waitFor(() => expect(document.querySelector('[data-test="r-customer-name-2"]')?.textContent).toBe(shops[2].name));
      expect(document.querySelector('[data-test="r-customer-name-0"]')?.textContent).toBe(shops[0].name);
      expect(text()).toContain('已按当日计划列出 3 个拜访');
      // planned customers are fixed: no picker on their lines
      expect(document.querySelector('[data-test="r-customer-0"]')).toBeNull();
      // the cursor starts in 出勤 (one stop), Enter goes to the first visit
      expect(activeField()).toBe('report-attendance');
      await enter();
      expect(activeField()).toBe('r-done-0');
      await enter(); // done: the reason is skipped
      expect(activeField()).toBe('r-outcome-0');
      await typeHere('确认首批订货');
      await enter();
      await typeHere('下周送货');
      await enter();
      expect(activeField()).toBe('r-order-0');
      await typeHere('3,200.50');
      await enter();
      await typeHere('0');
      await enter();
      // the second visit did not happen: Space unticks 完成, the reason opens
      expect(activeField()).toBe('r-done-1');
      const done1 = document.activeElement as HTMLInputElement;
      done1.click(); // what Space does on a check box
      await settle();
      await enter();
      expect(activeField()).toBe('r-reason-1');
      await typeHere('老板不在');
      await enter();
      await enter();
      await enter();
      await enter();
      await typeHere('500');
      await enter();
      expect(activeField()).toBe('r-done-2');
      await enter();
      await typeHere('补货');
      for (let i = 0; i < 4; i++) await enter();
      // Enter in the last cell of the last visit adds an unplanned visit, cursor in its customer
      await vi.waitFor(() => expect(activeField()).toBe('r-customer-3'));
      await typeHere('xxwj');
      await vi.waitFor(() => expect(optionTexts().join()).toContain('新乡万家福超市'));
      await enter();
      await vi.waitFor(() => expect(activeField()).toBe('r-done-3'));
      await enter();
      await typeHere('新店开业拜访');
      await enter();
      await enter();
      await typeHere('1000');
      // totals follow what is typed
      await vi.waitFor(() => expect(document.querySelector('.el-table__footer-wrapper')?.textContent).toContain('¥4,200.50'));
      expect(document.querySelector('.el-table__footer-wrapper')?.textContent).toContain('3/4');
      press('s', { ctrlKey: true, code: 'KeyS' });
      await vi.waitFor(() => expect(core.of('dailyReports.save')).toHaveLength(1));
      expect(core.rejected).toEqual([]);
      expect(core.of('dailyReports.save')[0]!.input).toEqual({
        repId: 3,
        date: DATE,
        attendance: 'present',
        problems: '',
        tomorrowPlan: '',
        lines: [
          { planLineId: 401, customerId: 11, done: true, outcome: '确认首批订货', nextStep: '下周送货', orderFen: 320050, collectedFen: 0 },
          {
            planLineId: 402,
            customerId: 12,
            done: false,
            reason: '老板不在',
            outcome: '',
            nextStep: '',
            orderFen: 0,
            collectedFen: 500_00,
          },
          { planLineId: 403, customerId: 13, done: true, outcome: '补货', nextStep: '', orderFen: 0, collectedFen: 0 },
          { customerId: 15, done: true, outcome: '新店开业拜访', nextStep: '', orderFen: 1000_00, collectedFen: 0 },
        ],
      });
      // saved: the month so far shows beside the header
      await vi.waitFor(() => expect(document.querySelector('[data-test="report-mtd"]')?.textContent).toContain('¥12,345.00'));
      expect(document.querySelector('[data-test="report-mtd"]')?.textContent).toContain('30（27）');
      // the month's sales target line, as 目标达成 reckons it
      expect(document.querySelector('[data-test="mtd-sales-target"]')?.textContent).toBe('¥50,000.00');
      expect(document.querySelector('[data-test="mtd-sales"]')?.textContent).toBe('¥11,500.00');
      expect(document.querySelector('[data-test="mtd-achievement"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
        '23.00% / 19.05% 超前',
      );
    },
  );

  it('a complaint handled on a visit links to one of the customer’s open complaints; without any the picker is skipped', SLOW, async () => {
    const twoShops = planDetail([
      { customerId: 13, purposes: ['service'], id: 401 },
      { customerId: 14, purposes: ['complaint'], id: 402 },
    ]);
    const core = await mountAt(
      editor,
      { 'dailyReports.get': () => null, 'visitPlans.get': () => twoShops, 'dailyReports.save': () => reportDetail([]) },
      'report-editor',
    );
    await vi.waitFor(() =>
      expect(
        core
          .of('complaints.list')
          .map((c) => c.input.customerId)
          .sort(),
      ).toEqual([13, 14]),
    );
    expect(core.of('complaints.list')[0]!.input).toMatchObject({ status: ['open'] });
    await vi.waitFor(() => expect(inputOf('r-complaint-1')).not.toBeNull());
    expect(inputOf('r-complaint-0')).toBeNull();
    // from the first visit's collected amount Enter goes to the next visit: no complaint to pick there
    inputOf('r-collected-0')!.focus();
    await enter();
    expect(activeField()).toBe('r-done-1');
    inputOf('r-complaint-1')!.click();
    await vi.waitFor(() => expect(optionTexts().join()).toContain('KS-20260304-001'));
    Array.from(document.querySelectorAll<HTMLElement>('.el-select-dropdown__item'))
      .find((o) => o.textContent?.includes('KS-20260304-001'))!
      .click();
    await settle();
    press('s', { ctrlKey: true, code: 'KeyS' });
    await vi.waitFor(() => expect(core.of('dailyReports.save')).toHaveLength(1));
    const lines = (core.of('dailyReports.save')[0]!.input as { lines: Array<Record<string, unknown>> }).lines;
    expect(lines[1]).toMatchObject({ planLineId: 402, customerId: 14, complaintId: 77 });
    expect(lines[0]).not.toHaveProperty('complaintId');
  });

  it(
    'a new report takes a planned customer’s amounts from the rep’s posted documents (read-only, Enter passes over them) and offers customers with documents but no line',
    SLOW,
    async () => {
      const docs = [
        {
          customerId: 12,
          customerCode: 'C00012',
          customerName: shops[1].name,
          orderFen: 366_000,
          collectedFen: 0,
          orderDocNos: ['XS-20260305-001', 'XS-20260305-002'],
          collectionDocNos: [],
        },
        {
          customerId: 16,
          customerCode: 'C00016',
          customerName: shops[5].name,
          orderFen: 0,
          collectedFen: 3_300,
          orderDocNos: [],
          collectionDocNos: ['SK-20260305-001'],
        },
      ];
      type SaveInput = { lines: Parameters<typeof reportDetail>[0] };
      const core = await mountAt(
        editor,
        {
          'dailyReports.get': () => null,
          'visitPlans.get': () => plan,
          'dailyReports.documents': () => ({ rows: docs }),
          'dailyReports.save': (input: SaveInput) => reportDetail(input.lines),
        },
        'report-editor',
      );
      const orderDocs = () => document.querySelector<HTMLElement>('[data-test="r-order-docs-1"]');
      await vi.waitFor(() => expect(orderDocs()?.textContent).toContain('¥3,660.00'));
      expect(core.of('dailyReports.documents')[0]!.input).toEqual({ repId: 3, date: DATE });
      expect(orderDocs()!.title).toBe('来自单据 XS-20260305-001、XS-20260305-002');
      // the order amount is not an input; the collected amount (no collection that day) still is
      expect(inputOf('r-order-1')).toBeNull();
      expect(inputOf('r-collected-1')).not.toBeNull();
      expect(document.querySelector('[data-test="r-collected-docs-1"]')).toBeNull();
      expect(document.querySelector('.el-table__footer-wrapper')?.textContent).toContain('¥3,660.00');
      // Enter goes from 下一步 straight to 收款, then on to the next visit
      inputOf('r-next-1')!.focus();
      await enter();
      expect(activeField()).toBe('r-collected-1');
      await enter();
      expect(activeField()).toBe('r-done-2');
      // 许昌金源食品 has a collection but no line: offered, and added as an unplanned visit with the collection's amount
      const unlisted = () => document.querySelector('[data-test="report-unlisted"]');
      expect(unlisted()?.textContent).toContain('未列入报告的单据');
      expect(unlisted()?.textContent).toContain(shops[5].name);
      expect(unlisted()?.textContent).toContain('SK-20260305-001');
      expect(unlisted()?.textContent).not.toContain(shops[1].name);
      document.querySelector<HTMLElement>('[data-test="report-add-unlisted-16"]')!.click();
      await vi.waitFor(() => expect(document.querySelector('[data-test="r-collected-docs-3"]')?.textContent).toContain('¥33.00'));
      expect(unlisted()).toBeNull();
      expect(inputOf('r-order-3')).not.toBeNull();
      press('s', { ctrlKey: true, code: 'KeyS' });
      await vi.waitFor(() => expect(core.of('dailyReports.save')).toHaveLength(1));
      expect(core.rejected).toEqual([]);
      const lines = (core.of('dailyReports.save')[0]!.input as { lines: Array<Record<string, unknown>> }).lines;
      expect(lines[1]).toMatchObject({ planLineId: 402, customerId: 12, orderFen: 366_000, collectedFen: 0 });
      expect(lines[3]).toEqual({ customerId: 16, done: true, outcome: '', nextStep: '', orderFen: 0, collectedFen: 3_300 });
    },
  );

  it('a visit not done needs a reason: refused with a message until one is typed', SLOW, async () => {
    const core = await mountAt(
      editor,
      { 'dailyReports.get': () => null, 'visitPlans.get': () => plan, 'dailyReports.save': () => reportDetail([]) },
      'report-editor',
    );
    await vi.waitFor(() => expect(inputOf('r-done-1')).not.toBeNull());
    inputOf('r-done-1')!.click();
    await settle();
    press('s', { ctrlKey: true, code: 'KeyS' });
    await settle(250);
    expect(text()).toContain('未完成原因：必填');
    expect(core.of('dailyReports.save')).toHaveLength(0);
    const reason = inputOf('r-reason-1')!;
    expect(reason.disabled).toBe(false);
    reason.value = '下雨改期';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    press('s', { ctrlKey: true, code: 'KeyS' });
    await vi.waitFor(() => expect(core.of('dailyReports.save')).toHaveLength(1));
    const lines = (core.of('dailyReports.save')[0]!.input as { lines: Array<{ done: boolean; reason?: string }> }).lines;
    expect(lines[1]).toMatchObject({ done: false, reason: '下雨改期' });
    expect(lines[0]).not.toHaveProperty('reason');
  });

  it('without a plan the report starts with one unplanned row; a leave day saves with no visits', SLOW, async () => {
    const core = await mountAt(
      editor,
      {
        'dailyReports.get': () => null,
        'visitPlans.get': () => null,
        'dailyReports.save': () => reportDetail([], { attendance: 'leave' }),
      },
      'report-editor',
    );
    await vi.waitFor(() => expect(text()).toContain('当日没有拜访计划'));
    expect(activeField()).toBe('report-attendance');
    // ←/→ choose inside the one stop; here the test picks 请假 as a click would
    (document.querySelectorAll('[data-test="report-attendance"] input')[2] as HTMLInputElement).click();
    await settle();
    press('s', { ctrlKey: true, code: 'KeyS' });
    await vi.waitFor(() => expect(core.of('dailyReports.save')).toHaveLength(1));
    expect(core.of('dailyReports.save')[0]!.input).toMatchObject({ attendance: 'leave', lines: [] });
  });

  it('an existing draft opens as saved, not from the plan', SLOW, async () => {
    const core = await mountAt(
      editor,
      {
        'dailyReports.get': () =>
          reportDetail([{ planLineId: 401, customerId: 11, done: true, outcome: '已下单', orderFen: 88800, id: 501 }]),
      },
      'report-editor',
    );
    await vi.waitFor(() => expect(inputOf('r-outcome-0')?.value).toBe('已下单'));
    expect(inputOf('r-order-0')?.value).toBe('888.00');
    expect(core.of('visitPlans.get')).toHaveLength(0);
    expect(document.querySelector('[data-test="report-mtd"]')?.textContent).toContain('4');
  });

  it('a draft shows the documents’ amounts read-only too, naming the documents', SLOW, async () => {
    await mountAt(
      editor,
      {
        'dailyReports.get': () =>
          reportDetail([{ planLineId: 401, customerId: 11, done: true, outcome: '已下单', orderFen: 88800, id: 501 }]),
        'dailyReports.documents': () => ({
          rows: [
            {
              customerId: 11,
              customerCode: 'C00011',
              customerName: shops[0].name,
              orderFen: 88800,
              collectedFen: 0,
              orderDocNos: ['XS-20260305-007'],
              collectionDocNos: [],
            },
          ],
        }),
      },
      'report-editor',
    );
    await vi.waitFor(() => expect(document.querySelector('[data-test="r-order-docs-0"]')?.textContent).toContain('¥888.00'));
    expect((document.querySelector('[data-test="r-order-docs-0"]') as HTMLElement).title).toContain('XS-20260305-007');
    expect(inputOf('r-order-0')).toBeNull();
    expect(document.querySelector('[data-test="report-unlisted"]')).toBeNull();
  });

  it('a signed report is read-only with its signature and content hash', SLOW, async () => {
    const core = await mountAt(
      editor,
      {
        'dailyReports.get': () =>
          reportDetail([{ planLineId: 401, customerId: 11, done: true, outcome: '已下单', orderFen: 88800 }], {
            ...signedFields,
            problems: '缺货',
          }),
      },
      'report-editor',
    );
    await vi.waitFor(() => expect(document.querySelector('[data-test="signed-hash"]')?.textContent).toBe('3fa9c0d1'));
    expect(document.querySelector('[data-test="signed-banner"]')?.textContent).toContain('刘主管');
    expect(document.querySelectorAll('[data-test="report-lines"] input:not([disabled])')).toHaveLength(0);
    expect(document.querySelector('[data-test="report-lines"]')?.textContent).toContain('¥888.00');
    expect((document.querySelector('textarea[data-test="report-problems"]') as HTMLTextAreaElement).readOnly).toBe(true);
    expect(document.querySelector('[data-test="form-save"]')).toBeNull();
    press('s', { ctrlKey: true, code: 'KeyS' });
    await settle();
    expect(core.of('dailyReports.save')).toHaveLength(0);
    // the reported visit takes the customer's satisfaction: the dialog is on that line
    (document.querySelector('[data-test="r-satisfaction-0"]') as HTMLElement).click();
    await settle();
    await vi.waitFor(() => expect(document.querySelector('[data-test="sat-source"] input')).not.toBeNull());
    expect((document.querySelector('[data-test="sat-source"] input') as HTMLInputElement).disabled).toBe(true);
  });
});

describe('a report line and the day’s documents', () => {
  const doc = (customerId: number, orderFen: number, collectedFen: number) => ({
    customerId,
    customerCode: `C${customerId}`,
    customerName: `客户${customerId}`,
    orderFen,
    collectedFen,
    orderDocNos: orderFen ? [`XS-${customerId}`] : [],
    collectionDocNos: collectedFen ? [`HK-${customerId}`] : [],
  });

  it('a line moved to a customer without documents starts again at 0; a typed amount elsewhere is kept', () => {
    const docs = [doc(16, 12_000, 3_300)];
    const moved = { ...blankReportLine(), customerId: 16 };
    const typed = { ...blankReportLine(), customerId: 17, orderFen: 5_000 };
    const lines = [moved, typed];
    const filled: DocumentFilled = new WeakMap();
    followDocuments(lines, lineDocuments(lines, docs), docs, filled);
    expect([moved.orderFen, moved.collectedFen, typed.orderFen]).toEqual([12_000, 3_300, 5_000]);
    // the clerk picks another customer on the first line, and a new line is inserted above both
    moved.customerId = 18;
    lines.unshift({ ...blankReportLine(), customerId: 19, orderFen: 700 });
    followDocuments(lines, lineDocuments(lines, docs), docs, filled);
    expect([moved.orderFen, moved.collectedFen, typed.orderFen, lines[0]!.orderFen]).toEqual([0, 0, 5_000, 700]);
    // and back to the customer with documents: their amounts again
    moved.customerId = 16;
    followDocuments(lines, lineDocuments(lines, docs), docs, filled);
    expect([moved.orderFen, moved.collectedFen]).toEqual([12_000, 3_300]);
  });
});
