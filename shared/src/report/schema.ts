/**
 * The report: the public interface between the core, the hosts and any tool that reads `cchc validate --format
 * json`. These schemas are the single source of truth; the TypeScript types derive from them.
 */
import { z } from 'zod';

export const severitySchema = z.enum(['error', 'warning', 'info']);

export const findingCodeSchema = z.enum([
  'table/not-found',
  'table/count-mismatch',
  'header/missing-field',
  'header/no-actual-column',
  'cell/required',
  'cell/unusable',
  'task/deadline-unparseable',
  'task/deadline-out-of-year',
  'task/overdue',
  'row/number-duplicate',
  'row/number-gap',
  'row/number-missing',
  'row/duplicate',
  'area/missing',
  'area/unknown',
  'area/order',
  'kpi/targets-not-set',
  'task/tasks-not-set',
  'kpi/target-unparseable',
  'kpi/target-unmeasurable',
  'kpi/actual-unparseable',
  'kpi/actual-out-of-range',
  'kpi/actual-count-mismatch',
  'kpi/actual-zero-denominator',
  'kpi/target-missed',
  'kpi/period-column',
  'kpi/no-data-for-period',
]);

export const opSchema = z.enum(['>=', '>', '<=', '<', '=']);

export const targetSchema = z.object({
  text: z.string(),
  op: opSchema,
  value: z.number(),
  /** "%" for percentages, otherwise the counted noun ("phút", "hoạt động") or "" when none is named. */
  unit: z.string(),
});

/**
 * A finding's parameter, in no language, so that the message can be worded again in another (a language switch
 * re-words, it never re-checks). Plain strings and numbers are the same in every language (a cell's text, a
 * column letter, a row); the tagged ones are worded when shown: a column's role ("lead" → "Cơ quan chủ trì"),
 * an ISO date (dd/mm/yyyy in Vietnamese), a number (decimal comma), figures with their units, targets, the
 * counted noun and a reform area by its numeral.
 */
export const paramSchema = z.union([
  z.string(),
  z.number(),
  z.object({ field: z.string() }),
  z.object({ date: z.string() }),
  z.object({ number: z.number() }),
  z.object({ quantities: z.array(z.object({ value: z.number(), unit: z.string() })) }),
  z.object({ targets: z.array(targetSchema) }),
  z.object({ noun: z.enum(['tasks', 'kpis']) }),
  z.object({ area: z.string() }),
]);

export const findingSchema = z.object({
  code: findingCodeSchema,
  severity: severitySchema,
  sheet: z.string(),
  /** A1 address of the cell the finding is about; empty for workbook-level findings. */
  cell: z.string(),
  /** 1-based sheet row; 0 for workbook-level findings. */
  row: z.number().int().nonnegative(),
  /** Worded in the report's language. */
  message: z.string(),
  /** What the message is made of (absent in older reports): worded again in another language. */
  params: z.record(z.string(), paramSchema).optional(),
});

export const deadlineKindSchema = z.enum(['date', 'recurring', 'external', 'unknown']);

export const deadlineSchema = z.object({
  text: z.string(),
  kind: deadlineKindSchema,
  /** YYYY-MM-DD, the last milestone; null unless kind is "date". */
  due: z.string().nullable(),
  /** Every dated milestone in the cell, sorted ("Ban hành: Tháng 7; Thực hiện: Cả năm" has two). */
  milestones: z.array(z.string()).readonly(),
});

export const taskStatusSchema = z.enum(['done', 'overdue', 'pending', 'ongoing']);
export const kpiStatusSchema = z.enum(['met', 'missed', 'no-data', 'unmeasurable']);

