/**
 * What the command line says about a file, for the panes' end-to-end tests: its JSON report, the totals a
 * whole-workbook headline must show, a sheet's findings as the pane groups them, and the three-sheet workbook
 * (the bundled sample plus a sheet of notes) every host is checked on.
 */
import { spawnSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { Lang, Report } from '../../src/index';
import { groupFindings } from '../../src/hosts/reportDisplay';
import { CCHC, ROOT } from '../../../cli/test/built';
import { paneFindings } from './chromium';

export const SAMPLE = join(ROOT, 'cli', 'sample', 'phu-luc-mau.xlsx');

/** `cchc validate` run as a user runs it, from the file's folder (the report names the file by its name). */
export function cli(
  file: string,
  ...args: string[]
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CCHC, 'validate', basename(file), ...args], {
    cwd: dirname(file),
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function cliReport(file: string, lang: Lang, asOf: string): Report {
  return JSON.parse(cli(file, '--format', 'json', '--as-of', asOf, '--lang', lang).stdout) as Report;
}

/** A sheet's findings as the pane groups them, from the CLI's report. */
export function expectedFindings(report: Report, sheet: string, lang: Lang) {
  const s = report.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet} in the CLI's report`);
  return groupFindings(s.findings, lang).map((g) => ({
    code: g.code,
    items: g.items.map((i) => [i.cell, i.message]),
  }));
}

/** What the headline of a whole-workbook check must say, from the CLI's report of the same file. */
export function workbookTotals(report: Report) {
  const all = [...report.findings, ...report.sheets.flatMap((s) => s.findings)];
  return {
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    missed: report.sheets.reduce((n, s) => n + s.summary.kpis.missed, 0),
    overdue: report.sheets.reduce((n, s) => n + s.summary.tasks.overdue, 0),
    tables: report.sheets.filter((s) => s.kind !== 'none').map((s) => s.name),
  };
}

/** The parts of a Vietnamese headline that carry those totals (each must appear in it). */
export function headlineParts(totals: ReturnType<typeof workbookTotals>): string[] {
  return [
    `Có ${totals.errors} lỗi cần sửa. ${totals.missed} chỉ tiêu chưa đạt. `,
    `${totals.overdue} nhiệm vụ quá hạn. Lỗi: ${totals.errors} · Cảnh báo: ${totals.warnings}`,
    `Đã kiểm tra ${totals.tables.length} trang có bảng.`,
  ];
}

/** The sample's two tables and a sheet of notes, as a ward's file often has, written to `file`. */
export async function writeThreeSheets(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  wb.addWorksheet('Ghi chú').addRows([['Ghi chú'], ['Họp giao ban ngày 01/02/2025']]);
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * A pane after a whole-workbook check shows what the CLI's report of the same file says: a headline with its
 * totals (each of them above zero, so the comparison means something), one section per sheet with a table, each
 * with that sheet's findings. Returns the totals.
 */
export async function expectWorkbookAsCli(page: Page, report: Report) {
  const totals = workbookTotals(report);
  expect(totals.errors * totals.missed * totals.overdue).toBeGreaterThan(0);
  const summary = await page.locator('#summary').innerText();
  for (const part of headlineParts(totals)) expect(summary).toContain(part);
  const sections = await page
    .locator('#results section.sheet')
    .evaluateAll((ss) => ss.map((s) => (s as HTMLElement).dataset.sheet));
  expect(sections).toEqual(totals.tables);
  for (const name of totals.tables)
    expect(await paneFindings(page, `#results section.sheet[data-sheet="${name}"]`)).toEqual(
      expectedFindings(report, name, 'vi'),
    );
  return totals;
}
