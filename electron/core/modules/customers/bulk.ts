// Many new customers in the caller's transaction (the Excel import): saveCustomer's rows, derived columns and audit
// entry, without its per-call lookups and without a savepoint per record — 50,000 rows must fit in seconds.
import type { Ctx } from '../../context';
import { nowIso } from '../../context';
import type { CustomerDetail, ParsedInput } from '../../../../shared/contract';
import { prepared } from '../../db/sql';
import { recordAudit } from '../audit/audit';
import { customerDerived } from './customers';

type SaveInput = ParsedInput<'customers.save'>;

/** Names the caller already holds for the audit entry (what getCustomer would join). */
export interface CustomerNames {
  regionPath(regionId: number): string[];
  repName(repId: number): string | null;
  dealerName(dealerId: number): string | null;
}

const insertSql = `insert into customers (code, name, short_name, type, region_id, address, phone, industry, scale, source, rep_id, dealer_id,
    grade, lifecycle, credit_limit_fen, payment_term_days, tags, notes, name_pinyin, search_text, name_key, phone_digits, created_at, updated_at)
  values (@code, @name, @shortName, @type, @regionId, @address, @phone, @industry, @scale, @source, @repId, @dealerId, @grade, @lifecycle,
    @creditLimitFen, @paymentTermDays, @tags, @notes, @namePinyin, @searchText, @nameKey, @phoneDigits, @now, @now)`;

/**
 * Returns an insert for new customers whose references and code the caller has already checked (regions, reps and
 * dealers exist; the code is free). Must run inside a transaction: a failing customer row writes nothing (one
 * statement); a failure after it (contacts, tags, audit) throws a plain Error so the caller's whole transaction ends.
 */
export function customerInserter(ctx: Ctx, names: CustomerNames): (c: SaveInput & { code: string }) => { id: number; code: string } {
  if (!ctx.db.inTransaction) throw new Error('customerInserter: 须在事务中调用 / must run inside a transaction');
  const insertCustomer = prepared(ctx.db, insertSql);
  const insertContact = prepared(
    ctx.db,
    'insert into contacts (customer_id, name, title, phone, email, wechat, is_primary, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertTag = prepared(ctx.db, 'insert into customer_tags (customer_id, tag) values (?, ?)');

  return (c) => {
    const code = c.code;
    const primaries = c.contacts.filter((k) => k.isPrimary).length;
    const contacts = c.contacts.map((k, i) => ({ ...k, isPrimary: primaries === 0 ? i === 0 : k.isPrimary }));
    const tags = [...new Set(c.tags)];
    const now = nowIso(ctx);
    const id = Number(
      insertCustomer.run({
        code,
        name: c.name,
        shortName: c.shortName,
        type: c.type,
        regionId: c.regionId,
        address: c.address,
        phone: c.phone,
        industry: c.industry,
        scale: c.scale,
        source: c.source,
        repId: c.repId,
        dealerId: c.dealerId,
        grade: c.grade,
        lifecycle: c.lifecycle,
        creditLimitFen: c.creditLimitFen,
        paymentTermDays: c.paymentTermDays,
        tags: JSON.stringify(tags),
        notes: c.notes,
        ...customerDerived({ ...c, code, contacts }),
        now,
      }).lastInsertRowid,
    );
    try {
      const savedContacts = contacts.map((k, i) => ({
        id: Number(insertContact.run(id, k.name, k.title, k.phone, k.email, k.wechat, k.isPrimary ? 1 : 0, i).lastInsertRowid),
        name: k.name,
        title: k.title,
        phone: k.phone,
        email: k.email,
        wechat: k.wechat,
        isPrimary: k.isPrimary,
      }));
      for (const tag of tags) insertTag.run(id, tag);
      // the shape saveCustomer logs (getCustomer of the new record), built from what was just written
      const after: CustomerDetail = {
        id,
        code,
        name: c.name,
        shortName: c.shortName,
        type: c.type,
        regionId: c.regionId,
        regionPath: c.regionId === null ? [] : names.regionPath(c.regionId),
        address: c.address,
        phone: c.phone,
        industry: c.industry,
        scale: c.scale,
        source: c.source,
        repId: c.repId,
        repName: c.repId === null ? null : names.repName(c.repId),
        dealerId: c.dealerId,
        dealerName: c.dealerId === null ? null : names.dealerName(c.dealerId),
        grade: c.grade,
        lifecycle: c.lifecycle,
        creditLimitFen: c.creditLimitFen,
        paymentTermDays: c.paymentTermDays,
        tags,
        notes: c.notes,
        mergedIntoId: null,
        archived: false,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
        contacts: savedContacts,
      };
      recordAudit(ctx, { action: 'create', entity: 'customer', entityId: id, after });
    } catch (err) {
      // the customer row is already written: this record cannot be skipped alone, so the import must not go on
      throw new Error(`写入客户「${c.name}」的联系人、标签或日志失败：${err instanceof Error ? err.message : String(err)}`);
    }
    return { id, code };
  };
}
