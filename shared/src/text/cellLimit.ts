/**
 * Excel reports a file as corrupt when one cell (or one note) holds more than 32,767 characters, counted as
 * UTF-16 code units of the value, not of its XML. Hostile or broken input can bring longer texts (a sheet
 * named with a megabyte, a 100,000-character --unit), so every text we write into a cell passes through here
 * first, before it is escaped. A text that is cut says so at its end, so nobody takes it for the whole.
 */
import type { Lang } from '../report/messages';

/** The most characters (UTF-16 code units) Excel accepts in a cell's value or a note's text. */
export const EXCEL_CELL_CHARS = 32_767;

const MARKS: Record<Lang, string> = {
  vi: '… [đã cắt bớt]',
  en: '… [truncated]',
};

/** The mark a cut text ends with. */
export function cutMark(lang: Lang): string {
  return MARKS[lang];
}

/**
 * `text` as it fits in `limit` code units (a cell's by default): unchanged when it fits, otherwise its start
 * followed by the mark, the whole at most `limit` long. A surrogate pair is never split: half an emoji is a lone
 * surrogate, which XML cannot hold. `limit` must leave room for the mark and one character.
 */
export function fitCell(text: string, lang: Lang = 'vi', limit: number = EXCEL_CELL_CHARS): string {
  if (text.length <= limit) return text;
  const mark = MARKS[lang];
  if (limit <= mark.length) throw new RangeError(`no room for the cut mark in ${limit} characters`);
  let end = limit - mark.length;
  const last = text.charCodeAt(end - 1);
  const next = text.charCodeAt(end);
  if (last >= 0xd800 && last <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) end--;
  return text.slice(0, end) + mark;
}
