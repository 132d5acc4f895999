// 客户自动评级 page, the customer page's 满意度 / 生命周期 tabs and the satisfaction dialog, and 客户分析's satisfaction
// panel, against the contract-checking fake core.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ElMessageBox } from 'element-plus';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { fakeCore } from './fakeCore';
import RegradePage from '@/views/customers/RegradePage.vue';
import LifecyclePanel from '@/views/customers/LifecyclePanel.vue';
import SatisfactionPanel from '@/views/satisfaction/SatisfactionPanel.vue';
import SatisfactionSummaryPanel from '@/views/satisfaction/SatisfactionSummaryPanel.vue';
import type { Output } from '@shared/contract';

type Preview = Output<'customers.regradePreview'>;
type SatRow = Output<'satisfaction.save'>;

function preview(token: string, rows: Preview['rows'] = defaultRows, total = rows.length): Preview {
  return {
    token,
    from: '2024-03-02',
    to: '2025-03-01',
    cutoffsBp: [7000, 9000, 9800],
    totalSalesFen: 100_000_00,
    rows,
    total,
    counts: {
      customers: 120,
      changed: total,
      upgraded: 1,
      downgraded: total - 1,
      before: { A: 10, B: 20, C: 40, D: 50 },
      after: { A: 11, B: 19, C: 38, D: 52 },
    },
  };
}
const defaultRows: Preview['rows'] = [
  {
    customerId: 3,
    code: 'C000003',
    name: '张记烟酒行',
    repName: '李娜',
    oldGrade: 'C',
    newGrade: 'A',
    salesFen: 70_000_00,
    cumulativeBp: 7000,
  },
  {
    customerId: 1,
    code: 'C000001',
    name: '北京华众商贸有限公司',
    repName: '赵磊',
    oldGrade: 'A',
    newGrade: 'D',
    salesFen: 0,
    cumulativeBp: null,
  },
];

const sat = (id: number, score: number, scoredOn: string, extra: Partial<SatRow> = {}): SatRow => ({
  id,
  customerId: 1,
  customerName: '北京华众商贸有限公司',
  score,
  comment: '',
  source: 'survey',
  complaintId: null,
  complaintCode: null,
  dailyReportLineId: null,
  reportDate: null,
  repId: 2,
  repName: '赵磊',
  scoredOn,
  operatorName: '测试',
  createdAt: `${scoredOn}T02:00:00.000Z`,
  ...extra,
});

