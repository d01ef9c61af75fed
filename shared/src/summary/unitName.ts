/**
 * Which ward a file reports for. Ward files name their unit in the national heading ("ỦY BAN NHÂN DÂN" over
 * "PHƯỜNG 5"), in "UBND XÃ AN PHÚ", or in a title ("… TRÊN ĐỊA BÀN PHƯỜNG 1", "Cải cách hành chính phường Long
 * Xuyên năm 2025", "(Kèm theo … của UBND Phường 5)"). When none does, the file's name or its folder's is used.
 */
import { cellText, normalizeText, wordsKey } from '../text/normalize';
import type { SheetGrid } from '../table/grid';
import type { UnitSource } from './schema';

export interface UnitName {
  unit: string;
  source: UnitSource;
}

// The levels of local government, as written in headings (longest first so "thị trấn" is not read as "thị").
const LEVELS: readonly { re: string; vi: string }[] = [
  { re: 'thị trấn', vi: 'Thị trấn' },
  { re: 'đặc khu', vi: 'Đặc khu' },
  { re: 'phường', vi: 'Phường' },
  { re: 'xã', vi: 'Xã' },
];
const LEVEL_ALT = LEVELS.map((l) => l.re).join('|');

// Words that end a unit's name in running text: the higher levels, the year, connecting words.
const STOP = new Set([
  'năm',
  'giai',
  'tỉnh',
  'thành',
  'huyện',
  'quận',
  'thị',
  'như',
  'về',
  'và',
  'trong',
  'theo',
  'đến',
  'từ',
  'của',
  'tại',
  'ban',
  'thực',
  'kèm',
]);

/** Rows searched above each table: the heading block and titles sit in the first rows. */
const HEAD_ROWS = 15;
/** A name has at most this many words ("Tân Phú Trung"). */
const MAX_NAME_WORDS = 5;

const COMMITTEE = /^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)$/iu;
const COMMITTEE_AND_UNIT = new RegExp(
  `^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\\s+(${LEVEL_ALT})\\s+(.+)$`,
  'iu',
);
const UNIT_LINE = new RegExp(`^(${LEVEL_ALT})\\s+(.+)$`, 'iu');
// In a title or a sentence: the phrases that precede a unit's own name.
const IN_TEXT = new RegExp(
  `(?:trên địa bàn|của ủy ban nhân dân|của uỷ ban nhân dân|của ubnd|ủy ban nhân dân|ubnd|hành chính(?: nhà nước)?|chủ tịch)\\s+(${LEVEL_ALT})\\s+([^,.;:()\\n]+)`,
  'iu',
);

/** The unit named in the first rows of the sheets, heading first, then titles; null when none names one. */
export function unitFromGrids(grids: readonly SheetGrid[]): UnitName | null {
  let fromTitle: UnitName | null = null;
  for (const grid of grids) {
    const lines = headLines(grid);
    for (let i = 0; i < lines.length; i++) {
      const heading = fromHeading(lines, i);
      if (heading) return { unit: heading, source: 'heading' };
      if (!fromTitle) {
        const m = IN_TEXT.exec(lines[i].text);
        const name = m ? unitName(m[1], m[2]) : null;
        if (name) fromTitle = { unit: name, source: 'title' };
      }
    }
  }
  return fromTitle;
}

interface Line {
  text: string;
  row: number;
  column: number;
}

/** The text of the first rows, one entry per line of each non-empty cell, in reading order. */
function headLines(grid: SheetGrid): Line[] {
  const out: Line[] = [];
  const rows = Math.min(grid.values.length, HEAD_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || v.trim() === '') continue;
      for (const part of v.split(/\r?\n/)) {
        const text = normalizeText(cellText(part));
        if (text) out.push({ text, row: r, column: c });
      }
    }
  }
  return out;
}

/** "ỦY BAN NHÂN DÂN" with the unit on its next line (same cell or the cell below), or "UBND XÃ AN PHÚ". */
function fromHeading(lines: readonly Line[], i: number): string | null {
  const line = lines[i];
  const both = COMMITTEE_AND_UNIT.exec(line.text);
  if (both) return unitName(both[1], both[2], true);
  if (!COMMITTEE.test(line.text)) return null;
  // The next line below in the same column: the cell's own next line, or a cell one or two rows down.
  const next = lines.find(
    (l, j) => j > i && l.column === line.column && l.row >= line.row && l.row <= line.row + 2,
  );
  const m = next ? UNIT_LINE.exec(next.text) : null;
  return m ? unitName(m[1], m[2], true) : null;
}

