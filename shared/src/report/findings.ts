import { a1 } from '../table/grid';
import { DEFAULT_SEVERITY, message, type Lang, type Params } from './messages';
import type { Finding, FindingCode } from './schema';

/** Collects one sheet's findings with their cell, default severity and message in the chosen language. */
export class FindingList {
  readonly items: Finding[] = [];
  /** Cells already reported as holding no usable value (a #REF!, a formula never calculated …). */
  private readonly claimed = new Set<number>();

  constructor(
    readonly sheet: string,
    readonly lang: Lang,
  ) {}

  /**
   * Reports a cell that holds no usable value. Later findings on that cell are dropped: "#REF!" is not also
   * an unreadable target, and a formula never calculated is not also an empty cell.
   */
  claim(row: number, column: number, params: Params): void {
    this.add('cell/unusable', row, column, params);
    this.claimed.add(row * 20000 + column);
  }

  add(code: FindingCode, row: number, column: number, params: Params = {}): void {
    if (this.claimed.size > 0 && this.claimed.has(row * 20000 + column)) return;
    this.items.push({
      code,
      severity: DEFAULT_SEVERITY[code],
      sheet: this.sheet,
      cell: row > 0 && column > 0 ? a1(row, column) : '',
      row: Math.max(0, row),
      message: message(code, params, this.lang),
      params,
    });
  }
}
