/**
 * Reading sheets for the pane: each sheet's data range (or the part of the selection inside it) in three reads,
 * getValues, getNumberFormats and getMergedRanges, whatever the number of rows; Dates turned into serial numbers
 * in the spreadsheet's time zone, since google.script.run cannot carry a Date.
 */
import { intersectBoxes, type Box } from '../../../shared/src/hosts/box';
import { packGrid, type PackedGrid } from '../../../shared/src/hosts/gridTransfer';
import type { Scope } from '../../../shared/ui/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Utilities.formatDate's pattern for the wall-clock date-time the core turns into a serial number. */
const LOCAL_PATTERN = "yyyy-MM-dd'T'HH:mm:ss";

/** Rows and columns holding values or formulas: a column formatted to the bottom adds nothing. */
function usedBox(sheet: Sheet): Box | null {
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  return rows > 0 && columns > 0 ? { row: 1, column: 1, rows, columns } : null;
}

/** One box of a sheet in three 2-D reads; an empty grid (at `origin`) when there is nothing to read. */
function readBox(sheet: Sheet, box: Box | null, origin: { row: number; column: number }, zone: string) {
  const name = sheet.getName();
  if (!box) return packGrid({ name, values: [], numberFormats: [], merges: [], origin }, () => '');
  const range = sheet.getRange(box.row, box.column, box.rows, box.columns);
  const values = range.getValues();
  const numberFormats = range.getNumberFormats();
  const merges = range.getMergedRanges().map((m) => m.getA1Notation());
  return packGrid(
    { name, values, numberFormats, merges, origin: { row: box.row, column: box.column } },
    (d) => Utilities.formatDate(d, zone, LOCAL_PATTERN),
  );
}

export function readActiveSheet(scope: Scope): PackedGrid {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  let box = usedBox(sheet);
  let origin = { row: 1, column: 1 };
  if (scope === 'selection') {
    const selected = ss.getActiveRange();
    if (selected) {
      const sel: Box = {
        row: selected.getRow(),
        column: selected.getColumn(),
        rows: selected.getNumRows(),
        columns: selected.getNumColumns(),
      };
      origin = { row: sel.row, column: sel.column };
      // A whole column selected would be a thousand empty rows: read only what of it holds values.
      box = box && intersectBoxes(box, sel);
    }
  }
  return readBox(sheet, box, origin, ss.getSpreadsheetTimeZone());
}

/**
 * Every grid sheet in the spreadsheet's order (hidden ones too: they go out with the file), three reads each;
 * a chart moved to its own sheet holds no cells and is left out. A blank sheet gives an empty grid.
 */
export function readAllSheets(): PackedGrid[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const zone = ss.getSpreadsheetTimeZone();
  return ss
    .getSheets()
    .filter((sheet) => sheet.getType() === SpreadsheetApp.SheetType.GRID)
    .map((sheet) => readBox(sheet, usedBox(sheet), { row: 1, column: 1 }, zone));
}
