// Demo 商机 and 客户满意度: opportunities created over the last two years that walk the stages as real ones do (most
// forward, some skipping a stage, a few going back one, many lost on the way with a reason), the won ones tied to the
// customer's order that followed; the open ones with a next step in the coming days; satisfaction scores 1–5 from
// surveys, visits and closed complaints.
import type { DB } from '../db/connection';
import { defaultStageProbabilityBp, funnelStages, type LostReason, type OpportunityStage } from '../../../shared/domain/opportunity';
import type { Rand } from './generate';

export interface PipelineCounts {
  opportunities: number;
  open: number;
  won: number;
  wonWithOrder: number;
  lost: number;
  stageChanges: number;
  satisfactionScores: number;
}

export interface PipelineOptions {
  today: string;
  nowIso: string;
  /** opportunities to create (a few hundred on small, over 20,000 on large) */
  opportunities: number;
}

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

const occasions = [
  '春节团购',
  '中秋礼品',
  '年会用酒',
  '商务接待用酒',
  '婚宴用酒',
  '门店铺货',
  '季度补货',
  '新品引进',
  '端午福利',
  '周年庆促销',
];
const sources = ['老客户介绍', '展会', '电话开发', '网络询盘', '经销商推荐', '陌生拜访'];
const competitors = ['某品牌酱香', '本地酒厂', '进口葡萄酒商', '电商平台', '同城经销商'];
const nextSteps = ['电话回访', '送样品', '上门演示', '报价确认', '约见采购负责人', '提交方案', '商谈付款条件', '安排品鉴会'];
const lostNotes: Record<LostReason, string[]> = {
  price: ['对方觉得价格偏高', '折扣谈不拢'],
  competitor: ['选了竞品的促销方案', '竞品给了更长账期'],
  cancelled: ['活动取消了', '采购计划推迟到明年'],
  noBudget: ['今年预算用完', '预算被砍'],
  unreachable: ['联系人离职，电话打不通', '多次拜访未见到负责人'],
  other: ['客户搬迁', ''],
};
const lostWeights: Array<readonly [LostReason, number]> = [
  ['price', 30],
  ['competitor', 25],
  ['cancelled', 15],
  ['noBudget', 12],
  ['unreachable', 10],
  ['other', 8],
];
// the chance to be lost while in a stage: early stages lose the most
const lossChance: Record<string, number> = { identify: 0.18, contact: 0.16, needs: 0.14, demo: 0.13, quote: 0.15, negotiate: 0.2 };

interface DemoCustomer {
  id: number;
  repId: number;
  name: string;
}

