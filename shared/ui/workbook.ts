/**
 * The workbook as the pane sees it: the one port each host implements (Excel: one request batch per operation;
 * Sheets: one server call from the sidebar per operation). The pane's controller never touches a host API, so it is the
 * same code in every host and can be driven by a stand-in.
 */
import type { Highlight, Lang, SheetGrid } from '../src/index';
import type { TemplateWorkbook } from '../src/templates/schema';

export type Scope = 'sheet' | 'selection';

export interface Workbook {
  /** The active sheet's used range, or the part of the selection inside it. */
  readSheet(scope: Scope): Promise<SheetGrid>;
  /** Replaces the host's highlights on that sheet with these (highlights of other sheets are ignored). */
  applyHighlights(sheetName: string, highlights: Highlight[]): Promise<void>;
  /** Highlights removed; all sheets when no name is given. */
  clearHighlights(sheetName?: string): Promise<number>;
  activeSheetName(): Promise<string>;
  /** Adds the template's sheets, never over an existing one; resolves to the names of the sheets created. */
  insertTemplate(template: TemplateWorkbook): Promise<string[]>;
  selectCell(sheetName: string, cell: string): Promise<void>;
  /** Any error of this host's operations as one plain sentence in the user's language. */
  explainError(e: unknown, lang: Lang): string;
}
