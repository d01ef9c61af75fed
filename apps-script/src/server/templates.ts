/**
 * The core's template description rendered in Sheets with batch writes: per sheet one setValues for the whole
 * contents block, one call per style and format group (RangeList), one merge per merged range, widths and
 * heights in runs, frozen header rows, then the unit list's named range and the dropdowns that read it. The
 * number of calls depends on the template's design (its styles, merges and columns), never on its rows.
 *
 * Nothing is overwritten: a taken sheet name becomes "Nhiệm vụ (2)", a taken range name "DonVi2". If Sheets
 * refuses part of the work, the sheets and names already added are removed again (Apps Script has no
 * transactions), so a failed insert leaves the spreadsheet as it was.
 *
 * Print settings (A4 landscape, header rows on every page) have no Apps Script API: Sheets takes them in its
 * print dialog, where "repeat frozen rows" repeats the frozen header.
 */
import { columnWidthRuns, rowHeightRuns, typedContents } from '../../../shared/src/hosts/templateLayout';
import { planSheetWrite } from '../../../shared/src/hosts/templatePlan';
import { freeDefinedName, freeSheetName } from '../../../shared/src/hosts/a1Names';
import type { CellStyle, TemplateSheet, TemplateWorkbook } from '../../../shared/src/templates/schema';
import { serverError } from './errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;

/** Template widths are in characters of Times New Roman 12 (Excel's measure); Sheets takes pixels. */
export const PIXELS_PER_CHARACTER = 7.5;
/** Template heights are in points; Sheets takes pixels (96 per inch, 72 points per inch). */
export const PIXELS_PER_POINT = 4 / 3;

function applyStyle(list: RangeList, style: CellStyle): void {
  if (style.font) {
    list.setFontFamily(style.font.name).setFontSize(style.font.size);
    if (style.font.bold !== undefined) list.setFontWeight(style.font.bold ? 'bold' : 'normal');
    if (style.font.italic !== undefined) list.setFontStyle(style.font.italic ? 'italic' : 'normal');
    if (style.font.color) list.setFontColor(style.font.color);
  }
  if (style.fill) list.setBackground(style.fill);
  if (style.horizontal) list.setHorizontalAlignment(style.horizontal);
  if (style.vertical) list.setVerticalAlignment(style.vertical);
  if (style.wrap !== undefined) list.setWrap(style.wrap);
  if (style.numberFormat) list.setNumberFormat(style.numberFormat);
  if (style.border && style.border !== 'none') {
    const line =
      style.border === 'medium' ? SpreadsheetApp.BorderStyle.SOLID_MEDIUM : SpreadsheetApp.BorderStyle.SOLID;
    list.setBorder(true, true, true, true, true, true, '#000000', line);
  }
}

function writeSheet(sheet: Sheet, tpl: TemplateSheet): void {
  // No address-length limit in Sheets: one RangeList per style.
  const plan = planSheetWrite(tpl, Number.MAX_SAFE_INTEGER);
  // A new sheet has 26 columns; a wider template needs more before anything is written.
  const missing = plan.columns - sheet.getMaxColumns();
  if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
  // Formats first, so that a "0" column keeps numbers typed into it as numbers.
  for (const batch of plan.styles)
    applyStyle(sheet.getRangeList(batch.addresses.join(',').split(',')), batch.style);
  sheet.getRange(plan.address).setValues(typedContents(tpl, plan));
  for (const m of tpl.merges) sheet.getRange(m).merge();
  for (const run of columnWidthRuns(tpl.columnWidths))
    sheet.setColumnWidths(run.from, run.to - run.from + 1, Math.round(run.size * PIXELS_PER_CHARACTER));
  for (const run of rowHeightRuns(tpl.rowHeights))
    sheet.setRowHeights(run.from, run.to - run.from + 1, Math.round(run.size * PIXELS_PER_POINT));
  if (tpl.freeze.rows) sheet.setFrozenRows(tpl.freeze.rows);
  if (tpl.freeze.columns) sheet.setFrozenColumns(tpl.freeze.columns);
}

function writeValidations(
  sheet: Sheet,
  tpl: TemplateSheet,
  named: Map<string, GoogleAppsScript.Spreadsheet.Range>,
) {
  for (const v of tpl.validations) {
    const builder = SpreadsheetApp.newDataValidation();
    if ('values' in v.list) builder.requireValueInList(v.list.values, true);
    else {
      const source = named.get(v.list.namedRange);
      if (!source) continue; // the list lives on a sheet this template does not hold: leave the cells free
      builder.requireValueInRange(source, true);
    }
    // A ward may name a unit that is not on its list: warn, don't refuse (strict lists refuse).
    sheet.getRange(v.range).setDataValidation(builder.setAllowInvalid(!v.strict).build());
  }
}

interface Added {
  sheets: Sheet[];
  names: string[];
}

function undo(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, added: Added, active: Sheet): void {
  for (const name of added.names) ss.removeNamedRange(name);
  for (const sheet of added.sheets) ss.deleteSheet(sheet);
  ss.setActiveSheet(active);
}

/** Adds the template's sheets after the last one; returns their names. */
export function insertTemplate(template: TemplateWorkbook): string[] {
  if (!template || !Array.isArray(template.sheets) || !Array.isArray(template.namedRanges))
    throw serverError('bad-argument', 'template');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const active = ss.getActiveSheet();
  const existing = ss.getSheets();
  const takenSheets = existing.map((s) => s.getName());
  const takenNames = ss.getNamedRanges().map((n) => n.getName());
  const added: Added = { sheets: [], names: [] };
  try {
    const created = template.sheets.map((tpl, i) => {
      const name = freeSheetName(tpl.name, takenSheets);
      takenSheets.push(name);
      const sheet = ss.insertSheet(name, existing.length + i);
      added.sheets.push(sheet);
      return { tpl, name, sheet };
    });
    for (const c of created) writeSheet(c.sheet, c.tpl);
    const named = new Map<string, GoogleAppsScript.Spreadsheet.Range>();
    for (const n of template.namedRanges) {
      // The unit list may itself have been renamed ("Đơn vị (2)"): point at the sheet actually created.
      const holder = created.find((c) => c.tpl.name === n.sheet);
      if (!holder) continue;
      const name = freeDefinedName(n.name, takenNames);
      takenNames.push(name);
      const range = holder.sheet.getRange(n.range);
      ss.setNamedRange(name, range);
      added.names.push(name);
      named.set(n.name, range);
    }
    for (const c of created) writeValidations(c.sheet, c.tpl, named);
    created[0]?.sheet.activate();
    return created.map((c) => c.name);
  } catch (e) {
    try {
      undo(ss, added, active);
    } catch {
      // Best effort: the user sees the first error, not one from the clean-up.
    }
    throw e;
  }
}