export const taskSchema = z.object({
  row: z.number().int().positive(),
  /** The task's number as written ("3", "1.2"), or null when the row has none. */
  number: z.string().nullable(),
  /** Roman numeral of the area the task sits under ("III"), or null before any area row. */
  area: z.string().nullable(),
  /** The number of the sub-group the task sits under ("1" for a row "1. Xây dựng văn bản …"), or null. */
  group: z.string().nullable(),
  text: z.string(),
  lead: z.string(),
  deadline: deadlineSchema,
  /**
   * The start date (YYYY-MM-DD) when the table has a start column beside the deadline ("Bắt đầu | Hoàn thành"),
   * null when that cell reads as no date; absent when the table has no start column.
   */
  start: z.string().nullable().optional(),
  progress: z.string(),
  status: taskStatusSchema,
});

export const kpiSchema = z.object({
  row: z.number().int().positive(),
  number: z.string().nullable(),
  /** Area key: the Roman numeral of the area row above it, or the top-level number ("1") in tables without area rows. */
  area: z.string().nullable(),
  /** The number of the group row the indicator sits under ("7.2" above un-numbered indicators), or null. */
  group: z.string().nullable(),
  indicator: z.string(),
  targets: z.array(targetSchema.readonly()).readonly(),
  /** The result in the target's unit (92 for 92 %); null when blank or unreadable. */
  actual: z.number().nullable(),
  /** Every value read from the result cell, for cells that answer several targets ("95%; 70%"). */
  actuals: z.array(z.number()),
  status: kpiStatusSchema,
  /** Letters of the column the result was read from (one of `resultColumns`), or null without a result column. */
  resultColumn: z.string().nullable(),
  /** True when that column holds an estimate ("Ước thực hiện cả năm"), not the final figure. */
  estimate: z.boolean(),
});

export const kpiCountsSchema = z.object({
  total: z.number().int().nonnegative(),
  met: z.number().int().nonnegative(),
  missed: z.number().int().nonnegative(),
  noData: z.number().int().nonnegative(),
  unmeasurable: z.number().int().nonnegative(),
});

/** What an area and each of its sub-groups count: tasks done and overdue, indicators by status. */
const areaCountsShape = {
  tasks: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  kpis: kpiCountsSchema,
};

/** A numbered sub-group inside an area ("1. Xây dựng, ban hành văn bản chỉ đạo …" over tasks 1.1, 1.2 …). */
export const groupSummarySchema = z.object({
  /** The group's number as written, without its dot ("1", "7.2"). */
  number: z.string(),
  name: z.string(),
  /** 1-based sheet row of the group row. */
  row: z.number().int().positive(),
  ...areaCountsShape,
});

export const areaSummarySchema = z.object({
  area: z.string(),
  name: z.string(),
  ...areaCountsShape,
  /** The area's sub-groups in sheet order; empty when its rows are not grouped. */
  groups: z.array(groupSummarySchema),
});

export const sheetKindSchema = z.enum(['tasks', 'kpis', 'none']);

/**
 * Why the table was taken to end where it did: the sheet ran out, or the first row of what follows an appendix
 * table in an administrative document (a total row, the signature block, notes, a place-and-date line, a second
 * table's title or header).
 */
export const tableEndSchema = z.enum(['sheet-end', 'total', 'signature', 'notes', 'date-line', 'next-table']);

/** Where the table sits on the sheet, as the reader took it. */
export const tableExtentSchema = z.object({
  /** First row below the header (and below the column-number row, if any). */
  firstRow: z.number().int().positive(),
  /** Last row read as part of the table (the total row, when one ends it). */
  lastRow: z.number().int().nonnegative(),
  /** The row "(1) (2) … (7)" or "1 2 … 7" under the header that only numbers the columns, or null. */
  columnNumberRow: z.number().int().positive().nullable(),
  end: tableEndSchema,
  /** The row that ended the table (the total row itself, or the first row after the table); 0 at the sheet's end. */
  endRow: z.number().int().nonnegative(),
  /** That row's first text, shortened to 80 characters; "" at the sheet's end. */
  endText: z.string(),
});

export const resultPeriodSchema = z.enum(['q1', 'h1', 'q3', 'year', 'month', 'cumulative', 'none']);

