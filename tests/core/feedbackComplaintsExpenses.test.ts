// 市场状况反映表, 客诉 and 销售费用 (PRODUCT.md §2.5): entry with Chinese messages naming the field, codes by day,
// the status flow open → handled → reopened (a handled record is not edited in place), server-side paging, sorting and
// filters, and an audit entry for every change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import * as XLSX from '@e965/xlsx';
import { describeAudit } from '../../shared/domain/audit';
import { addOperator, asOperator, digest, fail, makeCore, ok, seed, type Seeded, type TestCore } from './helpers';

let core: TestCore;
let s: Seeded;
let products: { maotai: number; wuliangye: number };
let dealer: number;
beforeEach(async () => {
  core = makeCore();
  s = await seed(core);
  products = {
    maotai: (await ok(core, 'products.save', { name: '贵州茅台酒', spec: '53度 500ml', unit: '瓶', listPriceFen: 149_900 })).id,
    wuliangye: (await ok(core, 'products.save', { name: '五粮液', spec: '52度 500ml', unit: '瓶', listPriceFen: 109_900 })).id,
  };
  dealer = (await ok(core, 'dealers.save', { name: '南京恒达酒业', repId: s.reps.li.id })).id;
});
afterEach(() => core.close());

/** Refused with this code, naming this field and saying this, and nothing written. */
async function refused(method: string, input: unknown, code: string, field: string | undefined, text: string) {
  const before = digest(core.ctx.db);
  const err = await fail(core, method, input);
  expect(err, `${method} ${JSON.stringify(input)}`).toMatchObject({ code, ...(field ? { field } : {}) });
  expect(err.message).toContain(text);
  expect(digest(core.ctx.db)).toBe(before);
  return err;
}

const latestAudit = async (entity: string, entityId: number) => (await ok(core, 'audit.list', { entity, entityId, pageSize: 1 })).rows[0]!;

// ---------- market feedback ----------

const feedback = (extra: Partial<Input<'marketFeedback.save'>> = {}): Input<'marketFeedback.save'> => ({
  date: '2025-02-28',
  repId: s.reps.li.id,
  feedbackType: 'competitor',
  urgency: 'urgent',
  subject: '竞品降价',
  content: '某品牌五粮液在鼓楼片区终端降价 10%，经销商压力很大',
  competitor: '某品牌',
  productId: products.wuliangye,
  dealerId: dealer,
  customerId: s.customers.c2.id,
  ...extra,
});

