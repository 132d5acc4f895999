// Printing a print route to PDF in Chromium and reading it back: PNG pages (pdftoppm, for a person to look at) and text
// (pdftotext -layout, for the test to check), with the fixed grid checked as Chromium laid it out.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export interface Pdf {
  pages: string[];
  size: [number, number];
  /** page labels of the sheets on screen, in order (第 x / y 页) */
  screenLabels: string[];
}

/** Opens a print route, waits until it is ready, prints it with page.pdf() and reads the PDF back as PNG pages and text. */
export async function printRouteToPdf(page: Page, origin: string, outDir: string, name: string, route: string): Promise<Pdf> {
  // a fresh load of the route: after a mere change of address the previous print stage (ready, with its own @page
  // size) stays on screen until the new route's code has loaded, and a PDF taken then came out on Letter paper
  await page.goto('about:blank');
  await page.goto(`${origin}/#${route}`);
  await page.locator('[data-test="print-stage"][data-print-ready="true"]').waitFor({ timeout: 60_000 });
  const screenLabels = await page.locator('[data-test="print-page-no"]').allTextContents();
  expect(await gridProblems(page)).toEqual([]);
  const file = path.join(outDir, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(outDir, name)]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  const pages = text.split('\f').slice(0, Number(/Pages:\s+(\d+)/.exec(info)![1]));
  return {
    pages,
    size: [Math.round(Number(size[1])), Math.round(Number(size[2]))],
    screenLabels,
  };
}

/**
 * The fixed grid as laid out by Chromium: on every sheet the table (header, rows, blank rows, tail, signature) is exactly
 * the paper's grid height, ends above the footer, and no row or cell reaches outside the sheet. Returns what is wrong.
 */
export async function gridProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pxPerMm = 96 / 25.4;
    const problems: string[] = [];
    // every form's sheet (the calibration page has rulers, no grid)
    document.querySelectorAll<HTMLElement>('[data-test="print-sheet"][data-grid-mm]').forEach((sheet, i) => {
      const box = sheet.getBoundingClientRect();
      const grid = sheet.querySelector('.grid')!.getBoundingClientRect();
      const foot = sheet.querySelector('.foot')!.getBoundingClientRect();
      const expected = Number(sheet.dataset.gridMm) * pxPerMm;
      // 0.3 mm of top border, and up to a pixel of rounding
      if (Math.abs(grid.height - expected - 0.3 * pxPerMm) > 1.5)
        problems.push(`sheet ${i + 1}: grid ${grid.height} px, expected ${expected}`);
      if (grid.bottom > foot.top + 0.5) problems.push(`sheet ${i + 1}: grid runs into the footer`);
      sheet.querySelectorAll('.row, .cell').forEach((el) => {
        const r = el.getBoundingClientRect();
        if (r.height < 1 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5)
          problems.push(`sheet ${i + 1}: ${el.className} out of place`);
      });
    });
    return problems.slice(0, 10);
  });
}

/** pdftotext keeps the spaces of 第 1 / 3 页 loosely; compare without them. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');
export const pageLabel = (i: number, n: number) => `第${i}/${n}页`;
