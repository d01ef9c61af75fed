/**
 * Cells that are not what they seem: a formula error (#REF!, #DIV/0!, #N/A …) where a lead, a target or a result
 * belongs, TRUE/FALSE where text belongs, a number under a date format that is no date, a formula the file holds
 * no result for. Each is reported once, as such, before the other rules read the row: otherwise "#REF!" would
 * pass as a lead unit, and an uncalculated total as an empty cell.
 */
import { serialToYMD } from '../deadlines/calendar';
import type { Role } from '../table/header';
import { isDateFormat } from '../table/numberFormat';
import type { SheetContext } from './sheetContext';

/** The error values Excel, LibreOffice and Sheets show in a cell whose formula failed. */
const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#EXTERNAL!',
  '#ERROR!',
]);

export function isErrorValue(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 14 && ERROR_VALUES.has(value.trim().toUpperCase());
}

// A checkbox in the progress column is a real answer (ticked = done); elsewhere TRUE/FALSE stands for lost text.
const TEXT_ROLES = new Set<Role>([
  'task',
  'product',
  'lead',
  'partner',
  'deadline',
  'indicator',
  'target',
  'result',
]);

export function checkCellValues(ctx: SheetContext): void {
  const { view, model, findings } = ctx;
  const columns = Object.entries(model.columns) as [Role, number][];
  for (const entry of model.entries) {
    if (entry.type !== 'data') continue;
    const row = entry.row;
    for (const [role, column] of columns) {
      if (role === 'number' || view.isCovered(row, column)) continue;
      const value = view.value(row, column);
      // The parameter object only for a cell that is reported: this runs for every cell of the table.
      if (isErrorValue(value))
        findings.claim(row, column, { why: 'error', field: { field: role }, value: String(value).trim() });
      else if (typeof value === 'boolean' && TEXT_ROLES.has(role))
        findings.claim(row, column, {
          why: 'boolean',
          field: { field: role },
          value: value ? 'TRUE' : 'FALSE',
        });
      else if (typeof value === 'number' && isDateFormat(view.format(row, column)) && !serialToYMD(value))
        findings.claim(row, column, { why: 'date-range', field: { field: role }, value: String(value) });
      else if ((value === null || value === undefined) && view.isUncalculated(row, column))
        findings.claim(row, column, { why: 'uncalculated', field: { field: role }, value: '' });
    }
  }
}
