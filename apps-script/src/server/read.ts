/**
 * Reading a sheet for the pane: the data range (or the part of the selection inside it) in three reads,
 * getValues, getNumberFormats and getMergedRanges, whatever the number of rows; Dates turned into serial numbers
 * in the spreadsheet's time zone, since google.script.run cannot carry a Date.
 */
import { intersectBoxes, type Box } from '../../../shared/src/hosts/box';
import { packGrid, type PackedGrid } from '../../../shared/src/hosts/gridTransfer';
import type { Scope } from '../../../shared/ui/workbook';

/** Utilities.formatDate's pattern for the wall-clock date-time the core turns into a serial number. */
const LOCAL_PATTERN = "yyyy-MM-dd'T'HH:mm:ss";

export function readActiveSheet(scope: Scope): PackedGrid {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  const name = sheet.getName();
  // Rows and columns holding values or formulas: a column formatted to the bottom adds nothing.
  const used: Box = { row: 1, column: 1, rows: sheet.getLastRow(), columns: sheet.getLastColumn() };
  let box: Box | null = used.rows > 0 && used.columns > 0 ? used : null;
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
  if (!box) return packGrid({ name, values: [], numberFormats: [], merges: [], origin }, () => '');

  const range = sheet.getRange(box.row, box.column, box.rows, box.columns);
  const values = range.getValues();
  const numberFormats = range.getNumberFormats();
  const merges = range.getMergedRanges().map((m) => m.getA1Notation());
  const zone = ss.getSpreadsheetTimeZone();
  return packGrid(
    { name, values, numberFormats, merges, origin: { row: box.row, column: box.column } },
    (d) => Utilities.formatDate(d, zone, LOCAL_PATTERN),
  );
}
