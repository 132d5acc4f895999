// The demo company: a realistic, deterministic (seeded) Chinese distributor — regions, teams, reps, customers with contacts,
// dealers with territories, a product catalogue, and strategy / monthly evaluation cards for part of the customers.
// Rows go in through prepared statements inside one transaction; derived search columns come from the same code the UI path uses.
import type { CustomerGrade, CustomerScale, CustomerSource, CustomerType, Lifecycle } from '../../../shared/domain/customer';
import type { ChannelType, DealerStatus, DealerTier } from '../../../shared/domain/dealer';
import type { DB } from '../db/connection';
import { customerDerived } from '../modules/customers/customers';
import { productDerived } from '../modules/products/products';
import { dealerDerived } from '../modules/dealers/dealers';
import { sessionStore } from '../modules/auth/sessions';
import { insertDemoOperators } from './operators';
import { insertDailyProcess, type DailyProcessCounts } from './dailyProcess';
import { insertDemoMoney, type MoneyCounts } from './money';
import { rebuildSummaryTables } from '../modules/analytics/summaries';
import { insertDemoTargets, type TargetCounts } from './targets';
import { insertDemoPipeline, type PipelineCounts } from './pipeline';
import { nameKey, pinyinFull, pinyinInitials } from '../text';
import * as catalog from './catalog';
import * as words from './names';

export type DemoScale = 'small' | 'large';
export interface DemoOptions {
  scale: DemoScale;
  seed: number;
  now: Date;
}

/** A planted near-duplicate: `code` repeats `duplicateOf` by name (other company suffix) or by phone. */
export interface DemoDuplicate {
  code: string;
  duplicateOf: string;
  reason: 'name' | 'phone';
}

/** A planted 窜货 case: customer `code` is served by dealer `dealerCode`, whose territory does not cover the customer's region. */
export interface DemoCrossTerritory {
  code: string;
  dealerCode: string;
}

export interface DemoResult {
  customers: number;
  reps: number;
  regions: number;
  teams: number;
  contacts: number;
  customerTags: number;
  archived: number;
  duplicates: DemoDuplicate[];
  dealers: number;
  dealerTerritories: number;
  /** Customers with a serving dealer (the planted cross-territory ones included). */
  servedCustomers: number;
  crossTerritory: DemoCrossTerritory[];
  productCategories: number;
  products: number;
  strategyCards: number;
  strategyActions: number;
  monthlyEvaluations: number;
  /** demo operators other than the admin (manager, one supervisor per team, clerks) */
  operators: number;
  /** plans, reports, feedback, complaints, expenses, weekly plans, monthly summaries and meetings of the demo period */
  daily: DailyProcessCounts;
  /** three years of orders, returns, collections, write-offs and opening balances, with the receivables ledger */
  money: MoneyCounts;
  targets: TargetCounts;
  /** 商机 with their stage histories and 客户满意度 scores */
  pipeline: PipelineCounts;
}

interface ScaleSpec {
  customers: number;
  activeReps: number;
  inactiveReps: number;
  teams: words.TeamDef[];
  dealers: number;
  products: number;
}

const scales: Record<DemoScale, ScaleSpec> = {
  small: { customers: 300, activeReps: 8, inactiveReps: 0, teams: words.smallTeams, dealers: 12, products: 60 },
  large: { customers: 20_000, activeReps: 48, inactiveReps: 2, teams: words.largeTeams, dealers: 320, products: 520 },
};

const DAY = 86_400_000;
const YEAR = 365 * DAY;

// ---------- calendar dates (YYYY-MM-DD, the office's local calendar) ----------

const pad2 = (n: number) => String(n).padStart(2, '0');

function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Same day n years later; 29 Feb rolls over to 1 Mar. */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** YYYY-MM shifted by `delta` months. */
function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
}

// ---------- seeded randomness ----------

