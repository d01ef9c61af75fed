/**
 * Editing a part by insertion only. A part is read as a "binary string" (one character per byte), so that every
 * offset the scanner finds is a byte offset and the bytes around our insertions are copied, never decoded and
 * re-encoded: a part keeps its exact bytes (BOM, odd whitespace, invalid UTF-8 and all) outside what we add.
 * The markup we look for is ASCII, which reads the same in a binary string as in the decoded text.
 */
import { strFromU8, strToU8 } from 'fflate';
import { XlsxError } from '../errors';
import { skipMarkup } from '../xml';

/** One byte per character (codes 0–255). */
export function binaryOf(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000)
    chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]));
  return chunks.join('');
}

/** A stretch of a binary string, decoded as the UTF-8 it is (attribute values, names). */
export function utf8Of(binary: string): string {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return strFromU8(bytes);
}

/** Parts we edit must be UTF-8 (what every spreadsheet program writes); a UTF-16 part we cannot splice. */
export function editableText(bytes: Uint8Array, part: string): string {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    throw new XlsxError('unreadable', `${part}: a UTF-16 part cannot be patched`, { part });
  return binaryOf(bytes);
}

/** Insertions (and the few replacements of an attribute value) on one part, applied in one pass. */
export class Patch {
  private readonly edits: { from: number; to: number; text: string; order: number }[] = [];

  constructor(readonly bytes: Uint8Array) {}

  insert(at: number, text: string): void {
    this.edits.push({ from: at, to: at, text, order: this.edits.length });
  }

  replace(from: number, to: number, text: string): void {
    this.edits.push({ from, to, text, order: this.edits.length });
  }

  get empty(): boolean {
    return this.edits.length === 0;
  }

  apply(): Uint8Array {
    // Insertions at one offset keep the order they were made in.
    const edits = [...this.edits].sort((a, b) => a.from - b.from || a.order - b.order);
    const pieces: Uint8Array[] = [];
    let at = 0;
    for (const e of edits) {
      if (e.from < at) throw new Error('overlapping edits');
      pieces.push(this.bytes.subarray(at, e.from), strToU8(e.text));
      at = e.to;
    }
    pieces.push(this.bytes.subarray(at));
    let size = 0;
    for (const p of pieces) size += p.length;
    const out = new Uint8Array(size);
    let o = 0;
    for (const p of pieces) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

/** An element found by the scanner; offsets into the binary string. */
export interface Element {
  /** As written, prefix included ("x:sheetData"). */
  name: string;
  local: string;
  prefix: string;
  depth: number;
  start: number;
  /** Just after the start tag's ">". */
  openEnd: number;
  /** Where the end tag starts (openEnd for a self-closing element). */
  closeStart: number;
  /** Just after the element. */
  end: number;
  selfClosing: boolean;
  children: Element[];
}

/**
 * The elements of a part down to `maxDepth` (1 = the root), with their offsets. Every tag is checked to nest
 * (a part we cannot scan is one we must not patch); elements below maxDepth are passed over without a record,
 * so a sheet's million cells cost one pass and no memory.
 */
export function scanXml(xml: string, part: string, maxDepth: number): Element {
  const fail = (why: string): never => {
    throw new XlsxError('unreadable', `${part}: not well-formed XML (${why})`, { part });
  };
  const stack: Element[] = [];
  const names: string[] = [];
  let root: Element | null = null;
  const n = xml.length;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x2f /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) fail('unclosed end tag');
      const name = xml.slice(lt + 2, gt).trimEnd();
      if (names.pop() !== name) fail(`unexpected </${name}>`);
      if (names.length < maxDepth) {
        const el = stack.pop() as Element;
        el.closeStart = lt;
        el.end = gt + 1;
      }
      i = gt + 1;
      continue;
    }
    if (c === 0x3f /* ? */ || c === 0x21 /* ! */) {
      i = skipMarkup(xml, lt, fail).next;
      continue;
    }
    let j = lt + 1;
    while (j < n && !isNameEnd(xml.charCodeAt(j))) j++;
    const name = xml.slice(lt + 1, j);
    if (name === '') fail('empty tag name');
    // To the tag's end, passing over quoted values (which may hold ">").
    let quote = 0;
    for (; j < n; j++) {
      const k = xml.charCodeAt(j);
      if (quote) {
        if (k === quote) quote = 0;
      } else if (k === 0x22 || k === 0x27) quote = k;
      else if (k === 0x3e) break;
    }
    if (j >= n) fail(`unclosed <${name}>`);
    const selfClosing = xml.charCodeAt(j - 1) === 0x2f;
    const depth = names.length + 1;
    if (depth === 1 && root) fail('a second root element');
    if (depth <= maxDepth) {
      const colon = name.indexOf(':');
      const el: Element = {
        name,
        local: colon < 0 ? name : name.slice(colon + 1),
        prefix: colon < 0 ? '' : name.slice(0, colon + 1),
        depth,
        start: lt,
        openEnd: j + 1,
        closeStart: j + 1,
        end: j + 1,
        selfClosing,
        children: [],
      };
      if (depth === 1) root = el;
      else stack[stack.length - 1].children.push(el);
      if (!selfClosing) stack.push(el);
    }
    if (!selfClosing) names.push(name);
    i = j + 1;
  }
  if (names.length > 0) fail(`<${names[names.length - 1]}> is never closed`);
  if (!root) fail('no root element');
  return root as Element;
}

