import { cutMark, EXCEL_CELL_CHARS, fitCell } from '../../src/text/cellLimit';

describe('fitCell', () => {
  it('is Excel’s limit', () => expect(EXCEL_CELL_CHARS).toBe(32_767));

  it.each([0, 1, 100, EXCEL_CELL_CHARS])('keeps a text of %d characters as it is', (n) => {
    const text = 'a'.repeat(n);
    expect(fitCell(text) === text).toBe(true);
  });

  it.each([
    [EXCEL_CELL_CHARS + 1, 'vi'],
    [EXCEL_CELL_CHARS + 1, 'en'],
    [100_000, 'vi'],
    [1_000_000, 'en'],
  ] as const)('cuts a text of %d characters to the limit, ending with the mark (%s)', (n, lang) => {
    const text = 'x'.repeat(n);
    const cut = fitCell(text, lang);
    expect(cut).toHaveLength(EXCEL_CELL_CHARS);
    expect(cut.endsWith(cutMark(lang))).toBe(true);
    expect(text.startsWith(cut.slice(0, -cutMark(lang).length))).toBe(true);
  });

  it('marks in Vietnamese by default, in English on request', () => {
    const long = 'ô'.repeat(EXCEL_CELL_CHARS + 5);
    expect(fitCell(long)).toMatch(/… \[đã cắt bớt\]$/);
    expect(fitCell(long, 'en')).toMatch(/… \[truncated\]$/);
  });

  it('never splits a surrogate pair that straddles the cut', () => {
    for (const lang of ['vi', 'en'] as const) {
      const keep = EXCEL_CELL_CHARS - cutMark(lang).length;
      // The pair's high half is the last unit that would be kept, its low half the first cut away.
      const text = 'a'.repeat(keep - 1) + '😀' + 'b'.repeat(100);
      const cut = fitCell(text, lang);
      // Compared as booleans: a failure would print 32,767 characters.
      expect(cut === 'a'.repeat(keep - 1) + cutMark(lang)).toBe(true);
      expect(cut.length).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
      expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      // A pair that ends just before the cut is kept whole.
      const whole = 'a'.repeat(keep - 2) + '😀' + 'b'.repeat(100);
      expect(fitCell(whole, lang) === 'a'.repeat(keep - 2) + '😀' + cutMark(lang)).toBe(true);
    }
  });

  it('fits a smaller limit (room left in a note) the same way', () => {
    expect(fitCell('abcdefghijklmnopqrstuvwxyz', 'en', 20)).toBe('abcdefg… [truncated]');
    expect(fitCell('abc', 'en', 3)).toBe('abc');
    expect(() => fitCell('abcdefghijklmnopqrstuvwxyz', 'en', 5)).toThrow(RangeError);
  });
});
