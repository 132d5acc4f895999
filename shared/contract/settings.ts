// Settings: company name, UI language, and first-run initialisation.
import { z } from 'zod';
import { noInput, phoneSchema, requiredText, text } from './common';
import { operatorName, passwordSchema, signedIn } from './auth';
import { bucketEdgesSchema } from './receivables';
import { creditControlModes } from '../domain/money';

/** Days overdue beyond which credit control stops an order (the N). */
export const overdueDaysSchema = z.int().min(1).max(3650);
export const DEFAULT_OVERDUE_DAYS = 90;

/** Minutes without a call after which a session ends (the renderer also signs out after that long idle). */
export const idleMinutesSchema = z.int().min(1).max(1440);
export const DEFAULT_IDLE_MINUTES = 30;

/** 目标达成: a unit behind the time progress by at most this many bp of achievement is still 正常 (on track). */
export const trackingToleranceSchema = z.int().min(0).max(10_000);
export const DEFAULT_TRACKING_TOLERANCE_BP = 500;

/** 客户自动评级: A / B / C end where the cumulative share of the last 12 months' net sales reaches these bp (ascending). */
export const abcCutoffsSchema = z
  .tuple([z.int().min(1).max(10_000), z.int().min(1).max(10_000), z.int().min(1).max(10_000)])
  .refine(([a, b, c]) => a < b && b < c, 'A、B、C 的累计占比应逐级增大（如 70% / 90% / 98%）');
export const DEFAULT_ABC_CUTOFFS_BP: readonly [number, number, number] = [7000, 9000, 9800];
/** 生命周期: a customer whose last purchase is this many days old (or older) is 流失 (lost). */
export const lifecycleLostDaysSchema = z.int().min(1).max(3650);
export const DEFAULT_LIFECYCLE_LOST_DAYS = 180;
/** 商机: each open stage's default probability in bp (a move takes it unless the opportunity's was typed by hand). */
const stageBp = z.int().min(0, '不能小于 0%').max(10_000, '不能大于 100%');
export const stageProbabilitySchema = z
  .object({ identify: stageBp, contact: stageBp, needs: stageBp, demo: stageBp, quote: stageBp, negotiate: stageBp })
  .strict();

const settingsOutput = z.object({
  initialized: z.boolean(),
  companyName: z.string(),
  /** the company's phone and address: the contact line of the customer statement (empty when not set) */
  companyPhone: z.string(),
  companyAddress: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  schemaVersion: z.int(),
  databasePath: z.string(),
  /** initialised but no operator yet (a database from before sign-in existed): the app asks for an admin first */
  needsAdmin: z.boolean(),
  idleMinutes: z.int(),
  /** credit control when posting an order: warn (post and show the figures) or block (a manager's override needed) */
  creditControlMode: z.enum(creditControlModes),
  /** receivables overdue by more than this many days stop an order (credit control) */
  overdueDays: z.int(),
  /** the aging buckets' edges in days overdue, ascending */
  agingBucketEdges: z.array(z.int()),
  /** 目标达成: behind the time progress by at most this many bp is still on track (default 500 = 5 points) */
  trackingToleranceBp: z.int(),
  /** 客户自动评级 cut-offs of cumulative net sales in bp (default 7000 / 9000 / 9800) */
  abcCutoffsBp: z.array(z.int()),
  /** 生命周期: days without a purchase after which a customer is 流失 (default 180) */
  lifecycleLostDays: z.int(),
  /** 商机: the open stages' default probabilities in bp (10 / 20 / 30 / 50 / 60 / 80 % unless set) */
  stageProbabilityBp: stageProbabilitySchema,
});

export const settingsMethods = {
  'settings.get': { input: noInput(), output: settingsOutput },
  'settings.initialize': {
    input: z
      .object({
        companyName: requiredText(60),
        loadDemo: z.boolean().default(false),
        admin: z.object({ name: operatorName, password: passwordSchema }).strict(),
      })
      .strict(),
    // the first admin is signed in at once; the recovery code is shown this one time only
    output: settingsOutput.extend({ recoveryCode: z.string(), ...signedIn.shape }),
  },
  'settings.save': {
    // any operator may switch the language; the company's name, phone and address and the idle time are the admin's
    input: z
      .object({
        companyName: requiredText(60).optional(),
        companyPhone: phoneSchema.optional(),
        companyAddress: text(200).optional(),
        locale: z.enum(['zh-CN', 'en']).optional(),
        idleMinutes: idleMinutesSchema.optional(),
        // the money settings: a manager's or an admin's
        creditControlMode: z.enum(creditControlModes).optional(),
        overdueDays: overdueDaysSchema.optional(),
        agingBucketEdges: bucketEdgesSchema.optional(),
        trackingToleranceBp: trackingToleranceSchema.optional(),
        // the customer rules (grading cut-offs, lost after N days): a manager's or an admin's
        abcCutoffsBp: abcCutoffsSchema.optional(),
        lifecycleLostDays: lifecycleLostDaysSchema.optional(),
        stageProbabilityBp: stageProbabilitySchema.optional(),
      })
      .strict(),
    output: settingsOutput,
  },
} as const;
