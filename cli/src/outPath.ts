import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Lang } from '../../shared/src/index';

/** A file the command line cannot or will not write: its message is the one line the user sees. */
export class OutPathError extends Error {}

/**
 * Checks, before any work, that `arg` names a file the command may write: not a folder, in a folder that
 * exists, and not an existing file unless `force` is given. Returns the resolved path.
 */
export function checkOutPath(arg: string, force: boolean, lang: Lang): string {
  const vi = lang === 'vi';
  const out = resolve(arg);
  if (existsSync(out)) {
    if (statSync(out).isDirectory())
      throw new OutPathError(
        vi
          ? `${arg} là thư mục; hãy ghi cả tên tệp, ví dụ ${arg.replace(/[\\/]+$/, '')}/ket-qua.xlsx.`
          : `${arg} is a folder; name the file too, e.g. ${arg.replace(/[\\/]+$/, '')}/result.xlsx.`,
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
