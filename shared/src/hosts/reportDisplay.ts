/**
 * What a host shows of a report, already worded: findings grouped by code, the KPI attainment table and the
 * per-area summary, with every number, target and date formatted for the language. The Excel task pane and the
 * Sheets sidebar render this model as they like; the wording and the order are decided once, here.
 */
import { formatDateVi } from '../deadlines/calendar';
import { codeTitle, formatQuantity, formatTarget, statusLabel, type Lang } from '../report/messages';
import type {
  Finding,
  FindingCode,
  Kpi,
  KpiStatus,
  Report,
  Severity,
  SheetKind,
  SheetReport,
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

export interface TaskAreaRow {
  area: string;
  name: string;
  tasks: number;
  done: number;
  overdue: number;
}

export interface KpiAreaRow {
  area: string;
  name: string;
  total: number;
  met: number;
  missed: number;
  noData: number;
  unmeasurable: number;
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
}

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

export function formatDate(iso: string, lang: Lang): string {
  return lang === 'vi' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDateVi(iso) : iso;
}

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
    g.items.push({ sheet: f.sheet, cell: f.cell, row: f.row, message: f.message });
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
  const byArea = sheet.summary.byArea;
  return {
    name: sheet.name,
    kind: sheet.kind,
    planYear: sheet.planYear,
    asOf: sheet.asOf,
    asOfText: formatDate(sheet.asOf, lang),
    counts: countSeverities(sheet.findings),
    groups: groupFindings(sheet.findings, lang),
    kpis: sheet.kind === 'kpis' ? sheet.kpis.map((k) => kpiRow(k, lang)) : [],
    taskAreas:
      sheet.kind === 'tasks'
        ? byArea.map((a) => ({
            area: a.area,
            name: a.name,
            tasks: a.tasks,
            done: a.done,
            overdue: a.overdue,
          }))
        : [],
    kpiAreas:
      sheet.kind === 'kpis'
        ? byArea.map((a) => ({
            area: a.area,
            name: a.name,
            total: a.kpis.total,
            met: a.kpis.met,
            missed: a.kpis.missed,
            noData: a.kpis.noData,
            unmeasurable: a.kpis.unmeasurable,
          }))
        : [],
    taskTotals: sheet.summary.tasks,
    kpiTotals: sheet.summary.kpis,
  };
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
