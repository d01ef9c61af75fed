/**
 * The reader's own zip directory against fflate's unzipSync (which it replaced) on every real workbook, with both
 * inflaters; the ZIP64 forms, a trailing comment, and the ways a directory is broken.
 */
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { zlibInflateRaw } from '../../../cli/src/xlsx/zlibInflate';
import { readXlsx, XlsxError } from '../../src/xlsx';
import { entryData, fflateInflateRaw, readZipDirectory } from '../../src/xlsx/zipDirectory';
import { FIXTURE_WORKBOOKS } from '../support/fixtureWorkbooks';
import { buildPackage, worksheet } from './package';

const u32 = (v: DataView, at: number) => v.getUint32(at, true);
const viewOf = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

function endRecord(b: Uint8Array): number {
  let at = b.length - 22;
  while (u32(viewOf(b), at) !== 0x06054b50) at--;
  return at;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The same package in ZIP64 form, as writers of large packages make it: every entry's sizes and offset moved into
 * a ZIP64 extra field (after another extra field, so the reader has to look for it), and the end record pointing
 * to a ZIP64 end record.
 */
function toZip64(input: Uint8Array): Uint8Array {
  // A copy: a Buffer's slice() is a view, and the edits below must not reach the caller's bytes.
  const bytes = Uint8Array.from(input);
  const v = viewOf(bytes);
  const eocd = endRecord(bytes);
  const count = v.getUint16(eocd + 10, true);
  const start = u32(v, eocd + 16);
  const parts: Uint8Array[] = [bytes.subarray(0, start)];
  let at = start;
  let length = 0;
  for (let i = 0; i < count; i++) {
    const n = v.getUint16(at + 28, true);
    const x = v.getUint16(at + 30, true);
    const c = v.getUint16(at + 32, true);
    const header = bytes.slice(at, at + 46);
    const hv = viewOf(header);
    const sizes = [u32(hv, 24), u32(hv, 20), u32(hv, 42)]; // uncompressed, compressed, offset: the ZIP64 order
    for (const field of [20, 24, 42]) hv.setUint32(field, 0xffffffff, true);
    const extra = new Uint8Array(8 + 4 + 24);
    const ev = viewOf(extra);
    ev.setUint16(0, 0x5455, true); // an extended timestamp, 4 bytes of it
    ev.setUint16(2, 4, true);
    ev.setUint16(8, 1, true);
    ev.setUint16(10, 24, true);
    sizes.forEach((s, k) => ev.setBigUint64(12 + 8 * k, BigInt(s), true));
    hv.setUint16(30, x + extra.length, true);
    parts.push(
      header,
      bytes.subarray(at + 46, at + 46 + n + x),
      extra,
      bytes.subarray(at + 46 + n + x, at + 46 + n + x + c),
    );
    length += 46 + n + x + extra.length + c;
    at += 46 + n + x + c;
  }
  const record = new Uint8Array(56);
  const rv = viewOf(record);
  rv.setUint32(0, 0x06064b50, true);
  rv.setBigUint64(4, 44n, true);
  rv.setBigUint64(24, BigInt(count), true);
  rv.setBigUint64(32, BigInt(count), true);
  rv.setBigUint64(40, BigInt(length), true);
  rv.setBigUint64(48, BigInt(start), true);
  const locator = new Uint8Array(20);
  const lv = viewOf(locator);
  lv.setUint32(0, 0x07064b50, true);
  lv.setBigUint64(8, BigInt(start + length), true);
  lv.setUint32(16, 1, true);
  const end = bytes.slice(eocd, eocd + 22);
  const endv = viewOf(end);
  for (const field of [8, 10]) endv.setUint16(field, 0xffff, true);
  for (const field of [12, 16]) endv.setUint32(field, 0xffffffff, true);
  return concat([...parts, record, locator, end]);
}

/** The package with the first central directory entry changed by `edit` (its header bytes and a view of them). */
function editFirstEntry(bytes: Uint8Array, edit: (v: DataView) => void): Uint8Array {
  const out = bytes.slice();
  const v = viewOf(out);
  edit(new DataView(out.buffer, out.byteOffset + u32(v, endRecord(out) + 16), 46));
  return out;
}

function unreadable(bytes: Uint8Array): XlsxError {
  try {
    readXlsx(bytes, { inflateRaw: zlibInflateRaw });
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxError);
    expect((e as XlsxError).code).toBe('unreadable');
    return e as XlsxError;
  }
  throw new Error('read');
}

