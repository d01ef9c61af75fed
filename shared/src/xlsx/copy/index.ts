/**
 * The checked copy: the input package with only our additions. Highlights as conditional-format rules of our
 * own (styles.xml gets their differential formats), a note on each highlighted cell (comments + VML parts, new
 * or extended), and a results sheet at the end (a new worksheet part, strings inline). Every other part is
 * copied as its uncompressed bytes, and a part we extend keeps its bytes outside our insertions (see
 * xmlEdit.ts), so charts, drawings, document properties, print settings and extensions come through untouched
 * whatever they hold. Pure (bytes in, bytes out) so that the command line and the offline page write the same
 * file. Merges are read as ranges and never expanded: an absurd one costs nothing.
 */
import { unzipSync, zipSync, type UnzipFileInfo } from 'fflate';

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
import {
  MAX_PART_BYTES,
  MAX_TOTAL_BYTES,
  parseRels,
  parseWorkbook,
  partKey,
  refuseDuplicates,
  relsPathOf,
  type Relationship,
} from '../readPackage';
import { sniffPackage } from '../sniff';
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
import { BLANK_STYLES, extendStyles } from './styles';
import {
  addLegacyDrawing,
  addRules,
  legacyDrawingId,
  openSheet,
  REL_NS,
  shiftPriorities,
  type SheetPart,
} from './worksheet';
import { attributes, childrenEnd, editableText, escapeAttribute, Patch, prefixFor, scanXml } from './xmlEdit';

/** The marker formula as a cfRule stores it (without "="). */
export const HIGHLIGHT_FORMULA = HIGHLIGHT_MARKER.replace(/^=/, '');

const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = (kind: string) => `${REL_NS}/${kind}`;
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

/** The package's entries as stored (name as written), uncompressed, in the zip's order. */
class Entries {
  readonly data = new Map<string, { name: string; bytes: Uint8Array }>();
  readonly added: string[] = [];

  static open(input: Uint8Array): Entries {
    const kind = sniffPackage(input);
    if (kind !== 'zip') throw new XlsxError(kind, `not an .xlsx package (${kind})`);
    let total = 0;
    const duplicate = refuseDuplicates();
    const filter = (info: UnzipFileInfo): boolean => {
      duplicate(info.name);
      // The reader's bounds, checked on the declared sizes before anything is inflated.
      total += info.originalSize;
      if (info.originalSize > MAX_PART_BYTES || total > MAX_TOTAL_BYTES)
        throw new XlsxError(
          'too-large',
          `${info.name}: ${info.originalSize} bytes uncompressed, beyond the bounds`,
          {
            part: info.name,
          },
        );
      return true;
    };
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(input, { filter });
    } catch (e) {
      if (e instanceof XlsxError) throw e;
      throw new XlsxError(
        'unreadable',
        `not a readable zip package (${e instanceof Error ? e.message : e})`,
        {},
        { cause: e },
      );
    }
    const out = new Entries();
    for (const [name, bytes] of Object.entries(files)) out.data.set(keyOf(name), { name, bytes });
    return out;
  }

  has(path: string): boolean {
    return this.data.has(keyOf(path));
  }

  get(path: string): Uint8Array | undefined {
    return this.data.get(keyOf(path))?.bytes;
  }

  set(path: string, bytes: Uint8Array): void {
    const e = this.data.get(keyOf(path));
    if (e) e.bytes = bytes;
    else {
      this.data.set(keyOf(path), { name: path, bytes });
      this.added.push(path);
    }
  }

  /** A part name not yet taken: `${stem}${n}${ext}` with the smallest n from 1. */
  free(stem: string, ext: string): string {
    for (let n = 1; ; n++) if (!this.has(`${stem}${n}${ext}`)) return `${stem}${n}${ext}`;
  }

  zip(): Uint8Array {
    const files: Record<string, Uint8Array> = {};
    for (const { name, bytes } of this.data.values()) files[name] = bytes;
    // Level 1: a checked copy of a 200,000-row sheet spent most of its time compressing at 6, for ~10 % of size.
    return zipSync(files, { level: 1 });
  }
}

const keyOf = partKey;

/** The target of a relationship from `source` to `path`, relative as Excel writes it ("../comments1.xml"). */
function relativeTarget(source: string, path: string): string {
  const from = source.split('/').slice(0, -1);
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].map(encodeURI).join('/');
}

/** A relationships part, new or extended, to which relationships are added with free ids. */
class RelsPart {
  private readonly ids: Set<string>;
  private readonly items: string[] = [];

  constructor(
    readonly source: string,
    private readonly entries: Entries,
    existing: Relationship[],
  ) {
    this.ids = new Set(existing.map((r) => r.id));
  }

