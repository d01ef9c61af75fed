/**
 * A host-agnostic description of a workbook to create: the standard blank appendices are built once as this
 * description in the core, and every host (exceljs for the command line, the Excel add-in, Apps Script) renders
 * it in one batch. The zod schema is the single source of truth; snapshots of it are reviewed like code.
 */
import { z } from 'zod';

const colour = z.string().regex(/^#[0-9A-F]{6}$/);
const a1Cell = z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/);
const a1Range = z.string().regex(/^[A-Z]{1,3}[1-9]\d*(:[A-Z]{1,3}[1-9]\d*)?$/);

export const borderStyleSchema = z.enum(['thin', 'medium', 'none']);

export const cellStyleSchema = z.object({
  font: z
    .object({
      name: z.string(),
      size: z.number().positive(),
      bold: z.boolean().optional(),
      italic: z.boolean().optional(),
      color: colour.optional(),
    })
    .optional(),
  fill: colour.optional(),
  /** One style for all four sides of the cell. */
  border: borderStyleSchema.optional(),
  horizontal: z.enum(['left', 'center', 'right']).optional(),
  vertical: z.enum(['top', 'middle', 'bottom']).optional(),
  wrap: z.boolean().optional(),
  numberFormat: z.string().optional(),
});

export const templateCellSchema = z.object({
  ref: a1Cell,
  /** A constant; omitted for a formula cell or a styled blank cell. */
  value: z.union([z.string(), z.number()]).optional(),
  /** A formula without the leading "=" (English function names, comma separators, as every host accepts). */
  formula: z.string().optional(),
  /** The formula's value as the template is created, for readers that do not recalculate. */
  result: z.union([z.string(), z.number()]).optional(),
  style: z.string().optional(),
});

export const dataValidationSchema = z.object({
  range: a1Range,
  /** A fixed list of choices, or a named range that holds them. */
  list: z.union([z.object({ values: z.array(z.string()).min(1) }), z.object({ namedRange: z.string() })]),
  /** Whether other text is allowed (units: yes, a ward may name a unit not on the list; progress: no). */
  strict: z.boolean(),
});

export const templateSheetSchema = z.object({
  name: z.string().min(1).max(31),
  role: z.enum(['tasks', 'kpis', 'units']),
  /** Column widths in characters, from column A. */
  columnWidths: z.array(z.number().positive()),
  /** Row heights in points by 1-based row; rows not named keep the default. */
  rowHeights: z.record(z.string().regex(/^\d+$/), z.number().positive()),
  styles: z.record(z.string(), cellStyleSchema),
  cells: z.array(templateCellSchema),
  merges: z.array(a1Range),
  /** Rows (and columns) kept in view when scrolling: the header. */
  freeze: z.object({ rows: z.number().int().nonnegative(), columns: z.number().int().nonnegative() }),
  validations: z.array(dataValidationSchema),
  print: z.object({
    orientation: z.enum(['portrait', 'landscape']),
    paper: z.literal('A4'),
    /** Rows repeated at the top of every printed page, e.g. [8, 8]. */
    repeatRows: z.tuple([z.number().int().positive(), z.number().int().positive()]).nullable(),
    fitToWidth: z.boolean(),
  }),
});

export const namedRangeSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  sheet: z.string(),
  range: a1Range,
});

export const templateWorkbookSchema = z.object({
  sheets: z.array(templateSheetSchema).min(1),
  namedRanges: z.array(namedRangeSchema),
});

export type CellStyle = z.infer<typeof cellStyleSchema>;
export type TemplateCell = z.infer<typeof templateCellSchema>;
export type DataValidation = z.infer<typeof dataValidationSchema>;
export type TemplateSheet = z.infer<typeof templateSheetSchema>;
export type NamedRange = z.infer<typeof namedRangeSchema>;
export type TemplateWorkbook = z.infer<typeof templateWorkbookSchema>;
