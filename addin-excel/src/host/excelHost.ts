/**
 * The Excel adapter: the only code of the add-in that speaks Office.js. Each function takes the request context
 * of the caller's Excel.run, queues its work in batches and syncs as few times as the work allows; everything
 * that is not about Office.js (what to read, how to group highlights, how to lay out a template) comes from the
 * core's host helpers (shared/src/hosts).
 *
 * Reading the whole workbook is three syncs for a typical file whatever its number of sheets (list the sheets;
 * every used range's bounds; every sheet's values, number formats and merges together), and beyond CELLS_PER_READ
 * cells in all one more sync per budget's worth of cells, the chunks of several sheets sharing a sync. Highlighting
 * it is two syncs, as for one sheet.
 *
 * Checking never changes a cell: highlights are conditional formats that the add-in owns (HIGHLIGHT_MARKER), so
 * the user's values and own formatting stay untouched and removing them restores the sheet exactly.
 *
 * Requirement sets (REQUIREMENTS; the manifest asks for 1.9, and a member an older Excel lacks fails at sync with
 * ApiNotFound, which the pane words as "update Excel"; only the merges' read degrades instead):
 *   ExcelApi 1.4  getUsedRangeOrNullObject, getItemOrNullObject, names.add
 *   ExcelApi 1.6  conditional formats (add, type, customOrNullObject, delete)
 *   ExcelApi 1.7  getRangeByIndexes, freezePanes
 *   ExcelApi 1.8  dataValidation
 *   ExcelApi 1.9  getRanges (RangeAreas: conditional formats and formats of many areas at once), pageLayout
 *   ExcelApi 1.13 getMergedAreasOrNullObject (without it readSheet and readWorkbook return grids without merges)
 * readWorkbook needs what readSheet does, applyWorkbookHighlights what applyHighlights does.
 */
import { HIGHLIGHT_FILLS, HIGHLIGHT_MARKER, isHighlightMarker } from '../../../shared/src/report/palette';
import type { Highlight } from '../../../shared/src/report/schema';
import { type CellValue, type SheetGrid, columnLetters, parseRange } from '../../../shared/src/table/grid';
import {
  absoluteRange,
  freeDefinedName,
  freeSheetName,
  splitAreaAddress,
} from '../../../shared/src/hosts/a1Names';
import { intersectBoxes, type Box } from '../../../shared/src/hosts/box';
import { groupHighlights } from '../../../shared/src/hosts/highlightRanges';
import { halveBatch, planBatches, type Batch } from '../../../shared/src/hosts/readPlan';
import { planSheetWrite } from '../../../shared/src/hosts/templatePlan';
import {
  columnWidthRuns,
  numberFormatBlock,
  rowHeightRuns,
  typedContents,
} from '../../../shared/src/hosts/templateLayout';
import type { CellStyle, TemplateSheet, TemplateWorkbook } from '../../../shared/src/templates/schema';
import type { Scope } from '../../../shared/ui/workbook';

/** The core's marker formula, re-exported for the adapter's users and tests. */
export { HIGHLIGHT_MARKER };

/** Template column widths are in characters; Excel takes points (about 5.6 pt a character of Times New Roman 12). */
export const POINTS_PER_CHARACTER = 5.6;

export type HostOperation =
  | 'readSheet'
  | 'readWorkbook'
  | 'applyHighlights'
  | 'applyWorkbookHighlights'
  | 'clearHighlights'
  | 'insertTemplate'
  | 'selectCell';

export interface Requirement {
  set: 'ExcelApi';
  version: string;
  usedBy: readonly HostOperation[];
  members: readonly string[];
  /** What happens without it. */
  without: 'fails' | 'degrades';
}

