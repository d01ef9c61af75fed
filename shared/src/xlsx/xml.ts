/**
 * The XML plumbing every part reader shares: bytes to text, one scanning pass with the errors turned into ours,
 * element names without their prefix, and OOXML's `_xHHHH_` escapes.
 */
import { strFromU8 } from 'fflate';
import { XlsxError } from './errors';

/** An element as the readers see it: its name as written (prefix included) and its attributes, decoded. */
export interface Tag {
  name: string;
  attributes: Record<string, string>;
  isSelfClosing: boolean;
}

export interface XmlHandlers {
  open(tag: Tag): void;
  close(tag: Tag): void;
  /** Only given by readers that need text: the scanner skips the work of decoding text for nobody. */
  text?(text: string): void;
}

/**
 * One pass over a part, firing open / close / text as a SAX parser does. It is our own scanner rather than a
 * general parser (saxes) because a ward file's sheet and string parts are most of the time a check takes, and
 * these parts are machine-written XML: a scan by indexOf is several times faster than saxes's character-by-
 * character state machine. It is still strict where it matters: tags must nest and close, attribute values must
 * be quoted, only the predefined entities and character references are expanded, and a DOCTYPE (which could
 * declare entities) is refused. Namespaces are not resolved: readers match elements by local name, so `<x:c>`
 * from the .NET OpenXML SDK reads like `<c>`. The tests compare its events with saxes's on real files.
 */