  add(kind: string, path: string): string {
    let n = this.ids.size + 1;
    while (this.ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.ids.add(id);
    this.items.push(
      `<Relationship Id="${id}" Type="${REL_TYPE(kind)}" Target="${escapeAttribute(relativeTarget(this.source, path))}"/>`,
    );
    return id;
  }

  write(): void {
    if (this.items.length === 0) return;
    const path = relsPathOf(this.source);
    const bytes = this.entries.get(path);
    if (!bytes) {
      this.entries.set(
        path,
        utf8(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${this.items.join('')}</Relationships>`,
        ),
      );
      return;
    }
    const xml = editableText(bytes, path);
    const root = scanXml(xml, path, 1);
    const patch = new Patch(bytes);
    const p = root.prefix;
    const { at, close } = childrenEnd(patch, xml, root);
    patch.insert(
      at,
      this.items.map((s) => (p ? s.replace(/^<Relationship/, `<${p}Relationship`) : s)).join('') + close,
    );
    this.entries.set(path, patch.apply());
  }
}

function utf8(text: string): Uint8Array {
  const p = new Patch(new Uint8Array(0));
  p.insert(0, text);
  return p.apply();
}

/** The workbook's worksheets by name, with their parts. */
interface Book {
  path: string;
  rels: Relationship[];
  sheets: { name: string; path: string; kind: string }[];
}

function openBook(entries: Entries): Book {
  const rootRels = parseRels(entries.get('_rels/.rels'), '', '_rels/.rels');
  const path =
    rootRels.find((r) => r.kind === 'officeDocument' && r.path && entries.has(r.path))?.path ??
    (entries.has('xl/workbook.xml') ? 'xl/workbook.xml' : null);
  if (path === null) throw new XlsxError('not-workbook', 'the package holds no workbook');
  const bytes = entries.get(path) as Uint8Array;
  const info = parseWorkbook(bytes, path);
  if (info.root !== 'workbook')
    throw new XlsxError('not-workbook', `${path} is not a workbook`, { part: path });
  const relsPath = relsPathOf(path);
  const rels = parseRels(entries.get(relsPath), path, relsPath);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets = info.sheets.map((s) => {
    const rel = byId.get(s.rid);
    return { name: s.name, path: rel?.path ?? '', kind: rel?.kind ?? '' };
  });
  return { path, rels, sheets };
}

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

export function checkedCopy(input: Uint8Array, report: Report, lang: Lang): Uint8Array {
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
  const ctPath = '[Content_Types].xml';
  const ctBytes = entries.get(ctPath);
  if (!ctBytes) throw new XlsxError('unreadable', 'the package has no [Content_Types].xml', { part: ctPath });
  const contentTypes = { overrides: [] as string[], defaults: [] as string[] };
  const bookRels = new RelsPart(book.path, entries, book.rels);
  const folder = book.path.slice(0, book.path.lastIndexOf('/') + 1);

  // What goes on each sheet: the strongest highlight per cell (a merge's top-left cell too), notes by anchor.
  const cellsBySheet = new Map<string, Map<string, HighlightKind>>();
  const notesBySheet = new Map<string, Map<string, string[]>>();
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
  const byName = new Map<string, { row: number; column: number; cell: string; kind: HighlightKind }[]>();
  for (const h of highlightsFor(report)) {
    const at = parseA1(h.cell);
    if (!at || !worksheets.has(h.sheet)) continue; // no cell, or a sheet the file lacks: nothing to colour
    const list = byName.get(h.sheet) ?? [];
    list.push({ ...at, cell: a1(at.row, at.column), kind: h.kind });
    byName.set(h.sheet, list);
  }
  for (const [name, list] of byName) {
    const anchors = anchorsOf(list, sheetPart(name).merges);
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
  for (const sheet of report.sheets) {
    if (!worksheets.has(sheet.name)) continue;
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
      sheetPart(sheet.name).merges,
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

  // Styles: our highlight formats and the results sheet's looks.
  const kinds = (['error', 'missed', 'warning', 'met'] as HighlightKind[]).filter((k) =>
    [...cellsBySheet.values()].some((m) => [...m.values()].includes(k)),
  );
  const content = resultsContent(report, lang);
  const looks = looksOf(content);
  let stylesPath = book.rels.find((r) => r.kind === 'styles' && r.path && entries.has(r.path))?.path;
  if (!stylesPath) {
    stylesPath = entries.has(`${folder}styles.xml`)
      ? entries.free(`${folder}styles`, '.xml')
      : `${folder}styles.xml`;
    entries.set(stylesPath, utf8(BLANK_STYLES));
    bookRels.add('styles', stylesPath);
    contentTypes.overrides.push(override(stylesPath, CT.styles));
  }
  const stylesBytes = entries.get(stylesPath) as Uint8Array;
  const styles = extendStyles(stylesBytes, editableText(stylesBytes, stylesPath), stylesPath, kinds, looks);
  entries.set(stylesPath, styles.bytes);

  // Highlights: per sheet, rules numbered 1…k ahead of the user's, whose priorities move up by k.
  for (const [name, cells] of cellsBySheet) {
    const part = sheetPart(name);
    const groups = groupHighlights(
      [...cells].map(([cell, kind]) => ({ sheet: name, cell, kind })),
      Number.MAX_SAFE_INTEGER,
    );
    const rules = groups.map((g, i) => ({
      // An sqref lists its ranges with spaces.
      sqref: g.addresses.join(',').split(',').join(' '),
      dxfId: styles.dxfOf[g.kind],
      priority: i + 1,
    }));
    shiftPriorities(part, rules.length);
    addRules(part, rules, HIGHLIGHT_FORMULA);
  }

  // Notes: the sheet's comments and VML parts, extended or new.
  const author = lang === 'vi' ? 'Kiểm tra CCHC' : 'CCHC check';
  let nextBlock = usedShapeBlocks(
    [...entries.data.values()]
      .filter((e) => /\.vml$/i.test(e.name))
      .map((e) => editableText(e.bytes, e.name)),
  );
  for (const [name, byCell] of notesBySheet) {
    const part = sheetPart(name);
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
      contentTypes.overrides.push(override(path, CT.comments));
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
        contentTypes.defaults.push('vml');
      }
      nextBlock += blocksFor(shaped.length);
    }
    sheetRels.write();
  }
  for (const part of sheetParts.values()) if (!part.patch.empty) entries.set(part.path, part.patch.apply());

  // The results sheet, last in the workbook.
  const resultsName = freeSheetName(
    lang === 'vi' ? 'Kết quả kiểm tra' : 'Check results',
    book.sheets.map((s) => s.name),
  );
  const resultsPath = entries.free(`${folder}worksheets/sheet`, '.xml');
  entries.set(resultsPath, utf8(resultsSheetXml(content, styles.xfOf)));
  contentTypes.overrides.push(override(resultsPath, CT.worksheet));
  const rid = bookRels.add('worksheet', resultsPath);
  addSheetToWorkbook(entries, book.path, bookXml, bookRoot, resultsName, rid);
  bookRels.write();
  patchContentTypes(entries, ctPath, ctBytes, contentTypes);
  return entries.zip();
}

function override(path: string, type: string): string {
  return `<Override PartName="/${escapeAttribute(encodeURI(path))}" ContentType="${type}"/>`;
}

function addSheetToWorkbook(
  entries: Entries,
  path: string,
  xml: string,
  root: ReturnType<typeof scanXml>,
  name: string,
  rid: string,
): void {
  const sheets = root.children.find((el) => el.local === 'sheets');
  if (!sheets) throw new XlsxError('unreadable', `${path}: no <sheets>`, { part: path });
  const ids = [
    ...xml.slice(sheets.openEnd, sheets.closeStart).matchAll(/\ssheetId\s*=\s*["'](\d+)["']/g),
  ].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...ids) + 1;
  const bound = prefixFor(xml, root, REL_NS);
  const rel = bound ?? 'r:';
  const declare = bound === null ? ` xmlns:r="${REL_NS}"` : '';
  const patch = new Patch(entries.get(path) as Uint8Array);
  const { at, close } = childrenEnd(patch, xml, sheets);
  patch.insert(
    at,
    `<${sheets.prefix}sheet${declare} name="${escapeAttribute(name)}" sheetId="${sheetId}" ${rel}id="${rid}"/>${close}`,
  );
  entries.set(path, patch.apply());
}

function patchContentTypes(
  entries: Entries,
  path: string,
  bytes: Uint8Array,
  add: { overrides: string[]; defaults: string[] },
): void {
  const xml = editableText(bytes, path);
  const root = scanXml(xml, path, 2);
  const p = root.prefix;
  const have = new Set<string>();
  for (const el of root.children) {
    const a = attributes(xml, el);
    if (el.local === 'Default') have.add(`ext:${(a.Extension ?? '').toLowerCase()}`);
  }
  const items = [...add.overrides];
  for (const ext of new Set(add.defaults))
    if (!have.has(`ext:${ext}`)) items.unshift(`<Default Extension="${ext}" ContentType="${CT.vml}"/>`);
  if (items.length === 0) return;
  const patch = new Patch(bytes);
  const { at, close } = childrenEnd(patch, xml, root);
  patch.insert(at, items.map((s) => s.replace(/^<(?=\w)/, `<${p}`)).join('') + close);
  entries.set(path, patch.apply());
}
