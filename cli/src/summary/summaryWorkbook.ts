/**
 * The province summary as a workbook (`cchc summary … --out tong-hop.xlsx`): one row per ward file, the
 * indicators across wards, the areas, and every error. Totals are formulas (with their cached results, for
 * programs that do not recalculate); colours come from conditional formatting only, so a sorted or edited table
 * keeps them right. Every text from the ward files is written as a string value, never as a formula.
 */
import { formatDateVi } from '../../../shared/src/deadlines/calendar';
import { quoteSheetName } from '../../../shared/src/hosts/a1Names';
import { columnLetters } from '../../../shared/src/table/grid';
import { formatQuantity, statusLabel, type Lang } from '../../../shared/src/report/messages';
import { HIGHLIGHT_FILLS } from '../../../shared/src/report/palette';
import type { Indicator, Summary, WardFile } from '../../../shared/src/summary/schema';
import { sameUnitList, summaryWord, type SummaryWord } from '../../../shared/src/summary/words';
import { PRODUCT, VERSION } from '../../../shared/src/version';
import { writeXlsx, type ConditionalFormat, type XlsxBook } from '../templates/xlsxWriter';
import { SUMMARY_KEYWORDS } from './ownSummary';
import { layoutTable, type Column, type TableLayout, type TablePlan, type TableRow } from './sheetTable';

/**
 * Ward columns printed on one A4 page across, at about the scale of the first sheet; more go on further pages,
 * each repeating the indicator's name.
 */
const WARDS_PER_PAGE = 8;
/** The indicator's number and name, printed on every page across. */
const REPEATED_COLUMNS = 2;
/** Between the status word and the result, as in "92% – Đạt". */
const SEPARATOR = ' – ';

type FileKey =
  | 'number'
  | 'unit'
  | 'file'
  | 'year'
  | 'total'
  | 'done'
  | 'overdue'
  | 'pending'
  | 'ongoing'
  | 'met'
  | 'missed'
  | 'noData'
  | 'unmeasurable'
  | 'rate'
  | 'errors'
  | 'warnings'
  | 'note';

interface Words {
  lang: Lang;
  w: (word: SummaryWord) => string;
}

function titleBlock({ w }: Words, summary: Summary, sheet?: SummaryWord): [string, ...string[]] {
  const title = sheet ? `${w('title')} – ${w(sheet).toUpperCase()}` : w('title');
  return [title, `${w('asOf')} ${formatDateVi(summary.asOf)}`, `${w('planYear')}: ${summary.year ?? '—'}`];
}

function fileNote({ w, lang }: Words, f: WardFile): string {
  const notes: string[] = [];
  if (f.unreadable !== null) notes.push(f.unreadable);
  // A name read from the file's name is a guess worth a look (an unreadable file's always is). The shared
  // word is written to follow other text: it opens the note here, so it takes a capital.
  else if (f.unitSource === 'file') {
    const word = w('unitFromFile');
    notes.push(word.charAt(0).toUpperCase() + word.slice(1));
  }
  if (f.sameUnit.length) notes.push(`${w('sameUnit')} ${sameUnitList(f, lang)}`);
  return notes.join('; ');
}

function fileRow(words: Words, f: WardFile, n: number): TableRow<FileKey> {
  const base = { number: n, unit: f.unit, file: f.file, note: fileNote(words, f) };
  // An unreadable file counted nothing: blanks, not zeros that would read as "no tasks".
  if (f.unreadable !== null) return base;
  return {
    ...base,
    year: f.planYear,
    ...f.tasks,
    met: f.kpis.met,
    missed: f.kpis.missed,
    noData: f.kpis.noData,
    unmeasurable: f.kpis.unmeasurable,
    rate: f.rate,
    errors: f.errors,
    warnings: f.warnings,
  };
}