export function parseXml(xml: string, part: string, handlers: XmlHandlers): void {
  const fail = (why: string): never => {
    throw new XlsxError('unreadable', `${part}: not well-formed XML (${why})`, { part });
  };
  const { open, close, text } = handlers;
  const stack: string[] = [];
  const n = xml.length;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  let rooted = false;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (stack.length > 0) {
        if (text) text(decodeText(xml.slice(i, end), fail));
      } else if (!isSpace(xml, i, end)) fail('text outside the root element');
    }
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x2f /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) fail('unclosed end tag');
      const name = xml.slice(lt + 2, gt).trimEnd();
      if (stack.pop() !== name) fail(`unexpected </${name}>`);
      close({ name, attributes: NO_ATTRIBUTES, isSelfClosing: false });
      i = gt + 1;
      continue;
    }
    if (c === 0x3f /* ? */ || c === 0x21 /* ! */) {
      const skipped = skipMarkup(xml, lt, fail);
      if (skipped.cdata !== undefined) {
        if (stack.length === 0) fail('misplaced CDATA section');
        if (text) text(skipped.cdata);
      }
      i = skipped.next;
      continue;
    }
    // A start tag: its name, then attributes up to ">" or "/>".
    let j = lt + 1;
    while (j < n && !isNameEnd(xml.charCodeAt(j))) j++;
    const name = xml.slice(lt + 1, j);
    if (name === '') fail('empty tag name');
    if (stack.length === 0 && rooted) fail('a second root element');
    let attributes: Record<string, string> = NO_ATTRIBUTES;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpaceCode(xml.charCodeAt(j))) j++;
      const a = xml.charCodeAt(j);
      if (a === 0x3e /* > */) {
        j++;
        break;
      }
      if (a === 0x2f /* / */ && xml.charCodeAt(j + 1) === 0x3e) {
        selfClosing = true;
        j += 2;
        break;
      }
      if (j >= n) fail(`unclosed <${name}>`);
      const eq = xml.indexOf('=', j);
      if (eq < 0) fail(`attribute without a value in <${name}>`);
      const key = xml.slice(j, eq).trimEnd();
      if (key === '' || !isName(key)) fail(`bad attribute in <${name}>`);
      let q = eq + 1;
      while (q < n && isSpaceCode(xml.charCodeAt(q))) q++;
      const quote = xml[q];
      if (quote !== '"' && quote !== "'") fail(`unquoted attribute in <${name}>`);
      const endQuote = xml.indexOf(quote, q + 1);
      if (endQuote < 0) fail(`unclosed attribute in <${name}>`);
      const raw = xml.slice(q + 1, endQuote);
      if (raw.includes('<')) fail(`"<" in an attribute of <${name}>`);
      if (attributes === NO_ATTRIBUTES) attributes = {};
      attributes[key] = decodeAttribute(raw, fail);
      j = endQuote + 1;
    }
    rooted = true;
    const tag = { name, attributes, isSelfClosing: selfClosing };
    open(tag);
    if (selfClosing) close(tag);
    else stack.push(name);
    i = j;
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]}> is never closed`);
  if (!rooted) fail('no root element');
}

/**
 * At a "<?" or "<!": the index after the processing instruction, comment or CDATA section (and a CDATA section's
 * text). A DOCTYPE or any other declaration is refused: it could declare entities. Shared with the copy's scanner.
 */
export function skipMarkup(
  xml: string,
  lt: number,
  fail: (why: string) => never,
): { next: number; cdata?: string } {
  if (xml.charCodeAt(lt + 1) === 0x3f) {
    const q = xml.indexOf('?>', lt + 2);
    if (q < 0) fail('unclosed processing instruction');
    return { next: q + 2 };
  }
  if (xml.startsWith('<!--', lt)) {
    const e = xml.indexOf('-->', lt + 4);
    if (e < 0) fail('unclosed comment');
    return { next: e + 3 };
  }
  if (xml.startsWith('<![CDATA[', lt)) {
    const e = xml.indexOf(']]>', lt + 9);
    if (e < 0) fail('unclosed CDATA section');
    return { next: e + 3, cdata: xml.slice(lt + 9, e) };
  }
  return fail('DOCTYPE or declaration');
}

const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isNameEnd(c: number): boolean {
  return isSpaceCode(c) || c === 0x3e || c === 0x2f;
}

/** No space, quote, slash or angle bracket: what an attribute name cannot hold. */
function isName(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (isSpaceCode(c) || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x27 || c === 0x2f) return false;
  }
  return true;
}

function isSpace(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpaceCode(s.charCodeAt(k))) return false;
  return true;
}

const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character data: line ends normalised as XML says (CR LF and CR to LF), entities expanded. */
export function decodeText(raw: string, fail: (why: string) => never): string {
  const lines = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return lines.includes('&') ? expand(lines, fail) : lines;
}

/** An attribute value: whitespace characters become spaces (XML's normalisation), entities expanded. */
export function decodeAttribute(raw: string, fail: (why: string) => never): string {
  const spaced =
    raw.indexOf('\n') >= 0 || raw.indexOf('\t') >= 0 || raw.indexOf('\r') >= 0
      ? raw.replace(/\r\n|[\t\n\r]/g, ' ')
      : raw;
  return spaced.includes('&') ? expand(spaced, fail) : spaced;
}

function expand(s: string, fail: (why: string) => never): string {
  // An "&" that starts no known entity is not XML (saxes refuses it too).
  if (s.replace(ENTITY, '').includes('&')) fail('an unknown entity or a bare "&"');
  return s.replace(
    ENTITY,
    (_all, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
      if (named) return NAMED[named];
      const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        fail(`bad character reference &#${hex !== undefined ? 'x' + hex : dec};`);
      return String.fromCodePoint(code);
    },
  );
}

/** "x:c" → "c". */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** A part's text: UTF-8 as every spreadsheet program writes it, or UTF-16 when a byte-order mark says so. */
export function partText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 2, true);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 2, false);
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = strFromU8(start ? bytes.subarray(start) : bytes);
  // TextDecoder drops the mark itself; fflate's fallback decoder (no TextDecoder) does not.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function utf16(bytes: Uint8Array, from: number, little: boolean): string {
  const chunks: string[] = [];
  const units: number[] = [];
  for (let i = from; i + 1 < bytes.length; i += 2) {
    units.push(little ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
    if (units.length === 8192) {
      chunks.push(String.fromCharCode(...units));
      units.length = 0;
    }
  }
  chunks.push(String.fromCharCode(...units));
  return chunks.join('');
}

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Excel writes characters XML cannot hold (carriage return, ESC …) as `_xHHHH_`, and a literal "_x000D_" as
 * "_x005F_x000D_" (005F is "_"). One left-to-right pass undoes both: after "_x005F_" the scan resumes at "x000D_",
 * which no longer starts an escape.
 */
export function decodeEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(ESCAPE, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** "1"/"true" as OOXML booleans are written; anything else is false. */
export function xmlBool(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}
