// Column helpers shared by the modules' drizzle schemas (each module keeps its tables in its own schema.ts).
import { integer, text } from 'drizzle-orm/sqlite-core';

export const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

/**
 * The signature of a daily form (plan or report): who signed, when, with what comment, and the SHA-256 of the form's
 * canonical content at signing. Returned and unsigned states keep their own comment/reason.
 */
export const signColumns = {
  state: text('state').notNull().default('draft'),
  submittedAt: text('submitted_at'),
  signedByOperatorId: integer('signed_by_operator_id'),
  signedByName: text('signed_by_name'),
  signedAt: text('signed_at'),
  signComment: text('sign_comment').notNull().default(''),
  contentHash: text('content_hash'),
  returnComment: text('return_comment').notNull().default(''),
};