let wrapper: VueWrapper | undefined;
async function mountIt(component: any, props: Record<string, unknown> = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/customers');
  await router.isReady();
  wrapper = mount(component, { props, global: { plugins: [createPinia(), i18n, router] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}
const settle = async (ms = 0) => {
  await flushPromises();
  if (ms) await new Promise((r) => setTimeout(r, ms));
  await flushPromises();
};
const messages = () => Array.from(document.querySelectorAll('.el-message')).map((m) => m.textContent ?? '');
const text = (sel: string) => document.querySelector(sel)?.textContent ?? '';
async function click(sel: string) {
  const el = document.querySelector<HTMLElement>(sel);
  if (!el) throw new Error(`nothing at ${sel}`);
  el.click();
  await settle();
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('客户自动评级 page', () => {
  it('shows the rule, the counts and the changes; a grade filter asks the server again', async () => {
    const core = fakeCore({
      'customers.regradePreview': () => preview('t1'),
      'settings.get': () => ({ lifecycleLostDays: 120 }),
    });
    await mountIt(RegradePage);
    expect(text('[data-test="regrade-rule"]')).toContain('2024-03-02 至 2025-03-01');
    expect(text('[data-test="regrade-rule"]')).toContain('累计占比 70% 以内为 A，90% 以内为 B，98% 以内为 C');
    expect(text('[data-test="regrade-changed"]')).toBe('2');
    expect(text('[data-test="regrade-grade-D"]')).toContain('50 → 52');
    const rows = Array.from(document.querySelectorAll('[data-test="regrade-rows"] tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['C000003', '张记烟酒行', '李娜', 'C', 'A', '¥70,000.00', '70.00%'],
      ['C000001', '北京华众商贸有限公司', '赵磊', 'A', 'D', '¥0.00', '—'],
    ]);
    expect(text('[data-test="lifecycle-rule"]')).toContain('120 天无订单 → 流失');
    await click(
      '[data-test="regrade-filter"] label:nth-of-type(5) input, [data-test="regrade-filter"] .el-radio-button:nth-child(5) input',
    );
    expect(core.of('customers.regradePreview').at(-1)!.input).toEqual({ page: 1, pageSize: 50, newGrade: 'D' });
    expect(core.rejected).toEqual([]);
  });

  it('applies the previewed token after the confirmation; a stale one is previewed again with a message', async () => {
    let n = 0;
    const core = fakeCore({
      'customers.regradePreview': () => preview(`t${++n}`),
      'settings.get': () => ({ lifecycleLostDays: 180 }),
      'customers.regradeApply': (inp: { token: string }) => {
        if (inp.token === 't1')
          throw { code: 'CONFLICT', message: '预览之后订单、退货或客户资料已有变化，预览已过期：请重新预览评级后再应用', field: 'token' };
        return { changed: 2 };
      },
    });
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    await mountIt(RegradePage);
    await click('[data-test="regrade-apply"]');
    expect(confirm.mock.calls[0]![0]).toContain('更新 2 位客户的等级（升级 1，降级 1）');
    expect(core.of('customers.regradeApply').map((c) => c.input)).toEqual([{ token: 't1' }]);
    await settle(50);
    expect(messages().join()).toContain('已重新预览');
    // previewed again: the new token is the one sent next
    await click('[data-test="regrade-apply"]');
    expect(core.of('customers.regradeApply').map((c) => c.input.token)).toEqual(['t1', 't2']);
    await settle(50);
    expect(messages().join()).toContain('已更新 2 位客户的等级');
    // cancelling the confirmation sends nothing
    confirm.mockRejectedValue('cancel');
    await click('[data-test="regrade-apply"]');
    expect(core.of('customers.regradeApply')).toHaveLength(2);
  });

  it('reads in English with the switch', async () => {
    i18n.global.locale.value = 'en';
    fakeCore({ 'customers.regradePreview': () => preview('t1'), 'settings.get': () => ({ lifecycleLostDays: 180 }) });
    await mountIt(RegradePage);
    expect(text('[data-test="regrade-rule"]')).toContain('from 2024-03-02 to 2025-03-01: A up to 70% of cumulative sales, B up to 90%');
    expect(text('[data-test="lifecycle-rule"]')).toContain('no order for 180 days → lost');
    expect(text('[data-test="regrade-apply"]')).toBe('Apply grades');
  });

  it('recomputes the lifecycle and says how many changed', async () => {
    const core = fakeCore({
      'customers.regradePreview': () => preview('t1', [], 0),
      'settings.get': () => ({ lifecycleLostDays: 180 }),
      'customers.recomputeLifecycle': () => ({ customers: 120, changed: 7 }),
    });
    await mountIt(RegradePage);
    expect((document.querySelector('[data-test="regrade-apply"]') as HTMLButtonElement).disabled).toBe(true);
    await click('[data-test="lifecycle-recompute"]');
    await settle(50);
    expect(core.of('customers.recomputeLifecycle')).toHaveLength(1);
    expect(messages().join()).toContain('已按规则检查 120 位客户，7 位的生命周期有变化');
  });
});

describe('customer page: satisfaction and lifecycle', () => {
  it('shows the average, the trend with the low score marked, and the scores newest first', async () => {
    fakeCore({
      'satisfaction.list': () => ({
        rows: [sat(3, 2, '2025-02-20', { comment: '价格偏高' }), sat(2, 4, '2025-02-01'), sat(1, 5, '2025-01-05')],
        total: 3,
        average: 3.67,
        lowCount: 1,
      }),
    });
    await mountIt(SatisfactionPanel, { customerId: 1 });
    expect(text('[data-test="sat-average"]')).toBe('平均 3.67 分（共 3 次，低分 1 次）');
    expect(document.querySelectorAll('[data-test="sat-trend"] circle')).toHaveLength(3);
    expect(document.querySelectorAll('[data-test="sat-trend"] circle.low')).toHaveLength(1);
    // the trend runs oldest → newest: the low score is the last point
    expect(document.querySelector('[data-test="sat-trend"] circle:last-of-type title')?.textContent).toBe('2025-02-20 2');
    const firstRow = Array.from(document.querySelectorAll('[data-test="sat-rows"] tbody tr')[0]!.querySelectorAll('td')).map((td) =>
      td.textContent?.trim(),
    );
    expect(firstRow[0]).toBe('2025-02-20');
    expect(firstRow[3]).toBe('价格偏高');
  });

  it('录入满意度 sends the score, source, date and comment; a refusal is shown in the dialog', async () => {
    let fail = true;
    const core = fakeCore({
      'satisfaction.list': () => ({ rows: [], total: 0, average: null, lowCount: 0 }),
      'satisfaction.save': (inp: any) => {
        if (fail) throw { code: 'VALIDATION', message: '评分日期：不能晚于今天', field: 'scoredOn' };
        return sat(9, inp.score, inp.scoredOn);
      },
    });
    await mountIt(SatisfactionPanel, { customerId: 1 });
    expect(text('[data-test="sat-panel"]')).toContain('暂无满意度记录');
    await click('[data-test="sat-add"]');
    await settle(50);
    expect((document.querySelector('[data-test="sat-save"]') as HTMLButtonElement).disabled).toBe(true); // no score yet
    const stars = document.querySelectorAll<HTMLElement>('[data-test="sat-score"] .el-rate__item');
    stars[1]!.click(); // 2 stars
    await settle();
    const comment = document.querySelector<HTMLTextAreaElement>('textarea[data-test="sat-comment"], [data-test="sat-comment"] textarea')!;
    comment.value = '送货太慢';
    comment.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    await click('[data-test="sat-save"]');
    // under the date field it names
    await vi.waitFor(() => expect(text('.el-form-item__error')).toBe('评分日期：不能晚于今天'));
    fail = false;
    await click('[data-test="sat-save"]');
    const sent = core.of('satisfaction.save').map((c) => c.input);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ customerId: 1, score: 2, source: 'survey', comment: '送货太慢' });
    expect(sent[1].scoredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(core.rejected).toEqual([]);
    // the list is read again after the save
    expect(core.of('satisfaction.list')).toHaveLength(2);
  });

  it('lists the lifecycle history with its reasons', async () => {
    fakeCore({
      'customers.lifecycleHistory': () => [
        { id: 2, fromLifecycle: 'first', toLifecycle: 'repeat', changedOn: '2025-03-01', reason: 'order', operatorName: '测试' },
        { id: 1, fromLifecycle: 'repeat', toLifecycle: 'lost', changedOn: '2024-12-01', reason: 'rule', operatorName: null },
      ],
    });
    await mountIt(LifecyclePanel, { customerId: 1 });
    const rows = Array.from(document.querySelectorAll('[data-test="lifecycle-rows"] tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['2025-03-01', '首次购买', '重复购买', '过账', '测试'],
      ['2024-12-01', '重复购买', '流失', '规则重算', ''],
    ]);
  });
});

describe('客户分析 satisfaction panel', () => {
  it('asks for the period and filters and lists regions and reps, a low average in red', async () => {
    const core = fakeCore({
      'satisfaction.summary': () => ({
        count: 5,
        average: 3.4,
        lowCount: 1,
        byRegion: [
          { id: 1, name: '华东', count: 3, average: 2, lowCount: 1 },
          { id: null, name: '未设区域', count: 2, average: 4.5, lowCount: 0 },
        ],
        byRep: [{ id: 2, name: '李娜', count: 5, average: 3.4, lowCount: 1 }],
      }),
    });
    await mountIt(SatisfactionSummaryPanel, { from: '2025-02-01', to: '2025-02-28', regionId: 7, repId: null });
    expect(core.of('satisfaction.summary').map((c) => c.input)).toEqual([{ from: '2025-02-01', to: '2025-02-28', regionId: 7 }]);
    expect(text('[data-test="sat-summary-total"]')).toContain('平均 3.40 分（共 5 次，低分 1 次）');
    const regions = Array.from(document.querySelectorAll('[data-test="sat-by-region"] tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent?.trim()),
    );
    expect(regions).toEqual([
      ['华东', '3', '2.00', '1'],
      ['未设区域', '2', '4.50', '0'],
    ]);
    expect(document.querySelectorAll('[data-test="sat-by-region"] .low')).toHaveLength(1);
    await wrapper!.setProps({ to: '2025-03-31' });
    await settle();
    expect(core.of('satisfaction.summary')).toHaveLength(2);
  });
});
