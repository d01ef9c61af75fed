/** The pane's Workbook port for Google Sheets: one google.script.run call per operation. */
import { unpackGrid, type PackedGrid } from '../../../shared/src/hosts/gridTransfer';
import type { Workbook } from '../../../shared/ui/workbook';
import { explainError } from './explainError';
import type { Call } from './scriptRun';

export function sheetsWorkbook(call: Call): Workbook {
  return {
    readSheet: async (scope) => unpackGrid(await call<PackedGrid>('readSheet', scope)),
    readWorkbook: async () => (await call<PackedGrid[]>('readWorkbook')).map(unpackGrid),
    applyHighlights: (sheetName, highlights) => call<void>('applyHighlights', sheetName, highlights),
    applyWorkbookHighlights: (sheetNames, highlights) =>
      call<void>('applyWorkbookHighlights', sheetNames, highlights),
    // null, not undefined: google.script.run carries null, and the server reads it as "every sheet".
    clearHighlights: (sheetName) => call<number>('clearHighlights', sheetName ?? null),
    activeSheetName: () => call<string>('activeSheetName'),
    insertTemplate: (template) => call<string[]>('insertTemplate', template),
    selectCell: (sheetName, cell) => call<void>('selectCell', sheetName, cell),
    explainError,
  };
}
