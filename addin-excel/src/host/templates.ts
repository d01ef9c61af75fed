/**
 * Inserting the core's appendix templates as new sheets, laid out by the core (hosts/templatePlan,
 * hosts/templateLayout): never over a sheet or a name of the user's, and undone whole when Excel refuses part.
 */
import { columnLetters, parseRange } from '../../../shared/src/table/grid';
import { absoluteRange, freeDefinedName, freeSheetName } from '../../../shared/src/hosts/a1Names';
import { planSheetWrite } from '../../../shared/src/hosts/templatePlan';
import {
  columnWidthRuns,
  numberFormatBlock,
  rowHeightRuns,
  typedContents,
} from '../../../shared/src/hosts/templateLayout';
import type { CellStyle, TemplateSheet, TemplateWorkbook } from '../../../shared/src/templates/schema';

/** Template column widths are in characters; Excel takes points (about 5.6 pt a character of Times New Roman 12). */
export const POINTS_PER_CHARACTER = 5.6;

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

function applyStyle(sheet: Excel.Worksheet, address: string, style: CellStyle): void {
  const format = sheet.getRanges(address).format;
  if (style.font) {
    const font = format.font;
    font.name = style.font.name;
    font.size = style.font.size;
    if (style.font.bold !== undefined) font.bold = style.font.bold;
    if (style.font.italic !== undefined) font.italic = style.font.italic;
    if (style.font.color) font.color = style.font.color;
  }
  if (style.fill) format.fill.color = style.fill;
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.border && style.border !== 'none') {
    const areas = address.split(',').map((a) => parseRange(a));
    const edges: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    // Inside edges only where an area has them: a single cell has no inside border to set.
    if (areas.some((r) => r && r.bottom > r.top)) edges.push('InsideHorizontal');
    if (areas.some((r) => r && r.right > r.left)) edges.push('InsideVertical');
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = style.border === 'medium' ? 'Medium' : 'Thin';
    }
  }
}

function writeSheet(sheet: Excel.Worksheet, tpl: TemplateSheet): void {
  const plan = planSheetWrite(tpl);
  const block = sheet.getRange(plan.address);
  // Formats first, so a number typed into a "0" cell keeps it; contents as one 2-D block.
  block.numberFormat = numberFormatBlock(tpl, plan);
  block.formulas = typedContents(tpl, plan);
  for (const batch of plan.styles)
    for (const address of batch.addresses) applyStyle(sheet, address, batch.style);
  for (const m of tpl.merges) sheet.getRange(m).merge(false);
  for (const run of columnWidthRuns(tpl.columnWidths)) {
    const columns = `${columnLetters(run.from - 1)}:${columnLetters(run.to - 1)}`;
    sheet.getRange(columns).format.columnWidth = Math.round(run.size * POINTS_PER_CHARACTER * 100) / 100;
  }
  for (const run of rowHeightRuns(tpl.rowHeights))
    sheet.getRange(`${run.from}:${run.to}`).format.rowHeight = run.size;
  const { rows, columns } = tpl.freeze;
  if (rows && columns) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
  else if (rows) sheet.freezePanes.freezeRows(rows);
  else if (columns) sheet.freezePanes.freezeColumns(columns);
}

function writeValidations(
  sheet: Excel.Worksheet,
  tpl: TemplateSheet,
  definedNames: Map<string, string>,
): void {
  for (const v of tpl.validations) {
    let source: string;
    if ('values' in v.list) source = v.list.values.join(',');
    else {
      const name = definedNames.get(v.list.namedRange);
      if (!name) continue; // the template's list lives on a sheet it does not hold: leave the cells free
      source = `=${name}`;
    }
    const validation = sheet.getRange(v.range).dataValidation;
    validation.rule = { list: { inCellDropDown: true, source } };
    validation.ignoreBlanks = true;
    // A ward may name a unit that is not on its list: inform, don't refuse.
    validation.errorAlert = {
      showAlert: true,
      style: v.strict ? 'Stop' : 'Information',
      title: '',
      message: '',
    };
  }
}

function writePrint(sheet: Excel.Worksheet, tpl: TemplateSheet): void {
  const page = sheet.pageLayout;
  page.orientation = tpl.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.paperSize = 'A4';
  if (tpl.print.repeatRows) page.setPrintTitleRows(`$${tpl.print.repeatRows[0]}:$${tpl.print.repeatRows[1]}`);
  // One page wide, as many tall as needed: Excel's "Fit All Columns on One Page" (0 = automatic).
  if (tpl.print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
}

/**
 * Adds the template's sheets to the open workbook, never replacing anything: taken sheet names get " (2)", a
 * taken defined name gets a number ("DonVi2") and the dropdowns point at the name actually created. Two syncs;
 * on failure the sheets and names already added are removed again. Returns the names of the new sheets.
 */
export async function insertTemplate(
  context: Excel.RequestContext,
  template: TemplateWorkbook,
): Promise<string[]> {
  const workbook = context.workbook;
  workbook.worksheets.load('items/name');
  workbook.names.load('items/name');
  // Known before anything changes, so a failed insert can give the user back the sheet they were on.
  const active = workbook.worksheets.getActiveWorksheet();
  active.load('name');
  await context.sync();

  const takenSheets = workbook.worksheets.items.map((s) => s.name);
  const created = template.sheets.map((tpl) => {
    const name = freeSheetName(tpl.name, takenSheets);
    takenSheets.push(name);
    return { tpl, name, sheet: workbook.worksheets.add(name) };
  });
  const takenNames = workbook.names.items.map((n) => n.name);
  const definedNames = new Map<string, string>();
  for (const sheet of created) writeSheet(sheet.sheet, sheet.tpl);
  for (const named of template.namedRanges) {
    // The unit list may itself have been renamed ("Đơn vị (2)"): point at the sheet actually created.
    const holder = created.find((c) => c.tpl.name === named.sheet);
    if (!holder) continue;
    const name = freeDefinedName(named.name, takenNames);
    takenNames.push(name);
    definedNames.set(named.name, name);
    workbook.names.add(name, holder.sheet.getRange(absoluteRange(named.range)));
  }
  for (const sheet of created) writeValidations(sheet.sheet, sheet.tpl, definedNames);
  for (const sheet of created) writePrint(sheet.sheet, sheet.tpl);
  created[0]?.sheet.activate();
  try {
    await context.sync();
  } catch (e) {
    const inserted = created.map((c) => c.name);
    await removeInserted(context, [...definedNames.values()], inserted, active.name).catch(() => undefined);
    throw e;
  }
  return created.map((c) => c.name);
}

/** Deletes what insertTemplate may have added; the names were free before, so nothing of the user's goes. */
async function removeInserted(
  context: Excel.RequestContext,
  names: string[],
  sheets: string[],
  active: string,
): Promise<void> {
  context.workbook.worksheets.getItem(active).activate();
  for (const name of names) context.workbook.names.getItemOrNullObject(name).delete();
  for (const sheet of sheets) context.workbook.worksheets.getItemOrNullObject(sheet).delete();
  await context.sync();
}
