/**
 * A template workbook description written straight to an .xlsx package: the XML parts built as strings and
 * deflated by Node's zlib. It writes what exceljs writes for the same description (renderBook in
 * renderWorkbook.ts; summaryWorkbook.equality.test.ts compares the two), without exceljs's objects per cell
 * and per style: the summary of 3,000 wards is some 216,000 cells, which exceljs took 2.6–3.2 s to build and
 * write here (5 s and more in the issue), this 0.26–0.36 s. Data validations are not written here; templates,
 * which have them, still go through exceljs.
 */
import { gzipSync } from 'node:zlib';
import type { Lang } from '../../../shared/src/report/messages';
import type {
  CellStyle,
  TemplateCell,
  TemplateSheet,
  TemplateWorkbook,
} from '../../../shared/src/templates/schema';
import { fitCell } from '../../../shared/src/text/cellLimit';
import { columnLetters as letters } from '../../../shared/src/table/grid';
import { MAIN_NS, PKG_REL_NS, REL_NS } from '../../../shared/src/xlsx/namespaces';
import { absoluteRange, quoteSheetName } from '../../../shared/src/hosts/a1Names';

/** One rule of a conditional format; colours as "#RRGGBB". */
export type ConditionalRule = { priority: number } & (
  | { type: 'dataBar'; min: number; max: number; color: string; gradient: boolean }
  | {
      type: 'colorScale';
      cfvo: ({ type: 'num'; value: number } | { type: 'min' | 'max' })[];
      colors: string[];
    }
  | { type: 'cellIs'; operator: 'greaterThan' | 'lessThan' | 'equal'; formula: string; fill: string }
  | { type: 'expression'; formula: string; fill: string }
);

export interface ConditionalFormat {
  ref: string;
  rules: ConditionalRule[];
}

export interface XlsxSheet extends TemplateSheet {
  conditionalFormats?: ConditionalFormat[];
  /** Pages across when the sheet is fitted to its width (1 unless said). */
  pagesWide?: number;
  /** Columns repeated on every printed page, "A:B". */
  repeatColumns?: string;
}

export interface XlsxBook extends TemplateWorkbook {
  sheets: XlsxSheet[];
  properties: { creator: string; lastModifiedBy: string; keywords: string };
}

