// Excel import: templates, a dry run that shows every row's errors, and a one-transaction commit.
import { z } from 'zod';
import { importEntities } from '../domain/importExport';
import { fileBase64Schema, fileOutput, requiredText } from './common';

const fileInput = {
  fileName: requiredText(200),
  base64: fileBase64Schema, // the core enforces the configured byte cap
};
const columnMapping = z.array(z.object({ header: z.string().max(100), field: z.string().max(40).nullable() }).strict()).max(200);
const importInput = {
  entity: z.enum(importEntities),
  ...fileInput,
  mapping: columnMapping.optional(), // absent: headers are matched to fields by name
  mode: z.enum(['skip', 'update']).default('skip'), // existing codes: leave them, or update them
};
const importRowError = z.object({
  column: z.string(),
  field: z.string().nullable(),
  message: z.string(), // Chinese
  reasonCode: z.string().optional(), // an entry of shared/domain/importReasons.ts, to say it in the UI language
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const importPreviewRow = z.object({
  rowNumber: z.int(), // as Excel shows it (header is row 1)
  status: z.enum(['new', 'update', 'skip', 'error']),
  values: z.record(z.string(), z.string()),
  errors: z.array(importRowError),
});
const importCounts = z.object({ total: z.int(), new: z.int(), update: z.int(), skip: z.int(), error: z.int() });
const importField = z.object({ key: z.string(), label: z.string(), required: z.boolean() });

export const importMethods = {
  'import.template': { input: z.object({ entity: z.enum(importEntities) }).strict(), output: fileOutput },
  'import.preview': {
    input: z.object(importInput).strict(),
    output: z.object({
      headers: z.array(z.string()),
      mapping: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
      fields: z.array(importField),
      counts: importCounts,
      rows: z.array(importPreviewRow), // error rows first, at most 1,000
      truncated: z.boolean(),
    }),
  },
  // the refused rows as an .xlsx: the file's columns plus the reasons in the UI language
  'import.errorFile': {
    input: z.object({ ...importInput, lang: z.enum(['zh', 'en']).default('zh') }).strict(),
    output: fileOutput,
  },
  'import.commit': {
    input: z.object({ ...importInput, acceptErrors: z.boolean().default(false) }).strict(),
    output: z.object({ created: z.int(), updated: z.int(), skipped: z.int(), rejected: z.int() }),
  },
} as const;

export type ImportPreview = z.output<(typeof importMethods)['import.preview']['output']>;