describe('market feedback: entry', () => {
  it('numbers codes per day (FK-YYYYMMDD-NNN) inside the save, and keeps a code when the record is edited', async () => {
    const a = await ok(core, 'marketFeedback.save', feedback());
    const b = await ok(core, 'marketFeedback.save', feedback({ content: '第二条' }));
    const c = await ok(core, 'marketFeedback.save', feedback({ date: '2025-03-01', content: '第三条' }));
    expect([a.code, b.code, c.code]).toEqual(['FK-20250228-001', 'FK-20250228-002', 'FK-20250301-001']);
    const edited = await ok(core, 'marketFeedback.save', { ...feedback({ date: '2025-02-27', content: '改了日期' }), id: a.id });
    expect(edited).toEqual({ id: a.id, code: 'FK-20250228-001' });
    expect((await ok(core, 'marketFeedback.save', feedback({ content: '第四条' }))).code).toBe('FK-20250228-003');
  });

  it('reads back with names, and takes the customer’s region when none is given', async () => {
    const { id } = await ok(core, 'marketFeedback.save', feedback());
    const row = await ok(core, 'marketFeedback.get', { id });
    expect(row).toMatchObject({
      code: 'FK-20250228-001',
      date: '2025-02-28',
      repName: '李娜',
      feedbackType: 'competitor',
      urgency: 'urgent',
      subject: '竞品降价',
      competitor: '某品牌',
      productName: '五粮液',
      dealerName: '南京恒达酒业',
      customerName: '南京鼓楼便利店',
      regionId: s.regions.gulou.id,
      regionPath: ['华东', '江苏省', '南京市', '鼓楼片区'],
      status: 'open',
      handler: '',
      response: '',
      handledDate: null,
    });
    const own = await ok(core, 'marketFeedback.save', feedback({ customerId: null, regionId: s.regions.beijing.id }));
    expect((await ok(core, 'marketFeedback.get', { id: own.id })).regionPath).toEqual(['华北', '北京市']);
    const bare = await ok(core, 'marketFeedback.save', { date: '2025-03-01', feedbackType: 'consumer', content: '消费者说口感变了' });
    expect(await ok(core, 'marketFeedback.get', { id: bare.id })).toMatchObject({
      repId: null,
      urgency: 'normal',
      customerId: null,
      regionId: null,
      regionPath: [],
    });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    await refused('marketFeedback.save', feedback({ content: '  ' }), 'VALIDATION', 'content', '内容：不能为空');
    await refused('marketFeedback.save', { ...feedback(), feedbackType: 'rumour' }, 'VALIDATION', 'feedbackType', '反馈类型');
    await refused('marketFeedback.save', { ...feedback(), urgency: 'asap' }, 'VALIDATION', 'urgency', '紧急程度');
    await refused('marketFeedback.save', feedback({ subject: '长'.repeat(101) }), 'VALIDATION', 'subject', '标题');
    await refused('marketFeedback.save', feedback({ date: '2025-02-30' }), 'VALIDATION', 'date', '日期');
    await refused('marketFeedback.save', feedback({ date: '2025-03-02' }), 'VALIDATION', 'date', '日期：不能晚于今天（2025-03-01）');
    await refused('marketFeedback.save', feedback({ repId: 9999 }), 'REFERENCE', 'repId', '业务员');
    await refused('marketFeedback.save', feedback({ productId: 9999 }), 'REFERENCE', 'productId', '产品');
    await refused('marketFeedback.save', feedback({ dealerId: 9999 }), 'REFERENCE', 'dealerId', '经销商');
    await refused('marketFeedback.save', feedback({ customerId: 9999 }), 'REFERENCE', 'customerId', '客户');
    await refused('marketFeedback.save', feedback({ regionId: 9999 }), 'REFERENCE', 'regionId', '区域');
    await refused('marketFeedback.save', { ...feedback(), id: 9999 }, 'NOT_FOUND', 'id', '市场反映不存在');
    await refused('marketFeedback.get', { id: 9999 }, 'NOT_FOUND', 'id', '市场反映不存在');
  });
});

