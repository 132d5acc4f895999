// Who may call what: ONE table for every contract method, checked by the core's dispatcher before any service runs.
// 'public' needs no session; 'signedIn' any signed-in operator; a role list only those roles.
// Finer rules (a supervisor signs only for their own team, only an admin changes the company name) live in the services.
import { operatorRoleLabels, type OperatorRole } from '../domain/dailyForms';
import type { MethodName } from './index';

export type Permission = 'public' | 'signedIn' | readonly OperatorRole[];

/** admin: operators, settings, audit log, reads. */
export const ADMIN: readonly OperatorRole[] = ['admin'];
/** the business roles: they enter master data, forms, imports and exports. */
export const ENTRY: readonly OperatorRole[] = ['manager', 'supervisor', 'clerk'];
/** sign, return and unsign forms (a supervisor only for their team — checked in the service). */
export const SIGNERS: readonly OperatorRole[] = ['manager', 'supervisor'];
/** overrides and merges. */
export const MANAGER: readonly OperatorRole[] = ['manager'];
/** the working-day calendar's company days and official schedule. */
export const CALENDAR_EDITORS: readonly OperatorRole[] = ['manager', 'admin'];
/** the audit log. */
export const AUDIT_READERS: readonly OperatorRole[] = ['admin', 'manager'];
/** LAN office mode: opening the database to the office network is a settings decision. */
export const LAN_KEEPERS: readonly OperatorRole[] = ['admin', 'manager'];
/** backups: make, restore, and set the automatic ones. */
export const BACKUP_KEEPERS: readonly OperatorRole[] = ['admin', 'manager'];

