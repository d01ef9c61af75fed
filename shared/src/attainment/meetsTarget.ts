import type { Target } from '../report/schema';

/** Both sides to 9 decimals, so float noise (90.00000000000001) cannot pass "Trên 90%". */
function round9(x: number): number {
  if (Math.abs(x) >= 1e15) return x;
  const r = Number(x.toFixed(9));
  return r === 0 ? 0 : r;
}

/** Whether a result, in the target's unit, satisfies the target. */
export function meetsTarget(target: Target, actual: number): boolean {
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