function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3e || c === 0x2f;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of the start tag at `start` (values decoded from UTF-8 and entities). */
export function attributesAt(xml: string, start: number, openEnd: number): Record<string, string> {
  const tag = xml.slice(start, openEnd);
  const out: Record<string, string> = {};
  const space = tag.search(/[\s/>]/);
  ATTRIBUTE.lastIndex = space < 0 ? tag.length : space;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag))
    out[m[1]] = unentity(utf8Of(m[2] ?? m[3] ?? ''));
  return out;
}

export function attributes(xml: string, el: Element): Record<string, string> {
  return attributesAt(xml, el.start, el.openEnd);
}

function unentity(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#x([0-9A-Fa-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (all, hex, dec, named) => {
    if (named) return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[named];
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/**
 * Makes room for children at the end of `el`: the offset to insert them at. A self-closing element ("<dxfs
 * count="0"/>") is opened: its "/>" becomes ">", and `closing` is where its end tag must be inserted after ours.
 */
export function childrenEnd(patch: Patch, xml: string, el: Element): { at: number; close: string } {
  if (!el.selfClosing) return { at: el.closeStart, close: '' };
  const slash = xml.lastIndexOf('/', el.openEnd - 1);
  patch.replace(slash, el.openEnd, '>');
  return { at: el.openEnd, close: `</${el.name}>` };
}

/** Sets (or adds) a count="N" attribute on an element's start tag. */
export function setCount(patch: Patch, xml: string, el: Element, count: number): void {
  const tag = xml.slice(el.start, el.openEnd);
  const m = /(\s)count\s*=\s*("[^"]*"|'[^']*')/.exec(tag);
  if (m) patch.replace(el.start + m.index, el.start + m.index + m[0].length, `${m[1]}count="${count}"`);
  else patch.insert(el.start + 1 + el.name.length, ` count="${count}"`);
}

/** The prefix the part's root binds to `namespace` ("r:"), or null. */
export function prefixFor(xml: string, root: Element, namespace: string): string | null {
  for (const [name, value] of Object.entries(attributes(xml, root))) {
    if (value !== namespace) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return `${name.slice(6)}:`;
  }
  return null;
}

// Characters XML 1.0 cannot hold (C0 controls but tab and line feed; CR, which a parser turns into LF; the
// non-characters U+FFFE/U+FFFF; lone surrogates), and a literal "_xHHHH_" that a reader would take for an escape.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- the control characters are what it finds
  /[\0-\x08\x0b-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|_(?=x[0-9A-Fa-f]{4}_)/g;

/** Text as OOXML stores it: XML-escaped, unrepresentable characters as `_xHHHH_` (and "_" of a literal one). */
export function escapeText(text: string): string {
  return text
    .replace(UNSAFE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** An attribute value: escaped, and the whitespace a parser would fold written as references. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
