/**
 * Which result column of a KPI table is judged. Wards report results for several periods side by side ("Kết quả
 * 6 tháng đầu năm | Kết quả 9 tháng | Kết quả cả năm", "Quý I … Quý IV", "Ước thực hiện cả năm", "Lũy kế"); a
 * check as of a date judges the latest period whose data cut-off is on or before that date.
 */
import { endOfMonth } from '../deadlines/calendar';
import { PERIODS, periodCutoff, type Period } from '../deadlines/periods';
import type { ResultColumnInfo } from '../table/header';

export interface ResultChoice {
  /** The column judged, or null when no column's period has closed yet (and none is undated). */
  used: ResultColumnInfo | null;
  /** An estimate of the same period, read where `used` is blank ("Ước thực hiện cả năm" beside the final figure). */
  fallback: ResultColumnInfo | null;
  /** The data cut-off of each dated column (YYYY-MM-DD), by column. */
  cutoffs: Map<number, string>;
}

/** The cut-off of the period a column reports, or null for undated columns ("Lũy kế", a plain "Kết quả"). */
function cutoffOf(
  rc: ResultColumnInfo,
  planYear: number,
  overrides: Partial<Record<Period, string>> | undefined,
): string | null {
  if (rc.period === 'month' && rc.month !== null) return endOfMonth(planYear, rc.month);
  if ((PERIODS as readonly string[]).includes(rc.period))
    return periodCutoff(rc.period as Period, planYear, overrides);
  return null;
}

export function chooseResultColumn(
  results: readonly ResultColumnInfo[],
  asOf: string,
  planYear: number,
  overrides?: Partial<Record<Period, string>>,
): ResultChoice {
  const cutoffs = new Map<number, string>();
  for (const rc of results) {
    const c = cutoffOf(rc, planYear, overrides);
    if (c !== null) cutoffs.set(rc.column, c);
  }
  // One result column is judged whatever its heading says, as it always was.
  if (results.length <= 1) return { used: results[0] ?? null, fallback: null, cutoffs };

  let best: string | null = null;
  for (const c of cutoffs.values()) if (c <= asOf && (best === null || c > best)) best = c;
  const undated = results.filter((rc) => !cutoffs.has(rc.column)).sort((a, b) => rank(a) - rank(b));
  // The reporting period the date falls in: a running total ("Lũy kế") is fresher than a column of an earlier one.
  let current: string | null = null;
  for (const p of PERIODS) {
    const c = periodCutoff(p, planYear, overrides);
    if (c <= asOf && (current === null || c > current)) current = c;
  }
  const stale = best !== null && current !== null && best < current;
  if (best !== null && !(stale && undated.length > 0)) {
    const same = results.filter((rc) => cutoffs.get(rc.column) === best);
    const final = same.find((rc) => !rc.estimate);
    const estimate = same.find((rc) => rc.estimate) ?? null;
    return { used: final ?? estimate, fallback: final ? estimate : null, cutoffs };
  }
  return { used: undated[0] ?? null, fallback: null, cutoffs };
}

/** Among undated columns: a running total first, then a plain result, estimates last. */
function rank(rc: ResultColumnInfo): number {
  return (rc.period === 'cumulative' ? 0 : 1) + (rc.estimate ? 2 : 0);
}

/** The latest dated column before `used` whose cell holds a figure, for "no data for this period yet". */
export function earlierColumns(
  choice: ResultChoice,
  results: readonly ResultColumnInfo[],
): ResultColumnInfo[] {
  const usedCutoff = choice.used ? choice.cutoffs.get(choice.used.column) : undefined;
  if (usedCutoff === undefined) return [];
  return results
    .filter((rc) => {
      const c = choice.cutoffs.get(rc.column);
      return c !== undefined && c < usedCutoff;
    })
    .sort((a, b) => (choice.cutoffs.get(b.column)! < choice.cutoffs.get(a.column)! ? -1 : 1));
}
