/**
 * Writes a copy of the checked workbook that explains itself (highlights as rules of the copy's own, a note on
 * each highlighted cell, a results sheet at the end). The copy is made by the core (shared/src/xlsx/copy): the
 * input package with only those additions, every other part byte for byte as it was, so charts, drawings,
 * document properties and print settings survive. Here: refuse to write over the input, read, write whole.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Lang, Report } from '../../../shared/src/index';
import { checkedCopy, HIGHLIGHT_FORMULA } from '../../../shared/src/xlsx/copy';
import { XlsxError } from '../../../shared/src/xlsx/errors';
import { READ_ERRORS, readWhereOf } from '../../../shared/src/xlsx/readMessages';
import { cliText } from '../../../shared/src/words/cli';
import { writeWhole } from '../outPath';
import { readBytes, WorkbookReadError } from './readWorkbook';

export { HIGHLIGHT_FORMULA };

/** Refusal to overwrite the checked file; the message is one line, `messageIn('en')` gives the English one. */
export class SameFileError extends Error {
  override readonly name = 'SameFileError';

  constructor(readonly file: string) {
    super(cliText('vi', 'copyIsInput', { file }));
  }

  messageIn(lang: 'vi' | 'en'): string {
    return cliText(lang, 'copyIsInput', { file: this.file });
  }
}

export async function writeCheckedCopy(
  inputPath: string,
  outPath: string,
  report: Report,
  lang: Lang,
  /** Replace an existing file (--force); without it, a file that appeared since the command began is kept. */
  force = false,
  /** The temporary file to write first, when the caller chose it (see tempFiles.ts). */
  temp?: string,
): Promise<void> {
  if (await isSameFile(inputPath, outPath)) throw new SameFileError(inputPath);
  // Read again as the check read it: a regular file only, so a name swapped for a FIFO meanwhile cannot block.
  const input = readBytes(inputPath);
  let copy: Uint8Array;
  try {
    copy = checkedCopy(input, report, lang);
  } catch (e) {
    // A package the copy cannot patch is told as the reader tells a file it cannot read.
    if (!(e instanceof XlsxError)) throw e;
    const [code, detail] = READ_ERRORS[e.code];
    throw new WorkbookReadError(code, inputPath, detail, { cause: e, where: readWhereOf(e) });
  }
  // checkOutPath has refused an existing target without --force before any work; a copy another run wrote
  // meanwhile is still never replaced without it. The temporary file beside the target keeps a half-written copy
  // from ever bearing its name.
  writeWhole(outPath, copy, force, outPath, lang, temp);
}

/** True when both names reach the same file: same resolved path, or the same inode (links, case-insensitive disks). */
async function isSameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false; // the output does not exist yet (or the input is missing: reading reports that)
  }
}
