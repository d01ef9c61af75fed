/**
 * The zip directory of a package, read as Excel reads it: from the central directory at the end (APPNOTE 4.3.12),
 * with the sizes and offsets it declares (ZIP64 ones too), and each entry's data found through its local header.
 * Nothing is inflated here: a part is inflated on demand, by the host's inflater when it has a faster one than
 * fflate's (the command line hands in Node's zlib, about twice as fast), to at most the size it declares.
 */
import { inflateSync, strFromU8 } from 'fflate';

/** Inflates raw deflate data to at most `size` bytes; throws on broken data or on more than `size` bytes. */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  compressedSize: number;
  /** The uncompressed size the directory declares: all the inflater may produce. */
  originalSize: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

/** A broken directory: the caller turns it into its own error ('unreadable'). */
export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
/** The end record is 22 bytes and may be followed by a comment of up to 65,535. */
const EOCD_SEARCH = 22 + MAX16;

/** fflate's own raw inflater, into a buffer of the declared size (what unzipSync does). */
export const fflateInflateRaw: InflateRaw = (data, size) => inflateSync(data, { out: new Uint8Array(size) });

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

/** A 64-bit field; beyond 2^53 no package of ours can be anyway. */
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

function need(b: Uint8Array, at: number, length: number, what: string): void {
  if (at < 0 || at + length > b.length) throw new ZipFormatError(`${what} lies outside the file`);
}

/**
 * The end record: the last signature whose comment runs exactly to the end of the file (a comment may itself hold
 * the signature's bytes), or failing that the last signature (trailing bytes after a package, as fflate took it).
 */
function endRecordAt(b: Uint8Array): number {
  let last = -1;
  for (let at = b.length - 22, stop = Math.max(0, b.length - EOCD_SEARCH); at >= stop; at--) {
    if (u32(b, at) !== EOCD) continue;
    if (at + 22 + u16(b, at + 20) === b.length) return at;
    if (last < 0) last = at;
  }
  if (last < 0) throw new ZipFormatError('no end of central directory');
  return last;
}

/** Every entry of the central directory, in its order. */
export function readZipDirectory(b: Uint8Array): ZipEntry[] {
  const end = endRecordAt(b);
  let count = u16(b, end + 10);
  let at = u32(b, end + 16);
  if ((count === MAX16 || at === MAX32) && end >= 20 && u32(b, end - 20) === ZIP64_LOCATOR) {
    const record = u64(b, end - 12);
    need(b, record, 56, 'the ZIP64 end record');
    if (u32(b, record) !== ZIP64_EOCD) throw new ZipFormatError('a ZIP64 locator without its record');
    count = u64(b, record + 32);
    at = u64(b, record + 48);
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    need(b, at, 46, 'a central directory entry');
    if (u32(b, at) !== CENTRAL) throw new ZipFormatError('a central directory entry without its signature');
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    need(b, at + 46, nameLength + extraLength, 'an entry name');
    // Bit 11: the name is UTF-8; otherwise it is the old DOS code page, which for part names is plain ASCII.
    const utf8 = (u16(b, at + 8) & 0x800) !== 0;
    const name = strFromU8(b.subarray(at + 46, at + 46 + nameLength), !utf8);
    const entry: ZipEntry = {
      name,
      method: u16(b, at + 10),
      compressedSize: u32(b, at + 20),
      originalSize: u32(b, at + 24),
      localOffset: u32(b, at + 42),
    };
    if (entry.compressedSize === MAX32 || entry.originalSize === MAX32 || entry.localOffset === MAX32) {
      zip64Sizes(b, at + 46 + nameLength, extraLength, entry);
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The ZIP64 extra field holds, in this order, only the fields whose 32-bit value is all ones (APPNOTE 4.5.3). */
function zip64Sizes(b: Uint8Array, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length; at += 4 + u16(b, at + 2)) {
    if (u16(b, at) !== 1) continue;
    let field = at + 4;
    const take = () => {
      need(b, field, 8, 'a ZIP64 field');
      const v = u64(b, field);
      field += 8;
      return v;
    };
    if (entry.originalSize === MAX32) entry.originalSize = take();
    if (entry.compressedSize === MAX32) entry.compressedSize = take();
    if (entry.localOffset === MAX32) entry.localOffset = take();
    return;
  }
  throw new ZipFormatError('ZIP64 sizes without their extra field');
}

/** An entry's bytes, inflated (at most its declared size) or as stored. */
export function entryData(b: Uint8Array, entry: ZipEntry, inflateRaw: InflateRaw): Uint8Array {
  const local = entry.localOffset;
  need(b, local, 30, 'a local header');
  if (u32(b, local) !== LOCAL)
    throw new ZipFormatError(`${entry.name}: no local header where the directory says`);
  // The local header's name and extra field may differ in length from the directory's: its own lengths count.
  const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
  need(b, start, entry.compressedSize, `${entry.name}'s data`);
  const data = b.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    // Stored bytes are what they declare: a size that differs would let a part pass the bounds as smaller.
    if (entry.compressedSize !== entry.originalSize)
      throw new ZipFormatError(`${entry.name}: stored with two sizes`);
    return data;
  }
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`);
  return inflateRaw(data, entry.originalSize);
}