export function insertDemoPipeline(db: DB, rand: Rand, o: PipelineOptions): PipelineCounts {
  const customers = db
    .prepare(
      'select id, rep_id as repId, short_name as name from customers where archived = 0 and merged_into_id is null and rep_id is not null',
    )
    .all() as DemoCustomer[];
  const products = db.prepare('select id from products where active = 1').pluck().all() as number[];
  const operators = db.prepare("select id, name from operators where role <> 'admin' and active = 1").all() as Array<{
    id: number;
    name: string;
  }>;
  const counts: PipelineCounts = { opportunities: 0, open: 0, won: 0, wonWithOrder: 0, lost: 0, stageChanges: 0, satisfactionScores: 0 };
  if (customers.length === 0 || operators.length === 0) return counts;

  const insertOpportunity = db.prepare(
    `insert into opportunities (customer_id, title, amount_fen, expected_close_date, stage, probability_bp, probability_manual, rep_id, next_step,
       next_step_date, competitor, source, lost_reason, lost_note, order_id, created_on, stage_since, closed_on, created_at, updated_at)
     values (@customerId, @title, @amountFen, @expectedCloseDate, @stage, @probabilityBp, @manual, @repId, @nextStep,
       @nextStepDate, @competitor, @source, @lostReason, @lostNote, @orderId, @createdOn, @stageSince, @closedOn, @createdAt, @updatedAt)`,
  );
  const insertProduct = db.prepare('insert into opportunity_products (opportunity_id, product_id, seq) values (?, ?, ?)');
  const insertChange = db.prepare(
    `insert into opportunity_stage_changes (opportunity_id, from_stage, to_stage, changed_on, operator_id, operator_name, note, created_at)
     values (?, ?, ?, ?, ?, ?, '', ?)`,
  );
  // the customer's first standing order on or after the day it was won (within 45 days): what the deal became
  const orderAfter = db.prepare(
    `select id from orders where customer_id = ? and date >= ? and date <= ? and state = 'posted' and reversal_of_id is null
     order by date, id limit 1`,
  );

  const horizon = 730; // two years of opportunities, more of them recent
  for (let n = 0; n < o.opportunities; n++) {
    const customer = rand.pick(customers);
    const createdOn = addDays(o.today, -Math.floor(horizon * rand.float() ** 2.2));
    const changes: Array<{ stage: OpportunityStage; on: string }> = [{ stage: rand.chance(0.8) ? 'identify' : 'contact', on: createdOn }];
    let lostReason: LostReason | null = null;
    // walk the stages until closed or past today
    for (;;) {
      const cur = changes[changes.length - 1]!;
      if (cur.stage === 'won' || cur.stage === 'lost') break;
      const next = addDays(cur.on, rand.int(3, 35));
      if (next > o.today) break;
      const i = funnelStages.indexOf(cur.stage as (typeof funnelStages)[number]);
      if (rand.chance(lossChance[cur.stage]!)) {
        lostReason = rand.weighted(lostWeights);
        changes.push({ stage: 'lost', on: next });
      } else if (i > 0 && rand.chance(0.05)) {
        changes.push({ stage: funnelStages[i - 1]!, on: next }); // back a stage: the customer reopened the needs
      } else {
        const step = i < 5 && rand.chance(0.08) ? 2 : 1; // a stage passed over now and then
        changes.push({ stage: funnelStages[Math.min(i + step, 6)]!, on: next });
      }
    }
    const last = changes[changes.length - 1]!;
    const closed = last.stage === 'won' || last.stage === 'lost';
    const amountFen = Math.round(Math.exp(Math.log(5_000) + rand.float() * Math.log(100))) * 100; // 5,000 – 500,000 元
    const manual = !closed && rand.chance(0.1);
    const probabilityBp = manual ? rand.int(1, 19) * 500 : defaultStageProbabilityBp[last.stage];
    // closed: what was expected when it was entered; open: ahead of today, a few already overdue
    const expected = closed
      ? addDays(createdOn, rand.int(15, 120))
      : addDays(o.today, rand.chance(0.1) ? -rand.int(1, 20) : rand.int(5, 150));
    const expectedCloseDate = expected < createdOn ? createdOn : expected;
    let orderId: number | null = null;
    if (last.stage === 'won') {
      const order = orderAfter.get(customer.id, last.on, addDays(last.on, 45)) as { id: number } | undefined;
      orderId = order?.id ?? null;
    }
    const at = `${last.on}T${String(rand.int(1, 9)).padStart(2, '0')}:${String(rand.int(10, 59))}:00.000Z`;
    const id = Number(
      insertOpportunity.run({
        customerId: customer.id,
        title: `${customer.name}${rand.pick(occasions)}`.slice(0, 100),
        amountFen,
        expectedCloseDate,
        stage: last.stage,
        probabilityBp,
        manual: manual ? 1 : 0,
        repId: customer.repId,
        nextStep: closed ? '' : rand.pick(nextSteps),
        // the visit plan's question: open ones have their next step within the coming two weeks, some today
        nextStepDate: closed ? null : addDays(o.today, rand.chance(0.15) ? 0 : rand.int(-3, 14)),
        competitor: rand.chance(0.35) ? rand.pick(competitors) : '',
        source: rand.pick(sources),
        lostReason,
        lostNote: lostReason ? rand.pick(lostNotes[lostReason]) : '',
        orderId,
        createdOn,
        stageSince: last.on,
        closedOn: closed ? last.on : null,
        createdAt: `${createdOn}T02:00:00.000Z`,
        updatedAt: at,
      }).lastInsertRowid,
    );
    const interest = rand.int(1, 3);
    const chosen = new Set<number>();
    for (let k = 0; k < interest && products.length > 0; k++) chosen.add(rand.pick(products));
    [...chosen].forEach((p, k) => insertProduct.run(id, p, k + 1));
    changes.forEach((c, k) => {
      const by = rand.pick(operators);
      insertChange.run(id, k === 0 ? null : changes[k - 1]!.stage, c.stage, c.on, by.id, by.name, `${c.on}T03:00:00.000Z`);
    });
    counts.opportunities++;
    counts.stageChanges += changes.length;
    if (last.stage === 'won') {
      counts.won++;
      if (orderId !== null) counts.wonWithOrder++;
    } else if (last.stage === 'lost') counts.lost++;
    else counts.open++;
  }

  counts.satisfactionScores = insertDemoSatisfaction(db, rand, o, customers, operators);
  return counts;
}

/** Scores 1–5, mostly 4 and 5: periodic surveys of a quarter of the customers, some visits, and each closed complaint. */
function insertDemoSatisfaction(
  db: DB,
  rand: Rand,
  o: PipelineOptions,
  customers: readonly DemoCustomer[],
  operators: ReadonlyArray<{ id: number; name: string }>,
): number {
  const insert = db.prepare(
    `insert into satisfaction_scores (customer_id, score, comment, source, complaint_id, rep_id, scored_on, operator_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const comments: Record<number, string[]> = {
    1: ['送货一再延误', '投诉处理太慢'],
    2: ['价格调整没有提前通知', '业务员很少来'],
    3: ['一般', '希望促销多一些'],
    4: ['服务不错', '送货及时'],
    5: ['非常满意', '业务员很专业'],
  };
  const score = (low: boolean) =>
    low
      ? rand.weighted([
          [1, 3],
          [2, 4],
          [3, 3],
          [4, 1],
        ] as const)
      : rand.weighted([
          [2, 1],
          [3, 3],
          [4, 8],
          [5, 7],
        ] as const);
  let n = 0;
  const add = (c: DemoCustomer, s: number, source: string, complaintId: number | null, on: string) => {
    insert.run(
      c.id,
      s,
      rand.chance(0.7) ? rand.pick(comments[s]!) : '',
      source,
      complaintId,
      c.repId,
      on,
      rand.pick(operators).id,
      `${on}T06:00:00.000Z`,
    );
    n++;
  };
  for (const c of customers) {
    if (!rand.chance(0.25)) continue;
    const low = rand.chance(0.08);
    for (let q = rand.int(1, 6); q > 0; q--)
      add(c, score(low), rand.chance(0.7) ? 'survey' : 'visit', null, addDays(o.today, -rand.int(0, 540)));
  }
  const byId = new Map(customers.map((c) => [c.id, c]));
  const closedComplaints = db
    .prepare(
      "select id, customer_id as customerId, handled_date as handledDate from complaints where status = 'handled' and handled_date is not null",
    )
    .all() as Array<{ id: number; customerId: number; handledDate: string }>;
  for (const k of closedComplaints) {
    const c = byId.get(k.customerId);
    if (!c || !rand.chance(0.8)) continue;
    const on = addDays(k.handledDate, rand.int(0, 5));
    add(c, score(rand.chance(0.3)), 'complaint', k.id, on > o.today ? k.handledDate : on);
  }
  return n;
}
