import { HIGHLIGHT_PRIORITY } from './palette';
import type { Highlight, HighlightKind, Report, SheetReport } from './schema';

/**
 * The cells a host should fill, one instruction per cell, derived from the report alone: errors and warnings
 * where findings point, "missed" on overdue deadlines and missed results, "met" on results that reach their
 * target. Where several apply, the strongest wins (error > missed > warning > met).
 */
export function highlightsFor(report: Report): Highlight[] {
  const out: Highlight[] = [];
  // One by one: a spread of a sheet's 200,000 highlights overflows the call stack.
  for (const sheet of report.sheets) for (const h of sheetHighlights(sheet)) out.push(h);
  return out;
}

export function sheetHighlights(sheet: SheetReport): Highlight[] {
  const byCell = new Map<string, HighlightKind>();
  const put = (cell: string, kind: HighlightKind) => {
    const current = byCell.get(cell);
    if (!current || HIGHLIGHT_PRIORITY[kind] > HIGHLIGHT_PRIORITY[current]) byCell.set(cell, kind);
  };
  for (const f of sheet.findings) {
    if (!f.cell || f.severity === 'info') continue;
    put(
      f.cell,
      f.severity === 'error'
        ? 'error'
        : f.code === 'task/overdue' || f.code === 'kpi/target-missed'
          ? 'missed'
          : 'warning',
    );
  }
  // Each verdict on the cell it was read from: with results per period, the checked period's column (or the
  // estimate beside it).
  for (const k of sheet.kpis) {
    const column = k.resultColumn ?? sheet.columns.result;
    if (!column) continue;
    if (k.status === 'met') put(`${column}${k.row}`, 'met');
    else if (k.status === 'missed') put(`${column}${k.row}`, 'missed');
  }
  const deadline = sheet.columns.deadline;
  if (deadline) {
    for (const t of sheet.tasks) if (t.status === 'overdue') put(`${deadline}${t.row}`, 'missed');
  }
  return [...byCell].map(([cell, kind]) => ({ sheet: sheet.name, cell, kind }));
}
