/** Plain calendar arithmetic on ISO dates (YYYY-MM-DD), free of time zones. */

export interface YMD {
  year: number;
  month: number;
  day: number;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidYMD(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1900 &&
    year <= 2200 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** A year the checker accepts as a plan year (typed, given as an option, or read from a title). */
export function isPlanYear(y: number): boolean {
  return Number.isInteger(y) && y >= 1990 && y <= 2200;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function endOfMonth(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

/**
 * dd/mm/yyyy, the way Vietnamese documents write dates: the one date formatter of the core, the hosts and the
 * command line (report/messages.ts picks it per language). Anything but an ISO date is given back as it came.
 */
export function formatDateVi(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An Excel serial day number (1900 date system) to a calendar date; null when out of any sensible range. */
export function serialToYMD(serial: number): YMD | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  // Serial 60 is Excel's fictitious 29/02/1900; days after it are shifted by one.
  const whole = Math.floor(serial);
  const days = whole > 60 ? whole - 1 : whole;
  const ms = Date.UTC(1899, 11, 31) + days * 86400000;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * A Date cell as exceljs hands it over: the wall-clock date and time the user typed, held in its UTC fields
 * (30/06/2025 18:00 is 2025-06-30T18:00Z). Only the UTC fields are read, so the day never depends on the zone
 * of the machine running the check. Hosts whose API gives real instants (Sheets' getValues) turn them into
 * serial numbers in the spreadsheet's own zone first (hosts/gridTransfer.ts).
 */
export function dateToYMD(date: Date): YMD | null {
  if (!Number.isFinite(date.getTime())) return null;
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The last day of quarter 1–4. */
export function endOfQuarter(year: number, quarter: number): string {
  return endOfMonth(year, quarter * 3);
}

/** An ISO date for y/m/d, or null when the day does not exist (31/02) or the year is out of range. */
export function validIso(year: number, month: number, day: number): string | null {
  return isValidYMD(year, month, day) ? isoDate(year, month, day) : null;
}
