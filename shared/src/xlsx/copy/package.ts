/**
 * The package side of the checked copy: its entries as stored (name as written), relationships parts to extend,
 * the workbook's sheet list and content types, each changed only by insertions (xmlEdit.ts).
 */
import { zipSync } from 'fflate';
import { XlsxError } from '../errors';
import { parseRels, parseWorkbook, partKey, relsPathOf, ZipPackage, type Relationship } from '../readPackage';
import { sniffPackage } from '../sniff';
import { attributes, childrenEnd, editableText, escapeAttribute, Patch, scanXml, prefixFor } from './xmlEdit';
import { PKG_REL_NS, REL_NS } from '../namespaces';

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};
const REL_TYPE = (kind: string) => `${REL_NS}/${kind}`;
export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

/** The package's entries as stored (name as written), uncompressed, in the zip's order. */
export class Entries {
  readonly data = new Map<string, { name: string; bytes: Uint8Array }>();
  readonly added: string[] = [];

  static open(input: Uint8Array): Entries {
    const kind = sniffPackage(input);
    if (kind !== 'zip') throw new XlsxError(kind, `not an .xlsx package (${kind})`);
    // The directory the check read, with its bounds and its refusal of a name stored twice: the copy keeps the
    // very parts that were checked.
    const { pkg } = ZipPackage.open(input, []);
    const names = pkg.names();
    const parts = pkg.read(names);
    const out = new Entries();
    for (const name of names) out.data.set(keyOf(name), { name, bytes: parts.get(keyOf(name))! });
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
export class RelsPart {
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
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${this.items.join('')}</Relationships>`,
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

export function utf8(text: string): Uint8Array {
  const p = new Patch(new Uint8Array(0));
  p.insert(0, text);
  return p.apply();
}

/** The workbook's worksheets by name, with their parts. */
export interface Book {
  path: string;
  rels: Relationship[];
  sheets: { name: string; path: string; kind: string }[];
}

export function openBook(entries: Entries): Book {
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

export function override(path: string, type: string): string {
  return `<Override PartName="/${escapeAttribute(encodeURI(path))}" ContentType="${type}"/>`;
}

export function addSheetToWorkbook(
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

export function patchContentTypes(
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
