// 客户对账单 screen against a fake core: nothing asked before a customer is chosen; the opening balance, every line with
// its running balance, 本期合计 and the closing balance, the aging at the end date; a quick period asks again; Excel
// exports that statement; 打印 / PDF opens it on the print pipeline.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router';
import { defineComponent, h } from 'vue';
import { i18n } from '@/i18n';
import { routes } from '@/router';
import { fakeCore } from './fakeCore';
import type { StatementOutput } from '@shared/contract/receivables';
import { monthRange, todayYmd } from '@/views/receivables/dates';

const SLOW = 120_000;
let wrapper: VueWrapper | undefined;
let pinia: Pinia;
let router: Router;

function statement({ customerId, from, to }: { customerId: number; from: string; to: string }): StatementOutput {
  return {
    customerId,
    customerCode: 'C0009',
    customerName: '北京华众商贸',
    contactName: '王强',
    phone: '13800001111',
    address: '北京市朝阳区建国路 88 号',
    from,
    to,
    openingFen: 50_000,
    lines: [
      { date: from, kind: 'order', docNo: 'XS-20250601-001', debitFen: 120_000, creditFen: 0, balanceFen: 170_000, note: '' },
      { date: from, kind: 'return', docNo: 'TH-20250603-001', debitFen: 0, creditFen: 20_000, balanceFen: 150_000, note: '包装破损' },
      { date: to, kind: 'collection', docNo: 'HK-20250620-001', debitFen: 0, creditFen: 100_000, balanceFen: 50_000, note: '转账' },
    ],
    debitFen: 120_000,
    creditFen: 120_000,
    closingFen: 50_000,
    aging: {
      bucketEdges: [30, 60, 90, 180],
      notDueFen: 30_000,
      bucketsFen: [20_000, 0, 0, 0, 0],
      totalFen: 50_000,
      overdueFen: 20_000,
      prepaymentFen: 0,
    },
  };
}

const Host = defineComponent({ render: () => h(RouterView) });
const settle = async (ms = 60) => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, ms));
  await flushPromises();
};
async function until(ok: () => boolean) {
  for (let i = 0; i < 200 && !ok(); i++) await settle(50);
}
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const get = (id: string) => text(document.querySelector(`[data-test="${id}"]`));

async function mountAt(path: string) {
  router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  wrapper = mount(Host, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  await settle();
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN';
  pinia = createPinia();
  setActivePinia(pinia);
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
});

describe('客户对账单', () => {
  it('asks nothing until a customer is chosen', { timeout: SLOW }, async () => {
    const core = fakeCore({ 'statements.get': statement, 'customers.list': () => ({ rows: [], total: 0 }) });
    await mountAt('/statements');
    expect(get('statement-hint')).toBe('先选择客户，再选择期间');
    expect(core.of('statements.get')).toHaveLength(0);
  });

  it('opening, each line with its running balance, totals, closing and the aging at the end date', { timeout: SLOW }, async () => {
    const core = fakeCore({ 'statements.get': statement, 'customers.list': () => ({ rows: [], total: 0 }) });
    await mountAt('/statements?customerId=9&from=2025-06-01&to=2025-06-30');
    expect(core.of('statements.get').map((c) => c.input)).toEqual([{ customerId: 9, from: '2025-06-01', to: '2025-06-30' }]);
    expect(get('statement-opening')).toBe('¥500.00');
    expect(get('statement-debit')).toBe('¥1,200.00');
    expect(get('statement-credit')).toBe('¥1,200.00');
    expect(get('statement-closing')).toBe('¥500.00');
    expect(get('statement-head')).toContain('北京华众商贸');
    expect(get('statement-head')).toContain('北京市朝阳区建国路 88 号');
    const lines = Array.from(document.querySelectorAll('[data-test="statement-lines"] .el-table__body-wrapper tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((c) => text(c)),
    );
    expect(lines).toEqual([
      ['2025-06-01', '', '', '上期结转', '', '', '500.00'],
      ['2025-06-01', '销售', 'XS-20250601-001', '', '1,200.00', '', '1,700.00'],
      ['2025-06-01', '退货', 'TH-20250603-001', '包装破损', '', '200.00', '1,500.00'],
      ['2025-06-30', '回款', 'HK-20250620-001', '转账', '', '1,000.00', '500.00'],
    ]);
    const foot = Array.from(document.querySelectorAll('[data-test="statement-lines"] .el-table__footer-wrapper td')).map((c) => text(c));
    expect(foot.slice(3)).toEqual(['本期合计（3 笔）', '1,200.00', '1,200.00', '500.00']);
    expect(get('statement-aging')).toMatch(/^账龄（截至 2025-06-30）：/);
    expect(Array.from(document.querySelectorAll('[data-test="statement-aging"] .bucket')).map((b) => text(b))).toEqual([
      '未到期 300.00',
      '1–30天 200.00',
      '31–60天 0.00',
      '61–90天 0.00',
      '91–180天 0.00',
      '180天以上 0.00',
      '逾期合计 200.00',
      '预收 0.00',
    ]);
  });

  it('a quick period asks again; 打印 / PDF opens the A4 print route of the same statement', { timeout: SLOW }, async () => {
    const core = fakeCore({
      'statements.get': statement,
      'customers.list': () => ({ rows: [], total: 0 }),
      'export.xlsx': () => ({ fileName: '客户对账单.xlsx', base64: 'UEsDBA==', rowCount: 5 }),
    });
    await mountAt('/statements?customerId=9&from=2025-06-01&to=2025-06-30');
    (document.querySelector('[data-test="statement-last-month"]') as HTMLElement).click();
    await settle();
    const [from, to] = monthRange(todayYmd(), -1);
    expect(core.of('statements.get').at(-1)!.input).toEqual({ customerId: 9, from, to });
    (document.querySelector('[data-test="export-button"]') as HTMLElement).click();
    await settle();
    expect(core.of('export.xlsx').map((c) => c.input)).toEqual([{ entity: 'statement', filters: { customerId: 9, from, to } }]);
    (document.querySelector('[data-test="statement-print"]') as HTMLElement).click();
    await until(() => router.currentRoute.value.path === '/print/statement');
    expect(router.currentRoute.value.query).toEqual({ customerId: '9', from, to, paper: 'a4' });
    expect(core.rejected).toEqual([]);
  });
});
