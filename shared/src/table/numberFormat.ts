/**
 * What a number format says about a cell's value: a percentage (0.92 shown as 92 %), a date (a serial number
 * shown as a day), and how many decimals the user sees. Formats come as Excel and Sheets give them.
 */
import { memoByText } from '../text/memo';

/** The first section of a format, with quoted text, escapes and colour/condition brackets removed. */
function firstSection(format: string): string {
  let out = '';
  let inQuote = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (inQuote) {
      if (ch === '"') inQuote = false;
      continue;
    }
    if (ch === '"') {
      inQuote = true;
      continue;
    }
    if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
      continue;
    }
    if (ch === ';') break;
    out += ch;
  }
  return out.replace(/\[[^\]]*\]/g, '');
}

// A sheet has a handful of distinct formats repeated on every row: read each one once.
const section = memoByText(2048, firstSection);

export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  return section(format).includes('%');
}

const DATE_TOKENS = /[dmy]|(?:^|[^a-z])e(?:[^a-z]|$)/i;

export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const lower = format.toLowerCase();
  if (lower === 'general' || lower === '@') return false;
  // Excel's built-in date id 14 arrives as "m/d/yyyy" or a locale name; brackets like [$-42A] are locales.
  const body = section(format).toLowerCase();
  if (body.includes('0') || body.includes('#')) return false;
  return DATE_TOKENS.test(body);
}

/** Decimals the format shows ("0.0%" → 1, "#,##0" → 0); null for General or text, where nothing is rounded. */
export function displayedDecimals(format: string | null | undefined): number | null {
  if (!format) return null;
  const body = section(format);
  if (!/[0#?]/.test(body)) return null;
  const dot = body.indexOf('.');
  if (dot < 0) return 0;
  let n = 0;
  for (let i = dot + 1; i < body.length && /[0#?]/.test(body[i]); i++) n++;
  return n;
}
