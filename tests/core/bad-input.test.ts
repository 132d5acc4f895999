// Bad input never gets past the contract, never crashes the host, and never changes the database.
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, isMethodName, methodNames, type Input, type MethodName } from '../../shared/contract';
import { errorCodes, isEnvelope, type AppErrorData, type Envelope } from '../../shared/errors';
import { fieldLabel, fieldLabels } from '../../shared/fieldLabels';
import type { Core } from '../../electron/core/core';
import { can } from '../../shared/contract/permissions';
import { addOperator, asOperator, digest, fail, makeCore, ok, safeJson, seed, type Caller, type Seeded } from './helpers';

let core: Core;
let s: Seeded;
let admin: Caller;
/**
 * Who calls a method here: the manager (makeCore) for everything a manager may call, an admin for the rest, and no
 * session for sign-out and who-am-I (so the fuzz never ends the manager's session).
 */
function callerFor(m: unknown): Caller {
  if (m === 'auth.signOut' || m === 'auth.me') return { call: (method, input) => core.call(method, input, {}) };
  return isMethodName(m) && !can('manager', m) ? admin : core;
}
beforeAll(async () => {
  core = makeCore();
  addOperator(core, { name: '测试管理员', role: 'admin', password: 'admin-pw' });
  admin = await asOperator(core, '测试管理员', 'admin-pw');
  s = await seed(core);
});
afterAll(() => core.close());

