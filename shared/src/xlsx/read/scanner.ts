/**
 * The readers' XML scanner over a part's inflated bytes: a pull scanner that gives elements and text as byte
 * ranges, so that a reader decodes only what it keeps (a cell's value, a style's format code) and never the whole
 * part to a string. It accepts and refuses exactly what xml.ts's parseXml does, with the same messages: names are
 * compared as bytes (UTF-8 keeps every delimiter ASCII), attribute values and, where a reader asks for text,
 * character data are checked for entities as parseXml's decoding checked them, so that decoding a range later
 * cannot fail. The tests hold it to parseXml on the fixtures and on generated XML.
 */
import { strFromU8, strToU8 } from 'fflate';
import { XlsxError } from '../errors';
import { decodeAttribute, decodeText, partText } from '../xml';

export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;

/** Per attribute in `attrs`: key start, key end, value start, value end, 1 when the value needs no decoding. */
const STRIDE = 5;

export class XmlScanner {
  readonly bytes: Uint8Array;
  private readonly n: number;
  private i: number;
  /** Open elements' names: start, end per element. */
  private readonly stack: number[] = [];
  /** How many elements are open (the stack's used length is twice that: it is never shrunk). */
  private level = 0;
  private rooted = false;
  private pendingClose = false;

  /** The current token's element depth (1 for the root); for text, its parent's. */
  depth = 0;
  nameStart = 0;
  nameEnd = 0;
  /** After the prefix's colon, if any. */
  localStart = 0;
  selfClosing = false;
  attrCount = 0;
  readonly attrs: number[] = [];
  textStart = 0;
  textEnd = 0;
  /** The text needs no decoding beyond UTF-8 (no entity, no CR; a CDATA section is always so). */
  textPlain = true;

  /**
   * `checkText`: refuse bad entities in character data, as parseXml does for a reader that takes text. Readers
   * that took none (styles, workbook, relationships) never had their text looked at, and still do not.
   */
  constructor(
    bytes: Uint8Array,
    readonly part: string,
    private readonly checkText: boolean,
  ) {
    let boms = 4; // partText, TextDecoder, partText again and parseXml each dropped one leading mark
    if (
      bytes.length >= 2 &&
      ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    ) {
      // UTF-16, which no spreadsheet program writes: re-encoded once rather than scanned two bytes at a time.
      bytes = strToU8(partText(bytes));
      boms = 1;
    }
    let i = 0;
    while (boms-- > 0 && bytes[i] === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) i += 3;
    this.bytes = bytes;
    this.n = bytes.length;
    this.i = i;
  }

  fail(why: string): never {
    throw new XlsxError('unreadable', `${this.part}: not well-formed XML (${why})`, { part: this.part });
  }

  /** The next token: OPEN, CLOSE (also after a self-closing OPEN), TEXT or END. */
  next(): number {
    if (this.pendingClose) {
      this.pendingClose = false;
      return CLOSE;
    }
    const b = this.bytes;
    const n = this.n;
    const stack = this.stack;
    let i = this.i;
    while (i < n) {
      if (b[i] !== 0x3c) {
        let k = i;
        let amp = false;
        let cr = false;
        for (; k < n; k++) {
          const c = b[k];
          if (c === 0x3c) break;
          if (c === 0x26) amp = true;
          else if (c === 0x0d) cr = true;
        }
        if (this.level === 0) {
          for (let s = i; s < k; s++) if (!isSpaceCode(b[s])) this.fail('text outside the root element');
          i = k;
          continue;
        }
        if (amp && this.checkText) checkEntities(b, i, k, this);
        this.textStart = i;
        this.textEnd = k;
        this.textPlain = !amp && !cr;
        this.depth = this.level;
        this.i = k;
        return TEXT;
      }
      const c = b[i + 1];
      if (c === 0x2f /* / */) {
        const gt = b.indexOf(0x3e, i);
        if (gt < 0) this.fail('unclosed end tag');
        const end = trimEndBytes(b, i + 2, gt);
        const top = 2 * this.level - 2;
        if (top < 0 || !this.sameName(stack[top], stack[top + 1], i + 2, end))
          this.fail(`unexpected </${utf8(b, i + 2, gt).trimEnd()}>`);
        this.setName(stack[top], stack[top + 1]);
        this.depth = this.level--;
        this.attrCount = 0;
        this.selfClosing = false;
        this.i = gt + 1;
        return CLOSE;
      }
      if (c === 0x3f /* ? */ || c === 0x21 /* ! */) {
        const cdata = this.markup(i);
        i = this.i;
        if (cdata >= 0) {
          if (this.level === 0) this.fail('misplaced CDATA section');
          this.textStart = cdata;
          this.textEnd = i - 3;
          this.textPlain = true;
          this.depth = this.level;
          return TEXT;
        }
        continue;
      }
      return this.startTag(i);
    }
    this.i = i;
    if (this.level > 0)
      this.fail(`<${utf8(b, stack[2 * this.level - 2], stack[2 * this.level - 1])}> is never closed`);
    if (!this.rooted) this.fail('no root element');
    return END;
  }