describe('market feedback: open → handled → reopened', () => {
  it('is handled once, with handler, response and date; a handled report is reopened before any edit', async () => {
    const { id } = await ok(core, 'marketFeedback.save', feedback());
    const handled = await ok(core, 'marketFeedback.handle', { id, handler: '王强', response: '已申请促销支持', handledDate: '2025-03-01' });
    expect(handled).toMatchObject({ id, status: 'handled', handler: '王强', response: '已申请促销支持', handledDate: '2025-03-01' });

    await refused(
      'marketFeedback.handle',
      { id, handler: '李娜', response: '再处理', handledDate: '2025-03-01' },
      'CONFLICT',
      'id',
      '不能重复处理',
    );
    await refused('marketFeedback.save', { ...feedback({ content: '偷偷改' }), id }, 'CONFLICT', 'id', '已处理的市场反映不能修改');

    const reopened = await ok(core, 'marketFeedback.reopen', { id, reason: '经销商再次反映' });
    expect(reopened).toMatchObject({ status: 'open', handler: '', response: '', handledDate: null });
    await refused('marketFeedback.reopen', { id, reason: '再开一次' }, 'CONFLICT', 'id', '尚未处理');
    await ok(core, 'marketFeedback.save', { ...feedback({ content: '补充：降价已扩大到玄武片区' }), id });
    await ok(core, 'marketFeedback.handle', { id, handler: '王强', response: '已调整终端价', handledDate: '2025-03-01' });
  });

  it('refuses a handling dated before the report or after today, and empty handler or response', async () => {
    const { id } = await ok(core, 'marketFeedback.save', feedback());
    const h = { id, handler: '王强', response: '已处理', handledDate: '2025-03-01' };
    await refused(
      'marketFeedback.handle',
      { ...h, handledDate: '2025-02-27' },
      'VALIDATION',
      'handledDate',
      '处理日期：不能早于反映日期（2025-02-28）',
    );
    await refused('marketFeedback.handle', { ...h, handledDate: '2025-03-05' }, 'VALIDATION', 'handledDate', '处理日期：不能晚于今天');
    await refused('marketFeedback.handle', { ...h, handler: '' }, 'VALIDATION', 'handler', '处理人：不能为空');
    await refused('marketFeedback.handle', { ...h, response: ' ' }, 'VALIDATION', 'response', '处理结果：不能为空');
    await refused('marketFeedback.handle', { ...h, id: 9999 }, 'NOT_FOUND', 'id', '市场反映不存在');
    await refused('marketFeedback.reopen', { id, reason: '' }, 'VALIDATION', 'reason', '原因：不能为空');
  });

  it('writes create, update, handle and reopen to the audit log, in names and words', async () => {
    const { id } = await ok(core, 'marketFeedback.save', feedback());
    const created = await latestAudit('marketFeedback', id);
    expect(created).toMatchObject({ action: 'create', operatorId: core.managerId });
    expect(describeAudit(created, 'zh-CN')).toContain('反馈类型：竞品动态');
    expect(describeAudit(created, 'zh-CN')).toContain('业务员：李娜');
    expect(describeAudit(created, 'en')).toContain('Type: Competitor activity');

    await ok(core, 'marketFeedback.save', { ...feedback({ urgency: 'critical', productId: products.maotai }), id });
    expect(describeAudit(await latestAudit('marketFeedback', id), 'zh-CN')).toBe('紧急程度：紧急 → 特急；产品：五粮液 → 贵州茅台酒');

    await ok(core, 'marketFeedback.handle', { id, handler: '王强', response: '已申请促销支持', handledDate: '2025-03-01' });
    const handled = await latestAudit('marketFeedback', id);
    expect(handled.action).toBe('handle');
    expect(describeAudit(handled, 'zh-CN')).toBe(
      '状态：待处理 → 已处理；处理人：空 → 王强；处理结果：空 → 已申请促销支持；处理日期：空 → 2025-03-01',
    );

    await ok(core, 'marketFeedback.reopen', { id, reason: '经销商再次反映' });
    const reopened = await latestAudit('marketFeedback', id);
    expect(reopened.action).toBe('reopen');
    expect(reopened.before).toMatchObject({ status: 'handled', response: '已申请促销支持' });
    expect(describeAudit(reopened, 'zh-CN')).toContain('原因：空 → 经销商再次反映');
    expect((await ok(core, 'audit.verify', {})).ok).toBe(true);
  });
});

