// A dealer's own trading account: the customer record (type 经销商) that its purchases are billed to, so a dealer owes,
// ages and gets statements like any customer. Saving a dealer creates it (or links a customer of exactly the same name)
// and keeps its name, phone, address, credit limit and rep in step; dealers saved before this existed (or written in
// bulk by an import or the demo) get theirs at start-up (ensureDealerAccounts).
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import { prepared } from '../../db/sql';
import { recordAudits, type AuditRecord } from '../audit/audit';
import { customerDerived, nextCustomerCode } from '../customers/customers';

interface DealerFacts {
  id: number;
  name: string;
  shortName: string;
  phone: string;
  address: string;
  creditLimitFen: number;
  repId: number | null;
}

interface AccountFacts {
  id: number;
  code: string;
  name: string;
  shortName: string;
  type: string;
  phone: string;
  address: string;
  creditLimitFen: number;
  repId: number | null;
}

const accountColumns = `c.id, c.code, c.name, c.short_name as shortName, c.type, c.phone, c.address, c.credit_limit_fen as creditLimitFen, c.rep_id as repId`;

/** The customer id of a dealer's trading account (null before it has one). */
export function dealerAccountId(ctx: Ctx, dealerId: number): number | null {
  return (
    (prepared(ctx.db, 'select customer_id from dealer_accounts where dealer_id = ?').pluck().get(dealerId) as number | undefined) ?? null
  );
}

/** What the audit log keeps of the account's fields that follow the dealer. */
const tracked = (a: Pick<AccountFacts, 'name' | 'type' | 'phone' | 'address' | 'creditLimitFen' | 'repId'>) => ({
  name: a.name,
  type: a.type,
  phone: a.phone,
  address: a.address,
  creditLimitFen: a.creditLimitFen,
  repId: a.repId,
});

/** Creates, links or updates one dealer's account; returns the customer id and what the audit log should record. */
function syncOne(ctx: Ctx, d: DealerFacts): { customerId: number; audit: AuditRecord | null } {
  const linkedId = dealerAccountId(ctx, d.id);
  let account =
    linkedId === null
      ? undefined
      : (prepared(ctx.db, `select ${accountColumns} from customers c where c.id = ?`).get(linkedId) as AccountFacts | undefined);
  if (!account) {
    // a customer record of exactly the dealer's name that no other dealer owns is the same party: link it
    account = prepared(
      ctx.db,
      `select ${accountColumns} from customers c where c.name = ? and c.merged_into_id is null
         and not exists (select 1 from dealer_accounts a where a.customer_id = c.id) order by c.archived, c.id limit 1`,
    ).get(d.name) as AccountFacts | undefined;
    if (account) prepared(ctx.db, 'insert into dealer_accounts (dealer_id, customer_id) values (?, ?)').run(d.id, account.id);
  }
  const now = nowIso(ctx);
  if (!account) {
    const code = nextCustomerCode(ctx);
    const derived = customerDerived({ code, name: d.name, shortName: d.shortName, phone: d.phone, contacts: [] });
    const id = Number(
      prepared(
        ctx.db,
        `insert into customers (code, name, short_name, type, address, phone, rep_id, grade, lifecycle, credit_limit_fen, payment_term_days,
           name_pinyin, search_text, name_key, phone_digits, created_at, updated_at)
         values (@code, @name, @shortName, 'dealer', @address, @phone, @repId, 'B', 'repeat', @creditLimitFen, 30,
           @namePinyin, @searchText, @nameKey, @phoneDigits, @now, @now)`,
      ).run({
        code,
        name: d.name,
        shortName: d.shortName,
        address: d.address,
        phone: d.phone,
        repId: d.repId,
        creditLimitFen: d.creditLimitFen,
        ...derived,
        now,
      }).lastInsertRowid,
    );
    prepared(ctx.db, 'insert into dealer_accounts (dealer_id, customer_id) values (?, ?)').run(d.id, id);
    const after = { name: d.name, type: 'dealer', phone: d.phone, address: d.address, creditLimitFen: d.creditLimitFen, repId: d.repId };
    return { customerId: id, audit: { action: 'create', entity: 'customer', entityId: id, after: { code, ...after, dealerId: d.id } } };
  }
  const want = { name: d.name, type: 'dealer', phone: d.phone, address: d.address, creditLimitFen: d.creditLimitFen, repId: d.repId };
  const before = tracked(account);
  if (JSON.stringify(before) === JSON.stringify(want)) return { customerId: account.id, audit: null };
  const contacts = prepared(ctx.db, 'select name, phone from contacts where customer_id = ?').all(account.id) as Array<{
    name: string;
    phone: string;
  }>;
  const derived = customerDerived({ code: account.code, name: d.name, shortName: account.shortName, phone: d.phone, contacts });
  prepared(
    ctx.db,
    `update customers set name = @name, type = 'dealer', phone = @phone, address = @address, credit_limit_fen = @creditLimitFen, rep_id = @repId,
       name_pinyin = @namePinyin, search_text = @searchText, name_key = @nameKey, phone_digits = @phoneDigits, updated_at = @now
     where id = @id`,
  ).run({ ...want, ...derived, now, id: account.id });
  return {
    customerId: account.id,
    audit: { action: 'update', entity: 'customer', entityId: account.id, before, after: { ...want, dealerId: d.id } },
  };
}

const dealerFactsSql = `select id, name, short_name as shortName, phone, address, credit_limit_fen as creditLimitFen, rep_id as repId from dealers`;

/** Called by dealers.save inside its transaction: the dealer's account, created, linked or brought in step. */
export function syncDealerAccount(ctx: Ctx, dealerId: number): number {
  const d = prepared(ctx.db, `${dealerFactsSql} where id = ?`).get(dealerId) as DealerFacts;
  const { customerId, audit } = syncOne(ctx, d);
  if (audit) recordAudits(ctx, [audit]);
  return customerId;
}

/** Start-up: every dealer without an account gets one (a no-op once all have one). Returns how many were made. */
export function ensureDealerAccounts(ctx: Ctx): number {
  const missing = prepared(
    ctx.db,
    `${dealerFactsSql} where id not in (select dealer_id from dealer_accounts) order by id`,
  ).all() as DealerFacts[];
  if (missing.length === 0) return 0;
  ctx.db.transaction(() => {
    const audits = missing.map((d) => syncOne(ctx, d).audit).filter((a): a is AuditRecord => a !== null);
    recordAudits(ctx, audits);
  })();
  return missing.length;
}