const OD = 'application/vnd.openxmlformats-officedocument';
const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// XML 1.0 cannot hold C0 controls other than tab, LF and CR, nor U+FFFE/U+FFFF; exceljs drops them (and DEL) too.
// eslint-disable-next-line no-control-regex -- the control characters are what it drops
const DROPPED = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const SPECIAL = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function esc(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(DROPPED, '').replace(/[&<>"]/g, (c) => ENTITIES[c]);
}

/**
 * A cell text as a string item: spreadsheets read "_x0041_" in one as "A", so a literal one keeps its
 * underscore escaped (_x005F_), and leading or trailing blanks and line breaks are kept by xml:space.
 */
function textElement(text: string): string {
  const escaped = esc(
    /_x[0-9A-Fa-f]{4}_/.test(text) ? text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_') : text,
  );
  return /^\s|\n|\s$/.test(text) ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}

const argb = (hex: string) => `FF${hex.replace(/^#/, '').toUpperCase()}`;

/** "AB12" → [row 12, column index 27]. */
function parseRef(ref: string): [number, number] {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return [Number(ref.slice(i)), col - 1];
}

/** Formats Excel knows by number; any other gets an id from 164 up. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

/** Fonts, fills, borders, formats and cell formats, each written once however many cells share it. */
class Styles {
  private readonly fonts = [
    '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>',
  ];
  private readonly fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly formats: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly dxfs: string[] = [];
  private readonly byStyle = new Map<CellStyle, number>();

  private static index(list: string[], xml: string): number {
    const at = list.indexOf(xml);
    if (at >= 0) return at;
    list.push(xml);
    return list.length - 1;
  }

  /** The cell format index of a style (0 for none). */
  xf(style: CellStyle | undefined): number {
    if (!style) return 0;
    const known = this.byStyle.get(style);
    if (known !== undefined) return known;
    const f = style.font;
    const font = f
      ? Styles.index(
          this.fonts,
          `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.color ? `<color rgb="${argb(f.color)}"/>` : ''}` +
            `<sz val="${f.size}"/><name val="${esc(f.name)}"/></font>`,
        )
      : 0;
    const fill = style.fill
      ? Styles.index(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/></patternFill></fill>`,
        )
      : 0;
    const b = style.border && style.border !== 'none' ? style.border : null;
    const border = b
      ? Styles.index(
          this.borders,
          `<border><left style="${b}"/><right style="${b}"/><top style="${b}"/><bottom style="${b}"/><diagonal/></border>`,
        )
      : 0;
    let numFmt = 0;
    if (style.numberFormat) {
      numFmt = BUILT_IN_FORMATS[style.numberFormat] ?? -1;
      if (numFmt < 0) numFmt = 164 + Styles.index(this.formats, style.numberFormat);
    }
    const align = style.horizontal || style.vertical || style.wrap;
    const attrs = [
      `numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"`,
      numFmt ? ' applyNumberFormat="1"' : '',
      font ? ' applyFont="1"' : '',
      fill ? ' applyFill="1"' : '',
      border ? ' applyBorder="1"' : '',
      align ? ' applyAlignment="1"' : '',
    ].join('');
    const alignment = align
      ? '<alignment' +
        (style.horizontal ? ` horizontal="${style.horizontal}"` : '') +
        (style.vertical ? ` vertical="${style.vertical === 'middle' ? 'center' : style.vertical}"` : '') +
        (style.wrap ? ' wrapText="1"' : '') +
        '/>'
      : '';
    const xf = Styles.index(this.xfs, alignment ? `<xf ${attrs}>${alignment}</xf>` : `<xf ${attrs}/>`);
    this.byStyle.set(style, xf);
    return xf;
  }

  /** A conditional format's solid fill. */
  dxf(fill: string): number {
    return Styles.index(
      this.dxfs,
      `<dxf><fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`,
    );
  }

  xml(): string {
    const list = (tag: string, items: string[]) =>
      `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const formats = this.formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`);
    return (
      `${HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length ? list('numFmts', formats) : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list('dxfs', this.dxfs) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}

/** The workbook's strings, each stored once and referred to by index, as Excel stores them. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  count = 0;

  of(text: string): number {
    this.count++;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.items.length;
      this.index.set(text, at);
      this.items.push(`<si>${textElement(text)}</si>`);
    }
    return at;
  }

  xml(): string {
    return `${HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

function cellXml(ref: string, s: number, c: TemplateCell, strings: SharedStrings, lang: Lang): string {
  const style = s ? ` s="${s}"` : '';
  const { value, formula, result } = c;
  if (formula !== undefined) {
    const f = `<f>${esc(formula)}</f>`;
    if (typeof result === 'string')
      return `<c r="${ref}"${style} t="str">${f}<v>${esc(fitCell(result, lang))}</v></c>`;
    return result === undefined
      ? `<c r="${ref}"${style}>${f}</c>`
      : `<c r="${ref}"${style}>${f}<v>${result}</v></c>`;
  }
  if (typeof value === 'string')
    return `<c r="${ref}"${style} t="s"><v>${strings.of(fitCell(value, lang))}</v></c>`;
  if (typeof value === 'number') return `<c r="${ref}"${style}><v>${value}</v></c>`;
  return `<c r="${ref}"${style}/>`;
}

/** A pane frozen above and left of the given rows and columns, as Excel writes one. */
function sheetView(rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const pane = rows && columns ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
  const split = (columns ? ` xSplit="${columns}"` : '') + (rows ? ` ySplit="${rows}"` : '');
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${letters(columns)}${rows + 1}"` +
    ` activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`
  );
}

/**
 * Every width as laid out, 9 included: exceljs leaves a width of 9 out, taking it for its own default, and
 * spreadsheets then show their default of 8.43 instead.
 */
function columnsXml(widths: number[]): string {
  if (widths.length === 0) return '';
  const out: string[] = [];
  for (let i = 0; i < widths.length;) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    out.push(`<col min="${i + 1}" max="${j + 1}" width="${widths[i]}" customWidth="1"/>`);
    i = j + 1;
  }
  return `<cols>${out.join('')}</cols>`;
}

/** Curly-braced, upper-case GUIDs: a data bar's link to its Excel 2010 extension. Fixed, so output is stable. */
const guid = (sheet: number, n: number) =>
  `{7B902D04-CE57-4ED6-B699-${(sheet * 4096 + n).toString(16).toUpperCase().padStart(12, '0')}}`;

function conditionalXml(
  formats: ConditionalFormat[],
  styles: Styles,
  sheetIndex: number,
): { main: string; ext: string } {
  const main: string[] = [];
  const ext: string[] = [];
  for (const cf of formats) {
    const rules = cf.rules.map((r) => {
      switch (r.type) {
        case 'dataBar': {
          const id = guid(sheetIndex, ext.length + 1);
          // The bar's solid look (gradient="0") lives in the Excel 2010 extension; older readers draw gradients.
          ext.push(
            `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
              `<x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100" gradient="${r.gradient ? 1 : 0}">` +
              `<x14:cfvo type="num"><xm:f>${r.min}</xm:f></x14:cfvo><x14:cfvo type="num"><xm:f>${r.max}</xm:f></x14:cfvo>` +
              `</x14:dataBar></x14:cfRule><xm:sqref>${cf.ref}</xm:sqref></x14:conditionalFormatting>`,
          );
          return (
            `<cfRule type="dataBar" priority="${r.priority}"><dataBar><cfvo type="num" val="${r.min}"/>` +
            `<cfvo type="num" val="${r.max}"/><color rgb="${argb(r.color)}"/></dataBar>` +
            `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>${id}</x14:id></ext></extLst></cfRule>`
          );
        }
        case 'colorScale':
          return (
            `<cfRule type="colorScale" priority="${r.priority}"><colorScale>` +
            r.cfvo
              .map((v) =>
                v.type === 'num' ? `<cfvo type="num" val="${v.value}"/>` : `<cfvo type="${v.type}"/>`,
              )
              .join('') +
            r.colors.map((c) => `<color rgb="${argb(c)}"/>`).join('') +
            '</colorScale></cfRule>'
          );
        case 'cellIs':
          return (
            `<cfRule type="cellIs" dxfId="${styles.dxf(r.fill)}" priority="${r.priority}" operator="${r.operator}">` +
            `<formula>${esc(r.formula)}</formula></cfRule>`
          );
        case 'expression':
          return (
            `<cfRule type="expression" dxfId="${styles.dxf(r.fill)}" priority="${r.priority}">` +
            `<formula>${esc(r.formula)}</formula></cfRule>`
          );
      }
    });
    main.push(`<conditionalFormatting sqref="${cf.ref}">${rules.join('')}</conditionalFormatting>`);
  }
  return {
    main: main.join(''),
    ext: ext.length
      ? `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings>` +
        `${ext.join('')}</x14:conditionalFormattings></ext></extLst>`
      : '',
  };
}

function worksheetXml(
  sheet: XlsxSheet,
  sheetIndex: number,
  styles: Styles,
  strings: SharedStrings,
  lang: Lang,
): string {
  if (sheet.validations.length)
    throw new Error(`${sheet.name}: data validations are not written by this writer (renderWorkbook.ts is)`);
  // Each row's cells by column; a merged range's cells all take its first cell's style and only it keeps a
  // value, as exceljs's mergeCells leaves them.
  const rows: string[][] = [];
  const put = (row: number, col: number, xml: string) => ((rows[row] ??= [])[col] = xml);
  const styleOf: number[][] = [];
  let maxRow = 0;
  let maxCol = 0;
  for (const c of sheet.cells) {
    const [row, col] = parseRef(c.ref);
    const s = c.style ? styles.xf(sheet.styles[c.style]) : 0;
    if (row > maxRow) maxRow = row;
    if (col > maxCol) maxCol = col;
    put(row, col, cellXml(c.ref, s, c, strings, lang));
    if (s) (styleOf[row] ??= [])[col] = s;
  }
  for (const m of sheet.merges) {
    const [from, to = from] = m.split(':');
    const [r1, c1] = parseRef(from);
    const [r2, c2] = parseRef(to);
    const s = styleOf[r1]?.[c1] ?? 0;
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) {
        if (r === r1 && c === c1) continue;
        const ref = `${letters(c)}${r}`;
        put(r, c, s ? `<c r="${ref}" s="${s}"/>` : `<c r="${ref}"/>`);
      }
    if (r2 > maxRow) maxRow = r2;
    if (c2 > maxCol) maxCol = c2;
  }
  for (const row of Object.keys(sheet.rowHeights).map(Number)) {
    rows[row] ??= [];
    if (row > maxRow) maxRow = row;
  }

  const data: string[] = [];
  for (let row = 1; row < rows.length; row++) {
    const cells = rows[row];
    if (cells === undefined) continue;
    const height = sheet.rowHeights[row];
    data.push(height !== undefined ? `<row r="${row}" ht="${height}" customHeight="1">` : `<row r="${row}">`);
    for (let c = 0; c < cells.length; c++) if (cells[c] !== undefined) data.push(cells[c]);
    data.push('</row>');
  }

  const print = sheet.print;
  const { main: cf, ext } = conditionalXml(sheet.conditionalFormats ?? [], styles, sheetIndex);
  const dimension = maxRow ? `A1:${letters(Math.max(maxCol, sheet.columnWidths.length - 1))}${maxRow}` : 'A1';
  return (
    `${HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (print.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="${dimension}"/>` +
    sheetView(sheet.freeze.rows, sheet.freeze.columns) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    columnsXml(sheet.columnWidths) +
    `<sheetData>${data.join('')}</sheetData>` +
    (sheet.merges.length
      ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      : '') +
    cf +
    '<pageMargins left="0.5" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="${sheet.pagesWide ?? 1}" fitToHeight="0"/>` +
    ext +
    '</worksheet>'
  );
}

function workbookXml(book: XlsxBook): string {
  const sheets = book.sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 4}"/>`)
    .join('');
  const names: string[] = [];
  book.sheets.forEach((s, i) => {
    const q = quoteSheetName(s.name);
    const titles = [
      ...(s.repeatColumns ? [`${q}!${s.repeatColumns.replace(/([A-Z]+)/g, '$$$1')}`] : []),
      ...(s.print.repeatRows ? [`${q}!$${s.print.repeatRows[0]}:$${s.print.repeatRows[1]}`] : []),
    ];
    if (titles.length)
      names.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(titles.join(','))}</definedName>`,
      );
  });
  for (const n of book.namedRanges)
    names.push(
      `<definedName name="${esc(n.name)}">${esc(`${quoteSheetName(n.sheet)}!${absoluteRange(n.range)}`)}</definedName>`,
    );
  return (
    `${HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr defaultThemeVersion="164011"/>` +
    `<sheets>${sheets}</sheets>` +
    (names.length ? `<definedNames>${names.join('')}</definedNames>` : '') +
    '<calcPr calcId="171027"/></workbook>'
  );
}

function relsXml(items: [string, string][]): string {
  return (
    `${HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    items
      .map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`)
      .join('') +
    '</Relationships>'
  );
}

function corePropertiesXml(p: XlsxBook['properties']): string {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return (
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${esc(p.creator)}</dc:creator><cp:keywords>${esc(p.keywords)}</cp:keywords>` +
    `<cp:lastModifiedBy>${esc(p.lastModifiedBy)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`
  );
}

function appPropertiesXml(book: XlsxBook): string {
  const n = book.sheets.length;
  return (
    `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"` +
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>' +
    `<vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">` +
    book.sheets.map((s) => `<vt:lpstr>${esc(s.name)}</vt:lpstr>`).join('') +
    '</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>' +
    '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>'
  );
}

function contentTypesXml(sheets: number): string {
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/xl/workbook.xml', `${OD}.spreadsheetml.sheet.main+xml`) +
    Array.from({ length: sheets }, (_, i) =>
      override(`/xl/worksheets/sheet${i + 1}.xml`, `${OD}.spreadsheetml.worksheet+xml`),
    ).join('') +
    override('/xl/theme/theme1.xml', `${OD}.theme+xml`) +
    override('/xl/styles.xml', `${OD}.spreadsheetml.styles+xml`) +
    override('/xl/sharedStrings.xml', `${OD}.spreadsheetml.sharedStrings+xml`) +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('/docProps/app.xml', `${OD}.extended-properties+xml`) +
    '</Types>'
  );
}

/**
 * The theme exceljs writes (Office's default): the default font's colour and scheme refer to it. Its own module,
 * a string, so that taking it does not load exceljs.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const THEME = require('exceljs/lib/xlsx/xml/theme1.js') as string;

/** The workbook as .xlsx bytes. `lang` words the mark on a text cut to fit a cell. */
export function writeXlsx(book: XlsxBook, lang: Lang = 'vi'): Uint8Array {
  const styles = new Styles();
  const strings = new SharedStrings();
  const sheets = book.sheets.map((s, i) => worksheetXml(s, i, styles, strings, lang));
  const u8 = (text: string) => Buffer.from(text, 'utf8');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': u8(contentTypesXml(sheets.length)),
    '_rels/.rels': u8(
      relsXml([
        [`${REL_NS}/officeDocument`, 'xl/workbook.xml'],
        [
          'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
          'docProps/core.xml',
        ],
        [`${REL_NS}/extended-properties`, 'docProps/app.xml'],
      ]),
    ),
    'xl/workbook.xml': u8(workbookXml(book)),
    'xl/_rels/workbook.xml.rels': u8(
      relsXml([
        [`${REL_NS}/styles`, 'styles.xml'],
        [`${REL_NS}/theme`, 'theme/theme1.xml'],
        [`${REL_NS}/sharedStrings`, 'sharedStrings.xml'],
        ...sheets.map((_, i): [string, string] => [`${REL_NS}/worksheet`, `worksheets/sheet${i + 1}.xml`]),
      ]),
    ),
  };
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = u8(xml)));
  files['xl/sharedStrings.xml'] = u8(strings.xml());
  files['xl/styles.xml'] = u8(styles.xml());
  files['xl/theme/theme1.xml'] = u8(THEME);
  files['docProps/core.xml'] = u8(corePropertiesXml(book.properties));
  files['docProps/app.xml'] = u8(appPropertiesXml(book));
  return zipParts(files);
}

