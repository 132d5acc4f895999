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
      })
      .strict(),
    output: settingsOutput,
  },
} as const;
