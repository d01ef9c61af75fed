/**
 * Text as real ward files bring it: decomposed Unicode pasted from Word or PDF, old and new tone placement
 * ("hoá"/"hóa", "thuỷ"/"thủy", "Uỷ"/"Ủy"), three kinds of dash, line breaks and runs of spaces inside cells.
 * Everything that compares text goes through here first.
 */
import { memoByText } from './memo';

const ASCII_ONLY = /^[\x20-\x7e]*$/;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /\s+/g;

// Old-style tone placement puts the mark on the second vowel of a closing "oa", "oe", "uy"; the modern style,
// used by most current documents, on the first. We rewrite to the modern style. "qu" + y keeps its mark on y
// ("quý"), because there "u" belongs to the consonant.
const TONES_A = 'àáảãạ';
const TONES_E = 'èéẻẽẹ';
const TONES_Y = 'ỳýỷỹỵ';
const TONED_O = 'òóỏõọ';
const TONED_U = 'ùúủũụ';
const OLD_STYLE = /(?<![qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;

function toModernTone(_m: string, first: string, second: string): string {
  const lower2 = second.toLowerCase();
  const upper2 = second !== lower2;
  const firstLower = first.toLowerCase();
  let tone = TONES_A.indexOf(lower2);
  let base = 'a';
  if (tone < 0) {
    tone = TONES_E.indexOf(lower2);
    base = 'e';
  }
  if (tone < 0) {
    tone = TONES_Y.indexOf(lower2);
    base = 'y';
  }
  // Only the pairs oa, oe and uy move their mark.
  if ((base === 'y') !== (firstLower === 'u')) return _m;
  const toned = firstLower === 'o' ? TONED_O[tone] : TONED_U[tone];
  const newFirst = first === firstLower ? toned : toned.toUpperCase();
  return newFirst + (upper2 ? base.toUpperCase() : base);
}

// A table, not a Set: it is asked for every non-ASCII letter of every cell.
const TONED_AEY = new Uint8Array(0x1f00);
for (const c of 'àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ') TONED_AEY[c.charCodeAt(0)] = 1;

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000);
}

/** Characters that always need a rewrite, outside the ranges Vietnamese letters live in. */
function isOddCode(c: number): boolean {
  return (
    c === 0x1680 ||
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x2000 && c <= 0x200d) ||
    (c >= 0x2010 && c <= 0x2015) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x2212 ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0xfe58 ||
    c === 0xfe63 ||
    c === 0xff0d
  );
}

/**
 * One pass that says whether a non-ASCII string needs any rewrite: combining marks (NFD text), invisible
 * characters, dashes, whitespace other than single spaces, or an old-style tone mark at a word's end. Most
 * cells need none, and a plain loop is several times faster than one regular expression for all of it, which
 * matters at a million rows per second. Vietnamese letters (U+00C0–U+01B0, U+1EA0–U+1EF9) take two comparisons
 * and, after an "o" or "u" only, the tone check.
 */
function needsWork(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return true;
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c < 32 || (c === 32 && prev === 32)) return true;
    } else if (c < 0x300 || (c >= 0x1ea0 && c <= 0x1ef9)) {
      if (c === 0xa0 || c === 0xad) return true;
      if (
        (prev === 0x6f || prev === 0x4f || prev === 0x75 || prev === 0x55) &&
        TONED_AEY[c] === 1 &&
        prev2 !== 0x71 &&
        prev2 !== 0x51 &&
        (i + 1 === n || !isLetterCode(s.charCodeAt(i + 1)))
      )
        return true;
    } else if (c <= 0x36f || isOddCode(c)) {
      return true;
    }
    prev2 = prev;
    prev = c;
  }
  return false;
}

// Cells that need a rewrite (units, progress words, deadlines pasted from Word) repeat down a column, and a
// template's task texts in every file of a batch: remember their normal form, up to a long task's length. Text
// that needs none is returned after one scan: no lookup, no cache to churn.
const MEMO_LENGTH = 400;
const CACHE_LIMIT = 8192;
const rewriteMemo = memoByText(CACHE_LIMIT, (input) => rewrite(input));

/** NFC, modern tone placement, one kind of dash, single spaces, trimmed. Keeps case. */
export function normalizeText(input: string): string {
  if (ASCII_ONLY.test(input)) return input.includes('  ') ? input.replace(SPACES, ' ').trim() : input.trim();
  if (!needsWork(input)) return input;
  return input.length > MEMO_LENGTH ? rewrite(input) : rewriteMemo(input);
}

/** The whole rewrite, with no shortcut: what normalizeText returns for any text (its tests hold it to that). */
export function rewrite(input: string): string {
  return input
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(OLD_STYLE, toModernTone)
    .replace(SPACES, ' ')
    .trim();
}

/** normalizeText, lower-cased: the key for comparing phrases that keep their diacritics. */
export function lowerKey(input: string): string {
  return normalizeText(input).toLowerCase();
}

const COMBINING = /[\u0300-\u036f]/g;

/**
 * Lower case without diacritics ("Đơn vị chủ trì" → "don vi chu tri"): the key for recognising headers, area
 * names and units, which must survive typos in marks ("đợn vị") and every tone-placement style.
 */
export function foldKey(input: string): string {
  // Headers, units and area names repeat in every file of a batch: remember their folded form too.
  return input.length > MEMO_LENGTH ? fold(input) : foldMemo(input);
}

const foldMemo = memoByText(CACHE_LIMIT, (input) => fold(input));

function fold(input: string): string {
  const lower = lowerKey(input);
  if (ASCII_ONLY.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').normalize('NFC');
}

/** foldKey with punctuation turned into spaces: "Cơ quan chủ trì (đề xuất/tham mưu)" → "co quan chu tri de xuat tham muu". */
export function wordsKey(input: string): string {
  // Every short cell of a row is classified as a possible heading (of a table further down the sheet), and
  // indicator names are keyed in every file of a summary: the same texts, over and over.
  return input.length > MEMO_LENGTH ? words(input) : wordsMemo(input);
}

const words = (input: string) =>
  foldKey(input)
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
const wordsMemo = memoByText(CACHE_LIMIT, words);

/** Text of any cell value, for display and for messages. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString().slice(0, 10) : '';
  try {
    return String(value);
  } catch {
    return '';
  }
}

/** A cell's text, trimmed; '' for blanks. */
export function trimmedText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : cellText(value).trim();
}
