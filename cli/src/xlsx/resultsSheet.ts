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

const FONT = 'Times New Roman';
const argb = (hex: string) => `FF${hex.replace(/^#/, '').toUpperCase()}`;

const LEGEND: [HighlightKind, string, string][] = [
  ['error', 'Lỗi', 'Error'],
  ['warning', 'Cảnh báo', 'Warning'],
  ['missed', 'Chưa đạt chỉ tiêu, nhiệm vụ quá hạn', 'Target missed, task overdue'],
  ['met', 'Đạt chỉ tiêu', 'Target met'],
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
  put([t(`Tính đến ngày ${display.asOfText}`, `As of ${display.asOfText}`)]);
  put([
    display.valid
      ? t('Không có lỗi.', 'No errors.')
      : t(`Có ${display.counts.error} lỗi cần sửa.`, `${display.counts.error} errors to fix.`),
  ]);
  gap();
  put([t('Màu đánh dấu', 'Highlight colours')], true);
  for (const [kind, vi, en] of LEGEND) {
    const r = put(['', t(vi, en)]);
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
        put([item.cell ? link(item.sheet, item.cell) : t('cả bảng', 'whole table'), item.message]);
    }
  };
  if (display.groups.length) {
    gap();
    groups(display.groups);
  }
  for (const sheet of display.sheets) {
    gap();
    const kind =
      sheet.kind === 'tasks'
        ? t('bảng nhiệm vụ', 'task list')
        : sheet.kind === 'kpis'
          ? t('bảng chỉ tiêu', 'KPI table')
          : t('không có bảng', 'no table');
    put([t(`Trang "${sheet.name}": ${kind}`, `Sheet "${sheet.name}": ${kind}`)], true);
    if (sheet.kind === 'none') continue;
    put([t('Các vấn đề', 'Findings')], true);
    if (sheet.groups.length === 0) put(['', t('Không có vấn đề nào.', 'No findings.')]);
    groups(sheet.groups);
    if (sheet.kind === 'kpis' && sheet.kpis.length) {
      gap();
      put([t('Mức đạt chỉ tiêu', 'KPI attainment')], true);
      put(
        [
          t('STT', 'No.'),
          t('Chỉ tiêu', 'Indicator'),
          t('Mục tiêu', 'Target'),
          t('Kết quả', 'Result'),
          t('Đánh giá', 'Status'),
        ],
        true,
      );
      for (const k of sheet.kpis)
        put([k.number, k.indicator, k.targets || '—', k.result || '—', k.statusLabel]);
    }
    gap();
    put([t('Theo lĩnh vực', 'By area')], true);
    if (sheet.kind === 'tasks') {
      put(
        [
          t('Lĩnh vực', 'Area'),
          t('Tên', 'Name'),
          t('Nhiệm vụ', 'Tasks'),
          statusLabel('done', lang),
          statusLabel('overdue', lang),
        ],
        true,
      );
      for (const a of sheet.taskAreas) put([a.area, a.name, a.tasks, a.done, a.overdue]);
      const s = sheet.taskTotals;
      put([t('Tổng', 'Total'), '', s.total, s.done, s.overdue], true);
    } else {
      put(
        [
          t('Nhóm', 'Group'),
          t('Tên', 'Name'),
          t('Chỉ tiêu', 'KPIs'),
          statusLabel('met', lang),
          statusLabel('missed', lang),
        ],
        true,
      );
      for (const a of sheet.kpiAreas) put([a.area, a.name, a.total, a.met, a.missed]);
      const k = sheet.kpiTotals;
      put([t('Tổng', 'Total'), '', k.total, k.met, k.missed], true);
    }
  }
  return name;
}