describe('market feedback: the list pages, sorts and filters on the server', () => {
  beforeEach(async () => {
    const rows: Array<Partial<Input<'marketFeedback.save'>>> = [
      {
        date: '2025-02-01',
        feedbackType: 'consumer',
        urgency: 'normal',
        content: '消费者反映瓶盖难开',
        customerId: s.customers.c1.id,
        repId: s.reps.zhao.id,
        dealerId: null,
        productId: products.maotai,
      },
      { date: '2025-02-10', feedbackType: 'violation', urgency: 'critical', content: '发现外地货低价窜入', customerId: s.customers.c3.id },
      { date: '2025-02-20', feedbackType: 'dealer', urgency: 'urgent', content: '经销商要求增加账期', customerId: null },
      { date: '2025-02-25', feedbackType: 'competitor', urgency: 'normal', content: '竞品买一送一', customerId: s.customers.c2.id },
      {
        date: '2025-03-01',
        feedbackType: 'other',
        urgency: 'urgent',
        content: '仓库搬迁',
        customerId: null,
        repId: null,
        dealerId: null,
        productId: null,
      },
    ];
    for (const r of rows) await ok(core, 'marketFeedback.save', feedback(r));
    const second = (await ok(core, 'marketFeedback.list', { search: '窜入' })).rows[0]!;
    await ok(core, 'marketFeedback.handle', { id: second.id, handler: '王强', response: '已通报', handledDate: '2025-02-12' });
  });
  const codes = async (input: Input<'marketFeedback.list'>) => (await ok(core, 'marketFeedback.list', input)).rows.map((r) => r.content);

  it('newest first by default, paged with the total of every page', async () => {
    const page1 = await ok(core, 'marketFeedback.list', { pageSize: 2 });
    expect(page1.total).toBe(5);
    expect(page1.rows.map((r) => r.date)).toEqual(['2025-03-01', '2025-02-25']);
    const page3 = await ok(core, 'marketFeedback.list', { pageSize: 2, page: 3 });
    expect(page3.rows.map((r) => r.date)).toEqual(['2025-02-01']);
  });

  it('sorts by urgency (特急 first), date and customer (pinyin)', async () => {
    expect(await codes({ sort: { field: 'urgency', order: 'desc' } })).toEqual([
      '发现外地货低价窜入',
      '仓库搬迁',
      '经销商要求增加账期',
      '竞品买一送一',
      '消费者反映瓶盖难开',
    ]);
    expect((await ok(core, 'marketFeedback.list', { sort: { field: 'date', order: 'asc' } })).rows[0]!.date).toBe('2025-02-01');
    const byCustomer = (await ok(core, 'marketFeedback.list', { sort: { field: 'customerName', order: 'asc' } })).rows.map(
      (r) => r.customerName,
    );
    expect(byCustomer).toEqual([null, null, '北京华众商贸有限公司', '南京鼓楼便利店', '张记烟酒行']);
  });

  it('filters by dates, status, type, urgency, rep, customer, dealer, product', async () => {
    expect(await codes({ from: '2025-02-10', to: '2025-02-20' })).toEqual(['经销商要求增加账期', '发现外地货低价窜入']);
    expect(await codes({ status: ['handled'] })).toEqual(['发现外地货低价窜入']);
    expect((await codes({ status: ['open'] })).length).toBe(4);
    expect(await codes({ feedbackType: ['consumer', 'competitor'] })).toEqual(['竞品买一送一', '消费者反映瓶盖难开']);
    expect(await codes({ urgency: ['urgent'] })).toEqual(['仓库搬迁', '经销商要求增加账期']);
    expect(await codes({ repId: s.reps.zhao.id })).toEqual(['消费者反映瓶盖难开']);
    expect(await codes({ customerId: s.customers.c2.id })).toEqual(['竞品买一送一']);
    expect((await codes({ dealerId: dealer })).length).toBe(3);
    expect(await codes({ productId: products.maotai })).toEqual(['消费者反映瓶盖难开']);
    await refused('marketFeedback.list', { from: '2025-03-01', to: '2025-02-01' }, 'VALIDATION', 'to', '结束日期：不能早于开始日期');
  });

  it('searches content, code, the answer, and names by pinyin initials', async () => {
    expect(await codes({ search: '买一送一' })).toEqual(['竞品买一送一']);
    expect(await codes({ search: 'FK-20250210' })).toEqual(['发现外地货低价窜入']);
    expect(await codes({ search: '已通报' })).toEqual(['发现外地货低价窜入']);
    expect(await codes({ search: 'njglbld' })).toEqual(['竞品买一送一']); // 南京鼓楼便利店
    expect(await codes({ search: 'zhangji' })).toEqual(['发现外地货低价窜入']); // 张记烟酒行 in full pinyin
    expect(await codes({ search: 'hdjy 账期' })).toEqual(['经销商要求增加账期']); // 南京恒达酒业 + a word of the content
    expect(await codes({ search: '不存在的内容' })).toEqual([]);
  });
});

