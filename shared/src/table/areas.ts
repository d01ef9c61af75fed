import { foldKey } from '../text/normalize';

/** The reform areas (lĩnh vực) in their usual order, with the folded phrases that name each one. */
export interface AreaDef {
  numeral: string;
  vi: string;
  en: string;
  /** Folded (no diacritics, lower case) phrases; any one names the area. */
  phrases: RegExp;
}

export const AREAS: readonly AreaDef[] = [
  {
    numeral: 'I',
    vi: 'Công tác chỉ đạo, điều hành cải cách hành chính',
    en: 'Direction and coordination',
    phrases: /chi dao,? (va )?dieu hanh|tuyen truyen cchc|tuyen truyen cai cach|direction and coordination/,
  },
  {
    numeral: 'II',
    vi: 'Cải cách thể chế',
    en: 'Institutional reform',
    phrases: /cai cach the che|\bthe che\b|institutional reform/,
  },
  {
    numeral: 'III',
    vi: 'Cải cách thủ tục hành chính',
    en: 'Administrative-procedure reform',
    phrases: /thu tuc hanh chinh|cai cach tthc|administrative.procedure/,
  },
  {
    numeral: 'IV',
    vi: 'Cải cách tổ chức bộ máy hành chính nhà nước',
    en: 'Reform of the administrative apparatus',
    phrases: /to chuc bo may|administrative apparatus/,
  },
  {
    numeral: 'V',
    vi: 'Cải cách chế độ công vụ',
    en: 'Civil-service reform',
    phrases: /che do cong vu|civil.service/,
  },
  {
    numeral: 'VI',
    vi: 'Cải cách tài chính công',
    en: 'Public-finance reform',
    phrases: /tai chinh cong|public.finance/,
  },
  {
    numeral: 'VII',
    vi: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
    en: 'E-government and digital government',
    phrases:
      /chinh quyen dien tu|chinh quyen so|chinh phu dien tu|chinh phu so|hien dai hoa hanh chinh|e.government|digital government/,
  },
  {
    numeral: 'VIII',
    vi: 'Đánh giá tác động của cải cách hành chính',
    en: 'Impact of the reform',
    phrases: /danh gia tac dong|tac dong cua (cchc|cai cach)|impact of the reform/,
  },
];

/** The seven areas every plan must cover; VIII is optional (seen in one seed only). */
export const REQUIRED_AREAS = AREAS.slice(0, 7).map((a) => a.numeral);

const BY_NUMERAL = new Map(AREAS.map((a) => [a.numeral, a]));

export function areaByNumeral(numeral: string): AreaDef | undefined {
  return BY_NUMERAL.get(numeral);
}

/** Area whose phrase the text contains, or null. Text is raw cell text. */
export function matchAreaName(text: string): AreaDef | null {
  const k = foldKey(text);
  for (const area of AREAS) if (area.phrases.test(k)) return area;
  return null;
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** "IV" → 4 for I–XX written the usual way; null otherwise. */
export function romanToInt(s: string): number | null {
  const up = s.trim().toUpperCase();
  if (!/^[IVXL]{1,6}$/.test(up)) return null;
  let total = 0;
  for (let i = 0; i < up.length; i++) {
    const v = ROMAN_VALUES[up[i]];
    const next = ROMAN_VALUES[up[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  if (total < 1 || total > 20 || intToRoman(total) !== up) return null;
  return total;
}

export function intToRoman(n: number): string {
  const table: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

// Upper case only: "Vi phạm …" must not read as area VI. The numeral is followed by punctuation ("I.", "I.CÔNG
// TÁC", "II -") or by a space.
const LEADING_ROMAN = /^\s*([IVX]{1,5})(?:\s*([.):\-–])\s*|\s+)(\S.*)$/s;
/** "Phần I", "PHẦN II": a part of the plan, as some appendices title their areas (NFC text). */
const PART_PREFIX = /^\s*ph[aâầ]n\s+/iu;

/** The text without a leading "Phần " (in any case, precomposed or not); the text itself when it has none. */
function withoutPart(text: string): string {
  const first = text.trimStart().charAt(0);
  if (first !== 'P' && first !== 'p') return text;
  const nfc = text.normalize('NFC');
  const m = PART_PREFIX.exec(nfc);
  return m ? nfc.slice(m[0].length) : text;
}

/**
 * "II. CẢI CÁCH THỂ CHẾ (…)" → { numeral: "II", name: "CẢI CÁCH THỂ CHẾ (…)" }; "Phần II. …" too. Without
 * punctuation after the numeral the rest must name an area, so that a sentence starting with a capital "V" is
 * not taken for one.
 */
export function splitLeadingRoman(text: string): { numeral: string; name: string } | null {
  const m = LEADING_ROMAN.exec(withoutPart(text));
  if (!m) return null;
  const n = romanToInt(m[1]);
  if (n === null) return null;
  const name = m[3].trim();
  if (!m[2] && !matchAreaName(name)) return null;
  return { numeral: intToRoman(n), name };
}

/**
 * The marker of an area row written alone in the number cell: "II", "II.", "Phần II", or a capital letter "A." /
 * "B)" that some plans letter their parts with. Null for anything else ("1", "1.2", "a").
 */
export function areaMarker(cell: string): { numeral: string; letter: boolean } | null {
  const t = withoutPart(cell)
    .replace(/[\s.):\-–]+$/, '')
    .trim();
  if (t.length === 0 || t.length > 6) return null;
  const n = romanToInt(t);
  if (n !== null) return { numeral: intToRoman(n), letter: false };
  if (/^[A-H]$/.test(t)) return { numeral: t, letter: true };
  return null;
}

const LEADING_LETTER = /^\s*([A-H])\s*[.)]\s*(\S.*)$/s;

/** "B. CẢI CÁCH THỂ CHẾ": a lettered part whose title names a reform area; null otherwise. */
export function splitLeadingLetter(text: string): { numeral: string; name: string } | null {
  const m = LEADING_LETTER.exec(text);
  if (!m) return null;
  const name = m[2].trim();
  return matchAreaName(name) ? { numeral: m[1], name } : null;
}
