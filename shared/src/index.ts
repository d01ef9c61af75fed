/** The core's public surface: what hosts and the command line use. */
export { checkWorkbook, checkSheet, type CheckOptions } from './check';
export { highlightsFor, sheetHighlights } from './report/highlights';
export { HIGHLIGHT_FILLS, HIGHLIGHT_PRIORITY } from './report/palette';
export { reportSchema, highlightSchema } from './report/schema';
export type * from './report/schema';
export type { Lang } from './report/messages';
export {
  DEFAULT_SEVERITY,
  codeTitle,
  statusLabel,
  message,
  formatNumber,
  formatQuantity,
  formatTarget,
} from './report/messages';
export type { SheetGrid, CellValue, MergedRange } from './table/grid';
export { a1, parseA1, parseRange, columnLetters } from './table/grid';
export {
  PERIODS,
  periodCutoff,
  parsePeriod,
  parseCutoffOverrides,
  periodLabel,
  type Period,
} from './deadlines/periods';
export { parseDeadline } from './deadlines/parseDeadline';
export { parseTargets } from './targets/parseTarget';
export { parseActual } from './targets/parseActual';
export { formatDateVi } from './deadlines/calendar';
