/**
 * Text as real ward files bring it: decomposed Unicode pasted from Word or PDF, old and new tone placement
 * ("hoá"/"hóa", "thuỷ"/"thủy", "Uỷ"/"Ủy"), three kinds of dash, line breaks and runs of spaces inside cells.
 * Everything that compares text goes through here first.
 */

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

/** NFC, modern tone placement, one kind of dash, single spaces, trimmed. Keeps case. */
export function normalizeText(input: string): string {
  if (ASCII_ONLY.test(input)) return input.includes('  ') ? input.replace(SPACES, ' ').trim() : input.trim();
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
  const lower = lowerKey(input);
  if (ASCII_ONLY.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').normalize('NFC');
}

/** foldKey with punctuation turned into spaces: "Cơ quan chủ trì (đề xuất/tham mưu)" → "co quan chu tri de xuat tham muu". */
export function wordsKey(input: string): string {
  return foldKey(input)
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

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
