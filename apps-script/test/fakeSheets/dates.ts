/**
 * Time-zone arithmetic without the process's own zone: offsets come from Intl for the named zone, so results are
 * the same whatever TZ Node runs under. Spreadsheet date serials count days from 1899-12-30 00:00 wall-clock time.
 */
const DAY_MS = 86_400_000;
/** Serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** "GMT", "UTC", "GMT+7", "UTC-03:30", "+07:00" as minutes east of UTC; null for zone names. */
function fixedOffsetMinutes(tz: string): number | null {
  if (/^(GMT|UTC|Z)$/i.test(tz)) return 0;
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(tz);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function formatterFor(tz: string): Intl.DateTimeFormat | null {
  if (!formatters.has(tz)) {
    let f: Intl.DateTimeFormat | null = null;
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      // Java's TimeZone.getTimeZone, behind Apps Script, falls back to GMT for an unknown id.
      f = null;
    }
    formatters.set(tz, f);
  }
  return formatters.get(tz) ?? null;
}

/** Offset of `tz` from UTC at the instant `ms`, in milliseconds (local = UTC + offset). */
export function tzOffsetMs(ms: number, tz: string): number {
  const fixed = fixedOffsetMinutes(tz);
  if (fixed !== null) return fixed * 60_000;
  const f = formatterFor(tz);
  if (!f) return 0;
  const whole = Math.floor(ms / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(whole))) p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return asUtc - whole;
}

/** The instant whose wall-clock time in `tz` is `wallMs` (wall-clock time written as if it were UTC). */
export function wallToInstant(wallMs: number, tz: string): number {
  const first = tzOffsetMs(wallMs, tz);
  const guess = wallMs - first;
  const second = tzOffsetMs(guess, tz);
  return second === first ? guess : wallMs - second;
}

export function serialToWallMs(serial: number): number {
  return Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS);
}

export function serialToDate(serial: number, tz: string): Date {
  return new Date(wallToInstant(serialToWallMs(serial), tz));
}

export function dateToSerial(date: Date, tz: string): number {
  const ms = date.getTime();
  return (ms + tzOffsetMs(ms, tz)) / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** Works for Dates from any vm realm. */
export function isDate(x: unknown): x is Date {
  return Object.prototype.toString.call(x) === '[object Date]';
}

export interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** 0 = Sunday. */
  weekday: number;
}

export function wallParts(wallMs: number): WallParts {
  const d = new Date(wallMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function offsetText(offsetMs: number, colon: boolean, minutes = true): string {
  const total = Math.floor(Math.abs(offsetMs) / 60_000); // Java truncates seconds of an offset
  const sign = offsetMs < 0 ? '-' : '+';
  const hm = pad(Math.floor(total / 60), 2) + (minutes ? (colon ? ':' : '') + pad(total % 60, 2) : '');
  return sign + hm;
}

/** Java SimpleDateFormat, the subset Apps Script scripts use, in English as Utilities.formatDate is. */
export function formatJavaDate(date: Date, tz: string, pattern: string): string {
  const offset = tzOffsetMs(date.getTime(), tz);
  const p = wallParts(date.getTime() + offset);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      for (; j < pattern.length; j++) {
        if (pattern[j] !== "'") out += pattern[j];
        else if (pattern[j + 1] === "'") out += pattern[j++];
        else break;
      }
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    out += javaField(ch, n, p, offset);
  }
  return out;
}

function javaField(ch: string, n: number, p: WallParts, offset: number): string {
  switch (ch) {
    case 'y':
      return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
    case 'M':
    case 'L':
      return n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
    case 'd':
      return pad(p.day, n);
    case 'H':
      return pad(p.hour, n);
    case 'k':
      return pad(p.hour || 24, n);
    case 'h':
      return pad(p.hour % 12 || 12, n);
    case 'K':
      return pad(p.hour % 12, n);
    case 'm':
      return pad(p.minute, n);
    case 's':
      return pad(p.second, n);
    case 'S':
      return pad(p.ms, n);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'E':
      return n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
    case 'u':
      return String(p.weekday || 7);
    case 'Z':
      return offsetText(offset, false);
    case 'X':
      return offset === 0 ? 'Z' : offsetText(offset, n >= 3, n >= 2);
    case 'z':
      // Java prints the zone's short name ("ICT"); Intl cannot give those reliably, so this is GMT+hh:mm.
      return 'GMT' + offsetText(offset, true);
    default:
      throw new Error(`Exception: Illegal pattern character '${ch}'`);
  }
}
