/**
 * What a host shows of a report, already worded: findings grouped by code, the KPI attainment table, the per-area
 * summary with each area's sub-groups and where the table was read, with every number, target and date formatted
 * for the language. The Excel task pane and the Sheets sidebar render this model as they like; the wording and
 * the order are decided once, here.
 */
import {
  codeTitle,
  formatDate,
  message,
  formatNumber,
  formatQuantity,
  formatTarget,
  statusLabel,
  type Lang,
} from '../report/messages';
import type {
  AreaSummary,
  Finding,
  FindingCode,
  Kpi,
  KpiStatus,
  Report,
  ResultColumn,
  Severity,
  SheetKind,
  SheetReport,
  TableEnd,
  TableExtent,
} from '../report/schema';

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface FindingItem {
  sheet: string;
  /** A1 address; empty for findings about the whole workbook or table (nothing to select). */
  cell: string;
  row: number;
  message: string;
}

export interface FindingGroup {
  code: FindingCode;
  title: string;
  severity: Severity;
  severityLabel: string;
  items: FindingItem[];
}

export interface KpiRow {
  row: number;
  number: string;
  indicator: string;
  /** "≥ 80%; ≤ 15 phút", or "" when no target could be read. */
  targets: string;
  /** "92,5%", or "" when the result is blank or unreadable. */
  result: string;
  status: KpiStatus;
  statusLabel: string;
}

/** A numbered sub-group of an area's tasks ("1. Xây dựng, ban hành văn bản chỉ đạo …" over tasks 1.1, 1.2). */
export interface TaskGroupRow {
  /** As written, without its dot: "1", "7.2". */
  number: string;
  name: string;
  /** 1-based sheet row of the group row. */
  row: number;
  tasks: number;
  done: number;
  overdue: number;
}

export interface TaskAreaRow {
  area: string;
  name: string;
  tasks: number;
  done: number;
  overdue: number;
  /** The area's sub-groups in sheet order; empty when its tasks are not grouped. */
  groups: TaskGroupRow[];
}

/** A numbered sub-group of an area's indicators ("7.2 Chuyển đổi số" over the un-numbered ones under it). */
export interface KpiGroupRow {
  number: string;
  name: string;
  row: number;
  total: number;
  met: number;
  missed: number;
  noData: number;
  unmeasurable: number;
}

export interface KpiAreaRow {
  area: string;
  name: string;
  total: number;
  met: number;
  missed: number;
  noData: number;
  unmeasurable: number;
  /** The area's sub-groups in sheet order; empty when its indicators are not grouped. */
  groups: KpiGroupRow[];
}

export interface SheetDisplay {
  name: string;
  kind: SheetKind;
  planYear: number;
  asOf: string;
  /** dd/mm/yyyy in Vietnamese, YYYY-MM-DD in English. */
  asOfText: string;
  counts: SeverityCounts;
  groups: FindingGroup[];
  kpis: KpiRow[];
  taskAreas: TaskAreaRow[];
  kpiAreas: KpiAreaRow[];
  taskTotals: SheetReport['summary']['tasks'];
  kpiTotals: SheetReport['summary']['kpis'];
  /**
   * Where the table was read, worded: "Bảng: dòng 7–58; kết thúc ở dòng tổng cộng (dòng 58)"; "" when no table
   * was found.
   */
  extentText: string;
  /**
   * For a KPI table with several result columns, the one judged: 'Đánh giá theo cột E "Kết quả 9 tháng"'; ""
   * otherwise.
   */
  resultColumnText: string;
  /**
   * True for a blank appendix (no task, or no target or result, entered yet): its one finding says so, and the
   * hosts show no attainment or area table of zeros and "Không đo được".
   */
  blank: boolean;
}

/** The codes that say a table is a blank appendix still to be filled in. */
const BLANK_CODES = new Set(['task/tasks-not-set', 'kpi/targets-not-set']);

