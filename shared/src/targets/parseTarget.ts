/**
 * Reads the target cell of a KPI row ("Tối thiểu 80%", "Trên 90% cán bộ …", "tối đa 15 phút/01 lượt giao dịch",
 * "Không có sai phạm") into comparable targets. One cell may hold several targets; some cells state no number on
 * purpose ("Theo quy định"), and those are told apart from cells we simply could not read.
 */
import type { Op, Target } from '../report/schema';
import { cellText, normalizeText } from '../text/normalize';
import { findNumbers, foldSameLength, unitAt, type NumberToken } from './number';

/** Read-only: cells with the same wording share one memoised result. */
export interface ParsedTargets {
  readonly targets: readonly Readonly<Target>[];
  /** True when the cell is recognised as not measurable from the cell alone ("cao hơn năm 2024"). */
  readonly qualitative: boolean;
}

type Qualifier = { op: Op; weak: boolean };

// Words before a number that set how it is compared, folded (no diacritics). Weak ones ("đạt", "từ") only
// mean "at least" and give way to a stronger word after the number ("từ 80% trở lên").
const WORD_QUALIFIERS: [string, Op, boolean][] = [
  ['khong thap hon', '>=', false],
  ['khong it hon', '>=', false],
  ['khong nho hon', '>=', false],
  ['khong duoi', '>=', false],
  ['lon hon hoac bang', '>=', false],
  ['tren hoac bang', '>=', false],
  ['toi thieu', '>=', false],
  ['it nhat', '>=', false],
  ['khong vuot qua', '<=', false],
  ['khong qua', '<=', false],
  ['khong cao hon', '<=', false],
  ['khong lon hon', '<=', false],
  ['khong nhieu hon', '<=', false],
  ['nho hon hoac bang', '<=', false],
  ['duoi hoac bang', '<=', false],
  ['toi da', '<=', false],
  ['cao hon', '>', false],
  ['lon hon', '>', false],
  ['nhieu hon', '>', false],
  ['hon', '>', false],
  ['tren', '>', false],
  ['thap hon', '<', false],
  ['nho hon', '<', false],
  ['it hon', '<', false],
  ['duoi', '<', false],
  ['day du', '>=', false],
  ['phan dau', '>=', true],
  ['hoan thanh', '>=', true],
  ['dat', '>=', true],
  ['het', '>=', true],
  ['tu', '>=', true],
];
const SYMBOL_QUALIFIERS: [string, Op][] = [
  ['>=', '>='],
  ['=>', '>='],
  ['\u2265', '>='],
  ['<=', '<='],
  ['=<', '<='],
  ['\u2264', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];
const QUALIFIERS = new Map<string, Qualifier>();
for (const [w, op, weak] of WORD_QUALIFIERS) QUALIFIERS.set(w, { op, weak });
for (const [s, op] of SYMBOL_QUALIFIERS) QUALIFIERS.set(s, { op, weak: false });

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Words that may stand between the qualifier and the number: "tối thiểu đạt 80%", "tối thiểu bình quân 1%".
const FILLERS = ['o muc', 'binh quan', 'trung binh', 'ty le', 'dat', 'tu', 'muc', 'la', 'con', 'duoc'];
/** A qualifier, then fillers, at the very end of the text before a number. Group 1: word; group 2: symbol. */
const QUALIFIER_BEFORE = new RegExp(
  `(?:(?<![a-z0-9])(${WORD_QUALIFIERS.map((q) => escape(q[0])).join('|')})|(${SYMBOL_QUALIFIERS.map((q) =>
    escape(q[0]),
  ).join('|')}))(?:\\s*:|\\s+(?:${FILLERS.join('|')})(?![a-z]))*\\s*:?\\s*$`,
);
/** "… trở lên" (at least), "… trở xuống", "… trở lại" (at most), a few words after the number. */
const QUALIFIER_AFTER = /^[^;\d]{0,40}?(?<![a-z])tro (len|xuong|lai)(?![a-z])/;
/** "6 tháng đầu năm": a period of the year, not a count. */
const PERIOD_AFTER = /^ ?(?:dau|cuoi|giua)(?![a-z])/;
const PERIOD_UNITS = new Set(['tháng', 'quý', 'năm', 'tuần']);
/** "Không có sai phạm", "Không để xảy ra sai sót": a count that must be zero. */
const NONE_OF = /(?<![a-z])khong (?:co|de xay ra|xay ra|de)(?= \p{L})/u;
/** Where one clause of a cell ends: ";", a bullet " - " or " + ", the end of a sentence. */
const CLAUSE_SEP = /;|\s[-+•]\s|^[-+•]\s|\.\s/g;
/** Joints between two targets of one clause. */
const JOINT = /,|(?<![a-z])(?:va|trong so do|trong do)(?![a-z])/g;
const LEAD_TRIM = /^(?:[\s,;:.\-+•*]|(?:va|trong so do|trong do)(?![a-z]))+/;
const TAIL_TRIM = /(?:[\s,;:.\-+•*]|(?<![a-z])(?:va|trong so do|trong do))+$/;
const HAS_LETTER_OR_DIGIT = /[\p{L}\d]/u;
const ONLY_PUNCT = /^[\s.,;:+-]*$/;
/** Cells that state on purpose no number to compare with. */
const QUALITATIVE =
  /(?<![a-z])(?:cao hon|thap hon|tang|giam|theo|duy tri|nang cao|kip thoi|dam bao|bao dam|dung quy dinh|dung han|dung tien do|thuc hien tot|hoan thanh|day du|thuong xuyen|cai thien|giu vung|tiep tuc|hieu qua|chat luong|trien khai)(?![a-z])/;

interface Found {
  target: Omit<Target, 'text'>;
  /** Where the target's wording starts (its qualifier, else its number) and ends (unit or "trở lên"). */
  start: number;
  end: number;
  clause: number;
}

const MEMO_LIMIT = 4000;
const memo = new Map<string, ParsedTargets>();

/**
 * Parses a target cell. Never throws; results are memoised by the raw string because the same few wordings fill
 * whole workbooks.
 */
export function parseTargets(raw: string): ParsedTargets {
  const input = typeof raw === 'string' ? raw : cellText(raw);
  let result = memo.get(input);
  if (result === undefined) {
    let computed: ParsedTargets;
    try {
      computed = compute(input);
    } catch {
      computed = { targets: [], qualitative: false };
    }
    // Frozen and shared: a KPI table repeats a few wordings down thousands of rows, so no copy per row.
    result = Object.freeze({
      targets: Object.freeze(computed.targets.map((t) => Object.freeze({ ...t }))),
      qualitative: computed.qualitative,
    });
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
    memo.set(input, result);
  }
  return result;
}

function compute(raw: string): ParsedTargets {
  const text = normalizeText(raw);
  if (text === '' || !HAS_LETTER_OR_DIGIT.test(text)) return { targets: [], qualitative: false };
  const key = foldSameLength(text);
  const clauses = clauseRanges(key);
  const tokens = findNumbers(text, key);
  const found: Found[] = [];
  const whole =
    tokens.length === 1 && ONLY_PUNCT.test(key.slice(0, tokens[0].start) + key.slice(tokens[0].unitEnd));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const clause = clauseOf(clauses, t.start);
    const [clauseStart, clauseEnd] = clauses[clause];
    const prevEnd = i > 0 ? tokens[i - 1].unitEnd : 0;
    const windowStart = Math.max(prevEnd, clauseStart, t.start - 60);
    const pre = QUALIFIER_BEFORE.exec(key.slice(windowStart, t.start));
    const nextStart = i + 1 < tokens.length ? tokens[i + 1].start : key.length;
    const post = QUALIFIER_AFTER.exec(key.slice(t.unitEnd, Math.min(nextStart, clauseEnd)));
    const preQ = pre ? QUALIFIERS.get(pre[1] ?? pre[2]) : undefined;
    if (!t.percent && !whole && !acceptsCount(t, key, preQ, post !== null)) continue;
    let op: Op = '>=';
    if (preQ && !preQ.weak) op = preQ.op;
    else if (post) op = post[1] === 'len' ? '>=' : '<=';
    else if (preQ) op = preQ.op;
    found.push({
      target: { op, value: t.value, unit: t.unit },
      start: pre ? windowStart + pre.index : t.start,
      end: post ? t.unitEnd + post.index + post[0].length : t.unitEnd,
      clause,
    });
  }
  addNoneOf(text, key, clauses, found);
  if (found.length === 0) {
    const qualitative = !text.includes('%') && QUALITATIVE.test(key);
    return { targets: [], qualitative };
  }
  return { targets: withFragments(text, key, clauses, found), qualitative: false };
}

