/**
 * Numbers as Vietnamese plans write them ("99,9", "1.000", "02") and the quantities they count ("20% thủ tục",
 * "15 phút", "02 hoạt động"), found in text while skipping the numbers that are only references: years, dates,
 * document numbers ("33/2023/NĐ-CP"), standards ("ISO 9001:2015"), list markers ("1.").
 */

/**
 * Counted nouns of more than one syllable (or often mistyped), matched without diacritics so "đợn vị" still reads
 * as "đơn vị". Any other noun is taken as its first word.
 */
export const KNOWN_UNITS: readonly string[] = [
  'hoạt động',
  'sai phạm',
  'vi phạm',
  'sai sót',
  'tham nhũng',
  'hồ sơ',
  'văn bản',
  'thủ tục',
  'đơn vị',
  'cơ quan',
  'cán bộ',
  'công chức',
  'viên chức',
  'nhiệm vụ',
  'kế hoạch',
  'báo cáo',
  'sáng kiến',
  'mô hình',
  'dịch vụ',
  'phản ánh',
  'kiến nghị',
  'giao dịch',
  'chỉ tiêu',
  'tiêu chí',
  'cuộc kiểm tra',
  'lượt',
  'lần',
  'cuộc',
  'đợt',
  'buổi',
  'lớp',
  'phút',
  'giờ',
  'ngày',
  'điểm',
  'người',
];

/** Words that can follow a number without naming what it counts ("5 trở lên", "2 và …"). */
const NOT_UNITS = new Set([
  'va',
  'hoac',
  'tro',
  'so',
  'tren',
  'duoi',
  'cua',
  'theo',
  'den',
  'toi',
  'trong',
  'doi',
  'duoc',
  'da',
  'la',
  'voi',
  'cac',
  'nhung',
  'ket',
  'hon',
]);

const PLAIN_INT = /^\d+$/;
const DECIMAL_COMMA = /^\d+,\d+$/;
const DOT_THOUSANDS = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
const COMMA_THOUSANDS = /^[1-9]\d{0,2}(?:,\d{3}){2,}(?:\.\d+)?$|^[1-9]\d{0,2},\d{3}\.\d+$/;
const SINGLE_DOT = /^\d+\.\d+$/;
const SPACE_THOUSANDS = /^[1-9]\d{0,2}(?: \d{3})+$/;

/**
 * Reads "99,9" → 99.9, "1.000" → 1000, "1.000.000", "1.5" → 1.5 (a dot followed by other than 3 digits is a
 * decimal point, as users also type), "02" → 2. Null when the text is not one number.
 */
export function parseVietnameseNumber(s: string): number | null {
  if (typeof s !== 'string') return null;
  let t = s.trim();
  let sign = 1;
  if (t.startsWith('-') || t.startsWith('\u2212')) {
    sign = -1;
    t = t.slice(1).trimStart();
  } else if (t.startsWith('+')) {
    t = t.slice(1).trimStart();
  }
  if (t === '' || t.length > 40) return null;
  let n: number;
  if (PLAIN_INT.test(t)) n = Number(t);
  else if (DECIMAL_COMMA.test(t)) n = Number(t.replace(',', '.'));
  else if (DOT_THOUSANDS.test(t)) n = Number(t.replace(/\./g, '').replace(',', '.'));
  else if (COMMA_THOUSANDS.test(t)) n = Number(t.replace(/,/g, ''));
  else if (SINGLE_DOT.test(t)) n = Number(t);
  else if (SPACE_THOUSANDS.test(t)) n = Number(t.replace(/ /g, ''));
  else return null;
  if (!Number.isFinite(n)) return null;
  const v = sign * n;
  return v === 0 ? 0 : v;
}

const ASCII = /^[ -~]*$/;
// One entry per UTF-16 code unit, filled on first use: the fold of a character never changes.
const foldTable: (string | undefined)[] = new Array<string | undefined>(0x10000);

function foldChar(code: number): string {
  const ch = String.fromCharCode(code);
  let out = ch;
  if (code === 0x111 || code === 0x110) out = 'd';
  else if (code < 0xd800 || code > 0xdfff) {
    const base = ch.normalize('NFD').charAt(0) || ch;
    const lower = base.toLowerCase();
    out = lower.length === 1 ? lower : base;
  }
  foldTable[code] = out;
  return out;
}

/**
 * Lower case without diacritics, one code unit for one code unit, so that a match found in the folded text is at
 * the same place in the original (foldKey can change the length). Expects NFC input.
 */
export function foldSameLength(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    out += foldTable[code] ?? foldChar(code);
  }
  return out;
}

/** Lower-case, diacritic-free forms of the known units, longest first so "cuộc kiểm tra" wins over "cuộc". */
const UNIT_KEYS: { key: string; unit: string }[] = KNOWN_UNITS.map((unit) => ({
  key: foldSameLength(unit.normalize('NFC')),
  unit,
})).sort((a, b) => b.key.length - a.key.length);

/** A number found in text, with what it counts. Positions are in the (normalized) text passed in. */
export interface NumberToken {
  value: number;
  /** The digits as written. */
  raw: string;
  start: number;
  end: number;
  percent: boolean;
  /** "%" for percentages, the counted noun, or "" when none follows. */
  unit: string;
  /** End of the number with its "%" or unit. */
  unitEnd: number;
}

