/**
 * What one ward file adds to the province summary, made where the file was read (a worker thread) so only this
 * small record crosses to the thread that consolidates: counts, indicator results, error rows.
 */
import type { KpiStatus, Report } from '../report/schema';
import type { SheetGrid } from '../table/grid';
import { emptyKpiCounts } from '../attainment/summary';
import { indicatorKey } from './indicatorKey';
import type { SummaryError, TaskCounts, UnitSource, WardFile } from './schema';
import { unitFromGrids, unitFromPath } from './unitName';

export interface FileDigest {
  file: string;
  unit: string;
  unitSource: UnitSource;
  unreadable: string | null;
  planYear: number | null;
  /** The date the file's tasks were judged against (YYYY-MM-DD); "" when unreadable. */
  asOf: string;
  tasks: TaskCounts;
  kpis: WardFile['kpis'];
  errors: number;
  warnings: number;
  areas: { area: string; name: string; tasks: number; done: number; overdue: number }[];
  indicators: { key: string; name: string; actual: number | null; unit: string; status: KpiStatus }[];
  errorRows: SummaryError[];
}

export function emptyTaskCounts(): TaskCounts {
  return { total: 0, done: 0, overdue: 0, pending: 0, ongoing: 0 };
}

/** The digest of a file that was read and checked. `file` is the name shown (relative to the batch's folder). */
export function digestReport(report: Report, grids: readonly SheetGrid[], file: string): FileDigest {
  const named = unitFromGrids(grids) ?? unitFromPath(file);
  const tasks = emptyTaskCounts();
  const kpis = emptyKpiCounts();
  const areas = new Map<string, FileDigest['areas'][number]>();
  const indicators = new Map<string, FileDigest['indicators'][number]>();
  const errorRows: SummaryError[] = [];
  let errors = 0;
  let warnings = 0;
  const count = (sheet: string, f: Report['findings'][number]) => {
    if (f.severity === 'warning') warnings++;
    if (f.severity !== 'error') return;
    errors++;
    errorRows.push({ file, sheet, cell: f.cell, code: f.code, message: f.message });
  };
  for (const f of report.findings) count(f.sheet, f);
  for (const sheet of report.sheets) {
    for (const f of sheet.findings) count(sheet.name, f);
    const s = sheet.summary;
    for (const k of ['total', 'done', 'overdue', 'pending', 'ongoing'] as const) tasks[k] += s.tasks[k];
    for (const k of ['total', 'met', 'missed', 'noData', 'unmeasurable'] as const) kpis[k] += s.kpis[k];
    if (sheet.kind === 'tasks') {
      for (const a of s.byArea) {
        if (a.tasks === 0) continue;
        const sum = areas.get(a.area) ?? { area: a.area, name: a.name, tasks: 0, done: 0, overdue: 0 };
        sum.tasks += a.tasks;
        sum.done += a.done;
        sum.overdue += a.overdue;
        areas.set(a.area, sum);
      }
    }
    for (const kpi of sheet.kpis) {
      const key = indicatorKey(kpi.indicator);
      // An indicator listed twice in one file counts once, as first written.
      if (!key || indicators.has(key)) continue;
      indicators.set(key, {
        key,
        name: kpi.indicator,
        actual: kpi.actual,
        unit: kpi.targets[0]?.unit ?? '',
        status: kpi.status,
      });
    }
  }
  const firstTable = report.sheets.find((s) => s.kind !== 'none');
  return {
    file,
    unit: named.unit,
    unitSource: named.source,
    unreadable: null,
    planYear: firstTable?.planYear ?? null,
    asOf: report.asOf,
    tasks,
    kpis,
    errors,
    warnings,
    areas: [...areas.values()],
    indicators: [...indicators.values()],
    errorRows,
  };
}

/** The digest of a file that could not be read: `reason` is the one line the user sees. */
export function unreadableDigest(file: string, reason: string): FileDigest {
  const named = unitFromPath(file);
  return {
    file,
    unit: named.unit,
    unitSource: named.source,
    unreadable: reason,
    planYear: null,
    asOf: '',
    tasks: emptyTaskCounts(),
    kpis: emptyKpiCounts(),
    errors: 0,
    warnings: 0,
    areas: [],
    indicators: [],
    errorRows: [{ file, sheet: '', cell: '', code: 'file/unreadable', message: reason }],
  };
}
