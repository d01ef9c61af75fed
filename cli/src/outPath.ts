import { existsSync, linkSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Lang } from '../../shared/src/index';
import { trackTemp, untrackTemp } from './tempFiles';

/** A file the command line cannot or will not write: its message is the one line the user sees. */
export class OutPathError extends Error {}

/**
 * Checks, before any work, that `arg` names a file the command may write: not a folder, in a folder that
 * exists, and not an existing file unless `force` is given. Returns the resolved path. Messages name the file
 * as the user wrote it (`arg`).
 */
export function checkOutPath(path: string, force: boolean, lang: Lang, arg = path): string {
  const vi = lang === 'vi';
  const out = resolve(path);
  if (existsSync(out)) {
    if (statSync(out).isDirectory())
      throw new OutPathError(
        vi
          ? `${arg} là thư mục; hãy ghi cả tên tệp, ví dụ ${arg.replace(/[\\/]+$/, '')}/ket-qua.xlsx.`
          : `${arg} is a folder; name the file too, e.g. ${arg.replace(/[\\/]+$/, '')}/result.xlsx.`,
      );
    // --force replaces a file, never a FIFO, a device or a socket (a rename would put a file in its place).
    if (!statSync(out).isFile())
      throw new OutPathError(
        vi
          ? `${arg} không phải là một tệp thông thường; hãy ghi ra một tệp .xlsx.`
          : `${arg} is not a regular file; write to a file.`,
      );
    if (!force)
      throw new OutPathError(
        vi ? `Tệp ${arg} đã có; thêm --force để ghi đè.` : `${arg} exists; add --force to overwrite it.`,
      );
  } else if (!existsSync(dirname(out))) {
    throw new OutPathError(
      vi
        ? `Không có thư mục ${dirname(out)} để ghi ${arg}.`
        : `There is no folder ${dirname(out)} to write ${arg} in.`,
    );
  }
  return out;
}

/** A failed write in plain words: the system's code decides the wording, never a stack trace. */
export function writeErrorMessage(e: unknown, arg: string, lang: Lang): string {
  const code = (e as { code?: unknown } | null)?.code;
  const vi = lang === 'vi';
  switch (code) {
    case 'EEXIST':
      return vi
        ? `Tệp ${arg} vừa được tạo; thêm --force để ghi đè.`
        : `${arg} appeared meanwhile; add --force to overwrite it.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return vi ? `Không có quyền ghi ${arg}.` : `No permission to write ${arg}.`;
    case 'ENOSPC':
      return vi ? `Đĩa đã đầy, không ghi được ${arg}.` : `The disk is full; ${arg} was not written.`;
    case 'EBUSY':
      return vi
        ? `${arg} đang mở trong chương trình khác; hãy đóng tệp rồi chạy lại.`
        : `${arg} is open in another program; close it and run again.`;
    default:
      return vi ? `Không ghi được ${arg}.` : `Could not write ${arg}.`;
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
