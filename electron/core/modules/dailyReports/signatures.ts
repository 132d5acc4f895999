// Do the signed forms still say what was signed? Recomputes every signed plan's and report's content hash and names
// those that no longer match (a row edited behind the triggers' back). `audit.verify` reports these.
import type { Ctx } from '../../context';
import { contentHash, type StoredContent } from '../dailyForms/content';
import { signedPlanContents } from '../visitPlans/content';
import { signedReportContents } from './content';

export interface SignedFormMismatch {
  form: 'visitPlan' | 'dailyReport';
  id: number;
  repName: string;
  date: string;
}

export function signedFormMismatches(ctx: Ctx): { checked: number; broken: SignedFormMismatch[] } {
  const broken: SignedFormMismatch[] = [];
  let checked = 0;
  const check = (form: SignedFormMismatch['form'], forms: StoredContent[]) => {
    for (const f of forms) {
      checked++;
      if (f.contentHash !== contentHash(f.content)) broken.push({ form, id: f.id, repName: f.repName, date: f.date });
    }
  };
  check('visitPlan', signedPlanContents(ctx));
  check('dailyReport', signedReportContents(ctx));
  return { checked, broken };
}
