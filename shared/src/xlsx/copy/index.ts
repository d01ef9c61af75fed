/**
 * The checked copy: the input package with only our additions. Highlights as conditional-format rules of our
 * own (styles.xml gets their differential formats), a note on each highlighted cell (comments + VML parts, new
 * or extended), and a results sheet at the end (a new worksheet part, strings inline). Every other part is
 * copied as its uncompressed bytes, and a part we extend keeps its bytes outside our insertions (see
 * xmlEdit.ts), so charts, drawings, document properties, print settings and extensions come through untouched
 * whatever they hold. Pure (bytes in, bytes out) so that the command line and the offline page write the same
 * file. Merges are read as ranges and never expanded: an absurd one costs nothing.
 */
/** Notes written on one sheet at most (the highlights and the results sheet are never cut). */
export const MAX_NOTES = 10_000;
import type { Lang } from '../../report/messages';
import type { HighlightKind, Report } from '../../report/schema';
import { highlightsFor } from '../../report/highlights';
import { HIGHLIGHT_MARKER, HIGHLIGHT_PRIORITY } from '../../report/palette';
import { groupHighlights } from '../../hosts/highlightRanges';
import { freeSheetName } from '../../hosts/a1Names';
import { a1, parseA1, type MergedRange } from '../../table/grid';
import { XlsxError } from '../errors';
import { parseRels, relsPathOf } from '../readPackage';
import {
  extendComments,
  extendVml,
  newComments,
  newVml,
  blocksFor,
  usedShapeBlocks,
  type Note,
} from './notes';
import { looksOf, resultsContent, resultsSheetXml } from './results';
import { paneText } from '../../words/pane';
import { BLANK_STYLES, extendStyles } from './styles';
import {
  addLegacyDrawing,
  addRules,
  legacyDrawingId,
  openSheet,
  shiftPriorities,
  type SheetPart,
} from './worksheet';
import { editableText, prefixFor, scanXml } from './xmlEdit';
import {
  addSheetToWorkbook,
  CT,
  Entries,
  openBook,
  override,
  patchContentTypes,
  RelsPart,
  STRICT_MAIN,
  utf8,
  type Book,
} from './package';

/** The marker formula as a cfRule stores it (without "="). */
export const HIGHLIGHT_FORMULA = HIGHLIGHT_MARKER.replace(/^=/, '');

/** The merge holding each cell, for cells sorted by row: each merge looks only at the rows it spans. */
function anchorsOf(cells: { row: number; column: number }[], merges: MergedRange[]): Map<string, string> {
  const out = new Map<string, string>();
  if (merges.length === 0 || cells.length === 0) return out;
  const sorted = [...cells].sort((a, b) => a.row - b.row);
  for (const m of merges) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].row < m.top) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i].row <= m.bottom; i++) {
      const c = sorted[i];
      if (c.column < m.left || c.column > m.right) continue;
      const key = a1(c.row, c.column);
      if (!out.has(key)) out.set(key, a1(m.top, m.left));
    }
  }
  return out;
}

/** One copy being made: the package, its workbook, and what the steps below add to it. */
interface Copy {
  entries: Entries;
  book: Book;
  bookXml: string;
  bookRoot: ReturnType<typeof scanXml>;
  /** The workbook's worksheets that the package holds, by name. */
  worksheets: Map<string, Book['sheets'][number]>;
  /** The folder of the workbook part ("xl/"): new parts go beside it. */
  folder: string;
  bookRels: RelsPart;
  contentTypes: { overrides: string[]; defaults: string[] };
  /** A worksheet opened for patching, once; written back at the end when patched. */
  sheetPart: (name: string) => SheetPart;
  sheetParts: Map<string, SheetPart>;
}

function openCopy(input: Uint8Array): Copy {
  const entries = Entries.open(input);
  const book = openBook(entries);
  const bookXml = editableText(entries.get(book.path) as Uint8Array, book.path);
  const bookRoot = scanXml(bookXml, book.path, 2);
  if (prefixFor(bookXml, bookRoot, STRICT_MAIN) !== null)
    throw new XlsxError('unreadable', `${book.path}: a Strict Open XML workbook cannot be patched`, {
      part: book.path,
    });
  const worksheets = new Map(
    book.sheets.filter((s) => s.kind === 'worksheet' && entries.has(s.path)).map((s) => [s.name, s]),
  );
  const sheetParts = new Map<string, SheetPart>();
  const sheetPart = (name: string): SheetPart => {
    let part = sheetParts.get(name);
    if (!part) {
      const s = worksheets.get(name) as { path: string };
      const bytes = entries.get(s.path) as Uint8Array;
      part = openSheet(s.path, bytes, editableText(bytes, s.path));
      sheetParts.set(name, part);
    }
    return part;
  };
  return {
    entries,
    book,
    bookXml,
    bookRoot,
    worksheets,
    folder: book.path.slice(0, book.path.lastIndexOf('/') + 1),
    bookRels: new RelsPart(book.path, entries, book.rels),
    contentTypes: { overrides: [], defaults: [] },
    sheetPart,
    sheetParts,
  };
}

