// The demo's daily process: for every working day (Monday–Saturday) of the period, each active rep's visit plan and
// sales report (most signed by the team's supervisor, some submitted, a few missing; the last days a realistic mix),
// market feedback, complaints, expenses, weekly plans, monthly summaries, and two sales meetings a month whose action
// items are done, closed at a later meeting or carried over. Rows go in through prepared statements inside the
// generator's transaction; signed forms carry the content hash of the core's own canonical content.
import type { DB } from '../db/connection';
import type { Rand } from './generate';
import { contentHash, type Json } from '../modules/dailyForms/content';
import { visitPurposes } from '../../../shared/domain/dailyForms';
import { DEMO_MANAGER } from './operators';

export interface DailyProcessCounts {
  visitPlans: number;
  visitPlanLines: number;
  dailyReports: number;
  dailyReportLines: number;
  signedForms: number;
  marketFeedback: number;
  complaints: number;
  expenses: number;
  weeklyPlans: number;
  monthlySummaries: number;
  meetings: number;
  meetingActionItems: number;
}

export interface DailyProcessOptions {
  nowMs: number;
  /** today in the office's calendar */
  today: string;
  /** first day of the period */
  from: string;
}

interface Rep {
  id: number;
  name: string;
  teamId: number | null;
  hireDate: string;
  customers: Customer[];
  signerId: number;
  signerName: string;
}
interface Customer {
  id: number;
  name: string;
  contact: string;
  regionId: number | null;
  dealerId: number | null;
}

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const pad2 = (n: number) => String(n).padStart(2, '0');

// ---------- words ----------

