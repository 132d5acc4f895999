// The audit log's words in both languages and the one-line description of a change: one source for the log screen,
// the change history of a record and the Excel export.
import { fieldLabels } from '../fieldLabels';
import { formatFen } from '../money';
import {
  customerScaleLabels,
  customerSourceLabels,
  customerStatusLabels,
  customerTypeLabels,
  lifecycleLabels,
  type Labelled,
} from './customer';
import { channelTypeLabels, dealerStatusLabels, dealerTierLabels } from './dealer';
import { entityLabels as listEntityLabels } from './importExport';
import { productStatusLabels } from './product';
import { regionLevelLabels } from './region';
import { repStatusLabels } from './rep';
import { expenseCategoryLabels } from './expense';
import { lostReasonLabels, stageLabels } from './opportunity';
import { metricDefinitions, targetLevelLabels, targetMetrics } from './targets';
import { feedbackTypeLabels, handleStatusLabels, urgencyLabels } from './feedback';
import { attendanceLabels, formStateLabels, operatorRoleLabels } from './dailyForms';
import { satisfactionSourceLabels } from './satisfaction';

export type AuditLocale = 'zh-CN' | 'en';

const pick = (l: Labelled, locale: AuditLocale) => (locale === 'en' ? l.en : l.zh);
const ownOr = <T>(map: Record<string, T>, key: string): T | undefined => (Object.hasOwn(map, key) ? map[key] : undefined);

export const auditActionLabels: Record<string, Labelled> = {
  create: { zh: '新建', en: 'Created' },
  update: { zh: '修改', en: 'Updated' },
  delete: { zh: '删除', en: 'Deleted' },
  archive: { zh: '归档', en: 'Archived' },
  restore: { zh: '恢复', en: 'Restored' },
  merge: { zh: '合并', en: 'Merged' },
  import: { zh: '导入', en: 'Imported' },
  initialize: { zh: '初始化', en: 'Set up' },
  'demo.load': { zh: '加载演示数据', en: 'Loaded demo data' },
  handle: { zh: '处理', en: 'Handled' },
  reopen: { zh: '重新打开', en: 'Reopened' },
  submit: { zh: '提交', en: 'Submitted' },
  return: { zh: '退回', en: 'Returned' },
  sign: { zh: '签核', en: 'Signed' },
  unsign: { zh: '撤销签核', en: 'Unsigned' },
  changePassword: { zh: '修改密码', en: 'Changed password' },
  recover: { zh: '用恢复码重设密码', en: 'Reset password with recovery code' },
  post: { zh: '过账', en: 'Posted' },
  reverse: { zh: '红冲', en: 'Reversed' },
  override: { zh: '经理授权', en: 'Manager override' },
  decompose: { zh: '分解', en: 'Decomposed' },
  lock: { zh: '锁定', en: 'Locked' },
  unlock: { zh: '解锁', en: 'Unlocked' },
  rebuild: { zh: '重建', en: 'Rebuilt' },
  regrade: { zh: '重新评级', en: 'Regraded' },
  lifecycle: { zh: '生命周期变化', en: 'Lifecycle changed' },
  move: { zh: '变更阶段', en: 'Stage changed' },
};