/** The strongest highlight of each cell, by sheet; a merge's top-left cell takes that of any cell of the merge. */
function cellsToHighlight(copy: Copy, report: Report): Map<string, Map<string, HighlightKind>> {
  const byName = new Map<string, { row: number; column: number; cell: string; kind: HighlightKind }[]>();
  for (const h of highlightsFor(report)) {
    const at = parseA1(h.cell);
    if (!at || !copy.worksheets.has(h.sheet)) continue; // no cell, or a sheet the file lacks: nothing to colour
    const list = byName.get(h.sheet) ?? [];
    list.push({ ...at, cell: a1(at.row, at.column), kind: h.kind });
    byName.set(h.sheet, list);
  }
  const cellsBySheet = new Map<string, Map<string, HighlightKind>>();
  for (const [name, list] of byName) {
    const anchors = anchorsOf(list, copy.sheetPart(name).merges);
    const chosen = new Map<string, HighlightKind>();
    const choose = (cell: string, kind: HighlightKind) => {
      const prev = chosen.get(cell);
      if (!prev || HIGHLIGHT_PRIORITY[kind] > HIGHLIGHT_PRIORITY[prev]) chosen.set(cell, kind);
    };
    for (const h of list) {
      choose(h.cell, h.kind);
      // A merged range shows its top-left cell's format, so that cell is covered too.
      const anchor = anchors.get(h.cell);
      if (anchor) choose(anchor, h.kind);
    }
    cellsBySheet.set(name, chosen);
  }
  return cellsBySheet;
}

/** The notes of each sheet by the cell that shows them (a merge's top-left cell): the findings' messages. */
function notesToWrite(copy: Copy, report: Report): Map<string, Map<string, string[]>> {
  const notesBySheet = new Map<string, Map<string, string[]>>();
  for (const sheet of report.sheets) {
    if (!copy.worksheets.has(sheet.name)) continue;
    const findings = sheet.findings
      .filter((f) => f.severity !== 'info') // notes go where the colours are: info findings are not coloured
      .map((f) => ({ f, at: parseA1(f.cell) }))
      .filter(
        (x): x is { f: (typeof sheet.findings)[number]; at: { row: number; column: number } } =>
          x.at !== null,
      );
    if (findings.length === 0) continue;
    const anchors = anchorsOf(
      findings.map((x) => x.at),
      copy.sheetPart(sheet.name).merges,
    );
    const notes = notesBySheet.get(sheet.name) ?? new Map<string, string[]>();
    for (const { f, at } of findings) {
      const cell = a1(at.row, at.column);
      const shown = anchors.get(cell) ?? cell;
      // Notes stop at MAX_NOTES a sheet: past that no one reads them one by one, and 200,000 notes made a copy of
      // 120 MB of drawing markup. Every cell stays highlighted, and the results sheet lists every finding.
      if (!notes.has(shown) && notes.size >= MAX_NOTES) continue;
      const list = notes.get(shown) ?? [];
      if (!list.includes(f.message)) list.push(f.message);
      notes.set(shown, list);
    }
    notesBySheet.set(sheet.name, notes);
  }
  return notesBySheet;
}

/** Our highlight formats and the results sheet's looks in the styles part (made when the package has none). */
function writeStyles(copy: Copy, kinds: HighlightKind[], looks: ReturnType<typeof looksOf>) {
  const { entries, book, folder } = copy;
  let stylesPath = book.rels.find((r) => r.kind === 'styles' && r.path && entries.has(r.path))?.path;
  if (!stylesPath) {
    stylesPath = entries.has(`${folder}styles.xml`)
      ? entries.free(`${folder}styles`, '.xml')
      : `${folder}styles.xml`;
    entries.set(stylesPath, utf8(BLANK_STYLES));
    copy.bookRels.add('styles', stylesPath);
    copy.contentTypes.overrides.push(override(stylesPath, CT.styles));
  }
  const stylesBytes = entries.get(stylesPath) as Uint8Array;
  const styles = extendStyles(stylesBytes, editableText(stylesBytes, stylesPath), stylesPath, kinds, looks);
  entries.set(stylesPath, styles.bytes);
  return styles;
}

/** Per sheet, our rules numbered 1…k ahead of the user's, whose priorities move up by k. */
function writeHighlights(
  copy: Copy,
  cellsBySheet: Map<string, Map<string, HighlightKind>>,
  dxfOf: Record<HighlightKind, number>,
): void {
  for (const [name, cells] of cellsBySheet) {
    const part = copy.sheetPart(name);
    const groups = groupHighlights(
      [...cells].map(([cell, kind]) => ({ sheet: name, cell, kind })),
      Number.MAX_SAFE_INTEGER,
    );
    const rules = groups.map((g, i) => ({
      // An sqref lists its ranges with spaces.
      sqref: g.addresses.join(',').split(',').join(' '),
      dxfId: dxfOf[g.kind],
      priority: i + 1,
    }));
    shiftPriorities(part, rules.length);
    addRules(part, rules, HIGHLIGHT_FORMULA);
  }
}

