/**
 * The sheet "Kết quả kiểm tra" / "Check results" added at the end of a checked copy, so that someone who opens
 * the copy without the terminal can tell why a cell is coloured: the colour legend, the findings grouped by code
 * with a link to each cell, the KPI attainment table and the per-area counts. Worded by the core's display model,
 * as the task pane and the text report are.
 */
import type ExcelJS from 'exceljs';
import { HIGHLIGHT_FILLS, type HighlightKind, type Lang, type Report } from '../../../shared/src/index';
import { quoteSheetName, freeSheetName } from '../../../shared/src/hosts/a1Names';
import { reportDisplay, type FindingGroup } from '../../../shared/src/hosts/reportDisplay';
import { statusLabel } from '../../../shared/src/report/messages';
import { t as say, type Key } from '../../../shared/ui/i18n';

const FONT = 'Times New Roman';
const argb = (hex: string) => `FF${hex.replace(/^#/, '').toUpperCase()}`;

// The pane's own words (shared/ui/i18n.ts, plain strings, no DOM): the copy says what the pane says.
const LEGEND: [HighlightKind, Key][] = [
  ['error', 'legendError'],
  ['warning', 'legendWarning'],
  ['missed', 'legendMissed'],
  ['met', 'legendMet'],
];

/** Adds the sheet after the user's; returns its name (a taken name gets " (2)"). */
export function addResultsSheet(wb: ExcelJS.Workbook, report: Report, lang: Lang): string {
  const t = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const display = reportDisplay(report, lang);
  const name = freeSheetName(
    t('Kết quả kiểm tra', 'Check results'),
    wb.worksheets.map((w) => w.name),
  );
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 14 }, { width: 60 }, { width: 18 }, { width: 14 }, { width: 18 }];
  // Printed on A4, one page wide, as many tall as it takes.
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  let row = 0;
  const put = (values: (string | number | ExcelJS.CellHyperlinkValue)[], bold = false) => {
    row++;
    const r = ws.getRow(row);
    values.forEach((v, i) => {
      const cell = r.getCell(i + 1);
      cell.value = v;
      cell.font = {
        name: FONT,
        size: 12,
        bold,
        ...(typeof v === 'object' ? { underline: true, color: { argb: 'FF0563C1' } } : {}),
      };
      cell.alignment = { vertical: 'top', wrapText: i === 1 };
    });
    // Spreadsheets do not grow a row to its wrapped text when a file is opened: give long names their lines
    // (about 60 characters of Times New Roman 12, capitals included, fit the 60-wide column).
    const text = typeof values[1] === 'string' ? values[1] : '';
    const lines = Math.ceil([...text].length / 60);
    if (lines > 1) r.height = 16 * lines;
    return r;
  };
  const gap = () => row++;

  put([t(`Kết quả kiểm tra: ${report.file}`, `Check results: ${report.file}`)], true).getCell(1).font = {
    name: FONT,
    size: 14,
    bold: true,
  };
  put([say(lang, 'summaryAsOf', { date: display.asOfText })]);
  put([display.valid ? say(lang, 'summaryValid') : say(lang, 'summaryInvalid', { n: display.counts.error })]);
  gap();
  put([say(lang, 'legendHeading')], true);
  for (const [kind, key] of LEGEND) {
    const r = put(['', say(lang, key)]);
    r.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(HIGHLIGHT_FILLS[kind]) } };
  }

  const link = (sheet: string, cell: string): ExcelJS.CellHyperlinkValue => ({
    text: cell,
    hyperlink: `#${quoteSheetName(sheet)}!${cell}`,
  });
  const groups = (list: FindingGroup[]) => {
    for (const g of list) {
      put([`[${g.severityLabel}]`, `${g.title} (${g.code}): ${g.items.length}`], true);
      for (const item of g.items)
        put([item.cell ? link(item.sheet, item.cell) : say(lang, 'noCell'), item.message]);
    }
  };
  if (display.groups.length) {
    gap();
    groups(display.groups);
  }
  for (const sheet of display.sheets) {
    gap();
    const title = sheet.kind === 'tasks' ? 'sheetTasks' : sheet.kind === 'kpis' ? 'sheetKpis' : 'sheetNone';
    put([say(lang, title, { sheet: sheet.name, year: sheet.planYear })], true);
    if (sheet.kind === 'none') continue;
    put([say(lang, 'findingsHeading')], true);
    if (sheet.groups.length === 0) put(['', say(lang, 'noFindings')]);
    groups(sheet.groups);
    if (sheet.kind === 'kpis' && sheet.kpis.length) {
      gap();
      put([say(lang, 'kpiHeading')], true);
      const keys = ['colNo', 'colIndicator', 'colTarget', 'colResult', 'colStatus'] as const;
      put(
        keys.map((key) => say(lang, key)),
        true,
      );
      for (const k of sheet.kpis)
        put([k.number, k.indicator, k.targets || '—', k.result || '—', k.statusLabel]);
    }
    // Per area: tasks done and overdue, or KPIs met and missed.
    const tasks = sheet.kind === 'tasks';
    const head = tasks
      ? [
          say(lang, 'colArea'),
          t('Tên', 'Name'),
          say(lang, 'colTasks'),
          statusLabel('done', lang),
          statusLabel('overdue', lang),
        ]
      : [
          say(lang, 'colArea'),
          t('Tên', 'Name'),
          say(lang, 'colKpis'),
          statusLabel('met', lang),
          statusLabel('missed', lang),
        ];
    const rows: (string | number)[][] = tasks
      ? sheet.taskAreas.map((a) => [a.area, a.name, a.tasks, a.done, a.overdue])
      : sheet.kpiAreas.map((a) => [a.area, a.name, a.total, a.met, a.missed]);
    const totals = tasks
      ? [sheet.taskTotals.total, sheet.taskTotals.done, sheet.taskTotals.overdue]
      : [sheet.kpiTotals.total, sheet.kpiTotals.met, sheet.kpiTotals.missed];
    gap();
    put([say(lang, 'areaHeading')], true);
    put(head, true);
    for (const r of rows) put(r);
    put([t('Tổng', 'Total'), '', ...totals], true);
  }
  return name;
}