const outcomes = [
  '客户同意下周试订两箱',
  '老板答应月底前结清上月货款',
  '新品已上架，陈列位置在收银台旁',
  '客户库存充足，暂不补货',
  '谈妥端午节堆头陈列，需公司出物料',
  '客户对价格有顾虑，要求再让两个点',
  '已收回部分欠款，余款约定十日内付清',
  '介绍了新品，客户要样品先试卖',
  '确认补货清单，明天由经销商送货',
  '处理了上次的破损投诉，客户表示满意',
  '客户反映竞品在做买赠，我们需跟进',
  '签下季度供货协议',
  '采购负责人出差，改约下周再谈',
  '检查了货架，临期品已调换',
  '客户同意增加一个规格',
];
const notDoneReasons = [
  '客户临时外出',
  '老板不在店，改约明天',
  '路上堵车时间不够',
  '客户店面装修暂停营业',
  '临时被叫回公司开会',
  '客户要求改到下周',
];
const nextSteps = ['下周回访', '三天内送样品', '月底前催收', '报价单发给采购', '跟经销商协调送货', '准备陈列物料', '无', '电话跟进'];
const planNotes = ['', '', '', '带新品样品', '带对账单', '顺路看竞品陈列', '约了老板下午见'];
const problems = [
  '',
  '',
  '',
  '竞品降价促销，部分客户观望',
  '经销商送货不及时，客户有抱怨',
  '两家客户回款拖延',
  '新品价格偏高，终端接受度一般',
  '样品不够用，需公司补充',
  '部分门店陈列位置被竞品挤占',
];
const tomorrowPlans = [
  '继续拜访本区域重点客户',
  '跑东片区的几家超市',
  '催收欠款，跟进两家新客户',
  '陪经销商业务员铺货',
  '整理客户资料，下午拜访',
  '参加公司例会后拜访客户',
];
const planDayNotes = ['', '', '', '重点跟进回款', '新品铺货', '月底冲量', '配合促销活动'];
const feedbackTexts: Record<string, string[]> = {
  consumer: ['消费者反映新包装不好撕开', '顾客问有没有小规格装', '消费者觉得口味比以前淡', '有顾客反映保质期标注看不清'],
  competitor: ['竞品推出买二送一活动', '竞品给门店额外返点5%', '竞品新品在本区域铺货很快', '竞品业务员频繁拜访我们的重点客户'],
  dealer: ['经销商要求延长账期到60天', '经销商库存积压，希望公司支持促销', '经销商反映配送车辆不够', '经销商希望增加陈列费用'],
  violation: ['发现低价窜货，价格低于指导价', '有门店私自拆箱零售', '外区经销商在本区域供货'],
  other: ['门店要求提供电子对账单', '商场要求换新版价签', '客户希望增加送货频次'],
};
const feedbackTitles: Record<string, string> = {
  consumer: '消费者意见',
  competitor: '竞品动态',
  dealer: '经销商诉求',
  violation: '窜货/违规',
  other: '其他反映',
};
const competitors = ['康师傅', '统一', '娃哈哈', '农夫山泉', '今麦郎', '达利园', '旺旺', '白象'];
const complaintTexts = [
  '到货有两箱外包装破损',
  '送货晚了两天，影响门店销售',
  '发票抬头开错，需要重开',
  '部分产品临近保质期',
  '对账金额与实际不符',
  '产品有异味，顾客退货',
  '促销赠品没有随货送到',
  '业务员承诺的返利没有兑现',
];
const complaintResponses = [
  '已安排补发并致歉',
  '已重开发票寄出',
  '已与物流核实，下次优先配送',
  '已换货，客户确认',
  '已核对账目并更正',
  '已兑现返利',
];
const handlers = ['刘芳', '陈静', '周敏'];
const expenseNotes: Record<string, string[]> = {
  travel: ['外地出差住宿', '高铁往返', '出差补贴'],
  entertainment: ['招待客户午餐', '请经销商吃饭'],
  transport: ['打车费', '加油费', '过路停车费'],
  promotion: ['门店陈列物料', '试吃活动费用', '促销赠品'],
  other: ['复印打印', '快递样品', '手机话费补贴'],
};
const expenseRange: Record<string, [number, number]> = {
  travel: [150, 800],
  entertainment: [100, 600],
  transport: [15, 150],
  promotion: [50, 500],
  other: [10, 100],
};
const weeklyReviews = [
  '上周完成拜访计划的九成，新开两家终端',
  '上周回款进度偏慢，重点客户还未结清',
  '上周新品铺货顺利，覆盖率提升',
  '上周受天气影响，拜访量偏少',
];
const weeklyGoals = ['本周拜访25家，新品进店5家', '回款目标8万元', '完成两家重点客户的季度协议', '拓展3家新终端'];
const weeklyActions = ['周一周二跑市区，周三起跑县城', '配合经销商做周末促销', '逐家核对欠款并约定付款时间', '整理陈列照片上报'];
const weeklyKeys = ['', '重点：回款', '重点：新品陈列', '重点：防竞品截流'];
const monthAchievements = ['完成月度销售任务的105%', '新开发客户6家', '回款率达到92%', '新品进店率提升到60%'];
const monthProblems = ['个别客户账期过长', '竞品促销力度大', '经销商配送能力不足', '新品价格偏高'];
const monthKeys = ['下月重点跟进A类客户回款', '扩大新品铺货', '配合节日促销做堆头', '清理临期库存'];
const meetingAgendas = [
  '上半月销售进度回顾；回款情况；新品推广',
  '月度业绩总结；下月目标分解；竞品动态',
  '重点客户跟进；促销活动安排；费用报销规范',
  '窜货问题处理；经销商库存；陈列检查结果',
];
const meetingDecisions = [
  '下月起拜访计划须前一天提交',
  '新品陈列费用由公司承担一半',
  '逾期60天以上的欠款由主管亲自跟进',
  '促销赠品按门店级别分配',
  '每周五下午汇总竞品信息',
];
const actionTexts = [
  '整理本组欠款明细并逐家约定付款时间',
  '完成新品进店名单',
  '跟进窜货经销商的处理结果',
  '准备节日促销方案',
  '核对各区域陈列照片',
  '联系物流公司解决送货延迟',
  '更新重点客户档案',
  '统计竞品价格变动',
];