const SMALL = buildPackage({
  sheets: [
    {
      name: 'Phụ lục 1',
      xml: worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Nhiệm vụ</t></is></c></row>'),
    },
  ],
});

describe.each(FIXTURE_WORKBOOKS)('%s', (_, path) => {
  it('lists every entry and gives every part as fflate did, with fflate and with zlib', () => {
    const bytes = readFileSync(path);
    const listed: { name: string; method: number; compressedSize: number; originalSize: number }[] = [];
    const theirs = unzipSync(bytes, {
      filter: (info) => {
        listed.push({
          name: info.name,
          method: info.compression,
          compressedSize: info.size,
          originalSize: info.originalSize,
        });
        return true;
      },
    });
    const ours = readZipDirectory(bytes);
    expect(
      ours.map(({ name, method, compressedSize, originalSize }) => ({
        name,
        method,
        compressedSize,
        originalSize,
      })),
    ).toEqual(listed);
    for (const entry of ours) {
      const expected = Buffer.from(theirs[entry.name]);
      expect(Buffer.from(entryData(bytes, entry, fflateInflateRaw)).equals(expected)).toBe(true);
      expect(Buffer.from(entryData(bytes, entry, zlibInflateRaw)).equals(expected)).toBe(true);
    }
  });

  it('reads the same grids from its ZIP64 form', () => {
    const bytes = readFileSync(path);
    expect(readXlsx(toZip64(bytes), { inflateRaw: zlibInflateRaw })).toEqual(readXlsx(bytes));
  });
});

describe('a zip directory', () => {
  it('is found behind a comment of the end record', () => {
    const end = endRecord(SMALL);
    const comment = new TextEncoder().encode('PK\u0005\u0006 không phải bản ghi cuối'.repeat(20));
    const withComment = concat([SMALL, comment]);
    viewOf(withComment).setUint16(end + 20, comment.length, true);
    expect(readXlsx(withComment)).toEqual(readXlsx(SMALL));
  });

  it('that is cut short, points past the file or to no local header, or uses another method is unreadable', () => {
    expect(unreadable(SMALL.subarray(0, SMALL.length - 30)).message).toMatch(/end of central directory/);
    expect(
      unreadable(editFirstEntry(SMALL, (v) => v.setUint32(42, SMALL.length + 10, true))).message,
    ).toMatch(/outside the file/);
    expect(
      unreadable(editFirstEntry(SMALL, (v) => v.setUint32(42, v.getUint32(42, true) + 1, true))).message,
    ).toMatch(/no local header/);
    expect(unreadable(editFirstEntry(SMALL, (v) => v.setUint32(20, SMALL.length, true))).message).toMatch(
      /outside the file/,
    );
    const zip64Broken = toZip64(SMALL);
    // The ZIP64 locator's record offset pointing at the end record instead.
    viewOf(zip64Broken).setBigUint64(zip64Broken.length - 22 - 12, BigInt(zip64Broken.length - 22), true);
    expect(unreadable(zip64Broken).message).toMatch(/ZIP64/);
  });

  it('refuses a stored entry whose two sizes differ', () => {
    const stored = readZipDirectory(SMALL).map((e) => ({ ...e, method: 0, originalSize: 10 }))[0];
    expect(() => entryData(SMALL, stored, zlibInflateRaw)).toThrow(/stored with two sizes/);
  });

  it('names the compression method it cannot read', () => {
    const bzip2 = readZipDirectory(SMALL).map((e) => ({ ...e, method: 12 }))[0];
    expect(() => entryData(SMALL, bzip2, zlibInflateRaw)).toThrow(/compression method 12/);
  });
});

describe('the zlib inflater', () => {
  const text = new TextEncoder().encode('<c r="A1"><v>1</v></c>'.repeat(500));
  const deflated = deflateRawSync(text);

  it('gives what fflate gives', () => {
    expect(
      Buffer.from(zlibInflateRaw(deflated, text.length)).equals(
        Buffer.from(fflateInflateRaw(deflated, text.length)),
      ),
    ).toBe(true);
  });

  it('refuses to produce more than the size declared (a part that lies about its size)', () => {
    expect(() => zlibInflateRaw(deflated, text.length - 1)).toThrow();
    expect(() => zlibInflateRaw(deflated, 0)).toThrow();
    expect(zlibInflateRaw(deflateRawSync(new Uint8Array(0)), 0).length).toBe(0);
  });
});
