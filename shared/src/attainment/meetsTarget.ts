import type { Target } from '../report/schema';

/** Both sides to 9 decimals, so float noise (90.00000000000001) cannot pass "Trên 90%". */
function round9(x: number): number {
  // Arithmetic rounding is exact enough below a million and far cheaper than toFixed.
  if (Math.abs(x) < 1e6) return Math.round(x * 1e9) / 1e9 || 0;
  if (Math.abs(x) >= 1e15) return x;
  return Number(x.toFixed(9)) || 0;
}

/** Whether a result, in the target's unit, satisfies the target. */
export function meetsTarget(target: Readonly<Target>, actual: number): boolean {
  if (!Number.isFinite(actual) || !Number.isFinite(target.value)) return false;
  const a = round9(actual);
  const t = round9(target.value);
  switch (target.op) {
    case '>=':
      return a >= t;
    case '>':
      return a > t;
    case '<=':
      return a <= t;
    case '<':
      return a < t;
    case '=':
      return a === t;
    default:
      return false;
  }
}
