// The demo's money: three years of sales orders (seasonal, priced from the catalogue, cost frozen at posting), returns,
// 红冲 reversals, collections (most on time, some late, a few bad payers later written off), collection reversals,
// opening balances at the start, 窜货 through dealers outside their territory, and the dealers' own trading accounts.
// Each customer's documents are played through the ledger rules of the receivables module in memory (allocations
// oldest due first, dated max(credit date, receivable date), settled dates), then written with prepared statements in
// the generator's transaction: far faster than posting a million lines one by one, and the same rows posting would make.
// Like a bulk load, the money tables' secondary indexes and lock triggers are set aside while the rows go in and then
// created again from their own stored SQL, in the same transaction (a failure rolls all of it back).
import type { DB } from '../db/connection';
import type { Rand } from './generate';
import { customerDerived } from '../modules/customers/customers';
import { DEMO_CLERKS, DEMO_MANAGER } from './operators';

export interface MoneyCounts {
  /** dealers' own trading accounts (customers of type dealer), each with the dealer's contact as its one contact */
  dealerAccounts: number;
  openingBalances: number;
  /** posted and reversed sales orders and the reversal rows, drafts not counted */
  orders: number;
  orderLines: number;
  draftOrders: number;
  /** 红冲: orders reversed (each with its reversal row) */
  reversedOrders: number;
  /** orders through a dealer not authorised for the customer's region */
  crossTerritoryOrders: number;
  returns: number;
  returnLines: number;
  /** collections, their reversal rows included */
  collections: number;
  reversedCollections: number;
  writeOffs: number;
  receivables: number;
  credits: number;
  allocations: number;
}

export interface MoneyOptions {
  nowMs: number;
  /** today in the office's calendar */
  today: string;
  /** the first day of the ledger: opening balances are dated here */
  from: string;
}

const DAY = 86_400_000;
const toDayNo = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
const fromDayNo = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/** How busy each month is: the run-up to 春节 and the autumn festivals sell most, February least. */
const seasonByMonth = [1.35, 0.6, 0.9, 0.95, 1.0, 0.95, 0.85, 0.9, 1.2, 1.1, 1.05, 1.3];

/** Mean days between orders by grade, before the season. */
const intervalByGrade: Record<string, number> = { A: 14, B: 30, C: 70, D: 140 };
const DEALER_INTERVAL = 10;

/** Lines per order [min, max] and units per line [min, max] by customer type. */
const shapeByType: Record<string, { lines: [number, number]; units: [number, number] }> = {
  terminal: { lines: [1, 5], units: [1, 12] },
  retail: { lines: [2, 8], units: [2, 24] },
  enterprise: { lines: [2, 8], units: [5, 60] },
  institution: { lines: [2, 6], units: [5, 40] },
  wholesale: { lines: [4, 14], units: [10, 120] },
  other: { lines: [1, 5], units: [1, 20] },
  dealer: { lines: [6, 18], units: [10, 100] },
};

const reverseReasons = ['单价录错，重开', '数量录错，重开', '客户取消订单', '重复录入'];
const returnReasons = ['包装破损', '临期品退回', '客户订多了', '规格发错', '质量问题（胀袋）', '滞销退货'];
const collectionReverseReasons = ['承兑汇票退票', '转账未到账', '录错客户', '金额录错'];
const writeOffReasons = ['客户已停业，多次催收无果', '客户失联，经理批准核销', '诉讼后无可执行财产', '账龄超过一年，确认无法收回'];
const openingSources = ['旧账结转', '手工账', '金蝶期末余额', 'Excel 对账单'];

// ---------- integer money ----------

/** round_half_up(qtyMilli × priceFen / 1000) for non-negative figures, exact while the product is below 2^53. */
const lineGross = (qtyMilli: number, priceFen: number) => Math.floor((qtyMilli * priceFen + 500) / 1000);
/** round_half_up(amount × part / whole) for non-negative figures. */
const proRata = (amount: number, part: number, whole: number) => Math.floor((2 * amount * part + whole) / (2 * whole));

// ---------- what comes from the database ----------

interface CustomerRow {
  id: number;
  type: string;
  regionPath: string | null;
  repId: number | null;
  dealerId: number | null;
  grade: string;
  lifecycle: string;
  termDays: number;
  tags: string;
  archivedAt: string | null;
  createdAt: string;
}

interface ProductRow {
  id: number;
  listFen: number;
  dealerFen: number;
  floorFen: number;
  costFen: number;
  active: number;
  createdDay: number;
}

// ---------- the documents of one customer, in memory ----------

interface Line {
  productId: number;
  qtyMilli: number;
  unitPriceFen: number;
  discountFen: number;
  amountFen: number;
  unitCostFen: number;
  costFen: number;
  belowFloor: number;
  returnedMilli: number;
  returnedFen: number;
  returnedCostFen: number;
  id: number;
}

interface Receivable {
  index: number;
  day: number;
  due: number;
  amount: number;
  paid: number;
  allocs: Array<{ day: number; amount: number }>;
  id: number;
}

interface Credit {
  day: number;
  amount: number;
  /** what is left to allocate (0 once reversed) */
  free: number;
  id: number;
}

interface Allocation {
  credit: Credit;
  receivable: Receivable;
  day: number;
  amount: number;
}

interface OrderDoc {
  kind: 'order';
  day: number;
  seq: number;
  dealerId: number | null;
  cross: number;
  settlement: 'cash' | 'credit' | 'acceptance' | 'prepaid';
  due: number;
  discountFen: number;
  subtotalFen: number;
  totalFen: number;
  costFen: number;
  lines: Line[];
  override: boolean;
  clerk: string;
  /** set on an original that is reversed */
  reversal: OrderReversalDoc | null;
  /** what its return took off (the customer pays the rest) */
  returnedFen: number;
  receivable: Receivable | null;
  id: number;
}

