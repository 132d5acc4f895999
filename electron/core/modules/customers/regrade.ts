// 客户自动评级 Automatic grading: an ABC analysis of the last 12 months' net sales, previewed before it is applied.
// - Net sales: orders not in draft (红冲 rows negative) less posted returns, by document date, as targets' actuals count
//   sales (read from sales_facts). The 12 months end today: (today − 12 months, today].
// - Customers with positive net sales, largest first, take A while the cumulative share of the sales BEFORE them is
//   under the A cut-off (70 %), then B (90 %), C (98 %), the rest D: the customer who crosses a line is still inside
//   it, so one customer with all the sales is A. Equal sales get the same grade — the grade of the first of them — so
//   the result never depends on ids or the order rows were read in.
// - No sales, or returns at least as large as the sales (net ≤ 0): D.
// - Only customers in use (not archived, not merged); archived ones keep their grade.
// The preview's token is a digest of everything the result depends on (the window, the cut-offs, every customer's
// grade and net sales, the last order and return entered and the customers' last change); applying recomputes it in
// the transaction and refuses when it differs.
import { createHash } from 'node:crypto';
import type { Ctx } from '../../context';
import { nowIso, todayLocal } from '../../context';
import type { Output, ParsedInput } from '../../../../shared/contract';
import { customerGrades, type CustomerGrade } from '../../../../shared/domain/customer';
import { addDays } from '../../../../shared/periods';
import { prepared } from '../../db/sql';
import { DomainError } from '../../errors';
import { recordAudits } from '../audit/audit';
import { customerRuleSettings } from '../settings/settings';

export interface CustomerSales {
  customerId: number;
  salesFen: number;
}

export interface AbcResult {
  grade: CustomerGrade;
  /** cumulative share of the positive sales up to and including this customer, bp (rounded down); null without sales */
  cumulativeBp: number | null;
}

/** The ABC grades of customers from their net sales and the A / B / C cut-offs (bp of cumulative sales, ascending). */
export function abcGrades(sales: readonly CustomerSales[], cutoffsBp: readonly [number, number, number]): Map<number, AbcResult> {
  const out = new Map<number, AbcResult>();
  const positive = sales.filter((s) => s.salesFen > 0).sort((a, b) => b.salesFen - a.salesFen || a.customerId - b.customerId);
  const sum = positive.reduce((s, c) => s + c.salesFen, 0);
  // exact in doubles while Σ × 10,000 stays below 2^53 (~9 亿元 × 10,000 fen); BigInt beyond
  const exact = sum * 10_000 <= Number.MAX_SAFE_INTEGER;
  const total = BigInt(sum);
  const limits = cutoffsBp.map((bp) => bp * sum);
  const bigLimits = cutoffsBp.map((bp) => BigInt(bp) * total);
  let before = 0; // sales of the customers strictly larger than the current tie group
  let running = 0;
  let groupGrade: CustomerGrade = 'A';
  for (let i = 0; i < positive.length; i++) {
    const c = positive[i]!;
    if (i === 0 || c.salesFen !== positive[i - 1]!.salesFen) {
      before = running;
      const k = exact
        ? limits.findIndex((limit) => before * 10_000 < limit)
        : bigLimits.findIndex((limit) => BigInt(before) * 10_000n < limit);
      groupGrade = k === -1 ? 'D' : customerGrades[k]!;
    }
    running += c.salesFen;
    const share = running * 10_000;
    const cumulativeBp = exact ? (share - (share % sum)) / sum : Number((BigInt(running) * 10_000n) / total);
    out.set(c.customerId, { grade: groupGrade, cumulativeBp });
  }
  for (const s of sales) if (!out.has(s.customerId)) out.set(s.customerId, { grade: 'D', cumulativeBp: null });
  return out;
}

