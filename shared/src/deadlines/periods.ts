/**
 * Reporting periods and their data cut-off (chốt số liệu). National guidance closes each window on 14/3, 14/6,
 * 14/9 and 14/12; plans may set their own (seed 001: 09/3, 09/6, 09/9, 09/12), so every cut-off can be overridden.
 */
import { foldKey } from '../text/normalize';
import { daysInMonth, isoDate, isValidYMD } from './calendar';

export type Period = 'q1' | 'h1' | 'q3' | 'year';

export const PERIODS: readonly Period[] = ['q1', 'h1', 'q3', 'year'];

/** National cut-offs as 'dd/mm'. */
export const NATIONAL_CUTOFFS: Readonly<Record<Period, string>> = {
  q1: '14/03',
  h1: '14/06',
  q3: '14/09',
  year: '14/12',
};

const DAY_MONTH = /^(\d{1,2})[/.-](\d{1,2})$/;

/** 'dd/mm' → [day, month], accepting 29/02 (it exists in some years); null otherwise. */
function dayMonth(s: string): [number, number] | null {
  const m = DAY_MONTH.exec(s.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  return isValidYMD(2024, month, day) ? [day, month] : null;
}

/** The cut-off of a period in the plan's year (ISO). A bad override falls back to the national date. */
export function periodCutoff(
  period: Period,
  planYear: number,
  overrides?: Partial<Record<Period, string>>,
): string {
  const dm =
    (overrides?.[period] !== undefined && dayMonth(String(overrides[period]))) ||
    dayMonth(NATIONAL_CUTOFFS[period]);
  const [day, month] = dm ?? [14, 12];
  // 29/02 in a year without it becomes 28/02.
  return isoDate(planYear, month, Math.min(day, daysInMonth(planYear, month)));
}

/** "q1=09/03,h1=09/06,q3=09/09,year=09/12" → overrides; null when any part is malformed or repeated. */
export function parseCutoffOverrides(spec: string): Partial<Record<Period, string>> | null {
  if (typeof spec !== 'string' || spec.trim() === '') return null;
  const out: Partial<Record<Period, string>> = {};
  for (const part of spec.split(/[,;]/)) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const period = parsePeriod(part.slice(0, eq));
    const dm = dayMonth(part.slice(eq + 1));
    if (!period || !dm || out[period] !== undefined) return null;
    out[period] = `${String(dm[0]).padStart(2, '0')}/${String(dm[1]).padStart(2, '0')}`;
  }
  return Object.keys(out).length ? out : null;
}

// The report after Q2 is the 6-month report and the one after Q4 the year's, so those quarters name them too.
const PERIOD_NAMES: Record<string, Period> = {
  q1: 'q1',
  'quy i': 'q1',
  'quy 1': 'q1',
  q2: 'h1',
  h1: 'h1',
  'quy ii': 'h1',
  'quy 2': 'h1',
  '6 thang': 'h1',
  '06 thang': 'h1',
  '6 thang dau nam': 'h1',
  'sau thang': 'h1',
  '6 months': 'h1',
  q3: 'q3',
  'quy iii': 'q3',
  'quy 3': 'q3',
  '9 thang': 'q3',
  '09 thang': 'q3',
  'chin thang': 'q3',
  '9 months': 'q3',
  q4: 'year',
  year: 'year',
  annual: 'year',
  'quy iv': 'year',
  'quy 4': 'year',
  nam: 'year',
  'ca nam': 'year',
};

/** q1 | h1 | q3 | year, or the Vietnamese names ("quý I", "6 tháng", "9 tháng", "năm"); null otherwise. */
export function parsePeriod(s: string): Period | null {
  if (typeof s !== 'string') return null;
  // The whole string must be a name, so folding "quý" onto "quy" cannot confuse it with "quy định".
  const key = foldKey(s).replace(/\s+/g, ' ').trim();
  return PERIOD_NAMES[key] ?? null;
}

const LABELS: Record<'vi' | 'en', Record<Period, string>> = {
  vi: { q1: 'Quý I', h1: '6 tháng', q3: '9 tháng', year: 'Năm' },
  en: { q1: 'Q1', h1: '6 months', q3: '9 months', year: 'Year' },
};

export function periodLabel(period: Period, lang: 'vi' | 'en'): string {
  return LABELS[lang][period];
}