/** Record types as the log stores them; an import is logged under the plural list name (customers, dealers …). */
export const auditEntityLabels: Record<string, Labelled> = {
  customer: { zh: '客户', en: 'Customer' },
  satisfactionScore: { zh: '客户满意度', en: 'Satisfaction score' },
  dealer: { zh: '经销商', en: 'Dealer' },
  product: { zh: '产品', en: 'Product' },
  productCategory: { zh: '产品分类', en: 'Product category' },
  region: { zh: '区域', en: 'Region' },
  rep: { zh: '业务员', en: 'Sales rep' },
  team: { zh: '团队', en: 'Team' },
  strategyCard: { zh: '客户策略卡', en: 'Strategy card' },
  monthlyEvaluation: { zh: '客户月评卡', en: 'Monthly evaluation' },
  settings: { zh: '设置', en: 'Settings' },
  demo: { zh: '演示数据', en: 'Demo data' },
  import: { zh: '数据导入', en: 'Import' },
  marketFeedback: { zh: '市场反映', en: 'Market feedback' },
  complaint: { zh: '客诉', en: 'Complaint' },
  expense: { zh: '销售费用', en: 'Expense' },
  opportunity: { zh: '商机', en: 'Opportunity' },
  visitPlan: { zh: '拜访计划', en: 'Visit plan' },
  dailyReport: { zh: '销售报告', en: 'Daily report' },
  weeklyPlan: { zh: '周计划', en: 'Weekly plan' },
  monthlySummary: { zh: '月度总结', en: 'Monthly summary' },
  meeting: { zh: '销售会议', en: 'Sales meeting' },
  operator: { zh: '操作员', en: 'Operator' },
  order: { zh: '销售单', en: 'Sales order' },
  return: { zh: '退货单', en: 'Sales return' },
  collection: { zh: '回款单', en: 'Collection' },
  writeOff: { zh: '坏账核销', en: 'Write-off' },
  openingBalance: { zh: '期初应收', en: 'Opening balance' },
  target: { zh: '目标', en: 'Target' },
  evaluationScore: { zh: '业绩考核评分', en: 'Evaluation scores' },
  evaluationScheme: { zh: '考核权重', en: 'Evaluation weights' },
  calendarDay: { zh: '工作日历', en: 'Working-day calendar' },
  summaries: { zh: '统计表', en: 'Summary tables' },
  backup: { zh: '备份', en: 'Backup' },
  backupSettings: { zh: '自动备份设置', en: 'Automatic backup settings' },
  customers: listEntityLabels.customers,
  dealers: listEntityLabels.dealers,
  products: listEntityLabels.products,
  reps: listEntityLabels.reps,
  regions: listEntityLabels.regions,
  openingBalances: listEntityLabels.openingBalances,
  orders: listEntityLabels.orders,
  collections: listEntityLabels.collections,
};

/** Operators the app itself writes (the demo generator, the default operator before sign-in exists). */
export const systemOperatorLabels: Record<string, Labelled> = {
  系统: { zh: '系统', en: 'System' },
  管理员: { zh: '管理员', en: 'Administrator' },
};

export const auditActionLabel = (action: string, locale: AuditLocale) => {
  const l = ownOr(auditActionLabels, action);
  return l ? pick(l, locale) : action;
};
export const auditEntityLabel = (entity: string, locale: AuditLocale) => {
  const l = ownOr(auditEntityLabels, entity);
  return l ? pick(l, locale) : entity;
};
export const auditOperatorLabel = (operator: string, locale: AuditLocale) => {
  const l = ownOr(systemOperatorLabels, operator);
  return l ? pick(l, locale) : operator;
};

