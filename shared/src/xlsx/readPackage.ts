/**
 * The zip package and its relationships: which parts make the workbook, found the way Excel finds them (the root
 * relationships name the workbook, the workbook's relationships name its sheets, shared strings and styles),
 * inflating only those parts. Drawings, images, printer settings and the like are never decompressed.
 */
import { XlsxError } from './errors';
import { xmlBool } from './xml';
import { ATTRIBUTE_STRIDE, END, OPEN, XmlScanner } from './read/scanner';
import {
  entryData,
  fflateInflateRaw,
  readZipDirectory,
  type InflateRaw,
  type ZipEntry,
} from './zipDirectory';

/**
 * Bounds on what one file may make us inflate, checked against each entry's declared size before any byte is
 * decompressed (the inflater produces no more than that size). A ward file is well under a megabyte; a province's
 * largest sheets are tens of megabytes of XML.
 */
export const MAX_PART_BYTES = 256 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024;

/** A path inside the package as it is compared: OPC part names ignore case; some zip tools write "\" or a leading "/". */
export function partKey(name: string): string {
  if (name.charCodeAt(0) !== 0x2f && !name.includes('\\')) return name.toLowerCase();
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/**
 * Throws on a second entry of a name already seen (also in another case or with "\" for "/"). Zip readers differ
 * on which of the two they take (the first, the last, the central directory's or the local header's), so such a
 * package is two workbooks at once: the check would read one and the copy keep the other. It is refused.
 */
export function refuseDuplicates(): (name: string) => void {
  const seen = new Set<string>();
  return (name) => {
    const key = partKey(name);
    if (seen.has(key))
      throw new XlsxError('duplicate-part', `two entries named ${name} in the package`, { part: name });
    seen.add(key);
  };
}

export class ZipPackage {
  /** partKey → the entry, as the central directory lists it. */
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly inflateRaw: InflateRaw,
  ) {}

  /**
   * Lists the package (refusing a name stored twice) and inflates `first` (paths). `inflateRaw` is the host's
   * inflater when it has a faster one than fflate's (Node's zlib); it is never asked for more than a part declares.
   */
  static open(
    bytes: Uint8Array,
    first: string[],
    inflateRaw: InflateRaw = fflateInflateRaw,
  ): { pkg: ZipPackage; parts: Map<string, Uint8Array> } {
    const pkg = new ZipPackage(bytes, inflateRaw);
    const duplicate = refuseDuplicates();
    for (const entry of unreadableUnless(() => readZipDirectory(bytes))) {
      duplicate(entry.name);
      pkg.entries.set(partKey(entry.name), entry);
    }
    return { pkg, parts: pkg.read(first) };
  }

  has(path: string): boolean {
    return this.entries.has(partKey(path));
  }

  /** Every entry's name as stored, in the directory's order. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** The parts that exist among `paths`, keyed by partKey(path). */
  read(paths: string[]): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const path of paths) {
      const key = partKey(path);
      const entry = this.entries.get(key);
      if (!entry || out.has(key)) continue;
      // Checked against the declared size before a byte is inflated: the inflater may produce no more.
      if (entry.originalSize > MAX_PART_BYTES || this.inflated + entry.originalSize > MAX_TOTAL_BYTES)
        throw new XlsxError(
          'too-large',
          `${entry.name}: ${entry.originalSize} bytes uncompressed, beyond the reader's bounds`,
          { part: entry.name },
        );
      this.inflated += entry.originalSize;
      out.set(
        key,
        unreadableUnless(() => entryData(this.bytes, entry, this.inflateRaw)),
      );
    }
    return out;
  }
}

/** `read()`, any failure of the zip layer (a broken directory, corrupt deflate data) made 'unreadable'. */
function unreadableUnless<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new XlsxError('unreadable', `not a readable zip package (${why})`, {}, { cause: e });
  }
}

export function partOf(parts: Map<string, Uint8Array>, path: string): Uint8Array | undefined {
  return parts.get(partKey(path));
}

export interface Relationship {
  id: string;
  /** The last segment of the relationship type: "officeDocument", "worksheet", "sharedStrings" … */
  kind: string;
  /** The target resolved to a path inside the package; "" for an external target. */
  path: string;
}

/** The relationships part of `source` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels"). */
export function relsPathOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

export function parseRels(bytes: Uint8Array | undefined, source: string, part: string): Relationship[] {
  if (!bytes) return [];
  const out: Relationship[] = [];
  const base = source.slice(0, source.lastIndexOf('/') + 1);
  const x = new XmlScanner(bytes, part, false);
  for (let token = x.next(); token !== END; token = x.next()) {
    if (token !== OPEN || !x.isLocal('Relationship')) continue;
    const id = x.valueOf('Id') ?? '';
    const type = x.valueOf('Type') ?? '';
    const target = x.valueOf('Target') ?? '';
    // Transitional and Strict types differ in their namespace only: compare the last segment.
    const kind = type.slice(type.lastIndexOf('/') + 1);
    out.push({ id, kind, path: x.valueOf('TargetMode') === 'External' ? '' : resolveTarget(base, target) });
  }
  return out;
}

/** A relationship target as a package path: relative to the source part's folder unless it starts with "/". */
function resolveTarget(base: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  if (t.includes('%')) {
    try {
      t = decodeURIComponent(t); // part names are URIs ("sheet%201.xml"), zip entries are not
    } catch {
      // a lone "%" is a character of the name
    }
  }
  const segments = t.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return segments.join('/');
}

export interface WorkbookSheet {
  name: string;
  /** The relationship id (`r:id`) that names the sheet's part. */
  rid: string;
}

export interface WorkbookInfo {
  /** The root element's local name: "workbook" for a spreadsheet. */
  root: string;
  date1904: boolean;
  sheets: WorkbookSheet[];
}

export function parseWorkbook(bytes: Uint8Array, part: string): WorkbookInfo {
  const info: WorkbookInfo = { root: '', date1904: false, sheets: [] };
  const x = new XmlScanner(bytes, part, false);
  for (let token = x.next(); token !== END; token = x.next()) {
    if (token !== OPEN) continue;
    if (x.depth === 1) info.root = x.localName();
    else if (x.depth === 2 && x.isLocal('workbookPr')) info.date1904 = xmlBool(x.valueOf('date1904'));
    else if (x.depth === 3 && x.isLocal('sheet'))
      info.sheets.push({ name: x.valueOf('name') ?? '', rid: rid(x) });
  }
  return info;
}

/**
 * The relationship id: the one attribute named "id" in a namespace, whatever its prefix ("r:id", "ns1:id"); the
 * first such name in the tag, with its last value if written twice (as an object of the attributes held it).
 */
function rid(x: XmlScanner): string {
  const b = x.bytes;
  for (let a = 0; a < x.attrCount * ATTRIBUTE_STRIDE; a += ATTRIBUTE_STRIDE) {
    const s = x.attrs[a];
    const e = x.attrs[a + 1];
    if (e - s < 3 || b[e - 3] !== 0x3a || b[e - 2] !== 0x69 || b[e - 1] !== 0x64) continue;
    if (b.subarray(s, e - 3).includes(0x3a)) continue;
    return x.value(x.lastSame(a));
  }
  return '';
}
