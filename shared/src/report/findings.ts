import { a1 } from '../table/grid';
import { DEFAULT_SEVERITY, message, type Lang, type Params } from './messages';
import type { Finding, FindingCode } from './schema';

/** Collects one sheet's findings with their cell, default severity and message in the chosen language. */
export class FindingList {
  readonly items: Finding[] = [];

  constructor(
    readonly sheet: string,
    readonly lang: Lang,
  ) {}

  add(code: FindingCode, row: number, column: number, params: Params = {}): void {
    this.items.push({
      code,
      severity: DEFAULT_SEVERITY[code],
      sheet: this.sheet,
      cell: row > 0 && column > 0 ? a1(row, column) : '',
      row: Math.max(0, row),
      message: message(code, params, this.lang),
    });
  }
}