/** Field names in snapshots. Chinese falls back to the validation labels; every key here has its English name. */
export const auditFieldLabels: Record<string, Labelled> = {
  role: { zh: '角色', en: 'Role' },
  /** LAN office mode's addresses, port and allowed subnets (started from the settings page; empty when stopped) */
  lanServer: { zh: '局域网服务', en: 'LAN server' },
  passwordReset: { zh: '重设密码', en: 'Password reset' },
  signature: { zh: '签名图片', en: 'Signature image' },
  // 备份与恢复
  file: { zh: '文件', en: 'File' },
  path: { zh: '位置', en: 'Location' },
  sizeBytes: { zh: '大小(字节)', en: 'Size (bytes)' },
  schemaVersion: { zh: '结构版本', en: 'Schema version' },
  restoredFrom: { zh: '恢复自', en: 'Restored from' },
  undoFile: { zh: '恢复前备份', en: 'Before-restore backup' },
  schemaVersionOfBackup: { zh: '备份的结构版本', en: "Backup's schema version" },
  enabled: { zh: '自动备份', en: 'Automatic backups' },
  intervalHours: { zh: '备份间隔(小时)', en: 'Backup interval (hours)' },
  keepDaily: { zh: '按天保留', en: 'Days kept' },
  keepWeekly: { zh: '按周保留', en: 'Weeks kept' },
  keepMonthly: { zh: '按月保留', en: 'Months kept' },
  idleMinutes: { zh: '自动登出时间(分钟)', en: 'Idle sign-out (minutes)' },
  // 商机
  stage: { zh: '阶段', en: 'Stage' },
  probabilityBp: { zh: '成交概率(基点)', en: 'Probability (bp)' },
  expectedCloseDate: { zh: '预计成交日期', en: 'Expected close' },
  nextStep: { zh: '下一步', en: 'Next step' },
  nextStepDate: { zh: '下一步日期', en: 'Next step date' },
  leadSource: { zh: '商机来源', en: 'Lead source' },
  lostReason: { zh: '流失原因', en: 'Lost reason' },
  lostNote: { zh: '流失说明', en: 'Lost note' },
  orderId: { zh: '销售单', en: 'Sales order' },
  closedOn: { zh: '关闭日期', en: 'Closed on' },
  productIds: { zh: '意向产品', en: 'Products of interest' },
  operators: { zh: '操作员数', en: 'Operators' },
  code: { zh: '编码', en: 'Code' },
  name: { zh: '名称', en: 'Name' },
  shortName: { zh: '简称', en: 'Short name' },
  type: { zh: '客户类型', en: 'Type' },
  regionId: { zh: '所属区域', en: 'Region' },
  regionIds: { zh: '负责区域', en: 'Regions' },
  parentId: { zh: '上级', en: 'Parent' },
  address: { zh: '地址', en: 'Address' },
  phone: { zh: '电话', en: 'Phone' },
  mobile: { zh: '手机', en: 'Mobile' },
  email: { zh: '邮箱', en: 'Email' },
  wechat: { zh: '微信', en: 'WeChat' },
  title: { zh: '职务', en: 'Title' },
  industry: { zh: '行业', en: 'Industry' },
  scale: { zh: '规模', en: 'Size' },
  source: { zh: '客户来源', en: 'Source' },
  repId: { zh: '业务员', en: 'Sales rep' },
  teamId: { zh: '团队', en: 'Team' },
  supervisorId: { zh: '主管', en: 'Supervisor' },
  hireDate: { zh: '入职日期', en: 'Hire date' },
  grade: { zh: '客户等级', en: 'Grade' },
  lifecycle: { zh: '生命周期', en: 'Lifecycle' },
  creditLimitFen: { zh: '信用额度', en: 'Credit limit' },
  paymentTermDays: { zh: '账期(天)', en: 'Payment term (days)' },
  tags: { zh: '标签', en: 'Tags' },
  notes: { zh: '备注', en: 'Notes' },
  active: { zh: '状态', en: 'Status' },
  archived: { zh: '状态', en: 'Status' },
  mergedIntoId: { zh: '已并入', en: 'Merged into' },
  sortOrder: { zh: '排序号', en: 'Sort order' },
  level: { zh: '层级', en: 'Level' },
  companyName: { zh: '公司名称', en: 'Company name' },
  companyPhone: { zh: '公司电话', en: 'Company phone' },
  companyAddress: { zh: '公司地址', en: 'Company address' },
  creditControlMode: { zh: '信用控制方式', en: 'Credit control' },
  overdueDays: { zh: '逾期天数', en: 'Overdue days' },
  agingBucketEdges: { zh: '账龄分段', en: 'Aging buckets' },
  loadDemo: { zh: '加载演示数据', en: 'Load demo data' },
  locale: { zh: '界面语言', en: 'Language' },
  dealerId: { zh: '服务经销商', en: 'Serving dealer' },
  channelType: { zh: '渠道类型', en: 'Channel' },
  tier: { zh: '级别', en: 'Tier' },
  contactName: { zh: '联系人', en: 'Contact' },
  territoryRegionIds: { zh: '授权区域', en: 'Territory' },
  territoryNames: { zh: '授权区域', en: 'Territory' },
  contractStart: { zh: '合同开始日期', en: 'Contract start' },
  contractEnd: { zh: '合同到期日期', en: 'Contract end' },
  depositFen: { zh: '保证金', en: 'Deposit' },
  status: { zh: '状态', en: 'Status' },
  sku: { zh: '产品编码', en: 'SKU' },
  spec: { zh: '规格', en: 'Spec' },
  categoryId: { zh: '产品分类', en: 'Category' },
  unit: { zh: '单位', en: 'Unit' },
  listPriceFen: { zh: '标准售价', en: 'List price' },
  dealerPriceFen: { zh: '经销价', en: 'Dealer price' },
  floorPriceFen: { zh: '最低售价', en: 'Floor price' },
  costFen: { zh: '成本价', en: 'Cost' },
  customerId: { zh: '客户', en: 'Customer' },
  goals: { zh: '目标', en: 'Goals' },
  approach: { zh: '策略与方法', en: 'Approach' },
  decisionMakers: { zh: '关键决策人', en: 'Decision makers' },
  competitors: { zh: '竞争对手', en: 'Competitors' },
  actions: { zh: '下一步行动', en: 'Next actions' },
  month: { zh: '月份', en: 'Month' },
  purchaseScore: { zh: '采购量评分', en: 'Purchase score' },
  paymentScore: { zh: '回款表现评分', en: 'Payment score' },
  cooperationScore: { zh: '配合度评分', en: 'Cooperation score' },
  potentialScore: { zh: '发展潜力评分', en: 'Potential score' },
  comment: { zh: '评语', en: 'Comment' },
  evaluator: { zh: '评价人', en: 'Evaluator' },
  seed: { zh: '随机种子', en: 'Seed' },
  customers: { zh: '客户数', en: 'Customers' },
  reps: { zh: '业务员数', en: 'Sales reps' },
  regions: { zh: '区域数', en: 'Regions' },
  teams: { zh: '团队数', en: 'Teams' },
  customerTags: { zh: '标签数', en: 'Tags' },
  dealers: { zh: '经销商数', en: 'Dealers' },
  dealerTerritories: { zh: '授权区域数', en: 'Territories' },
  servedCustomers: { zh: '经销商服务的客户数', en: 'Customers served by dealers' },
  crossTerritory: { zh: '跨区域服务', en: 'Served across territory' },
  productCategories: { zh: '产品分类数', en: 'Product categories' },
  products: { zh: '产品数', en: 'Products' },
  strategyCards: { zh: '策略卡数', en: 'Strategy cards' },
  strategyActions: { zh: '策略行动数', en: 'Strategy actions' },
  monthlyEvaluations: { zh: '月评卡数', en: 'Monthly evaluations' },
  duplicates: { zh: '疑似重复', en: 'Possible duplicates' },
  feedbackType: { zh: '反馈类型', en: 'Type' },
  urgency: { zh: '紧急程度', en: 'Urgency' },
  subject: { zh: '标题', en: 'Subject' },
  content: { zh: '内容', en: 'Content' },
  competitor: { zh: '竞品', en: 'Competitor' },
  productId: { zh: '产品', en: 'Product' },
  handler: { zh: '处理人', en: 'Handler' },
  response: { zh: '处理结果', en: 'Response' },
  handledDate: { zh: '处理日期', en: 'Handled on' },
  receivedDate: { zh: '受理日期', en: 'Received on' },
  category: { zh: '费用类别', en: 'Category' },
  amountFen: { zh: '金额', en: 'Amount' },
  // targets
  metric: { zh: '指标', en: 'Metric' },
  unitId: { zh: '单位', en: 'Unit' },
  period: { zh: '期间', en: 'Period' },
  value: { zh: '目标值', en: 'Target' },
  locked: { zh: '锁定', en: 'Locked' },
  split: { zh: '分解依据', en: 'Split by' },
  children: { zh: '下级目标', en: 'Children' },
  subtreeSize: { zh: '删除条数', en: 'Rows deleted' },
  changedRows: { zh: '变更行数', en: 'Rows changed' },
  how: { zh: '分解方式', en: 'Method' },
  fileName: { zh: '文件名', en: 'File name' },
  note: { zh: '备注', en: 'Note' },
  date: { zh: '日期', en: 'Date' },
  state: { zh: '状态', en: 'State' },
  lines: { zh: '明细', en: 'Lines' },
  attendance: { zh: '出勤', en: 'Attendance' },
  problems: { zh: '问题与需求', en: 'Problems and requests' },
  tomorrowPlan: { zh: '明日重点', en: "Tomorrow's key points" },
  reason: { zh: '原因', en: 'Reason' },
  orderDocNo: { zh: '销售单', en: 'Order' },
  contentHash: { zh: '内容校验码', en: 'Content hash' },
  // rep evaluation
  cooperation: { zh: '合作精神', en: 'Cooperation' },
  enthusiasm: { zh: '工作热情', en: 'Enthusiasm' },
  responsibility: { zh: '责任感', en: 'Responsibility' },
  scoredByName: { zh: '评分人', en: 'Scored by' },
  weights: { zh: '权重', en: 'Weights' },
  standardVisitsPerDayX100: { zh: '标准日均拜访(×100)', en: 'Standard visits per day (×100)' },
  lostCustomerDays: { zh: '流失天数', en: 'Days without order (lost)' },
  // customer grading, lifecycle and satisfaction
  salesFen: { zh: '近12个月净销售额', en: 'Net sales, 12 months' },
  from: { zh: '开始日期', en: 'From' },
  to: { zh: '结束日期', en: 'To' },
  cutoffsBp: { zh: '评级分级线(bp)', en: 'Grade cut-offs (bp)' },
  lostDays: { zh: '流失天数', en: 'Lost after (days)' },
  changed: { zh: '变化数', en: 'Changed' },
  byLifecycle: { zh: '变为各阶段', en: 'Changed to' },
  score: { zh: '评分', en: 'Score' },
  scoreSource: { zh: '评分来源', en: 'Score source' },
  // working-day calendar
  calendar: { zh: '日历', en: 'Calendar' },
  kind: { zh: '上班或休息', en: 'Work or off' },
  year: { zh: '年份', en: 'Year' },
  offDays: { zh: '放假日', en: 'Days off' },
  workDays: { zh: '调休上班日', en: 'Make-up workdays' },
};

