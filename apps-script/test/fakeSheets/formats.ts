/** Sheets number formats: which ones are dates, and how a value displays under one (getDisplayValues). */
import { pad, serialToWallMs, wallParts } from './dates';

/** What getNumberFormats() reports for a cell whose format is automatic. */
export const AUTOMATIC_FORMAT = '0.###############';

/** Removes quoted text, backslash escapes and [colour]/[$€] blocks, which never hold format codes. */
function codesOnly(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(fmt: string | undefined): boolean {
  return fmt !== undefined && /[dmyhs]/i.test(codesOnly(fmt.split(';')[0]));
}

const separators = new Map<string, { decimal: string; group: string }>();

function localeSeparators(locale: string): { decimal: string; group: string } {
  let s = separators.get(locale);
  if (!s) {
    s = { decimal: '.', group: ',' };
    try {
      for (const part of new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(1234567.5)) {
        if (part.type === 'decimal') s.decimal = part.value;
        if (part.type === 'group') s.group = part.value;
      }
    } catch {
      // An unknown locale keeps the English separators.
    }
    separators.set(locale, s);
  }
  return s;
}

function groupDigits(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function literal(text: string): string {
  return text
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/\[[^\]]*\]/g, '');
}

function displayNumber(n: number, fmt: string | undefined, locale: string): string {
  const { decimal, group } = localeSeparators(locale);
  if (fmt === undefined || fmt === AUTOMATIC_FORMAT || fmt === '@' || /^general$/i.test(fmt)) {
    return String(Number(n.toPrecision(15))).replace('.', decimal);
  }
  // A second section is for negative numbers, which it shows without a minus sign.
  const sections = fmt.split(';');
  const negative = n < 0 && sections.length > 1;
  const section = sections[negative ? 1 : 0];
  // Find the digit placeholders outside quoted text.
  let start = -1;
  let end = -1;
  for (let i = 0, quoted = false; i < section.length && end < 0; i++) {
    const ch = section[i];
    if (start >= 0) {
      if (!/[#0?,.]/.test(ch)) end = i;
    } else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\\') i++;
    else if (!quoted && /[#0?]/.test(ch)) start = i;
  }
  if (start < 0) return literal(section);
  if (end < 0) end = section.length;
  const body = section.slice(start, end);
  const prefix = literal(section.slice(0, start));
  const suffix = literal(section.slice(end));
  const value = (negative ? -n : n) * (codesOnly(section).includes('%') ? 100 : 1);
  const [intPart, fracPart = ''] = body.split('.');
  let text = Math.abs(value).toFixed(fracPart.replace(/[^#0?]/g, '').length);
  const minFrac = (fracPart.match(/0/g) ?? []).length;
  let [int, frac = ''] = text.split('.');
  while (frac.length > minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (intPart.includes(',')) int = groupDigits(int, group);
  text = frac ? int + decimal + frac : int;
  return (value < 0 && Number(text.replace(/\D/g, '')) !== 0 ? '-' : '') + prefix + text + suffix;
}

/** d, dd, M, MM, yy, yyyy, H, HH, h, m/mm (minutes next to an hour or seconds), s, ss, am/pm, [h] [m] [s]. */
function displayDate(serial: number, fmt: string): string {
  const p = wallParts(serialToWallMs(serial));
  const section = fmt.split(';')[0];
  const ampm = /am\/pm/i.test(codesOnly(section));
  const tokens = section.match(/"[^"]*"|\\.|\[[hms]+\]|\[[^\]]*\]|am\/pm|([dmyhs])\1*|./gi) ?? [];
  const codeAt = tokens.flatMap((t, i) => (/^\[?[dmyhs]/i.test(t) ? [i] : []));
  const elapsed: Record<string, number> = { h: 24, m: 1440, s: 86_400 };
  return tokens
    .map((t, i) => {
      const c = t[0];
      if (/^am\/pm$/i.test(t)) return p.hour < 12 ? 'AM' : 'PM';
      const pos = codeAt.indexOf(i);
      if (pos < 0) return literal(t);
      const n = t.length;
      if (c === '[') return String(Math.floor(serial * elapsed[t[1].toLowerCase()] + 1e-9));
      switch (c.toLowerCase()) {
        case 'd':
          return n >= 3 ? t : pad(p.day, n);
        case 'y':
          return n <= 2 ? pad(p.year % 100, 2) : String(p.year);
        case 'h':
          return pad(ampm ? p.hour % 12 || 12 : p.hour, n);
        case 's':
          return pad(p.second, n);
        default: {
          // "m" is minutes when it follows an hour or precedes seconds, month otherwise; "M" is always month.
          const before = tokens[codeAt[pos - 1]] ?? '';
          const after = tokens[codeAt[pos + 1]] ?? '';
          const minute = c === 'm' && (/^\[?h/i.test(before) || /^s/i.test(after));
          return pad(minute ? p.minute : p.month, Math.min(n, 2));
        }
      }
    })
    .join('');
}

export function displayValue(
  value: string | number | boolean,
  fmt: string | undefined,
  locale: string,
): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  return isDateFormat(fmt) ? displayDate(value, fmt as string) : displayNumber(value, fmt, locale);
}
