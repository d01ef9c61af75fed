/**
 * What the first bytes say a file is, before any unzipping: every .xlsx is a zip package, while an old .xls and
 * a password-protected .xlsx are OLE containers, and an .ods is a zip that names its type first. Shared by every
 * path that opens a workbook so that they all give the user the same reason.
 */

export type PackageKind = 'zip' | 'empty' | 'xls-or-encrypted' | 'not-zip' | 'ods';

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** An OpenDocument package's first entry is its uncompressed "mimetype", so the type sits in the first bytes. */
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const ODS_WINDOW = 256;

export function sniffPackage(bytes: Uint8Array): PackageKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, CFB_MAGIC)) return 'xls-or-encrypted';
  if (!startsWith(bytes, ZIP_MAGIC)) return 'not-zip';
  if (containsAscii(bytes.subarray(0, ODS_WINDOW), ODS_MIMETYPE)) return 'ods';
  return 'zip';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}