/** mulberry32: tiny, fast, good enough for test data; the same seed always gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rand {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
}

/** Picks by cumulative weight with binary search: O(log n) per pick for the 20,000-customer loop. */
class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(
    private readonly items: readonly T[],
    weight: (item: T, index: number) => number,
  ) {
    let sum = 0;
    for (const [i, item] of items.entries()) {
      sum += weight(item, i);
      this.cumulative.push(sum);
    }
    this.total = sum;
  }
  pick(rand: Rand): T {
    const r = rand.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/** 1..99 as Chinese numerals: 3 → 三, 14 → 十四, 22 → 二十二. */
export function chineseNumber(n: number): string {
  const digit = '零一二三四五六七八九';
  if (n < 10) return digit[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digit[tens]!}十${ones ? digit[ones]! : ''}`;
}

const retailKinds = words.shopKinds.filter((k) => !k.terminal || k.word === '便利店');
const terminalKinds = words.shopKinds.filter((k) => k.terminal);

// ---------- in-memory model ----------

interface District {
  id: number;
  name: string;
}

interface City {
  id: number;
  name: string;
  province: words.ProvinceDef;
  provinceId: number;
  areaId: number;
  areaCode: string;
  weight: number;
  /** Prefix in company names: 南京 for 南京市, 北京 for 朝阳区. */
  prefix: string;
  districts: District[];
}

interface RepPlan {
  name: string;
  phone: string;
  teamIndex: number;
  supervisor: boolean;
  active: boolean;
  hireMs: number;
  cities: City[];
  weight: number;
  id: number;
  code: string;
}

interface ContactPlan {
  name: string;
  title: string;
  phone: string;
  email: string;
  wechat: string;
}

interface CustomerPlan {
  name: string;
  shortName: string;
  type: CustomerType;
  industry: string;
  regionId: number;
  city: City;
  address: string;
  phone: string;
  scale: CustomerScale | null;
  source: CustomerSource | null;
  rep: RepPlan;
  grade: CustomerGrade;
  lifecycle: Lifecycle;
  creditLimitFen: number;
  paymentTermDays: number;
  tags: string[];
  notes: string;
  archivedMs: number | null;
  createdMs: number;
  updatedMs: number;
  contacts: ContactPlan[];
  /** Company-style names keep base + suffix so a planted duplicate can swap the suffix. */
  base: string | null;
  suffix: string | null;
  chain: boolean;
  ownerSurname: string | null;
  duplicateOf: CustomerPlan | null;
  duplicateReason: 'name' | 'phone' | null;
  dealer: DealerPlan | null;
  code: string;
  id: number;
}

interface DealerPlan {
  name: string;
  shortName: string;
  channelType: ChannelType;
  tier: DealerTier;
  contactName: string;
  phone: string;
  address: string;
  /** Authorised regions: cities, provinces or (tier 1) a 大区; never one inside another. */
  territory: number[];
  /** Ids of the level-3 regions the territory covers. */
  covers: Set<number>;
  contractStart: string;
  contractEnd: string;
  depositFen: number;
  creditLimitFen: number;
  rep: RepPlan;
  status: DealerStatus;
  notes: string;
  createdMs: number;
  updatedMs: number;
  id: number;
  code: string;
}

type NamedCustomer = Pick<CustomerPlan, 'name' | 'shortName' | 'industry' | 'base' | 'suffix' | 'chain' | 'ownerSurname'> & {
  road: string | null;
};

// ---------- distributions ----------

const gradeWeights: Array<readonly [CustomerGrade, number]> = [
  ['A', 8],
  ['B', 20],
  ['C', 42],
  ['D', 30],
];

const typeByGrade: Record<CustomerGrade, Array<readonly [CustomerType, number]>> = {
  A: [
    ['wholesale', 45],
    ['enterprise', 30],
    ['retail', 15],
    ['institution', 10],
  ],
  B: [
    ['wholesale', 25],
    ['enterprise', 20],
    ['retail', 35],
    ['terminal', 10],
    ['institution', 5],
    ['other', 5],
  ],
  C: [
    ['retail', 35],
    ['terminal', 35],
    ['enterprise', 10],
    ['wholesale', 10],
    ['institution', 4],
    ['other', 6],
  ],
  D: [
    ['terminal', 55],
    ['retail', 30],
    ['other', 8],
    ['enterprise', 5],
    ['institution', 2],
  ],
};

const lifecycleByGrade: Record<CustomerGrade, Array<readonly [Lifecycle, number]>> = {
  A: [
    ['loyal', 60],
    ['repeat', 38],
    ['lost', 2],
  ],
  B: [
    ['loyal', 30],
    ['repeat', 55],
    ['first', 10],
    ['lost', 5],
  ],
  C: [
    ['repeat', 45],
    ['first', 25],
    ['loyal', 10],
    ['lost', 10],
    ['prospect', 10],
  ],
  D: [
    ['prospect', 35],
    ['first', 25],
    ['lost', 25],
    ['repeat', 15],
  ],
};

const scaleByType: Record<CustomerType, Array<readonly [CustomerScale, number]>> = {
  // a dealer's trading account (made from the dealer record, not drawn here)
  dealer: [
    ['medium', 60],
    ['large', 40],
  ],
  terminal: [
    ['micro', 70],
    ['small', 30],
  ],
  retail: [
    ['micro', 30],
    ['small', 50],
    ['medium', 20],
  ],
  wholesale: [
    ['small', 40],
    ['medium', 45],
    ['large', 15],
  ],
  enterprise: [
    ['small', 30],
    ['medium', 50],
    ['large', 20],
  ],
  institution: [
    ['medium', 60],
    ['large', 40],
  ],
  other: [
    ['micro', 30],
    ['small', 50],
    ['medium', 20],
  ],
};

const sourceWeights: Array<readonly [CustomerSource, number]> = [
  ['coldVisit', 35],
  ['referral', 20],
  ['dealer', 15],
  ['online', 10],
  ['exhibition', 8],
  ['advertising', 5],
  ['other', 7],
];

const termsByGrade: Record<CustomerGrade, number[]> = {
  A: [30, 45, 60, 60],
  B: [15, 30, 30, 45],
  C: [0, 15, 30, 30],
  D: [0, 0, 15],
};

// ---------- the generator ----------

export function generateDemo(db: DB, options: DemoOptions): DemoResult {
  const spec = scales[options.scale];
  if (!spec) throw new Error(`未知的演示数据规模 / unknown demo scale: ${String(options.scale)}`);
  if (!Number.isFinite(options.now.getTime())) throw new Error('演示数据的当前时间无效 / invalid "now"');
  return db.transaction(() => new Generator(db, spec, options).run())();
}

class Generator {
  private readonly rand: Rand;
  private readonly nowMs: number;
  /** The office started using the system a little over three years ago: regions and teams date from then. */
  private readonly systemStartMs: number;
  /** Today's date in the office's calendar: contract and due dates count from here. */
  private readonly today: string;
  private readonly usedPhones = new Set<string>();
  private readonly usedNameKeys = new Set<string>();
  private readonly usedRepNames = new Set<string>();
  private readonly surnameTable: WeightedTable<string>;
  private cities: City[] = [];
  private regionCount = 0;

  constructor(
    private readonly db: DB,
    private readonly spec: ScaleSpec,
    private readonly options: DemoOptions,
  ) {
    this.rand = new Rand(options.seed);
    this.nowMs = options.now.getTime();
    this.systemStartMs = this.nowMs - 3 * YEAR - 30 * DAY;
    this.today = localDate(this.nowMs);
    // frequent surnames (王, 李, 张…) much more often than rare ones
    this.surnameTable = new WeightedTable(words.surnames, (_s, i) => 1 / (i + 8));
  }

  run(): DemoResult {
    this.assertEmpty();
    this.insertRegions();
    const teams = this.insertTeams();
    const reps = this.insertReps(teams);
    const operators = insertDemoOperators(this.db, this.options.now, sessionStore(this.db).passwordCost).length;
    const customers = this.planCustomers(reps);
    const dealers = this.planDealers(reps);
    const dealerTerritories = this.insertDealers(dealers);
    const crossTerritoryPlans = this.linkDealers(customers, dealers);
    const { contacts, customerTags, archived } = this.insertCustomers(customers);
    const duplicates = customers
      .filter((c) => c.duplicateOf !== null)
      .map((c) => ({ code: c.code, duplicateOf: c.duplicateOf!.code, reason: c.duplicateReason! }));
    const { productCategories, products, leafNames } = this.insertProducts();
    const { strategyCards, strategyActions } = this.insertStrategyCards(customers, leafNames);
    const monthlyEvaluations = this.insertEvaluations(customers);
    const daily = insertDailyProcess(this.db, this.rand, { nowMs: this.nowMs, today: this.today, from: this.dailyFrom() });
    // the money draws from its own sequence, so tuning it never changes the rest of the company
    const money = insertDemoMoney(this.db, new Rand(this.options.seed + 1), {
      nowMs: this.nowMs,
      today: this.today,
      from: localDate(this.systemStartMs),
    });
    // the money went in with the tables' triggers set aside: the summary tables are filled from it once
    rebuildSummaryTables(this.db);
    const targets = insertDemoTargets(this.db, { today: this.today, nowIso: this.options.now.toISOString() });
    // its own sequence too: the pipeline never shifts the rest of the company
    const pipeline = insertDemoPipeline(this.db, new Rand(this.options.seed + 2), {
      today: this.today,
      nowIso: this.options.now.toISOString(),
      opportunities: this.options.scale === 'large' ? 22_000 : 400,
    });
    const result: DemoResult = {
      customers: customers.length,
      reps: reps.length,
      regions: this.regionCount,
      teams: teams.length,
      contacts,
      customerTags,
      archived,
      duplicates,
      dealers: dealers.length,
      dealerTerritories,
      servedCustomers: customers.filter((c) => c.dealer !== null).length,
      crossTerritory: crossTerritoryPlans.map((c) => ({ code: c.code, dealerCode: c.dealer!.code })),
      productCategories,
      products,
      strategyCards,
      strategyActions,
      monthlyEvaluations,
      operators,
      daily,
      money,
      targets,
      pipeline,
    };
    this.db.prepare('insert into audit_log (at, operator, action, entity, entity_id, before, after) values (?, ?, ?, ?, ?, ?, ?)').run(
      this.options.now.toISOString(),
      '系统',
      'demo.load',
      'demo',
      null,
      null,
      JSON.stringify({
        scale: this.options.scale,
        seed: this.options.seed,
        ...result,
        duplicates: duplicates.length,
        crossTerritory: result.crossTerritory.length,
      }),
    );
    return result;
  }

  private assertEmpty(): void {
    const row = this.db
      .prepare(
        `select (select count(*) from regions) + (select count(*) from teams) + (select count(*) from reps)
                + (select count(*) from customers) + (select count(*) from dealers)
                + (select count(*) from product_categories) + (select count(*) from products) as n`,
      )
      .get() as { n: number };
    if (row.n > 0) throw new Error('演示数据只能载入空数据库 / demo data can only be loaded into an empty database');
  }

  /** Daily forms and meetings cover the system's whole life (small) or the last three months (large, for the time budget). */
  private dailyFrom(): string {
    return this.options.scale === 'large' ? `${addMonths(this.today.slice(0, 7), -3)}-01` : localDate(this.systemStartMs);
  }

  private iso(ms: number): string {
    return new Date(ms).toISOString();
  }

  /** Business-hours timestamp on a calendar date (today or earlier). */
  private onDate(date: string): number {
    return this.businessTime(Math.max(0, daysBetween(date, this.today)));
  }

  /** Business-hours timestamp (08:00–19:00 Beijing time) `daysAgo` whole days before today. */
  private businessTime(daysAgo: number): number {
    const dayStartUtc = Math.floor(this.nowMs / DAY) * DAY - daysAgo * DAY;
    const ms = dayStartUtc + this.rand.int(0, 11 * 3600 - 1) * 1000; // 00:00–11:00 UTC = 08:00–19:00 UTC+8
    return Math.min(ms, this.nowMs - 60_000);
  }

  // ----- regions -----

  private insertRegions(): void {
    const stamp = this.iso(this.systemStartMs);
    const insert = this.db.prepare(
      `insert into regions (parent_id, name, code, level, path, sort_order, initials, created_at, updated_at)
       values (?, ?, ?, ?, '', ?, ?, ?, ?)`,
    );
    const setPath = this.db.prepare('update regions set path = ? where id = ?');
    const add = (parent: { id: number; path: string } | null, name: string, code: string, level: number, sortOrder: number) => {
      const id = Number(insert.run(parent?.id ?? null, name, code, level, sortOrder, pinyinInitials(name), stamp, stamp).lastInsertRowid);
      const path = `${parent ? parent.path : '/'}${id}/`;
      setPath.run(path, id);
      this.regionCount++;
      return { id, path };
    };
    const selection = this.options.scale === 'small' ? words.smallSelection : null;
    const areas = selection ? Object.keys(selection).map((name) => words.areas.find((a) => a.name === name)!) : words.areas.map((a) => a);
    areas.forEach((area, ai) => {
      const areaCode = String(ai + 1).padStart(2, '0');
      const areaNode = add(null, area.name, areaCode, 1, ai + 1);
      const provinces = selection
        ? Object.keys(selection[area.name]!).map((p) => area.provinces.find((x) => x.name === p)!)
        : area.provinces;
      provinces.forEach((province, pi) => {
        const provinceCode = `${areaCode}${String(pi + 1).padStart(2, '0')}`;
        const provinceNode = add(areaNode, province.name, provinceCode, 2, pi + 1);
        const wanted = selection?.[area.name]?.[province.name];
        const cities = wanted ? wanted.map((n) => province.cities.find((x) => x.name === n)!) : province.cities;
        cities.forEach((cityDef, ci) => {
          const cityCode = `${provinceCode}${String(ci + 1).padStart(2, '0')}`;
          const cityNode = add(provinceNode, cityDef.name, cityCode, 3, ci + 1);
          const city: City = {
            id: cityNode.id,
            name: cityDef.name,
            province,
            provinceId: provinceNode.id,
            areaId: areaNode.id,
            areaCode: cityDef.areaCode,
            weight: cityDef.weight,
            prefix: province.municipality ? province.short : cityDef.name.replace(/市$/, ''),
            districts: [],
          };
          // every city has the compass 片区 it needs plus a zone or two
          const count = this.rand.int(3, 4);
          const chosen = this.rand
            .shuffle(words.districtNames)
            .slice(0, count)
            .sort((a, b) => words.districtNames.indexOf(a) - words.districtNames.indexOf(b));
          chosen.forEach((dName, di) => {
            const node = add(cityNode, dName, `${cityCode}${String(di + 1).padStart(2, '0')}`, 4, di + 1);
            city.districts.push({ id: node.id, name: dName });
          });
          this.cities.push(city);
        });
      });
    });
  }

  // ----- teams and reps -----

  private insertTeams(): Array<{ id: number; def: words.TeamDef; cities: City[] }> {
    const stamp = this.iso(this.systemStartMs);
    const insert = this.db.prepare('insert into teams (name, created_at, updated_at) values (?, ?, ?)');
    return this.spec.teams.map((def) => {
      const id = Number(insert.run(def.name, stamp, stamp).lastInsertRowid);
      return { id, def, cities: this.cities.filter((c) => def.provinces.includes(c.province.name)) };
    });
  }

  private personName(male: boolean, surname = this.surnameTable.pick(this.rand)): string {
    const given = this.rand.pick(male ? words.maleGiven : words.femaleGiven);
    return surname + given;
  }

  private mobile(): string {
    for (;;) {
      const phone = this.rand.pick(words.mobilePrefixes) + this.rand.digits(8);
      if (!this.usedPhones.has(phone)) {
        this.usedPhones.add(phone);
        return phone;
      }
    }
  }

  private landline(areaCode: string): string {
    for (;;) {
      const local = String(this.rand.int(2, 8)) + this.rand.digits(7);
      const digits = areaCode + local;
      if (!this.usedPhones.has(digits)) {
        this.usedPhones.add(digits);
        return `${areaCode}-${local}`;
      }
    }
  }

  /** Reps per team in proportion to the team's market weight (largest remainder), each with at least one city. */
  private repsPerTeam(teams: Array<{ cities: City[] }>): number[] {
    const weights = teams.map((t) => t.cities.reduce((s, c) => s + c.weight, 0));
    const total = weights.reduce((s, w) => s + w, 0);
    const exact = weights.map((w) => (w / total) * this.spec.activeReps);
    const counts = exact.map((x, i) => Math.max(Math.min(2, teams[i]!.cities.length), Math.min(Math.floor(x), teams[i]!.cities.length)));
    let left = this.spec.activeReps - counts.reduce((s, n) => s + n, 0);
    const order = exact.map((x, i) => ({ i, rem: x - Math.floor(x) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
    while (left > 0) {
      let progressed = false;
      for (const { i } of order) {
        if (left === 0) break;
        if (counts[i]! < teams[i]!.cities.length) {
          counts[i]!++;
          left--;
          progressed = true;
        }
      }
      if (!progressed) break;
    }
    while (left < 0) {
      const i = counts.indexOf(Math.max(...counts));
      counts[i]!--;
      left++;
    }
    return counts;
  }

  private insertReps(teams: Array<{ id: number; def: words.TeamDef; cities: City[] }>): RepPlan[] {
    const counts = this.repsPerTeam(teams);
    const plans: RepPlan[] = [];
    const uniqueName = () => {
      for (;;) {
        const name = this.personName(this.rand.chance(0.65));
        if (!this.usedRepNames.has(name)) {
          this.usedRepNames.add(name);
          return name;
        }
      }
    };
    teams.forEach((team, ti) => {
      const members: RepPlan[] = [];
      for (let k = 0; k < counts[ti]!; k++) {
        const supervisor = k === 0;
        members.push({
          name: uniqueName(),
          phone: this.mobile(),
          teamIndex: ti,
          supervisor,
          active: true,
          // supervisors have been with the company longest
          hireMs: this.nowMs - (supervisor ? this.rand.int(5 * 365, 10 * 365) : this.rand.int(90, 5 * 365 - 1)) * DAY,
          cities: [],
          weight: (supervisor ? 0.6 : 1) * (0.75 + this.rand.float() * 0.5),
          id: 0,
          code: '',
        });
      }
      // biggest cities first, each to the rep carrying the least so far
      const load = members.map(() => 0);
      for (const city of [...team.cities].sort((a, b) => b.weight - a.weight || a.id - b.id)) {
        const i = load.indexOf(Math.min(...load));
        members[i]!.cities.push(city);
        load[i]! += city.weight * (members[i]!.supervisor ? 1.5 : 1);
      }
      plans.push(...members);
    });
    for (let k = 0; k < this.spec.inactiveReps; k++) {
      plans.push({
        name: uniqueName(),
        phone: this.mobile(),
        teamIndex: this.rand.int(0, teams.length - 1),
        supervisor: false,
        active: false,
        hireMs: this.nowMs - this.rand.int(3 * 365, 6 * 365) * DAY,
        cities: [],
        weight: 0,
        id: 0,
        code: '',
      });
    }
    // codes follow the order people joined
    plans.sort((a, b) => a.hireMs - b.hireMs || a.name.localeCompare(b.name));
    const insert = this.db.prepare(
      `insert into reps (code, name, phone, team_id, supervisor_id, hire_date, active, pinyin, initials, created_at, updated_at)
       values (?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?)`,
    );
    const link = this.db.prepare('insert into rep_regions (rep_id, region_id) values (?, ?)');
    plans.forEach((rep, i) => {
      rep.code = `R${String(i + 1).padStart(3, '0')}`;
      const created = this.iso(Math.max(this.systemStartMs, rep.hireMs));
      const updated = rep.active ? created : this.iso(this.nowMs - this.rand.int(30, 700) * DAY);
      rep.id = Number(
        insert.run(
          rep.code,
          rep.name,
          rep.phone,
          teams[rep.teamIndex]!.id,
          this.iso(rep.hireMs).slice(0, 10),
          rep.active ? 1 : 0,
          pinyinFull(rep.name),
          pinyinInitials(rep.name),
          created,
          updated,
        ).lastInsertRowid,
      );
      for (const city of rep.cities) link.run(rep.id, city.id);
    });
    const setSupervisor = this.db.prepare('update reps set supervisor_id = ? where id = ?');
    teams.forEach((_team, ti) => {
      const lead = plans.find((r) => r.teamIndex === ti && r.supervisor);
      if (!lead) return;
      for (const r of plans) if (r.teamIndex === ti && r !== lead) setSupervisor.run(lead.id, r.id);
    });
    return plans;
  }

  // ----- customers -----

  private claimName(name: string): boolean {
    const key = nameKey(name);
    if (this.usedNameKeys.has(key)) return false;
    this.usedNameKeys.add(key);
    return true;
  }

  private brand(): string {
    for (;;) {
      const a = this.rand.pick(words.brandFirst);
      const b = this.rand.pick(words.brandSecond);
      if (a !== b) return a + b;
    }
  }

  private customerName(type: CustomerType, city: City): NamedCustomer {
    for (let attempt = 0; ; attempt++) {
      const made = this.makeName(type, city, attempt);
      if (this.claimName(made.name)) return made;
      if (attempt > 200) throw new Error(`无法生成不重复的客户名称（${type}）`);
    }
  }

  private makeName(type: CustomerType, city: City, attempt: number): NamedCustomer {
    const r = this.rand;
    const plain = { base: null, suffix: null, chain: false, ownerSurname: null, road: null };
    // the more collisions, the more specific a shop's name gets: its road, then city and road (the address follows)
    const locate = (name: string): { name: string; road: string | null } => {
      if (attempt < 4) return { name, road: null };
      const road = r.pick(words.roads);
      return { name: (attempt < 12 ? '' : city.prefix) + road + name, road };
    };
    switch (type) {
      case 'wholesale': {
        const trade = r.pick(words.tradeWords);
        const suffix = r.pick(words.tradeSuffixes);
        const brand = this.brand();
        const prefix = suffix === '有限公司' || r.chance(0.6) ? city.prefix : '';
        const base = prefix + brand + trade.word;
        return { ...plain, name: base + suffix, shortName: brand + trade.word, industry: trade.industry, base, suffix };
      }
      case 'enterprise': {
        const kind = r.pick(words.enterpriseWords);
        const brand = this.brand();
        const base = city.prefix + brand + kind.word;
        return { ...plain, name: `${base}有限公司`, shortName: brand + kind.word, industry: kind.industry, base, suffix: '有限公司' };
      }
      case 'retail': {
        const kind = r.pick(retailKinds);
        const style = r.weighted([
          ['brand', 40],
          ['company', 20],
          ['chain', 25],
          ['surname', 15],
        ] as const);
        if (style === 'company') {
          const brand = this.brand();
          const base = `${city.prefix}${brand}超市`;
          return { ...plain, name: `${base}有限公司`, shortName: `${brand}超市`, industry: '商超', base, suffix: '有限公司' };
        }
        if (style === 'chain') {
          const brand = r.pick(words.shopBrands) + kind.word;
          const road = r.pick(words.roads);
          const branch = attempt < 6 ? road : city.prefix + road;
          return { ...plain, name: `${brand}（${branch}店）`, shortName: brand, industry: kind.industry, chain: true, road };
        }
        if (style === 'surname') {
          const surname = this.surnameTable.pick(r);
          return { ...plain, ...locate(`${surname}记${kind.word}`), shortName: '', industry: kind.industry, ownerSurname: surname };
        }
        return { ...plain, ...locate(r.pick(words.shopBrands) + kind.word), shortName: '', industry: kind.industry };
      }
      case 'terminal': {
        const kind = r.pick(terminalKinds);
        const surname = this.surnameTable.pick(r);
        const style = r.weighted([
          ['lao', 30],
          ['ji', 15],
          ['nick', 15],
          ['road', 15],
          ['brand', 25],
        ] as const);
        if (style === 'road') {
          // named after its street: 建设路便利店
          const road = r.pick(words.roads);
          const name = attempt < 8 ? road + kind.word : city.prefix + road + kind.word;
          return { ...plain, name, shortName: '', industry: kind.industry, road };
        }
        let name: string;
        let owner: string | null = surname;
        if (style === 'lao') name = `老${surname}${kind.word}`;
        else if (style === 'ji') name = `${surname}记${kind.word}`;
        else if (style === 'nick') name = r.pick([`${surname}姐${kind.word}`, `小${surname}${kind.word}`, `${surname}嫂${kind.word}`]);
        else {
          name = r.pick(words.shopBrands) + kind.word;
          owner = null;
        }
        return { ...plain, ...locate(name), shortName: '', industry: kind.industry, ownerSurname: owner };
      }
      case 'institution': {
        const template = r.pick(words.institutionTemplates);
        const road = r.pick(words.roads);
        const name = template
          .replace('{C}', city.province.municipality ? city.province.name + city.name : city.name)
          .replace('{n}', chineseNumber(r.int(1, attempt < 10 ? 30 : 99)))
          .replace('{road}', road);
        const industry = /医院|疾病/.test(name) ? '医疗' : /学|幼儿园/.test(name) ? '教育' : '机关团体';
        return { ...plain, name, shortName: '', industry, road: template.includes('{road}') ? road : null };
      }
      default: {
        const t = r.pick(words.otherTemplates);
        const brand = this.brand();
        const road = r.pick(words.roads);
        const name = t.template.replace('{c}', city.prefix).replace('{b}', brand).replace('{road}', road);
        return { ...plain, name, shortName: '', industry: t.industry, road: t.template.includes('{road}') ? road : null };
      }
    }
  }

  private address(city: City, district: District | null, type: CustomerType, road: string | null): string {
    const r = this.rand;
    const hint = district ? (words.districtAddressHint[district.name] ?? '') : '';
    const street = `${city.province.name}${city.name}${hint}${road ?? r.pick(words.roads)}${r.int(1, 999)}号`;
    if (type === 'wholesale' || type === 'enterprise' || type === 'other') {
      return r.chance(0.5) ? `${street}${r.int(1, 20)}幢${r.int(1, 12)}0${r.int(1, 9)}室` : street;
    }
    if (type === 'terminal' || type === 'retail') return r.chance(0.3) ? `${street}${r.pick(['一楼', '门面', '底商', '临街'])}` : street;
    return street;
  }

  private contactsFor(c: CustomerPlan): ContactPlan[] {
    const r = this.rand;
    const many = c.type === 'wholesale' || c.type === 'enterprise' || c.type === 'institution';
    const n = r.weighted(
      many
        ? ([
            [1, 30],
            [2, 45],
            [3, 25],
          ] as const)
        : ([
            [1, 60],
            [2, 32],
            [3, 8],
          ] as const),
    );
    const titles = words.contactTitles[c.type];
    const out: ContactPlan[] = [];
    const usedNames = new Set<string>();
    for (let i = 0; i < n; i++) {
      const title = i === 0 ? titles[0]! : r.pick(titles.slice(1));
      const male = title === '老板娘' ? false : r.chance(0.6);
      let name = this.personName(male, i === 0 && c.ownerSurname ? c.ownerSurname : undefined);
      while (usedNames.has(name)) name = this.personName(male);
      usedNames.add(name);
      // a shop's phone is usually the owner's mobile
      const phone = i === 0 && /^1\d{10}$/.test(c.phone) ? c.phone : this.mobile();
      let email = '';
      if (many && r.chance(0.35)) {
        email = r.chance(0.5) ? `${r.int(10_000_000, 2_999_999_999)}@qq.com` : `${pinyinFull(name)}${r.int(10, 99)}@163.com`;
      }
      let wechat = '';
      if (r.chance(0.35)) {
        wechat = r.weighted([
          [phone, 40],
          [`wxid_${r.digits(4)}${pinyinInitials(name)}${r.digits(4)}`, 40],
          [`${pinyinFull(name)}${r.digits(3)}`, 20],
        ] as const);
      }
      out.push({ name, title, phone, email, wechat });
    }
    return out;
  }

  private tagsFor(c: CustomerPlan): string[] {
    const r = this.rand;
    const tags: string[] = [];
    const shop = c.type === 'retail' || c.type === 'terminal';
    if ((c.grade === 'A' && r.chance(0.7)) || (c.grade === 'B' && r.chance(0.15))) tags.push('重点客户');
    if ((c.chain && r.chance(0.8)) || (c.type === 'retail' && !c.chain && r.chance(0.05))) tags.push('连锁');
    if (this.nowMs - c.createdMs < 180 * DAY && (c.lifecycle === 'prospect' || c.lifecycle === 'first') && r.chance(0.7))
      tags.push('新开发');
    const buys = c.lifecycle !== 'prospect';
    if (buys && (((c.grade === 'C' || c.grade === 'D') && r.chance(0.08)) || (c.grade === 'B' && r.chance(0.04)))) tags.push('回款慢');
    if (r.chance(0.06)) tags.push('价格敏感');
    if (shop && (c.grade === 'A' || c.grade === 'B') && r.chance(0.15)) tags.push('样板店');
    if ((c.type === 'enterprise' || c.type === 'institution') && r.chance(0.25)) tags.push('团购');
    if (c.lifecycle === 'prospect' && r.chance(0.3)) tags.push('待跟进');
    return tags.slice(0, 3);
  }

  private creditFen(grade: CustomerGrade, lifecycle: Lifecycle): number {
    const r = this.rand;
    if (lifecycle === 'prospect') return 0;
    const yuan =
      grade === 'A'
        ? r.int(5, 50) * 10_000
        : grade === 'B'
          ? r.int(2, 20) * 5_000
          : grade === 'C'
            ? r.int(2, 30) * 1_000
            : r.chance(0.5)
              ? 0
              : r.int(1, 10) * 500;
    return yuan * 100;
  }

  private planCustomers(reps: RepPlan[]): CustomerPlan[] {
    const r = this.rand;
    const active = reps.filter((x) => x.active && x.cities.length > 0);
    const repTable = new WeightedTable(active, (x) => x.weight);
    const cityTables = new Map(active.map((x) => [x, new WeightedTable(x.cities, (c) => c.weight)]));
    const duplicateCount = Math.max(2, Math.round(this.spec.customers * 0.005));
    const baseCount = this.spec.customers - duplicateCount;
    const customers: CustomerPlan[] = [];

    for (let i = 0; i < baseCount; i++) {
      const rep = repTable.pick(r);
      const city = cityTables.get(rep)!.pick(r);
      const district = r.chance(0.85) ? r.pick(city.districts) : null;
      const grade = r.weighted(gradeWeights);
      const type = r.weighted(typeByGrade[grade]);
      const daysAgo = r.int(1, 3 * 365);
      const createdMs = this.businessTime(daysAgo);
      const lifecycle =
        daysAgo < 60
          ? r.weighted([
              ['prospect', 40],
              ['first', 60],
            ] as const)
          : r.weighted(lifecycleByGrade[grade]);
      const named = this.customerName(type, city);
      const companyLike = type === 'wholesale' || type === 'enterprise' || type === 'institution';
      const phone = r.chance(0.02) ? '' : r.chance(companyLike ? 0.75 : 0.15) ? this.landline(city.areaCode) : this.mobile();
      const updatedMs = createdMs + Math.floor(r.float() * (this.nowMs - createdMs));
      const c: CustomerPlan = {
        ...named,
        type,
        regionId: district ? district.id : city.id,
        city,
        address: this.address(city, district, type, named.road),
        phone,
        scale: r.chance(0.03) ? null : r.weighted(scaleByType[type]),
        source: r.chance(0.03) ? null : r.weighted(sourceWeights),
        rep,
        grade,
        lifecycle,
        creditLimitFen: this.creditFen(grade, lifecycle),
        paymentTermDays: r.pick(termsByGrade[grade]),
        tags: [],
        notes: r.chance(0.15) ? r.pick(words.customerNotes) : '',
        archivedMs: null,
        createdMs,
        updatedMs,
        contacts: [],
        duplicateOf: null,
        duplicateReason: null,
        dealer: null,
        code: '',
        id: 0,
      };
      c.contacts = this.contactsFor(c);
      c.tags = this.tagsFor(c);
      // some long-lost customers were archived by the office
      if (lifecycle === 'lost' && r.chance(0.12)) {
        c.archivedMs = Math.max(updatedMs, createdMs + 30 * DAY);
        if (c.archivedMs >= this.nowMs) c.archivedMs = null;
        else c.updatedMs = c.archivedMs;
      }
      customers.push(c);
    }

    // planted near-duplicates: the same company again under another suffix, or the same phone under another name
    const taken = new Set<CustomerPlan>();
    const candidates = (pred: (c: CustomerPlan) => boolean) =>
      r.shuffle(customers.filter((c) => pred(c) && c.archivedMs === null && this.nowMs - c.createdMs > 7 * DAY && !taken.has(c)));
    const byName = candidates((c) => c.base !== null && c.suffix !== null);
    const byPhone = candidates((c) => c.phone !== '');
    for (let k = 0; k < duplicateCount; k++) {
      const reason: 'name' | 'phone' = k % 2 === 0 ? 'name' : 'phone';
      const pool = reason === 'name' ? byName : byPhone;
      let original = pool.pop();
      while (original && taken.has(original)) original = pool.pop();
      if (!original) break;
      taken.add(original);
      customers.push(this.duplicateOf(original, reason));
    }
    return customers;
  }

  private duplicateOf(o: CustomerPlan, reason: 'name' | 'phone'): CustomerPlan {
    const r = this.rand;
    const createdMs = Math.min(
      o.createdMs + r.int(1, Math.max(1, Math.floor((this.nowMs - o.createdMs) / DAY) - 1)) * DAY,
      this.nowMs - 3600_000,
    );
    let name: string;
    let phone: string;
    if (reason === 'name') {
      const suffix = r.pick(['商行', '经营部', '有限公司', '批发部'].filter((s) => s !== o.suffix));
      name = o.base! + suffix;
      phone = o.phone && /^1\d{10}$/.test(o.phone) ? this.mobile() : this.landline(o.city.areaCode);
    } else {
      const candidate = o.shortName && nameKey(o.shortName) !== nameKey(o.name) ? o.shortName : `${o.name}（${r.pick(words.roads)}店）`;
      name = this.usedNameKeys.has(nameKey(candidate)) ? `${o.name}（${r.pick(words.roads)}二店）` : candidate;
      // the same number typed differently: spaces instead of a dash, or split mobile digits
      phone = o.phone.includes('-') ? o.phone.replace('-', ' ') : `${o.phone.slice(0, 3)}-${o.phone.slice(3, 7)}-${o.phone.slice(7)}`;
    }
    this.usedNameKeys.add(nameKey(name));
    const dup: CustomerPlan = {
      ...o,
      name,
      phone,
      shortName: reason === 'name' ? o.shortName : '',
      createdMs,
      updatedMs: createdMs,
      lifecycle: 'prospect',
      grade: o.grade === 'A' || o.grade === 'B' ? 'C' : o.grade,
      creditLimitFen: 0,
      tags: ['待跟进'],
      notes: '',
      archivedMs: null,
      contacts: [],
      duplicateOf: o,
      duplicateReason: reason,
      dealer: null,
      code: '',
      id: 0,
    };
    dup.contacts = this.contactsFor(dup);
    return dup;
  }

  private insertCustomers(customers: CustomerPlan[]): { contacts: number; customerTags: number; archived: number } {
    // codes follow the order customers were entered
    const ordered = customers.map((c, i) => ({ c, i })).sort((a, b) => a.c.createdMs - b.c.createdMs || a.i - b.i);
    const insert = this.db.prepare(
      `insert into customers (code, name, short_name, type, region_id, address, phone, industry, scale, source, rep_id, dealer_id, grade,
         lifecycle, credit_limit_fen, payment_term_days, tags, notes, archived, archived_at, name_pinyin, search_text, name_key, phone_digits,
         created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertContact = this.db.prepare(
      'insert into contacts (customer_id, name, title, phone, email, wechat, is_primary, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertTag = this.db.prepare('insert into customer_tags (customer_id, tag) values (?, ?)');
    let contacts = 0;
    let customerTags = 0;
    let archived = 0;
    ordered.forEach(({ c }, i) => {
      c.code = `C${String(i + 1).padStart(6, '0')}`;
      const derived = customerDerived({ code: c.code, name: c.name, shortName: c.shortName, phone: c.phone, contacts: c.contacts });
      const id = Number(
        insert.run(
          c.code,
          c.name,
          c.shortName,
          c.type,
          c.regionId,
          c.address,
          c.phone,
          c.industry,
          c.scale,
          c.source,
          c.rep.id,
          c.dealer?.id ?? null,
          c.grade,
          c.lifecycle,
          c.creditLimitFen,
          c.paymentTermDays,
          JSON.stringify(c.tags),
          c.notes,
          c.archivedMs === null ? 0 : 1,
          c.archivedMs === null ? null : this.iso(c.archivedMs),
          derived.namePinyin,
          derived.searchText,
          derived.nameKey,
          derived.phoneDigits,
          this.iso(c.createdMs),
          this.iso(c.updatedMs),
        ).lastInsertRowid,
      );
      c.id = id;
      c.contacts.forEach((k, j) => {
        insertContact.run(id, k.name, k.title, k.phone, k.email, k.wechat, j === 0 ? 1 : 0, j);
        contacts++;
      });
      for (const tag of c.tags) {
        insertTag.run(id, tag);
        customerTags++;
      }
      if (c.archivedMs !== null) archived++;
    });
    return { contacts, customerTags, archived };
  }

  // ----- dealers -----

  private dealerName(channel: ChannelType, home: City): { name: string; shortName: string } {
    const r = this.rand;
    for (let attempt = 0; ; attempt++) {
      const brand = this.brand();
      let made: { name: string; shortName: string };
      if (channel === 'retail') {
        const form = r.pick(words.dealerRetailForms);
        const shop = r.chance(0.5) ? r.pick(words.shopBrands) : brand;
        made = { name: home.prefix + shop + form, shortName: shop + (form.startsWith('便利') ? '便利' : '超市') };
      } else if (channel === 'direct') {
        const form = r.pick(words.dealerDirectForms);
        made = { name: home.prefix + brand + form, shortName: brand + (form.includes('团购') ? '团购' : '商贸') };
      } else if (r.chance(0.15)) {
        const form = r.pick(words.dealerShopForms);
        made = { name: home.prefix + brand + form, shortName: brand + (form.replace(/(经营部|商行)$/, '') || '商行') };
      } else {
        const trade = r.pick(words.dealerTradeWords);
        made = { name: `${home.prefix}${brand}${trade}有限公司`, shortName: brand + trade };
      }
      if (this.claimName(made.name)) return made;
      if (attempt > 200) throw new Error('无法生成不重复的经销商名称');
    }
  }

  /** Regions a dealer is authorised for, drawn from its rep's cities: a 大区 or provinces for tier 1, cities or a province below. */
  private territoryFor(tier: DealerTier, rep: RepPlan, home: City): number[] {
    const r = this.rand;
    const provinces = [...new Set(rep.cities.map((c) => c.provinceId))];
    if (tier === 1) {
      if (r.chance(0.25)) return [home.areaId];
      const others = provinces.filter((p) => p !== home.provinceId);
      return others.length > 0 && r.chance(0.35) ? [home.provinceId, r.pick(others)] : [home.provinceId];
    }
    if (tier === 2 && r.chance(0.3)) return [home.provinceId];
    const wanted = tier === 2 ? r.int(1, 3) : r.chance(0.8) ? 1 : 2;
    // neighbours in the same province first
    const rest = r
      .shuffle(rep.cities.filter((c) => c !== home))
      .sort((a, b) => Number(b.provinceId === home.provinceId) - Number(a.provinceId === home.provinceId));
    return [home, ...rest].slice(0, wanted).map((c) => c.id);
  }

  private coveredCities(territory: number[]): Set<number> {
    const ids = new Set(territory);
    return new Set(this.cities.filter((c) => ids.has(c.id) || ids.has(c.provinceId) || ids.has(c.areaId)).map((c) => c.id));
  }

  private planDealers(reps: RepPlan[]): DealerPlan[] {
    const r = this.rand;
    const n = this.spec.dealers;
    const active = reps.filter((x) => x.active && x.cities.length > 0);
    const former = reps.filter((x) => !x.active);
    const repTable = new WeightedTable(active, (x) => x.cities.reduce((sum, c) => sum + c.weight, 0));
    const cityTables = new Map(active.map((x) => [x, new WeightedTable(x.cities, (c) => c.weight)]));
    // contract situations, dealt out at random: a handful expiring within 30 days, a few ended, some suspended
    const roles: Array<'expiring' | 'ended' | 'suspended' | 'normal'> = [];
    const expiring = Math.max(2, Math.round(n * 0.04));
    const ended = Math.max(1, Math.round(n * 0.04));
    const suspended = Math.max(1, Math.round(n * 0.04));
    for (let i = 0; i < n; i++)
      roles.push(i < expiring ? 'expiring' : i < expiring + ended ? 'ended' : i < expiring + ended + suspended ? 'suspended' : 'normal');
    const dealt = r.shuffle(roles);
    // tier 1 the fewest, tier 3 the most, in fixed shares
    const tier1 = Math.max(1, Math.round(n * 0.12));
    const tier2 = Math.round(n * 0.35);
    const tiers = r.shuffle(Array.from({ length: n }, (_x, i): DealerTier => (i < tier1 ? 1 : i < tier1 + tier2 ? 2 : 3)));
    // each rep's first dealer is still serving, so every rep's cities can be covered
    for (let i = 0; i < Math.min(active.length, n); i++) {
      if (dealt[i] !== 'ended') continue;
      const j = dealt.findIndex((role, k) => k >= active.length && role === 'normal');
      if (j >= 0) [dealt[i], dealt[j]] = [dealt[j]!, dealt[i]!];
    }
    const firstEnded = dealt.indexOf('ended');
    const dealers: DealerPlan[] = [];
    for (let i = 0; i < n; i++) {
      // every rep gets at least one dealer, then by the size of their market
      const rep = i < active.length ? active[i]! : repTable.pick(r);
      const home = cityTables.get(rep)!.pick(r);
      const tier = tiers[i]!;
      const channelType = r.weighted<ChannelType>(
        tier === 1
          ? [
              ['dealer', 50],
              ['agent', 45],
              ['direct', 5],
            ]
          : tier === 2
            ? [
                ['dealer', 50],
                ['distributor', 25],
                ['agent', 20],
                ['retail', 5],
              ]
            : [
                ['distributor', 40],
                ['dealer', 40],
                ['agent', 5],
                ['retail', 8],
                ['direct', 7],
              ],
      );
      const { name, shortName } = this.dealerName(channelType, home);
      const contactName = this.personName(r.chance(0.75));
      const territory = this.territoryFor(tier, rep, home);

      const role = dealt[i]!;
      const years = tier === 1 ? r.pick([1, 2, 2]) : r.pick([1, 1, 2]);
      const contractEnd =
        role === 'expiring'
          ? addDays(this.today, r.int(1, 28))
          : role === 'ended'
            ? addDays(this.today, -r.int(1, 150))
            : addDays(this.today, r.int(35, years * 365 - 3));
      const contractStart = addDays(addYears(contractEnd, -years), 1);
      let status: DealerStatus = 'active';
      let notes = r.chance(0.15) ? r.pick(words.dealerNotes.active) : '';
      if (role === 'suspended') {
        status = 'suspended';
        notes = r.pick(words.dealerNotes.suspended);
      } else if (role === 'ended') {
        const renewing = i !== firstEnded && r.chance(0.3);
        status = renewing ? 'active' : 'terminated';
        notes = r.pick(renewing ? words.dealerNotes.renewing : words.dealerNotes.terminated);
      }

      const depositYuan =
        channelType === 'direct' && r.chance(0.5)
          ? 0
          : (tier === 1 ? r.int(200, 500) : tier === 2 ? r.int(100, 300) : r.int(50, 150)) * 1000;
      const creditYuan = depositYuan > 0 ? Math.round((depositYuan * r.pick([1.5, 2, 3, 4])) / 10_000) * 10_000 : r.int(5, 20) * 10_000;
      const systemDays = Math.floor((this.nowMs - this.systemStartMs) / DAY);
      const sinceStart = daysBetween(contractStart, this.today);
      // a renewed contract: the dealer was on file before the current contract started
      const createdMs = this.businessTime(r.chance(0.4) ? r.int(sinceStart, systemDays) : Math.min(systemDays, sinceStart + r.int(0, 10)));
      const updatedMs =
        status === 'terminated'
          ? Math.max(createdMs, this.businessTime(Math.max(0, daysBetween(contractEnd, this.today) - r.int(1, 10))))
          : createdMs + Math.floor(r.float() * (this.nowMs - createdMs));
      dealers.push({
        name,
        shortName,
        channelType,
        tier,
        contactName,
        phone: r.chance(0.75) ? this.mobile() : this.landline(home.areaCode),
        address: this.dealerAddress(home),
        territory,
        covers: this.coveredCities(territory),
        contractStart,
        contractEnd,
        depositFen: depositYuan * 100,
        creditLimitFen: creditYuan * 100,
        // some ended dealers were looked after by reps who have since left
        rep: status === 'terminated' && former.length > 0 && r.chance(0.4) ? r.pick(former) : rep,
        status,
        notes,
        createdMs,
        updatedMs,
        id: 0,
        code: '',
      });
    }
    this.coverEveryCity(dealers);
    return dealers;
  }

  /** A city no serving dealer covers joins a dealer of the rep who owns it (else of a colleague in that province), three regions at most. */
  private coverEveryCity(dealers: DealerPlan[]): void {
    const serving = dealers.filter((d) => d.status !== 'terminated');
    const cityIds = new Set(this.cities.map((c) => c.id));
    for (const city of [...this.cities].sort((a, b) => b.weight - a.weight || a.id - b.id)) {
      if (serving.some((d) => d.covers.has(city.id))) continue;
      const extendable = serving.filter((d) => d.territory.length < 3);
      const owner = extendable.filter((d) => d.rep.cities.includes(city));
      const team = extendable.filter((d) => d.rep.cities.some((c) => c.provinceId === city.provinceId));
      const candidates = owner.length > 0 ? owner : team;
      if (candidates.length === 0) continue;
      // city-level dealers first, then the one with the fewest regions
      const rank = (d: DealerPlan) => (d.territory.every((id) => cityIds.has(id)) ? 0 : 10) + d.territory.length;
      const d = candidates.reduce((best, x) => (rank(x) < rank(best) ? x : best));
      d.territory.push(city.id);
      d.covers.add(city.id);
    }
  }

  private dealerAddress(city: City): string {
    const r = this.rand;
    const street = `${city.province.name}${city.name}${r.pick(words.roads)}${r.int(1, 999)}号`;
    return r.chance(0.4)
      ? street + r.pick([`${r.int(1, 6)}号仓库`, `物流园${r.int(1, 12)}栋`, `${r.int(1, 20)}幢${r.int(1, 3)}楼`])
      : street;
  }

  private insertDealers(dealers: DealerPlan[]): number {
    const insert = this.db.prepare(
      `insert into dealers (code, name, short_name, channel_type, tier, contact_name, phone, address, contract_start, contract_end,
         deposit_fen, credit_limit_fen, rep_id, status, notes, name_pinyin, search_text, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const link = this.db.prepare('insert into dealer_territories (dealer_id, region_id) values (?, ?)');
    let territories = 0;
    // codes follow the order dealers were entered
    const ordered = dealers.map((d, i) => ({ d, i })).sort((a, b) => a.d.createdMs - b.d.createdMs || a.i - b.i);
    ordered.forEach(({ d }, i) => {
      d.code = `D${String(i + 1).padStart(4, '0')}`;
      const derived = dealerDerived(d);
      d.id = Number(
        insert.run(
          d.code,
          d.name,
          d.shortName,
          d.channelType,
          d.tier,
          d.contactName,
          d.phone,
          d.address,
          d.contractStart,
          d.contractEnd,
          d.depositFen,
          d.creditLimitFen,
          d.rep.id,
          d.status,
          d.notes,
          derived.namePinyin,
          derived.searchText,
          this.iso(d.createdMs),
          this.iso(d.updatedMs),
        ).lastInsertRowid,
      );
      for (const regionId of d.territory) {
        link.run(d.id, regionId);
        territories++;
      }
    });
    return territories;
  }

  /** Shops mostly buy through a dealer authorised for their city; about 1% through one from outside (窜货 to be found later). */
  private linkDealers(customers: CustomerPlan[], dealers: DealerPlan[]): CustomerPlan[] {
    const r = this.rand;
    const serving = dealers.filter((d) => d.status !== 'terminated');
    const byCity = new Map(this.cities.map((c) => [c.id, serving.filter((d) => d.covers.has(c.id))]));
    const share: Record<CustomerType, number> = {
      terminal: 0.55,
      retail: 0.55,
      other: 0.3,
      wholesale: 0.1,
      enterprise: 0.1,
      institution: 0.05,
      dealer: 0,
    };
    for (const c of customers) {
      if (!r.chance(share[c.type])) continue;
      const options = byCity.get(c.city.id)!;
      if (options.length === 0) continue;
      c.dealer = r.weighted(
        options.map((d) => [d, (d.rep === c.rep ? 3 : 1) * (d.tier === 1 ? 1 : 2) * (d.status === 'suspended' ? 0.3 : 1)] as const),
      );
    }

    const wanted = Math.max(2, Math.round(customers.length * 0.01));
    const activeDealers = serving.filter((d) => d.status === 'active');
    const provincesOf = new Map(
      activeDealers.map((d) => [d, new Set(this.cities.filter((c) => d.covers.has(c.id)).map((c) => c.provinceId))]),
    );
    const planted: CustomerPlan[] = [];
    const pool = r.shuffle(
      customers.filter((c) => (c.type === 'retail' || c.type === 'terminal') && c.archivedMs === null && c.duplicateOf === null),
    );
    for (const c of pool) {
      if (planted.length >= wanted) break;
      const outside = activeDealers.filter((d) => !d.covers.has(c.city.id));
      // usually a dealer from a neighbouring city of the same province
      const near = outside.filter((d) => provincesOf.get(d)!.has(c.city.provinceId));
      const from = near.length > 0 ? near : outside;
      if (from.length === 0) continue;
      c.dealer = r.pick(from);
      planted.push(c);
    }
    return planted;
  }

  // ----- products -----

  private insertProducts(): { productCategories: number; products: number; leafNames: string[] } {
    const r = this.rand;
    const stamp = this.iso(this.systemStartMs);
    const insertCategory = this.db.prepare(
      `insert into product_categories (parent_id, name, level, path, sort_order, created_at, updated_at) values (?, ?, ?, '', ?, ?, ?)`,
    );
    const setPath = this.db.prepare('update product_categories set path = ? where id = ?');
    const leaves: Array<{ id: number; name: string; def: catalog.LeafDef; order: number }> = [];
    let categoryCount = 0;
    const addCategories = (defs: catalog.CategoryDef[], parent: { id: number; path: string; level: number } | null) => {
      defs.forEach((def, i) => {
        const level = parent ? parent.level + 1 : 1;
        const id = Number(insertCategory.run(parent?.id ?? null, def.name, level, i + 1, stamp, stamp).lastInsertRowid);
        const path = `${parent ? parent.path : '/'}${id}/`;
        setPath.run(path, id);
        categoryCount++;
        if (def.leaf) leaves.push({ id, name: def.name, def: def.leaf, order: leaves.length });
        if (def.children) addCategories(def.children, { id, path, level });
      });
    };
    addCategories(catalog.categoryTree, null);

    interface Combo {
      leaf: (typeof leaves)[number];
      brand: string;
      item: catalog.ItemDef;
      spec: catalog.SpecDef;
    }
    const perLeaf = leaves.map((leaf) =>
      r.shuffle(
        leaf.def.brands.flatMap((brand) =>
          leaf.def.items.flatMap((item) => (item.specs ?? leaf.def.specs).map((spec) => ({ leaf, brand, item, spec }))),
        ),
      ),
    );
    // one of every leaf first, then the rest at random
    const chosen: Combo[] = perLeaf.map((combos) => combos.shift()!);
    chosen.push(...r.shuffle(perLeaf.flat()).slice(0, Math.max(0, this.spec.products - chosen.length)));

    const brandFactor = new Map<string, number>();
    const systemDays = Math.floor((this.nowMs - this.systemStartMs) / DAY);
    const inactive = new Set(r.shuffle(chosen).slice(0, Math.round(chosen.length * 0.05)));
    const plans = chosen.map((p, index) => {
      const key = `${p.leaf.id}/${p.brand}`;
      if (!brandFactor.has(key)) brandFactor.set(key, 0.85 + r.float() * 0.4);
      const perUnit = (p.item.lo + (p.item.hi - p.item.lo) * r.float()) * brandFactor.get(key)!;
      const yuan = perUnit * p.spec.mult * (p.spec.mult > 1.5 ? 0.96 : 1);
      // list prices look like price tags: 0.5 元 steps when cheap, whole 元, then 10 元 steps
      const listFen = Math.max(
        100,
        yuan < 20 ? Math.round(yuan * 2) * 50 : yuan < 300 ? Math.round(yuan) * 100 : Math.round(yuan / 10) * 1000,
      );
      const costFen = Math.round((listFen * (10_000 - r.int(1000, 4000))) / 10_000);
      const dealerFen = Math.min(listFen, Math.ceil((costFen + (listFen - costFen) * (0.3 + r.float() * 0.25) + 1) / 10) * 10);
      const floorFen = Math.min(
        listFen,
        Math.max(dealerFen, Math.round((dealerFen + (listFen - dealerFen) * (0.3 + r.float() * 0.4)) / 10) * 10),
      );
      const isNew = r.chance(0.15);
      const createdMs = isNew ? this.businessTime(r.int(1, systemDays - 30)) : this.businessTime(systemDays - r.int(0, 20));
      const active = !inactive.has(p);
      let notes = '';
      if (!active) notes = r.pick(['已停产', '厂家停止供货', '包装换新，旧规格停售']);
      else if (this.nowMs - createdMs < 90 * DAY && r.chance(0.5)) notes = catalog.newProductNote;
      else if (r.chance(0.05)) notes = r.pick(catalog.productNotes);
      return {
        index,
        name: p.brand + p.item.name,
        spec: p.spec.spec,
        unit: p.spec.unit,
        categoryId: p.leaf.id,
        order: p.leaf.order,
        listFen,
        dealerFen,
        floorFen,
        costFen,
        active,
        notes,
        createdMs,
        updatedMs: active && r.chance(0.7) ? createdMs : createdMs + Math.floor(r.float() * (this.nowMs - createdMs)),
      };
    });
    // the catalogue was typed in at the start in category order; later additions follow by date
    plans.sort((a, b) => a.createdMs - b.createdMs || a.order - b.order || a.index - b.index);
    const insert = this.db.prepare(
      `insert into products (sku, name, spec, category_id, unit, list_price_fen, dealer_price_fen, floor_price_fen, cost_fen, active, notes,
         name_pinyin, search_text, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    plans.forEach((p, i) => {
      const sku = `P${String(i + 1).padStart(5, '0')}`;
      const derived = productDerived({ sku, name: p.name, spec: p.spec });
      insert.run(
        sku,
        p.name,
        p.spec,
        p.categoryId,
        p.unit,
        p.listFen,
        p.dealerFen,
        p.floorFen,
        p.costFen,
        p.active ? 1 : 0,
        p.notes,
        derived.namePinyin,
        derived.searchText,
        this.iso(p.createdMs),
        this.iso(p.updatedMs),
      );
    });
    return { productCategories: categoryCount, products: plans.length, leafNames: leaves.map((l) => l.name) };
  }

  // ----- customer cards -----

  private fill(template: string, values: Record<string, () => string>): string {
    return template.replace(/\{(\w+)\}/g, (_m, key: string) => values[key]?.() ?? '');
  }

  private insertStrategyCards(customers: CustomerPlan[], categoryNames: string[]): { strategyCards: number; strategyActions: number } {
    const r = this.rand;
    const share: Record<CustomerGrade, number> = { A: 0.6, B: 0.3, C: 0.08, D: 0.02 };
    const amount: Record<CustomerGrade, [number, number]> = { A: [5, 30], B: [2, 10], C: [1, 5], D: [1, 2] };
    const insertCard = this.db.prepare(
      `insert into strategy_cards (customer_id, goals, approach, decision_makers, competitors, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertAction = this.db.prepare(
      `insert into strategy_actions (customer_id, due_date, action, owner, done, done_at, sort_order) values (?, ?, ?, ?, ?, ?, ?)`,
    );
    let cards = 0;
    let actions = 0;
    for (const c of customers) {
      if (c.archivedMs !== null || c.duplicateOf !== null || !r.chance(share[c.grade])) continue;
      const category = r.pick(categoryNames);
      const values: Record<string, () => string> = {
        amt: () => String(r.int(...amount[c.grade])),
        n: () => String(r.int(2, 6)),
        pct: () => String(r.pick([10, 15, 20, 30])),
        days: () => String(r.pick([15, 30, 45])),
        cat: () => category,
        c: () => c.city.prefix,
        b: () => this.brand(),
        contact: () => c.contacts[0]?.name ?? '老板',
      };
      const stage =
        c.lifecycle === 'prospect' ? 'prospect' : c.lifecycle === 'lost' ? 'lost' : c.lifecycle === 'loyal' ? 'loyal' : 'growing';
      const goals = r
        .shuffle(words.strategyGoals[stage])
        .slice(0, r.int(1, 2))
        .map((t) => this.fill(t, values))
        .join('；');
      const approach = r
        .shuffle(words.strategyApproaches)
        .slice(0, r.int(2, 3))
        .map((t) => this.fill(t, values))
        .join('；');
      const decisionMakers = c.contacts
        .slice(0, 3)
        .map((k) => `${k.name}（${k.title}）`)
        .join('、');
      const competitors = r
        .shuffle(words.competitorTemplates)
        .slice(0, r.int(1, 2))
        .map((t) => this.fill(t, values))
        .join('、');

      // next actions around today, never due before the customer was on file
      const created = localDate(c.createdMs);
      const earliest = Math.max(-30, daysBetween(this.today, created) + 1);
      const dues = Array.from(
        {
          length: r.weighted([
            [1, 30],
            [2, 35],
            [3, 25],
            [4, 10],
          ] as const),
        },
        () => addDays(this.today, r.int(Math.min(earliest, 30), 30)),
      ).sort();
      const templates = r.shuffle(words.strategyActionTemplates);
      let lastMs = c.createdMs;
      const rows = dues.map((due, i) => {
        const overdue = due < this.today;
        const done = overdue ? r.chance(0.75) : r.chance(0.1);
        let doneMs: number | null = null;
        if (done) {
          const day = overdue ? addDays(due, r.int(-3, 2)) : addDays(this.today, -r.int(0, 5));
          const clamped = day > this.today ? this.today : day < created ? created : day;
          doneMs = Math.max(c.createdMs, this.onDate(clamped));
          lastMs = Math.max(lastMs, doneMs);
        }
        return { due, action: this.fill(templates[i % templates.length]!, values), owner: r.chance(0.85) ? c.rep.name : '内勤', doneMs };
      });
      const updatedMs = Math.max(lastMs, this.onDate(addDays(this.today, -r.int(0, Math.min(30, Math.max(0, -earliest))))));
      insertCard.run(c.id, goals, approach, decisionMakers, competitors, this.iso(Math.min(updatedMs, this.nowMs - 60_000)), '管理员');
      rows.forEach((a, i) => {
        insertAction.run(c.id, a.due, a.action, a.owner, a.doneMs === null ? 0 : 1, a.doneMs === null ? null : this.iso(a.doneMs), i);
        actions++;
      });
      cards++;
    }
    return { strategyCards: cards, strategyActions: actions };
  }

  private insertEvaluations(customers: CustomerPlan[]): number {
    const r = this.rand;
    const share: Record<CustomerGrade, number> = { A: 0.55, B: 0.4, C: 0.2, D: 0.12 };
    const base: Record<CustomerGrade, number> = { A: 4.4, B: 3.7, C: 3.0, D: 2.2 };
    const thisMonth = this.today.slice(0, 7);
    const insert = this.db.prepare(
      `insert into monthly_evaluations (customer_id, month, purchase_score, payment_score, cooperation_score, potential_score, comment, evaluator,
         created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const score = (x: number) => Math.min(5, Math.max(1, Math.round(x)));
    let count = 0;
    for (const c of customers) {
      if (c.archivedMs !== null || c.duplicateOf !== null || c.lifecycle === 'prospect' || !r.chance(share[c.grade])) continue;
      // evaluations are written at month end: last month, sometimes this month late in the month
      const latest = Number(this.today.slice(8)) >= 25 && r.chance(0.3) ? thisMonth : addMonths(thisMonth, -1);
      const firstMonth = localDate(c.createdMs).slice(0, 7);
      const months = Array.from({ length: r.int(1, 6) }, (_x, i) => addMonths(latest, -i)).filter((m) => m >= firstMonth);
      const level = base[c.grade] + (r.float() - 0.5) * 0.8;
      const slowPayer = c.tags.includes('回款慢') ? -1.3 : 0;
      const potential = c.lifecycle === 'first' ? 0.6 : c.lifecycle === 'lost' ? -1 : 0;
      const loyalty = c.lifecycle === 'loyal' ? 0.4 : c.lifecycle === 'lost' ? -0.8 : 0;
      const evaluator = r.chance(0.75) ? c.rep.name : '管理员';
      for (const [age, month] of months.entries()) {
        const noise = () => (r.float() - 0.5) * 1.2;
        // lost customers were better a few months ago
        const trend = c.lifecycle === 'lost' ? age * 0.3 : 0;
        const scores = [
          score(level + trend + noise()),
          score(level + slowPayer + noise()),
          score(level + loyalty + trend + noise()),
          score(level + potential + noise()),
        ] as const;
        const mean = (scores[0] + scores[1] + scores[2] + scores[3]) / 4;
        const comment = r.chance(0.1) ? '' : r.pick(words.evaluationComments[mean >= 4 ? 'high' : mean >= 2.75 ? 'mid' : 'low']);
        const written = addDays(`${addMonths(month, 1)}-01`, r.int(-1, 4));
        const at = this.iso(Math.max(c.createdMs, this.onDate(written > this.today ? this.today : written)));
        insert.run(c.id, month, ...scores, comment, evaluator, at, at);
        count++;
      }
    }
    return count;
  }
}