/** One schema-valid input per method (success is not required: only that the contract accepts its shape). */
function samplesFor(seeded: Seeded): { [M in MethodName]?: Input<M> } {
  const { regions, reps, teams, customers } = seeded;
  return {
    'settings.get': {},
    'settings.initialize': { companyName: '测试公司', admin: { name: '初始管理员', password: 'init-pw' } },
    'settings.save': { companyName: '新名称', locale: 'zh-CN' },
    // wrong passwords and codes on purpose: the fuzz must never change a password or sign anyone out
    'auth.signIn': { name: '测试经理', password: 'wrong-pw' },
    'auth.signOut': {},
    'auth.me': {},
    'auth.changePassword': { oldPassword: 'wrong-old-pw', newPassword: 'new-pw-123' },
    'auth.recover': { name: '测试管理员', recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD', newPassword: 'new-pw-123' },
    'auth.setupAdmin': { name: '新管理员', password: 'abcdef' },
    'operators.list': { page: 1, pageSize: 20, search: '测试', role: 'manager', includeInactive: true },
    'operators.save': { name: '新操作员', role: 'supervisor', password: 'abcdef', repId: reps.boss.id, active: true },
    'operators.setSignature': { id: 1, imageBase64: null },
    'operators.signature': { id: 1 },
    'regions.tree': {},
    'regions.save': { name: '新区域', parentId: regions.north.id, code: 'X1', sortOrder: 1 },
    'regions.delete': { id: regions.beijing.id },
    'teams.list': {},
    'teams.save': { name: '三组' },
    'reps.list': {
      page: 1,
      pageSize: 20,
      search: '李',
      sort: { field: 'name', order: 'asc' },
      teamId: teams.teamA.id,
      includeInactive: true,
    },
    'reps.save': {
      name: '新业务员',
      code: 'R900',
      phone: '13800000000',
      teamId: teams.teamB.id,
      supervisorId: reps.boss.id,
      regionIds: [regions.north.id],
      hireDate: '2024-02-29',
      active: true,
    },
    'customers.list': {
      page: 1,
      pageSize: 10,
      search: '南京',
      sort: { field: 'name', order: 'desc' },
      regionId: regions.east.id,
      repId: reps.li.id,
      grade: ['A', 'B'],
      lifecycle: ['repeat'],
      type: ['retail'],
      tag: '重点',
      archived: 'all',
    },
    'customers.get': { id: customers.c1.id },
    'customers.save': {
      id: customers.c2.id,
      code: 'C000002',
      name: '南京鼓楼便利店',
      shortName: '鼓楼',
      type: 'retail',
      regionId: regions.gulou.id,
      address: '南京市鼓楼区中山路1号',
      phone: '025-5555-7777',
      industry: '零售',
      scale: 'small',
      source: 'referral',
      repId: reps.li.id,
      grade: 'B',
      lifecycle: 'repeat',
      creditLimitFen: 120_050,
      paymentTermDays: 30,
      tags: ['重点'],
      notes: '备注',
      contacts: [{ name: '周敏', title: '店长', phone: '13900000000', email: 'zm@example.com', wechat: 'zm', isPrimary: true }],
    },
    'customers.archive': { id: customers.c4.id, archived: true },
    'customers.findDuplicates': { name: '北京华众商贸', phone: '010-8888-6666', excludeId: customers.c2.id },
    'customers.tags': {},
    'audit.list': { page: 1, pageSize: 10, entity: 'customer', entityId: customers.c1.id, operatorId: 1, operator: '管理员' },
    'audit.verify': {},
    'marketFeedback.list': {
      page: 1,
      pageSize: 20,
      search: '降价',
      sort: { field: 'date', order: 'desc' },
      from: '2025-01-01',
      to: '2025-03-01',
      repId: reps.li.id,
      status: ['open'],
      feedbackType: ['competitor'],
      urgency: ['urgent'],
      customerId: customers.c2.id,
      dealerId: 1,
      productId: 1,
    },
    'marketFeedback.get': { id: 1 },
    'marketFeedback.save': {
      date: '2025-02-28',
      repId: reps.li.id,
      feedbackType: 'competitor',
      urgency: 'urgent',
      subject: '竞品降价',
      content: '某品牌在鼓楼片区降价 10%',
      competitor: '某品牌',
      productId: null,
      dealerId: null,
      customerId: customers.c2.id,
      regionId: regions.gulou.id,
      orderId: null,
    },
    'marketFeedback.handle': { id: 1, handler: '王强', response: '已跟进', handledDate: '2025-03-01' },
    'marketFeedback.reopen': { id: 1, reason: '客户再次反映' },
    'complaints.list': {
      page: 1,
      pageSize: 20,
      search: '破损',
      sort: { field: 'receivedDate', order: 'desc' },
      from: '2025-01-01',
      to: '2025-03-01',
      repId: reps.li.id,
      status: ['open', 'handled'],
      urgency: ['critical'],
      customerId: customers.c2.id,
      productId: 1,
    },
    'complaints.get': { id: 1 },
    'complaints.save': {
      receivedDate: '2025-02-28',
      customerId: customers.c2.id,
      productId: null,
      repId: reps.li.id,
      content: '到货包装破损',
      urgency: 'urgent',
    },
    'complaints.handle': { id: 1, handler: '王强', response: '已换货', handledDate: '2025-03-01' },
    'complaints.reopen': { id: 1, reason: '换货后仍有问题' },
    'expenses.list': {
      page: 1,
      pageSize: 20,
      search: '高铁',
      sort: { field: 'amountFen', order: 'desc' },
      from: '2025-01-01',
      to: '2025-03-01',
      repId: reps.li.id,
      category: ['travel'],
      customerId: customers.c2.id,
    },
    'expenses.get': { id: 1 },
    'evaluations.get': { repId: reps.li.id, period: '2025-10' },
    'evaluations.list': { period: '2025-Q4', teamId: teams.teamA.id },
    'evaluations.weights': {},
    'evaluations.saveWeights': {
      weights: {
        salesAchievement: 3000,
        collectionsAchievement: 2000,
        visitsPerDay: 1000,
        reportCompliance: 1000,
        cooperation: 1000,
        enthusiasm: 1000,
        responsibility: 1000,
      },
      standardVisitsPerDayX100: 600,
      lostCustomerDays: 90,
    },
    'evaluations.saveScores': { repId: reps.li.id, period: '2025-10', cooperation: 4, enthusiasm: 5, responsibility: 3, comment: '积极' },
    'expenses.save': {
      repId: reps.li.id,
      date: '2025-02-28',
      category: 'travel',
      amountFen: 35_800,
      customerId: customers.c2.id,
      note: '南京往返高铁',
    },
    'calendar.workingDays': { from: '2025-10-01', to: '2025-10-31', repId: reps.li.id },
    'meetingPack.data': { month: '2025-10', regionId: regions.north.id, teamId: teams.teamA.id },
    'targets.tracking': {
      metric: 'sales',
      level: 'rep',
      period: '2025-10',
      asOf: '2025-10-15',
      within: [{ level: 'team', unitId: teams.teamA.id }],
    },
    'analytics.overview': {
      period: { from: '2025-10-01', to: '2025-10-31' },
      filters: { regionId: regions.north.id, channelType: 'dealer' },
    },
    'analytics.sales': { period: { from: '2025-01-01', to: '2025-12-31' }, filters: { teamId: teams.teamA.id, repId: reps.li.id } },
    'analytics.customers': {
      period: { from: '2025-10-01', to: '2025-12-31' },
      filters: { regionId: regions.east.id, teamId: teams.teamA.id },
    },
    'analytics.receivables': {
      period: { from: '2025-01-01', to: '2025-12-31' },
      filters: { regionId: regions.east.id, repId: reps.li.id },
    },
    'analytics.activity': { period: { from: '2025-10-01', to: '2025-10-31' }, filters: { teamId: teams.teamA.id } },
    'analytics.exceptions': { date: '2025-10-15' },
    'analytics.rebuildSummaries': { verifyOnly: true },
    'calendar.year': { year: 2027 },
    'calendar.setDays': { dates: ['2025-10-09', '2025-10-10'], source: 'company', kind: 'off', note: '公司年会' },
    'calendar.importSchedule': { year: 2027, text: '2027-01-01 休 元旦\n2027-02-06 至 2027-02-12 休 春节\n2027-02-14 班', commit: true },
    'targets.save': { metric: 'sales', level: 'rep', unitId: reps.li.id, period: '2025', value: 120_000_000, note: '年度目标' },
    'targets.get': { id: 1 },
    'targets.children': { parentId: 1 },
    'targets.roots': { metric: 'sales', year: 2025, level: 'company' },
    'targets.decompose': { parentId: 1, by: 'time', method: 'weights', weights: [1, 2, 3, 4], periodKind: 'quarter' },
    'targets.lock': { id: 1, locked: true },
    'targets.delete': { id: 1 },
    'targets.grid': { parentId: 1, periodKind: 'month' },
    'targets.setCell': { id: 2, value: 1000, rebalance: 'row' },
    'targets.scale': { id: 1, factorBp: 11000 },
    'targets.copyLastYear': { id: 1 },
    'targets.exportGrid': { parentId: 1 },
    'targets.importGrid': { parentId: 1, fileName: '目标表格.xlsx', base64: 'UEsDBA==', commit: false },
    'customers.merge': { survivorId: customers.c1.id, mergedId: customers.c3.id },
    'customers.duplicateGroups': { page: 1, pageSize: 20, includeArchived: true },
    'customers.regradePreview': { page: 1, pageSize: 50, newGrade: 'A' },
    'customers.regradeApply': { token: 'a-stale-preview' },
    'customers.recomputeLifecycle': {},
    'customers.lifecycleHistory': { customerId: customers.c1.id },
    'satisfaction.save': { customerId: customers.c1.id, score: 4, source: 'survey', comment: '送货及时' },
    'satisfaction.list': { page: 1, pageSize: 20, customerId: customers.c1.id },
    'satisfaction.summary': { from: '2025-01-01', to: '2025-12-31' },
    'opportunities.save': {
      customerId: customers.c1.id,
      title: '春节团购',
      amountFen: 5_000_000,
      expectedCloseDate: '2025-04-30',
      createdOn: '2025-02-01',
      competitor: '某品牌',
    },
    'opportunities.get': { id: 1 },
    'opportunities.list': { page: 1, pageSize: 20, repId: reps.li.id, stages: ['identify', 'quote'], closeMonth: '2025-04' },
    'opportunities.board': { repId: reps.li.id },
    'opportunities.move': { id: 1, stage: 'lost', lostReason: 'price', lostNote: '价格高' },
    'pipeline.funnel': { from: '2025-01-01', to: '2025-12-31', teamId: teams.teamA.id },
    'backups.list': {},
    'backups.create': {},
    'backups.restore': { file: 'salesdesk-20250101-080000-manual.db' },
    'backups.settings': {},
    // no LAN controller in a test core: start and stop are refused with CONFLICT, nothing listens
    'lan.status': {},
    'lan.start': { addresses: ['127.0.0.1'], port: 8420, allowSubnets: ['192.168.1.0/24'] },
    'lan.stop': {},
    'system.info': {},
    'strategyCards.get': { customerId: customers.c1.id },
    'strategyCards.save': {
      customerId: customers.c1.id,
      goals: '年销售额 50 万元',
      approach: '季度拜访',
      decisionMakers: '张总（老板）',
      competitors: '某某商贸',
      actions: [{ dueDate: '2025-03-10', action: '送样品', owner: '李娜', done: false }],
    },
    'monthlyEvaluations.list': { customerId: customers.c1.id },
    'monthlyEvaluations.save': {
      customerId: customers.c1.id,
      month: '2025-02',
      purchaseScore: 4,
      paymentScore: 5,
      cooperationScore: 3,
      potentialScore: 4,
      comment: '回款及时',
      evaluator: '王强',
    },
    'dealers.list': {
      page: 1,
      pageSize: 20,
      search: '华东',
      sort: { field: 'contractEnd', order: 'asc' },
      channelType: ['dealer'],
      status: ['active'],
      tier: [1, 2],
      regionId: regions.east.id,
      repId: reps.li.id,
      expiringOnly: true,
    },
    'dealers.get': { id: 1 },
    'dealers.save': {
      code: 'D9001',
      name: '南京恒信商贸有限公司',
      shortName: '恒信',
      channelType: 'dealer',
      tier: 2,
      contactName: '刘洋',
      phone: '13912345678',
      address: '南京市秦淮区',
      territoryRegionIds: [regions.nanjing.id],
      contractStart: '2025-01-01',
      contractEnd: '2025-12-31',
      depositFen: 5_000_000,
      creditLimitFen: 20_000_000,
      repId: reps.li.id,
      status: 'active',
      notes: '',
    },
    'productCategories.tree': {},
    'productCategories.save': { name: '白酒', parentId: null, sortOrder: 1 },
    'productCategories.delete': { id: 1 },
    'products.list': { page: 1, pageSize: 20, search: 'pj', sort: { field: 'listPriceFen', order: 'desc' }, categoryId: 1, active: 'all' },
    'products.get': { id: 1 },
    'products.save': {
      sku: 'P9001',
      name: '青岛啤酒 500ml',
      spec: '500ml×12瓶',
      categoryId: null,
      unit: '箱',
      listPriceFen: 6_000,
      dealerPriceFen: 5_200,
      floorPriceFen: 5_000,
      costFen: 4_100,
      active: true,
      notes: '',
    },
    'import.template': { entity: 'customers' },
    'import.preview': { entity: 'customers', fileName: 'a.csv', base64: Buffer.from('客户名称\n测试\n').toString('base64'), mode: 'skip' },
    'import.errorFile': {
      entity: 'customers',
      fileName: 'a.csv',
      base64: Buffer.from('客户名称,客户等级\n测试,E\n').toString('base64'),
      mode: 'skip',
      lang: 'en',
    },
    'import.commit': {
      entity: 'customers',
      fileName: 'a.csv',
      base64: Buffer.from('客户名称\n测试\n').toString('base64'),
      mapping: [{ header: '客户名称', field: 'name' }],
      mode: 'update',
      acceptErrors: false,
    },
    'export.xlsx': { entity: 'customers', filters: { search: '南京', archived: 'all', sort: { field: 'name', order: 'asc' } } },
    ...dailyFormSamples(seeded),
    ...moneySamples(seeded),
  };
}

/** Sales orders, returns, collections, write-offs and opening balances (ids that may or may not exist). */
function moneySamples(seeded: Seeded): { [M in MethodName]?: Input<M> } {
  const { reps, customers } = seeded;
  return {
    'orders.save': {
      customerId: customers.c2.id,
      dealerId: null,
      repId: reps.li.id,
      date: '2025-02-28',
      settlement: 'credit',
      dueDate: '2025-03-30',
      discountFen: 0,
      notes: '送货上门',
      lines: [{ productId: 1, qty: 2.5, unitPriceFen: 5_200, discountFen: 0 }],
    },
    'orders.post': { id: 1, override: { reason: '老客户月底回款' } },
    'orders.reverse': { id: 1, date: '2025-03-01', reason: '客户拒收' },
    'orders.delete': { id: 1 },
    'orders.get': { id: 1 },
    'orders.list': {
      page: 1,
      pageSize: 20,
      search: 'XS',
      sort: { field: 'date', order: 'desc' },
      from: '2025-01-01',
      to: '2025-03-31',
      customerId: customers.c2.id,
      dealerId: 1,
      repId: reps.li.id,
      state: ['posted'],
      crossTerritory: false,
    },
    'returns.save': { orderId: 1, date: '2025-03-01', reason: '破损', lines: [{ orderLineId: 1, qty: 1.5 }] },
    'returns.post': { id: 1 },
    'returns.get': { id: 1 },
    'returns.list': {
      page: 1,
      pageSize: 20,
      search: 'TH',
      sort: { field: 'date', order: 'desc' },
      from: '2025-01-01',
      to: '2025-03-31',
      customerId: customers.c2.id,
      orderId: 1,
    },
    'collections.save': {
      customerId: customers.c2.id,
      date: '2025-02-28',
      amountFen: 50_000,
      method: 'transfer',
      repId: reps.li.id,
      reference: '工行 0228',
      notes: '',
      allocations: [{ receivableId: 1, amountFen: 10_000 }],
    },
    'collections.reverse': { id: 1, date: '2025-03-01', reason: '银行退票' },
    'collections.get': { id: 1 },
    'collections.list': {
      page: 1,
      pageSize: 20,
      search: 'HK',
      sort: { field: 'amountFen', order: 'desc' },
      from: '2025-01-01',
      to: '2025-03-31',
      customerId: customers.c2.id,
      repId: reps.li.id,
      method: ['cash', 'wechat'],
    },
    'writeOffs.save': { customerId: customers.c2.id, date: '2025-02-28', amountFen: 1_000, reason: '客户破产' },
    'writeOffs.list': {
      page: 1,
      pageSize: 20,
      search: '破产',
      sort: { field: 'date', order: 'desc' },
      from: '2025-01-01',
      to: '2025-03-31',
      customerId: customers.c2.id,
    },
    'openingBalances.save': {
      customerId: customers.c2.id,
      date: '2024-12-20',
      dueDate: '2025-01-19',
      amountFen: 88_800,
      sourceNo: 'OLD-1220',
      notes: '旧账',
    },
    'openingBalances.list': { page: 1, pageSize: 20, search: 'QC', customerId: customers.c2.id },
  };
}

/** The daily forms (visit plans, daily reports, day board). */
function dailyFormSamples(seeded: Seeded): { [M in MethodName]?: Input<M> } {
  const { reps, customers, teams } = seeded;
  const list = {
    from: '2025-03-01',
    to: '2025-03-31',
    repId: reps.li.id,
    teamId: teams.teamA.id,
    state: 'returned',
    page: 1,
    pageSize: 20,
    search: '李',
    sort: { field: 'date', order: 'desc' },
  } as const;
  return {
    'visitPlans.get': { repId: reps.li.id, date: '2025-03-02' },
    'visitPlans.save': {
      repId: reps.li.id,
      date: '2025-03-02',
      notes: '备注',
      lines: [{ customerId: customers.c2.id, plannedTime: '09:30', purposes: ['collect', 'order'], contact: '张经理', notes: '带样品' }],
    },
    'visitPlans.copySource': { repId: reps.li.id, date: '2025-03-02', copyFrom: 'lastWeek' },
    'visitPlans.submit': { id: 1 },
    'visitPlans.return': { id: 1, comment: '请补充拜访目的' },
    'visitPlans.sign': { id: 1, password: 'secret', comment: '同意' },
    'visitPlans.unsign': { id: 1, password: 'secret', reason: '客户名写错' },
    'visitPlans.list': list,
    'dailyReports.get': { repId: reps.li.id, date: '2025-03-02' },
    'dailyReports.documents': { repId: reps.li.id, date: '2025-03-02' },
    'dailyReports.save': {
      repId: reps.li.id,
      date: '2025-03-02',
      attendance: 'present',
      problems: '缺货',
      tomorrowPlan: '回访',
      lines: [
        {
          planLineId: null,
          customerId: customers.c2.id,
          done: false,
          reason: '店主不在',
          outcome: '',
          nextStep: '明天再去',
          orderFen: 0,
          collectedFen: 0,
          complaintId: null,
        },
      ],
    },
    'dailyReports.submit': { id: 1 },
    'dailyReports.return': { id: 1, comment: '请补充原因' },
    'dailyReports.sign': { id: 1, password: 'secret' },
    'dailyReports.unsign': { id: 1, password: 'secret', reason: '金额有误' },
    'dailyReports.list': list,
    'dayBoard.get': { date: '2025-03-02', teamId: teams.teamA.id },
    'weeklyPlans.get': { repId: reps.li.id, weekStart: '2025-03-03' },
    'weeklyPlans.save': {
      repId: reps.li.id,
      weekStart: '2025-03-03',
      review: '上周回访 12 家',
      goals: '新开 2 家',
      actions: '周二跑开发区',
      keyPoints: '收回欠款',
    },
    'weeklyPlans.list': {
      page: 1,
      pageSize: 20,
      from: '2025-03-03',
      to: '2025-03-31',
      repId: reps.li.id,
      sort: { field: 'weekStart', order: 'desc' },
    },
    'monthlySummaries.get': { repId: reps.li.id, month: '2025-03' },
    'monthlySummaries.save': {
      repId: reps.li.id,
      month: '2025-03',
      achievements: '完成 95%',
      problems: '回款慢',
      keyPoints: '下月重点回款',
    },
    'monthlySummaries.list': { page: 1, pageSize: 20, repId: reps.li.id, sort: { field: 'month', order: 'desc' } },
    'print.settings.get': {},
    'print.settings.save': {
      offset: { printer: 'EPSON LQ-630K', offsetX: 12, offsetY: -5 },
      used: { form: 'visitPlan', printer: 'EPSON LQ-630K', paper: 'sanlian' },
    },
    'meetings.list': { page: 1, pageSize: 20, from: '2025-03-01', to: '2025-03-31', repId: reps.li.id, search: '例会' },
    'meetings.get': { id: 1 },
    'meetings.save': {
      date: '2025-03-02',
      subject: '三月销售例会',
      agenda: '回款',
      decisions: '周五前对账',
      attendees: { repIds: [reps.li.id], operatorIds: [] },
      actionItems: [{ content: '整理欠款清单', ownerRepId: reps.li.id, dueDate: '2025-03-07', done: false }],
    },
    'meetings.setItemDone': { itemId: 1, done: true },
    ...receivableSamples(seeded),
  };
}

/** Receivables, statements and 窜货 (reads: a date before any document answers zeros). */
function receivableSamples(seeded: Seeded): { [M in MethodName]?: Input<M> } {
  const { reps, customers, regions } = seeded;
  return {
    'receivables.aging': {
      asOf: '2025-03-01',
      groupBy: 'region',
      buckets: [30, 60, 90, 180],
      repId: reps.li.id,
      dealerId: 1,
      regionId: regions.east.id,
      search: '南京',
      sort: { field: 'totalFen', order: 'desc' },
      page: 1,
      pageSize: 20,
    },
    'receivables.balance': { customerId: customers.c1.id, asOf: '2025-03-01' },
    'receivables.documents': { customerId: customers.c2.id, asOf: '2025-03-01', buckets: [30, 60] },
    'receivables.find': { search: 'bjhz', limit: 10 },
    'statements.get': { customerId: customers.c2.id, from: '2025-01-01', to: '2025-03-31' },
    'channelConflicts.list': {
      page: 1,
      pageSize: 20,
      search: '南京',
      sort: { field: 'date', order: 'desc' },
      from: '2025-01-01',
      to: '2025-03-31',
      dealerId: 1,
    },
  };
}

function sampleOf(method: MethodName): Record<string, unknown> {
  return (samplesFor(s)[method] ?? {}) as Record<string, unknown>;
}

/** The Chinese label (or, for an unknown key, the key itself) the message must contain for this field path. */
function expectedName(field: string, method?: string): string {
  const segments = field.split('.');
  const labelled = [...segments].reverse().find((seg) => fieldLabel(seg, method) !== undefined);
  return labelled ? fieldLabel(labelled, method)! : segments.at(-1)!;
}

/** Structural checks every error envelope must pass. */
function checkError(error: AppErrorData, context: string, method?: string): void {
  expect(errorCodes, context).toContain(error.code);
  expect(error.code, `${context} → ${error.message}`).not.toBe('INTERNAL');
  expect(typeof error.message, context).toBe('string');
  expect(error.message.length, context).toBeGreaterThan(0);
  expect(/[\u4e00-\u9fff]/.test(error.message), `${context}: message should be Chinese: ${error.message}`).toBe(true);
  if (error.field !== undefined) {
    expect(typeof error.field, context).toBe('string');
    if (error.code === 'VALIDATION') expect(error.message, context).toContain(expectedName(error.field, method));
  }
}

describe('the contract', () => {
  it('has a valid sample input for every method (add one when you add a method)', () => {
    const samples = samplesFor(s);
    for (const m of methodNames) {
      expect(samples[m], `sample for ${m}`).toBeDefined();
      const parsed = contract[m].input.safeParse(samples[m]);
      expect(parsed.success, `${m}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
  });

  it('parses every input object strictly, down to nested objects', () => {
    const loose: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (n.type === 'object' && n.additionalProperties !== false) loose.push(where);
      for (const [k, v] of Object.entries(n)) walk(v, `${where}.${k}`);
    };
    for (const m of methodNames) walk(z.toJSONSchema(contract[m].input, { io: 'input' }), m);
    expect(loose).toEqual([]);
  });

  it('has a Chinese label for every input field of every method', () => {
    const missing = new Set<string>();
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, where));
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        for (const key of Object.keys(n.properties)) if (!Object.hasOwn(fieldLabels, key)) missing.add(`${where}: ${key}`);
      }
      for (const v of Object.values(n)) walk(v, where);
    };
    for (const m of methodNames) walk(z.toJSONSchema(contract[m].input, { io: 'input' }), m);
    expect([...missing]).toEqual([]);
  });
});

describe('unknown fields are rejected for every method', () => {
  it.each(methodNames.map((m) => [m]))('%s', async (method) => {
    const before = digest(core.ctx.db);
    for (const key of ['bogus', 'creditLimitYuan', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const input = { ...sampleOf(method) };
      Object.defineProperty(input, key, { value: 1, enumerable: true, configurable: true, writable: true }); // an own key, even for __proto__
      const err = await fail(callerFor(method), method, input);
      expect(err, `${method} + ${key}`).toMatchObject({ code: 'VALIDATION', field: key });
      expect(err.message).toContain(`「${key}」`);
      expect(err.message).toContain('不允许的字段');
      expect(err.message).not.toMatch(/\[object Object\]|native code/);
    }
    // JSON.parse makes "__proto__" an own key too, which is how the HTTP host receives it
    const fromJson = JSON.parse(JSON.stringify({ ...sampleOf(method), extra: 1 }).replace('"extra"', '"__proto__"')) as unknown;
    expect(await fail(callerFor(method), method, fromJson)).toMatchObject({ code: 'VALIDATION', field: '__proto__' });
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('nested unknown fields are named with their path', async () => {
    const contactExtra = await fail(core, 'customers.save', { name: '新客户', contacts: [{ name: '甲' }, { name: '乙', mobile2: '1' }] });
    expect(contactExtra).toMatchObject({ code: 'VALIDATION', field: 'contacts.1.mobile2' });
    expect(contactExtra.message).toContain('联系人 › 第2行');
    const sortExtra = await fail(core, 'customers.list', { sort: { field: 'name', order: 'asc', nulls: 'last' } });
    expect(sortExtra).toMatchObject({ code: 'VALIDATION', field: 'sort.nulls' });
    expect(sortExtra.message).toContain('排序');
  });
});

type Case = [method: MethodName, input: Record<string, unknown>, code: AppErrorData['code'], field: string | undefined, text: string];
const long = (n: number) => '长'.repeat(n);

const cases = (): Case[] => {
  const cust = (extra: Record<string, unknown>) => ({ name: '新客户', ...extra });
  return [
    // a key that means another word in this method than the shared label (收款方式, 客户来源) is named by the method's own
    ['targets.decompose', { parentId: 1, by: 'time', method: 'share' }, 'VALIDATION', 'method', '分解方式：'],
    ['calendar.setDays', { dates: ['2025-10-09'], source: 'library', kind: 'off' }, 'VALIDATION', 'source', '日历类别：'],
    // customers.save: text lengths and required text
    ['customers.save', { name: long(101) }, 'VALIDATION', 'name', '名称'],
    ['customers.save', { name: '' }, 'VALIDATION', 'name', '不能为空'],
    ['customers.save', { name: ' \u3000 ' }, 'VALIDATION', 'name', '不能为空'],
    ['customers.save', {}, 'VALIDATION', 'name', '名称'],
    ['customers.save', cust({ shortName: long(41) }), 'VALIDATION', 'shortName', '简称'],
    ['customers.save', cust({ address: long(201) }), 'VALIDATION', 'address', '地址'],
    ['customers.save', cust({ notes: long(2001) }), 'VALIDATION', 'notes', '备注'],
    ['customers.save', cust({ industry: long(41) }), 'VALIDATION', 'industry', '行业'],
    ['customers.save', cust({ code: 'C'.repeat(31) }), 'VALIDATION', 'code', '编码'],
    ['customers.save', cust({ code: '客户一' }), 'VALIDATION', 'code', '编码'],
    ['customers.save', cust({ code: 'C 1' }), 'VALIDATION', 'code', '编码'],
    // money: integer 分, not negative, not text, not float, within range
    ['customers.save', cust({ creditLimitFen: -1 }), 'VALIDATION', 'creditLimitFen', '信用额度'],
    ['customers.save', cust({ creditLimitFen: 1.5 }), 'VALIDATION', 'creditLimitFen', '信用额度'],
    ['customers.save', cust({ creditLimitFen: 0.1 }), 'VALIDATION', 'creditLimitFen', '信用额度'],
    ['customers.save', cust({ creditLimitFen: '100' }), 'VALIDATION', 'creditLimitFen', '信用额度'],
    ['customers.save', cust({ creditLimitFen: '1,000.00' }), 'VALIDATION', 'creditLimitFen', '信用额度'],
    ['customers.save', cust({ creditLimitFen: null }), 'VALIDATION', 'creditLimitFen', '信用额度'],
    ['customers.save', cust({ creditLimitFen: Number.NaN }), 'VALIDATION', 'creditLimitFen', '信用额度'],
    ['customers.save', cust({ creditLimitFen: Number.POSITIVE_INFINITY }), 'VALIDATION', 'creditLimitFen', '信用额度'],
    ['customers.save', cust({ creditLimitFen: 1e13 }), 'VALIDATION', 'creditLimitFen', '信用额度'],
    ['customers.save', cust({ creditLimitFen: 2 ** 53 }), 'VALIDATION', 'creditLimitFen', '信用额度'],
    ['customers.save', cust({ creditLimitFen: 10n }), 'VALIDATION', 'creditLimitFen', '信用额度'],
    ['customers.save', cust({ paymentTermDays: 366 }), 'VALIDATION', 'paymentTermDays', '账期'],
    ['customers.save', cust({ paymentTermDays: -1 }), 'VALIDATION', 'paymentTermDays', '账期'],
    ['customers.save', cust({ paymentTermDays: 7.5 }), 'VALIDATION', 'paymentTermDays', '账期'],
    // enums
    ['customers.save', cust({ grade: 'E' }), 'VALIDATION', 'grade', '客户等级'],
    ['customers.save', cust({ grade: 'a' }), 'VALIDATION', 'grade', '客户等级'],
    ['customers.save', cust({ lifecycle: 'dead' }), 'VALIDATION', 'lifecycle', '生命周期'],
    ['customers.save', cust({ type: 'vip' }), 'VALIDATION', 'type', '客户类型'],
    ['customers.save', cust({ scale: 'huge' }), 'VALIDATION', 'scale', '规模'],
    ['customers.save', cust({ source: 1 }), 'VALIDATION', 'source', '客户来源'],
    // wrong types
    ['customers.save', { name: 123 }, 'VALIDATION', 'name', '名称'],
    ['customers.save', cust({ tags: '重点' }), 'VALIDATION', 'tags', '标签'],
    ['customers.save', cust({ tags: [long(21)] }), 'VALIDATION', 'tags.0', '标签'],
    ['customers.save', cust({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }), 'VALIDATION', 'tags', '标签'],
    ['customers.save', cust({ phone: 'call me' }), 'VALIDATION', 'phone', '电话'],
    ['customers.save', cust({ phone: '1'.repeat(41) }), 'VALIDATION', 'phone', '电话'],
    ['customers.save', cust({ contacts: {} }), 'VALIDATION', 'contacts', '联系人'],
    ['customers.save', cust({ contacts: [{ name: '' }] }), 'VALIDATION', 'contacts.0.name', '联系人 › 第1行 › 名称'],
    ['customers.save', cust({ contacts: [{ name: '甲', email: 'not-an-email' }] }), 'VALIDATION', 'contacts.0.email', '邮箱'],
    ['customers.save', cust({ contacts: [{ name: '甲', isPrimary: 'yes' }] }), 'VALIDATION', 'contacts.0.isPrimary', '主联系人'],
    ['customers.save', cust({ contacts: [{ name: '甲', id: -3 }] }), 'VALIDATION', 'contacts.0.id', '编号'],
    ['customers.save', cust({ contacts: Array.from({ length: 31 }, (_, i) => ({ name: `k${i}` })) }), 'VALIDATION', 'contacts', '联系人'],
    ['customers.save', cust({ regionId: 0 }), 'VALIDATION', 'regionId', '所属区域'],
    ['customers.save', cust({ regionId: '1' }), 'VALIDATION', 'regionId', '所属区域'],
    ['customers.save', cust({ id: 1.5 }), 'VALIDATION', 'id', '编号'],
    // dangling references
    ['customers.save', cust({ regionId: 9999 }), 'REFERENCE', 'regionId', '区域'],
    ['customers.save', cust({ repId: 9999 }), 'REFERENCE', 'repId', '业务员'],
    ['customers.save', cust({ contacts: [{ id: 9999, name: '甲' }] }), 'REFERENCE', 'contacts.0.id', '联系人'],
    ['customers.save', cust({ id: 9999 }), 'NOT_FOUND', 'id', '客户'],
    // other customer methods
    ['customers.get', {}, 'VALIDATION', 'id', '编号'],
    ['customers.get', { id: 'abc' }, 'VALIDATION', 'id', '编号'],
    ['customers.get', { id: 0 }, 'VALIDATION', 'id', '编号'],
    ['customers.get', { id: 9999 }, 'NOT_FOUND', 'id', '客户'],
    ['customers.archive', { id: 1, archived: 'yes' }, 'VALIDATION', 'archived', '归档'],
    ['customers.archive', { id: 9999 }, 'NOT_FOUND', 'id', '客户'],
    ['customers.findDuplicates', { excludeId: 0 }, 'VALIDATION', 'excludeId', '排除编号'],
    ['customers.findDuplicates', { phone: '1'.repeat(41) }, 'VALIDATION', 'phone', '电话'],
    ['customers.findDuplicates', { name: long(101) }, 'VALIDATION', 'name', '名称'],
    ['customers.list', { page: 0 }, 'VALIDATION', 'page', '页码'],
    ['customers.list', { page: 1.5 }, 'VALIDATION', 'page', '页码'],
    ['customers.list', { pageSize: 501 }, 'VALIDATION', 'pageSize', '每页条数'],
    ['customers.list', { search: long(101) }, 'VALIDATION', 'search', '搜索'],
    ['customers.list', { search: 42 }, 'VALIDATION', 'search', '搜索'],
    ['customers.list', { sort: { field: 'password', order: 'asc' } }, 'VALIDATION', 'sort.field', '排序字段'],
    ['customers.list', { sort: { field: 'name', order: 'up' } }, 'VALIDATION', 'sort.order', '排序方向'],
    ['customers.list', { sort: 'name desc' }, 'VALIDATION', 'sort', '排序'],
    ['customers.list', { grade: ['Z'] }, 'VALIDATION', 'grade.0', '客户等级'],
    ['customers.list', { grade: 'A' }, 'VALIDATION', 'grade', '客户等级'],
    ['customers.list', { lifecycle: ['loyal', 'x'] }, 'VALIDATION', 'lifecycle.1', '生命周期'],
    ['customers.list', { type: ['vip'] }, 'VALIDATION', 'type.0', '客户类型'],
    ['customers.list', { archived: 'none' }, 'VALIDATION', 'archived', '归档'],
    ['customers.list', { tag: long(31) }, 'VALIDATION', 'tag', '标签'],
    ['customers.list', { regionId: -1 }, 'VALIDATION', 'regionId', '所属区域'],
    ['customers.list', { repId: 'x' }, 'VALIDATION', 'repId', '业务员'],
    // regions
    ['regions.save', { name: long(41) }, 'VALIDATION', 'name', '名称'],
    ['regions.save', { name: '新区', code: 'X'.repeat(21) }, 'VALIDATION', 'code', '编码'],
    ['regions.save', { name: '新区', sortOrder: 10000 }, 'VALIDATION', 'sortOrder', '排序号'],
    ['regions.save', { name: '新区', sortOrder: -1 }, 'VALIDATION', 'sortOrder', '排序号'],
    ['regions.save', { name: '新区', parentId: 'root' }, 'VALIDATION', 'parentId', '上级'],
    ['regions.save', { name: '新区', parentId: 9999 }, 'REFERENCE', 'parentId', '上级区域'],
    ['regions.save', { id: 9999, name: '新区' }, 'NOT_FOUND', 'id', '区域'],
    ['regions.delete', { id: 1.5 }, 'VALIDATION', 'id', '编号'],
    ['regions.delete', { id: 9999 }, 'NOT_FOUND', 'id', '区域'],
    // teams & reps
    ['teams.save', { name: long(41) }, 'VALIDATION', 'name', '名称'],
    ['teams.save', { name: '' }, 'VALIDATION', 'name', '不能为空'],
    ['teams.save', { id: 9999, name: '无' }, 'NOT_FOUND', 'id', '团队'],
    ['reps.save', { name: long(21) }, 'VALIDATION', 'name', '名称'],
    ['reps.save', { name: '甲', code: '业务一' }, 'VALIDATION', 'code', '编码'],
    ['reps.save', { name: '甲', hireDate: '2024-02-30' }, 'VALIDATION', 'hireDate', '入职日期'],
    ['reps.save', { name: '甲', hireDate: '2023-02-29' }, 'VALIDATION', 'hireDate', '入职日期'],
    ['reps.save', { name: '甲', hireDate: '2024/01/01' }, 'VALIDATION', 'hireDate', '入职日期'],
    ['reps.save', { name: '甲', hireDate: '2024-01-01T00:00:00Z' }, 'VALIDATION', 'hireDate', '入职日期'],
    ['reps.save', { name: '甲', hireDate: 20240101 }, 'VALIDATION', 'hireDate', '入职日期'],
    ['reps.save', { name: '甲', active: 'yes' }, 'VALIDATION', 'active', '在职'],
    ['reps.save', { name: '甲', regionIds: [1, 'x'] }, 'VALIDATION', 'regionIds.1', '负责区域'],
    ['reps.save', { name: '甲', regionIds: Array.from({ length: 51 }, (_, i) => i + 1) }, 'VALIDATION', 'regionIds', '负责区域'],
    ['reps.save', { name: '甲', teamId: 9999 }, 'REFERENCE', 'teamId', '团队'],
    ['reps.save', { name: '甲', supervisorId: 9999 }, 'REFERENCE', 'supervisorId', '主管'],
    ['reps.save', { name: '甲', regionIds: [9999] }, 'REFERENCE', 'regionIds.0', '区域'],
    ['reps.save', { id: 9999, name: '甲' }, 'NOT_FOUND', 'id', '业务员'],
    ['reps.list', { pageSize: 1001 }, 'VALIDATION', 'pageSize', '每页条数'],
    ['reps.list', { includeInactive: 'true' }, 'VALIDATION', 'includeInactive', '包含停用'],
    ['reps.list', { teamId: -1 }, 'VALIDATION', 'teamId', '团队'],
    ['reps.list', { sort: { field: 'salary', order: 'asc' } }, 'VALIDATION', 'sort.field', '排序字段'],
    // receivables, statements, 窜货
    ['receivables.aging', { asOf: '2025-03-01', groupBy: 'team' }, 'VALIDATION', 'groupBy', '汇总方式'],
    ['receivables.aging', { groupBy: 'customer' }, 'VALIDATION', 'asOf', '截止日期'],
    ['receivables.aging', { asOf: '2025-02-30', groupBy: 'customer' }, 'VALIDATION', 'asOf', '截止日期'],
    ['receivables.aging', { asOf: '2025-03-01', groupBy: 'customer', buckets: [60, 30] }, 'VALIDATION', 'buckets', '从小到大'],
    ['receivables.aging', { asOf: '2025-03-01', groupBy: 'customer', buckets: [] }, 'VALIDATION', 'buckets', '账龄分段'],
    ['receivables.aging', { asOf: '2025-03-01', groupBy: 'customer', buckets: [0, 30] }, 'VALIDATION', 'buckets.0', '账龄分段'],
    [
      'receivables.aging',
      { asOf: '2025-03-01', groupBy: 'customer', sort: { field: 'balance', order: 'asc' } },
      'VALIDATION',
      'sort.field',
      '排序字段',
    ],
    ['receivables.balance', { customerId: 9999 }, 'NOT_FOUND', 'customerId', '客户'],
    ['receivables.balance', { customerId: 1, asOf: '20250301' }, 'VALIDATION', 'asOf', '截止日期'],
    ['receivables.documents', { customerId: 9999, asOf: '2025-03-01' }, 'NOT_FOUND', 'customerId', '客户'],
    ['receivables.find', { search: 'bjhz', limit: 51 }, 'VALIDATION', 'limit', '条数'],
    ['receivables.find', {}, 'VALIDATION', 'search', '搜索'],
    ['statements.get', { customerId: 1, from: '2025-03-01', to: '2025-02-01' }, 'VALIDATION', 'to', '结束日期'],
    ['statements.get', { customerId: 9999, from: '2025-01-01', to: '2025-02-01' }, 'NOT_FOUND', 'customerId', '客户'],
    ['channelConflicts.list', { from: '2025-03-01', to: '2025-02-01' }, 'VALIDATION', 'to', '结束日期'],
    ['channelConflicts.list', { sort: { field: 'profit', order: 'asc' } }, 'VALIDATION', 'sort.field', '排序字段'],
    ['export.xlsx', { entity: 'aging', filters: { asOf: '2025-03-01', groupBy: 'team' } }, 'VALIDATION', 'filters.groupBy', '汇总方式'],
    [
      'export.xlsx',
      { entity: 'statement', filters: { customerId: 9999, from: '2025-01-01', to: '2025-01-31' } },
      'NOT_FOUND',
      'customerId',
      '客户',
    ],
    // sales orders: bad lines, amounts and references
    [
      'orders.save',
      { customerId: 1, date: '2025-02-01', lines: [{ productId: 1, qty: 0, unitPriceFen: 100 }] },
      'VALIDATION',
      'lines.0.qty',
      '数量',
    ],
    [
      'orders.save',
      { customerId: 1, date: '2025-02-01', lines: [{ productId: 1, qty: 1, unitPriceFen: -1 }] },
      'VALIDATION',
      'lines.0.unitPriceFen',
      '单价',
    ],
    [
      'orders.save',
      { customerId: 1, date: '2025-02-01', lines: [{ productId: 1, qty: 0.0005, unitPriceFen: 1 }] },
      'VALIDATION',
      'lines.0.qty',
      '数量',
    ],
    [
      'orders.save',
      { customerId: 1, date: '2025-02-01', lines: [{ productId: 1, qty: 1, unitPriceFen: 1.5 }] },
      'VALIDATION',
      'lines.0.unitPriceFen',
      '单价',
    ],
    ['orders.save', { customerId: 1, date: '2025-02-01', settlement: 'barter', lines: [] }, 'VALIDATION', 'settlement', '结算方式'],
    [
      'orders.save',
      { customerId: 9999, date: '2025-02-01', lines: [{ productId: 1, qty: 1, unitPriceFen: 1 }] },
      'REFERENCE',
      'customerId',
      '客户',
    ],
    ['orders.post', { id: 9999 }, 'NOT_FOUND', 'id', '销售单'],
    ['orders.post', { id: 1, override: { reason: '' } }, 'VALIDATION', 'override.reason', '不能为空'],
    ['orders.reverse', { id: 1, reason: '' }, 'VALIDATION', 'reason', '原因'],
    ['orders.reverse', { id: 9999, reason: '错单' }, 'NOT_FOUND', 'id', '销售单'],
    ['orders.list', { state: ['open'] }, 'VALIDATION', 'state.0', '状态'],
    // returns, collections, write-offs, opening balances
    ['returns.save', { orderId: 1, date: '2025-02-01', lines: [{ orderLineId: 1, qty: -1 }] }, 'VALIDATION', 'lines.0.qty', '数量'],
    ['returns.save', { orderId: 9999, date: '2025-02-01', lines: [{ orderLineId: 1, qty: 1 }] }, 'REFERENCE', 'orderId', '销售单'],
    ['returns.post', { id: 9999 }, 'NOT_FOUND', 'id', '退货单'],
    ['collections.save', { customerId: 1, date: '2025-02-01', amountFen: 0, method: 'cash' }, 'VALIDATION', 'amountFen', '金额'],
    ['collections.save', { customerId: 1, date: '2025-02-01', amountFen: 100, method: 'cheque' }, 'VALIDATION', 'method', '收款方式'],
    ['collections.save', { customerId: 9999, date: '2025-02-01', amountFen: 100, method: 'cash' }, 'REFERENCE', 'customerId', '客户'],
    [
      'collections.save',
      { customerId: 1, date: '2025-02-01', amountFen: 100, method: 'cash', allocations: [{ receivableId: 9999, amountFen: 100 }] },
      'REFERENCE',
      'allocations.0.receivableId',
      '应收单',
    ],
    ['collections.reverse', { id: 9999, reason: '退票' }, 'NOT_FOUND', 'id', '回款单'],
    ['writeOffs.save', { customerId: 1, date: '2025-02-01', amountFen: 100, reason: '' }, 'VALIDATION', 'reason', '原因'],
    ['writeOffs.save', { customerId: 1, date: '2025-02-01', amountFen: 100, reason: '破产' }, 'VALIDATION', 'amountFen', '金额'],
    ['openingBalances.save', { customerId: 1, date: '2025-02-01', amountFen: -5 }, 'VALIDATION', 'amountFen', '金额'],
    ['openingBalances.save', { customerId: 1, date: '2025-02-01', dueDate: '2025-01-01', amountFen: 5 }, 'VALIDATION', 'dueDate', '日期'],
    // settings & audit
    ['settings.initialize', {}, 'VALIDATION', 'companyName', '公司名称'],
    ['settings.initialize', { companyName: long(61) }, 'VALIDATION', 'companyName', '公司名称'],
    ['settings.initialize', { companyName: '公司', loadDemo: 'yes' }, 'VALIDATION', 'loadDemo', '加载演示数据'],
    ['settings.save', { locale: 'fr' }, 'VALIDATION', 'locale', '界面语言'],
    ['settings.save', { companyName: '' }, 'VALIDATION', 'companyName', '公司名称'],
    ['audit.list', { entityId: 0 }, 'VALIDATION', 'entityId', '对象编号'],
    ['audit.list', { entity: long(41) }, 'VALIDATION', 'entity', '对象类型'],
  ];
};

describe('specific bad inputs get a typed error naming the field, and change nothing', () => {
  it.each(cases().map((c) => [`${c[0]} ${safeJson(c[1], 90)}`, c] as const))('%s', async (_name, [method, input, code, field, text]) => {
    const before = digest(core.ctx.db);
    const err = await fail(core, method, input);
    expect(err.code, err.message).toBe(code);
    expect(err.field).toBe(field);
    expect(err.message).toContain(text);
    checkError(err, method, method);
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('inputs that are not objects at all are VALIDATION errors without a field', async () => {
    for (const input of ['abc', 42, true, [1, 2], ['customers.list']]) {
      const err = await fail(core, 'customers.list', input);
      expect(err.code).toBe('VALIDATION');
      expect(err.field).toBeUndefined();
      expect(err.message).toContain('输入');
    }
  });
});

describe('validation messages read plainly: the field, then what is wrong, in words a clerk uses', () => {
  const cust = (extra: Record<string, unknown>) => ({ name: '新客户', ...extra });
  it.each<[string, MethodName, Record<string, unknown>, string, string]>([
    ['too_big', 'customers.save', cust({ paymentTermDays: 366 }), 'paymentTermDays', '账期(天)：不能超过 365'],
    ['too_small', 'customers.save', cust({ paymentTermDays: -1 }), 'paymentTermDays', '账期(天)：不能小于 0'],
    ['integer', 'customers.save', cust({ paymentTermDays: 7.5 }), 'paymentTermDays', '账期(天)：必须是整数'],
    ['invalid_type (text for a number)', 'customers.save', cust({ paymentTermDays: '30' }), 'paymentTermDays', '账期(天)：应为数字'],
    ['invalid_type (number for text)', 'customers.save', { name: 123 }, 'name', '名称：应为文字'],
    ['invalid_type (yes for true/false)', 'customers.archive', { id: 1, archived: 'yes' }, 'archived', '归档：应为是或否（true / false）'],
    ['a missing required field', 'customers.save', {}, 'name', '名称：不能为空'],
    ['null where a value is required', 'customers.save', cust({ creditLimitFen: null }), 'creditLimitFen', '信用额度：不能为空'],
    ['too-long string', 'customers.save', { name: '长'.repeat(101) }, 'name', '名称：最多 100 个字'],
    [
      'too many items',
      'customers.save',
      cust({ contacts: Array.from({ length: 31 }, (_, i) => ({ name: `k${i}` })) }),
      'contacts',
      '联系人：最多 30 项',
    ],
    ['enum', 'customers.save', cust({ grade: 'E' }), 'grade', '客户等级：应为以下之一：A、B、C、D'],
    ['a union of literals', 'dealers.save', { name: '甲经销', tier: 4 }, 'tier', '级别：应为以下之一：1、2、3'],
    [
      'a discriminated union',
      'export.xlsx',
      { entity: 'orders' },
      'entity',
      '对象类型：应为以下之一：customers、dealers、products、reps、audit、marketFeedback、complaints、expenses、aging、statement、opportunities',
    ],
    ['an id that must be positive', 'customers.get', { id: 0 }, 'id', '编号：必须大于 0'],
    [
      'money over its ceiling, in 元',
      'customers.save',
      cust({ creditLimitFen: 1e13 }),
      'creditLimitFen',
      '信用额度：不能超过 ¥10,000,000,000.00',
    ],
    ['money below zero', 'customers.save', cust({ creditLimitFen: -1 }), 'creditLimitFen', '信用额度：不能小于 0'],
    ['a number beyond the safe range', 'customers.list', { page: 2 ** 60 }, 'page', '页码：数值过大'],
    [
      'a date in another format',
      'dealers.save',
      { name: '甲经销', contractStart: '2025/01/01' },
      'contractStart',
      '合同开始日期：日期格式应为 YYYY-MM-DD',
    ],
    [
      'a date given as a number',
      'dealers.save',
      { name: '甲经销', contractStart: 20250101 },
      'contractStart',
      '合同开始日期：日期格式应为 YYYY-MM-DD',
    ],
    ['a month given as a number', 'monthlyEvaluations.save', { customerId: 1, month: 202501 }, 'month', '月份：月份格式应为 YYYY-MM'],
    [
      'an e-mail',
      'customers.save',
      cust({ contacts: [{ name: '甲', email: 'not-an-email' }] }),
      'contacts.0.email',
      '联系人 › 第1行 › 邮箱：邮箱格式不正确',
    ],
    ['an unknown field', 'customers.save', cust({ bogus: 1 }), 'bogus', '不允许的字段「bogus」'],
    [
      'a nested unknown field',
      'customers.save',
      cust({ contacts: [{ name: '甲', fax: '1' }] }),
      'contacts.0.fax',
      '联系人 › 第1行：不允许的字段「fax」',
    ],
  ])('%s', async (_name, method, input, field, message) => {
    expect(await fail(core, method, input)).toEqual({ code: 'VALIDATION', field, message });
  });

  it('no validation message of the bad-input cases uses zod or type-system words', async () => {
    for (const [method, input, code] of cases()) {
      if (code !== 'VALIDATION') continue;
      const err = await fail(core, method, input);
      expect(err.message, `${method} ${safeJson(input, 80)}`).not.toMatch(
        /期望|实际接收|无效输入|expected|received|Invalid|<=|>=|number|string|array|int\b/,
      );
    }
  });
});

describe('unknown methods', () => {
  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '',
    'customers',
    'customers.',
    'customers.list ',
    'Customers.List',
    'customers.delete',
    '../customers.list',
    'x'.repeat(10_000),
  ])('%j → UNKNOWN_METHOD', async (method) => {
    const before = digest(core.ctx.db);
    const err = await fail(core, method, {});
    expect(err.code).toBe('UNKNOWN_METHOD');
    expect(err.message.length).toBeLessThan(200);
    expect(digest(core.ctx.db)).toBe(before);
  });

  it('method names that are not strings (even ones that cannot be turned into text) → UNKNOWN_METHOD', async () => {
    const nasty: unknown[] = [
      undefined,
      null,
      42,
      Symbol('customers.list'),
      ['customers.list'],
      { method: 'customers.list' },
      Object.create(null),
      {
        toString() {
          throw new Error('boom');
        },
      },
    ];
    for (const method of nasty) expect((await fail(core, method, {})).code).toBe('UNKNOWN_METHOD');
  });
});

/** Deterministic by default; FUZZ_SCALE=20 FUZZ_SEED=… widens a local bug hunt without changing CI. */
const fuzzScale = Number(process.env.FUZZ_SCALE ?? 1);
const fuzzSeed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const runs = (numRuns: number, seed: number) => ({ numRuns: numRuns * fuzzScale, seed: fuzzSeed ?? seed });

describe('fuzz: any input to any method', () => {
  const anyValue = fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withTypedArray: true,
    withSparseArray: true,
  });
  const nastyValue = fc.constantFrom<unknown>(
    undefined,
    null,
    -1,
    0,
    -0,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    Number.MAX_SAFE_INTEGER,
    1e12,
    1e12 + 1,
    9999,
    '',
    ' ',
    '长'.repeat(5000),
    '%',
    '_',
    '\\',
    "'; drop table customers; --",
    '\u0000',
    '2024-02-30',
    '2024-02-29',
    '__proto__',
    [],
    [null],
    {},
    true,
    false,
    10n,
  );
  const plausible = fc.oneof(
    fc.integer({ min: 1, max: 30 }), // ids that may or may not exist
    fc.boolean(),
    fc.constantFrom('A', 'D', 'loyal', 'retail', 'small', 'online', 'asc', 'name', 'en', 'all', '2024-01-31', '13800000000'),
    fc.string({ maxLength: 12 }),
  );
  const value = fc.oneof(
    { arbitrary: plausible, weight: 4 },
    { arbitrary: anyValue, weight: 2 },
    { arbitrary: nastyValue, weight: 2 },
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 120 }),
    fc.array(fc.oneof(nastyValue, plausible), { maxLength: 60 }),
  );
  const method = fc.constantFrom(...methodNames);

  const outcomes = new Map<string, number>();
  const tally = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

  /** Runs one call and checks the invariants; returns nothing, throws on violation. */
  async function check(m: unknown, input: unknown): Promise<void> {
    if (m === 'settings.initialize') {
      // loading the demo dataset belongs to the demo generator's tests
      const parsed = contract['settings.initialize'].input.safeParse(input ?? {});
      if (parsed.success && parsed.data.loadDemo) return;
    }
    const before = digest(core.ctx.db);
    let res: Envelope<unknown>;
    try {
      res = await callerFor(m).call(m, input);
    } catch (err) {
      throw new Error(`${String(m)} rejected instead of answering with an envelope: ${String(err)}`, { cause: err });
    }
    // a wrong password or recovery code is refused and counted toward the lockout: that count is the one write allowed
    if (m === 'auth.signIn' || m === 'auth.changePassword' || m === 'auth.recover') {
      core.ctx.db.prepare('update operators set failed_attempts = 0, locked_until = null').run();
    }
    const context = `${typeof m === 'string' ? m : typeof m} ${safeJson(input)}`;
    expect(isEnvelope(res), context).toBe(true);
    expect(core.ctx.db.inTransaction, context).toBe(false);
    tally(res.ok ? 'ok' : res.error.code);
    if (res.ok) {
      expect(isMethodName(m), context).toBe(true);
      const out = contract[m as MethodName].output.safeParse(res.data);
      expect(out.success, `${context}: output breaks the contract`).toBe(true);
      return;
    }
    checkError(res.error, context, typeof m === 'string' ? m : undefined);
    expect(digest(core.ctx.db), `${context} was rejected but changed the database`).toBe(before);
  }

  it('fc.anything() as input', async () => {
    await fc.assert(
      fc.asyncProperty(method, anyValue, (m, input) => check(m, input)),
      runs(300, 101),
    );
  });

  it('fc.object() as input', async () => {
    await fc.assert(
      fc.asyncProperty(method, fc.object({ maxDepth: 2, maxKeys: 6 }), (m, input) => check(m, input)),
      runs(150, 102),
    );
  });

  it('valid samples with one field (possibly nested) replaced, and sometimes an extra key', async () => {
    outcomes.clear();
    await fc.assert(
      fc.asyncProperty(
        method,
        fc.nat(),
        value,
        fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 1 }),
        async (m, pick, replacement, extraKey) => {
          const input = structuredClone(sampleOf(m));
          // a discriminated union (export.xlsx) has no shape: mutate the keys of its sample instead
          const shape = (contract[m].input as unknown as { shape?: object }).shape ?? input;
          const paths = mutablePaths(input, Object.keys(shape));
          const path = paths[pick % paths.length];
          if (path) setAt(input, path, replacement);
          if (extraKey !== null) Object.defineProperty(input, extraKey, { value: replacement, enumerable: true, configurable: true });
          await check(m, input);
        },
      ),
      // ~9 % of mutated samples succeed: enough runs that every method added does not tip the count under the bar
      runs(700, 103),
    );
    // the mutations get past the parser into the services: some succeed, some hit business rules
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(50);
    expect(outcomes.get('VALIDATION') ?? 0).toBeGreaterThan(50);
    expect((outcomes.get('REFERENCE') ?? 0) + (outcomes.get('NOT_FOUND') ?? 0) + (outcomes.get('CONFLICT') ?? 0)).toBeGreaterThan(5);
  });

  it('random method names, including Object.prototype members', async () => {
    const name = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'),
      fc.string(),
      fc.constantFrom(...methodNames).map((m) => m.toUpperCase()),
      anyValue,
    );
    await fc.assert(
      fc.asyncProperty(name, anyValue, async (m, input) => {
        fc.pre(!isMethodName(m));
        await check(m, input);
        const res = await core.call(m, input);
        expect(!res.ok && res.error.code).toBe('UNKNOWN_METHOD');
      }),
      runs(200, 104),
    );
  });

  it('the seeded data is still all there after the fuzzing', async () => {
    for (const c of Object.values(s.customers)) {
      const res = await core.call('customers.get', { id: c.id });
      expect(res.ok).toBe(true);
    }
    expect((await ok(core, 'regions.tree', {})).length).toBeGreaterThanOrEqual(2);
  });
});

/** Top-level schema keys plus every nested path in the sample (into contacts[0], sort, arrays…). */
function mutablePaths(sample: unknown, topKeys: string[]): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = topKeys.map((k) => [k]);
  const walk = (node: unknown, path: Array<string | number>) => {
    if (Array.isArray(node)) node.forEach((v, i) => (out.push([...path, i]), walk(v, [...path, i])));
    else if (typeof node === 'object' && node !== null)
      for (const [k, v] of Object.entries(node)) {
        if (path.length > 0) out.push([...path, k]);
        walk(v, [...path, k]);
      }
  };
  walk(sample, []);
  return out;
}

function setAt(target: Record<string, unknown>, path: Array<string | number>, value: unknown): void {
  let node: Record<string | number, unknown> = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  Object.defineProperty(node, path.at(-1)!, { value, enumerable: true, configurable: true, writable: true });
}