  private startTag(lt: number): number {
    const b = this.bytes;
    const n = this.n;
    const stack = this.stack;
    let j = lt + 1;
    let colon = -1;
    for (; j < n; j++) {
      const c = b[j];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3e || c === 0x2f) break;
      if (c === 0x3a && colon < 0) colon = j;
    }
    if (j === lt + 1) this.fail('empty tag name');
    if (this.level === 0 && this.rooted) this.fail('a second root element');
    const nameEnd = j;
    const attrs = this.attrs;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpaceCode(b[j])) j++;
      const a = b[j];
      if (a === 0x3e) {
        j++;
        break;
      }
      if (a === 0x2f && b[j + 1] === 0x3e) {
        selfClosing = true;
        j += 2;
        break;
      }
      if (j >= n) this.fail(`unclosed <${utf8(b, lt + 1, nameEnd)}>`);
      // The usual key (ASCII letters, digits, ":_-.") right before its "=" needs no trimming nor checking.
      let eq = j;
      while (eq < n && isKeyByte(b[eq])) eq++;
      let keyEnd = eq;
      if (eq === j || b[eq] !== 0x3d) {
        eq = b.indexOf(0x3d, j);
        if (eq < 0) this.fail(`attribute without a value in <${utf8(b, lt + 1, nameEnd)}>`);
        keyEnd = trimEndBytes(b, j, eq);
        if (keyEnd === j || !isNameBytes(b, j, keyEnd))
          this.fail(`bad attribute in <${utf8(b, lt + 1, nameEnd)}>`);
      }
      let q = eq + 1;
      while (q < n && isSpaceCode(b[q])) q++;
      const quote = b[q];
      if (quote !== 0x22 && quote !== 0x27) this.fail(`unquoted attribute in <${utf8(b, lt + 1, nameEnd)}>`);
      let e = q + 1;
      let angle = false;
      let amp = false;
      let space = false;
      for (; e < n; e++) {
        const c = b[e];
        if (c === quote) break;
        if (c === 0x3c) angle = true;
        else if (c === 0x26) amp = true;
        else if (c === 0x09 || c === 0x0a || c === 0x0d) space = true;
      }
      if (e >= n) this.fail(`unclosed attribute in <${utf8(b, lt + 1, nameEnd)}>`);
      if (angle) this.fail(`"<" in an attribute of <${utf8(b, lt + 1, nameEnd)}>`);
      if (amp) checkEntities(b, q + 1, e, this);
      const at = count * STRIDE;
      attrs[at] = j;
      attrs[at + 1] = keyEnd;
      attrs[at + 2] = q + 1;
      attrs[at + 3] = e;
      attrs[at + 4] = amp || space ? 0 : 1;
      count++;
      j = e + 1;
    }
    this.rooted = true;
    this.attrCount = count;
    this.selfClosing = selfClosing;
    this.nameStart = lt + 1;
    this.nameEnd = nameEnd;
    this.localStart = colon < 0 ? lt + 1 : colon + 1;
    if (selfClosing) {
      this.depth = this.level + 1;
      this.pendingClose = true;
    } else {
      const at = 2 * this.level;
      stack[at] = lt + 1;
      stack[at + 1] = nameEnd;
      this.depth = ++this.level;
    }
    this.i = j;
    return OPEN;
  }

  /** At "<?" or "<!" (as xml.ts's skipMarkup): moves past it; a CDATA section's text start, else -1. */
  private markup(lt: number): number {
    const b = this.bytes;
    if (b[lt + 1] === 0x3f) {
      const q = find(b, lt + 2, 0x3f, 0x3e, -1);
      if (q < 0) this.fail('unclosed processing instruction');
      this.i = q + 2;
      return -1;
    }
    if (startsWith(b, lt, '<!--')) {
      const e = find(b, lt + 4, 0x2d, 0x2d, 0x3e);
      if (e < 0) this.fail('unclosed comment');
      this.i = e + 3;
      return -1;
    }
    if (startsWith(b, lt, '<![CDATA[')) {
      const e = find(b, lt + 9, 0x5d, 0x5d, 0x3e);
      if (e < 0) this.fail('unclosed CDATA section');
      this.i = e + 3;
      return lt + 9;
    }
    return this.fail('DOCTYPE or declaration');
  }

  private setName(start: number, end: number): void {
    this.nameStart = start;
    this.nameEnd = end;
    const b = this.bytes;
    let k = start;
    while (k < end && b[k] !== 0x3a) k++;
    this.localStart = k < end ? k + 1 : start;
  }

  /** The open name [s0, s1) against a close name [c0, c1), both as bytes. */
  private sameName(s0: number, s1: number, c0: number, c1: number): boolean {
    const b = this.bytes;
    if (s1 - s0 !== c1 - c0) return false;
    for (let k = 0; k < s1 - s0; k++) if (b[s0 + k] !== b[c0 + k]) return false;
    return true;
  }

  /** The current element's local name is `name` (ASCII). */
  isLocal(name: string): boolean {
    const s = this.localStart;
    if (this.nameEnd - s !== name.length) return false;
    const b = this.bytes;
    for (let k = 0; k < name.length; k++) if (b[s + k] !== name.charCodeAt(k)) return false;
    return true;
  }

  /** The current element's local name, decoded. */
  localName(): string {
    return utf8(this.bytes, this.localStart, this.nameEnd);
  }

  /** The index (into attrs, by STRIDE) of the attribute named `key` (ASCII), the last if repeated; -1 if none. */
  attr(key: string): number {
    const b = this.bytes;
    const attrs = this.attrs;
    const len = key.length;
    const first = key.charCodeAt(0);
    outer: for (let a = (this.attrCount - 1) * STRIDE; a >= 0; a -= STRIDE) {
      const s = attrs[a];
      if (attrs[a + 1] - s !== len || b[s] !== first) continue;
      for (let k = 1; k < len; k++) if (b[s + k] !== key.charCodeAt(k)) continue outer;
      return a;
    }
    return -1;
  }

  /** The value of attribute `a` (from attr()), decoded as parseXml decodes it. */
  value(a: number): string {
    const attrs = this.attrs;
    return attributeText(this.bytes, attrs[a + 2], attrs[a + 3], attrs[a + 4] === 1);
  }

  /** The value of attribute `key`, or undefined. */
  valueOf(key: string): string | undefined {
    const a = this.attr(key);
    return a < 0 ? undefined : this.value(a);
  }

  /** The last attribute whose key is attribute `a`'s (a key written twice keeps its last value). */
  lastSame(a: number): number {
    const b = this.bytes;
    const attrs = this.attrs;
    const s = attrs[a];
    const len = attrs[a + 1] - s;
    outer: for (let o = (this.attrCount - 1) * STRIDE; o > a; o -= STRIDE) {
      if (attrs[o + 1] - attrs[o] !== len) continue;
      for (let k = 0; k < len; k++) if (b[attrs[o] + k] !== b[s + k]) continue outer;
      return o;
    }
    return a;
  }

  /** The current text token, decoded. */
  text(): string {
    return characterData(this.bytes, this.textStart, this.textEnd, this.textPlain);
  }
}

