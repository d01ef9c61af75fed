/**
 * The sheet "Kết quả kiểm tra" / "Check results" at the end of a checked copy, so that someone who opens the copy
 * without the terminal can tell why a cell is coloured: the colour legend, the findings grouped by code with a
 * link to each cell, the KPI attainment table and the per-area counts. Worded by the core's display model, as
 * the task pane and the text report are. Written as a worksheet part of its own, strings inline, so that the
 * user's shared strings stay as they were.
 */
import type { HighlightKind, Report } from '../../report/schema';
import type { Lang } from '../../report/messages';
import { statusLabel } from '../../report/messages';
import { quoteSheetName } from '../../hosts/a1Names';
import { reportDisplay, type FindingGroup } from '../../hosts/reportDisplay';
import { columnLetters } from '../../table/grid';
import { fitCell } from '../../text/cellLimit';
import { MAIN_NS } from '../namespaces';
import { paneText as say, type Key } from '../../words/pane';
import { PRODUCT, VERSION } from '../../version';
import { escapeAttribute, escapeText } from './xmlEdit';

export type FontKind = 'regular' | 'bold' | 'title' | 'link';

/** A cell's look: the font, a legend fill, and whether it wraps (column B, the long texts). */
export interface CellLook {
  font: FontKind;
  fill: HighlightKind | null;
  wrap: boolean;
}

interface Cell {
  value: string | number;
  look: CellLook;
  /** An internal link target ("'Nhiệm vụ'!E7"). */
  location?: string;
}

interface Row {
  cells: Cell[];
  height?: number;
}

// The pane's own words (words/pane.ts): the copy says what the pane says.
const LEGEND: [HighlightKind, Key][] = [
  ['error', 'legendError'],
  ['warning', 'legendWarning'],
  ['missed', 'legendMissed'],
  ['met', 'legendMet'],
];

const WIDTHS = [14, 60, 18, 14, 18];
/** Excel's tallest row, in points: a taller one is refused. */
const MAX_ROW_HEIGHT = 409;
/**
 * The longest internal link location Excel takes (XlsxWriter ignores longer ones for that reason). A real sheet
 * name has at most 31 characters; only a hostile one is longer, and its cell is then named without a link.
 */
const MAX_LINK_LOCATION = 255;

export interface ResultsContent {
  rows: (Row | null)[];
}

