/**
 * The work of the page that is worth a thread of its own: reading the file (the core's .xlsx reader, or its .csv
 * parser), finding the tables, and writing the checked copy. Pure: it runs in the worker, or on the page itself
 * where a worker cannot be made.
 */
import { checkWorkbook, type CheckOptions, type Lang, type SheetGrid } from '../../shared/src/index';
import { checkedCopy } from '../../shared/src/xlsx/copy/index';
import { csvSheet } from '../../shared/src/xlsx/csv';
import { readXlsx, XlsxError } from '../../shared/src/xlsx/index';
import {
  READ_ERRORS,
  readErrorText,
  type ReadDetail,
  type ReadWhere,
  type WorkbookReadErrorCode,
} from '../../shared/src/xlsx/readMessages';
import type { LoadedFile, Phase, ReadOutcome } from './protocol';

const LANGS: Lang[] = ['vi', 'en'];

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

export function readFile(bytes: Uint8Array, name: string, phase: (p: Phase) => void = () => {}): ReadOutcome {
  phase('read');
  let sheets: SheetGrid[];
  if (isCsv(name)) {
    const grid = csvSheet(bytes, baseName(name));
    if (!grid) return { ok: false, lines: lines('not-xlsx', name, 'csv-encoding') };
    sheets = [grid];
  } else {
    try {
      sheets = readXlsx(bytes);
    } catch (e) {
      if (e instanceof XlsxError) {
        const [code, detail] = READ_ERRORS[e.code];
        return {
          ok: false,
          lines: lines(code, name, detail, {
            sheet: e.where.sheet,
            cell: e.where.cell,
            merge: e.where.merge,
          }),
        };
      }
      return { ok: false, lines: lines('unreadable', name, 'none') };
    }
  }
  phase('scan');
  // Which sheets hold a table, for the picker: the core's own verdict, one sheet at a time.
  const kinds = sheets.map((s) => checkWorkbook([s], { lang: 'vi', today: '2000-01-01' }).sheets[0].kind);
  let noTable: Record<Lang, string> | null = null;
  if (!kinds.some((k) => k !== 'none')) {
    noTable = { vi: '', en: '' };
    for (const lang of LANGS) {
      const report = checkWorkbook(sheets, { lang, today: '2000-01-01' });
      const found = report.findings.find((f) => f.code === 'table/not-found');
      noTable[lang] = `${name}: ${found?.message ?? ''}`;
    }
  }
  const file: LoadedFile = { name, csv: isCsv(name), sheets, kinds, noTable };
  return { ok: true, file };
}

/** The same copy `cchc validate <file> --out` writes: every sheet checked with the pane's options. */
export function copyOf(bytes: Uint8Array, file: LoadedFile, options: CheckOptions): Uint8Array {
  const lang: Lang = options.lang === 'en' ? 'en' : 'vi';
  const report = checkWorkbook(file.sheets, { ...options, file: file.name });
  return checkedCopy(bytes, report, lang);
}
