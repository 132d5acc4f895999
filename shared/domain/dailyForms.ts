// The daily forms' enums (visit plan, sales report) with their zh-CN / en labels: one source for screens, print and export.
import type { Labelled } from './customer';

export const visitPurposes = ['develop', 'research', 'collect', 'service', 'complaint', 'order', 'other'] as const;
export type VisitPurpose = (typeof visitPurposes)[number];
export const visitPurposeLabels: Record<VisitPurpose, Labelled> = {
  develop: { zh: '开发新客户', en: 'New customer' },
  research: { zh: '市场调研', en: 'Market research' },
  collect: { zh: '收款', en: 'Collection' },
  service: { zh: '服务', en: 'Service' },
  complaint: { zh: '处理客诉', en: 'Complaint' },
  order: { zh: '接收订货', en: 'Order taking' },
  other: { zh: '其他', en: 'Other' },
};

export const attendanceKinds = ['present', 'out', 'leave', 'off'] as const;
export type Attendance = (typeof attendanceKinds)[number];
export const attendanceLabels: Record<Attendance, Labelled> = {
  present: { zh: '出勤', en: 'Present' },
  out: { zh: '外出', en: 'Out' },
  leave: { zh: '请假', en: 'Leave' },
  off: { zh: '休息', en: 'Day off' },
};

/** Stored states of a plan or report. A returned form is a draft with a return comment. */
export const formStates = ['draft', 'submitted', 'signed'] as const;
export type FormState = (typeof formStates)[number];
/** What the day board and lists show: none (no form yet) and returned are views of the stored state. */
export const formStateLabels: Record<FormState | 'none' | 'returned', Labelled> = {
  none: { zh: '未填', en: 'None' },
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  signed: { zh: '已签核', en: 'Signed' },
};

export const operatorRoles = ['admin', 'manager', 'supervisor', 'clerk'] as const;
export type OperatorRole = (typeof operatorRoles)[number];
export const operatorRoleLabels: Record<OperatorRole, Labelled> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  manager: { zh: '经理', en: 'Manager' },
  supervisor: { zh: '主管', en: 'Supervisor' },
  clerk: { zh: '文员', en: 'Clerk' },
};
