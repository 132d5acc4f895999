// Printing end to end in Chromium (browser mode): plans and reports of many lines, entered and signed through the core,
// printed to PDF from their print routes with page.pdf() on A4 and on 241 × 140 mm 三联 paper, and the day's batch
// for several reps. Each PDF is turned into PNG pages (pdftoppm, for a person to look at: test-output/e2e/print/) and
// text (pdftotext -layout), and the text is checked: titles, page x / y of each form, the table header on every page,
// the signature block on the last page after the last rows, Chinese in an embedded CJK font.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, shotsDir, signInPage, startApp, type AppUnderTest } from './harness';
import { pageLabel, printRouteToPdf, squeeze, type Pdf } from './pdf';
import { LONG_FEEDBACK, PRINT_MANAGER, seedPrintDb, type PrintSeed } from './printSeed';

const outDir = path.join(shotsDir, 'print');
let app: AppUnderTest;
let page: Page;
let seed: PrintSeed;
let session: string;
let dbDir = '';

// 4 reps: 34, 5, 40 and 12 visits; the last rep's forms are submitted, not signed
const LINES = [34, 5, 40, 12];

beforeAll(async () => {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-print-e2e-'));
  const dbFile = path.join(dbDir, 'print.db');
  seed = await seedPrintDb(dbFile, { reps: LINES.length, lines: (i) => LINES[i]! });
  app = await startApp({ dbFile });
  page = app.page;
  session = await signInPage(app, PRINT_MANAGER.name, PRINT_MANAGER.password);
  await page.locator('[data-test="current-operator"]').waitFor();
});
afterAll(async () => {
  await app?.close();
  if (dbDir) fs.rmSync(dbDir, { recursive: true, force: true });
});

/** Opens a print route and reads its PDF back. */
const printToPdf = (name: string, route: string): Promise<Pdf> => printRouteToPdf(page, new URL(app.url).origin, outDir, name, route);

/** The fonts Chromium drew an element's text with (Chromium's own answer, over the DevTools protocol). */
async function fontsOf(selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName);
  } finally {
    await cdp.detach();
  }
}

const label = pageLabel;

/** Every page of one form: its own numbering 1..n, the header row, and the signature block only on the last page, below
 *  the form's last row. */
function checkForm(pages: string[], title: string, header: string[], lastSeq: number) {
  const n = pages.length;
  pages.forEach((p, i) => {
    const flat = squeeze(p);
    expect(flat).toContain('华众商贸有限公司');
    expect(flat).toContain(squeeze(title));
    expect(flat).toContain(label(i + 1, n));
    for (const h of header) expect(flat).toContain(squeeze(h));
    const hasSignature = flat.includes('业务员签字') && flat.includes('主管签核') && flat.includes('日期');
    expect(hasSignature, `signature block on page ${i + 1} of ${n}`).toBe(i === n - 1);
  });
  const last = pages[n - 1]!;
  const lastRow = last.split('\n').findIndex((l) => new RegExp(`^\\s*${lastSeq}\\s`).test(l));
  expect(lastRow, `row ${lastSeq} on the last page`).toBeGreaterThan(-1);
  expect(last.split('\n').findIndex((l) => l.includes('业务员签字'))).toBeGreaterThan(lastRow);
}