export const REQUIREMENTS: readonly Requirement[] = [
  {
    set: 'ExcelApi',
    version: '1.4',
    usedBy: ['readSheet', 'readWorkbook', 'insertTemplate'],
    members: [
      'Worksheet.getUsedRangeOrNullObject',
      'WorksheetCollection.getItemOrNullObject',
      'NamedItemCollection.add',
    ],
    without: 'fails',
  },
  {
    set: 'ExcelApi',
    version: '1.6',
    usedBy: ['applyHighlights', 'applyWorkbookHighlights', 'clearHighlights'],
    members: [
      'ConditionalFormatCollection.add',
      'ConditionalFormat.customOrNullObject',
      'ConditionalFormat.delete',
    ],
    without: 'fails',
  },
  {
    set: 'ExcelApi',
    version: '1.7',
    usedBy: ['readSheet', 'readWorkbook', 'insertTemplate'],
    members: ['Worksheet.getRangeByIndexes', 'WorksheetFreezePanes.freezeRows'],
    without: 'fails',
  },
  {
    set: 'ExcelApi',
    version: '1.8',
    usedBy: ['insertTemplate'],
    members: ['Range.dataValidation'],
    without: 'fails',
  },
  {
    set: 'ExcelApi',
    version: '1.9',
    usedBy: ['applyHighlights', 'applyWorkbookHighlights', 'insertTemplate'],
    members: [
      'Worksheet.getRanges',
      'RangeAreas.conditionalFormats',
      'RangeAreas.format',
      'Worksheet.pageLayout',
    ],
    without: 'fails',
  },
  {
    set: 'ExcelApi',
    version: '1.13',
    usedBy: ['readSheet', 'readWorkbook'],
    members: ['Range.getMergedAreasOrNullObject'],
    without: 'degrades',
  },
];

/** The lowest ExcelApi version an operation works with (the reads get merges only from 1.13 on). */
export function minimumVersion(op: HostOperation): string {
  const versions = REQUIREMENTS.filter((r) => r.usedBy.includes(op) && r.without === 'fails').map(
    (r) => r.version,
  );
  return versions.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).pop() ?? '1.1';
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

const BOUNDS = ['rowIndex', 'columnIndex', 'rowCount', 'columnCount'];

function boxOf(r: Excel.Range): Box {
  return { row: r.rowIndex, column: r.columnIndex, rows: r.rowCount, columns: r.columnCount };
}

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function emptyGrid(name: string, origin: { row: number; column: number }): SheetGrid {
  return { name, values: [], numberFormats: [], merges: [], origin };
}

/**
 * The active sheet's used range (or the part of the selection inside it) as the core's grid. Two syncs when it
 * fits one read (bounds; values, number formats and merges); beyond CELLS_PER_READ, one sync per chunk of rows.
 * The whole workbook is readWorkbook's.
 */
export async function readSheet(context: Excel.RequestContext, scope: Scope): Promise<SheetGrid> {
  if (scope === 'workbook') throw new Error('readSheet reads one sheet: the whole workbook is readWorkbook');
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  // Values only: a column formatted to the bottom of the sheet must not make the table a million rows long.
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(BOUNDS);
  const selected = scope === 'selection' ? context.workbook.getSelectedRange() : null;
  selected?.load(BOUNDS);
  await context.sync();

  const start = selected
    ? { row: selected.rowIndex + 1, column: selected.columnIndex + 1 }
    : { row: 1, column: 1 };
  if (used.isNullObject) return emptyGrid(sheet.name, start);
  // A whole column selected would be a million rows: read only what of it holds values.
  const box = selected ? intersectBoxes(boxOf(used), boxOf(selected)) : boxOf(used);
  if (!box) return emptyGrid(sheet.name, start);
  const [grid] = await readBoxes(context, [{ sheet, box }]);
  return grid;
}

/**
 * Every worksheet's used range, in the workbook's order; a blank sheet gives an empty grid. Three syncs when all
 * sheets together fit one read (list the sheets; every used range's bounds; every sheet's values, number formats
 * and merges), then one more per CELLS_PER_READ cells: chunks of several sheets share a sync.
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<SheetGrid[]> {
  // Nothing else can go with the list: every other read needs a sheet of it.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();

  const sheets = worksheets.items;
  const used = sheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load(BOUNDS);
    return range;
  });
  await context.sync();

  const boxes = used.map((range) => (range.isNullObject ? null : boxOf(range)));
  const targets = sheets.flatMap((sheet, i) => {
    const box = boxes[i];
    return box ? [{ sheet, box }] : [];
  });
  const grids = await readBoxes(context, targets);
  let next = 0;
  return sheets.map((sheet, i) => (boxes[i] ? grids[next++] : emptyGrid(sheet.name, { row: 1, column: 1 })));
}

/** A block of cells to read: a sheet (its name loaded) and the 0-based box of it. */
interface Target {
  sheet: Excel.Worksheet;
  box: Box;
}