/** The grading window ending on `today`: the 12 months after the same day a year earlier. */
export function gradingWindow(today: string): { from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate(); // 29 Feb → 28 Feb a year earlier
  const yearAgo = `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return { from: addDays(yearAgo, 1), to: today };
}

interface Graded {
  customerId: number;
  oldGrade: CustomerGrade;
  newGrade: CustomerGrade;
  salesFen: number;
  cumulativeBp: number | null;
}

interface Regrade {
  token: string;
  from: string;
  to: string;
  cutoffsBp: [number, number, number];
  totalSalesFen: number;
  customers: Graded[];
}

/** Every customer in use with its grade now and by the rules, and the token of the data it was computed from. */
function computeRegrade(ctx: Ctx): Regrade {
  const { abcCutoffsBp } = customerRuleSettings(ctx);
  const { from, to } = gradingWindow(todayLocal(ctx));
  // customers in use (a merged customer is archived) from the grade index alone, their sales from the summary's index
  const rows = prepared(ctx.db, 'select id, grade from customers where archived = 0')
    .raw()
    .all()
    .map((r) => [...(r as [number, CustomerGrade]), 0] as [number, CustomerGrade, number])
    .sort((a, b) => a[0] - b[0]);
  const salesOf = new Map(
    prepared(ctx.db, 'select customer_id, sum(sales_fen) from sales_facts where date between @from and @to group by customer_id')
      .raw()
      .all({ from, to }) as Array<[number, number]>,
  );
  for (const r of rows) r[2] = salesOf.get(r[0]) ?? 0;
  const grades = abcGrades(
    rows.map(([customerId, , salesFen]) => ({ customerId, salesFen })),
    abcCutoffsBp,
  );
  const hash = createHash('sha256').update(JSON.stringify({ from, to, abcCutoffsBp }));
  const customers: Graded[] = [];
  let totalSalesFen = 0;
  for (const [customerId, oldGrade, salesFen] of rows) {
    const g = grades.get(customerId)!;
    customers.push({ customerId, oldGrade, newGrade: g.grade, salesFen, cumulativeBp: g.cumulativeBp });
    if (salesFen > 0) totalSalesFen += salesFen;
    hash.update(`${customerId}:${oldGrade}:${salesFen};`);
  }
  // a posting that moves no sales in the window, a new draft, a customer edited or archived: stale as well (cheap reads)
  const marks = prepared(
    ctx.db,
    `select (select max(id) from orders), (select max(id) from returns), (select max(updated_at) from customers where archived = 0),
       (select max(updated_at) from customers where archived = 1), (select count(*) from customers where archived = 1)`,
  )
    .raw()
    .get() as unknown[];
  hash.update(marks.join('|'));
  return { token: hash.digest('hex').slice(0, 32), from, to, cutoffsBp: abcCutoffsBp, totalSalesFen, customers };
}

const order = { A: 0, B: 1, C: 2, D: 3 } as const;
const zeroCounts = () => ({ A: 0, B: 0, C: 0, D: 0 });

export function regradePreview(ctx: Ctx, input: ParsedInput<'customers.regradePreview'>): Output<'customers.regradePreview'> {
  const r = computeRegrade(ctx);
  const before = zeroCounts();
  const after = zeroCounts();
  let upgraded = 0;
  let downgraded = 0;
  const changed: Graded[] = [];
  for (const c of r.customers) {
    before[c.oldGrade]++;
    after[c.newGrade]++;
    if (c.oldGrade === c.newGrade) continue;
    changed.push(c);
    if (order[c.newGrade] < order[c.oldGrade]) upgraded++;
    else downgraded++;
  }
  const filtered = input.newGrade ? changed.filter((c) => c.newGrade === input.newGrade) : changed;
  filtered.sort((a, b) => b.salesFen - a.salesFen || a.customerId - b.customerId);
  const page = filtered.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  const names = new Map(
    page.length === 0
      ? []
      : (
          prepared(
            ctx.db,
            `select c.id, c.code, c.name, r.name as repName from customers c left join reps r on r.id = c.rep_id
             where c.id in (select value from json_each(?))`,
          ).all(JSON.stringify(page.map((c) => c.customerId))) as Array<{ id: number; code: string; name: string; repName: string | null }>
        ).map((n) => [n.id, n]),
  );
  return {
    token: r.token,
    from: r.from,
    to: r.to,
    cutoffsBp: r.cutoffsBp,
    totalSalesFen: r.totalSalesFen,
    rows: page.map((c) => {
      const n = names.get(c.customerId);
      return {
        customerId: c.customerId,
        code: n?.code ?? '',
        name: n?.name ?? '',
        repName: n?.repName ?? null,
        oldGrade: c.oldGrade,
        newGrade: c.newGrade,
        salesFen: c.salesFen,
        cumulativeBp: c.cumulativeBp,
      };
    }),
    total: filtered.length,
    counts: { customers: r.customers.length, changed: changed.length, upgraded, downgraded, before, after },
  };
}

export function regradeApply(ctx: Ctx, input: ParsedInput<'customers.regradeApply'>): Output<'customers.regradeApply'> {
  return ctx.db.transaction(() => {
    const r = computeRegrade(ctx);
    if (r.token !== input.token) {
      throw DomainError.bilingual(
        'CONFLICT',
        {
          zh: '预览之后订单、退货或客户资料已有变化，预览已过期：请重新预览评级后再应用',
          en: 'Orders, returns or customers changed after the preview: preview the grades again before applying',
        },
        'token',
      );
    }
    const changed = r.customers.filter((c) => c.oldGrade !== c.newGrade);
    const update = prepared(ctx.db, 'update customers set grade = ?, updated_at = ? where id = ?');
    const now = nowIso(ctx);
    for (const c of changed) update.run(c.newGrade, now, c.customerId);
    // one entry per customer, so each customer's change history shows its new grade and why
    recordAudits(
      ctx,
      changed.map((c) => ({
        action: 'regrade',
        entity: 'customer',
        entityId: c.customerId,
        before: { grade: c.oldGrade },
        after: { grade: c.newGrade, salesFen: c.salesFen, from: r.from, to: r.to, cutoffsBp: r.cutoffsBp },
      })),
    );
    return { changed: changed.length };
  })();
}