export interface ReportDisplay {
  valid: boolean;
  asOf: string;
  asOfText: string;
  /** Over the whole report: workbook-level findings and every sheet's. */
  counts: SeverityCounts;
  /** Findings about the workbook as a whole (no table found). */
  groups: FindingGroup[];
  sheets: SheetDisplay[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export { formatDate };

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** Findings grouped by code, errors first, then warnings, then notes; within a group in sheet order. */
export function groupFindings(findings: readonly Finding[], lang: Lang): FindingGroup[] {
  const groups = new Map<FindingCode, FindingGroup>();
  for (const f of findings) {
    let g = groups.get(f.code);
    if (!g) {
      g = {
        code: f.code,
        title: codeTitle(f.code, lang),
        severity: f.severity,
        severityLabel: statusLabel(f.severity, lang),
        items: [],
      };
      groups.set(f.code, g);
    }
    // Worded now, in the language shown; a report from before findings had parameters keeps its own words.
    const text = f.params ? message(f.code, f.params, lang) : f.message;
    g.items.push({ sheet: f.sheet, cell: f.cell, row: f.row, message: text });
  }
  // Array.prototype.sort is stable, so codes of one severity keep the order they first appear in.
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** One KPI as a table row; a cell answering several targets shows each result in its target's unit. */
export function kpiRow(k: Kpi, lang: Lang): KpiRow {
  return {
    row: k.row,
    number: k.number ?? '',
    indicator: k.indicator,
    targets: k.targets.map((x) => formatTarget(x, lang)).join('; '),
    result: k.actuals
      .map((v, i) => formatQuantity(v, (k.targets[i] ?? k.targets[0])?.unit ?? '', lang))
      .join('; '),
    status: k.status,
    statusLabel: statusLabel(k.status, lang),
  };
}

export function sheetDisplay(sheet: SheetReport, lang: Lang): SheetDisplay {
  const blank = sheet.findings.some((f) => BLANK_CODES.has(f.code));
  const byArea = blank ? [] : sheet.summary.byArea;
  return {
    name: sheet.name,
    kind: sheet.kind,
    planYear: sheet.planYear,
    asOf: sheet.asOf,
    asOfText: formatDate(sheet.asOf, lang),
    counts: countSeverities(sheet.findings),
    groups: groupFindings(sheet.findings, lang),
    kpis: sheet.kind === 'kpis' && !blank ? sheet.kpis.map((k) => kpiRow(k, lang)) : [],
    taskAreas: sheet.kind === 'tasks' ? byArea.map(taskAreaRow) : [],
    kpiAreas: sheet.kind === 'kpis' ? byArea.map(kpiAreaRow) : [],
    taskTotals: sheet.summary.tasks,
    kpiTotals: sheet.summary.kpis,
    // A report written before tables had an extent (an older `--format json`) has neither field.
    extentText: sheet.kind === 'none' || !sheet.table ? '' : extentText(sheet.table, lang),
    resultColumnText: sheet.kind === 'kpis' ? resultColumnText(sheet.resultColumns ?? [], lang) : '',
    blank,
  };
}

function taskAreaRow(a: AreaSummary): TaskAreaRow {
  return {
    area: a.area,
    name: a.name,
    tasks: a.tasks,
    done: a.done,
    overdue: a.overdue,
    groups: (a.groups ?? []).map((g) => ({
      number: g.number,
      name: g.name,
      row: g.row,
      tasks: g.tasks,
      done: g.done,
      overdue: g.overdue,
    })),
  };
}

function kpiAreaRow(a: AreaSummary): KpiAreaRow {
  return {
    area: a.area,
    name: a.name,
    ...kpiCounts(a.kpis),
    groups: (a.groups ?? []).map((g) => ({
      number: g.number,
      name: g.name,
      row: g.row,
      ...kpiCounts(g.kpis),
    })),
  };
}

function kpiCounts(k: AreaSummary['kpis']) {
  return { total: k.total, met: k.met, missed: k.missed, noData: k.noData, unmeasurable: k.unmeasurable };
}

/** What ended a table, worded after "Bảng: dòng 7–58; "; the row that ended it follows in brackets. */
const TABLE_ENDS: Record<TableEnd, [string, string]> = {
  'sheet-end': ['đến hết trang tính', 'runs to the end of the sheet'],
  total: ['kết thúc ở dòng tổng cộng', 'ends at the total row'],
  signature: ['kết thúc trước khối chữ ký', 'ends before the signature block'],
  notes: ['kết thúc trước phần ghi chú', 'ends before the notes'],
  'date-line': ['kết thúc trước dòng địa danh, ngày tháng', 'ends before the place-and-date line'],
  'next-table': ['kết thúc trước bảng thứ hai', 'ends before a second table'],
};

/**
 * "Bảng: dòng 7–58 (dòng số thứ tự cột: 6); kết thúc trước khối chữ ký (dòng 60: "Nơi nhận:")" /
 * "Table: rows 7–58 (column-number row: 6); ends before the signature block (row 60: "Nơi nhận:")".
 */
export function extentText(t: TableExtent, lang: Lang): string {
  const vi = lang === 'vi';
  const n = (x: number) => formatNumber(x, lang);
  const rows =
    t.lastRow < t.firstRow
      ? vi
        ? 'không có dòng nào'
        : 'no rows'
      : t.lastRow === t.firstRow
        ? `${vi ? 'dòng' : 'row'} ${n(t.firstRow)}`
        : `${vi ? 'dòng' : 'rows'} ${n(t.firstRow)}–${n(t.lastRow)}`;
  const numbers =
    t.columnNumberRow === null
      ? ''
      : ` (${vi ? 'dòng số thứ tự cột' : 'column-number row'}: ${n(t.columnNumberRow)})`;
  let end = TABLE_ENDS[t.end][vi ? 0 : 1];
  // The total row ends the table and is named by its row alone; anything else is quoted, it is not the table's.
  if (t.end !== 'sheet-end' && t.endRow > 0) {
    const quoted = t.end !== 'total' && t.endText ? `: "${t.endText}"` : '';
    end += ` (${vi ? 'dòng' : 'row'} ${n(t.endRow)}${quoted})`;
  }
  return `${vi ? 'Bảng' : 'Table'}: ${rows}${numbers}; ${end}`;
}

/**
 * The judged result column of a KPI table with several: 'Đánh giá theo cột E "Kết quả 9 tháng"' / 'Judged on
 * column E "Kết quả 9 tháng"', with the estimate column read where the final one is blank; "" for one column.
 */
export function resultColumnText(columns: readonly ResultColumn[], lang: Lang): string {
  if (columns.length < 2) return '';
  const vi = lang === 'vi';
  const named = (c: ResultColumn) => `${c.column} "${c.heading}"`;
  const used = columns.filter((c) => c.used);
  const final = used.find((c) => !c.estimate);
  const estimate = used.find((c) => c.estimate);
  if (final && estimate) {
    return vi
      ? `Đánh giá theo cột ${named(final)}, nơi cột này trống thì theo số ước thực hiện ở cột ${named(estimate)}`
      : `Judged on column ${named(final)}, or on the estimate in column ${named(estimate)} where it is blank`;
  }
  const only = final ?? estimate;
  if (only) {
    const est = only.estimate ? (vi ? ' (số ước thực hiện)' : ' (an estimate)') : '';
    return vi ? `Đánh giá theo cột ${named(only)}${est}` : `Judged on column ${named(only)}${est}`;
  }
  const all = columns.map(named).join(', ');
  return vi ? `Chưa đánh giá theo cột kết quả nào (${all})` : `Not judged on any result column yet (${all})`;
}

/**
 * The report as a host displays it. The messages inside findings are in the language the report was made in;
 * `lang` words the rest, so pass the report's own language unless the host re-checks on a language switch.
 */
export function reportDisplay(report: Report, lang: Lang = report.lang): ReportDisplay {
  const all = report.findings.concat(...report.sheets.map((s) => s.findings));
  return {
    valid: report.valid,
    asOf: report.asOf,
    asOfText: formatDate(report.asOf, lang),
    counts: countSeverities(all),
    groups: groupFindings(report.findings, lang),
    sheets: report.sheets.map((s) => sheetDisplay(s, lang)),
  };
}