/** A number that is not a percentage counts only after a qualifier ("tối đa 15 phút", "đầy đủ 02 hoạt động"). */
function acceptsCount(t: NumberToken, key: string, pre: Qualifier | undefined, post: boolean): boolean {
  if (!pre && !post) return false;
  // "từ" alone also opens periods and years ("từ 6 tháng đầu năm", "từ 2024").
  if (
    !post &&
    pre?.weak &&
    key
      .slice(Math.max(0, t.start - 4), t.start)
      .trimEnd()
      .endsWith('tu')
  )
    return false;
  if (t.unit === '' && t.raw.length === 4 && t.value >= 1900 && t.value <= 2100) return false;
  if (PERIOD_UNITS.has(t.unit) && PERIOD_AFTER.test(key.slice(t.unitEnd, t.unitEnd + 6))) return false;
  return true;
}

/** "Không có sai phạm": a zero count, for clauses that state no number. */
function addNoneOf(text: string, key: string, clauses: [number, number][], found: Found[]): void {
  for (let c = 0; c < clauses.length; c++) {
    if (found.some((f) => f.clause === c)) continue;
    const [start, end] = clauses[c];
    const m = NONE_OF.exec(key.slice(start, end));
    if (!m) continue;
    const u = unitAt(text, key, start + m.index + m[0].length);
    if (u.unit === '') continue;
    found.push({
      target: { op: '=', value: 0, unit: u.unit },
      start: start + m.index,
      end: u.end,
      clause: c,
    });
  }
  found.sort((a, b) => a.start - b.start);
}

