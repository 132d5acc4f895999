// 业绩考核 Rep evaluation: the figures of every rep for a month or quarter (figures.ts), the supervisor's scores, the
// weighted total from the configured scheme, and the rankings in the team and overall.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { EvaluationRow, EvaluationScheme } from '../../../../shared/contract/evaluations';
import { parsePeriod } from '../../../../shared/periods';
import {
  componentRates,
  DEFAULT_EVALUATION_WEIGHTS,
  DEFAULT_LOST_CUSTOMER_DAYS,
  DEFAULT_STANDARD_VISITS_PER_DAY_X100,
  evaluationComponents,
  rankBy,
  ratioHalfUp,
  weightedTotal,
  type EvaluationComponent,
} from '../../../../shared/domain/evaluations';
import { prepared } from '../../db/sql';
import { DomainError, notFound } from '../../errors';
import { recordAudit } from '../audit/audit';
import { supervisedRepIds } from '../dailyForms/access';
import { readSetting, writeSetting } from '../settings/settings';
import { countedTo, repFigures } from './figures';

const SCHEME_KEY = 'evaluationScheme';

/** The configured weights and standards; a damaged or partial value falls back to the defaults. */
export function evaluationScheme(ctx: Ctx): EvaluationScheme {
  const scheme: EvaluationScheme = {
    weights: { ...DEFAULT_EVALUATION_WEIGHTS },
    standardVisitsPerDayX100: DEFAULT_STANDARD_VISITS_PER_DAY_X100,
    lostCustomerDays: DEFAULT_LOST_CUSTOMER_DAYS,
  };
  try {
    const stored = JSON.parse(readSetting(ctx, SCHEME_KEY) ?? 'null') as Partial<EvaluationScheme> | null;
    const w = stored?.weights as Record<string, unknown> | undefined;
    if (w && evaluationComponents.every((c) => Number.isInteger(w[c]) && (w[c] as number) >= 0)) {
      const sum = evaluationComponents.reduce((s, c) => s + (w[c] as number), 0);
      if (sum === 10000) for (const c of evaluationComponents) scheme.weights[c] = w[c] as number;
    }
    const v = stored?.standardVisitsPerDayX100;
    if (Number.isInteger(v) && (v as number) > 0) scheme.standardVisitsPerDayX100 = v as number;
    const d = stored?.lostCustomerDays;
    if (Number.isInteger(d) && (d as number) > 0) scheme.lostCustomerDays = d as number;
  } catch {
    // a damaged value: the defaults
  }
  return scheme;
}

export function getWeights(ctx: Ctx): Output<'evaluations.weights'> {
  return evaluationScheme(ctx);
}

export function saveWeights(ctx: Ctx, input: ParsedInput<'evaluations.saveWeights'>): Output<'evaluations.saveWeights'> {
  if (ctx.actor && ctx.actor.role !== 'manager') throw new DomainError('FORBIDDEN', '只有经理可以修改考核权重');
  return ctx.db.transaction(() => {
    const before = evaluationScheme(ctx);
    const after: EvaluationScheme = {
      weights: { ...input.weights },
      standardVisitsPerDayX100: input.standardVisitsPerDayX100,
      lostCustomerDays: input.lostCustomerDays,
    };
    writeSetting(ctx, SCHEME_KEY, JSON.stringify(after));
    recordAudit(ctx, { action: 'update', entity: 'evaluationScheme', entityId: null, before, after });
    return evaluationScheme(ctx);
  })();
}

interface RepRow {
  repId: number;
  repCode: string;
  repName: string;
  teamId: number | null;
  teamName: string | null;
}

interface ScoreRow {
  repId: number;
  cooperation: number;
  enthusiasm: number;
  responsibility: number;
  comment: string;
  scoredByName: string;
  updatedAt: string;
}

function periodOf(label: string) {
  const p = parsePeriod(label);
  if (!p || (p.kind !== 'month' && p.kind !== 'quarter')) throw new DomainError('VALIDATION', '考核期间应为 YYYY-MM 或 YYYY-Qn', 'period');
  return p;
}