/** The notes: each sheet's comments and VML parts, extended or new. */
function writeNotes(copy: Copy, notesBySheet: Map<string, Map<string, string[]>>, lang: Lang): void {
  const { entries, folder } = copy;
  const author = paneText(lang, 'copyAuthor');
  let nextBlock = usedShapeBlocks(
    [...entries.data.values()]
      .filter((e) => /\.vml$/i.test(e.name))
      .map((e) => editableText(e.bytes, e.name)),
  );
  for (const [name, byCell] of notesBySheet) {
    const part = copy.sheetPart(name);
    const relsPath = relsPathOf(part.path);
    const rels = parseRels(entries.get(relsPath), part.path, relsPath);
    const sheetRels = new RelsPart(part.path, entries, rels);
    const notes: Note[] = [...byCell].map(([ref, messages]) => {
      const at = parseA1(ref) as { row: number; column: number };
      return { ...at, ref, text: messages.join('\n') };
    });
    let shaped = notes;
    const comments = rels.find((r) => r.kind === 'comments' && r.path && entries.has(r.path));
    if (comments) {
      const bytes = entries.get(comments.path) as Uint8Array;
      const done = extendComments(
        bytes,
        editableText(bytes, comments.path),
        comments.path,
        author,
        notes,
        lang,
      );
      entries.set(comments.path, done.bytes);
      shaped = done.shaped;
    } else {
      const path = entries.free(`${folder}comments`, '.xml');
      entries.set(path, utf8(newComments(author, notes, lang)));
      sheetRels.add('comments', path);
      copy.contentTypes.overrides.push(override(path, CT.comments));
    }
    if (shaped.length) {
      const rid = legacyDrawingId(part);
      const vml = rid ? rels.find((r) => r.id === rid && r.path && entries.has(r.path)) : undefined;
      if (vml) {
        const bytes = entries.get(vml.path) as Uint8Array;
        entries.set(vml.path, extendVml(bytes, editableText(bytes, vml.path), vml.path, shaped, nextBlock));
      } else {
        if (rid)
          throw new XlsxError('missing-part', `${part.path}: its legacy drawing is not in the package`, {
            part: part.path,
          });
        const path = entries.free(`${folder}drawings/vmlDrawing`, '.vml');
        entries.set(path, utf8(newVml(shaped, nextBlock)));
        addLegacyDrawing(part, sheetRels.add('vmlDrawing', path));
        copy.contentTypes.defaults.push('vml');
      }
      nextBlock += blocksFor(shaped.length);
    }
    sheetRels.write();
  }
}

/** The results sheet, last in the workbook, under a name no sheet of the user's has. */
function addResultsSheet(
  copy: Copy,
  content: ReturnType<typeof resultsContent>,
  xfOf: Parameters<typeof resultsSheetXml>[1],
  lang: Lang,
): void {
  const { entries, book, folder } = copy;
  const resultsName = freeSheetName(
    paneText(lang, 'copySheetName'),
    book.sheets.map((s) => s.name),
  );
  const resultsPath = entries.free(`${folder}worksheets/sheet`, '.xml');
  entries.set(resultsPath, utf8(resultsSheetXml(content, xfOf)));
  copy.contentTypes.overrides.push(override(resultsPath, CT.worksheet));
  const rid = copy.bookRels.add('worksheet', resultsPath);
  addSheetToWorkbook(entries, book.path, copy.bookXml, copy.bookRoot, resultsName, rid);
}

/**
 * The checked copy of `input` for `report`: highlights, notes and the results sheet added, nothing else changed.
 * Throws XlsxError when the package cannot be patched (the caller words it).
 */
export function checkedCopy(input: Uint8Array, report: Report, lang: Lang): Uint8Array {
  const copy = openCopy(input);
  const ctPath = '[Content_Types].xml';
  const ctBytes = copy.entries.get(ctPath);
  if (!ctBytes) throw new XlsxError('unreadable', 'the package has no [Content_Types].xml', { part: ctPath });
  const cellsBySheet = cellsToHighlight(copy, report);
  const notesBySheet = notesToWrite(copy, report);

  const kinds = (['error', 'missed', 'warning', 'met'] as HighlightKind[]).filter((k) =>
    [...cellsBySheet.values()].some((m) => [...m.values()].includes(k)),
  );
  const content = resultsContent(report, lang);
  const styles = writeStyles(copy, kinds, looksOf(content));
  writeHighlights(copy, cellsBySheet, styles.dxfOf);
  writeNotes(copy, notesBySheet, lang);
  for (const part of copy.sheetParts.values())
    if (!part.patch.empty) copy.entries.set(part.path, part.patch.apply());
  addResultsSheet(copy, content, styles.xfOf, lang);
  copy.bookRels.write();
  patchContentTypes(copy.entries, ctPath, ctBytes, copy.contentTypes);
  return copy.entries.zip();
}
