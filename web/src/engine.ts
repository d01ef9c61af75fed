/**
 * The work of the page that is worth a thread of its own: reading the file (the core's .xlsx reader, or its .csv
 * parser), finding the tables, checking the chosen sheet, the row preview's cells and the checked copy. Pure: it
 * runs in the worker, or on the page itself where a worker cannot be made.
 */
import {
  checkWorkbook,
  highlightsFor,
  type CheckOptions,
  type Lang,
  type Report,
  type SheetGrid,
  type SheetKind,
} from '../../shared/src/index';
import { checkedCopy } from '../../shared/src/xlsx/copy/index';
import { csvSheet } from '../../shared/src/xlsx/csv';
import { readXlsx, XlsxError } from '../../shared/src/xlsx/index';
import {
  READ_ERRORS,
  readErrorText,
  readWhereOf,
  type ReadDetail,
  type ReadWhere,
  type WorkbookReadErrorCode,
} from '../../shared/src/xlsx/readMessages';
import type { ShownReport } from '../../shared/ui/workbook';
import { shorten, shownReport } from './display';
import { rowView, type RowView } from './preview';
import type { FileInfo, Phase, ReadOutcome, SheetChecked } from './protocol';

const LANGS: Lang[] = ['vi', 'en'];

/** Characters of one cell the row preview gets. */
export const MAX_PREVIEW_TEXT = 500;

/** A file read, as the engine keeps it: the page gets its `info` only. */
export interface LoadedFile {
  info: FileInfo;
  bytes: Uint8Array;
  sheets: SheetGrid[];
  /** The last check's report, kept so that a language switch words it again instead of checking again. */
  last?: Report;
}

/**
 * An error that says the work did not fit in memory: V8's allocation failures (a RangeError on an array, string
 * or buffer too large) and a structured clone that ran out of memory (DataCloneError). A RangeError of a
 * damaged file (an offset out of bounds) is not one.
 */
export function isOutOfMemory(e: unknown): boolean {
  if (typeof DOMException !== 'undefined' && e instanceof DOMException && e.name === 'DataCloneError')
    return true;
  return (
    e instanceof RangeError &&
    /allocation failed|invalid (string|array|typed array) length|out of memory|array buffer/i.test(e.message)
  );
}

export function isCsv(name: string): boolean {
  return /\.csv$/i.test(name);
}

/** The file's name without its extension: the sheet name of a .csv, as the command line names it. */
export function baseName(name: string): string {
  return name.replace(/\.[^.]*$/, '') || name;
}

function lines(
  code: WorkbookReadErrorCode,
  name: string,
  detail: ReadDetail,
  where: ReadWhere = {},
): Record<Lang, string> {
  // The line starts with the file's name, as `cchc validate` starts it with the path's basename.
  const shown = name || null;
  return {
    vi: readErrorText(code, name, shown, detail, 'vi', where),
    en: readErrorText(code, name, shown, detail, 'en', where),
  };
}

export function readFile(
  bytes: Uint8Array,
  name: string,
  phase: (p: Phase) => void = () => {},
): { outcome: ReadOutcome; file: LoadedFile | null } {
  const refused = (l: Record<Lang, string>) => ({ outcome: { ok: false as const, lines: l }, file: null });
  phase('read');
  let sheets: SheetGrid[];
  if (isCsv(name)) {
    const grid = csvSheet(bytes, baseName(name));
    if (!grid) return refused(lines('not-xlsx', name, 'csv-encoding'));
    sheets = [grid];
  } else {
    try {
      sheets = readXlsx(bytes);
    } catch (e) {
      // Every reader code has its words in the core, the bound on the cells' text ('too-large', limit 'text') too.
      if (e instanceof XlsxError) {
        const [code, detail] = READ_ERRORS[e.code];
        return refused(lines(code, name, detail, readWhereOf(e)));
      }
      // Out of memory is the worker's to report (a line on memory, not on damage); anything else is damage.
      if (isOutOfMemory(e)) throw e;
      return refused(lines('unreadable', name, 'none'));
    }
  }
  phase('scan');
  // Which sheets hold a table, for the picker: the core's own verdict, one sheet at a time.
  const kinds: SheetKind[] = sheets.map(
    (s) => checkWorkbook([s], { lang: 'vi', today: '2000-01-01' }).sheets[0].kind,
  );
  let noTable: Record<Lang, string> | null = null;
  if (!kinds.some((k) => k !== 'none')) {
    noTable = { vi: '', en: '' };
    for (const lang of LANGS) {
      const report = checkWorkbook(sheets, { lang, today: '2000-01-01' });
      const found = report.findings.find((f) => f.code === 'table/not-found');
      noTable[lang] = `${name}: ${found?.message ?? ''}`;
    }
  }
  const info: FileInfo = {
    name,
    csv: isCsv(name),
    sheets: sheets.map((s, i) => ({ name: s.name, kind: kinds[i] })),
    noTable,
  };
  return { outcome: { ok: true, file: info }, file: { info, bytes, sheets } };
}

function sheetOf(file: LoadedFile, name: string): SheetGrid {
  return file.sheets.find((s) => s.name === name) ?? file.sheets[0];
}

/**
 * The chosen sheet, or every sheet when `sheet` is null (the whole-workbook check), checked as the pane checks
 * it with the pane's options, ready to be shown; with how many cells the copy highlights on each sheet.
 */
export function checkSheet(file: LoadedFile, sheet: string | null, options: CheckOptions): SheetChecked {
  const grids = sheet === null ? file.sheets : [sheetOf(file, sheet)];
  const lang: Lang = options.lang === 'en' ? 'en' : 'vi';
  const report = checkWorkbook(grids, options);
  file.last = report;
  const counts = new Map<string, number>(grids.map((g) => [g.name, 0]));
  for (const h of highlightsFor(report)) {
    const n = counts.get(h.sheet);
    if (n !== undefined) counts.set(h.sheet, n + 1);
  }
  return {
    sheet: sheet === null ? '' : grids[0].name,
    display: shownReport(report, lang),
    highlights: [...counts],
  };
}

/** The last check worded in `lang`, its lists cut as a check's are; null when this file was not checked yet. */
export function rewordLast(file: LoadedFile, lang: Lang): ShownReport | null {
  return file.last ? shownReport(file.last, lang) : null;
}

/** The cell's row for the preview, each cell's text shortened: the preview is a glance, the sheet has it all. */
export function rowOf(file: LoadedFile, sheet: string, cell: string): RowView | null {
  const view = rowView(sheetOf(file, sheet), cell);
  if (!view) return null;
  return {
    row: view.row,
    columns: view.columns.map((c) => ({ ...c, text: shorten(c.text, MAX_PREVIEW_TEXT) })),
  };
}

/** The same copy `cchc validate <file> --out` writes: every sheet checked with the pane's options. */
export function copyOf(file: LoadedFile, options: CheckOptions): Uint8Array {
  const lang: Lang = options.lang === 'en' ? 'en' : 'vi';
  const report = checkWorkbook(file.sheets, { ...options, file: file.info.name });
  return checkedCopy(file.bytes, report, lang);
}