/** The sheet's content, cell by cell; null rows are the blank lines between blocks. */
export function resultsContent(report: Report, lang: Lang): ResultsContent {
  const display = reportDisplay(report, lang);
  const rows: (Row | null)[] = [];
  const put = (values: (string | number | { text: string; location: string })[], bold = false): Row => {
    // Texts from the file (sheet names, task texts quoted in messages) can be longer than a cell holds: cut here,
    // in the report's language, so that the row height below is that of the text written.
    const cells = values.map((v, i): Cell => {
      const look: CellLook = { font: bold ? 'bold' : 'regular', fill: null, wrap: i === 1 };
      if (typeof v === 'object' && v.location.length <= MAX_LINK_LOCATION)
        return { value: fitCell(v.text, lang), location: v.location, look: { ...look, font: 'link' } };
      if (typeof v === 'object') return { value: fitCell(v.text, lang), look };
      return { value: typeof v === 'string' ? fitCell(v, lang) : v, look };
    });
    const row: Row = { cells };
    // Spreadsheets do not grow a row to its wrapped text when a file is opened: give long names their lines
    // (about 60 characters of Times New Roman 12, capitals included, fit the 60-wide column).
    const text = typeof cells[1]?.value === 'string' ? cells[1].value : '';
    const lines = Math.ceil([...text].length / 60);
    if (lines > 1) row.height = Math.min(MAX_ROW_HEIGHT, 16 * lines);
    rows.push(row);
    return row;
  };
  const gap = () => rows.push(null);

  put([say(lang, 'copyTitle', { file: report.file })]).cells[0].look.font = 'title';
  put([say(lang, 'summaryAsOf', { date: display.asOfText })]);
  put([display.valid ? say(lang, 'summaryValid') : say(lang, 'summaryInvalid', { n: display.counts.error })]);
  // The build that checked, so a province can tell which one a ward used: the same in every host, so the web
  // page's download and `cchc validate --out` stay byte for byte the same.
  put([say(lang, 'copyCheckedWith', { product: PRODUCT, version: VERSION })]);
  gap();
  put([say(lang, 'legendHeading')], true);
  for (const [kind, key] of LEGEND) put(['', say(lang, key)]).cells[0].look.fill = kind;

  const groups = (list: FindingGroup[]) => {
    for (const g of list) {
      put([`[${g.severityLabel}]`, `${g.title} (${g.code}): ${g.items.length}`], true);
      for (const item of g.items)
        put([
          item.cell
            ? { text: item.cell, location: `${quoteSheetName(item.sheet)}!${item.cell}` }
            : say(lang, 'noCell'),
          item.message,
        ]);
    }
  };
  if (display.groups.length) {
    gap();
    groups(display.groups);
  }
  for (const sheet of display.sheets) {
    gap();
    const title = sheet.kind === 'tasks' ? 'sheetTasks' : sheet.kind === 'kpis' ? 'sheetKpis' : 'sheetNone';
    put([say(lang, title, { sheet: sheet.name, year: sheet.planYear })], true);
    if (sheet.kind === 'none') continue;
    put([say(lang, 'findingsHeading')], true);
    if (sheet.groups.length === 0) put(['', say(lang, 'noFindings')]);
    groups(sheet.groups);
    if (sheet.kind === 'kpis' && sheet.kpis.length) {
      gap();
      put([say(lang, 'kpiHeading')], true);
      const keys = ['colNo', 'colIndicator', 'colTarget', 'colResult', 'colStatus'] as const;
      put(
        keys.map((key) => say(lang, key)),
        true,
      );
      for (const k of sheet.kpis)
        put([k.number, k.indicator, k.targets || '—', k.result || '—', k.statusLabel]);
    }
    // Per area: tasks done and overdue, or KPIs met and missed.
    const tasks = sheet.kind === 'tasks';
    const head = tasks
      ? [
          say(lang, 'colArea'),
          say(lang, 'copyName'),
          say(lang, 'colTasks'),
          statusLabel('done', lang),
          statusLabel('overdue', lang),
        ]
      : [
          say(lang, 'colArea'),
          say(lang, 'copyName'),
          say(lang, 'colKpis'),
          statusLabel('met', lang),
          statusLabel('missed', lang),
        ];
    // Each area's sub-groups follow it, indented under its numeral.
    const areaRows: (string | number)[][] = [];
    if (tasks)
      for (const a of sheet.taskAreas) {
        areaRows.push([a.area, a.name, a.tasks, a.done, a.overdue]);
        for (const g of a.groups) areaRows.push([`   ${g.number}`, g.name, g.tasks, g.done, g.overdue]);
      }
    else
      for (const a of sheet.kpiAreas) {
        areaRows.push([a.area, a.name, a.total, a.met, a.missed]);
        for (const g of a.groups) areaRows.push([`   ${g.number}`, g.name, g.total, g.met, g.missed]);
      }
    const totals = tasks
      ? [sheet.taskTotals.total, sheet.taskTotals.done, sheet.taskTotals.overdue]
      : [sheet.kpiTotals.total, sheet.kpiTotals.met, sheet.kpiTotals.missed];
    gap();
    put([say(lang, 'areaHeading')], true);
    put(head, true);
    for (const r of areaRows) put(r);
    put([say(lang, 'copyTotal'), '', ...totals], true);
  }
  return { rows };
}

export function lookKey(look: CellLook): string {
  return `${look.font}|${look.fill ?? ''}|${look.wrap ? 1 : 0}`;
}

/** Every look the content uses, in first-use order (the styles part gets one xf for each). */
export function looksOf(content: ResultsContent): CellLook[] {
  const seen = new Map<string, CellLook>();
  for (const row of content.rows)
    for (const cell of row?.cells ?? [])
      if (!seen.has(lookKey(cell.look))) seen.set(lookKey(cell.look), cell.look);
  return [...seen.values()];
}

/** The worksheet part; `styleOf` gives each look's cellXfs index. */
export function resultsSheetXml(content: ResultsContent, styleOf: (look: CellLook) => number): string {
  const rowsXml: string[] = [];
  const links: string[] = [];
  content.rows.forEach((row, i) => {
    if (!row) return;
    const r = i + 1;
    const cells = row.cells.map((cell, c) => {
      const ref = `${columnLetters(c)}${r}`;
      // resultsContent has cut every text in its language; this guards the XML itself. Cut before escaping:
      // Excel counts the value's characters, not those of its escapes (&amp;, _x000D_).
      const value = typeof cell.value === 'string' ? fitCell(cell.value) : cell.value;
      if (cell.location !== undefined && cell.location.length <= MAX_LINK_LOCATION)
        links.push(
          `<hyperlink ref="${ref}" location="${escapeAttribute(cell.location)}" display="${escapeAttribute(String(value))}"/>`,
        );
      const s = styleOf(cell.look);
      if (typeof value === 'number') return `<c r="${ref}" s="${s}"><v>${value}</v></c>`;
      if (value === '') return `<c r="${ref}" s="${s}"/>`;
      return `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escapeText(value)}</t></is></c>`;
    });
    const height = row.height ? ` ht="${row.height}" customHeight="1"` : '';
    rowsXml.push(`<row r="${r}"${height}>${cells.join('')}</row>`);
  });
  const cols = WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join(
    '',
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    // Printed on A4, one page wide, as many tall as it takes.
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:E${content.rows.length}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15.75"/>` +
    `<cols>${cols}</cols>` +
    `<sheetData>${rowsXml.join('')}</sheetData>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>` +
    `</worksheet>`
  );
}
