/**
 * Whether one file may be checked in the command's own thread, sparing the start of a worker (about a third of a
 * short run). The worker exists to bound a hostile file's memory and time; the reader bounds them too (a grid of
 * at most MAX_GRID_SLOTS, MAX_TEXT_CHARS of cell text, MAX_MERGE_STEPS), but its bounds are sized for the worker's
 * 1 GB heap and 30 s. So only a file whose whole content is small goes in-process: at most IN_PROCESS_MAX_BYTES on
 * disk and, for a package, IN_PROCESS_MAX_INFLATED once inflated (the sizes its zip directory declares, which are
 * also all the reader may inflate: it allocates exactly them). A zip bomb, amplified shared strings or a huge sheet
 * declare more and go to a worker, as does anything that is not a plain readable file (a FIFO, a device).
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { readZipDirectory } from '../../../shared/src/xlsx/zipDirectory';

/** A ward file is well under this; the 80,000-row sheet of the tests is 1.6 MB. */
export const IN_PROCESS_MAX_BYTES = 1024 * 1024;
/** The XML a package may inflate to and still be checked in-process: hostile expansions declare far more. */
export const IN_PROCESS_MAX_INFLATED = 16 * 1024 * 1024;

export function fitsInProcess(path: string): boolean {
  try {
    // stat before open: opening a FIFO would wait for a writer.
    const st = statSync(path);
    if (!st.isFile() || st.size > IN_PROCESS_MAX_BYTES) return false;
    if (/\.csv$/i.test(path)) return true;
    return declaredSize(readSmall(path)) <= IN_PROCESS_MAX_INFLATED;
  } catch {
    // Unreadable, not a zip, a broken directory: the worker reads it and says why in its own line.
    return false;
  }
}

function readSmall(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > IN_PROCESS_MAX_BYTES) throw new RangeError('grown');
    const buf = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buf, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return buf.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

/**
 * The sum of every entry's declared uncompressed size, from the zip directory the reader itself goes by, without
 * inflating anything.
 */
function declaredSize(bytes: Uint8Array): number {
  return readZipDirectory(bytes).reduce((total, entry) => total + entry.originalSize, 0);
}