// ---------- complaints ----------

const complaint = (extra: Partial<Input<'complaints.save'>> = {}): Input<'complaints.save'> => ({
  receivedDate: '2025-02-28',
  customerId: s.customers.c2.id,
  productId: products.maotai,
  content: '到货两箱包装破损',
  urgency: 'urgent',
  ...extra,
});

describe('complaints', () => {
  it('KS codes per day; the rep defaults to the customer’s, and can be set or left empty', async () => {
    const a = await ok(core, 'complaints.save', complaint());
    const b = await ok(core, 'complaints.save', complaint({ repId: s.reps.boss.id }));
    const c = await ok(core, 'complaints.save', complaint({ receivedDate: '2025-03-01', repId: null, customerId: s.customers.c4.id }));
    expect([a.code, b.code, c.code]).toEqual(['KS-20250228-001', 'KS-20250228-002', 'KS-20250301-001']);
    expect(await ok(core, 'complaints.get', { id: a.id })).toMatchObject({
      customerName: '南京鼓楼便利店',
      productName: '贵州茅台酒',
      repId: s.reps.li.id,
      repName: '李娜',
      status: 'open',
    });
    expect((await ok(core, 'complaints.get', { id: b.id })).repName).toBe('王强');
    expect((await ok(core, 'complaints.get', { id: c.id })).repId).toBeNull();
  });

  it('refuses bad input naming the field', async () => {
    const { customerId: _c, ...noCustomer } = complaint();
    await refused('complaints.save', noCustomer, 'VALIDATION', 'customerId', '客户：不能为空');
    await refused('complaints.save', complaint({ content: '' }), 'VALIDATION', 'content', '内容：不能为空');
    await refused('complaints.save', complaint({ receivedDate: '2025-03-02' }), 'VALIDATION', 'receivedDate', '受理日期：不能晚于今天');
    await refused('complaints.save', complaint({ customerId: 9999 }), 'REFERENCE', 'customerId', '客户');
    await refused('complaints.save', complaint({ productId: 9999 }), 'REFERENCE', 'productId', '产品');
    await refused('complaints.save', complaint({ repId: 9999 }), 'REFERENCE', 'repId', '业务员');
  });

  it('open → handled → reopened, with the same rules and audit entries as feedback', async () => {
    const { id } = await ok(core, 'complaints.save', complaint());
    await refused(
      'complaints.handle',
      { id, handler: '王强', response: '换货', handledDate: '2025-02-27' },
      'VALIDATION',
      'handledDate',
      '不能早于受理日期（2025-02-28）',
    );
    const handled = await ok(core, 'complaints.handle', { id, handler: '王强', response: '已换货两箱', handledDate: '2025-02-28' });
    expect(handled).toMatchObject({ status: 'handled', handler: '王强', response: '已换货两箱', handledDate: '2025-02-28' });
    await refused('complaints.save', { ...complaint(), id }, 'CONFLICT', 'id', '已处理的客诉不能修改');
    await refused(
      'complaints.handle',
      { id, handler: '王强', response: '再换', handledDate: '2025-03-01' },
      'CONFLICT',
      'id',
      '不能重复处理',
    );
    await ok(core, 'complaints.reopen', { id, reason: '换货后仍有破损' });
    expect((await ok(core, 'complaints.get', { id })).status).toBe('open');
    const actions = (await ok(core, 'audit.list', { entity: 'complaint', entityId: id })).rows.map((r) => r.action);
    expect(actions).toEqual(['reopen', 'handle', 'create']);
    expect(describeAudit((await ok(core, 'audit.list', { entity: 'complaint', entityId: id })).rows[2]!, 'zh-CN')).toContain(
      '客户：南京鼓楼便利店',
    );
  });

  it('lists with filters, sorts and search', async () => {
    await ok(core, 'complaints.save', complaint({ receivedDate: '2025-02-01', urgency: 'normal', content: '送货晚了一天' }));
    await ok(
      core,
      'complaints.save',
      complaint({ receivedDate: '2025-02-15', urgency: 'critical', content: '酒有异味', customerId: s.customers.c1.id }),
    );
    const third = await ok(
      core,
      'complaints.save',
      complaint({ receivedDate: '2025-02-20', productId: products.wuliangye, content: '发票开错' }),
    );
    await ok(core, 'complaints.handle', { id: third.id, handler: '财务', response: '已重开发票', handledDate: '2025-02-21' });
    const contents = async (input: Input<'complaints.list'>) => (await ok(core, 'complaints.list', input)).rows.map((r) => r.content);
    expect(await contents({})).toEqual(['发票开错', '酒有异味', '送货晚了一天']);
    expect(await contents({ sort: { field: 'urgency', order: 'desc' } })).toEqual(['酒有异味', '发票开错', '送货晚了一天']);
    expect(await contents({ status: ['handled'] })).toEqual(['发票开错']);
    expect(await contents({ customerId: s.customers.c1.id })).toEqual(['酒有异味']);
    expect(await contents({ repId: s.reps.zhao.id })).toEqual(['酒有异味']); // 华众's rep
    expect(await contents({ productId: products.wuliangye })).toEqual(['发票开错']);
    expect(await contents({ urgency: ['normal'], from: '2025-01-01', to: '2025-02-10' })).toEqual(['送货晚了一天']);
    expect(await contents({ search: 'bjhz' })).toEqual(['酒有异味']);
    expect(await contents({ search: '重开' })).toEqual(['发票开错']);
    const paged = await ok(core, 'complaints.list', { pageSize: 1, page: 2 });
    expect([paged.total, paged.rows.map((r) => r.content)]).toEqual([3, ['酒有异味']]);
  });
});

