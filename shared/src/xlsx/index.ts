/**
 * Reads an .xlsx package into the core's input shape: one SheetGrid per worksheet, in workbook order, with the
 * values a user sees, their number formats and the merged ranges. Pure: bytes in, grids out, no Node or DOM API,
 * so the command line and a browser page read a file the same way.
 *
 * Dates: a number under a date format stays a serial number with its format, as Excel's own API hands it over
 * (the core turns it into a day). A 1904-based workbook's serials are shifted to the 1900 system the core reads.
 */
import type { SheetGrid } from '../table/grid';
import { XlsxError } from './errors';
import { parseRels, parseWorkbook, partOf, relsPathOf, ZipPackage, type Relationship } from './readPackage';
import { parseSharedStrings } from './sharedStrings';
import { parseSheet } from './sheetXml';
import { NO_STYLES, parseStyles } from './styles';
import { partText } from './xml';
import { sniffPackage } from './sniff';
import type { InflateRaw } from './zipDirectory';

export { XlsxError, type XlsxErrorCode, type XlsxErrorWhere } from './errors';
export { sniffPackage, type PackageKind } from './sniff';
export { MAX_GRID_SLOTS, MAX_MERGE_STEPS, MAX_ROWS, MAX_COLUMNS, MAX_TEXT_CHARS } from './sheetXml';
export { MAX_PART_BYTES, MAX_TOTAL_BYTES } from './readPackage';
export type { InflateRaw } from './zipDirectory';

const ROOT_RELS = '_rels/.rels';
/** Where Excel puts the workbook; used only when the root relationships do not say (some writers omit them). */
const USUAL_WORKBOOK = 'xl/workbook.xml';
/** Sheets that hold no table (charts, Excel 5 dialogs, Excel 4 macros): skipped, as the exceljs reading did. */
const CELLLESS_SHEETS = new Set(['chartsheet', 'dialogsheet', 'xlMacrosheet', 'xlIntlMacrosheet']);

const CORE_PROPERTIES = 'docProps/core.xml';
const KEYWORDS = /<(?:\w+:)?keywords(?:\s[^>]*)?>([^<]{0,200})<\/(?:\w+:)?keywords>/;

export interface ReadOptions {
  /** The host's raw-deflate inflater, when it has one faster than fflate's (the command line: Node's zlib). */
  inflateRaw?: InflateRaw;
}

/** Every worksheet of the package. Throws XlsxError only. */
export function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): SheetGrid[] {
  return readXlsxContent(bytes, options).sheets;
}

/**
 * The worksheets and the document's keywords (core properties), which say whether a file is one the project
 * wrote itself (the province summary marks its own). Read in the same pass over the zip directory.
 */
export function readXlsxContent(
  bytes: Uint8Array,
  options: ReadOptions = {},
): { sheets: SheetGrid[]; keywords: string } {
  const kind = sniffPackage(bytes);
  if (kind !== 'zip') throw new XlsxError(kind, `not an .xlsx package (${kind})`);

  const { pkg, parts: rootParts } = ZipPackage.open(bytes, [ROOT_RELS, CORE_PROPERTIES], options.inflateRaw);
  return { sheets: readSheets(pkg, rootParts), keywords: keywordsOf(partOf(rootParts, CORE_PROPERTIES)) };
}

/** The document's keywords alone, without reading its sheets; '' when the package has none. */
export function readXlsxKeywords(bytes: Uint8Array, options: ReadOptions = {}): string {
  if (sniffPackage(bytes) !== 'zip') return '';
  const { parts } = ZipPackage.open(bytes, [CORE_PROPERTIES], options.inflateRaw);
  return keywordsOf(partOf(parts, CORE_PROPERTIES));
}

function keywordsOf(core: Uint8Array | undefined): string {
  return core && core.length <= 65536 ? (KEYWORDS.exec(partText(core))?.[1].trim() ?? '') : '';
}

