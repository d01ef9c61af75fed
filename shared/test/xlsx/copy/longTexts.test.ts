/**
 * Issue 18, item 16: Excel calls a file corrupt when a cell or a note holds more than 32,767 characters. The
 * checked copy of a file with a sheet named with a million characters, or a task text of a million, must hold
 * no such cell or note of ours; what was cut ends with the mark.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkWorkbook } from '../../../src/index';
import { cutMark, EXCEL_CELL_CHARS } from '../../../src/text/cellLimit';
import { readXlsx } from '../../../src/xlsx';
import { checkedCopy } from '../../../src/xlsx/copy';
import { extendComments } from '../../../src/xlsx/copy/notes';
import { MAIN_NS } from '../../../src/xlsx/namespaces';
import { editableText } from '../../../src/xlsx/copy/xmlEdit';
import { cellTexts, noteTexts, SAMPLE_TASKS, sampleWith, tooLong } from './writtenTexts';

const MILLION = 1_000_000;

function copyOf(input: Uint8Array, lang: 'vi' | 'en') {
  const report = checkWorkbook(readXlsx(input), {
    asOf: '2025-10-15',
    today: '2025-10-15',
    file: 'phu-luc.xlsx',
    lang,
  });
  return checkedCopy(input, report, lang);
}

const resultsSheet = (copy: Uint8Array) => readXlsx(copy).at(-1)!;
const textsOf = (sheet: ReturnType<typeof resultsSheet>) =>
  sheet.values.flat().filter((v): v is string => typeof v === 'string');

describe.each(['vi', 'en'] as const)('the checked copy holds no cell or note over 32,767 (%s)', (lang) => {
  const mark = cutMark(lang);

  it('of a sheet named with a million characters', () => {
    // With emoji in the name, a surrogate pair split by the cut would show as a lone half.
    const name = 'Nhiệm vụ 😀 '.repeat(MILLION / 12);
    const copy = copyOf(sampleWith({ sheetName: name }), lang);
    // Every cell of the package: the user's own cells are ordinary here, so none may be long.
    expect(tooLong(cellTexts(copy), EXCEL_CELL_CHARS)).toEqual([]);
    expect(tooLong(noteTexts(copy), EXCEL_CELL_CHARS)).toEqual([]);
    const cut = textsOf(resultsSheet(copy)).filter((t) => t.includes('Nhiệm vụ 😀 Nhiệm vụ'));
    expect(cut.length).toBeGreaterThan(0);
    for (const t of cut) {
      expect(t.endsWith(mark)).toBe(true);
      expect(t.length).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
      expect(t).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
    // A link to a sheet no spreadsheet can name is left out rather than written a megabyte long.
    const xml = strFromU8(unzipSync(copy)['xl/worksheets/sheet3.xml']);
    for (const m of xml.matchAll(/location="([^"]*)"/g)) expect(m[1].length).toBeLessThanOrEqual(255);
    expect(xml.length).toBeLessThan(20 * EXCEL_CELL_CHARS);
  });

  it('of a task whose deadline is a million characters long', () => {
    const deadline = 'Quý V '.repeat(MILLION / 6 + 1).slice(0, MILLION);
    const copy = copyOf(sampleWith({ deadline }), lang);
    // The user's cell is the user's: kept as it was, byte for byte. Every cell we wrote fits.
    const tasks = readXlsx(copy).find((s) => s.name === SAMPLE_TASKS)!;
    expect(tasks.values[9][4] === deadline).toBe(true);
    expect(tooLong(cellTexts(copy, [SAMPLE_TASKS]), EXCEL_CELL_CHARS)).toEqual([]);
    const notes = noteTexts(copy);
    expect(tooLong(notes, EXCEL_CELL_CHARS)).toEqual([]);
    const note = notes.find((n) => n.where.endsWith('!E10'))!;
    expect(
      note.text.startsWith(lang === 'vi' ? 'Không hiểu được thời hạn "Quý V' : 'Cannot understand'),
    ).toBe(true);
    expect(note.text.endsWith(mark)).toBe(true);
    const listed = textsOf(resultsSheet(copy)).filter((t) => t.includes('Quý V Quý V'));
    expect(listed.length).toBeGreaterThan(0);
    for (const t of listed) expect(t.endsWith(mark)).toBe(true);
  });
});

describe('a note of ours added to the user’s own note', () => {
  /** A comments part with the user's note on E10: `text` is the inside of its <text>. */
  function userNote(text: string): Uint8Array {
    return strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>Phường 5</author></authors>` +
        `<commentList><comment ref="E10" authorId="0"><text>${text}</text></comment></commentList></comments>`,
    );
  }
  const ours = (n: number) => ({ row: 10, column: 5, ref: 'E10', text: 'ô'.repeat(n) });
  const extend = (bytes: Uint8Array, text: string) =>
    extendComments(bytes, editableText(bytes, 'xl/comments1.xml'), 'xl/comments1.xml', 'Kiểm tra CCHC', [
      { ...ours(0), text },
    ]);
  const noteOf = (bytes: Uint8Array) => noteTexts(zipSync({ 'xl/comments1.xml': bytes }))[0].text;

  it('gets the room the user’s text leaves, counted in characters, not bytes', () => {
    // 30,000 characters, 90,000 bytes of UTF-8 and entities: counted by bytes, no room would be left.
    const mine = 'ế&amp;'.repeat(15_000);
    const done = extend(userNote(`<t>${mine}</t>`), ours(5_000).text);
    const note = noteOf(done.bytes);
    expect(note).toHaveLength(EXCEL_CELL_CHARS);
    expect(note.startsWith(`${'ế&'.repeat(15_000)}\n\nôôô`)).toBe(true);
    expect(note.endsWith(cutMark('vi'))).toBe(true);
    expect(done.shaped).toEqual([]);
  });

  it('leaves phonetic runs out of the count, as Excel does', () => {
    const done = extend(
      userNote(`<r><t>${'a'.repeat(20_000)}</t></r><rPh sb="0" eb="1"><t>${'b'.repeat(20_000)}</t></rPh>`),
      ours(100).text,
    );
    expect(noteOf(done.bytes) === `${'a'.repeat(20_000)}\n\n${'ô'.repeat(100)}`).toBe(true);
  });

  it('is left out when the user’s note is already full; theirs stays byte for byte', () => {
    const full = userNote(`<t>${'a'.repeat(EXCEL_CELL_CHARS - 5)}</t>`);
    const done = extend(full, ours(40_000).text);
    expect(Buffer.from(done.bytes).equals(Buffer.from(full))).toBe(true);
    expect(done.shaped).toEqual([]);
  });
});
