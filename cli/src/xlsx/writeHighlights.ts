/**
 * Writes a copy of the checked workbook with the findings' cells filled in the shared highlight colours.
 *
 * Only fills change. exceljs rewrites the whole package, so parts it does not model (charts, chart sheets, pivot
 * tables, form controls) are not carried over; values, styles, merges, validations and formulas are.
 */
import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { parseA1 } from '../../../shared/src/table/grid';
import { HIGHLIGHT_FILLS, HIGHLIGHT_PRIORITY } from '../../../shared/src/report/palette';
import type { Highlight, HighlightKind } from '../../../shared/src/report/schema';
import { loadWorkbookFile } from './readWorkbook';

/** Refusal to overwrite the checked file; the message is one line, `messageIn('en')` gives the English one. */
export class SameFileError extends Error {
  override readonly name = 'SameFileError';

  constructor(readonly file: string) {
    super(`Không ghi đè tệp gốc ${file}: chọn tên khác cho bản đã đánh dấu.`);
  }

  messageIn(lang: 'vi' | 'en'): string {
    return lang === 'vi'
      ? this.message
      : `The input ${this.file} is never overwritten: choose another name for the copy.`;
  }
}

export async function writeHighlightedCopy(
  inputPath: string,
  outPath: string,
  highlights: Highlight[],
): Promise<void> {
  if (await isSameFile(inputPath, outPath)) throw new SameFileError(inputPath);
  const wb = await loadWorkbookFile(inputPath);
  applyHighlights(wb, highlights);
  const out = await wb.xlsx.writeBuffer();
  await writeFile(outPath, new Uint8Array(out as ArrayBuffer));
}

/** Fills each highlighted cell; when several highlights fall on one cell the strongest wins. */
export function applyHighlights(wb: ExcelJS.Workbook, highlights: Highlight[]): void {
  const chosen = new Map<string, { sheet: string; cell: string; kind: HighlightKind }>();
  for (const h of highlights) {
    const at = parseA1(h.cell);
    if (!at) continue; // workbook-level findings have no cell
    const key = `${h.sheet}\u0000${at.row}:${at.column}`;
    const prev = chosen.get(key);
    if (!prev || HIGHLIGHT_PRIORITY[h.kind] > HIGHLIGHT_PRIORITY[prev.kind]) chosen.set(key, { ...h });
  }
  for (const h of chosen.values()) {
    const ws = wb.getWorksheet(h.sheet);
    if (!ws) continue; // a sheet the report names but the file lacks: nothing to colour
    const cell = ws.getCell(h.cell);
    fillCell(cell, h.kind);
    // A merged range shows its top-left cell's format, so colour that too or the highlight stays invisible.
    if (cell.isMerged && cell.master !== cell) fillCell(cell.master, h.kind);
  }
}

function fillCell(cell: ExcelJS.Cell, kind: HighlightKind): void {
  const fill: ExcelJS.FillPattern = {
    type: 'pattern',
    pattern: 'solid',
    fgColor: { argb: argb(HIGHLIGHT_FILLS[kind]) },
  };
  // exceljs shares one style object among all cells read with the same style id: `cell.fill = …` would
  // colour every one of them. A fresh style object per cell keeps the change to this cell.
  cell.style = { ...cell.style, fill };
}

/** "#F4B183" → "FFF4B183" (opaque ARGB, as xlsx stores colours). */
function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

/** True when both names reach the same file: same resolved path, or the same inode (links, case-insensitive disks). */
async function isSameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false; // the output does not exist yet (or the input is missing: loading reports that)
  }
}
