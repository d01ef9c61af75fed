/** What the worksheet reader is given (SheetContext) and what it gives (SheetContent). */
import type { CellValue } from '../table/grid';
import type { StyleTable } from './styles';

/** The shared strings table, each string decoded when a cell first asks for it. */
export interface SharedStrings {
  readonly length: number;
  get(index: number): string;
}

export interface SheetContext {
  /** The sheet's name, for errors. */
  sheet: string;
  part: string;
  /** null when the package has no shared strings part. */
  sharedStrings: SharedStrings | null;
  styles: StyleTable;
  date1904: boolean;
  /** The text read so far in this workbook (MAX_TEXT_CHARS); shared by its sheets. */
  text?: { chars: number };
}

export interface SheetContent {
  values: CellValue[][];
  numberFormats: (string | null)[][];
  /** "A1:G1" (top-left:bottom-right), in the order the file lists them. */
  merges: string[];
  /** Formula cells the file holds no result for (never calculated), at most 10,000. */
  uncalculated?: string[];
}
