// Chinese names of contract fields, used to name the field in every validation message.
export const fieldLabels: Record<string, string> = {
  id: '编号',
  code: '编码',
  name: '名称',
  shortName: '简称',
  type: '客户类型',
  regionId: '所属区域',
  regionIds: '负责区域',
  parentId: '上级区域',
  address: '地址',
  phone: '电话',
  mobile: '手机',
  email: '邮箱',
  wechat: '微信',
  title: '职务',
  industry: '行业',
  scale: '规模',
  source: '客户来源',
  repId: '业务员',
  teamId: '团队',
  supervisorId: '主管',
  hireDate: '入职日期',
  grade: '客户等级',
  lifecycle: '生命周期',
  creditLimitFen: '信用额度',
  paymentTermDays: '账期(天)',
  tags: '标签',
  tag: '标签',
  notes: '备注',
  contacts: '联系人',
  isPrimary: '主联系人',
  active: '在职/启用',
  archived: '归档',
  page: '页码',
  pageSize: '每页条数',
  sort: '排序',
  field: '排序字段',
  order: '排序方向',
  search: '搜索',
  sortOrder: '排序号',
  companyName: '公司名称',
  loadDemo: '加载演示数据',
  locale: '界面语言',
  includeInactive: '包含停用',
  excludeId: '排除编号',
  seed: '随机种子',
  customers: '客户数',
  reps: '业务员数',
  regions: '区域数',
  teams: '团队数',
  customerTags: '标签数',
  duplicates: '疑似重复',
  level: '层级',
  path: '路径',
  entity: '对象类型',
  entityId: '对象编号',
};

/** Own labels only: a key such as "__proto__" or "constructor" must not pick up Object.prototype members. */
function ownLabel(key: string): string | undefined {
  return Object.hasOwn(fieldLabels, key) ? fieldLabels[key] : undefined;
}

export function labelForPath(path: readonly PropertyKey[]): string {
  const named = [...path].reverse().find((p) => typeof p === 'string') as string | undefined;
  const label = named ? ownLabel(named) : undefined;
  const where = path.map((p) => (typeof p === 'number' ? `第${p + 1}行` : (ownLabel(String(p)) ?? String(p)))).join(' › ');
  return label ? where : where || '输入';
}