function clauseRanges(key: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  CLAUSE_SEP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_SEP.exec(key)) !== null) {
    if (m[0] === '') {
      CLAUSE_SEP.lastIndex++;
      continue;
    }
    if (m.index > start) ranges.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < key.length || ranges.length === 0) ranges.push([start, key.length]);
  return ranges;
}

function clauseOf(ranges: [number, number][], pos: number): number {
  for (let i = 0; i < ranges.length; i++) if (pos < ranges[i][1]) return i;
  return ranges.length - 1;
}

/** Gives each target the part of its clause it came from: clauses with two targets are cut at "," or "và". */
function withFragments(text: string, key: string, clauses: [number, number][], found: Found[]): Target[] {
  const out: Target[] = [];
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    const [clauseStart, clauseEnd] = clauses[f.clause];
    const prev = i > 0 && found[i - 1].clause === f.clause ? found[i - 1] : null;
    const next = i + 1 < found.length && found[i + 1].clause === f.clause ? found[i + 1] : null;
    const from = prev ? joint(key, prev.end, f.start).resume : clauseStart;
    const to = next ? joint(key, f.end, next.start).cut : clauseEnd;
    out.push({ text: trimFragment(text, key, Math.min(from, f.start), Math.max(to, f.end)), ...f.target });
  }
  return out;
}

/** The last joint between two targets: where the first one's text stops and the second one's resumes. */
function joint(key: string, a: number, b: number): { cut: number; resume: number } {
  if (b <= a) return { cut: b, resume: b };
  const between = key.slice(a, b);
  JOINT.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = JOINT.exec(between)) !== null) last = m;
  if (!last) return { cut: b, resume: b };
  return { cut: a + last.index, resume: a + last.index + last[0].length };
}

function trimFragment(text: string, key: string, from: number, to: number): string {
  const slice = key.slice(from, to);
  const lead = LEAD_TRIM.exec(slice);
  const tail = TAIL_TRIM.exec(slice);
  const s = from + (lead ? lead[0].length : 0);
  const e = tail && tail.index >= (lead ? lead[0].length : 0) ? from + tail.index : to;
  return e > s ? text.slice(s, e) : text.slice(from, to).trim();
}
