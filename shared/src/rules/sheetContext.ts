import type { Period } from '../deadlines/periods';
import type { FindingList } from '../report/findings';
import type { Role } from '../table/header';
import type { TableModel } from '../table/readTable';
import type { SheetView } from '../table/sheetView';

/** What the rules of one sheet share. */
export interface SheetContext {
  view: SheetView;
  model: TableModel;
  planYear: number;
  /** YYYY-MM-DD */
  asOf: string;
  /** Rules give findings parameters in no language; the list words the report's message. */
  findings: FindingList;
  /** The plan's own data cut-offs ('dd/mm' per period), national ones where absent. */
  cutoffs?: Partial<Record<Period, string>>;
}

/** A numbered sub-group as the summary lists it, under the area it sits in. */
export interface GroupRef {
  area: string | null;
  number: string;
  name: string;
  row: number;
}

/** An area as the summary lists it: key and display name, in sheet order. */
export interface AreaRef {
  area: string;
  name: string;
}

/** Reports each required column the header lacks; returns the roles that are present. */
export function requireColumns(ctx: SheetContext, roles: readonly Role[]): void {
  const { model, findings } = ctx;
  const anchor = model.header.mainColumn ?? ctx.view.firstColumn;
  for (const role of roles) {
    if (model.columns[role] === undefined) {
      findings.add('header/missing-field', model.headerRow, anchor, { field: { field: role } });
    }
  }
}

/** A blank cell that no merge covers, in a column the table has: the cell/required check. */
export function reportIfBlank(ctx: SheetContext, row: number, role: Role, blank: boolean): void {
  const column = ctx.model.columns[role];
  if (column === undefined || !blank || ctx.view.isCovered(row, column)) return;
  ctx.findings.add('cell/required', row, column, { field: { field: role } });
}

/** The group a row belongs to: the current one while rows are numbered under it (or not numbered at all). */
export function groupOf(current: string | null, number: string | null): string | null {
  if (current === null || number === null) return current;
  return number.startsWith(current + '.') ? current : null;
}
