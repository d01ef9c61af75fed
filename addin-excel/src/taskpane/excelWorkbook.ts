/** The pane's Workbook port for Excel: each operation one Excel.run batch around the Excel adapter. */
import type { Workbook } from '../../../shared/ui/workbook';
import {
  applyHighlights,
  applyWorkbookHighlights,
  clearHighlights,
  explainError,
  insertTemplate,
  readSheet,
  readWorkbook,
  selectCell,
} from '../host/excelHost';

export function excelWorkbook(): Workbook {
  return {
    readSheet: (scope) => Excel.run((context) => readSheet(context, scope)),
    readWorkbook: () => Excel.run((context) => readWorkbook(context)),
    applyHighlights: (sheetName, highlights) =>
      Excel.run((context) => applyHighlights(context, sheetName, highlights)),
    applyWorkbookHighlights: (sheetNames, highlights) =>
      Excel.run((context) => applyWorkbookHighlights(context, sheetNames, highlights)),
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
