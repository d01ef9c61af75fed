/**
 * The summary workbook says in its document properties that cchc wrote it (keywords "cchc-summary"), so that a
 * re-run may replace it even where it lies among the ward files it summarises, while a ward's own file there is
 * never overwritten.
 */
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

export const SUMMARY_KEYWORDS = 'cchc-summary';

/** A summary is a few megabytes at most; anything much larger is not one, and is not read to find out. */
const MAX_BYTES = 64 * 1024 * 1024;

/** True when the file is a summary workbook cchc wrote; false for anything else, unreadable files included. */
export function isOwnSummary(path: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_BYTES) return false;
    const bytes = new Uint8Array(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    const parts = unzipSync(bytes.subarray(0, read), { filter: (f) => f.name === 'docProps/core.xml' });
    const core = parts['docProps/core.xml'];
    if (!core || core.length > 65536) return false;
    return /<cp:keywords>\s*cchc-summary\s*<\/cp:keywords>/.test(strFromU8(core));
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