/** A result column of a KPI table, with the reporting period its heading names. */
export const resultColumnSchema = z.object({
  /** Column letters. */
  column: z.string(),
  /** The heading as written (both header rows, joined by " / "). */
  heading: z.string(),
  /** q1 … year for "Quý I", "6 tháng", "9 tháng", "Cả năm"; month for "Tháng N"; cumulative for "Lũy kế"; none for a plain "Kết quả thực hiện". */
  period: resultPeriodSchema,
  /** The month of a "Tháng N" column (1–12), else null. */
  month: z.number().int().min(1).max(12).nullable(),
  /** An estimate ("Ước thực hiện cả năm"), not the final figure. */
  estimate: z.boolean(),
  /** The column judged for the period being checked (an estimate column is used where the final one is blank). */
  used: z.boolean(),
});

export const sheetReportSchema = z.object({
  name: z.string(),
  kind: sheetKindSchema,
  /** 1-based row of the (last) header row; 0 when no table was found. */
  headerRow: z.number().int().nonnegative(),
  planYear: z.number().int(),
  /** The date the sheet's tasks were judged against (YYYY-MM-DD). */
  asOf: z.string(),
  /** Recognised columns: role ("task", "lead", "deadline", "target", "result" …) → column letters. */
  columns: z.record(z.string(), z.string()),
  findings: z.array(findingSchema),
  /** Where the table starts and ends; null when no table was found. */
  table: tableExtentSchema.nullable(),
  /** The KPI table's result columns (several when results are reported per period); empty for a task list. */
  resultColumns: z.array(resultColumnSchema),
  tasks: z.array(taskSchema),
  kpis: z.array(kpiSchema),
  summary: z.object({
    byArea: z.array(areaSummarySchema),
    tasks: z.object({
      total: z.number().int().nonnegative(),
      done: z.number().int().nonnegative(),
      overdue: z.number().int().nonnegative(),
      pending: z.number().int().nonnegative(),
      ongoing: z.number().int().nonnegative(),
    }),
    kpis: kpiCountsSchema,
  }),
});

export const reportSchema = z.object({
  file: z.string(),
  /** True when no finding anywhere is an error. */
  valid: z.boolean(),
  /** The date tasks were judged against (YYYY-MM-DD). */
  asOf: z.string(),
  lang: z.enum(['vi', 'en']),
  findings: z.array(findingSchema),
  sheets: z.array(sheetReportSchema),
});

export const highlightKindSchema = z.enum(['error', 'warning', 'missed', 'met']);

export const highlightSchema = z.object({
  sheet: z.string(),
  cell: z.string(),
  kind: highlightKindSchema,
});

export type Severity = z.infer<typeof severitySchema>;
export type FindingCode = z.infer<typeof findingCodeSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type Op = z.infer<typeof opSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Param = z.infer<typeof paramSchema>;
export type DeadlineKind = z.infer<typeof deadlineKindSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type TaskStatus = z.infer<typeof taskStatusSchema>;
export type KpiStatus = z.infer<typeof kpiStatusSchema>;
export type Task = z.infer<typeof taskSchema>;
export type Kpi = z.infer<typeof kpiSchema>;
export type KpiCounts = z.infer<typeof kpiCountsSchema>;
export type AreaSummary = z.infer<typeof areaSummarySchema>;
export type GroupSummary = z.infer<typeof groupSummarySchema>;
export type TableEnd = z.infer<typeof tableEndSchema>;
export type TableExtent = z.infer<typeof tableExtentSchema>;
export type ResultPeriod = z.infer<typeof resultPeriodSchema>;
export type ResultColumn = z.infer<typeof resultColumnSchema>;
export type SheetKind = z.infer<typeof sheetKindSchema>;
export type SheetReport = z.infer<typeof sheetReportSchema>;
export type Report = z.infer<typeof reportSchema>;
export type HighlightKind = z.infer<typeof highlightKindSchema>;
export type Highlight = z.infer<typeof highlightSchema>;