interface OrderReversalDoc {
  kind: 'orderReversal';
  day: number;
  seq: number;
  original: OrderDoc;
  reason: string;
  credit: Credit | null;
  id: number;
}

interface ReturnDoc {
  kind: 'return';
  day: number;
  seq: number;
  order: OrderDoc;
  lines: Array<{ line: Line; qtyMilli: number; amountFen: number; costFen: number }>;
  totalFen: number;
  costFen: number;
  reason: string;
  credit: Credit | null;
}

interface OpeningDoc {
  kind: 'opening';
  day: number;
  seq: number;
  due: number;
  amountFen: number;
  sourceNo: string;
  receivable: Receivable | null;
}

interface CollectionDoc {
  kind: 'collection';
  day: number;
  seq: number;
  amountFen: number;
  method: 'cash' | 'transfer' | 'draft' | 'wechat' | 'alipay' | 'other';
  reference: string;
  clerk: string;
  reversal: CollectionReversalDoc | null;
  credit: Credit | null;
  id: number;
}

interface CollectionReversalDoc {
  kind: 'collectionReversal';
  day: number;
  seq: number;
  original: CollectionDoc;
  reason: string;
  credit: Credit | null;
  id: number;
}

interface WriteOffDoc {
  kind: 'writeOff';
  day: number;
  seq: number;
  amountFen: number;
  reason: string;
  credit: Credit | null;
}

type Doc = OrderDoc | OrderReversalDoc | ReturnDoc | OpeningDoc | CollectionDoc | CollectionReversalDoc | WriteOffDoc;

/** Same-day documents in the order a day's work happens: opening items, orders, reversals, returns, money, write-offs. */
const kindRank: Record<Doc['kind'], number> = {
  opening: 0,
  order: 1,
  orderReversal: 2,
  return: 3,
  collection: 4,
  collectionReversal: 5,
  writeOff: 6,
};

/** One customer's ledger, played by the receivables module's rules. */
class Ledger {
  readonly receivables: Receivable[] = [];
  readonly credits: Credit[] = [];
  readonly allocations: Allocation[] = [];
  private firstFree = 0;

  private allocate(credit: Credit, r: Receivable, day: number, amount: number): void {
    if (amount === 0) return;
    r.paid += amount;
    r.allocs.push({ day, amount });
    if (amount > 0) credit.free -= amount;
    this.allocations.push({ credit, receivable: r, day, amount });
  }

  /** A posted order's or an opening balance's receivable, paid from the customer's unallocated credits, oldest first. */
  addReceivable(day: number, due: number, amount: number): Receivable {
    const r: Receivable = { index: this.receivables.length, day, due, amount, paid: 0, allocs: [], id: 0 };
    this.receivables.push(r);
    // credits before `firstFree` have nothing left to give (a credit's free part only ever shrinks)
    while (this.firstFree < this.credits.length && this.credits[this.firstFree]!.free <= 0) this.firstFree++;
    for (let i = this.firstFree; i < this.credits.length && r.paid < r.amount; i++) {
      const c = this.credits[i]!;
      if (c.free > 0) this.allocate(c, r, Math.max(c.day, day), Math.min(c.free, r.amount - r.paid));
    }
    return r;
  }

  owed(): number {
    let sum = 0;
    for (const r of this.receivables) sum += r.amount - r.paid;
    return sum;
  }

  /** A credit, allocated to `first` (its own order's receivable) up to its unpaid part, then oldest due first. */
  addCredit(day: number, amount: number, first: Receivable | null): Credit {
    const c: Credit = { day, amount, free: amount, id: 0 };
    this.credits.push(c);
    if (first && first.paid < first.amount) this.allocate(c, first, Math.max(day, first.day), Math.min(c.free, first.amount - first.paid));
    if (c.free > 0) {
      const open = this.receivables.filter((r) => r.paid < r.amount).sort((a, b) => a.due - b.due || a.day - b.day || a.index - b.index);
      for (const r of open) {
        if (c.free === 0) break;
        this.allocate(c, r, Math.max(day, r.day), Math.min(c.free, r.amount - r.paid));
      }
    }
    return c;
  }

  /** A collection's reversal: a negative credit that undoes, per receivable, the net the original paid. */
  reverseCredit(original: Credit, day: number): Credit {
    const c: Credit = { day, amount: -original.amount, free: 0, id: 0 };
    this.credits.push(c);
    const net = new Map<Receivable, number>();
    for (const a of this.allocations) if (a.credit === original) net.set(a.receivable, (net.get(a.receivable) ?? 0) + a.amount);
    for (const [r, amount] of net) if (amount !== 0) this.allocate(c, r, day, -amount);
    original.free = 0;
    return c;
  }
}

/** The first day from which the receivable stays paid in full (null while unpaid). */
function settledDay(r: Receivable): number | null {
  let paid = 0;
  let since: number | null = null;
  for (let i = 0; i < r.allocs.length; i++) {
    const a = r.allocs[i]!;
    paid += a.amount;
    const lastOfDay = i + 1 === r.allocs.length || r.allocs[i + 1]!.day !== a.day;
    if (!lastOfDay) continue;
    if (paid === r.amount) since ??= a.day;
    else since = null;
  }
  return since;
}

// ---------- the generator ----------

