/**
 * The summary workbook says in its document properties that cchc wrote it (keywords "cchc-summary"), so that a
 * re-run may replace it even where it lies among the ward files it summarises, while a ward's own file there is
 * never overwritten.
 */
import { statSync } from 'node:fs';
import { readXlsxKeywords } from '../../../shared/src/xlsx';
import { readBytes } from '../xlsx/readWorkbook';
import { zlibInflateRaw } from '../xlsx/zlibInflate';

export const SUMMARY_KEYWORDS = 'cchc-summary';

/** A summary is a few megabytes at most; anything much larger is not one, and is not read to find out. */
const MAX_BYTES = 64 * 1024 * 1024;

/** True when the file is a summary workbook cchc wrote; false for anything else, unreadable files included. */
export function isOwnSummary(path: string): boolean {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_BYTES) return false;
    // readBytes: a regular file only, even if the name was swapped for a FIFO since the stat.
    return readXlsxKeywords(readBytes(path), { inflateRaw: zlibInflateRaw }) === SUMMARY_KEYWORDS;
  } catch {
    return false;
  }
}
