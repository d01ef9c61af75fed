import { summarise } from './attainment/summary';
import { isPlanYear, isoDate } from './deadlines/calendar';
import { periodCutoff, type Period } from './deadlines/periods';
import { FindingList } from './report/findings';
import type { Lang } from './report/messages';
import type { Finding, Report, SheetReport } from './report/schema';
import { checkCellValues } from './rules/cellValues';
import { readKpis } from './rules/kpiSheet';
import { readTasks } from './rules/taskSheet';
import type { SheetContext } from './rules/sheetContext';
import { columnLetters, type SheetGrid } from './table/grid';
import { endText, readTable } from './table/readTable';
import { SheetView } from './table/sheetView';

export interface CheckOptions {
  /** Name shown in the report (a file name, a workbook title). */
  file?: string;
  /** Plan year; by default read from the title ("… NĂM 2025"). */
  year?: number;
  /** Judge tasks as of this day (YYYY-MM-DD). */
  asOf?: string;
  /** Or as of a reporting period's data cut-off in the plan year. */
  period?: Period;
  /** Cut-off overrides ('dd/mm' per period); national guidance by default. */
  cutoffs?: Partial<Record<Period, string>>;
  lang?: Lang;
  /** Today's date (YYYY-MM-DD) when neither asOf nor period is given; hosts pass it to keep the core clock-free. */
  today?: string;
}

/** Checks every sheet of a workbook: the one call every host makes. */
export function checkWorkbook(sheets: SheetGrid[], options: CheckOptions = {}): Report {
  const lang: Lang = options.lang === 'en' ? 'en' : 'vi';
  const reports = sheets.map((s) => checkSheet(s, options));
  const findings: Finding[] = [];
  if (!reports.some((r) => r.kind !== 'none')) {
    const list = new FindingList('', lang);
    list.add('table/not-found', 0, 0);
    // One by one: a spread of 200,000 findings overflows the call stack.
    for (const f of list.items) findings.push(f);
  }
  const valid =
    !findings.some((f) => f.severity === 'error') &&
    !reports.some((r) => r.findings.some((f) => f.severity === 'error'));
  const firstTable = reports.find((r) => r.kind !== 'none');
  return {
    file: options.file ?? '',
    valid,
    asOf: firstTable?.asOf ?? resolveAsOf(options, yearOf(options)),
    lang,
    findings,
    sheets: reports,
  };
}

/** Checks one sheet; a sheet without a recognisable table comes back as kind "none" with no findings. */
export function checkSheet(grid: SheetGrid, options: CheckOptions = {}): SheetReport {
  const lang: Lang = options.lang === 'en' ? 'en' : 'vi';
  const view = new SheetView(grid);
  const model = readTable(view);
  if (!model) {
    const planYear = yearOf(options);
    return {
      name: view.name,
      kind: 'none',
      headerRow: 0,
      planYear,
      asOf: resolveAsOf(options, planYear),
      columns: {},
      findings: [],
      table: null,
      resultColumns: [],
      tasks: [],
      kpis: [],
      summary: summarise([], [], []),
    };
  }
  const planYear = validYear(options.year) ?? model.titleYear ?? yearOf(options);
  const asOf = resolveAsOf(options, planYear);
  const ctx: SheetContext = {
    view,
    model,
    planYear,
    asOf,
    findings: new FindingList(view.name, lang),
    cutoffs: options.cutoffs,
  };
  checkCellValues(ctx);
  const read =
    model.kind === 'tasks'
      ? { ...readTasks(ctx), kpis: [], resultColumns: [], resultColumn: undefined }
      : { ...readKpis(ctx), tasks: [] };
  const { tasks, kpis, areas, groups } = read;
  const columns: Record<string, string> = {};
  for (const [role, column] of Object.entries(model.columns)) columns[role] = columnLetters(column - 1);
  // The result column is the one judged for the period checked (none before any period closes).
  if (read.resultColumn === null) delete columns.result;
  else if (read.resultColumn !== undefined) columns.result = columnLetters(read.resultColumn - 1);
  const findings = ctx.findings.items.sort(
    (a, b) =>
      a.row - b.row || a.cell.length - b.cell.length || (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0),
  );
  return {
    name: view.name,
    kind: model.kind,
    headerRow: model.headerRow,
    planYear,
    asOf,
    columns,
    findings,
    table: {
      firstRow: (model.columnNumberRow ?? model.headerRow) + 1,
      lastRow: model.lastRow,
      columnNumberRow: model.columnNumberRow,
      end: model.end,
      endRow: model.endRow,
      endText: endText(view, model),
    },
    resultColumns: read.resultColumns,
    tasks,
    kpis,
    summary: summarise(areas, tasks, kpis, groups),
  };
}

function validYear(y: number | undefined): number | undefined {
  return typeof y === 'number' && isPlanYear(y) ? y : undefined;
}

function today(options: CheckOptions): string {
  if (options.today && /^\d{4}-\d{2}-\d{2}$/.test(options.today)) return options.today;
  const d = new Date();
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

function yearOf(options: CheckOptions): number {
  return validYear(options.year) ?? Number((options.asOf ?? today(options)).slice(0, 4));
}

function resolveAsOf(options: CheckOptions, planYear: number): string {
  if (options.asOf && /^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) return options.asOf;
  if (options.period) return periodCutoff(options.period, planYear, options.cutoffs);
  return today(options);
}
