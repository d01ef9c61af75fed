import { existsSync, linkSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Lang } from '../../shared/src/index';
import type { FillParams } from '../../shared/src/text/fill';
import { cliText, type CliKey } from '../../shared/src/words/cli';
import { trackTemp, untrackTemp } from './tempFiles';

/** A file the command line cannot or will not write: its message is the one line the user sees. */
export class OutPathError extends Error {}

/**
 * Checks, before any work, that `arg` names a file the command may write: not a folder, in a folder that
 * exists, and not an existing file unless `force` is given. Returns the resolved path. Messages name the file
 * as the user wrote it (`arg`).
 */
export function checkOutPath(path: string, force: boolean, lang: Lang, arg = path): string {
  const t = (key: CliKey, params?: FillParams) => cliText(lang, key, { file: arg, ...params });
  const out = resolve(path);
  if (existsSync(out)) {
    if (statSync(out).isDirectory())
      throw new OutPathError(t('outIsFolder', { folder: arg.replace(/[\\/]+$/, '') }));
    // --force replaces a file, never a FIFO, a device or a socket (a rename would put a file in its place).
    if (!statSync(out).isFile()) throw new OutPathError(t('outNotRegularFile'));
    if (!force) throw new OutPathError(t('outExists'));
  } else if (!existsSync(dirname(out))) {
    throw new OutPathError(t('outNoFolder', { folder: dirname(out) }));
  }
  return out;
}

/** A failed write in plain words: the system's code decides the wording, never a stack trace. */
export function writeErrorMessage(e: unknown, arg: string, lang: Lang): string {
  const code = (e as { code?: unknown } | null)?.code;
  const t = (key: CliKey) => cliText(lang, key, { file: arg });
  switch (code) {
    case 'EEXIST':
      return t('writeAppeared');
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return t('writeNoPermission');
    case 'ENOSPC':
      return t('writeDiskFull');
    case 'EBUSY':
      return t('writeBusy');
    default:
      return t('writeFailed');
  }
}

/** True when both paths reach one file, also through a symbolic or a hard link. */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * Writes a whole file or nothing: the bytes go to a temporary file beside the target, which then takes the
 * target's name. A full disk or a crash leaves the target as it was (no truncated file to block a re-run).
 * Without `force` an existing target is never replaced, even one that appeared since checkOutPath.
 */
export function writeWhole(
  path: string,
  data: Uint8Array | string,
  force: boolean,
  arg: string,
  lang: Lang,
  /** The temporary file's path when the caller chose it (a worker's copy: the main thread removes it on a signal). */
  temp = tempPathFor(path),
): void {
  trackTemp(temp);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    if (force) renameSync(temp, path);
    else {
      // A hard link fails if the name is taken, where a rename would silently replace the file. Where links are
      // not supported (FAT drives, some shares), the rename follows a last look.
      try {
        linkSync(temp, path);
        unlinkSync(temp);
      } catch (e) {
        if ((e as { code?: unknown }).code === 'EEXIST') throw e;
        if (existsSync(path)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        renameSync(temp, path);
      }
    }
  } catch (e) {
    rmSync(temp, { force: true });
    throw new OutPathError(writeErrorMessage(e, arg, lang));
  } finally {
    untrackTemp(temp);
  }
}

/** The temporary file beside `path` that writeWhole writes first (created exclusively: `wx`). */
export function tempPathFor(path: string): string {
  return join(dirname(path), tempName(basename(path)));
}

let made = 0;

/**
 * The temporary name beside `name`: hidden, unique to this run, and within the 255 bytes a file name may have. A
 * name that is already near that length gets a short temporary name of its own instead.
 */
export function tempName(name: string): string {
  // The counter tells apart two names made in the same millisecond (a copy's, named early, and a later one).
  const suffix = `.${process.pid}.${Date.now()}.${++made}.tmp`;
  const full = `.${name}${suffix}`;
  return Buffer.byteLength(full) <= 255 ? full : `.cchc${suffix}`;
}
