/**
 * The province summary: many ward files consolidated. This schema is the single source of truth for
 * `cchc summary`'s workbook and HTML report (and its JSON); the types derive from it.
 */
import { z } from 'zod';
import { findingCodeSchema, kpiCountsSchema, kpiStatusSchema } from '../report/schema';

export const taskCountsSchema = z.object({
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  ongoing: z.number().int().nonnegative(),
});

/** Where a file's unit name was read: the national heading, the table's or plan's title, or the file name. */
export const unitSourceSchema = z.enum(['heading', 'title', 'file']);

export const wardFileSchema = z.object({
  /** The file's path below the folder the batch's files share ("phuong-5/phu-luc.xlsx"). */
  file: z.string(),
  /** The unit the file reports for, as people write it: "Phường 5", "Xã An Phú", "Thị trấn Phú Mỹ". */
  unit: z.string(),
  unitSource: unitSourceSchema,
  /**
   * The first few other files of the same unit (their `file`, at most SAME_UNIT_LISTED): a unit that sent two files
   * is seen, and both are kept. A list, not all of them, so that a thousand files of one unit stay linear.
   */
  sameUnit: z.array(z.string()),
  /** How many other files the same unit sent in all (sameUnit lists the first of them). */
  sameUnitCount: z.number().int().nonnegative(),
  /** Null when the file was read; otherwise the one line that says why it could not be. */
  unreadable: z.string().nullable(),
  /** The plan year of its tables (the first table's); null when unreadable or no table was found. */
  planYear: z.number().int().nullable(),
  tasks: taskCountsSchema,
  kpis: kpiCountsSchema,
  /** met / (met + missed): the share of indicators with data and a measurable target that were met; null if none. */
  rate: z.number().min(0).max(1).nullable(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
});

export const indicatorResultSchema = z.object({
  /** Index into `files`. */
  file: z.number().int().nonnegative(),
  /** The result in the target's unit (92 for 92 %); null when the cell is blank or unreadable. */
  actual: z.number().nullable(),
  /** "%" or the counted noun of the target ("phút"), "" when none. */
  unit: z.string(),
  status: kpiStatusSchema,
});

/** One indicator across the wards, matched by its normalised name. */
export const indicatorSchema = z.object({
  /** The matching key (normalised name); stable across spellings such as "Tỷ lệ" / "Tỉ lệ". */
  key: z.string(),
  /** The name as most files write it (the first seen on a tie). */
  name: z.string(),
  met: z.number().int().nonnegative(),
  missed: z.number().int().nonnegative(),
  noData: z.number().int().nonnegative(),
  unmeasurable: z.number().int().nonnegative(),
  /** One entry per file that has the indicator, in the order of `files`. */
  results: z.array(indicatorResultSchema),
});

/** Tasks of one reform area (I–VII …) across every file. */
export const areaTotalsSchema = z.object({
  /** Roman numeral ("III"). */
  area: z.string(),
  /** The area's name in the summary's language. */
  name: z.string(),
  tasks: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  /** How many files have at least one overdue task in the area. */
  filesWithOverdue: z.number().int().nonnegative(),
});

export const summaryErrorSchema = z.object({
  file: z.string(),
  /** Empty for a file that could not be read, or a workbook-level finding. */
  sheet: z.string(),
  cell: z.string(),
  code: z.union([findingCodeSchema, z.literal('file/unreadable')]),
  message: z.string(),
});

export const summaryTotalsSchema = z.object({
  files: z.number().int().nonnegative(),
  read: z.number().int().nonnegative(),
  unreadable: z.number().int().nonnegative(),
  /** Distinct units among the files that were read. */
  units: z.number().int().nonnegative(),
  /** Files with at least one error finding (unreadable files not counted). */
  filesWithErrors: z.number().int().nonnegative(),
  tasks: taskCountsSchema,
  kpis: kpiCountsSchema,
  rate: z.number().min(0).max(1).nullable(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
});

export const summarySchema = z.object({
  lang: z.enum(['vi', 'en']),
  /** The date tasks were judged against (YYYY-MM-DD). */
  asOf: z.string(),
  /** The plan year most files have (null when none could be read). */
  year: z.number().int().nullable(),
  files: z.array(wardFileSchema),
  totals: summaryTotalsSchema,
  /** Sorted by how many files have the indicator, most first; then by first appearance. */
  indicators: z.array(indicatorSchema),
  areas: z.array(areaTotalsSchema),
  /** Every error finding of every file, plus one row per unreadable file; in file order. */
  errors: z.array(summaryErrorSchema),
});

export type TaskCounts = z.infer<typeof taskCountsSchema>;
export type UnitSource = z.infer<typeof unitSourceSchema>;
export type WardFile = z.infer<typeof wardFileSchema>;
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type AreaTotals = z.infer<typeof areaTotalsSchema>;
export type SummaryError = z.infer<typeof summaryErrorSchema>;
export type SummaryTotals = z.infer<typeof summaryTotalsSchema>;
export type Summary = z.infer<typeof summarySchema>;
