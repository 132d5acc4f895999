// The pieces both daily forms (拜访计划 and 销售报告) share: the signature and its state changes.
import { z } from 'zod';
import { idSchema, requiredText, text } from './common';
import { formStates } from '../domain/dailyForms';

/** The signature part of a form as every screen and print shows it. */
export const signatureFields = {
  state: z.enum(formStates),
  submittedAt: z.string().nullable(),
  /** a draft sent back by the supervisor: the comment stays until the next submit */
  returned: z.boolean(),
  returnComment: z.string(),
  signedByOperatorId: z.int().nullable(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
  signComment: z.string(),
  /** SHA-256 (hex) of the form's canonical content at signing; the print shows its first 8 digits */
  contentHash: z.string().nullable(),
};

export const formStateInputs = {
  submit: z.object({ id: idSchema }).strict(),
  return: z.object({ id: idSchema, comment: requiredText(200) }).strict(),
  sign: z.object({ id: idSchema, password: z.string().min(1, '请输入密码').max(200), comment: text(200).optional() }).strict(),
  unsign: z.object({ id: idSchema, password: z.string().min(1, '请输入密码').max(200), reason: requiredText(200) }).strict(),
};

export const formListRow = z.object({
  id: z.int(),
  repId: z.int(),
  repName: z.string(),
  teamName: z.string().nullable(),
  date: z.string(),
  state: z.enum(formStates),
  returned: z.boolean(),
  /** lines on the form (planned visits, or visits reported) */
  visits: z.int(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type FormListRow = z.infer<typeof formListRow>;
