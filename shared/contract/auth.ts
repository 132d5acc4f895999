// Sign-in: sessions belong to the caller (a tab, a window), never to the core. Every later call carries the token.
import { z } from 'zod';
import { operatorRoles } from '../domain/dailyForms';
import { noInput, requiredText } from './common';

/** Operator names: 1–20 characters, no leading/trailing spaces. */
export const operatorName = requiredText(20);
/** Passwords are kept as typed (spaces count); at least 6 characters. */
export const passwordSchema = z.string().min(6, '至少 6 个字符').max(100);
/** A password typed to prove who you are (sign-in, signing a form): any non-empty text; the hash decides. */
export const givenPassword = z.string().min(1, '不能为空').max(100);
/** The admin's recovery code as typed: spaces and dashes are ignored. */
export const recoveryCodeSchema = z.string().trim().min(1, '不能为空').max(60);

export const sessionOperator = z.object({
  id: z.int(),
  name: z.string(),
  role: z.enum(operatorRoles),
  /** the rep record a supervisor is linked to */
  repId: z.int().nullable(),
  repName: z.string().nullable(),
  hasSignature: z.boolean(),
});
export type SessionOperator = z.infer<typeof sessionOperator>;

export const signedIn = z.object({
  /** 32 random bytes, base64url. In Electron the main process keeps it and the page gets '' instead. */
  session: z.string(),
  operator: sessionOperator,
  /** minutes without a call after which the session ends */
  idleMinutes: z.int(),
});

/** Answers that start a session: a host that keeps sessions itself (Electron main) takes the token out of these. */
export const sessionIssuingMethods = ['auth.signIn', 'auth.setupAdmin', 'auth.recover', 'settings.initialize'] as const;

export const authMethods = {
  'auth.signIn': {
    input: z.object({ name: operatorName, password: givenPassword }).strict(),
    output: signedIn,
  },
  /** Ends the caller's session; without one it does nothing. */
  'auth.signOut': { input: noInput(), output: z.object({ ok: z.literal(true) }) },
  /** Who the caller's session acts as; null when it has none (or it ended). */
  'auth.me': { input: noInput(), output: signedIn.omit({ session: true }).nullable() },
  'auth.changePassword': {
    input: z.object({ oldPassword: givenPassword, newPassword: passwordSchema }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /** An admin who forgot the password: the one-time recovery code sets a new one, signs in and issues a new code. */
  'auth.recover': {
    input: z.object({ name: operatorName, recoveryCode: recoveryCodeSchema, newPassword: passwordSchema }).strict(),
    output: signedIn.extend({ recoveryCode: z.string() }),
  },
  /** A database from before operators existed: its first admin, allowed only while there is no operator at all. */
  'auth.setupAdmin': {
    input: z.object({ name: operatorName, password: passwordSchema }).strict(),
    output: signedIn.extend({ recoveryCode: z.string() }),
  },
} as const;