/** DOS date and time, as zip entries carry them. */
function dosTime(d: Date): [number, number] {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return [time, date];
}

/**
 * The parts zipped, deflated by Node's zlib: fflate (shared/src/xlsx/copy/package.ts) took 100–130 ms for the
 * 7 MB of a 3,000-ward summary, zlib 15–20 ms. gzip is deflate with a fixed 10-byte header and the CRC-32 and
 * size after it, so one native call gives both what a zip entry holds and its checksum.
 */
function zipParts(files: Record<string, Uint8Array>): Uint8Array {
  const [time, date] = dosTime(new Date());
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, bytes] of Object.entries(files)) {
    // Level 1, as the checked copy's package: most of the size for little time.
    const gz = gzipSync(bytes, { level: 1 });
    if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8 || gz[3] !== 0)
      throw new Error('unexpected gzip header');
    const data = gz.subarray(10, gz.length - 8);
    const crc = gz.readUInt32LE(gz.length - 8);
    const nameBytes = Buffer.from(name, 'utf8');
    // The fields both headers carry, in the same order (APPNOTE 4.3.7 and 4.3.12): version needed, flags,
    // method, time, date, CRC, sizes, name length.
    const common = Buffer.alloc(24);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(8, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(date, 8);
    common.writeUInt32LE(crc, 10);
    common.writeUInt32LE(data.length, 14);
    common.writeUInt32LE(bytes.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common.copy(local, 4);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // version made by
    common.copy(entry, 6);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  const count = Object.keys(files).length;
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