// ---------- expenses ----------

const expense = (extra: Partial<Input<'expenses.save'>> = {}): Input<'expenses.save'> => ({
  repId: s.reps.li.id,
  date: '2025-02-28',
  category: 'travel',
  amountFen: 35_800,
  customerId: s.customers.c2.id,
  note: '南京往返高铁',
  ...extra,
});

describe('expenses', () => {
  it('refuses an amount of 0, a negative or a fractional one, naming 金额', async () => {
    await refused('expenses.save', expense({ amountFen: 0 }), 'VALIDATION', 'amountFen', '金额：必须大于 0');
    await refused('expenses.save', expense({ amountFen: -500 }), 'VALIDATION', 'amountFen', '金额：必须大于 0');
    await refused('expenses.save', expense({ amountFen: 12.5 }), 'VALIDATION', 'amountFen', '金额');
    await refused('expenses.save', { ...expense(), amountFen: '358' }, 'VALIDATION', 'amountFen', '金额');
    await refused('expenses.save', expense({ amountFen: 1e13 }), 'VALIDATION', 'amountFen', '金额');
    const { amountFen: _a, ...noAmount } = expense();
    await refused('expenses.save', noAmount, 'VALIDATION', 'amountFen', '金额：不能为空');
    // the table refuses it too, whatever writes
    expect(() =>
      core.ctx.db
        .prepare(
          "insert into expenses (rep_id, date, category, amount_fen, created_at, updated_at) values (?, '2025-02-28', 'travel', 0, 'x', 'x')",
        )
        .run(s.reps.li.id),
    ).toThrow(/CHECK constraint failed/);
  });

  it('refuses other bad input naming the field', async () => {
    await refused('expenses.save', { ...expense(), category: 'food' }, 'VALIDATION', 'category', '费用类别');
    const { repId: _r, ...noRep } = expense();
    await refused('expenses.save', noRep, 'VALIDATION', 'repId', '业务员：不能为空');
    await refused('expenses.save', expense({ repId: 9999 }), 'REFERENCE', 'repId', '业务员');
    await refused('expenses.save', expense({ customerId: 9999 }), 'REFERENCE', 'customerId', '客户');
    await refused('expenses.save', expense({ date: '2025-03-02' }), 'VALIDATION', 'date', '日期：不能晚于今天');
    await refused('expenses.save', expense({ note: '长'.repeat(501) }), 'VALIDATION', 'note', '备注');
    await refused('expenses.save', { ...expense(), id: 9999 }, 'NOT_FOUND', 'id', '销售费用不存在');
  });

  it('saves, edits and audits with amounts in 元', async () => {
    const { id } = await ok(core, 'expenses.save', expense());
    expect(await ok(core, 'expenses.get', { id })).toMatchObject({ repName: '李娜', customerName: '南京鼓楼便利店', amountFen: 35_800 });
    await ok(core, 'expenses.save', { ...expense({ amountFen: 36_050, category: 'transport' }), id });
    const entry = await latestAudit('expense', id);
    expect(entry.action).toBe('update');
    expect(describeAudit(entry, 'zh-CN')).toBe('费用类别：差旅 → 运输；金额：¥358.00 → ¥360.50');
    expect(describeAudit(entry, 'en')).toBe('Category: Travel → Transport; Amount: ¥358.00 → ¥360.50');
  });

  it('lists paged and sorted with the total amount of everything the filters select', async () => {
    const data: Array<Partial<Input<'expenses.save'>>> = [
      { date: '2025-02-01', category: 'entertainment', amountFen: 120_000, note: '客户晚宴' },
      { date: '2025-02-05', category: 'transport', amountFen: 8_000, note: '货车运费', customerId: null },
      { date: '2025-02-10', category: 'promotion', amountFen: 50_000, note: '端午促销物料', repId: s.reps.boss.id },
      { date: '2025-02-20', category: 'travel', amountFen: 35_800, note: '南京往返高铁' },
      { date: '2025-02-28', category: 'other', amountFen: 1, note: '零头', customerId: s.customers.c1.id },
    ];
    for (const d of data) await ok(core, 'expenses.save', expense(d));
    const all = await ok(core, 'expenses.list', { pageSize: 2 });
    expect([all.total, all.sumFen, all.rows.map((r) => r.date)]).toEqual([5, 213_801, ['2025-02-28', '2025-02-20']]);
    const byAmount = await ok(core, 'expenses.list', { sort: { field: 'amountFen', order: 'desc' }, pageSize: 3, page: 1 });
    expect(byAmount.rows.map((r) => r.amountFen)).toEqual([120_000, 50_000, 35_800]);
    const notes = async (input: Input<'expenses.list'>) => {
      const r = await ok(core, 'expenses.list', input);
      return [r.rows.map((x) => x.note), r.sumFen];
    };
    expect(await notes({ category: ['travel', 'transport'] })).toEqual([['南京往返高铁', '货车运费'], 43_800]);
    expect(await notes({ repId: s.reps.boss.id })).toEqual([['端午促销物料'], 50_000]);
    expect(await notes({ customerId: s.customers.c1.id })).toEqual([['零头'], 1]);
    expect(await notes({ from: '2025-02-05', to: '2025-02-10' })).toEqual([['端午促销物料', '货车运费'], 58_000]);
    expect(await notes({ search: '晚宴' })).toEqual([['客户晚宴'], 120_000]);
    expect(await notes({ search: 'wq' })).toEqual([['端午促销物料'], 50_000]); // 王强 by initials
    expect(await notes({ search: 'njglbld' })).toEqual([['南京往返高铁', '端午促销物料', '客户晚宴'], 205_800]); // 南京鼓楼便利店
  });
});

