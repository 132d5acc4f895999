// Excel export of a list as the user sees it: the same filters and sort, every page, read through the list's own
// module function. Numbers stay numbers, money is 元 with two decimals, dates are real dates; text that a spreadsheet
// would take for a formula is neutralised.
import type { Ctx } from '../../context';
import { todayLocal } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { auditActionLabel, auditEntityLabel, describeAudit } from '../../../../shared/domain/audit';
import {
  customerScaleLabels,
  customerSourceLabels,
  customerStatusLabels,
  customerTypeLabels,
  lifecycleLabels,
} from '../../../../shared/domain/customer';
import { channelTypeLabels, dealerStatusLabels, dealerTierLabels } from '../../../../shared/domain/dealer';
import { entityLabels } from '../../../../shared/domain/importExport';
import { productStatusLabels } from '../../../../shared/domain/product';
import { repStatusLabels } from '../../../../shared/domain/rep';
import { expenseCategoryLabels } from '../../../../shared/domain/expense';
import { feedbackTypeLabels, handleStatusLabels, urgencyLabels } from '../../../../shared/domain/feedback';
import { excelSerial, writeXlsx, type XlsxFormat, type XlsxValue } from './xlsxWriter';
import { listAudit } from '../audit/audit';
import { customerExtras, listCustomers, type CustomerExtras } from '../customers/customers';
import { dealerExtras, listDealers, type DealerExtras } from '../dealers/dealers';
import { listProducts } from '../products/products';
import { listReps } from '../reps/reps';
import { listMarketFeedback } from '../marketFeedback/marketFeedback';
import { listComplaints } from '../complaints/complaints';
import { listExpenses } from '../expenses/expenses';
import { listOpportunities } from '../opportunities/opportunities';
import { lostReasonLabels, stageLabels } from '../../../../shared/domain/opportunity';
import { agingBucketLabels, statementKindLabels } from '../../../../shared/domain/money';
import { agingColumnLabels, agingGroupingLabels, agingNoneLabel, statementLabels } from '../../../../shared/domain/aging';
import { receivablesAging } from '../receivables/aging';
import { getStatement } from '../statements/statements';

type ExportInput = ParsedInput<'export.xlsx'>;
type CellType = 'text' | 'number' | 'money' | 'date' | 'datetime' | 'percent';

interface Column<Row> {
  header: string;
  width: number;
  type: CellType;
  /** money in fen, percent in basis points, date "YYYY-MM-DD", datetime an ISO timestamp. */
  value: (row: Row) => string | number | null | undefined;
}

interface Sheet<Row> {
  title: string;
  columns: Array<Column<Row>>;
  /** The list's rows in order, a chunk at a time. */
  chunks: () => Iterable<Row[]>;
}

// rows read per list call, measured on 100,000 customers: 20,000 left more rows alive through each young-generation
// GC (~60 MB more peak memory, more GC time); 2,000 paid more for the list calls than it saved
const CHUNK = 10_000;
const EXCEL_TEXT_MAX = 32_767;

const formatOf: Record<CellType, XlsxFormat> = {
  text: 'general',
  number: 'integer',
  money: 'money',
  date: 'date',
  datetime: 'datetime',
  percent: 'percent',
};