export const methodPermissions: Record<MethodName, Permission> = {
  'settings.get': 'public',
  'settings.initialize': 'public',
  // any operator may switch the language; the service lets only an admin change the other settings
  'settings.save': 'signedIn',

  // sign-in needs no session; the handlers of the others act on the caller's session
  'auth.signIn': 'public',
  'auth.signOut': 'public',
  'auth.me': 'public',
  'auth.changePassword': 'signedIn',
  'auth.recover': 'public',
  'auth.setupAdmin': 'public',
  // names and roles are no secret (audit filter, meeting attendees); only an admin changes them
  'operators.list': 'signedIn',
  'operators.save': ADMIN,
  // an admin sets anyone's signature, an operator their own (checked in the service)
  'operators.setSignature': 'signedIn',
  'operators.signature': 'signedIn',

  'regions.tree': 'signedIn',
  'regions.save': ENTRY,
  'regions.delete': ENTRY,
  'teams.list': 'signedIn',
  'teams.save': ENTRY,
  'reps.list': 'signedIn',
  'reps.save': ENTRY,

  'customers.list': 'signedIn',
  'customers.get': 'signedIn',
  'customers.save': ENTRY,
  'customers.archive': ENTRY,
  'customers.findDuplicates': 'signedIn',
  'customers.tags': 'signedIn',
  'customers.merge': MANAGER,
  'customers.duplicateGroups': 'signedIn',
  // grading every customer is the manager's decision; the lifecycle follows fixed rules
  'customers.regradePreview': 'signedIn',
  'customers.regradeApply': MANAGER,
  'customers.recomputeLifecycle': ENTRY,
  'customers.lifecycleHistory': 'signedIn',
  'strategyCards.get': 'signedIn',
  'strategyCards.save': ENTRY,
  'monthlyEvaluations.list': 'signedIn',
  'monthlyEvaluations.save': ENTRY,

  'dealers.list': 'signedIn',
  'dealers.get': 'signedIn',
  'dealers.save': ENTRY,

  'productCategories.tree': 'signedIn',
  'productCategories.save': ENTRY,
  'productCategories.delete': ENTRY,
  'products.list': 'signedIn',
  'products.get': 'signedIn',
  'products.save': ENTRY,

  'import.template': ENTRY,
  'import.preview': ENTRY,
  'import.commit': ENTRY,
  'import.errorFile': ENTRY,
  // reads: any operator exports what they may list (the audit log's export is checked in the service)
  'export.xlsx': 'signedIn',

  'audit.list': AUDIT_READERS,

  // daily forms: any operator reads; the business roles enter and submit; supervisors (their team) and managers sign
  'weeklyPlans.get': 'signedIn',
  'weeklyPlans.list': 'signedIn',
  'weeklyPlans.save': ENTRY,
  'monthlySummaries.get': 'signedIn',
  'monthlySummaries.list': 'signedIn',
  'monthlySummaries.save': ENTRY,
  'meetings.list': 'signedIn',
  'meetings.get': 'signedIn',
  'meetings.save': ENTRY,
  'meetings.setItemDone': ENTRY,
  'visitPlans.get': 'signedIn',
  'visitPlans.list': 'signedIn',
  'visitPlans.copySource': 'signedIn',
  'visitPlans.save': ENTRY,
  'visitPlans.submit': ENTRY,
  'visitPlans.return': SIGNERS,
  'visitPlans.sign': SIGNERS,
  'visitPlans.unsign': SIGNERS,
  'dailyReports.get': 'signedIn',
  'dailyReports.documents': 'signedIn',
  'dailyReports.list': 'signedIn',
  'dailyReports.save': ENTRY,
  'dailyReports.submit': ENTRY,
  'dailyReports.return': SIGNERS,
  'dailyReports.sign': SIGNERS,
  'dailyReports.unsign': SIGNERS,
  'dayBoard.get': 'signedIn',
  'audit.verify': AUDIT_READERS,

  // 市场反映, 客诉, 销售费用: every operator reads them; the business roles enter, handle and reopen them
  'marketFeedback.list': 'signedIn',
  'marketFeedback.get': 'signedIn',
  'marketFeedback.save': ENTRY,
  'marketFeedback.handle': ENTRY,
  'marketFeedback.reopen': ENTRY,
  'complaints.list': 'signedIn',
  'complaints.get': 'signedIn',
  'complaints.save': ENTRY,
  'complaints.handle': ENTRY,
  'complaints.reopen': ENTRY,
  'satisfaction.save': ENTRY,
  'satisfaction.list': 'signedIn',
  'satisfaction.summary': 'signedIn',
  'expenses.list': 'signedIn',
  'expenses.get': 'signedIn',
  'expenses.save': ENTRY,
  // 业绩考核: every operator reads it; scores are a supervisor's (own team, checked in the service) or a manager's; the
  // weights a manager's
  'evaluations.get': 'signedIn',
  'evaluations.list': 'signedIn',
  'evaluations.weights': 'signedIn',
  'evaluations.saveWeights': MANAGER,
  'evaluations.saveScores': SIGNERS,
  // targets: any signed-in operator reads them; managers and supervisors set, decompose, lock and import them
  'targets.get': 'signedIn',
  'targets.children': 'signedIn',
  'targets.roots': 'signedIn',
  'targets.grid': 'signedIn',
  'targets.exportGrid': 'signedIn',
  'targets.save': SIGNERS,
  'targets.decompose': SIGNERS,
  'targets.lock': SIGNERS,
  'targets.delete': SIGNERS,
  'targets.setCell': SIGNERS,
  'targets.scale': SIGNERS,
  'targets.copyLastYear': SIGNERS,
  'targets.importGrid': SIGNERS,
  // 商机 and 销售漏斗: every operator reads them; the business roles enter and move opportunities
  'opportunities.list': 'signedIn',
  'opportunities.get': 'signedIn',
  'opportunities.board': 'signedIn',
  'opportunities.save': ENTRY,
  'opportunities.move': ENTRY,
  'pipeline.funnel': 'signedIn',
  'calendar.workingDays': 'signedIn',
  'meetingPack.data': 'signedIn',
  // 目标达成: every operator reads it
  'targets.tracking': 'signedIn',
  // 数据分析: every operator reads the dashboards
  'analytics.overview': 'signedIn',
  'analytics.sales': 'signedIn',
  'analytics.customers': 'signedIn',
  'analytics.receivables': 'signedIn',
  'analytics.activity': 'signedIn',
  // 异常预警: the day's list, every operator reads it (each row opens a record the operator's own rights govern)
  'analytics.exceptions': 'signedIn',
  // 校验/重建统计表: a maintenance task of the admin's
  'analytics.rebuildSummaries': ADMIN,
  // 工作日历: every operator reads it; the company's days and the official schedule are a manager's or the admin's
  // (the settings screen's rule for credit control)
  'calendar.year': 'signedIn',
  'calendar.setDays': CALENDAR_EDITORS,
  'calendar.importSchedule': CALENDAR_EDITORS,

  // every operator prints; a printer's offset is the office's, whoever measured it
  'print.settings.get': 'signedIn',
  'print.settings.save': 'signedIn',

  // 销售单: every operator reads; the business roles enter, post and reverse (红冲 is audited); a manager's override is
  // checked in the service (the signed-in manager, or a manager's name and password typed on the clerk's session)
  'orders.list': 'signedIn',
  'orders.get': 'signedIn',
  'orders.save': ENTRY,
  'orders.delete': ENTRY,
  'orders.post': ENTRY,
  'orders.reverse': ENTRY,
  // 退货, 回款 (posted when saved; 红冲 audited), 期初应收: the business roles; 坏账核销 a manager only
  'returns.list': 'signedIn',
  'returns.get': 'signedIn',
  'returns.save': ENTRY,
  'returns.post': ENTRY,
  'collections.list': 'signedIn',
  'collections.get': 'signedIn',
  'collections.save': ENTRY,
  'collections.reverse': ENTRY,
  'writeOffs.list': 'signedIn',
  'writeOffs.save': MANAGER,
  'openingBalances.list': 'signedIn',
  'openingBalances.save': ENTRY,

  // receivables, statements and 窜货: every operator reads them (the office answers "what does X owe?")
  'receivables.aging': 'signedIn',
  'receivables.balance': 'signedIn',
  'receivables.documents': 'signedIn',
  'receivables.find': 'signedIn',
  'statements.get': 'signedIn',
  'channelConflicts.list': 'signedIn',

  // 局域网多人使用
  'lan.status': LAN_KEEPERS,
  'lan.start': LAN_KEEPERS,
  'lan.stop': LAN_KEEPERS,

  // 备份与恢复: those who change the office's settings (the admin, the manager); what the app is, every operator
  'backups.list': BACKUP_KEEPERS,
  'backups.create': BACKUP_KEEPERS,
  'backups.restore': BACKUP_KEEPERS,
  'backups.settings': BACKUP_KEEPERS,
  'system.info': 'signedIn',
};