export function auditFieldLabel(key: string, locale: AuditLocale): string {
  const l = ownOr(auditFieldLabels, key);
  if (l) return pick(l, locale);
  return (locale === 'zh-CN' ? ownOr(fieldLabels, key) : undefined) ?? key;
}

type RefKind = 'region' | 'productCategory' | 'rep' | 'team' | 'dealer' | 'customer' | 'product';

/**
 * Fields that hold the id of another record, and the snapshot key that carries its name as it was when the change
 * was recorded (`regionId` → `regionPath`). A name is a string, or a path as a list of names.
 */
export function auditRef(entity: string | undefined, key: string): { kind: RefKind; nameKey: string; many: boolean } | undefined {
  switch (key) {
    case 'regionId':
      return { kind: 'region', nameKey: 'regionPath', many: false };
    case 'regionIds':
      return { kind: 'region', nameKey: 'regionNames', many: true };
    case 'territoryRegionIds':
      return { kind: 'region', nameKey: 'territoryNames', many: true };
    case 'repId':
      return { kind: 'rep', nameKey: 'repName', many: false };
    case 'supervisorId':
      return { kind: 'rep', nameKey: 'supervisorName', many: false };
    case 'teamId':
      return { kind: 'team', nameKey: 'teamName', many: false };
    case 'dealerId':
      return { kind: 'dealer', nameKey: 'dealerName', many: false };
    case 'categoryId':
      return { kind: 'productCategory', nameKey: 'categoryPath', many: false };
    case 'customerId':
      return { kind: 'customer', nameKey: 'customerName', many: false };
    case 'productId':
      return { kind: 'product', nameKey: 'productName', many: false };
    case 'mergedIntoId':
      return { kind: 'customer', nameKey: 'mergedIntoName', many: false };
    case 'parentId':
      if (entity === 'region') return { kind: 'region', nameKey: 'parentPath', many: false };
      if (entity === 'productCategory') return { kind: 'productCategory', nameKey: 'parentPath', many: false };
      return undefined;
    default:
      return undefined;
  }
}