const NUMBER_RE = /\d+(?:[.,]\d+)*/g;
const PERCENT_AFTER = /^ ?(?:%|phan tram(?![a-z]))/;
const LETTER = /\p{L}/u;
const WORD_AT = /^ ?(\p{L}+)/u;
/** Words after which a number is a date part, a year or a reference, never a quantity. */
const DATE_BEFORE = /(?<![a-z])(?:nam|thang|quy|ngay|giai doan|nien do|khoa)\s*$/;
const REFERENCE_BEFORE =
  /(?<![a-z])(?:so|nghi dinh|quyet dinh|thong tu|nghi quyet|chi thi|cong van|ke hoach|thong bao|luat|iso|tcvn|dieu|khoan|muc|phu luc|chuong|tieu chi)\s*$/;
const LIST_MARKER_BEFORE = /(?:^|[;:\-+•*.!?])\s*$/;
const LIST_MARKER_AFTER = /^[.)]\s+\S/;
const RANGE_BEFORE = /(\d+)(\s*)-(\s*)$/;
const RANGE_AFTER = /^(\s*)-(\s*)(\d+)/;

function isYear(raw: string): boolean {
  if (raw.length !== 4 || !PLAIN_INT.test(raw)) return false;
  const n = Number(raw);
  return n >= 1900 && n <= 2100;
}

/** The counted noun starting at `pos` (after spaces): a known unit, else the first word; "" when none. */
export function unitAt(text: string, key: string, pos: number): { unit: string; end: number } {
  let p = pos;
  if (key[p] === ' ') p++;
  if (p >= key.length || !LETTER.test(key[p])) return { unit: '', end: pos };
  for (const u of UNIT_KEYS) {
    if (key.startsWith(u.key, p)) {
      const after = key[p + u.key.length];
      if (after === undefined || !LETTER.test(after)) return { unit: u.unit, end: p + u.key.length };
    }
  }
  const m = WORD_AT.exec(key.slice(p, p + 40));
  if (!m || NOT_UNITS.has(m[1])) return { unit: '', end: pos };
  return { unit: text.slice(p, p + m[1].length).toLowerCase(), end: p + m[1].length };
}

/**
 * The quantities in a normalized text, in order. Numbers that only name a year, a date, a time, a document or a
 * list item are left out. `key` is foldSameLength(text), passed when the caller already has it.
 */
export function findNumbers(text: string, key: string = foldSameLength(text)): NumberToken[] {
  const out: NumberToken[] = [];
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_RE.exec(key)) !== null) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const prev = start > 0 ? key[start - 1] : '';
    const next = end < key.length ? key[end] : '';
    // Glued to a word ("KH2", "ISO9001") or to a date, time or document number ("15/02/2025", "33/2023", "9001:2015").
    if (prev && LETTER.test(prev)) continue;
    if (prev === '/' || prev === ':' || prev === '\\') continue;
    if ((next === '/' || next === ':' || next === '\\') && /\d/.test(key[end + 1] ?? '')) continue;
    const value = parseVietnameseNumber(raw);
    if (value === null) continue;
    const before = key.slice(Math.max(0, start - 24), start);
    const afterText = key.slice(end, end + 24);
    if (DATE_BEFORE.test(before)) continue;
    // Ranges: "2021-2025", "2021 - 2025"; tight ranges of other numbers ("80-90%") say no single target.
    const rb = RANGE_BEFORE.exec(before);
    if (rb && ((rb[2] === '' && rb[3] === '') || (isYear(rb[1]) && isYear(raw)))) continue;
    const ra = RANGE_AFTER.exec(afterText);
    if (ra && ((ra[1] === '' && ra[2] === '') || (isYear(ra[3]) && isYear(raw)))) continue;
    if (
      LIST_MARKER_AFTER.test(afterText) &&
      LIST_MARKER_BEFORE.test(key.slice(Math.max(0, start - 8), start))
    )
      continue;
    const pm = PERCENT_AFTER.exec(afterText);
    if (pm) {
      out.push({ value, raw, start, end, percent: true, unit: '%', unitEnd: end + pm[0].length });
      continue;
    }
    if (REFERENCE_BEFORE.test(before)) continue;
    const u = next === '/' ? { unit: '', end } : unitAt(text, key, end);
    out.push({ value, raw, start, end, percent: false, unit: u.unit, unitEnd: u.end });
  }
  return out;
}

/** Rounds to `decimals` places, half away from zero, after removing binary noise (89.49999999999999 → 89.5). */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return value;
  const d = Math.max(0, Math.min(10, Math.floor(decimals)));
  // Fast path for the values results hold: arithmetic rounding, with a first pass at 1e-10 that removes float
  // noise (0.895 × 100 = 89.49999999999999) before rounding half away from zero, as toFixed below would.
  if (Math.abs(value) < 1e4) {
    const clean = Math.round(value * 1e10) / 1e10;
    if (d === 10) return clean || 0;
    const p = 10 ** d;
    const scaled = Math.round(clean * p * 1e6) / 1e6;
    return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / p || 0;
  }
  const clean = Number(value.toFixed(10));
  if (d === 10) return clean === 0 ? 0 : clean;
  const p = 10 ** d;
  const scaled = Number((clean * p).toFixed(10 - d));
  const r = (Math.sign(scaled) * Math.round(Math.abs(scaled))) / p;
  return r === 0 ? 0 : r;
}
