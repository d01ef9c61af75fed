import ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/src/report/messages';
import type { CellStyle, TemplateSheet, TemplateWorkbook } from '../../../shared/src/templates/schema';
import { fitCell } from '../../../shared/src/text/cellLimit';
import type { ConditionalRule, XlsxBook } from './xlsxWriter';
import { absoluteRange, quoteSheetName } from '../../../shared/src/hosts/a1Names';

// exceljs keeps sheet-level data validations at run time but does not declare them in its types.
type WithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.font) {
    cell.font = {
      name: style.font.name,
      size: style.font.size,
      bold: style.font.bold,
      italic: style.font.italic,
      ...(style.font.color ? { color: { argb: argb(style.font.color) } } : {}),
    };
  }
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.border && style.border !== 'none') {
    const side = { style: style.border };
    cell.border = { top: side, left: side, bottom: side, right: side };
  }
  if (style.horizontal || style.vertical || style.wrap) {
    cell.alignment = { horizontal: style.horizontal, vertical: style.vertical, wrapText: style.wrap };
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
}

/** A text as a cell can hold it; numbers as they are. */
function fit<T extends string | number | undefined>(value: T, lang: Lang): T {
  return (typeof value === 'string' ? fitCell(value, lang) : value) as T;
}

function renderSheet(wb: ExcelJS.Workbook, sheet: TemplateSheet, lang: Lang): void {
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: sheet.freeze.rows, xSplit: sheet.freeze.columns }],
    pageSetup: {
      paperSize: 9,
      orientation: sheet.print.orientation,
      fitToPage: sheet.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(sheet.print.repeatRows
        ? { printTitlesRow: `${sheet.print.repeatRows[0]}:${sheet.print.repeatRows[1]}` }
        : {}),
    },
  });
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row)).height = height;
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.ref);
    // Every text here may hold what a user typed (--unit, --doc, a ward's names in the summary), and Excel calls
    // a file with a cell over 32,767 characters corrupt: cut with a visible mark. exceljs escapes the XML.
    if (c.formula !== undefined)
      cell.value = { formula: c.formula, result: fit(c.result, lang) } as ExcelJS.CellFormulaValue;
    else if (c.value !== undefined) cell.value = fit(c.value, lang);
    const style = c.style ? sheet.styles[c.style] : undefined;
    if (style) applyStyle(cell, style);
  }
  for (const m of sheet.merges) ws.mergeCells(m);
  for (const v of sheet.validations) {
    const formula = 'namedRange' in v.list ? v.list.namedRange : `"${v.list.values.join(',')}"`;
    (ws as WithValidations).dataValidations.add(v.range, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      // A ward may name a unit that is not on its list: warn, don't refuse.
      errorStyle: v.strict ? 'stop' : 'information',
    });
  }
}

/**
 * Renders a template description into a new exceljs workbook. `lang` words the mark on a text cut to fit a
 * cell.
 */
export function renderWorkbook(template: TemplateWorkbook, lang: Lang = 'vi'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  for (const sheet of template.sheets) renderSheet(wb, sheet, lang);
  for (const n of template.namedRanges) {
    wb.definedNames.add(`${quoteSheetName(n.sheet)}!${absoluteRange(n.range)}`, n.name);
  }
  return wb;
}

/** A conditional rule as exceljs takes it; exceljs writes a data bar's colour but does not declare it. */
function excelRule(r: ConditionalRule): ExcelJS.ConditionalFormattingRule {
  // Conditional formats take a solid fill's colour as bgColor.
  const solid = (hex: string): Partial<ExcelJS.Style> => ({
    fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(hex) } },
  });
  switch (r.type) {
    case 'dataBar':
      return {
        type: 'dataBar',
        priority: r.priority,
        cfvo: [
          { type: 'num', value: r.min },
          { type: 'num', value: r.max },
        ],
        gradient: r.gradient,
        color: { argb: argb(r.color) },
      } as ExcelJS.DataBarRuleType;
    case 'colorScale':
      return {
        type: 'colorScale',
        priority: r.priority,
        cfvo: r.cfvo.map((v) => (v.type === 'num' ? { type: 'num', value: v.value } : { type: v.type })),
        color: r.colors.map((c) => ({ argb: argb(c) })),
      };
    case 'cellIs':
      return {
        type: 'cellIs',
        operator: r.operator,
        formulae: [r.formula],
        priority: r.priority,
        style: solid(r.fill),
      };
    case 'expression':
      return { type: 'expression', priority: r.priority, formulae: [r.formula], style: solid(r.fill) };
  }
}

/**
 * A whole book (conditional formats, pages across, repeated columns, properties) rendered by exceljs: what
 * xlsxWriter.ts writes directly, kept so that the tests can hold the direct writer to it.
 */
export function renderBook(book: XlsxBook, lang: Lang = 'vi'): ExcelJS.Workbook {
  const wb = renderWorkbook(book, lang);
  wb.keywords = book.properties.keywords;
  wb.creator = book.properties.creator;
  wb.lastModifiedBy = book.properties.lastModifiedBy;
  book.sheets.forEach((sheet, i) => {
    const ws = wb.worksheets[i];
    for (const cf of sheet.conditionalFormats ?? [])
      ws.addConditionalFormatting({ ref: cf.ref, rules: cf.rules.map(excelRule) });
    if (sheet.pagesWide !== undefined) ws.pageSetup.fitToWidth = sheet.pagesWide;
    if (sheet.repeatColumns !== undefined) ws.pageSetup.printTitlesColumn = sheet.repeatColumns;
  });
  return wb;
}