/** Every active rep (and `alsoRepId`, active or not) evaluated for the period, ranked. */
function evaluate(
  ctx: Ctx,
  period: string,
  alsoRepId?: number,
): { from: string; to: string; rows: EvaluationRow[]; scheme: EvaluationScheme } {
  const p = periodOf(period);
  const scheme = evaluationScheme(ctx);
  const reps = prepared(
    ctx.db,
    `select r.id as repId, r.code as repCode, r.name as repName, r.team_id as teamId, t.name as teamName
     from reps r left join teams t on t.id = r.team_id
     where r.active = 1 or r.id = ?
     order by r.team_id is null, r.team_id, r.code, r.id`,
  ).all(alsoRepId ?? 0) as RepRow[];
  const figures = repFigures(
    ctx,
    reps.map((r) => r.repId),
    { from: p.from, to: p.to, lostCustomerDays: scheme.lostCustomerDays },
  );
  const scores = new Map(
    (
      prepared(
        ctx.db,
        `select rep_id as repId, cooperation, enthusiasm, responsibility, comment, scored_by_name as scoredByName, updated_at as updatedAt
         from evaluation_scores where period = ?`,
      ).all(p.label) as ScoreRow[]
    ).map((s) => [s.repId, s]),
  );

  const rows: EvaluationRow[] = reps.map((rep) => {
    const f = figures.get(rep.repId)!;
    const score = scores.get(rep.repId);
    const visitsPerDayX100 = ratioHalfUp(f.visits, f.attendedDays, 100);
    const achievementBp = f.salesTargetFen === null ? null : ratioHalfUp(f.salesFen, f.salesTargetFen, 10000);
    const collectionsAchievementBp = f.collectionsTargetFen === null ? null : ratioHalfUp(f.collectionsFen, f.collectionsTargetFen, 10000);
    const complianceBp = ratioHalfUp(f.plansOnTime + f.reportsOnTime, f.plansExpected + f.reportsExpected, 10000);
    const rates = componentRates(
      {
        achievementBp,
        collectionsAchievementBp,
        visitsPerDayX100,
        complianceBp,
        scores: score ?? null,
      },
      scheme.standardVisitsPerDayX100,
    );
    const actual: Record<EvaluationComponent, number | null> = {
      salesAchievement: achievementBp,
      collectionsAchievement: collectionsAchievementBp,
      visitsPerDay: visitsPerDayX100,
      reportCompliance: complianceBp,
      cooperation: score?.cooperation ?? null,
      enthusiasm: score?.enthusiasm ?? null,
      responsibility: score?.responsibility ?? null,
    };
    const ratedWeight = evaluationComponents.reduce((s, c) => s + (rates[c] === null ? 0 : scheme.weights[c]), 0);
    return {
      ...rep,
      period: p.label,
      from: p.from,
      to: p.to,
      countedTo: countedTo(ctx, p.to),
      salesFen: f.salesFen,
      collectionsFen: f.collectionsFen,
      grossProfitFen: f.grossProfitFen,
      customerCount: f.customerCount,
      newCustomers: f.newCustomers,
      lostCustomers: f.lostCustomers,
      lostCustomerDays: scheme.lostCustomerDays,
      visits: f.visits,
      visitsWithOrder: f.visitsWithOrder,
      workingDays: f.workingDays,
      leaveDays: f.leaveDays,
      attendedDays: f.attendedDays,
      visitsPerDayX100,
      revenuePerVisitFen: ratioHalfUp(f.salesFen, f.visits, 1),
      costPerVisitFen: ratioHalfUp(f.expensesFen, f.visits, 1),
      ordersPer100VisitsX100: ratioHalfUp(f.visitsWithOrder, f.visits, 10000),
      expensesFen: f.expensesFen,
      expenseRatioBp: f.salesFen > 0 ? ratioHalfUp(f.expensesFen, f.salesFen, 10000) : null,
      salesTargetFen: f.salesTargetFen,
      achievementBp: f.salesTargetFen === 0 ? null : achievementBp,
      collectionsTargetFen: f.collectionsTargetFen,
      collectionsAchievementBp: f.collectionsTargetFen === 0 ? null : collectionsAchievementBp,
      compliance: {
        plansExpected: f.plansExpected,
        plansSubmitted: f.plansSubmitted,
        plansOnTime: f.plansOnTime,
        reportsExpected: f.reportsExpected,
        reportsSubmitted: f.reportsSubmitted,
        reportsOnTime: f.reportsOnTime,
        complianceBp,
      },
      scores: score
        ? {
            cooperation: score.cooperation,
            enthusiasm: score.enthusiasm,
            responsibility: score.responsibility,
            comment: score.comment,
            scoredByName: score.scoredByName,
            updatedAt: score.updatedAt,
          }
        : null,
      components: evaluationComponents.map((key) => ({
        key,
        weightBp: scheme.weights[key],
        actual: actual[key],
        rateBp: rates[key],
        pointsBp:
          rates[key] === null || ratedWeight === 0 || scheme.weights[key] === 0
            ? null
            : ratioHalfUp(rates[key] * scheme.weights[key], ratedWeight, 1),
      })),
      totalScoreBp: weightedTotal(rates, scheme.weights),
      teamRank: null,
      teamSize: 0,
      rank: null,
    };
  });

  const overall = rankBy(rows, (r) => r.totalScoreBp);
  const teams = new Map<number | null, EvaluationRow[]>();
  for (const r of rows) teams.set(r.teamId, [...(teams.get(r.teamId) ?? []), r]);
  for (const members of teams.values()) {
    const ranks = rankBy(members, (r) => r.totalScoreBp);
    for (const r of members) {
      r.teamRank = ranks.get(r) ?? null;
      r.teamSize = members.length;
    }
  }
  for (const r of rows) r.rank = overall.get(r) ?? null;
  return { from: p.from, to: p.to, rows, scheme };
}

