// The demo company: a realistic, deterministic (seeded) Chinese distributor — region tree, teams, reps, customers with contacts.
// Rows go in through prepared statements inside one transaction; derived search columns come from the same code the UI path uses.
import type { CustomerGrade, CustomerScale, CustomerSource, CustomerType, Lifecycle } from '../../../shared/domain/customer';
import type { DB } from '../db/connection';
import { customerDerived } from '../modules/customers/customers';
import { nameKey, pinyinFull, pinyinInitials } from '../text';
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

export interface DemoResult {
  customers: number;
  reps: number;
  regions: number;
  teams: number;
  contacts: number;
  customerTags: number;
  archived: number;
  duplicates: DemoDuplicate[];
}

interface ScaleSpec {
  customers: number;
  activeReps: number;
  inactiveReps: number;
  teams: words.TeamDef[];
}

const scales: Record<DemoScale, ScaleSpec> = {
  small: { customers: 300, activeReps: 8, inactiveReps: 0, teams: words.smallTeams },
  large: { customers: 20_000, activeReps: 48, inactiveReps: 2, teams: words.largeTeams },
};

const DAY = 86_400_000;
const YEAR = 365 * DAY;

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
    // frequent surnames (王, 李, 张…) much more often than rare ones
    this.surnameTable = new WeightedTable(words.surnames, (_s, i) => 1 / (i + 8));
  }

  run(): DemoResult {
    this.assertEmpty();
    this.insertRegions();
    const teams = this.insertTeams();
    const reps = this.insertReps(teams);
    const customers = this.planCustomers(reps);
    const { contacts, customerTags, archived } = this.insertCustomers(customers);
    const duplicates = customers
      .filter((c) => c.duplicateOf !== null)
      .map((c) => ({ code: c.code, duplicateOf: c.duplicateOf!.code, reason: c.duplicateReason! }));
    const result: DemoResult = {
      customers: customers.length,
      reps: reps.length,
      regions: this.regionCount,
      teams: teams.length,
      contacts,
      customerTags,
      archived,
      duplicates,
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
      }),
    );
    return result;
  }

  private assertEmpty(): void {
    const row = this.db
      .prepare(
        `select (select count(*) from regions) + (select count(*) from teams) + (select count(*) from reps)
                + (select count(*) from customers) as n`,
      )
      .get() as { n: number };
    if (row.n > 0) throw new Error('演示数据只能载入空数据库 / demo data can only be loaded into an empty database');
  }

  private iso(ms: number): string {
    return new Date(ms).toISOString();
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
        code: '',
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
      code: '',
    };
    dup.contacts = this.contactsFor(dup);
    return dup;
  }

  private insertCustomers(customers: CustomerPlan[]): { contacts: number; customerTags: number; archived: number } {
    // codes follow the order customers were entered
    const ordered = customers.map((c, i) => ({ c, i })).sort((a, b) => a.c.createdMs - b.c.createdMs || a.i - b.i);
    const insert = this.db.prepare(
      `insert into customers (code, name, short_name, type, region_id, address, phone, industry, scale, source, rep_id, grade, lifecycle,
         credit_limit_fen, payment_term_days, tags, notes, archived, archived_at, name_pinyin, search_text, name_key, phone_digits,
         created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
}
