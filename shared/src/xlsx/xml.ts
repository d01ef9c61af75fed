/**
 * The XML plumbing every part reader shares: bytes to text, one saxes pass with the errors turned into ours,
 * element names without their prefix, and OOXML's `_xHHHH_` escapes.
 */
import { strFromU8 } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { XlsxError } from './errors';

export type Tag = SaxesTagPlain;

export interface XmlHandlers {
  open(tag: Tag): void;
  close(tag: Tag): void;
  /** Only given by readers that need text: saxes skips the work of handing text to nobody. */
  text?(text: string): void;
}

/**
 * Runs one pass over a part. Namespaces are not resolved (xmlns: false is the fast mode): readers match elements
 * by local name, so `<x:c>` from the .NET OpenXML SDK reads like `<c>`. saxes expands only the predefined entities
 * and character references, so a DOCTYPE cannot make it fetch or blow up anything: an unknown entity is an error.
 */
export function parseXml(xml: string, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', handlers.open);
  parser.on('closetag', handlers.close);
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new XlsxError('unreadable', `${part}: not well-formed XML (${why})`, { part }, { cause: e });
  }
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