function readSheets(pkg: ZipPackage, rootParts: Map<string, Uint8Array>): SheetGrid[] {
  const rootRels = parseRels(partOf(rootParts, ROOT_RELS), '', ROOT_RELS);
  const workbookPath =
    rootRels.find((r) => r.kind === 'officeDocument' && r.path && pkg.has(r.path))?.path ??
    (pkg.has(USUAL_WORKBOOK) ? USUAL_WORKBOOK : null);
  if (workbookPath === null) {
    // An .ods whose "mimetype" entry a tool compressed, so that the first bytes did not show it.
    if (pkg.has('mimetype') && isOdsMimetype(partOf(pkg.read(['mimetype']), 'mimetype')))
      throw new XlsxError('ods', 'an OpenDocument spreadsheet');
    throw new XlsxError('not-workbook', 'the package holds no workbook');
  }

  const workbookRelsPath = relsPathOf(workbookPath);
  const wbParts = pkg.read([workbookPath, workbookRelsPath]);
  const workbookBytes = partOf(wbParts, workbookPath) as Uint8Array;
  // A binary workbook (.xlsb) or a document of another kind (.docx) is not ours to read.
  if (!looksLikeXml(workbookBytes))
    throw new XlsxError('not-workbook', `${workbookPath} is not XML`, { part: workbookPath });
  const workbook = parseWorkbook(workbookBytes, workbookPath);
  if (workbook.root !== 'workbook')
    throw new XlsxError('not-workbook', `${workbookPath} is a <${workbook.root}>, not a workbook`, {
      part: workbookPath,
    });
  const rels = parseRels(partOf(wbParts, workbookRelsPath), workbookPath, workbookRelsPath);
  const byId = new Map<string, Relationship>();
  for (const r of rels) if (!byId.has(r.id)) byId.set(r.id, r);

  const sheets: { name: string; path: string }[] = [];
  for (const s of workbook.sheets) {
    const rel = byId.get(s.rid);
    if (rel && CELLLESS_SHEETS.has(rel.kind)) continue;
    if (!rel || !rel.path || !pkg.has(rel.path))
      throw new XlsxError(
        'missing-part',
        `sheet "${s.name}": its part ${rel?.path || s.rid} is not in the package`,
        {
          sheet: s.name,
          part: rel?.path || undefined,
        },
      );
    // Any other kind the workbook lists as a sheet is read as a worksheet: its cells are what it holds.
    sheets.push({ name: s.name, path: rel.path });
  }
  if (sheets.length === 0) throw new XlsxError('no-worksheet', 'the workbook has no worksheet');

  const folder = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const sharedPath = relatedPart(rels, 'sharedStrings', `${folder}sharedStrings.xml`, pkg);
  const stylesPath = relatedPart(rels, 'styles', `${folder}styles.xml`, pkg);
  const common = pkg.read([sharedPath, stylesPath].filter((p): p is string => p !== null));
  const sharedBytes = sharedPath === null ? undefined : partOf(common, sharedPath);
  const sharedStrings = sharedBytes && sharedPath ? parseSharedStrings(sharedBytes, sharedPath) : null;
  const styles = stylesPath === null ? NO_STYLES : parseStyles(partOf(common, stylesPath), stylesPath);

  // One sheet inflated at a time: the package's largest parts are never all in memory together.
  const text = { chars: 0 };
  return sheets.map(({ name, path }) => {
    try {
      const content = parseSheet(partOf(pkg.read([path]), path) as Uint8Array, {
        sheet: name,
        part: path,
        sharedStrings,
        styles,
        date1904: workbook.date1904,
        text,
      });
      return { name, ...content, origin: { row: 1, column: 1 } };
    } catch (e) {
      // Errors found below the sheet (a reference, the XML, the part's size) learn which sheet it was.
      if (e instanceof XlsxError && e.where.sheet === undefined) {
        const message = e.message.startsWith(path) ? e.message : `${path}: ${e.message}`;
        throw new XlsxError(e.code, message, { ...e.where, sheet: name, part: path }, { cause: e });
      }
      throw e;
    }
  });
}

/** The part a relationship of this kind names, else the usual one if the package has it, else null. */
function relatedPart(rels: Relationship[], kind: string, usual: string, pkg: ZipPackage): string | null {
  const rel = rels.find((r) => r.kind === kind && r.path);
  if (rel) return rel.path;
  return pkg.has(usual) ? usual : null;
}

function isOdsMimetype(bytes: Uint8Array | undefined): boolean {
  return (
    !!bytes &&
    bytes.length < 100 &&
    partText(bytes).trim() === 'application/vnd.oasis.opendocument.spreadsheet'
  );
}

function looksLikeXml(bytes: Uint8Array): boolean {
  for (let i = 0; i < Math.min(bytes.length, 64); i++) {
    const b = bytes[i];
    if (b === 0x3c) return true; // "<"
    // BOMs (UTF-8, UTF-16) and whitespace may come first; a NUL is UTF-16's high byte of "<".
    if (b <= 0x20 || b === 0xef || b === 0xbb || b === 0xbf || b === 0xff || b === 0xfe) continue;
    return false;
  }
  return false;
}