const refKeys = [
  'regionId',
  'regionIds',
  'territoryRegionIds',
  'repId',
  'supervisorId',
  'teamId',
  'dealerId',
  'categoryId',
  'customerId',
  'productId',
  'mergedIntoId',
  'parentId',
];
/** The snapshot keys of the records' own names for their references, plus older spellings (a product's categoryName). */
const nameKeys = new Set([
  'regionPath',
  'regionNames',
  'repName',
  'supervisorName',
  'teamName',
  'dealerName',
  'categoryPath',
  'categoryName',
  'customerName',
  'productName',
  'mergedIntoName',
  'parentPath',
  'regionPaths',
  'territoryPaths',
]);
export const auditRefKeys: readonly string[] = refKeys;

// bookkeeping and derived columns: not something a user changed
const ignored = new Set(['id', 'updatedAt', 'createdAt', 'updatedBy', 'archivedAt', 'path', 'initials', 'pinyin', 'contacts']);

interface Words {
  empty: string;
  yes: string;
  no: string;
  fieldSep: string;
  kv: string;
  list: string;
  contactsChanged: string;
  deleted: (id: unknown) => string;
}
const words: Record<AuditLocale, Words> = {
  'zh-CN': {
    empty: '空',
    yes: '是',
    no: '否',
    fieldSep: '；',
    kv: '：',
    list: '、',
    contactsChanged: '联系人已变更',
    deleted: (id) => `已删除（编号 ${String(id)}）`,
  },
  en: {
    empty: '(empty)',
    yes: 'Yes',
    no: 'No',
    fieldSep: '; ',
    kv: ': ',
    list: ', ',
    contactsChanged: 'contacts changed',
    deleted: (id) => `deleted (ID ${String(id)})`,
  },
};

