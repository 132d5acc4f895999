// Dealers and channels (经销商): channel type, tier, authorised territory, contract dates, deposit, credit.
import { z } from 'zod';
import { channelTypes, dealerStatuses } from '../domain/dealer';
import { codeText, dateSchema, fenSchema, idSchema, pageInput, phoneSchema, requiredText, savedId, sortInput, text } from './common';
import { dealerSortFields } from './sortFields';

export { dealerSortFields };

const dealerTier = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** The list filters, shared by `dealers.list` and the dealers export. */
export const dealerFilters = {
  sort: sortInput(dealerSortFields),
  channelType: z.array(z.enum(channelTypes)).max(channelTypes.length).optional(),
  status: z.array(z.enum(dealerStatuses)).max(dealerStatuses.length).optional(),
  tier: z.array(dealerTier).max(3).optional(),
  regionId: idSchema.optional(), // dealers authorised for this region: territory is the region, an ancestor, or inside it
  repId: idSchema.optional(),
  expiringOnly: z.boolean().default(false), // contract ends within CONTRACT_EXPIRY_WARNING_DAYS days
};
const dealerListRow = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  channelType: z.enum(channelTypes),
  tier: dealerTier,
  contactName: z.string(),
  phone: z.string(),
  territoryIds: z.array(z.int()),
  territoryNames: z.array(z.string()),
  /** each territory's names from the root, in the order of territoryIds */
  territoryPaths: z.array(z.array(z.string())),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  contractDaysLeft: z.int().nullable(), // negative once the contract has ended
  depositFen: z.int(),
  creditLimitFen: z.int(),
  repId: z.int().nullable(),
  repName: z.string().nullable(),
  status: z.enum(dealerStatuses),
  customerCount: z.int(),
  updatedAt: z.string(),
});
export type DealerListRow = z.infer<typeof dealerListRow>;
const dealerDetail = dealerListRow.extend({
  address: z.string(),
  notes: z.string(),
  territories: z.array(z.object({ id: z.int(), name: z.string(), path: z.array(z.string()) })),
  createdAt: z.string(),
  /** the dealer's own trading account: the customer record (type 经销商) its purchases are billed to */
  accountCustomerId: z.int().nullable(),
});
export type DealerDetail = z.infer<typeof dealerDetail>;
const dealerFields = {
  code: codeText(30),
  name: requiredText(100),
  shortName: text(40).default(''),
  channelType: z.enum(channelTypes).default('dealer'),
  tier: dealerTier.default(1),
  contactName: text(40).default(''),
  phone: phoneSchema.default(''),
  address: text(200).default(''),
  territoryRegionIds: z.array(idSchema).max(100).default([]),
  contractStart: dateSchema.nullable().default(null),
  contractEnd: dateSchema.nullable().default(null),
  depositFen: fenSchema.default(0),
  creditLimitFen: fenSchema.default(0),
  repId: idSchema.nullable().default(null),
  status: z.enum(dealerStatuses).default('active'),
  notes: text(2000).default(''),
};

export const dealerMethods = {
  'dealers.list': {
    input: z
      .object({
        ...pageInput,
        ...dealerFilters,
      })
      .strict(),
    output: z.object({ rows: z.array(dealerListRow), total: z.int() }),
  },
  'dealers.get': { input: z.object({ id: idSchema }).strict(), output: dealerDetail },
  'dealers.save': { input: z.object({ id: idSchema.optional(), ...dealerFields }).strict(), output: savedId },
} as const;