/** Reads the targets' values, number formats and merges, planned by planBatches; one grid per target. */
async function readBoxes(context: Excel.RequestContext, targets: readonly Target[]): Promise<SheetGrid[]> {
  const boxes = targets.map((t) => t.box);
  const values: CellValue[][][] = targets.map(() => []);
  const numberFormats: string[][][] = targets.map(() => []);
  const merges = targets.map(() => new Set<string>());
  let withMerges = true;
  const pending = planBatches(boxes);
  // The one loop of syncs the house rules allow: each batch stays under Excel's 5 MB response limit.
  while (pending.length) {
    const batch = pending.shift() as Batch;
    const merged = withMerges;
    const reads = batch.map((piece) => {
      const { sheet, box } = targets[piece.target];
      const range = sheet.getRangeByIndexes(
        box.row + piece.rowOffset,
        box.column,
        piece.rowCount,
        box.columns,
      );
      range.load(['values', 'numberFormat']);
      // Merges of each piece come with it: Excel lists a merge under the range holding its top-left cell, and a
      // smaller range stays under the 512 merged areas Excel returns at most.
      const areas = merged ? range.getMergedAreasOrNullObject() : null;
      areas?.load('address');
      return { piece, range, areas };
    });
    try {
      await context.sync();
    } catch (e) {
      const code = codeOf(e);
      if (code === 'ApiNotFound' && merged) {
        // Excel before ExcelApi 1.13: the tables are still worth checking without their merges.
        withMerges = false;
        pending.unshift(batch);
        continue;
      }
      const tooBig = code === 'ResponsePayloadSizeLimitExceeded' || (merged && code === 'GeneralException');
      // Longer text than the plan assumed, or too many merged areas: read the batch in halves.
      const halves = tooBig ? halveBatch(batch, boxes) : null;
      if (halves) {
        pending.unshift(...halves);
        continue;
      }
      throw e;
    }
    for (const { piece, range, areas } of reads) {
      for (const row of range.values) values[piece.target].push(row as CellValue[]);
      for (const row of range.numberFormat) numberFormats[piece.target].push(row as string[]);
      if (areas && !areas.isNullObject)
        for (const a of splitAreaAddress(areas.address)) merges[piece.target].add(a);
    }
  }
  return targets.map(({ sheet, box }, i) => ({
    name: sheet.name,
    values: values[i],
    numberFormats: numberFormats[i],
    merges: [...merges[i]],
    origin: { row: box.row + 1, column: box.column + 1 },
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Highlights

const CF_LOAD = ['items/type', 'items/customOrNullObject/rule/formula'];

function isOurs(cf: Excel.ConditionalFormat): boolean {
  // customOrNullObject, not custom: reaching `custom` of another type fails the whole batch.
  return (
    cf.type === 'Custom' &&
    !cf.customOrNullObject.isNullObject &&
    isHighlightMarker(cf.customOrNullObject.rule.formula)
  );
}

function sheetFormats(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  // The whole sheet's range: its collection holds every conditional format of the sheet.
  const formats = sheet.getRange().conditionalFormats;
  formats.load(CF_LOAD);
  return formats;
}

/**
 * Replaces this sheet's highlights with the given ones (highlights of other sheets are ignored): one conditional
 * format per group of cells, filled in the shared colours. Two syncs. If Excel refuses part of the batch, what
 * was added is removed again before the error is rethrown, so a sheet is never left half highlighted.
 */
export async function applyHighlights(
  context: Excel.RequestContext,
  sheetName: string,
  highlights: Highlight[],
): Promise<void> {
  return applyWorkbookHighlights(context, [sheetName], highlights);
}

/**
 * Replaces the highlights of each named sheet with those of `highlights` on it (a sheet named with none is left
 * with none of ours; sheets not named are left alone). Two syncs whatever the number of sheets: every sheet's
 * conditional formats loaded together, then ours deleted and the new ones added in one batch. If Excel refuses
 * part of it, every highlight of ours on those sheets is removed before the error is rethrown, so no sheet is
 * left half highlighted.
 */
export async function applyWorkbookHighlights(
  context: Excel.RequestContext,
  sheetNames: readonly string[],
  highlights: Highlight[],
): Promise<void> {
  const names = [...new Set(sheetNames)];
  if (!names.length) return;
  const worksheets = context.workbook.worksheets;
  const sheets = names.map((name) => worksheets.getItem(name));
  const existing = sheets.map(sheetFormats);
  await context.sync();

  sheets.forEach((sheet, i) => {
    for (const cf of existing[i].items) if (isOurs(cf)) cf.delete();
    for (const group of groupHighlights(highlights.filter((h) => h.sheet === names[i]))) {
      for (const address of group.addresses) {
        const cf = sheet.getRanges(address).conditionalFormats.add('Custom');
        cf.custom.rule.formula = HIGHLIGHT_MARKER;
        cf.custom.format.fill.color = HIGHLIGHT_FILLS[group.kind];
      }
    }
  });
  try {
    await context.sync();
  } catch (e) {
    // Best effort: the user sees the first error, not one from the clean-up.
    await removeOurs(
      context,
      names.map((name) => worksheets.getItem(name)),
    ).catch(() => undefined);
    throw e;
  }
}

/**
 * Removes the add-in's conditional formats from one sheet, or from every sheet; returns how many. Two syncs for
 * one sheet (one when there is nothing to remove); three for the whole workbook, as Office.js has no workbook-wide
 * collection of conditional formats and the sheets must be listed first.
 */
export async function clearHighlights(context: Excel.RequestContext, sheetName?: string): Promise<number> {
  const worksheets = context.workbook.worksheets;
  if (sheetName !== undefined) return removeOurs(context, [worksheets.getItem(sheetName)]);
  worksheets.load('items/name');
  await context.sync();
  return removeOurs(context, worksheets.items);
}

/** Deletes every conditional format of ours on these sheets: one sync to load them, one to delete if any. */
async function removeOurs(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<number> {
  const collections = sheets.map(sheetFormats);
  await context.sync();
  let removed = 0;
  for (const formats of collections) {
    for (const cf of formats.items) {
      if (!isOurs(cf)) continue;
      cf.delete();
      removed++;
    }
  }
  if (removed) await context.sync();
  return removed;
}

// ---------------------------------------------------------------------------------------------------------------
// Templates

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

// ---------------------------------------------------------------------------------------------------------------
// Navigation and errors

/** Shows a finding's cell: activates its sheet and selects the cell (the sheet alone when the cell is blank). */
export async function selectCell(
  context: Excel.RequestContext,
  sheetName: string,
  cell: string,
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  if (cell) sheet.getRange(cell).select();
  await context.sync();
}

type Lang = 'vi' | 'en';

const MESSAGES: Record<string, Record<Lang, string>> = {
  AccessDenied: {
    vi: 'Trang tính đang được bảo vệ hoặc không cho phép sửa; hãy bỏ bảo vệ (Xem lại > Bỏ bảo vệ trang tính) rồi thử lại.',
    en: 'The sheet is protected or read-only; unprotect it (Review > Unprotect Sheet) and try again.',
  },
  ItemNotFound: {
    vi: 'Không tìm thấy trang tính hoặc ô cần dùng; có thể nó vừa bị đổi tên hoặc xóa, hãy kiểm tra lại.',
    en: 'A sheet or cell the add-in needs was not found; it may have been renamed or deleted, so check again.',
  },
  InvalidArgument: {
    vi: 'Excel không nhận dữ liệu mà tiện ích gửi (địa chỉ ô, tên hoặc định dạng không hợp lệ); hãy thử lại.',
    en: 'Excel did not accept what the add-in sent (an invalid cell address, name or format); please try again.',
  },
  InvalidSelection: {
    vi: 'Hãy chọn một vùng ô liền nhau (không chọn biểu đồ, hình hay nhiều vùng cùng lúc) rồi thử lại.',
    en: 'Select one block of cells (not a chart, a picture or several areas at once) and try again.',
  },
  PayloadTooLarge: {
    vi: 'Bảng quá lớn để đọc hoặc ghi một lần; hãy chọn một phần của bảng và kiểm tra từng phần.',
    en: 'The table is too large to read or write at once; select part of it and check it piece by piece.',
  },
  InsertDeleteConflict: {
    vi: 'Thao tác chèn hoặc xóa ô bị vướng một bảng, vùng gộp ô hoặc bộ lọc trên trang tính.',
    en: 'An insert or delete clashed with a table, merged cells or a filter on the sheet.',
  },
  GeneralException: {
    vi: 'Excel gặp lỗi nội bộ khi xử lý yêu cầu; hãy thử lại, nếu vẫn lỗi thì lưu tệp và mở lại Excel.',
    en: 'Excel hit an internal error; try again, and if it persists save the file and restart Excel.',
  },
  ApiNotFound: {
    vi: 'Phiên bản Excel này chưa hỗ trợ chức năng này; hãy cập nhật Excel (Microsoft 365) hoặc dùng Excel trên web.',
    en: 'This version of Excel does not support this feature yet; update Excel (Microsoft 365) or use Excel on the web.',
  },
  InvalidOperationInCellEditMode: {
    vi: 'Excel đang ở chế độ sửa ô; hãy nhấn Enter hoặc Esc rồi thử lại.',
    en: 'Excel is editing a cell; press Enter or Esc and try again.',
  },
  ItemAlreadyExists: {
    vi: 'Tên trang tính hoặc tên vùng này đã có trong sổ làm việc.',
    en: 'A sheet or a defined name with this name already exists in the workbook.',
  },
  MergedRangeConflict: {
    vi: 'Vùng gộp ô chồng lên một vùng gộp ô khác.',
    en: 'A merged range overlaps another merged range.',
  },
  InvalidOperation: {
    vi: 'Excel không cho phép thao tác này trên trang hiện tại (có thể là trang biểu đồ hoặc bảng Pivot).',
    en: 'Excel does not allow this on the current sheet (it may be a chart sheet or a PivotTable).',
  },
  Busy: {
    vi: 'Excel đang bận hoặc yêu cầu bị hủy; hãy thử lại sau giây lát.',
    en: 'Excel is busy or the request was cancelled; try again in a moment.',
  },
  Conflict: {
    vi: 'Tệp vừa được người khác thay đổi cùng lúc; hãy thử lại.',
    en: 'Someone else changed the file at the same time; try again.',
  },
};

const ALIASES: Record<string, string> = {
  RequestPayloadSizeLimitExceeded: 'PayloadTooLarge',
  ResponsePayloadSizeLimitExceeded: 'PayloadTooLarge',
  RangeExceedsLimit: 'PayloadTooLarge',
  OperationCellsExceedLimit: 'PayloadTooLarge',
  UnsupportedOperation: 'InvalidOperation',
  UnsupportedSheet: 'InvalidOperation',
  NotImplemented: 'ApiNotFound',
  ActivityLimitReached: 'Busy',
  RequestAborted: 'Busy',
  Timeout: 'Busy',
  ServiceNotAvailable: 'Busy',
};

/** The first line of a message, shortened: never a stack trace. */
function firstLine(text: string): string {
  const line = text
    .split(/\r?\n/)[0]
    .trim()
    .replace(/[.。]+$/, '');
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

/** Any error, an Office.js one or not, as one plain sentence in the user's language. */
export function explainError(e: unknown, lang: Lang): string {
  const code = codeOf(e);
  if (code) {
    const known = MESSAGES[ALIASES[code] ?? code];
    if (known) return known[lang];
    return lang === 'vi'
      ? `Excel báo lỗi (${code}); hãy thử lại.`
      : `Excel reported an error (${code}); please try again.`;
  }
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  const detail = firstLine(raw);
  if (lang === 'vi')
    return detail ? `Đã xảy ra lỗi không mong đợi: ${detail}.` : 'Đã xảy ra lỗi không mong đợi.';
  return detail ? `Something unexpected went wrong: ${detail}.` : 'Something unexpected went wrong.';
}