export const ATTRIBUTE_STRIDE = STRIDE;

/** Character data [s, e) as parseXml gives it; `plain` when it needs UTF-8 decoding only. Checked beforehand. */
export function characterData(b: Uint8Array, s: number, e: number, plain: boolean): string {
  const raw = utf8(b, s, e);
  return plain ? raw : decodeText(raw, checked);
}

export function attributeText(b: Uint8Array, s: number, e: number, plain: boolean): string {
  const raw = utf8(b, s, e);
  return plain ? raw : decodeAttribute(raw, checked);
}

function checked(why: string): never {
  throw new Error(`entity decoding failed after the scan accepted it (${why})`);
}

/**
 * UTF-8 bytes [s, e) to a string. Short ASCII runs (cell references, numbers, indices) are built directly: a
 * decoder call costs more than they do. A leading U+FEFF is kept: TextDecoder would drop it, and parseXml, which
 * decoded the whole part at once, kept it everywhere but at the start of the part.
 */
export function utf8(b: Uint8Array, s: number, e: number): string {
  if (e - s <= 16) {
    let out = '';
    for (let k = s; k < e; k++) {
      const c = b[k];
      if (c >= 0x80) return decoded(b, s, e);
      out += String.fromCharCode(c);
    }
    return out;
  }
  return decoded(b, s, e);
}

