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
  'kpi/target-unparseable',
  'kpi/target-unmeasurable',
  'kpi/actual-unparseable',
  'kpi/actual-out-of-range',
  'kpi/actual-count-mismatch',
  'kpi/target-missed',
]);

export const findingSchema = z.object({
  code: findingCodeSchema,
  severity: severitySchema,
  sheet: z.string(),
  /** A1 address of the cell the finding is about; empty for workbook-level findings. */
  cell: z.string(),
  /** 1-based sheet row; 0 for workbook-level findings. */
  row: z.number().int().nonnegative(),
  message: z.string(),
});

export const opSchema = z.enum(['>=', '>', '<=', '<', '=']);

export const targetSchema = z.object({
  text: z.string(),
  op: opSchema,
  value: z.number(),
  /** "%" for percentages, otherwise the counted noun ("phút", "hoạt động") or "" when none is named. */
  unit: z.string(),
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
  indicator: z.string(),
  targets: z.array(targetSchema.readonly()).readonly(),
  /** The result in the target's unit (92 for 92 %); null when blank or unreadable. */
  actual: z.number().nullable(),
  /** Every value read from the result cell, for cells that answer several targets ("95%; 70%"). */
  actuals: z.array(z.number()),
  status: kpiStatusSchema,
});

export const kpiCountsSchema = z.object({
  total: z.number().int().nonnegative(),
  met: z.number().int().nonnegative(),
  missed: z.number().int().nonnegative(),
  noData: z.number().int().nonnegative(),
  unmeasurable: z.number().int().nonnegative(),
});

export const areaSummarySchema = z.object({
  area: z.string(),
  name: z.string(),
  tasks: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  kpis: kpiCountsSchema,
});

export const sheetKindSchema = z.enum(['tasks', 'kpis', 'none']);

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
export type DeadlineKind = z.infer<typeof deadlineKindSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type TaskStatus = z.infer<typeof taskStatusSchema>;
export type KpiStatus = z.infer<typeof kpiStatusSchema>;
export type Task = z.infer<typeof taskSchema>;
export type Kpi = z.infer<typeof kpiSchema>;
export type KpiCounts = z.infer<typeof kpiCountsSchema>;
export type AreaSummary = z.infer<typeof areaSummarySchema>;
export type SheetKind = z.infer<typeof sheetKindSchema>;
export type SheetReport = z.infer<typeof sheetReportSchema>;
export type Report = z.infer<typeof reportSchema>;
export type HighlightKind = z.infer<typeof highlightKindSchema>;
export type Highlight = z.infer<typeof highlightSchema>;