function filesPlan(words: Words, summary: Summary): TablePlan<FileKey> {
  const { w } = words;
  const t = summary.totals;
  const tasks = w('tasks');
  const kpis = w('kpis');
  const count = (key: FileKey, header: string, group?: string): Column<FileKey> => ({
    key,
    header,
    group,
    width: 9,
    kind: 'number',
  });
  const columns: Column<FileKey>[] = [
    { key: 'number', header: w('number'), width: 5, kind: 'number' },
    { key: 'unit', header: w('unit'), width: 22, kind: 'text' },
    { key: 'file', header: w('file'), width: 26, kind: 'text' },
    { key: 'year', header: w('year'), width: 8, kind: 'number' },
    count('total', w('total'), tasks),
    count('done', w('done'), tasks),
    count('overdue', w('overdue'), tasks),
    count('pending', w('pending'), tasks),
    count('ongoing', w('ongoing'), tasks),
    count('met', w('met'), kpis),
    count('missed', w('missed'), kpis),
    count('noData', w('noData'), kpis),
    count('unmeasurable', w('unmeasurable'), kpis),
    { key: 'rate', header: w('rate'), width: 10, kind: 'percent' },
    count('errors', w('errors')),
    count('warnings', w('warnings')),
    { key: 'note', header: w('note'), width: 34, kind: 'text' },
  ];
  const counts = [
    `${w('filesRead')}: ${t.read}`,
    `${w('filesUnreadable')}: ${t.unreadable}`,
    `${w('units')}: ${t.units}`,
    `${w('filesWithErrors')}: ${t.filesWithErrors}`,
  ].join('; ');
  return {
    name: w('sheetSummary'),
    title: [...titleBlock(words, summary), counts],
    columns,
    rows: summary.files.map((f, i) => fileRow(words, f, i + 1)),
    totals: {
      label: w('totalsRow'),
      cells: (at) => {
        const sums: TableRow<FileKey> = {};
        for (const key of [
          'total',
          'done',
          'overdue',
          'pending',
          'ongoing',
          'met',
          'missed',
          'noData',
          'unmeasurable',
          'errors',
          'warnings',
        ] as const)
          sums[key] = at.sum(key);
        const met = `${at.letter('met')}${at.totalsRow}`;
        const missed = `${at.letter('missed')}${at.totalsRow}`;
        const m = at.sum('met').result as number;
        const x = at.sum('missed').result as number;
        sums.rate = {
          formula: `IF(${met}+${missed}=0,"",${met}/(${met}+${missed}))`,
          result: m + x === 0 ? '' : m / (m + x),
        };
        return sums;
      },
    },
    notes: [w('rateNote')],
    freezeColumns: 2,
  };
}

/** "92% – Đạt"; the status alone when there is no number. */
function resultText(lang: Lang, r: Indicator['results'][number]): string {
  const status = statusLabel(r.status, lang);
  return r.actual === null ? status : `${formatQuantity(r.actual, r.unit, lang)}${SEPARATOR}${status}`;
}

function indicatorsPlan(words: Words, summary: Summary) {
  const { w, lang } = words;
  // Only files that were read have results; an unreadable file would be an empty column (sheet 1 says why).
  const wards = summary.files.map((f, i) => ({ f, i })).filter(({ f }) => f.unreadable === null);
  const wardKey = (i: number) => `w${i}`;
  const count = (key: string, word: SummaryWord): Column<string> => ({
    key,
    header: w(word),
    width: 9,
    kind: 'number',
  });
  const columns: Column<string>[] = [
    { key: 'number', header: w('number'), width: 5, kind: 'number' },
    { key: 'name', header: w('indicator'), width: 40, kind: 'text' },
    { key: 'reporting', header: w('wardsReporting'), width: 11, kind: 'number' },
    count('met', 'met'),
    count('missed', 'missed'),
    count('noData', 'noData'),
    count('unmeasurable', 'unmeasurable'),
    ...wards.map(({ f, i }) => ({
      key: wardKey(i),
      header: f.unit,
      // Two files of one unit: the file tells the columns apart.
      below: f.sameUnit.length ? f.file : undefined,
      width: 15,
      kind: 'centre' as const,
    })),
  ];
  const fixed = columns.length - wards.length;
  const rows = summary.indicators.map((ind, n) => {
    const row: TableRow<string> = {
      number: n + 1,
      name: ind.name,
      reporting: ind.results.length,
      met: ind.met,
      missed: ind.missed,
      noData: ind.noData,
      unmeasurable: ind.unmeasurable,
    };
    for (const r of ind.results)
      if (summary.files[r.file]?.unreadable === null) row[wardKey(r.file)] = resultText(lang, r);
    return row;
  });
  const wide = wards.length > WARDS_PER_PAGE;
  const plan: TablePlan<string> = {
    name: w('sheetIndicators'),
    title: titleBlock(words, summary, 'sheetIndicators'),
    columns,
    rows,
    freezeColumns: REPEATED_COLUMNS,
    // Pages across repeat the number and name columns, title rows included: the title fits there, whole.
    titleSpan: wide ? REPEATED_COLUMNS : undefined,
  };
  return { plan, wards: wards.length, fixed, wide };
}