/** Text a spreadsheet would read as a formula (= + - @, or a leading tab / CR) gets a leading apostrophe. */
export function neutralise(text: string): string {
  const s = text.length > EXCEL_TEXT_MAX - 1 ? text.slice(0, EXCEL_TEXT_MAX - 1) : text;
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function dateCell(ymd: string): XlsxValue {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? excelSerial(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : neutralise(ymd);
}

/** Excel dates have no time zone: an instant is written as the office's wall-clock time. */
function dateTimeCell(iso: string): XlsxValue {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return neutralise(iso);
  return excelSerial(t - new Date(t).getTimezoneOffset() * 60_000);
}

function toCell(type: CellType, v: string | number | null | undefined): XlsxValue {
  if (v === null || v === undefined || v === '') return null;
  switch (type) {
    case 'money':
      // 元 from 分: fen / 100 is the double nearest the exact amount, so it reads back to the same 分
      return Number(v) / 100;
    case 'percent':
      return Number(v) / 10000;
    case 'number':
      return typeof v === 'number' ? v : Number(v);
    case 'date':
      return dateCell(String(v));
    case 'datetime':
      return dateTimeCell(String(v));
    default:
      return neutralise(String(v));
  }
}

function* pages<Row>(fetch: (page: number) => { rows: Row[]; total: number }): Iterable<Row[]> {
  let seen = 0;
  for (let page = 1; ; page++) {
    const { rows, total } = fetch(page);
    if (rows.length === 0) return;
    yield rows;
    seen += rows.length;
    if (seen >= total) return;
  }
}

/** List rows joined with the fields the list leaves out, a chunk at a time. */
function* withExtras<Row extends { id: number }, Extra>(
  chunks: Iterable<Row[]>,
  extras: (ids: number[]) => Map<number, Extra>,
): Iterable<Array<Row & Extra>> {
  for (const rows of chunks) {
    const byId = extras(rows.map((r) => r.id));
    // the list's rows are this export's own: extended in place rather than copied, 100,000 copies are GC work
    yield rows.map((r) => Object.assign(r, byId.get(r.id)!));
  }
}

function* cells<Row>(spec: Sheet<Row>): Iterable<XlsxValue[]> {
  for (const chunk of spec.chunks()) for (const row of chunk) yield spec.columns.map((c) => toCell(c.type, c.value(row)));
}

function writeSheet<Row>(spec: Sheet<Row>): Promise<{ buffer: Buffer; rowCount: number }> {
  return writeXlsx({
    name: spec.title.slice(0, 31),
    columns: spec.columns.map((c) => ({ header: c.header, width: c.width, format: formatOf[c.type] })),
    rows: cells(spec),
    creator: 'SalesDesk 销售管理台',
  });
}

// ---------- the lists ----------

type CustomerRow = Output<'customers.list'>['rows'][number] & CustomerExtras;
type DealerRow = Output<'dealers.list'>['rows'][number] & DealerExtras;
type ProductRow = Output<'products.list'>['rows'][number];
type RepRow = Output<'reps.list'>['rows'][number];
type AuditRow = Output<'audit.list'>['rows'][number];
type FeedbackRow = Output<'marketFeedback.list'>['rows'][number];
type ComplaintRow = Output<'complaints.list'>['rows'][number];
type ExpenseRow = Output<'expenses.list'>['rows'][number];
type OpportunityRow = Output<'opportunities.list'>['rows'][number];

const customerColumns: Array<Column<CustomerRow>> = [
  { header: '客户编码', width: 11, type: 'text', value: (r) => r.code },
  { header: '客户名称', width: 30, type: 'text', value: (r) => r.name },
  { header: '简称', width: 12, type: 'text', value: (r) => r.shortName },
  { header: '客户类型', width: 10, type: 'text', value: (r) => customerTypeLabels[r.type].zh },
  { header: '所属区域', width: 30, type: 'text', value: (r) => r.regionPath.join(' › ') },
  { header: '地址', width: 30, type: 'text', value: (r) => r.address },
  { header: '电话', width: 16, type: 'text', value: (r) => r.phone },
  { header: '行业', width: 12, type: 'text', value: (r) => r.industry },
  {
    header: '规模',
    width: 8,
    type: 'text',
    value: (r) => (r.scale === null ? null : customerScaleLabels[r.scale].zh),
  },
  {
    header: '客户来源',
    width: 12,
    type: 'text',
    value: (r) => (r.source === null ? null : customerSourceLabels[r.source].zh),
  },
  { header: '业务员', width: 10, type: 'text', value: (r) => r.repName },
  { header: '服务经销商', width: 20, type: 'text', value: (r) => r.dealerName },
  { header: '主联系人', width: 10, type: 'text', value: (r) => r.primaryContact },
  { header: '客户等级', width: 10, type: 'text', value: (r) => r.grade },
  { header: '生命周期', width: 10, type: 'text', value: (r) => lifecycleLabels[r.lifecycle].zh },
  { header: '信用额度(元)', width: 14, type: 'money', value: (r) => r.creditLimitFen },
  { header: '账期(天)', width: 10, type: 'number', value: (r) => r.paymentTermDays },
  { header: '标签', width: 16, type: 'text', value: (r) => r.tags.join('、') },
  { header: '备注', width: 24, type: 'text', value: (r) => r.notes },
  { header: '状态', width: 8, type: 'text', value: (r) => customerStatusLabels[r.archived ? 'archived' : 'active'].zh },
  { header: '创建时间', width: 17, type: 'datetime', value: (r) => r.createdAt },
  { header: '更新时间', width: 17, type: 'datetime', value: (r) => r.updatedAt },
];

const dealerColumns: Array<Column<DealerRow>> = [
  { header: '经销商编码', width: 11, type: 'text', value: (r) => r.code },
  { header: '经销商名称', width: 28, type: 'text', value: (r) => r.name },
  { header: '简称', width: 10, type: 'text', value: (r) => r.shortName },
  { header: '渠道类型', width: 10, type: 'text', value: (r) => channelTypeLabels[r.channelType].zh },
  { header: '级别', width: 7, type: 'text', value: (r) => dealerTierLabels[r.tier].zh },
  { header: '联系人', width: 10, type: 'text', value: (r) => r.contactName },
  { header: '电话', width: 16, type: 'text', value: (r) => r.phone },
  { header: '地址', width: 30, type: 'text', value: (r) => r.address },
  { header: '授权区域', width: 36, type: 'text', value: (r) => r.territoryPaths.map((p) => p.join(' › ')).join('、') },
  { header: '合同开始日期', width: 13, type: 'date', value: (r) => r.contractStart },
  { header: '合同到期日期', width: 13, type: 'date', value: (r) => r.contractEnd },
  { header: '合同剩余天数', width: 12, type: 'number', value: (r) => r.contractDaysLeft },
  { header: '保证金(元)', width: 13, type: 'money', value: (r) => r.depositFen },
  { header: '信用额度(元)', width: 14, type: 'money', value: (r) => r.creditLimitFen },
  { header: '业务员', width: 10, type: 'text', value: (r) => r.repName },
  { header: '状态', width: 8, type: 'text', value: (r) => dealerStatusLabels[r.status].zh },
  { header: '客户数', width: 8, type: 'number', value: (r) => r.customerCount },
  { header: '备注', width: 24, type: 'text', value: (r) => r.notes },
  { header: '创建时间', width: 17, type: 'datetime', value: (r) => r.createdAt },
  { header: '更新时间', width: 17, type: 'datetime', value: (r) => r.updatedAt },
];

const productColumns: Array<Column<ProductRow>> = [
  { header: '产品编码', width: 12, type: 'text', value: (r) => r.sku },
  { header: '产品名称', width: 26, type: 'text', value: (r) => r.name },
  { header: '规格', width: 12, type: 'text', value: (r) => r.spec },
  { header: '产品分类', width: 14, type: 'text', value: (r) => r.categoryName },
  { header: '单位', width: 6, type: 'text', value: (r) => r.unit },
  { header: '标准售价(元)', width: 13, type: 'money', value: (r) => r.listPriceFen },
  { header: '经销价(元)', width: 12, type: 'money', value: (r) => r.dealerPriceFen },
  { header: '最低售价(元)', width: 13, type: 'money', value: (r) => r.floorPriceFen },
  { header: '成本价(元)', width: 12, type: 'money', value: (r) => r.costFen },
  { header: '毛利率', width: 10, type: 'percent', value: (r) => r.grossMarginBp },
  { header: '状态', width: 7, type: 'text', value: (r) => productStatusLabels[r.active ? 'active' : 'inactive'].zh },
  { header: '备注', width: 20, type: 'text', value: (r) => r.notes },
  { header: '更新时间', width: 17, type: 'datetime', value: (r) => r.updatedAt },
];

const repColumns: Array<Column<RepRow>> = [
  { header: '业务员编码', width: 11, type: 'text', value: (r) => r.code },
  { header: '姓名', width: 10, type: 'text', value: (r) => r.name },
  { header: '电话', width: 16, type: 'text', value: (r) => r.phone },
  { header: '团队', width: 12, type: 'text', value: (r) => r.teamName },
  { header: '主管', width: 10, type: 'text', value: (r) => r.supervisorName },
  { header: '负责区域', width: 36, type: 'text', value: (r) => r.regionPaths.map((p) => p.join(' › ')).join('、') },
  { header: '入职日期', width: 12, type: 'date', value: (r) => r.hireDate },
  { header: '客户数', width: 8, type: 'number', value: (r) => r.customerCount },
  { header: '状态', width: 7, type: 'text', value: (r) => repStatusLabels[r.active ? 'active' : 'inactive'].zh },
];

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

const auditColumns: Array<Column<AuditRow>> = [
  { header: '时间', width: 17, type: 'datetime', value: (r) => r.at },
  { header: '操作员', width: 10, type: 'text', value: (r) => r.operator },
  { header: '操作', width: 8, type: 'text', value: (r) => auditActionLabel(r.action, 'zh-CN') },
  { header: '对象类型', width: 10, type: 'text', value: (r) => auditEntityLabel(r.entity, 'zh-CN') },
  { header: '对象编号', width: 10, type: 'number', value: (r) => r.entityId },
  // the same sentence as the log screen; the raw snapshots follow for whoever needs every field
  { header: '详情', width: 60, type: 'text', value: (r) => describeAudit(r, 'zh-CN') },
  { header: '修改前', width: 50, type: 'text', value: (r) => json(r.before) },
  { header: '修改后', width: 50, type: 'text', value: (r) => json(r.after) },
];

const handledColumns: Array<Column<FeedbackRow | ComplaintRow>> = [
  { header: '状态', width: 8, type: 'text', value: (r) => handleStatusLabels[r.status].zh },
  { header: '处理人', width: 10, type: 'text', value: (r) => r.handler },
  { header: '处理结果', width: 40, type: 'text', value: (r) => r.response },
  { header: '处理日期', width: 12, type: 'date', value: (r) => r.handledDate },
];

const feedbackColumns: Array<Column<FeedbackRow>> = [
  { header: '编号', width: 16, type: 'text', value: (r) => r.code },
  { header: '日期', width: 12, type: 'date', value: (r) => r.date },
  { header: '业务员', width: 10, type: 'text', value: (r) => r.repName },
  { header: '反馈类型', width: 14, type: 'text', value: (r) => feedbackTypeLabels[r.feedbackType].zh },
  { header: '紧急程度', width: 9, type: 'text', value: (r) => urgencyLabels[r.urgency].zh },
  { header: '标题', width: 20, type: 'text', value: (r) => r.subject },
  { header: '内容', width: 50, type: 'text', value: (r) => r.content },
  { header: '竞品', width: 14, type: 'text', value: (r) => r.competitor },
  { header: '产品', width: 16, type: 'text', value: (r) => r.productName },
  { header: '经销商', width: 20, type: 'text', value: (r) => r.dealerName },
  { header: '客户', width: 24, type: 'text', value: (r) => r.customerName },
  { header: '区域', width: 30, type: 'text', value: (r) => r.regionPath.join(' › ') },
  ...handledColumns,
  { header: '窜货单', width: 18, type: 'text', value: (r) => r.orderDocNo },
];

const complaintColumns: Array<Column<ComplaintRow>> = [
  { header: '编号', width: 16, type: 'text', value: (r) => r.code },
  { header: '受理日期', width: 12, type: 'date', value: (r) => r.receivedDate },
  { header: '客户', width: 24, type: 'text', value: (r) => r.customerName },
  { header: '产品', width: 16, type: 'text', value: (r) => r.productName },
  { header: '业务员', width: 10, type: 'text', value: (r) => r.repName },
  { header: '紧急程度', width: 9, type: 'text', value: (r) => urgencyLabels[r.urgency].zh },
  { header: '投诉内容', width: 50, type: 'text', value: (r) => r.content },
  ...handledColumns,
];

const expenseColumns: Array<Column<ExpenseRow>> = [
  { header: '日期', width: 12, type: 'date', value: (r) => r.date },
  { header: '业务员', width: 10, type: 'text', value: (r) => r.repName },
  { header: '费用类别', width: 9, type: 'text', value: (r) => expenseCategoryLabels[r.category].zh },
  { header: '金额(元)', width: 13, type: 'money', value: (r) => r.amountFen },
  { header: '客户', width: 24, type: 'text', value: (r) => r.customerName },
  { header: '备注', width: 40, type: 'text', value: (r) => r.note },
];

const opportunityColumns: Array<Column<OpportunityRow>> = [
  { header: '商机', width: 28, type: 'text', value: (r) => r.title },
  { header: '客户', width: 24, type: 'text', value: (r) => r.customerName },
  { header: '区域', width: 14, type: 'text', value: (r) => r.regionName },
  { header: '业务员', width: 10, type: 'text', value: (r) => r.repName },
  { header: '阶段', width: 10, type: 'text', value: (r) => stageLabels[r.stage].zh },
  { header: '金额(元)', width: 14, type: 'money', value: (r) => r.amountFen },
  { header: '赢率', width: 8, type: 'percent', value: (r) => r.probabilityBp },
  { header: '加权金额(元)', width: 14, type: 'money', value: (r) => r.weightedFen },
  { header: '预计成交', width: 12, type: 'date', value: (r) => r.expectedCloseDate },
  { header: '下一步', width: 24, type: 'text', value: (r) => r.nextStep },
  { header: '下一步日期', width: 12, type: 'date', value: (r) => r.nextStepDate },
  { header: '竞争对手', width: 14, type: 'text', value: (r) => r.competitor },
  { header: '来源', width: 10, type: 'text', value: (r) => r.source },
  { header: '流失原因', width: 10, type: 'text', value: (r) => (r.lostReason ? lostReasonLabels[r.lostReason].zh : '') },
  { header: '创建日期', width: 12, type: 'date', value: (r) => r.createdOn },
  { header: '关闭日期', width: 12, type: 'date', value: (r) => r.closedOn },
];

// ---------- 账龄分析 and 客户对账单: the screen's columns and words, amounts in 元 ----------

type AgingRow = Pick<
  Output<'receivables.aging'>['rows'][number],
  'key' | 'code' | 'name' | 'notDueFen' | 'bucketsFen' | 'overdueFen' | 'prepaymentFen' | 'totalFen'
>;

const yuan = (label: { zh: string }) => `${label.zh}(元)`;
/** A sheet or file name: the characters Excel refuses in a sheet name and Windows in a file name become _. */
const safeTitle = (text: string) => text.replace(/[\\/?*[\]:"<>|]/g, '_');

function agingSheet(ctx: Ctx, filters: Extract<ExportInput, { entity: 'aging' }>['filters']): Sheet<AgingRow> {
  const aging = receivablesAging(ctx, filters);
  const buckets = agingBucketLabels(aging.bucketEdges, 'zh');
  const money = (header: string, value: (r: AgingRow) => number | undefined): Column<AgingRow> => ({
    header,
    width: 14,
    type: 'money',
    value,
  });
  const columns: Array<Column<AgingRow>> = [
    { header: agingGroupingLabels[aging.groupBy].zh, width: 30, type: 'text', value: (r) => (r.key === 0 ? agingNoneLabel.zh : r.name) },
    { header: agingColumnLabels.code.zh, width: 12, type: 'text', value: (r) => r.code },
    money(`${buckets[0]!}(元)`, (r) => r.notDueFen),
    ...buckets.slice(1).map((label, i) => money(`${label}(元)`, (r) => r.bucketsFen[i])),
    money(yuan(agingColumnLabels.overdue), (r) => r.overdueFen),
    money(yuan(agingColumnLabels.prepayment), (r) => r.prepaymentFen),
    money(yuan(agingColumnLabels.total), (r) => r.totalFen),
  ];
  // the totals row the screen keeps in view, last
  const totals: AgingRow = { key: -1, code: '', name: agingColumnLabels.totals.zh, ...aging.totals };
  return { title: `账龄分析_截至${aging.asOf}`, columns, chunks: () => [aging.rows, [totals]] };
}

interface StatementRow {
  date: string | null;
  kind: string;
  docNo: string;
  note: string;
  debitFen: number | null;
  creditFen: number | null;
  balanceFen: number | null;
}

const statementColumns: Array<Column<StatementRow>> = [
  { header: statementLabels.date.zh, width: 12, type: 'date', value: (r) => r.date },
  { header: statementLabels.kind.zh, width: 10, type: 'text', value: (r) => r.kind },
  { header: statementLabels.docNo.zh, width: 18, type: 'text', value: (r) => r.docNo },
  { header: statementLabels.note.zh, width: 24, type: 'text', value: (r) => r.note },
  { header: yuan(statementLabels.debit), width: 15, type: 'money', value: (r) => r.debitFen },
  { header: yuan(statementLabels.credit), width: 15, type: 'money', value: (r) => r.creditFen },
  { header: yuan(statementLabels.balance), width: 16, type: 'money', value: (r) => r.balanceFen },
];

function statementSheet(ctx: Ctx, filters: Extract<ExportInput, { entity: 'statement' }>['filters']): Sheet<StatementRow> {
  const st = getStatement(ctx, filters);
  const row = (r: Partial<StatementRow>): StatementRow => ({
    date: null,
    kind: '',
    docNo: '',
    note: '',
    debitFen: null,
    creditFen: null,
    balanceFen: null,
    ...r,
  });
  const rows: StatementRow[] = [
    row({ date: st.from, note: statementLabels.carried.zh, balanceFen: st.openingFen }),
    ...st.lines.map((l) =>
      row({
        date: l.date,
        kind: statementKindLabels[l.kind].zh,
        docNo: l.docNo,
        note: l.note,
        debitFen: l.debitFen || null,
        creditFen: l.creditFen || null,
        balanceFen: l.balanceFen,
      }),
    ),
    row({ note: `${statementLabels.periodTotals.zh}（${st.lines.length} 笔）`, debitFen: st.debitFen, creditFen: st.creditFen }),
    row({ date: st.to, note: statementLabels.closing.zh, balanceFen: st.closingFen }),
  ];
  return {
    title: safeTitle(`${statementLabels.title.zh}_${st.customerName}_${st.from}至${st.to}`),
    columns: statementColumns,
    chunks: () => [rows],
  };
}

/** A sheet of any row type, ready to write. */
const prepare = <Row>(spec: Sheet<Row>) => ({ title: spec.title, write: () => writeSheet(spec) });

function sheetFor(ctx: Ctx, input: ExportInput, chunk: number): ReturnType<typeof prepare> {
  switch (input.entity) {
    case 'customers': {
      const f = input.filters;
      return prepare({
        title: '客户档案',
        columns: customerColumns,
        chunks: () =>
          withExtras(
            pages((page) => listCustomers(ctx, { ...f, page, pageSize: chunk })),
            (ids) => customerExtras(ctx, ids),
          ),
      });
    }
    case 'dealers': {
      const f = input.filters;
      return prepare({
        title: '经销商',
        columns: dealerColumns,
        chunks: () =>
          withExtras(
            pages((page) => listDealers(ctx, { ...f, page, pageSize: chunk })),
            (ids) => dealerExtras(ctx, ids),
          ),
      });
    }
    case 'products': {
      const f = input.filters;
      return prepare({
        title: '产品',
        columns: productColumns,
        chunks: () => pages((page) => listProducts(ctx, { ...f, page, pageSize: chunk })),
      });
    }
    case 'reps': {
      const f = input.filters;
      return prepare({
        title: '业务员',
        columns: repColumns,
        chunks: () => pages((page) => listReps(ctx, { ...f, page, pageSize: chunk })),
      });
    }
    case 'audit': {
      const f = input.filters;
      return prepare({
        title: entityLabels.audit.zh,
        columns: auditColumns,
        chunks: () => pages((page) => listAudit(ctx, { ...f, page, pageSize: chunk })),
      });
    }
    case 'marketFeedback': {
      const f = input.filters;
      return prepare({
        title: entityLabels.marketFeedback.zh,
        columns: feedbackColumns,
        chunks: () => pages((page) => listMarketFeedback(ctx, { ...f, page, pageSize: chunk })),
      });
    }
    case 'complaints': {
      const f = input.filters;
      return prepare({
        title: entityLabels.complaints.zh,
        columns: complaintColumns,
        chunks: () => pages((page) => listComplaints(ctx, { ...f, page, pageSize: chunk })),
      });
    }
    case 'aging':
      return prepare(agingSheet(ctx, input.filters));
    case 'statement':
      return prepare(statementSheet(ctx, input.filters));
    case 'expenses': {
      const f = input.filters;
      return prepare({
        title: entityLabels.expenses.zh,
        columns: expenseColumns,
        chunks: () => pages((page) => listExpenses(ctx, { ...f, page, pageSize: chunk })),
      });
    }
    case 'opportunities': {
      const f = input.filters;
      return prepare({
        title: entityLabels.opportunities.zh,
        columns: opportunityColumns,
        chunks: () => pages((page) => listOpportunities(ctx, { ...f, page, pageSize: chunk })),
      });
    }
  }
}

/** `chunk` (rows read per list call) is for tests: every page must come out whatever the chunk size. */
export async function exportXlsx(ctx: Ctx, input: ExportInput, options: { chunk?: number } = {}): Promise<Output<'export.xlsx'>> {
  const sheet = sheetFor(ctx, input, options.chunk ?? CHUNK);
  const { buffer, rowCount } = await sheet.write();
  return { fileName: `${sheet.title}_${todayLocal(ctx).replace(/-/g, '')}.xlsx`, base64: buffer.toString('base64'), rowCount };
}