/**
 * "PHƯỜNG", "AN NHƠN ĐÔNG năm 2025" → "Phường An Nhơn Đông". In a heading line the whole rest is the name;
 * in running text the name ends at the first lower-case word, a stop word or punctuation.
 */
function unitName(level: string, rest: string, wholeLine = false): string | null {
  const def = LEVELS.find((l) => l.re === level.toLowerCase());
  if (!def) return null;
  const words: string[] = [];
  for (const word of rest.split(/\s+/)) {
    if (!word) continue;
    const lower = word.toLowerCase();
    if (/^\d+$/.test(word)) {
      words.push(String(Number(word)));
      // "Phường 5" ends with its number.
      break;
    }
    if (STOP.has(lower) && !(wholeLine && words.length === 0)) break;
    if (!wholeLine && word[0] === lower[0]) break;
    if (!/^[\p{L}][\p{L}'’-]*$/u.test(word)) break;
    words.push(titleCase(word));
    if (words.length >= MAX_NAME_WORDS) break;
  }
  if (words.length === 0) return null;
  return `${def.vi} ${words.join(' ')}`;
}

function titleCase(word: string): string {
  const lower = word.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

// Words of a file name that are not the unit's: "phuong-5-phu-luc-2025.xlsx", "xa-an-phu_KH-CCHC.xlsx".
const FILE_STOP = new Set(['pl', 'kh', 'cchc', 'nam', 'ban', 'bc', 'final', 'moi', 'copy']);
const FILE_STOP_PAIRS = new Set(['phu luc', 'ke hoach', 'bao cao', 'cai cach']);

/** A level of local government starting at words[w], and how many words it takes. */
function levelAt(words: readonly string[], w: number): [string, number] | null {
  const two = wordsKey(`${words[w]} ${words[w + 1] ?? ''}`);
  if (two === 'thi tran') return ['Thị trấn', 2];
  if (two === 'dac khu') return ['Đặc khu', 2];
  const one = wordsKey(words[w]);
  if (one === 'phuong') return ['Phường', 1];
  if (one === 'xa') return ['Xã', 1];
  return null;
}

/**
 * The unit a file's path suggests: "phuong-5/phu-luc.xlsx" → "Phường 5", "xa_an_phu.xlsx" → "Xã an phu" (a file
 * name has often lost its marks, so the name is kept as written); otherwise the file's own name without extension.
 */
export function unitFromPath(path: string): UnitName {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const base = (parts[parts.length - 1] ?? path).replace(/\.[^.]+$/, '');
  for (let i = parts.length - 1; i >= 0; i--) {
    const stem = i === parts.length - 1 ? base : parts[i];
    const words = normalizeText(stem.replace(/[_\-.+]+/g, ' '))
      .split(' ')
      .filter(Boolean);
    for (let w = 0; w < words.length; w++) {
      const level = levelAt(words, w);
      if (!level) continue;
      const name: string[] = [];
      const rest = words.slice(w + level[1]);
      for (let k = 0; k < rest.length; k++) {
        const word = rest[k];
        const stop =
          /^(?:19|20)\d\d$/.test(word) ||
          FILE_STOP.has(wordsKey(word)) ||
          FILE_STOP_PAIRS.has(wordsKey(`${word} ${rest[k + 1] ?? ''}`));
        if (stop || name.length >= MAX_NAME_WORDS) break;
        if (/^\d+$/.test(word)) {
          name.push(String(Number(word)));
          break;
        }
        name.push(word);
      }
      if (name.length > 0) return { unit: `${level[0]} ${name.join(' ')}`, source: 'file' };
    }
  }
  return { unit: base || path, source: 'file' };
}

/** The key two spellings of one unit share: "PHƯỜNG 05", "Phường 5", "phuong 5" → "phuong 5". */
export function unitKey(unit: string): string {
  return wordsKey(unit).replace(/\b0+(\d)/g, '$1');
}