export function insertDemoMoney(db: DB, rand: Rand, options: MoneyOptions): MoneyCounts {
  // a million lines and their indexes in one transaction: a big page cache keeps SQLite from spilling pages to disk midway
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -524288');
  try {
    return withoutIndexes(db, moneyTables, () => new MoneyGenerator(db, rand, options).run());
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

const moneyTables = [
  'orders',
  'order_lines',
  'returns',
  'return_lines',
  'collections',
  'write_offs',
  'opening_balances',
  'receivables',
  'credits',
  'allocations',
];

/** Runs `fill` with the tables' indexes and triggers dropped, then creates them again exactly as they were. */
function withoutIndexes<T>(db: DB, tables: string[], fill: () => T): T {
  if (!db.inTransaction) throw new Error('withoutIndexes runs inside the generator transaction');
  const objects = db
    .prepare(
      `select type, name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null
         and tbl_name in (select value from json_each(?)) order by rowid`,
    )
    .all(JSON.stringify(tables)) as Array<{ type: 'index' | 'trigger'; name: string; sql: string }>;
  for (const o of objects) db.exec(`drop ${o.type} "${o.name}"`);
  const result = fill();
  // indexes first (a unique one refuses duplicates here), then the triggers that guard the posted rows from now on
  for (const o of objects) if (o.type === 'index') db.exec(o.sql);
  for (const o of objects) if (o.type === 'trigger') db.exec(o.sql);
  return result;
}

class MoneyGenerator {
  private readonly startDay: number;
  private readonly todayDay: number;
  private readonly dates: string[] = [];
  private readonly docCounters = new Map<string, number>();
  private readonly counts: MoneyCounts = {
    dealerAccounts: 0,
    openingBalances: 0,
    orders: 0,
    orderLines: 0,
    draftOrders: 0,
    reversedOrders: 0,
    crossTerritoryOrders: 0,
    returns: 0,
    returnLines: 0,
    collections: 0,
    reversedCollections: 0,
    writeOffs: 0,
    receivables: 0,
    credits: 0,
    allocations: 0,
  };
  private products: ProductRow[] = [];
  private readonly territories = new Map<number, Set<number>>();
  private dealerIds: number[] = [];
  private readonly stmt: ReturnType<MoneyGenerator['prepare']>;

  constructor(
    private readonly db: DB,
    private readonly rand: Rand,
    private readonly options: MoneyOptions,
  ) {
    this.startDay = toDayNo(options.from);
    this.todayDay = toDayNo(options.today);
    for (let d = this.startDay; d <= this.todayDay; d++) this.dates.push(fromDayNo(d));
    this.stmt = this.prepare();
  }

  private date(day: number): string {
    return this.dates[day - this.startDay] ?? fromDayNo(day);
  }

  /** A business-hours timestamp on the day (08:00–19:00 Beijing), never after now. */
  private stamp(day: number): string {
    const ms = day * DAY + this.rand.int(0, 11 * 3600 - 1) * 1000;
    return new Date(Math.min(ms, this.options.nowMs - 60_000)).toISOString();
  }

  private docNo(prefix: string, day: number): string {
    const key = `${prefix}-${this.date(day).replace(/-/g, '')}-`;
    const n = (this.docCounters.get(key) ?? 0) + 1;
    this.docCounters.set(key, n);
    return `${key}${String(n).padStart(3, '0')}`;
  }

  private prepare() {
    const db = this.db;
    return {
      order: db.prepare(
        `insert into orders (doc_no, customer_id, dealer_id, rep_id, date, settlement, due_date, discount_fen, subtotal_fen, total_fen, cost_fen,
           state, reversal_of_id, reverse_reason, cross_territory, override_reason, override_by_name, posted_at, posted_by_name, notes, created_at,
           updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      line: db.prepare(
        `insert into order_lines (order_id, seq, product_id, qty_milli, unit_price_fen, discount_fen, amount_fen, unit_cost_fen, cost_fen, below_floor)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      markReversed: db.prepare(`update orders set state = 'reversed', reversed_by_id = ?, reverse_reason = ? where id = ?`),
      ret: db.prepare(
        `insert into returns (doc_no, order_id, customer_id, date, state, total_fen, cost_fen, reason, posted_at, posted_by_name, created_at, updated_at)
         values (?, ?, ?, ?, 'posted', ?, ?, ?, ?, ?, ?, ?)`,
      ),
      returnLine: db.prepare('insert into return_lines (return_id, order_line_id, qty_milli, amount_fen, cost_fen) values (?, ?, ?, ?, ?)'),
      collection: db.prepare(
        `insert into collections (doc_no, customer_id, rep_id, date, amount_fen, method, reference, state, reversal_of_id, reverse_reason, notes,
           created_by_name, created_at)
         values (?, ?, ?, ?, ?, ?, ?, 'posted', ?, ?, '', ?, ?)`,
      ),
      markCollectionReversed: db.prepare(`update collections set state = 'reversed', reversed_by_id = ?, reverse_reason = ? where id = ?`),
      writeOff: db.prepare(
        'insert into write_offs (doc_no, customer_id, date, amount_fen, reason, created_by_name, created_at) values (?, ?, ?, ?, ?, ?, ?)',
      ),
      opening: db.prepare(
        `insert into opening_balances (doc_no, customer_id, date, due_date, amount_fen, source_no, notes, created_by_name, created_at)
         values (?, ?, ?, ?, ?, ?, '', ?, ?)`,
      ),
      receivable: db.prepare(
        `insert into receivables (customer_id, source_kind, source_id, doc_no, date, due_date, amount_fen, rep_id, dealer_id, settled_date, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      credit: db.prepare(
        'insert into credits (customer_id, source_kind, source_id, doc_no, date, amount_fen, created_at) values (?, ?, ?, ?, ?, ?, ?)',
      ),
      allocation: db.prepare('insert into allocations (credit_id, receivable_id, date, amount_fen, created_at) values (?, ?, ?, ?, ?)'),
    };
  }

  run(): MoneyCounts {
    this.loadCatalogue();
    const customers = this.loadCustomers();
    customers.push(...this.insertDealerAccounts());
    for (const c of customers) this.customerMoney(c);
    this.insertDrafts(customers);
    return this.counts;
  }

  private loadCatalogue(): void {
    const rows = this.db
      .prepare(
        `select id, list_price_fen as listFen, dealer_price_fen as dealerFen, floor_price_fen as floorFen, cost_fen as costFen, active,
           created_at as createdAt from products order by id`,
      )
      .all() as Array<Omit<ProductRow, 'createdDay'> & { createdAt: string }>;
    this.products = rows.map((p) => ({ ...p, createdDay: toDayNo(p.createdAt.slice(0, 10)) }));
    for (const t of this.db.prepare('select dealer_id as dealerId, region_id as regionId from dealer_territories').all() as Array<{
      dealerId: number;
      regionId: number;
    }>) {
      let set = this.territories.get(t.dealerId);
      if (!set) this.territories.set(t.dealerId, (set = new Set()));
      set.add(t.regionId);
    }
    this.dealerIds = (this.db.prepare(`select id from dealers where status = 'active' order by id`).all() as Array<{ id: number }>).map(
      (d) => d.id,
    );
  }

  private loadCustomers(): CustomerRow[] {
    return this.db
      .prepare(
        `select c.id, c.type, r.path as regionPath, c.rep_id as repId, c.dealer_id as dealerId, c.grade, c.lifecycle,
           c.payment_term_days as termDays, c.tags, c.archived_at as archivedAt, c.created_at as createdAt
         from customers c left join regions r on r.id = c.region_id order by c.id`,
      )
      .all() as CustomerRow[];
  }

  /** Whether the dealer is authorised for the region (a territory covers its sub-regions). */
  private covers(dealerId: number, regionPath: string | null): boolean {
    const t = this.territories.get(dealerId);
    if (!t || !regionPath) return false;
    for (const part of regionPath.split('/')) if (part && t.has(Number(part))) return true;
    return false;
  }

  /** Each dealer that is not terminated gets its own trading account: a customer of type dealer in its home territory. */
  private insertDealerAccounts(): CustomerRow[] {
    const dealers = this.db
      .prepare(
        `select d.id, d.name, d.short_name as shortName, d.phone, d.contact_name as contactName, d.address, d.rep_id as repId,
           d.credit_limit_fen as creditLimitFen, d.tier, d.created_at as createdAt,
           (select min(t.region_id) from dealer_territories t where t.dealer_id = d.id) as regionId
         from dealers d where d.status <> 'terminated' order by d.id`,
      )
      .all() as Array<{
      id: number;
      name: string;
      shortName: string;
      phone: string;
      contactName: string;
      address: string;
      repId: number | null;
      creditLimitFen: number;
      tier: number;
      createdAt: string;
      regionId: number | null;
    }>;
    const last = this.db.prepare(`select max(cast(substr(code, 2) as integer)) as n from customers where code glob 'C[0-9]*'`).get() as {
      n: number | null;
    };
    let next = (last.n ?? 0) + 1;
    // a city inside the territory, so the account sits where the dealer trades
    const cityIn = this.db.prepare(`select id, path from regions where path like ? and level = 3 order by id limit 1`);
    const regionPath = this.db.prepare('select path from regions where id = ?');
    const insert = this.db.prepare(
      `insert into customers (code, name, short_name, type, region_id, address, phone, industry, scale, source, rep_id, dealer_id, grade,
         lifecycle, credit_limit_fen, payment_term_days, tags, notes, archived, archived_at, name_pinyin, search_text, name_key, phone_digits,
         created_at, updated_at)
       values (?, ?, ?, 'dealer', ?, ?, ?, '', ?, null, ?, null, ?, 'loyal', ?, ?, '[]', '经销商往来账户', 0, null, ?, ?, ?, ?, ?, ?)`,
    );
    const link = this.db.prepare('insert into dealer_accounts (dealer_id, customer_id) values (?, ?)');
    const contact = this.db.prepare(
      `insert into contacts (customer_id, name, title, phone, email, wechat, is_primary, sort_order) values (?, ?, '负责人', ?, '', '', 1, 0)`,
    );
    const out: CustomerRow[] = [];
    for (const d of dealers) {
      let region: { id: number; path: string } | undefined;
      if (d.regionId !== null) {
        const own = regionPath.get(d.regionId) as { path: string } | undefined;
        region = (cityIn.get(`${own?.path ?? ''}%`) as { id: number; path: string } | undefined) ?? {
          id: d.regionId,
          path: own?.path ?? '',
        };
      }
      const code = `C${String(next++).padStart(6, '0')}`;
      const derived = customerDerived({
        code,
        name: d.name,
        shortName: d.shortName,
        phone: d.phone,
        contacts: d.contactName ? [{ name: d.contactName, phone: d.phone }] : [],
      });
      const termDays = d.tier === 1 ? 45 : 30;
      const grade = d.tier === 1 ? 'A' : 'B';
      const id = Number(
        insert.run(
          code,
          d.name,
          d.shortName,
          region?.id ?? null,
          d.address,
          d.phone,
          d.tier === 1 ? 'large' : 'medium',
          d.repId,
          grade,
          d.creditLimitFen,
          termDays,
          derived.namePinyin,
          derived.searchText,
          derived.nameKey,
          derived.phoneDigits,
          d.createdAt,
          d.createdAt,
        ).lastInsertRowid,
      );
      link.run(d.id, id);
      contact.run(id, d.contactName || '负责人', d.phone);
      this.counts.dealerAccounts++;
      out.push({
        id,
        type: 'dealer',
        regionPath: region?.path ?? null,
        repId: d.repId,
        dealerId: d.id,
        grade,
        lifecycle: 'loyal',
        termDays,
        tags: '[]',
        archivedAt: null,
        createdAt: d.createdAt,
      });
    }
    return out;
  }

  // ----- one customer's three years -----

  private customerMoney(c: CustomerRow): void {
    if (c.lifecycle === 'prospect') return;
    const r = this.rand;
    const createdDay = toDayNo(c.createdAt.slice(0, 10));
    const firstDay = Math.max(this.startDay, createdDay);
    let lastDay = this.todayDay;
    if (c.archivedAt) lastDay = Math.min(lastDay, toDayNo(c.archivedAt.slice(0, 10)) - r.int(30, 200));
    if (c.lifecycle === 'lost') lastDay = Math.min(lastDay, this.todayDay - r.int(120, 400));
    const isDealer = c.type === 'dealer';
    const docs: Doc[] = [];
    let seq = 0;

    // opening balance: what a customer of the old books still owed when it was entered in the first months
    if (createdDay <= this.startDay + 150 && r.chance(isDealer ? 0.8 : c.grade === 'A' ? 0.8 : c.grade === 'B' ? 0.65 : 0.4)) {
      const base = isDealer ? 3_000_000 : ({ A: 1_500_000, B: 500_000, C: 150_000, D: 50_000 }[c.grade] ?? 100_000);
      const amountFen = Math.round((base * (0.3 + r.float() * 1.4)) / 100) * 100;
      docs.push({
        kind: 'opening',
        day: firstDay,
        seq: seq++,
        due: firstDay + r.int(0, 60),
        amountFen,
        sourceNo: `${r.pick(openingSources)} ${r.digits(4)}`,
        receivable: null,
      });
    }

    // orders: a Poisson stream thinned by the season
    const mean = isDealer ? DEALER_INTERVAL : (intervalByGrade[c.grade] ?? 60);
    const shape = shapeByType[c.type] ?? shapeByType.other!;
    const dealerPrice = isDealer || c.type === 'wholesale';
    const basket = this.basketFor(isDealer ? 40 : c.type === 'wholesale' ? 30 : 14);
    const orders: OrderDoc[] = [];
    let day = c.lifecycle === 'first' ? Math.max(firstDay, this.todayDay - r.int(20, 80)) : firstDay + Math.floor(r.float() * mean);
    const maxOrders = c.lifecycle === 'first' ? r.int(1, 2) : Infinity;
    const crossDealer = !isDealer && c.dealerId !== null && this.dealerIds.length > 0 && r.chance(0.03) ? r.pick(this.dealerIds) : null;
    while (day <= lastDay && orders.length < maxOrders) {
      const weekday = (day + 4) % 7; // day 0 (1970-01-01) was a Thursday
      if (weekday === 0 && r.chance(0.85)) day++; // Sundays mostly wait for Monday
      if (day > lastDay) break;
      const month = Number(this.date(day).slice(5, 7)) - 1;
      if (r.float() < seasonByMonth[month]! / 1.35) {
        const order = this.makeOrder(c, day, seq++, shape, dealerPrice, basket, crossDealer);
        if (order) {
          orders.push(order);
          docs.push(order);
        }
      }
      day += Math.max(1, Math.round((-Math.log(1 - r.float()) * mean) / 1.35));
    }

    // 红冲 and returns, a few days after the order
    for (const o of orders) {
      if (o.settlement === 'credit' && o.due - o.day > 7 && r.chance(0.012)) {
        const revDay = Math.min(this.todayDay, o.day + r.int(0, 6));
        const reason = r.pick(reverseReasons);
        const rev: OrderReversalDoc = { kind: 'orderReversal', day: revDay, seq: seq++, original: o, reason, credit: null, id: 0 };
        o.reversal = rev;
        docs.push(rev);
        if (!reason.startsWith('客户取消') && !reason.startsWith('重复')) {
          // the corrected order, entered the same day
          const fixed = this.makeOrder(c, revDay, seq++, shape, dealerPrice, basket, crossDealer, o);
          if (fixed) {
            orders.push(fixed);
            docs.push(fixed);
          }
        }
        continue;
      }
      if (o.lines.length >= 2 && r.chance(0.03)) {
        const ret = this.makeReturn(o, Math.min(this.todayDay, o.day + r.int(2, 25)), seq++);
        if (ret) docs.push(ret);
      }
    }

    // when the money comes: most on time, some late, a few bad payers stop paying and are written off later
    const tags = c.tags;
    const late = tags.includes('回款慢') || r.chance(isDealer ? 0.1 : 0.12);
    const bad = !isDealer && (c.grade === 'C' || c.grade === 'D') && orders.length >= 3 && r.chance(0.03);
    const defaultDay = bad ? orders[Math.floor(orders.length * (0.4 + r.float() * 0.5))]!.day : Infinity;
    const payments: Array<{ day: number; amount: number; cash: boolean }> = [];
    const plan = (dueDay: number, amount: number, cash: boolean, docDay: number) => {
      if (amount <= 0) return;
      let payDay: number;
      if (cash) payDay = docDay;
      else if (late) payDay = dueDay + r.int(10, 120);
      else payDay = dueDay + (r.chance(0.8) ? r.int(-10, 5) : r.int(6, 40));
      payDay = Math.max(payDay, docDay);
      if (payDay >= defaultDay) return;
      if (payDay > this.todayDay) return;
      payments.push({ day: payDay, amount, cash });
    };
    for (const d of docs) {
      if (d.kind === 'opening') plan(d.due, d.amountFen, false, d.day);
      if (d.kind === 'order' && !d.reversal) {
        plan(d.due, d.totalFen - d.returnedFen, d.settlement === 'cash', d.day);
      }
    }
    // good payers settle by the week, dealers in round sums (a little prepaid)
    payments.sort((a, b) => a.day - b.day);
    const grouped: Array<{ day: number; amount: number; cash: boolean }> = [];
    for (const p of payments) {
      const prev = grouped[grouped.length - 1];
      if (prev && !p.cash && !prev.cash && p.day - prev.day <= 6) {
        prev.amount += p.amount;
        prev.day = p.day;
      } else grouped.push({ ...p });
    }
    for (const g of grouped) {
      const amount = isDealer && r.chance(0.5) ? Math.ceil(g.amount / 100_000) * 100_000 : g.amount;
      const col = this.makeCollection(c, g.day, seq++, amount, g.cash);
      docs.push(col);
      // a few come back (退票, 录错): reversed a few days later and paid again
      if (!g.cash && r.chance(0.006)) {
        const revDay = g.day + r.int(1, 5);
        if (revDay <= this.todayDay) {
          const rev: CollectionReversalDoc = {
            kind: 'collectionReversal',
            day: revDay,
            seq: seq++,
            original: col,
            reason: r.pick(collectionReverseReasons),
            credit: null,
            id: 0,
          };
          col.reversal = rev;
          docs.push(rev);
          const again = revDay + r.int(1, 10);
          if (again <= this.todayDay) docs.push(this.makeCollection(c, again, seq++, amount, false));
        }
      }
    }
    if (bad) {
      const woDay = defaultDay + r.int(200, 420);
      if (woDay <= this.todayDay)
        docs.push({ kind: 'writeOff', day: woDay, seq: seq++, amountFen: 0, reason: r.pick(writeOffReasons), credit: null });
    }

    docs.sort((a, b) => a.day - b.day || kindRank[a.kind] - kindRank[b.kind] || a.seq - b.seq);
    const ledger = new Ledger();
    for (const d of docs) this.post(ledger, d);
    this.write(c, docs, ledger);
  }

  private basketFor(size: number): ProductRow[] {
    const n = Math.min(this.products.length, this.rand.int(Math.ceil(size / 2), size));
    const out: ProductRow[] = [];
    for (let i = 0; i < n; i++) out.push(this.rand.pick(this.products));
    return out;
  }

  private makeOrder(
    c: CustomerRow,
    day: number,
    seq: number,
    shape: { lines: [number, number]; units: [number, number] },
    dealerPrice: boolean,
    basket: ProductRow[],
    crossDealer: number | null,
    copyOf?: OrderDoc,
  ): OrderDoc | null {
    const r = this.rand;
    const lines: Line[] = [];
    const wanted = copyOf ? copyOf.lines.length : r.int(shape.lines[0], shape.lines[1]);
    const used = new Set<number>();
    for (let tries = 0; lines.length < wanted && tries < wanted * 3; tries++) {
      const p = copyOf ? this.products.find((x) => x.id === copyOf.lines[lines.length]!.productId)! : r.pick(basket);
      if (!copyOf && (used.has(p.id) || p.createdDay > day || (!p.active && day > this.todayDay - 365))) continue;
      used.add(p.id);
      const units = copyOf
        ? Math.max(1000, copyOf.lines[lines.length]!.qtyMilli + (r.chance(0.5) ? 1000 : 0))
        : r.chance(0.04)
          ? r.int(shape.units[0] * 2, shape.units[1] * 2) * 500 // half units: weighed or split packs
          : r.int(shape.units[0], Math.max(shape.units[0], Math.round(shape.units[1] * (0.3 + r.float() * 0.7)))) * 1000;
      const price = dealerPrice ? p.dealerFen : p.listFen;
      const gross = lineGross(units, price);
      // now and then a line discount, never below the floor price for list-price customers
      let discount = 0;
      if (r.chance(0.06)) {
        const room = dealerPrice ? Math.floor(gross * 0.03) : Math.max(0, gross - lineGross(units, Math.max(p.floorFen, 0)));
        discount = Math.min(room, Math.floor((gross * r.int(1, 5)) / 100 / 100) * 100);
      }
      const amount = gross - discount;
      const cost = lineGross(units, p.costFen);
      lines.push({
        productId: p.id,
        qtyMilli: units,
        unitPriceFen: price,
        discountFen: discount,
        amountFen: amount,
        unitCostFen: p.costFen,
        costFen: cost,
        // as the orders module judges it: the line's amount after its discount below qty × floor price
        belowFloor: p.floorFen > 0 && amount < lineGross(units, p.floorFen) ? 1 : 0,
        returnedMilli: 0,
        returnedFen: 0,
        returnedCostFen: 0,
        id: 0,
      });
      if (copyOf && lines.length === copyOf.lines.length) break;
    }
    if (lines.length === 0) return null;
    const subtotal = lines.reduce((s, l) => s + l.amountFen, 0);
    // 抹零: the odd 角 and 分 (or the odd 元 on a big order) are let go
    const discount = r.chance(0.2) ? (subtotal > 1_000_000 ? subtotal % 1000 : subtotal % 100) : 0;
    const total = subtotal - discount;
    if (total <= 0) return null;
    // a dealer's own account buys as that dealer; a shop through its serving dealer
    let dealerId = c.dealerId;
    // 窜货: now and then goods come through a dealer from outside the customer's region
    if (dealerId !== null && crossDealer !== null && r.chance(0.3)) dealerId = crossDealer;
    const cross = dealerId !== null && !this.covers(dealerId, c.regionPath) ? 1 : 0;
    const term = c.termDays;
    const settlement: OrderDoc['settlement'] =
      term === 0 ? 'cash' : c.type === 'wholesale' && total > 2_000_000 && r.chance(0.3) ? 'acceptance' : 'credit';
    return {
      kind: 'order',
      day,
      seq,
      dealerId,
      cross,
      settlement,
      due: settlement === 'cash' ? day : day + term,
      discountFen: discount,
      subtotalFen: subtotal,
      totalFen: total,
      costFen: lines.reduce((s, l) => s + l.costFen, 0),
      lines,
      override: lines.some((l) => l.belowFloor === 1),
      clerk: r.pick(DEMO_CLERKS),
      reversal: null,
      returnedFen: 0,
      receivable: null,
      id: 0,
    };
  }

  /** Part of one or two lines comes back, never every line in full; one return per order. */
  private makeReturn(o: OrderDoc, day: number, seq: number): ReturnDoc | null {
    const r = this.rand;
    const picked = r.shuffle(o.lines).slice(0, r.int(1, Math.min(2, o.lines.length - 1)));
    const lines: ReturnDoc['lines'] = [];
    for (const line of picked) {
      const units = Math.floor(line.qtyMilli / 1000);
      if (units < 1) continue;
      const qty = r.int(1, units) * 1000;
      const full = qty === line.qtyMilli;
      // pro rata by quantity, half-up; the return that completes a line takes exactly what is left of it
      const amountFen = full ? line.amountFen - line.returnedFen : proRata(line.amountFen, qty, line.qtyMilli);
      const costFen = full ? line.costFen - line.returnedCostFen : proRata(line.costFen, qty, line.qtyMilli);
      line.returnedMilli += qty;
      line.returnedFen += amountFen;
      line.returnedCostFen += costFen;
      lines.push({ line, qtyMilli: qty, amountFen, costFen });
    }
    // the return's total is its lines' share of the order's total, so the order discount comes back pro rata (as returns.post)
    const linesFen = lines.reduce((s, l) => s + l.amountFen, 0);
    const totalFen = Number((2n * BigInt(linesFen) * BigInt(o.totalFen) + BigInt(o.subtotalFen)) / (2n * BigInt(o.subtotalFen)));
    if (totalFen <= 0) {
      for (const l of lines) {
        l.line.returnedMilli -= l.qtyMilli;
        l.line.returnedFen -= l.amountFen;
        l.line.returnedCostFen -= l.costFen;
      }
      return null;
    }
    o.returnedFen = totalFen;
    return {
      kind: 'return',
      day,
      seq,
      order: o,
      lines,
      totalFen,
      costFen: lines.reduce((s, l) => s + l.costFen, 0),
      reason: r.pick(returnReasons),
      credit: null,
    };
  }

  private makeCollection(c: CustomerRow, day: number, seq: number, amountFen: number, cash: boolean): CollectionDoc {
    const r = this.rand;
    const big = amountFen >= 1_000_000 || c.type === 'dealer' || c.type === 'wholesale';
    const method: CollectionDoc['method'] = cash
      ? r.weighted([
          ['cash', 4],
          ['wechat', 4],
          ['alipay', 2],
        ] as const)
      : big
        ? r.weighted([
            ['transfer', 8],
            ['draft', 2],
          ] as const)
        : r.weighted([
            ['transfer', 5],
            ['wechat', 3],
            ['cash', 1],
            ['alipay', 1],
          ] as const);
    const reference =
      method === 'transfer'
        ? `银行流水 ${r.digits(12)}`
        : method === 'draft'
          ? `承兑汇票 ${r.digits(16)}`
          : method === 'wechat' || method === 'alipay'
            ? `交易单号 ${r.digits(10)}`
            : '';
    return { kind: 'collection', day, seq, amountFen, method, reference, clerk: r.pick(DEMO_CLERKS), reversal: null, credit: null, id: 0 };
  }

  /** The ledger's side of a document, by the receivables module's rules. */
  private post(ledger: Ledger, d: Doc): void {
    switch (d.kind) {
      case 'opening':
        d.receivable = ledger.addReceivable(d.day, d.due, d.amountFen);
        break;
      case 'order':
        d.receivable = ledger.addReceivable(d.day, d.due, d.totalFen);
        break;
      case 'orderReversal':
        d.credit = ledger.addCredit(d.day, d.original.totalFen, d.original.receivable);
        break;
      case 'return':
        d.credit = ledger.addCredit(d.day, d.totalFen, d.order.receivable);
        break;
      case 'collection':
        d.credit = ledger.addCredit(d.day, d.amountFen, null);
        break;
      case 'collectionReversal':
        d.credit = ledger.reverseCredit(d.original.credit!, d.day);
        break;
      case 'writeOff': {
        // the whole unpaid balance as of the write-off's date (documents are played in date order)
        d.amountFen = ledger.owed();
        if (d.amountFen > 0) d.credit = ledger.addCredit(d.day, d.amountFen, null);
        break;
      }
    }
  }

  // ----- writing one customer's rows -----

  private write(c: CustomerRow, docs: Doc[], ledger: Ledger): void {
    const s = this.stmt;
    const cnt = this.counts;
    const addReceivable = (
      rec: Receivable,
      kind: 'order' | 'opening',
      sourceId: number,
      docNo: string,
      dealerId: number | null,
      at: string,
    ) => {
      const settled = settledDay(rec);
      rec.id = Number(
        s.receivable.run(
          c.id,
          kind,
          sourceId,
          docNo,
          this.date(rec.day),
          this.date(rec.due),
          rec.amount,
          c.repId,
          dealerId,
          settled === null ? null : this.date(settled),
          at,
        ).lastInsertRowid,
      );
      cnt.receivables++;
    };
    const addCredit = (credit: Credit, kind: string, sourceId: number, docNo: string, at: string) => {
      credit.id = Number(s.credit.run(c.id, kind, sourceId, docNo, this.date(credit.day), credit.amount, at).lastInsertRowid);
      cnt.credits++;
    };
    for (const d of docs) {
      switch (d.kind) {
        case 'opening': {
          if (!d.receivable) break;
          const at = this.stamp(d.day);
          const docNo = this.docNo('QC', d.day);
          const id = Number(
            s.opening.run(docNo, c.id, this.date(d.day), this.date(d.due), d.amountFen, d.sourceNo, DEMO_MANAGER, at).lastInsertRowid,
          );
          cnt.openingBalances++;
          addReceivable(d.receivable, 'opening', id, docNo, null, at);
          break;
        }
        case 'order': {
          const at = this.stamp(d.day);
          const docNo = this.docNo('XS', d.day);
          d.id = Number(
            s.order.run(
              docNo,
              c.id,
              d.dealerId,
              c.repId,
              this.date(d.day),
              d.settlement,
              this.date(d.due),
              d.discountFen,
              d.subtotalFen,
              d.totalFen,
              d.costFen,
              'posted',
              null,
              '',
              d.cross,
              d.override ? '经销价供货，低于限价' : null,
              d.override ? DEMO_MANAGER : null,
              at,
              d.clerk,
              '',
              at,
              at,
            ).lastInsertRowid,
          );
          d.lines.forEach((l, i) => {
            l.id = Number(
              s.line.run(
                d.id,
                i + 1,
                l.productId,
                l.qtyMilli,
                l.unitPriceFen,
                l.discountFen,
                l.amountFen,
                l.unitCostFen,
                l.costFen,
                l.belowFloor,
              ).lastInsertRowid,
            );
          });
          cnt.orders++;
          cnt.orderLines += d.lines.length;
          cnt.crossTerritoryOrders += d.cross;
          if (d.receivable) addReceivable(d.receivable, 'order', d.id, docNo, d.dealerId, at);
          break;
        }
        case 'orderReversal': {
          const o = d.original;
          const at = this.stamp(d.day);
          const docNo = this.docNo('XS', d.day);
          d.id = Number(
            s.order.run(
              docNo,
              c.id,
              o.dealerId,
              c.repId,
              this.date(d.day),
              o.settlement,
              this.date(d.day),
              o.discountFen,
              -o.subtotalFen,
              -o.totalFen,
              -o.costFen,
              'posted',
              o.id,
              d.reason,
              0, // a reversal row is no 窜货 order of its own
              null,
              null,
              at,
              o.clerk,
              '',
              at,
              at,
            ).lastInsertRowid,
          );
          o.lines.forEach((l, i) =>
            s.line.run(
              d.id,
              i + 1,
              l.productId,
              -l.qtyMilli,
              l.unitPriceFen,
              l.discountFen,
              -l.amountFen,
              l.unitCostFen,
              -l.costFen,
              l.belowFloor,
            ),
          );
          s.markReversed.run(d.id, d.reason, o.id);
          cnt.orders++;
          cnt.reversedOrders++;
          cnt.orderLines += o.lines.length;
          addCredit(d.credit!, 'order_reversal', d.id, docNo, at);
          break;
        }
        case 'return': {
          const at = this.stamp(d.day);
          const docNo = this.docNo('TH', d.day);
          const id = Number(
            s.ret.run(docNo, d.order.id, c.id, this.date(d.day), d.totalFen, d.costFen, d.reason, at, d.order.clerk, at, at)
              .lastInsertRowid,
          );
          for (const l of d.lines) s.returnLine.run(id, l.line.id, l.qtyMilli, l.amountFen, l.costFen);
          cnt.returns++;
          cnt.returnLines += d.lines.length;
          addCredit(d.credit!, 'return', id, docNo, at);
          break;
        }
        case 'collection': {
          const at = this.stamp(d.day);
          const docNo = this.docNo('HK', d.day);
          d.id = Number(
            s.collection.run(docNo, c.id, c.repId, this.date(d.day), d.amountFen, d.method, d.reference, null, '', d.clerk, at)
              .lastInsertRowid,
          );
          cnt.collections++;
          addCredit(d.credit!, 'collection', d.id, docNo, at);
          break;
        }
        case 'collectionReversal': {
          const o = d.original;
          const at = this.stamp(d.day);
          const docNo = this.docNo('HK', d.day);
          d.id = Number(
            s.collection.run(docNo, c.id, c.repId, this.date(d.day), -o.amountFen, o.method, o.reference, o.id, d.reason, o.clerk, at)
              .lastInsertRowid,
          );
          s.markCollectionReversed.run(d.id, d.reason, o.id);
          cnt.collections++;
          cnt.reversedCollections++;
          addCredit(d.credit!, 'collection_reversal', d.id, docNo, at);
          break;
        }
        case 'writeOff': {
          if (!d.credit) break;
          const at = this.stamp(d.day);
          const docNo = this.docNo('HX', d.day);
          const id = Number(s.writeOff.run(docNo, c.id, this.date(d.day), d.amountFen, d.reason, DEMO_MANAGER, at).lastInsertRowid);
          cnt.writeOffs++;
          addCredit(d.credit, 'write_off', id, docNo, at);
          break;
        }
      }
    }
    for (const a of ledger.allocations) {
      s.allocation.run(a.credit.id, a.receivable.id, this.date(a.day), a.amount, this.stamp(a.day));
      cnt.allocations++;
    }
  }

  /** A few orders still being typed in the last days: drafts, no cost frozen, nothing in the ledger. */
  private insertDrafts(customers: CustomerRow[]): void {
    const r = this.rand;
    const buying = customers.filter((c) => c.lifecycle !== 'prospect' && c.lifecycle !== 'lost' && c.archivedAt === null);
    const n = Math.max(3, Math.round(buying.length * 0.004));
    for (let i = 0; i < n && buying.length > 0; i++) {
      const c = r.pick(buying);
      const day = this.todayDay - r.int(0, 2);
      const dealerPrice = c.type === 'dealer' || c.type === 'wholesale';
      const o = this.makeOrder(c, day, 0, shapeByType[c.type] ?? shapeByType.other!, dealerPrice, this.basketFor(10), null);
      if (!o) continue;
      const at = this.stamp(day);
      const id = Number(
        this.stmt.order.run(
          this.docNo('XS', day),
          c.id,
          o.dealerId,
          c.repId,
          this.date(day),
          o.settlement,
          this.date(o.due),
          o.discountFen,
          o.subtotalFen,
          o.totalFen,
          0,
          'draft',
          null,
          '',
          0,
          null,
          null,
          null,
          null,
          '',
          at,
          at,
        ).lastInsertRowid,
      );
      o.lines.forEach((l, k) =>
        this.stmt.line.run(id, k + 1, l.productId, l.qtyMilli, l.unitPriceFen, l.discountFen, l.amountFen, 0, 0, l.belowFloor),
      );
      this.counts.draftOrders++;
    }
  }
}
