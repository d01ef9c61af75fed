/**
 * The files of a batch: files named on the command line as they are, folders walked for the workbooks in them.
 * Hidden files and folders (".…") and the lock files Office leaves beside an open workbook ("~$…") are skipped.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

const WORKBOOK = /\.(xlsx|csv)$/i;

function skipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

/** Sorted the way people number wards: "phuong-2" before "phuong-10". */
const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/**
 * Every file to read, each once (by its real path), in a stable order: named files first as named, then each
 * folder's workbooks sorted. A name that does not exist is kept, so that reading it says so in its own line.
 */
export function batchFiles(
  paths: readonly string[],
  exclude: readonly string[] = [],
  /** Told of each folder that cannot be listed (no permission …), so that the caller can say so. */
  onUnreadableFolder: (folder: string) => void = () => {},
): string[] {
  const seen = new Set(exclude.map(realOrSelf));
  const out: string[] = [];
  const add = (file: string) => {
    const real = realOrSelf(file);
    if (seen.has(real)) return;
    seen.add(real);
    out.push(file);
  };
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      onUnreadableFolder(dir);
      return;
    }
    const names = entries.filter((e) => !skipped(e.name)).sort((a, b) => collator.compare(a.name, b.name));
    for (const e of names) {
      const full = join(dir, e.name);
      // A link to a folder is not followed (it could loop); a link to a workbook is read like the workbook.
      if (e.isDirectory()) walk(full);
      // A FIFO, a device or a socket with a workbook's name (or a link to one) is listed too: reading it says, in
      // its own line, that it is no file.
      else if (WORKBOOK.test(e.name) && (!e.isSymbolicLink() || isNotFolder(full))) add(full);
    }
  };
  for (const p of paths) {
    if (isDirectory(p)) walk(p);
    else add(p);
  }
  return out;
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A link's target exists and is no folder. */
function isNotFolder(p: string): boolean {
  try {
    return !statSync(p).isDirectory();
  } catch {
    return false;
  }
}
