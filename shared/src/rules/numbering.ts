import type { FindingList } from '../report/findings';

export interface NumberedRow {
  row: number;
  column: number;
  number: string;
  /** The area the row sits under ('' before any): numbering may restart there. */
  scope: string;
}

/**
 * Numbering restarts in each area in some plans (seed 000: 1…9, then 1…3) and runs on in others (seed 002:
 * 1…27). When some area after the first starts again at 1, each area is its own scope; otherwise the whole
 * table is one.
 */
export function scopeByArea(rows: NumberedRow[]): NumberedRow[] {
  const firstInArea = new Map<string, string>();
  for (const r of rows) if (!firstInArea.has(r.scope)) firstInArea.set(r.scope, r.number);
  const firsts = [...firstInArea.values()];
  const restarts = firsts.slice(1).some((n) => n === '1');
  return restarts ? rows : rows.map((r) => ({ ...r, scope: '' }));
}

const HIERARCHICAL = /^\d+(\.\d+)*$/;

/**
 * Duplicate numbers (error) and gaps (warning) among numbered rows. Numbers may be flat ("1", "2") or
 * hierarchical ("1.1", "1.2"): each parent's children must run 1, 2, 3 … and a parent's own number is a child
 * of the level above it.
 */
export function checkNumbering(rows: NumberedRow[], findings: FindingList): void {
  // Per scope: number → first row, and parent number → last child seen.
  const seenIn = new Map<string, Map<string, number>>();
  const lastChildIn = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const number = r.number;
    if (!HIERARCHICAL.test(number)) continue;
    let seen = seenIn.get(r.scope);
    let lastChild = lastChildIn.get(r.scope);
    if (!seen || !lastChild) {
      seenIn.set(r.scope, (seen = new Map()));
      lastChildIn.set(r.scope, (lastChild = new Map()));
    }
    const first = seen.get(number);
    if (first !== undefined) {
      findings.add('row/number-duplicate', r.row, r.column, { number, first });
      continue;
    }
    seen.set(number, r.row);
    const dot = number.lastIndexOf('.');
    const parent = dot < 0 ? '' : number.slice(0, dot);
    const n = Number(dot < 0 ? number : number.slice(dot + 1));
    const parentKey = parent;
    const previous = lastChild.get(parentKey);
    const expected = (previous ?? 0) + 1;
    if (n !== expected) {
      const prefix = parent ? `${parent}.` : '';
      findings.add('row/number-gap', r.row, r.column, {
        previous: previous === undefined ? parent || '—' : prefix + previous,
        number,
        expected: prefix + expected,
      });
    }
    lastChild.set(parentKey, n);
  }
}
