import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseA1, type CellValue, type SheetGrid } from '../../../shared/src/table/grid';
import { WorkbookReadError } from '../../src/xlsx/readWorkbook';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

export function tempDir(prefix = 'cchc-xlsx-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function sheet(grids: SheetGrid[], name: string): SheetGrid {
  const g = grids.find((x) => x.name === name);
  if (!g) throw new Error(`no sheet ${name} in ${grids.map((x) => x.name).join(', ')}`);
  return g;
}

/** The value at an A1 address; blank (beyond a ragged row's end) reads as null. */
export function at(g: SheetGrid, ref: string): CellValue {
  const p = parseA1(ref);
  if (!p) throw new Error(`bad address ${ref}`);
  const origin = g.origin ?? { row: 1, column: 1 };
  return g.values[p.row - origin.row]?.[p.column - origin.column] ?? null;
}

export function formatAt(g: SheetGrid, ref: string): string | null {
  const p = parseA1(ref);
  if (!p) throw new Error(`bad address ${ref}`);
  return g.numberFormats?.[p.row - 1]?.[p.column - 1] ?? null;
}

/** A whole row's values from column A, trailing blanks dropped. */
export function rowValues(g: SheetGrid, row: number): CellValue[] {
  return [...(g.values[row - 1] ?? [])];
}

/** The WorkbookReadError a read rejects with; its messages, in both languages, are one line each. */
export async function failure(p: Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    const err = e as WorkbookReadError;
    // The CLI prints the message as is: one line, no stack, no library jargon.
    expect(err.message).not.toMatch(/\n/);
    expect(err.messageIn('en')).not.toMatch(/\n/);
    return err;
  }
  throw new Error('expected a rejection');
}