type AreaKey = 'area' | 'name' | 'tasks' | 'done' | 'overdue' | 'filesWithOverdue';

function areasPlan(words: Words, summary: Summary, files: TableLayout<FileKey>): TablePlan<AreaKey> {
  const { w } = words;
  const overdue = files.range('overdue');
  const overdueSheet = quoteSheetName(w('sheetSummary'));
  const withOverdue = summary.files.filter((f) => f.unreadable === null && f.tasks.overdue > 0).length;
  return {
    name: w('sheetAreas'),
    title: titleBlock(words, summary, 'sheetAreas'),
    // The area's numeral sits in the STT column, as the plans' own tables have it.
    columns: [
      { key: 'area', header: w('number'), width: 7, kind: 'centre' },
      { key: 'name', header: w('area'), width: 50, kind: 'text' },
      { key: 'tasks', header: w('tasks'), width: 12, kind: 'number' },
      { key: 'done', header: w('done'), width: 12, kind: 'number' },
      { key: 'overdue', header: w('overdue'), width: 12, kind: 'number' },
      { key: 'filesWithOverdue', header: w('filesWithOverdue'), width: 18, kind: 'number' },
    ],
    rows: summary.areas.map((a) => ({ ...a })),
    totals: {
      label: w('totalsRow'),
      cells: (at) => ({
        tasks: at.sum('tasks'),
        done: at.sum('done'),
        overdue: at.sum('overdue'),
        // A file late in two areas is one unit with overdue tasks: count the files, not the area rows.
        filesWithOverdue:
          files.lastRow >= files.firstRow
            ? { formula: `COUNTIF(${overdueSheet}!${overdue},">0")`, result: withOverdue }
            : 0,
      }),
    },
    freezeColumns: 0,
  };
}

type ErrorKey = 'number' | 'file' | 'sheet' | 'cell' | 'code' | 'message';

function errorsPlan(words: Words, summary: Summary): TablePlan<ErrorKey> {
  const { w } = words;
  return {
    name: w('sheetErrors'),
    title: titleBlock(words, summary, 'sheetErrors'),
    columns: [
      { key: 'number', header: w('number'), width: 6, kind: 'number' },
      { key: 'file', header: w('file'), width: 26, kind: 'text' },
      { key: 'sheet', header: w('sheet'), width: 16, kind: 'text' },
      { key: 'cell', header: w('cell'), width: 8, kind: 'centre' },
      { key: 'code', header: w('code'), width: 26, kind: 'text' },
      { key: 'message', header: w('message'), width: 70, kind: 'text' },
    ],
    rows: summary.errors.map((e, i) => ({ number: i + 1, ...e })),
    emptyText: w('noErrors'),
    freezeColumns: 0,
  };
}

