import type { ActualReading, ActualValue } from '../targets/parseActual';
import type { KpiStatus, Target } from '../report/schema';
import { meetsTarget } from './meetsTarget';

export interface KpiScore {
  status: KpiStatus;
  /** Values read from the result cell, in the target's unit: the numerator of a fraction for a count target. */
  actuals: number[];
  /** Why the result could not be compared, when it could not. */
  problem: 'unparseable' | 'unit-mismatch' | 'count-mismatch' | 'zero-denominator' | null;
  /** Percentages outside 0–100. */
  outOfRange: number[];
  /** Each target the result falls short of, with the value compared. */
  missed: { target: Readonly<Target>; actual: number }[];
}

/**
 * Scores one indicator. A blank or unreadable result is "no-data", never 0. A cell with several targets needs one value per
 * target, in order ("95%; 70%"): a single value cannot say which target it answers. A fraction ("12/15 hồ sơ") is
 * its ratio against a percentage and its numerator against a count ("Thực hiện đầy đủ 02 hoạt động": "2/2 hoạt động").
 */
export function scoreKpi(targets: readonly Readonly<Target>[], reading: ActualReading | null): KpiScore {
  const score: KpiScore = { status: 'no-data', actuals: [], problem: null, outOfRange: [], missed: [] };
  let values: readonly ActualValue[] = reading?.kind === 'values' ? reading.values : NO_VALUES;
  // Which target a value answers is known only when there is one value per target. Most cells hold no fraction
  // and keep their values as read (no copy per row).
  if (values.length === targets.length && hasFraction(values))
    values = values.map((v, i) => inTargetUnit(v, targets[i]));
  score.actuals = values.length === 1 ? [values[0].value] : values.map((v) => v.value);
  if (targets.length === 0) {
    score.status = 'unmeasurable';
    return score;
  }
  if (reading === null || reading.kind === 'blank') return score;
  if (reading.kind === 'invalid' || reading.kind === 'zero-denominator') {
    // The target is fine; it is the result that is missing ("đạt", "tốt" where a figure belongs, "0/0"): no
    // data, and the rule reports the cell.
    score.problem = reading.kind === 'invalid' ? 'unparseable' : 'zero-denominator';
    return score;
  }
  if (values.length !== targets.length) {
    score.status = 'unmeasurable';
    score.problem = 'count-mismatch';
    return score;
  }
  for (let i = 0; i < targets.length; i++) {
    const unit = values[i].unit;
    const expected = targets[i].unit;
    if (unit !== null && unit !== expected && (unit === '%' || expected === '%')) {
      score.status = 'unmeasurable';
      score.problem = 'unit-mismatch';
      return score;
    }
  }
  for (let i = 0; i < targets.length; i++) {
    const value = values[i].value;
    if (targets[i].unit === '%' && (value < 0 || value > 100)) score.outOfRange.push(value);
    if (!meetsTarget(targets[i], value)) score.missed.push({ target: targets[i], actual: value });
  }
  score.status = score.missed.length > 0 ? 'missed' : 'met';
  return score;
}

const NO_VALUES: readonly ActualValue[] = Object.freeze([]);

function hasFraction(values: readonly ActualValue[]): boolean {
  for (let i = 0; i < values.length; i++) if (values[i].fraction !== undefined) return true;
  return false;
}

/** A fraction against a count target counts its numerator: "2/2 hoạt động" did 2 activities. */
function inTargetUnit(v: ActualValue, target: Readonly<Target>): ActualValue {
  if (v.fraction === undefined || target.unit === '%') return v;
  return { value: v.fraction.numerator, unit: v.fraction.unit };
}