// ---------- generation ----------

export function insertDailyProcess(db: DB, rand: Rand, o: DailyProcessOptions): DailyProcessCounts {
  const counts: DailyProcessCounts = {
    visitPlans: 0,
    visitPlanLines: 0,
    dailyReports: 0,
    dailyReportLines: 0,
    signedForms: 0,
    marketFeedback: 0,
    complaints: 0,
    expenses: 0,
    weeklyPlans: 0,
    monthlySummaries: 0,
    meetings: 0,
    meetingActionItems: 0,
  };
  const r = rand;
  const reps = loadReps(db);
  if (reps.length === 0) return counts;
  const productIds = (db.prepare('select id from products where active = 1 order by id').all() as Array<{ id: number }>).map((p) => p.id);

  /** A timestamp on `date` at `minutes` after midnight Beijing time, never later than just before now. */
  const at = (date: string, minutes: number) =>
    new Date(Math.min(Date.parse(`${date}T00:00:00+08:00`) + minutes * 60_000, o.nowMs - 60_000)).toISOString();

  const insPlan = db.prepare(
    `insert into visit_plans (rep_id, date, notes, state, submitted_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insPlanLine = db.prepare(
    `insert into visit_plan_lines (plan_id, seq, customer_id, planned_time, purposes, contact, notes) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const signPlan = db.prepare(
    `update visit_plans set state = 'signed', signed_by_operator_id = ?, signed_by_name = ?, signed_at = ?, content_hash = ?, updated_at = ? where id = ?`,
  );
  const insReport = db.prepare(
    `insert into daily_reports (rep_id, date, attendance, problems, tomorrow_plan, state, submitted_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insReportLine = db.prepare(
    `insert into daily_report_lines (report_id, seq, plan_line_id, customer_id, done, reason, outcome, next_step, order_fen, collected_fen, complaint_id)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const signReport = db.prepare(
    `update daily_reports set state = 'signed', signed_by_operator_id = ?, signed_by_name = ?, signed_at = ?, content_hash = ?, updated_at = ? where id = ?`,
  );
  const insComplaint = db.prepare(
    `insert into complaints (code, received_date, customer_id, product_id, rep_id, content, urgency, status, handler, response, handled_date, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insFeedback = db.prepare(
    `insert into market_feedback (code, date, rep_id, type, urgency, title, content, competitor, product_id, dealer_id, customer_id, region_id,
       status, handler, response, handled_date, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insExpense = db.prepare(
    `insert into expenses (rep_id, date, category, amount_fen, customer_id, note, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insWeekly = db.prepare(
    `insert into weekly_plans (rep_id, week_start, review, goals, actions, key_points, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insMonthly = db.prepare(
    `insert into monthly_summaries (rep_id, month, achievements, problems, key_points, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );

  const codeCounter = new Map<string, number>();
  const nextCode = (prefix: string, date: string) => {
    const day = `${prefix}-${date.replace(/-/g, '')}-`;
    const n = (codeCounter.get(day) ?? 0) + 1;
    codeCounter.set(day, n);
    return `${day}${String(n).padStart(3, '0')}`;
  };
  const daysAgoOf = (date: string) => Math.round((Date.parse(`${o.today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / DAY);

  /** What happens to a form `age` working days old: the recent days leave some unsigned or missing. */
  const planState = (age: number): 'none' | 'draft' | 'submitted' | 'signed' => {
    if (age === 0)
      return r.weighted([
        ['signed', 35],
        ['submitted', 30],
        ['draft', 15],
        ['none', 20],
      ] as const);
    if (age <= 2)
      return r.weighted([
        ['signed', 70],
        ['submitted', 20],
        ['draft', 3],
        ['none', 7],
      ] as const);
    return r.weighted([
      ['signed', 93],
      ['submitted', 2],
      ['draft', 1],
      ['none', 4],
    ] as const);
  };
  const reportState = (age: number): 'none' | 'draft' | 'submitted' | 'signed' => {
    if (age === 0)
      return r.weighted([
        ['draft', 25],
        ['none', 75],
      ] as const);
    if (age === 1)
      return r.weighted([
        ['signed', 30],
        ['submitted', 45],
        ['draft', 10],
        ['none', 15],
      ] as const);
    if (age <= 3)
      return r.weighted([
        ['signed', 75],
        ['submitted', 15],
        ['draft', 3],
        ['none', 7],
      ] as const);
    return r.weighted([
      ['signed', 92],
      ['submitted', 3],
      ['draft', 1],
      ['none', 4],
    ] as const);
  };

  let prevMonth = o.from.slice(0, 7);
  for (let date = o.from; date <= o.today; date = addDays(date, 1)) {
    if (weekday(date) === 0) continue;
    const age = daysAgoOf(date);
    // the first working day of a month: last month's summaries
    const firstOfMonth = date.slice(0, 7) !== prevMonth;
    const lastMonth = prevMonth;
    prevMonth = date.slice(0, 7);
    for (const rep of reps) {
      if (date < rep.hireDate || rep.customers.length === 0) continue;
      const onLeave = r.chance(0.02);
      // ----- visit plan -----
      const pState = onLeave ? 'none' : planState(age);
      const planLines: Array<{ id: number; customer: Customer; purposes: string[] }> = [];
      if (pState !== 'none') {
        const notes = r.pick(planDayNotes);
        const created = at(addDays(date, -1), r.int(17 * 60, 21 * 60));
        const submitted = pState === 'draft' ? null : at(date, r.int(7 * 60, 8 * 60 + 30));
        const planId = Number(
          insPlan.run(rep.id, date, notes, pState === 'signed' ? 'draft' : pState, submitted, created, submitted ?? created)
            .lastInsertRowid,
        );
        const picked = r.shuffle(rep.customers).slice(0, r.int(3, 6));
        let minutes = 9 * 60;
        const content: Json[] = [];
        picked.forEach((c, i) => {
          const plannedTime = r.chance(0.9) ? `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}` : null;
          minutes += r.pick([60, 90, 120]);
          const purposes = r
            .shuffle(visitPurposes)
            .slice(
              0,
              r.weighted([
                [1, 60],
                [2, 35],
                [3, 5],
              ] as const),
            )
            .sort((a, b) => visitPurposes.indexOf(a) - visitPurposes.indexOf(b));
          const lineNotes = r.pick(planNotes);
          const id = Number(
            insPlanLine.run(planId, i + 1, c.id, plannedTime, JSON.stringify(purposes), c.contact, lineNotes).lastInsertRowid,
          );
          planLines.push({ id, customer: c, purposes });
          content.push({ customerId: c.id, plannedTime, purposes, contact: c.contact, notes: lineNotes });
        });
        counts.visitPlans++;
        counts.visitPlanLines += picked.length;
        if (pState === 'signed') {
          const hash = contentHash({ form: 'visitPlan', repId: rep.id, date, notes, lines: content });
          const signedAt = at(date, r.int(8 * 60 + 30, 10 * 60));
          signPlan.run(rep.signerId, rep.signerName, signedAt, hash, signedAt, planId);
          counts.signedForms++;
        }
      }

      // ----- sales report -----
      const rState = onLeave ? (age === 0 ? 'none' : r.chance(0.5) ? 'signed' : 'none') : reportState(age);
      if (rState !== 'none') {
        const attendance = onLeave ? 'leave' : r.chance(0.05) ? 'out' : 'present';
        const problemsText = onLeave ? '' : r.pick(problems);
        const tomorrow = onLeave ? '' : r.pick(tomorrowPlans);
        const created = at(date, r.int(17 * 60, 19 * 60));
        const submitted = rState === 'draft' ? null : at(date, r.int(19 * 60, 21 * 60 + 30));
        const reportId = Number(
          insReport.run(
            rep.id,
            date,
            attendance,
            problemsText,
            tomorrow,
            rState === 'signed' ? 'draft' : rState,
            submitted,
            created,
            submitted ?? created,
          ).lastInsertRowid,
        );
        const lines: Json[] = [];
        const visits: Array<{ planLineId: number | null; customer: Customer; purposes: string[] }> = planLines.map((l) => ({
          planLineId: l.id,
          customer: l.customer,
          purposes: l.purposes,
        }));
        // now and then an unplanned visit
        if (!onLeave && r.chance(0.15)) visits.push({ planLineId: null, customer: r.pick(rep.customers), purposes: ['service'] });
        visits.forEach((v, i) => {
          const done = r.chance(0.87);
          let complaintId: number | null = null;
          let orderFen = 0;
          let collectedFen = 0;
          if (done) {
            if (v.purposes.includes('order') || r.chance(0.3)) orderFen = r.int(5, 300) * 10_000 + r.pick([0, 0, 5000]);
            if (v.purposes.includes('collect') || r.chance(0.1)) collectedFen = r.int(2, 200) * 10_000;
            if (r.chance(0.012)) {
              const handled = age > 10 ? r.chance(0.9) : r.chance(0.4);
              const handledDate = handled ? addDays(date, Math.min(age, r.int(0, 7))) : null;
              complaintId = Number(
                insComplaint.run(
                  nextCode('KS', date),
                  date,
                  v.customer.id,
                  productIds.length > 0 && r.chance(0.8) ? r.pick(productIds) : null,
                  rep.id,
                  r.pick(complaintTexts),
                  r.weighted([
                    ['normal', 70],
                    ['urgent', 25],
                    ['critical', 5],
                  ] as const),
                  handled ? 'handled' : 'open',
                  handled ? r.pick(handlers) : '',
                  handled ? r.pick(complaintResponses) : '',
                  handledDate,
                  created,
                  handledDate ? at(handledDate, r.int(9 * 60, 17 * 60)) : created,
                ).lastInsertRowid,
              );
              counts.complaints++;
            }
          }
          const line = {
            planLineId: v.planLineId,
            customerId: v.customer.id,
            done,
            reason: done ? '' : r.pick(notDoneReasons),
            outcome: done ? r.pick(outcomes) : '',
            nextStep: r.pick(nextSteps),
            orderFen,
            collectedFen,
            complaintId,
          };
          insReportLine.run(
            reportId,
            i + 1,
            line.planLineId,
            line.customerId,
            done ? 1 : 0,
            line.reason,
            line.outcome,
            line.nextStep,
            orderFen,
            collectedFen,
            complaintId,
          );
          lines.push(line);
        });
        counts.dailyReports++;
        counts.dailyReportLines += visits.length;
        if (rState === 'signed') {
          const hash = contentHash({
            form: 'dailyReport',
            repId: rep.id,
            date,
            attendance,
            problems: problemsText,
            tomorrowPlan: tomorrow,
            lines,
          });
          const signedAt = at(addDays(date, 1), r.int(8 * 60, 10 * 60));
          signReport.run(rep.signerId, rep.signerName, signedAt, hash, signedAt, reportId);
          counts.signedForms++;
        }
      }
      if (onLeave) continue;

      // ----- market feedback -----
      if (r.chance(0.05)) {
        const type = r.weighted([
          ['competitor', 40],
          ['consumer', 20],
          ['dealer', 20],
          ['violation', 8],
          ['other', 12],
        ] as const);
        const c = r.pick(rep.customers);
        const handled = age > 14 ? r.chance(0.85) : r.chance(0.3);
        const handledDate = handled ? addDays(date, Math.min(age, r.int(1, 10))) : null;
        const stamp = at(date, r.int(10 * 60, 18 * 60));
        insFeedback.run(
          nextCode('FK', date),
          date,
          rep.id,
          type,
          r.weighted([
            ['normal', 70],
            ['urgent', 25],
            ['critical', 5],
          ] as const),
          feedbackTitles[type]!,
          r.pick(feedbackTexts[type]!),
          type === 'competitor' ? r.pick(competitors) : '',
          productIds.length > 0 && r.chance(0.5) ? r.pick(productIds) : null,
          type === 'dealer' || type === 'violation' ? c.dealerId : null,
          c.id,
          c.regionId,
          handled ? 'handled' : 'open',
          handled ? r.pick(handlers) : '',
          handled ? '已转相关部门处理，结果已告知业务员' : '',
          handledDate,
          stamp,
          handledDate ? at(handledDate, r.int(9 * 60, 17 * 60)) : stamp,
        );
        counts.marketFeedback++;
      }

      // ----- expenses -----
      if (r.chance(0.35)) {
        const category = r.weighted([
          ['transport', 45],
          ['entertainment', 15],
          ['travel', 12],
          ['promotion', 18],
          ['other', 10],
        ] as const);
        const [lo, hi] = expenseRange[category]!;
        const customer = category === 'entertainment' || category === 'promotion' ? r.pick(rep.customers).id : null;
        const stamp = at(date, r.int(17 * 60, 20 * 60));
        insExpense.run(
          rep.id,
          date,
          category,
          r.int(lo, hi) * 100 + r.pick([0, 0, 50]),
          customer,
          r.pick(expenseNotes[category]!),
          stamp,
          stamp,
        );
        counts.expenses++;
      }

      // ----- weekly plan (written on Monday) and monthly summary (first working day of the month) -----
      if (weekday(date) === 1 && r.chance(0.9)) {
        const stamp = at(date, r.int(8 * 60, 10 * 60));
        insWeekly.run(rep.id, date, r.pick(weeklyReviews), r.pick(weeklyGoals), r.pick(weeklyActions), r.pick(weeklyKeys), stamp, stamp);
        counts.weeklyPlans++;
      }
      if (firstOfMonth && r.chance(0.85)) {
        const stamp = at(date, r.int(9 * 60, 17 * 60));
        insMonthly.run(rep.id, lastMonth, r.pick(monthAchievements), r.pick(monthProblems), r.pick(monthKeys), stamp, stamp);
        counts.monthlySummaries++;
      }
    }
  }

  insertMeetings(db, r, o, reps, at, counts);
  return counts;
}

function loadReps(db: DB): Rep[] {
  const operators = db
    .prepare("select id, name, role, rep_id as repId from operators where role in ('manager', 'supervisor')")
    .all() as Array<{
    id: number;
    name: string;
    role: string;
    repId: number | null;
  }>;
  const manager =
    operators.find((op) => op.role === 'manager' && op.name === DEMO_MANAGER) ?? operators.find((op) => op.role === 'manager');
  const supervisorOf = new Map(operators.filter((op) => op.role === 'supervisor' && op.repId !== null).map((op) => [op.repId!, op]));
  const rows = db
    .prepare(
      'select id, name, team_id as teamId, supervisor_id as supervisorId, hire_date as hireDate from reps where active = 1 order by id',
    )
    .all() as Array<{ id: number; name: string; teamId: number | null; supervisorId: number | null; hireDate: string }>;
  const customers = db
    .prepare(
      `select c.id, c.name, c.rep_id as repId, c.region_id as regionId, c.dealer_id as dealerId, coalesce(k.name, '') as contact
       from customers c left join contacts k on k.customer_id = c.id and k.is_primary = 1
       where c.archived = 0 order by c.id`,
    )
    .all() as Array<Customer & { repId: number | null }>;
  const byRep = new Map<number, Customer[]>();
  for (const c of customers) {
    if (c.repId === null) continue;
    const list = byRep.get(c.repId);
    const entry = { id: c.id, name: c.name, contact: c.contact, regionId: c.regionId, dealerId: c.dealerId };
    if (list) list.push(entry);
    else byRep.set(c.repId, [entry]);
  }
  const reps: Rep[] = [];
  for (const row of rows) {
    // the team's supervisor signs; the supervisor's own forms the manager
    const signer = (row.supervisorId !== null ? supervisorOf.get(row.supervisorId) : undefined) ?? manager;
    if (!signer) continue;
    reps.push({
      id: row.id,
      name: row.name,
      teamId: row.teamId,
      hireDate: row.hireDate,
      customers: byRep.get(row.id) ?? [],
      signerId: signer.id,
      signerName: signer.name,
    });
  }
  return reps;
}

function insertMeetings(
  db: DB,
  r: Rand,
  o: DailyProcessOptions,
  reps: Rep[],
  at: (date: string, minutes: number) => string,
  counts: DailyProcessCounts,
): void {
  const insMeeting = db.prepare('insert into meetings (date, title, agenda, decisions, created_at, updated_at) values (?, ?, ?, ?, ?, ?)');
  const insAttendee = db.prepare('insert into meeting_attendees (meeting_id, rep_id, operator_id) values (?, ?, ?)');
  const insItem = db.prepare(
    `insert into meeting_action_items (meeting_id, seq, content, owner_rep_id, owner_operator_id, due_date, done, done_date, done_in_meeting_id)
     values (?, ?, ?, ?, ?, ?, 0, null, null)`,
  );
  const closeItem = db.prepare('update meeting_action_items set done = 1, done_date = ?, done_in_meeting_id = ? where id = ?');
  const operators = db.prepare("select id from operators where role in ('manager', 'supervisor') order by id").all() as Array<{
    id: number;
  }>;
  // the first working day of each month and the first on or after the 16th
  const dates: string[] = [];
  for (let month = o.from.slice(0, 7); `${month}-01` <= o.today; month = addDays(`${month}-28`, 7).slice(0, 7)) {
    for (const day of ['01', '16']) {
      let date = `${month}-${day}`;
      while (weekday(date) === 0) date = addDays(date, 1);
      if (date >= o.from && date <= o.today) dates.push(date);
    }
  }
  let open: Array<{ id: number; due: string }> = [];
  for (const date of dates) {
    const isMonthEnd = date.slice(8) < '10';
    const stamp = at(date, r.int(15 * 60, 17 * 60));
    const meetingId = Number(
      insMeeting.run(
        date,
        isMonthEnd ? `${Number(date.slice(5, 7))}月销售例会` : `${Number(date.slice(5, 7))}月中销售例会`,
        r.pick(meetingAgendas),
        r
          .shuffle(meetingDecisions)
          .slice(0, r.int(1, 3))
          .map((d, i) => `${i + 1}. ${d}`)
          .join('\n'),
        stamp,
        stamp,
      ).lastInsertRowid,
    );
    counts.meetings++;
    for (const op of operators) insAttendee.run(meetingId, null, op.id);
    for (const rep of reps) if (date >= rep.hireDate && r.chance(0.9)) insAttendee.run(meetingId, rep.id, null);
    // the open items of earlier meetings: most are closed at this meeting, some were done in between, the rest carry over
    const still: typeof open = [];
    for (const item of open) {
      const roll = r.float();
      if (roll < 0.55) closeItem.run(date, meetingId, item.id);
      else if (roll < 0.7) closeItem.run(item.due < date ? item.due : addDays(date, -1), null, item.id);
      else still.push(item);
    }
    open = still;
    const n = r.int(2, 4);
    for (let i = 0; i < n; i++) {
      const byRep = r.chance(0.7);
      const due = addDays(date, r.pick([7, 10, 14]));
      const id = Number(
        insItem.run(meetingId, i + 1, r.pick(actionTexts), byRep ? r.pick(reps).id : null, byRep ? null : r.pick(operators).id, due)
          .lastInsertRowid,
      );
      open.push({ id, due });
      counts.meetingActionItems++;
    }
  }
}