export function listEvaluations(ctx: Ctx, input: ParsedInput<'evaluations.list'>): Output<'evaluations.list'> {
  const { from, to, rows, scheme } = evaluate(ctx, input.period);
  const shown = input.teamId === undefined ? rows : rows.filter((r) => r.teamId === input.teamId);
  // by team (as set up), then rank, the unranked last by code
  const teamOrder = new Map<number | null, number>();
  rows.forEach((r) => teamOrder.has(r.teamId) || teamOrder.set(r.teamId, teamOrder.size));
  shown.sort(
    (a, b) =>
      teamOrder.get(a.teamId)! - teamOrder.get(b.teamId)! ||
      (a.teamRank ?? Infinity) - (b.teamRank ?? Infinity) ||
      a.repCode.localeCompare(b.repCode),
  );
  return { period: input.period, from, to, rows: shown, scheme };
}

export function getEvaluation(ctx: Ctx, input: ParsedInput<'evaluations.get'>): Output<'evaluations.get'> {
  const exists = prepared(ctx.db, 'select 1 from reps where id = ?').get(input.repId);
  if (!exists) throw notFound('业务员', input.repId, 'repId');
  const row = evaluate(ctx, input.period, input.repId).rows.find((r) => r.repId === input.repId);
  return row!;
}

/** A supervisor scores the reps of their own team (not themselves); a manager any rep. */
export function saveScores(ctx: Ctx, input: ParsedInput<'evaluations.saveScores'>): Output<'evaluations.saveScores'> {
  const p = periodOf(input.period);
  const rep = prepared(ctx.db, 'select id, name from reps where id = ?').get(input.repId) as { id: number; name: string } | undefined;
  if (!rep) throw notFound('业务员', input.repId, 'repId');
  const actor = ctx.actor;
  if (actor && actor.role !== 'manager') {
    if (actor.role !== 'supervisor') throw new DomainError('FORBIDDEN', '只有经理或主管可以评分');
    if (actor.repId === null)
      throw new DomainError('FORBIDDEN', `主管「${actor.name}」没有关联业务员档案，不能评分（请管理员在操作员中设置）`);
    if (actor.repId === rep.id) throw new DomainError('FORBIDDEN', '不能给自己评分，请由经理评分', 'repId');
    if (!supervisedRepIds(ctx, actor.repId).has(rep.id))
      throw new DomainError('FORBIDDEN', `业务员「${rep.name}」不属于您的团队，不能评分`, 'repId');
  }
  return ctx.db.transaction(() => {
    const before = prepared(
      ctx.db,
      `select id, cooperation, enthusiasm, responsibility, comment, scored_by_name as scoredByName
       from evaluation_scores where rep_id = ? and period = ?`,
    ).get(rep.id, p.label) as ({ id: number } & Record<string, unknown>) | undefined;
    const now = nowIso(ctx);
    const values = {
      repId: rep.id,
      period: p.label,
      cooperation: input.cooperation,
      enthusiasm: input.enthusiasm,
      responsibility: input.responsibility,
      comment: input.comment,
      scoredByName: actor?.name ?? '',
      now,
    };
    let id: number;
    if (before) {
      id = before.id;
      prepared(
        ctx.db,
        `update evaluation_scores set cooperation = @cooperation, enthusiasm = @enthusiasm, responsibility = @responsibility,
           comment = @comment, scored_by_name = @scoredByName, updated_at = @now where rep_id = @repId and period = @period`,
      ).run(values);
    } else {
      id = Number(
        prepared(
          ctx.db,
          `insert into evaluation_scores (rep_id, period, cooperation, enthusiasm, responsibility, comment, scored_by_name, created_at, updated_at)
           values (@repId, @period, @cooperation, @enthusiasm, @responsibility, @comment, @scoredByName, @now, @now)`,
        ).run(values).lastInsertRowid,
      );
    }
    const { now: _now, ...after } = values;
    recordAudit(ctx, {
      action: before ? 'update' : 'create',
      entity: 'evaluationScore',
      entityId: id,
      before: before && { ...before, id: undefined },
      after: { ...after, repName: rep.name },
    });
    return { repId: rep.id, period: p.label };
  })();
}