/** Data bars on the rate, a colour scale on overdue, errors tinted: the eye finds the wards to call first. */
function formatFiles(at: TableLayout<FileKey>): ConditionalFormat[] {
  if (at.lastRow < at.firstRow) return [];
  return [
    // A fixed 0–100 % scale: a bar's length is the rate itself, not its rank among these wards.
    {
      ref: at.range('rate'),
      rules: [{ type: 'dataBar', priority: 1, min: 0, max: 1, gradient: false, color: HIGHLIGHT_FILLS.met }],
    },
    {
      ref: at.range('overdue'),
      rules: [
        {
          type: 'colorScale',
          priority: 2,
          cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
          colors: ['#FFFFFF', HIGHLIGHT_FILLS.error],
        },
      ],
    },
    {
      ref: at.range('errors'),
      rules: [
        { type: 'cellIs', operator: 'greaterThan', formula: '0', priority: 3, fill: HIGHLIGHT_FILLS.error },
      ],
    },
  ];
}

/**
 * Missed and met results tinted as the checked copy tints them. Missed comes first: spreadsheets compare text
 * without case, so "Đạt" is also found inside "Không đạt", and the first rule wins.
 */
function formatIndicators(
  at: TableLayout<string>,
  lang: Lang,
  fixed: number,
  wards: number,
): ConditionalFormat[] {
  if (wards === 0 || at.lastRow < at.firstRow) return [];
  const from = `${columnLetters(fixed)}${at.firstRow}`;
  const to = `${columnLetters(fixed + wards - 1)}${at.lastRow}`;
  const ends = (label: string) =>
    `OR(${from}="${label}",RIGHT(${from},${SEPARATOR.length + label.length})="${SEPARATOR}${label}")`;
  return [
    {
      ref: `${from}:${to}`,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formula: ends(statusLabel('missed', lang)),
          fill: HIGHLIGHT_FILLS.missed,
        },
        {
          type: 'expression',
          priority: 2,
          formula: ends(statusLabel('met', lang)),
          fill: HIGHLIGHT_FILLS.met,
        },
      ],
    },
  ];
}

/**
 * The summary workbook as a description: Tổng hợp, Theo chỉ tiêu, Theo lĩnh vực, Lỗi (English names when
 * `summary.lang` is en).
 */
export function summaryBook(summary: Summary): XlsxBook {
  const lang = summary.lang;
  const words: Words = { lang, w: (word) => summaryWord(word, lang) };
  const files = layoutTable(filesPlan(words, summary));
  const ind = indicatorsPlan(words, summary);
  const indicators = layoutTable(ind.plan);
  const areas = layoutTable(areasPlan(words, summary, files.layout));
  const errors = layoutTable(errorsPlan(words, summary));
  const build = `${PRODUCT} ${VERSION}`;
  return {
    sheets: [
      { ...files.sheet, conditionalFormats: formatFiles(files.layout) },
      {
        ...indicators.sheet,
        conditionalFormats: formatIndicators(indicators.layout, lang, ind.fixed, ind.wards),
        // Many wards: pages across, each repeating the indicator's number and name.
        ...(ind.wide
          ? {
              pagesWide: Math.ceil(ind.wards / WARDS_PER_PAGE),
              repeatColumns: `A:${columnLetters(REPEATED_COLUMNS - 1)}`,
            }
          : {}),
      },
      areas.sheet,
      errors.sheet,
    ],
    namedRanges: [],
    properties: {
      // Marks the file as ours: a later run may replace it where it lies among the ward files (ownSummary.ts).
      keywords: SUMMARY_KEYWORDS,
      // The build that wrote it, so a province can tell which one made a summary: the author (File > Info in
      // Excel), which stays when someone edits and saves the file, and the last to modify it until they do.
      creator: build,
      lastModifiedBy: build,
    },
  };
}

/**
 * The summary workbook as .xlsx bytes, written directly (templates/xlsxWriter.ts): exceljs took 5 s for the
 * summary of 3,000 wards. renderBook (templates/renderWorkbook.ts) renders the same description with exceljs,
 * which the tests hold this output to.
 */
export async function summaryWorkbookBuffer(summary: Summary): Promise<Buffer> {
  const bytes = writeXlsx(summaryBook(summary), summary.lang);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
