// Settings: company name, UI language, and first-run initialisation.
import { z } from 'zod';
import { noInput, requiredText } from './common';

const settingsOutput = z.object({
  initialized: z.boolean(),
  companyName: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  schemaVersion: z.int(),
  databasePath: z.string(),
});

export const settingsMethods = {
  'settings.get': { input: noInput(), output: settingsOutput },
  'settings.initialize': {
    input: z.object({ companyName: requiredText(60), loadDemo: z.boolean().default(false) }).strict(),
    output: settingsOutput,
  },
  'settings.save': {
    input: z.object({ companyName: requiredText(60).optional(), locale: z.enum(['zh-CN', 'en']).optional() }).strict(),
    output: settingsOutput,
  },
} as const;