describe('who may', () => {
  it('any operator reads; the business roles enter and handle; an admin does not', async () => {
    addOperator(core, { name: '文员小周', role: 'clerk', password: 'clerk-pw' });
    addOperator(core, { name: '系统管理', role: 'admin', password: 'admin-pw' });
    const clerk = await asOperator(core, '文员小周', 'clerk-pw');
    const admin = await asOperator(core, '系统管理', 'admin-pw');
    const { id } = await ok(clerk, 'complaints.save', complaint());
    await ok(clerk, 'complaints.handle', { id, handler: '文员小周', response: '已回访', handledDate: '2025-03-01' });
    await ok(clerk, 'expenses.save', expense());
    expect((await ok(admin, 'complaints.list', {})).total).toBe(1);
    expect((await fail(admin, 'expenses.save', expense())).code).toBe('FORBIDDEN');
    expect((await fail(admin, 'marketFeedback.save', feedback())).code).toBe('FORBIDDEN');
  });
});

describe('export to Excel, as filtered and sorted, every page', () => {
  const sheet = async (input: Input<'export.xlsx'>) => {
    const out = await ok(core, 'export.xlsx', input);
    const wb = XLSX.read(Buffer.from(out.base64, 'base64'), { type: 'buffer', cellDates: false });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: true });
    return { out, name: wb.SheetNames[0], rows };
  };

  it('market feedback with the words of the screens', async () => {
    const { id } = await ok(core, 'marketFeedback.save', feedback());
    await ok(core, 'marketFeedback.save', feedback({ feedbackType: 'consumer', content: '=HYPERLINK("x")' }));
    await ok(core, 'marketFeedback.handle', { id, handler: '王强', response: '已申请促销支持', handledDate: '2025-03-01' });
    const { out, name, rows } = await sheet({ entity: 'marketFeedback', filters: { feedbackType: ['competitor'] } });
    expect([out.rowCount, name, out.fileName]).toEqual([1, '市场状况反映', '市场状况反映_20250301.xlsx']);
    expect(rows[0]).toEqual([
      '编号',
      '日期',
      '业务员',
      '反馈类型',
      '紧急程度',
      '标题',
      '内容',
      '竞品',
      '产品',
      '经销商',
      '客户',
      '区域',
      '状态',
      '处理人',
      '处理结果',
      '处理日期',
      '窜货单',
    ]);
    const r = rows[1]!;
    expect(r.slice(0, 1)).toEqual(['FK-20250228-001']);
    expect(typeof r[1]).toBe('number'); // a real date
    expect(r.slice(2, 5)).toEqual(['李娜', '竞品动态', '紧急']);
    expect(r.slice(8, 15)).toEqual([
      '五粮液',
      '南京恒达酒业',
      '南京鼓楼便利店',
      '华东 › 江苏省 › 南京市 › 鼓楼片区',
      '已处理',
      '王强',
      '已申请促销支持',
    ]);
    const consumer = await sheet({ entity: 'marketFeedback', filters: { feedbackType: ['consumer'] } });
    expect(consumer.rows[1]![6]).toBe('\'=HYPERLINK("x")');
  });

  it('complaints and expenses, money in 元', async () => {
    await ok(core, 'complaints.save', complaint());
    await ok(core, 'complaints.save', complaint({ customerId: s.customers.c1.id, content: '另一位客户' }));
    const k = await sheet({ entity: 'complaints', filters: { customerId: s.customers.c2.id } });
    expect([k.out.rowCount, k.rows[0]!.slice(0, 7), k.rows[1]!.slice(2, 8)]).toEqual([
      1,
      ['编号', '受理日期', '客户', '产品', '业务员', '紧急程度', '投诉内容'],
      ['南京鼓楼便利店', '贵州茅台酒', '李娜', '紧急', '到货两箱包装破损', '待处理'],
    ]);
    await ok(core, 'expenses.save', expense({ amountFen: 35_801 }));
    await ok(core, 'expenses.save', expense({ amountFen: 100, category: 'other', note: '停车' }));
    const e = await sheet({ entity: 'expenses', filters: { sort: { field: 'amountFen', order: 'asc' } } });
    expect(e.rows[0]).toEqual(['日期', '业务员', '费用类别', '金额(元)', '客户', '备注']);
    expect(e.rows.slice(1).map((r) => [r[2], r[3], r[5]])).toEqual([
      ['其他', 1, '停车'],
      ['差旅', 358.01, '南京往返高铁'],
    ]);
  });
});
