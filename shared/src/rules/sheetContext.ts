import type { FindingList } from '../report/findings';
import type { Lang } from '../report/messages';
import type { Role } from '../table/header';
import type { TableModel } from '../table/readTable';
import type { SheetView } from '../table/sheetView';
import { fieldLabel } from '../report/messages';

/** What the rules of one sheet share. */
export interface SheetContext {
  view: SheetView;
  model: TableModel;
  planYear: number;
  /** YYYY-MM-DD */
  asOf: string;
  lang: Lang;
  findings: FindingList;
}

/** An area as the summary lists it: key and display name, in sheet order. */
export interface AreaRef {
  area: string;
  name: string;
}

/** Reports each required column the header lacks; returns the roles that are present. */
export function requireColumns(ctx: SheetContext, roles: readonly Role[]): void {
  const { model, findings, lang } = ctx;
  const anchor = model.header.mainColumn ?? ctx.view.firstColumn;
  for (const role of roles) {
    if (model.columns[role] === undefined) {
      findings.add('header/missing-field', model.headerRow, anchor, { field: fieldLabel(role, lang) });
    }
  }
}

/** A blank cell that no merge covers, in a column the table has: the cell/required check. */
export function reportIfBlank(ctx: SheetContext, row: number, role: Role, blank: boolean): void {
  const column = ctx.model.columns[role];
  if (column === undefined || !blank || ctx.view.isCovered(row, column)) return;
  ctx.findings.add('cell/required', row, column, { field: fieldLabel(role, ctx.lang) });
}