const boolLabels = (on: Labelled, off: Labelled): Record<string, Labelled> => ({ true: on, false: off });
const boolToLocked = () => boolLabels({ zh: '已锁定', en: 'Locked' }, { zh: '未锁定', en: 'Unlocked' });
// stored codes shown as the words of the screens (零售店, not retail), per record type
const valueLabelsByEntity: Record<string, Record<string, Record<string, Labelled>>> = {
  customer: {
    type: customerTypeLabels,
    lifecycle: lifecycleLabels,
    scale: customerScaleLabels,
    source: customerSourceLabels,
    archived: boolLabels(customerStatusLabels.archived, customerStatusLabels.active),
  },
  dealer: { channelType: channelTypeLabels, tier: dealerTierLabels, status: dealerStatusLabels },
  region: { level: regionLevelLabels },
  marketFeedback: { feedbackType: feedbackTypeLabels, urgency: urgencyLabels, status: handleStatusLabels },
  complaint: { urgency: urgencyLabels, status: handleStatusLabels },
  expense: { category: expenseCategoryLabels },
  opportunity: { stage: stageLabels, lostReason: lostReasonLabels },
  satisfactionScore: { scoreSource: satisfactionSourceLabels },
  target: {
    metric: Object.fromEntries(targetMetrics.map((m) => [m, metricDefinitions[m].label])),
    level: targetLevelLabels,
    split: { time: { zh: '按时间', en: 'by time' }, unit: { zh: '按单位', en: 'by unit' } },
    locked: boolToLocked(),
  },
  calendarDay: {
    calendar: { company: { zh: '公司', en: 'Company' }, official: { zh: '国家法定', en: 'Official' } },
    kind: { work: { zh: '上班', en: 'Work' }, off: { zh: '休息', en: 'Off' } },
  },
  product: { active: boolLabels(productStatusLabels.active, productStatusLabels.inactive) },
  rep: { active: boolLabels(repStatusLabels.active, repStatusLabels.inactive) },
  visitPlan: { state: formStateLabels },
  dailyReport: { state: formStateLabels, attendance: attendanceLabels },
  operator: {
    role: operatorRoleLabels,
    active: boolLabels({ zh: '启用', en: 'Active' }, { zh: '停用', en: 'Inactive' }),
    signature: boolLabels({ zh: '已上传', en: 'Uploaded' }, { zh: '无', en: 'None' }),
    passwordReset: boolLabels({ zh: '是', en: 'Yes' }, { zh: '否', en: 'No' }),
  },
  import: {
    mode: { skip: { zh: '跳过已有编码', en: 'skip existing codes' }, update: { zh: '更新已有编码', en: 'update existing codes' } },
  },
  settings: { locale: { 'zh-CN': { zh: '中文', en: 'Chinese' }, en: { zh: '英文', en: 'English' } } },
};
// a record's history shown without its type (old callers): the customer and dealer words, which do not collide
const anyValueLabels: Record<string, Record<string, Labelled>> = { ...valueLabelsByEntity.customer, ...valueLabelsByEntity.dealer };