/** May an operator of this role call this method? (The renderer hides buttons with it; the core enforces it.) */
export function can(role: OperatorRole | null | undefined, method: MethodName): boolean {
  const rule = methodPermissions[method];
  if (rule === 'public') return true;
  if (!role) return false;
  return rule === 'signedIn' || rule.includes(role);
}

const domainWords: Record<string, string> = {
  satisfaction: '客户满意度',
  settings: '系统设置',
  auth: '登录',
  operators: '操作员',
  regions: '区域',
  teams: '团队',
  reps: '业务员',
  customers: '客户',
  strategyCards: '客户策略卡',
  monthlyEvaluations: '客户月评卡',
  dealers: '经销商',
  productCategories: '产品分类',
  products: '产品',
  import: '数据导入',
  export: '导出',
  audit: '操作日志',
  visitPlans: '每日拜访计划表',
  dailyReports: '每日销售报告表',
  dayBoard: '今日看板',
  marketFeedback: '市场状况反映表',
  complaints: '客诉',
  expenses: '销售费用',
  meetings: '销售会议',
  weeklyPlans: '周计划',
  monthlySummaries: '月度总结',
  print: '打印设置',
  orders: '销售单',
  returns: '退货单',
  collections: '回款单',
  writeOffs: '坏账核销',
  openingBalances: '期初应收',
  targets: '目标',
  evaluations: '业绩考核',
  calendar: '工作日历',
  meetingPack: '月度会议材料',
  opportunities: '商机',
  pipeline: '销售漏斗',
  backups: '备份',
  system: '系统信息',
  lan: '局域网服务',
};
const verbWords: Record<string, string> = {
  list: '查看',
  get: '查看',
  tree: '查看',
  save: '保存',
  delete: '删除',
  archive: '归档',
  merge: '合并',
  submit: '提交',
  return: '退回',
  sign: '签核',
  unsign: '撤销签核',
  setItemDone: '勾选完成：',
  verify: '校验',
  template: '下载模板：',
  preview: '预览',
  commit: '执行',
  errorFile: '下载错误行：',
  xlsx: '',
  setSignature: '设置签名图片：',
  signature: '查看签名图片：',
  post: '过账',
  reverse: '红冲',
  children: '查看下级：',
  roots: '查看',
  decompose: '分解',
  lock: '锁定',
  grid: '查看表格：',
  setCell: '修改表格：',
  scale: '按比例调整',
  copyLastYear: '复制去年：',
  exportGrid: '导出表格：',
  importGrid: '导入表格：',
  saveScores: '评分：',
  saveWeights: '修改权重：',
  weights: '查看权重：',
  workingDays: '查看',
  year: '查看',
  setDays: '修改',
  importSchedule: '录入法定节假日安排：',
  move: '变更阶段：',
  board: '查看看板：',
  funnel: '查看',
  regradePreview: '预览评级：',
  regradeApply: '重新评级：',
  recomputeLifecycle: '重算生命周期：',
  lifecycleHistory: '查看生命周期：',
  summary: '查看',
  create: '创建',
  restore: '恢复',
  settings: '设置',
  info: '查看',
  status: '查看',
  start: '开启',
  stop: '停止',
};

/** The action in Chinese for the FORBIDDEN message: 'customers.merge' → 合并客户; unknown words keep the method name. */
export function actionLabel(method: string): string {
  const [domain = '', verb = ''] = method.split('.');
  const noun = Object.hasOwn(domainWords, domain) ? domainWords[domain] : undefined;
  const action = Object.hasOwn(verbWords, verb) ? verbWords[verb] : undefined;
  return noun !== undefined && action !== undefined ? `${action}${noun}` : `「${method}」`;
}

/** The Chinese name of a role (for messages). */
export function roleLabel(role: OperatorRole): string {
  return operatorRoleLabels[role].zh;
}