describe('printing to PDF', () => {
  it('prints a signed plan of 34 visits on A4: pages of its own, header repeated, signature with the last rows', async () => {
    const rep = seed.reps[0]!;
    const plan = await callApi(app, 'visitPlans.get', { repId: rep.id, date: seed.date }, session);
    const pdf = await printToPdf('plan-a4', `/print/visit-plan?repId=${rep.id}&date=${seed.date}&paper=a4`);
    expect(pdf.size).toEqual([595, 842]);
    expect(pdf.pages.length).toBeGreaterThan(1);
    expect(pdf.screenLabels).toEqual(pdf.pages.map((_, i) => `第 ${i + 1} / ${pdf.pages.length} 页`));
    checkForm(pdf.pages, '每日拜访计划表', ['序号', '客户名称', '计划时间', '拜访目的', '备注'], 34);
    const last = squeeze(pdf.pages.at(-1)!);
    expect(last).toContain(`业务员：${rep.name}`);
    expect(last).toContain('主管签核：王经理');
    expect(last).toContain(`校验码${plan.contentHash.slice(0, 8)}`);
    expect(last).toContain('备注：本周重点');
    expect(pdf.pages.join('')).toMatch(/[\u4e00-\u9fff]{4}/);
    // the Chinese on the sheet is drawn in a CJK font, not in boxes or a fallback without the glyphs
    expect(await fontsOf('[data-test="print-sheet"] h1')).toEqual(['Noto Sans CJK SC']);
    expect(await fontsOf('[data-test="print-row"] .cell:nth-child(3) .clip')).toEqual(['Noto Sans CJK SC']);
  });

  it('prints a report of 40 visits on 241 × 140 mm 三联 paper, totals and signature on the last page', async () => {
    const rep = seed.reps[2]!;
    const pdf = await printToPdf('report-sanlian', `/print/daily-report?repId=${rep.id}&date=${seed.date}&paper=sanlian`);
    expect(pdf.size).toEqual([683, 397]);
    expect(pdf.pages.length).toBeGreaterThan(3);
    expect(pdf.screenLabels).toHaveLength(pdf.pages.length);
    checkForm(pdf.pages, '每日销售报告表', ['客户名称', '洽谈结果', '订货(元)', '收款(元)'], 40);
    const last = squeeze(pdf.pages.at(-1)!);
    expect(last).toContain('合计（拜访40家）');
    expect(last).toContain('本月累计');
    expect(last).toContain('存在问题及需求');
    expect(last).toContain('明日工作重点');
    // long outcomes wrap inside their cell: the whole sentence is there, never cut off at the cell's edge
    expect(squeeze(pdf.pages[0]!)).toContain('客流明显增加，需要尽快报价回应。');
  });

  for (const paper of ['a4', 'sanlian'] as const) {
    it(`prints the day’s batch of plans on ${paper}: every rep’s form on new pages with its own page numbers`, async () => {
      const pdf = await printToPdf(`batch-plans-${paper}`, `/print/batch?date=${seed.date}&form=plan&paper=${paper}`);
      expect(pdf.size).toEqual(paper === 'a4' ? [595, 842] : [683, 397]);
      // split the pages by form: each starts at its 第 1 / n 页
      const forms: string[][] = [];
      for (const p of pdf.pages) {
        if (squeeze(p).includes('第1/')) forms.push([]);
        forms.at(-1)!.push(p);
      }
      expect(forms).toHaveLength(seed.reps.length);
      // in the day board's order: find each form's rep by the name in its header
      const repOf = (pages: string[]) => seed.reps.find((r) => squeeze(pages[0]!).includes(`业务员：${r.name}（`))!;
      expect(new Set(forms.map((f) => repOf(f)?.name))).toEqual(new Set(seed.reps.map((r) => r.name)));
      for (const pages of forms) {
        const rep = repOf(pages);
        checkForm(pages, '每日拜访计划表', ['序号', '客户名称', '拜访目的'], rep.planLines);
        for (const p of pages) expect(squeeze(p)).toContain(`业务员：${rep.name}（`);
        // the last rep's plan is submitted, not signed: a blank signature block, no hash
        const last = squeeze(pages.at(-1)!);
        const signed = rep !== seed.reps.at(-1);
        expect(last).toContain(signed ? '状态：已签核' : '状态：已提交');
        expect(last.includes('校验码')).toBe(signed);
      }
      expect(pdf.screenLabels.length).toBe(pdf.pages.length);
    });
  }

  it('prints the day’s market feedback, a form per rep, the long report continued on the next rows and pages', async () => {
    const pdf = await printToPdf('feedback-sanlian', `/print/market-feedback?date=${seed.date}&paper=sanlian`);
    expect(pdf.size).toEqual([683, 397]);
    const forms: string[][] = [];
    for (const p of pdf.pages) {
      if (squeeze(p).includes('第1/')) forms.push([]);
      forms.at(-1)!.push(p);
    }
    expect(forms).toHaveLength(2);
    for (const pages of forms) checkForm(pages, '市场状况反映表', ['序号', '类型', '反映内容', '处理情况'], 3);
    const all = squeeze(pdf.pages.join(''));
    // the whole long text is printed, down to its last sentence
    expect(all).toContain(LONG_FEEDBACK.slice(-9));
    expect(all).toContain('窜货与价格违规');
    expect(all).toContain(`业务员：${seed.reps[0]!.name}`);
  });

  it('prints the day’s batch of reports on A4 landscape, and a blank report form', async () => {
    const batch = await printToPdf('batch-reports-a4-landscape', `/print/batch?date=${seed.date}&form=report&paper=a4-landscape`);
    expect(batch.size).toEqual([842, 595]);
    expect(batch.pages.filter((p) => squeeze(p).includes('第1/'))).toHaveLength(seed.reps.length);
    const blank = await printToPdf('blank-report-a4', '/print/blank/daily-report?paper=a4');
    expect(blank.pages).toHaveLength(1);
    expect(squeeze(blank.pages[0]!)).toContain('□出勤□外出□请假□休息');
    expect(squeeze(blank.pages[0]!)).toContain('第1/1页');
    const ruler = await printToPdf('calibration-sanlian', '/print/calibration?paper=sanlian');
    expect(ruler.size).toEqual([683, 397]);
    expect(squeeze(ruler.pages[0]!)).toContain('打印偏移校准页');
  });
});