export interface DescribeOptions {
  locale: AuditLocale;
  /** The record type (customer, rep …): picks the right words for `active`, `level`, `parentId`. */
  entity?: string;
}

type Snapshot = Record<string, unknown>;

function refName(snapshot: Snapshot, key: string, value: unknown, opts: DescribeOptions): string | undefined {
  const ref = auditRef(opts.entity, key);
  if (!ref) return undefined;
  const w = words[opts.locale];
  let recorded = snapshot[ref.nameKey];
  if (recorded === undefined && key === 'categoryId') recorded = snapshot.categoryName;
  if (ref.many) {
    const ids = Array.isArray(value) ? value : [];
    const names = Array.isArray(recorded) ? recorded : [];
    if (ids.length === 0) return w.empty;
    return ids.map((id, i) => (typeof names[i] === 'string' ? String(names[i]) : w.deleted(id))).join(w.list);
  }
  if (Array.isArray(recorded) && recorded.length > 0) return recorded.join(' › ');
  if (typeof recorded === 'string' && recorded !== '') return recorded;
  return w.deleted(value);
}

function show(snapshot: Snapshot, key: string, value: unknown, opts: DescribeOptions): string {
  const w = words[opts.locale];
  if (value === null || value === undefined || value === '') return w.empty;
  const named = refName(snapshot, key, value, opts);
  if (named !== undefined) return named;
  const table = opts.entity === undefined ? anyValueLabels : (ownOr(valueLabelsByEntity, opts.entity) ?? {});
  const labels = ownOr(table, key);
  if (labels && Object.hasOwn(labels, String(value))) return pick(labels[String(value)]!, opts.locale);
  if (key.endsWith('Fen') && typeof value === 'number') return `¥${formatFen(value)}`;
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (Array.isArray(value)) {
    if (value.length === 0) return w.empty;
    return value.map((v) => (typeof v === 'object' && v !== null ? describeItem(v as Snapshot) : String(v))).join(w.list);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One line of a list inside a record (a strategy card's next actions): its date and text. */
function describeItem(item: Snapshot): string {
  if (typeof item.action === 'string') return [item.dueDate, item.action].filter((v) => typeof v === 'string' && v !== '').join(' ');
  if (typeof item.name === 'string') return item.name;
  return JSON.stringify(item);
}

const shown = (key: string) => !ignored.has(key) && !nameKeys.has(key);

/** A created or deleted record has nothing to compare with: list its own simple fields instead. */
function describeSnapshot(snapshot: Snapshot, opts: DescribeOptions): string {
  const w = words[opts.locale];
  return (
    Object.entries(snapshot)
      .filter(([key, value]) => shown(key) && value !== '' && value !== null && value !== undefined)
      .filter(([, value]) => typeof value !== 'object' || (Array.isArray(value) && value.length > 0))
      // a zero amount or sort number on a new record is the default, not something to read
      .filter(([key, value]) => !(value === 0 && (key.endsWith('Fen') || key === 'sortOrder')))
      .slice(0, 8)
      .map(([key, value]) => `${auditFieldLabel(key, opts.locale)}${w.kv}${show(snapshot, key, value, opts)}`)
      .join(w.fieldSep)
  );
}

const isRecord = (v: unknown): v is Snapshot => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What changed between two snapshots, field by field, with names for references and words for codes. */
export function describeChange(before: unknown, after: unknown, opts: DescribeOptions): string {
  const b = isRecord(before) ? before : undefined;
  const a = isRecord(after) ? after : undefined;
  if (!b || !a) return b || a ? describeSnapshot((b ?? a)!, opts) : '';
  const w = words[opts.locale];
  const parts: string[] = [];
  for (const key of Object.keys(a)) {
    if (!shown(key)) continue;
    if (JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null)) continue;
    parts.push(`${auditFieldLabel(key, opts.locale)}${w.kv}${show(b, key, b[key], opts)} → ${show(a, key, a[key], opts)}`);
  }
  if (JSON.stringify(a.contacts) !== JSON.stringify(b.contacts) && (a.contacts || b.contacts)) parts.push(w.contactsChanged);
  return parts.join(w.fieldSep);
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** An import as a sentence: where from, how many rows, what became of them. */
function describeImport(after: Snapshot, locale: AuditLocale): string {
  const file = typeof after.fileName === 'string' ? after.fileName : '';
  const mode = after.mode === 'update' || after.mode === 'skip' ? after.mode : undefined;
  const modeWords = mode ? pick(valueLabelsByEntity.import!.mode![mode]!, locale) : '';
  if (locale === 'en') {
    return (
      `${num(after.total)} ${num(after.total) === 1 ? 'row' : 'rows'} from ${file}: ${num(after.created)} new, ${num(after.updated)} updated, ` +
      `${num(after.skipped)} skipped, ${num(after.rejected)} rejected${modeWords ? ` (${modeWords})` : ''}`
    );
  }
  return (
    `从「${file}」读入 ${num(after.total)} 行：新增 ${num(after.created)} 行，更新 ${num(after.updated)} 行，` +
    `跳过 ${num(after.skipped)} 行，拒绝 ${num(after.rejected)} 行${modeWords ? `（${modeWords}）` : ''}`
  );
}

/** A merge: which customer went into this one and what moved with it. */
function describeMerge(before: Snapshot, after: Snapshot, locale: AuditLocale): string {
  const name = typeof before.name === 'string' ? before.name : '';
  const code = typeof before.code === 'string' ? before.code : '';
  const [c, t, s, e] = [num(after.contacts), num(after.tags), num(after.strategyActions), num(after.evaluations)];
  if (locale === 'en') {
    return `Merged in “${name}” (${code}): moved ${c} contacts, ${t} tags, ${s} strategy actions, ${e} monthly evaluations`;
  }
  return `并入「${name}」（${code}）：转入联系人 ${c} 个、标签 ${t} 个、策略行动 ${s} 条、月评卡 ${e} 张`;
}

export interface AuditEntryLike {
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
}

/** The detail column of the audit log. */
export function describeAudit(entry: AuditEntryLike, locale: AuditLocale): string {
  if (entry.action === 'import' && isRecord(entry.after)) return describeImport(entry.after, locale);
  if (entry.action === 'merge' && isRecord(entry.before) && isRecord(entry.after)) return describeMerge(entry.before, entry.after, locale);
  return describeChange(entry.before, entry.after, { locale, entity: entry.entity });
}
