// Turns audit before/after snapshots into a one-line Chinese summary of what changed.
import { fieldLabels } from '@shared/fieldLabels';
import { formatFen } from '@shared/money';
import { customerScaleLabels, customerSourceLabels, customerTypeLabels, lifecycleLabels, type Labelled } from '@shared/domain/customer';
import { channelTypeLabels, dealerStatusLabels, dealerTierLabels } from '@shared/domain/dealer';

// stored codes shown as the words the office uses (零售店, not retail)
const valueLabels: Record<string, Record<string, Labelled>> = {
  type: customerTypeLabels,
  lifecycle: lifecycleLabels,
  scale: customerScaleLabels,
  source: customerSourceLabels,
  channelType: channelTypeLabels,
  tier: dealerTierLabels,
  status: dealerStatusLabels,
};

const actionLabels: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  archive: '归档',
  restore: '恢复',
  merge: '合并',
  import: '导入',
  initialize: '初始化',
  'demo.load': '加载演示数据',
};

export const actionLabel = (action: string): string => actionLabels[action] ?? action;

const ignored = new Set(['updatedAt', 'createdAt', 'contacts', 'regionPath', 'repName', 'id']);

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '空';
  if (key.endsWith('Fen') && typeof value === 'number') return `¥${formatFen(value)}`;
  if (Array.isArray(value)) return value.join('、') || '空';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const labels = Object.hasOwn(valueLabels, key) ? valueLabels[key] : undefined;
  if (labels && Object.hasOwn(labels, String(value))) return labels[String(value)]!.zh;
  return String(value);
}

/** A created or deleted record has nothing to compare with: list its own simple fields instead. */
function describeSnapshot(snapshot: Record<string, unknown>): string {
  return Object.entries(snapshot)
    .filter(([key, value]) => !ignored.has(key) && value !== '' && value !== null && (typeof value !== 'object' || Array.isArray(value)))
    .slice(0, 6)
    .map(([key, value]) => `${fieldLabels[key] ?? key}：${show(key, value)}`)
    .join('；');
}

export function describeChange(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  if (!before || !after) return describeSnapshot(before ? b : a);
  const parts: string[] = [];
  for (const key of Object.keys(a)) {
    if (ignored.has(key)) continue;
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    parts.push(`${fieldLabels[key] ?? key}：${show(key, b[key])} → ${show(key, a[key])}`);
  }
  if (JSON.stringify(a.contacts) !== JSON.stringify(b.contacts) && (a.contacts || b.contacts)) parts.push('联系人已变更');
  return parts.join('；');
}