function decoded(b: Uint8Array, s: number, e: number): string {
  // Leading marks are counted off first, so that the decoder never sees one at its start.
  let marks = '';
  while (s + 2 < e && b[s] === 0xef && b[s + 1] === 0xbb && b[s + 2] === 0xbf) {
    marks += '\ufeff';
    s += 3;
  }
  return marks + strFromU8(b.subarray(s, e));
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isKeyByte(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x3a) ||
    c === 0x5f ||
    c === 0x2d ||
    c === 0x2e
  );
}

/** No space, quote, slash or angle bracket (parseXml's isName). */
function isNameBytes(b: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = b[k];
    if (isSpaceCode(c) || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x27 || c === 0x2f) return false;
  }
  return true;
}

/**
 * The end of [s, e) without trailing white space as String.prototype.trimEnd sees it (parseXml trims names with
 * it): ASCII 09–0D and space, and the UTF-8 forms of U+00A0, U+1680, U+2000–200A, U+2028/9, U+202F, U+205F,
 * U+3000 and U+FEFF.
 */
export function trimEndBytes(b: Uint8Array, s: number, e: number): number {
  for (;;) {
    if (e <= s) return s;
    const c = b[e - 1];
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
      e--;
      continue;
    }
    if (c < 0x80) return e;
    if (e - 2 >= s && b[e - 2] === 0xc2 && c === 0xa0) {
      e -= 2;
      continue;
    }
    if (e - 3 < s) return e;
    const x = b[e - 3];
    const y = b[e - 2];
    const white =
      (x === 0xe1 && y === 0x9a && c === 0x80) ||
      (x === 0xe2 && y === 0x80 && ((c >= 0x80 && c <= 0x8a) || c === 0xa8 || c === 0xa9 || c === 0xaf)) ||
      (x === 0xe2 && y === 0x81 && c === 0x9f) ||
      (x === 0xe3 && y === 0x80 && c === 0x80) ||
      (x === 0xef && y === 0xbb && c === 0xbf);
    if (!white) return e;
    e -= 3;
  }
}

function startsWith(b: Uint8Array, at: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (b[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** The first index ≥ from where the bytes x, y (and z, unless -1) follow one another; -1 if none. */
function find(b: Uint8Array, from: number, x: number, y: number, z: number): number {
  const last = b.length - (z < 0 ? 2 : 3);
  for (let k = b.indexOf(x, from); k >= 0 && k <= last; k = b.indexOf(x, k + 1))
    if (b[k + 1] === y && (z < 0 || b[k + 2] === z)) return k;
  return -1;
}

const NAMED = ['amp', 'lt', 'gt', 'quot', 'apos'];

/**
 * Throws, as parseXml's decoding would, unless every "&" in [s, e) starts a predefined entity or a character
 * reference: an unknown entity anywhere is reported before a character reference out of range.
 */
function checkEntities(b: Uint8Array, s: number, e: number, scanner: XmlScanner): void {
  let badReference = '';
  for (let k = s; k < e; k++) {
    if (b[k] !== 0x26) continue;
    let p = k + 1;
    if (b[p] === 0x23 /* # */) {
      p++;
      let code = 0;
      let digits = 0;
      const hex = b[p] === 0x78; /* x */
      if (hex) p++;
      // The hexadecimal form first, as the old pattern tried it; "&#x;" and "&#x1g;" are no reference at all.
      for (; p < e; p++) {
        const d = digitValue(b[p], hex);
        if (d < 0) break;
        digits++;
        if (code <= 0x10ffff) code = code * (hex ? 16 : 10) + d;
      }
      if (digits === 0 || b[p] !== 0x3b || p >= e) scanner.fail('an unknown entity or a bare "&"');
      if (badReference === '' && (code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)))
        badReference = utf8(b, k, p + 1);
      k = p;
      continue;
    }
    let matched = false;
    for (const name of NAMED) {
      if (p + name.length < e && startsWith(b, p, name) && b[p + name.length] === 0x3b) {
        k = p + name.length;
        matched = true;
        break;
      }
    }
    if (!matched) scanner.fail('an unknown entity or a bare "&"');
  }
  if (badReference !== '') scanner.fail(`bad character reference ${badReference}`);
}

function digitValue(c: number, hex: boolean): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (!hex) return -1;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x61 + 10 : -1;
}
