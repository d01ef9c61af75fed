/**
 * The workbook as the pane sees it: the one port each host implements (Excel: one request batch per operation;
 * Sheets: one server call from the sidebar per operation). The pane's controller never touches a host API, so it is the
 * same code in every host and can be driven by a stand-in.
 */
import type { CheckOptions, Highlight, Lang, SheetGrid } from '../src/index';
import type { FindingGroup, ReportDisplay, SheetDisplay } from '../src/hosts/reportDisplay';
import type { TemplateWorkbook } from '../src/templates/schema';

/** What a check reads: the active sheet, the selection inside it, or every sheet of the workbook. */
export type Scope = 'sheet' | 'selection' | 'workbook';

/** A group of findings as a host that checks for itself hands it over: its first items, and how many more. */
export interface ShownGroup extends FindingGroup {
  omitted?: number;
}

/** A sheet's display whose findings and KPI rows may stop short (`kpisOmitted` rows left out). */
export interface ShownSheet extends SheetDisplay {
  groups: ShownGroup[];
  kpisOmitted?: number;
}

/** The report as the pane shows it; a plain ReportDisplay is one with nothing left out. */
export interface ShownReport extends ReportDisplay {
  groups: ShownGroup[];
  sheets: ShownSheet[];
}

export interface CheckRequest {
  scope: Scope;
  options: CheckOptions;
  /** Apply the check's highlights (as applyHighlights would). */
  highlight: boolean;
}

export interface Checked {
  /** The sheet that was checked. */
  sheet: string;
  /** Worded in the options' language. */
  display: ShownReport;
}

export interface Workbook {
  /** The active sheet's used range, or the part of the selection inside it. */
  readSheet(scope: Scope): Promise<SheetGrid>;
  /**
   * Optional: reads and checks the sheet where the host holds it (the web page's worker), so the page gets only
   * what it shows, never the grid or the whole report. Without it the pane reads the sheet, checks it and
   * applies the highlights itself.
   */
  check?(request: CheckRequest): Promise<Checked>;
  /**
   * With check(): the last check's report worded in `lang` where the host keeps it, without reading or checking
   * again (a language switch).
   */
  reword?(lang: Lang): Promise<ShownReport>;
  /**
   * Every worksheet's used range, in the workbook's order (chart sheets and hidden sheets included only where the
   * host lists them as worksheets): the whole-workbook check. One batch of reads for all sheets, not one per sheet.
   * A host with neither this nor check() offers the one-sheet check only ("Kiểm tra cả tệp" is hidden).
   */
  readWorkbook?(): Promise<SheetGrid[]>;
  /** Replaces the host's highlights on that sheet with these (highlights of other sheets are ignored). */
  applyHighlights(sheetName: string, highlights: Highlight[]): Promise<void>;
  /**
   * Replaces the host's highlights on each named sheet with those of `highlights` on it (a sheet named with none
   * is left with none of ours), in one batch of writes: the whole-workbook check.
   */
  applyWorkbookHighlights?(sheetNames: string[], highlights: Highlight[]): Promise<void>;
  /** Highlights removed; all sheets when no name is given. */
  clearHighlights(sheetName?: string): Promise<number>;
  activeSheetName(): Promise<string>;
  /** Adds the template's sheets, never over an existing one; resolves to the names of the sheets created. */
  insertTemplate(template: TemplateWorkbook): Promise<string[]>;
  selectCell(sheetName: string, cell: string): Promise<void>;
  /** Any error of this host's operations as one plain sentence in the user's language. */
  explainError(e: unknown, lang: Lang): string;
}
