/**
 * Writes a copy of the checked workbook that explains itself: the findings' cells highlighted by conditional-
 * format rules that the copy owns (the add-ins' marker formula and colours, so no cell's own fill or style
 * changes and Excel's "Clear rules" removes them), a note on each highlighted cell with its findings' messages
 * (after the user's own note, if any), and a results sheet at the end (resultsSheet.ts).
 *
 * exceljs rewrites the whole package, so parts it does not model (charts, chart sheets, pivot tables, form
 * controls) are not carried over; values, styles, merges, validations and formulas are.
 */
import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { highlightsFor, type Lang } from '../../../shared/src/index';
import { groupHighlights } from '../../../shared/src/hosts/highlightRanges';
import { parseA1 } from '../../../shared/src/table/grid';
import { HIGHLIGHT_FILLS, HIGHLIGHT_MARKER, HIGHLIGHT_PRIORITY } from '../../../shared/src/report/palette';
import type { Highlight, HighlightKind, Report } from '../../../shared/src/report/schema';
import { loadWorkbookFile } from './readWorkbook';
import { addResultsSheet } from './resultsSheet';

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

export async function writeCheckedCopy(
  inputPath: string,
  outPath: string,
  report: Report,
  lang: Lang,
): Promise<void> {
  if (await isSameFile(inputPath, outPath)) throw new SameFileError(inputPath);
  const wb = await loadWorkbookFile(inputPath);
  applyHighlights(wb, highlightsFor(report));
  addNotes(wb, report);
  addResultsSheet(wb, report, lang);
  const out = await wb.xlsx.writeBuffer();
  await writeFile(outPath, new Uint8Array(out as ArrayBuffer));
}

/** The core's marker formula as an xlsx stores it: without the leading "=". */
export const HIGHLIGHT_FORMULA = HIGHLIGHT_MARKER.replace(/^=/, '');

/**
 * Highlights as conditional-format rules, one per sheet and kind over all its cells; when several highlights fall
 * on one cell the strongest wins. A merged range shows its top-left cell's format, so that cell is covered too.
 */
export function applyHighlights(wb: ExcelJS.Workbook, highlights: Highlight[]): void {
  const chosen = new Map<string, { sheet: string; cell: string; kind: HighlightKind }>();
  const choose = (sheet: string, cell: string, kind: HighlightKind) => {
    const key = `${sheet}\u0000${cell}`;
    const prev = chosen.get(key);
    if (!prev || HIGHLIGHT_PRIORITY[kind] > HIGHLIGHT_PRIORITY[prev.kind])
      chosen.set(key, { sheet, cell, kind });
  };
  for (const h of highlights) {
    if (!parseA1(h.cell)) continue; // workbook-level findings have no cell
    const ws = wb.getWorksheet(h.sheet);
    if (!ws) continue; // a sheet the report names but the file lacks: nothing to colour
    choose(h.sheet, h.cell, h.kind);
    const cell = ws.getCell(h.cell);
    if (cell.isMerged && cell.master !== cell) choose(h.sheet, cell.master.address, h.kind);
  }
  const priorities = new Map<string, number>();
  for (const group of groupHighlights([...chosen.values()], Number.MAX_SAFE_INTEGER)) {
    const ws = wb.getWorksheet(group.sheet);
    if (!ws) continue;
    // Numbered 1, 2 … on each sheet, as the add-ins put theirs ahead of the user's rules.
    const priority = (priorities.get(group.sheet) ?? 0) + 1;
    priorities.set(group.sheet, priority);
    ws.addConditionalFormatting({
      // An sqref lists its ranges with spaces.
      ref: group.addresses.join(',').split(',').join(' '),
      rules: [
        {
          type: 'expression',
          priority,
          formulae: [HIGHLIGHT_FORMULA],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(HIGHLIGHT_FILLS[group.kind]) } },
          },
        },
      ],
    });
  }
}

/** Each highlighted cell gets a note with its findings' messages, after the user's own note (kept as it was). */
export function addNotes(wb: ExcelJS.Workbook, report: Report): void {
  const messages = new Map<string, string[]>();
  for (const sheet of report.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue;
    for (const f of sheet.findings) {
      // Notes go where the colours are: notes (info) are not highlighted.
      if (f.severity === 'info' || !parseA1(f.cell)) continue;
      const cell = ws.getCell(f.cell);
      const shown = cell.isMerged ? cell.master : cell;
      const key = `${sheet.name}\u0000${shown.address}`;
      const list = messages.get(key) ?? [];
      if (!list.includes(f.message)) list.push(f.message);
      messages.set(key, list);
    }
  }
  for (const [key, list] of messages) {
    const [sheet, address] = key.split('\u0000');
    const cell = (wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(address);
    const ours = list.join('\n');
    const theirs = cell.note;
    if (theirs === undefined || theirs === null || theirs === '') cell.note = ours;
    else if (typeof theirs === 'string') cell.note = `${theirs}\n\n${ours}`;
    else cell.note = { ...theirs, texts: [...(theirs.texts ?? []), { text: `\n\n${ours}` }] };
  }
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
