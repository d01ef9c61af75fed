/**
 * The workbook as the pane's controller sees it: each operation one Excel.run batch around the Excel adapter, so
 * the controller never touches the Office API and can be driven by a stand-in.
 */
import type { Highlight, Lang, SheetGrid } from '../../../shared/src/index';
import type { TemplateWorkbook } from '../../../shared/src/templates/schema';
import {
  applyHighlights,
  clearHighlights,
  explainError,
  insertTemplate,
  readSheet,
  selectCell,
} from '../host/excelHost';

export type Scope = 'sheet' | 'selection';

export interface Workbook {
  readSheet(scope: Scope): Promise<SheetGrid>;
  applyHighlights(sheetName: string, highlights: Highlight[]): Promise<void>;
  /** Highlights removed; all sheets when no name is given. */
  clearHighlights(sheetName?: string): Promise<number>;
  activeSheetName(): Promise<string>;
  insertTemplate(template: TemplateWorkbook): Promise<string[]>;
  selectCell(sheetName: string, cell: string): Promise<void>;
  explainError(e: unknown, lang: Lang): string;
}

export function excelWorkbook(): Workbook {
  return {
    readSheet: (scope) => Excel.run((context) => readSheet(context, scope)),
    applyHighlights: (sheetName, highlights) =>
      Excel.run((context) => applyHighlights(context, sheetName, highlights)),
    clearHighlights: (sheetName) => Excel.run((context) => clearHighlights(context, sheetName)),
    activeSheetName: () =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load('name');
        await context.sync();
        return sheet.name;
      }),
    insertTemplate: (template) => Excel.run((context) => insertTemplate(context, template)),
    selectCell: (sheetName, cell) => Excel.run((context) => selectCell(context, sheetName, cell)),
    explainError: (e, lang) => explainError(e, lang),
  };
}
