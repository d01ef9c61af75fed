/** Issue 9, item 7: the text report reads in a terminal: lines wrap to its width, names are not cut mid-word. */
import fc from 'fast-check';
import { checkWorkbook } from '../../shared/src/index';
import { renderText, wrap } from '../src/textReport';

describe('wrap', () => {
  it('keeps every word in order, each line within the width, with the prefixes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zàáâãèéêìíòóôõùúýăđơư]{1,15}$/), { maxLength: 40 }),
        fc.integer({ min: 30, max: 120 }),
        (words, width) => {
          const lines = wrap(words.join(' '), width, 'E7     ', '       ');
          for (const l of lines) expect([...l].length).toBeLessThanOrEqual(width);
          expect(lines[0].startsWith('E7')).toBe(true);
          for (const l of lines.slice(1)) expect(l.startsWith('       ')).toBe(true);
          const back = lines.join(' ').split(/\s+/).filter(Boolean).slice(1);
          expect(back).toEqual(words);
        },
      ),
    );
  });

  it('cuts a word longer than a line where the line ends', () => {
    expect(wrap('x'.repeat(50), 30)).toEqual(['x'.repeat(30), 'x'.repeat(20)]);
    expect(wrap('', 30, '  ')).toEqual(['']);
  });
});

describe('renderText', () => {
  const long =
    'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS), Chỉ số hiệu quả quản trị và hành chính công (PAPI), ' +
    'Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của tỉnh năm 2025 cao hơn năm 2024';
  const report = checkWorkbook(
    [
      {
        name: 'Chỉ tiêu',
        values: [
          ['CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
          ['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu năm 2025', 'Kết quả thực hiện'],
          ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH VÀ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH TRÊN ĐỊA BÀN PHƯỜNG'],
          [1, 'Xếp hạng các chỉ số của tỉnh', long, ''],
        ],
      },
    ],
    { today: '2025-07-01', asOf: '2025-07-01' },
  );

  // Below about 78 columns the per-area table of a KPI sheet cannot fit its seven headings; text still wraps.
  it.each([80, 100, 120])('keeps every line within %i columns', (width) => {
    const text = renderText(report, 'vi', width);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
    // The whole target is still there, wrapped, not cut.
    expect(text.replace(/\s+/g, ' ')).toContain('cao hơn năm 2024');
  });

  it('cuts an area name only between words', () => {
    const text = renderText(report, 'vi', 80);
    const row = text.split('\n').find((l) => l.trim().startsWith('I ')) ?? '';
    const shown = /CÔNG TÁC[^…]*…/.exec(row)?.[0] ?? '';
    const name = 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH VÀ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH TRÊN ĐỊA BÀN PHƯỜNG';
    // What is shown is the name up to a whole word, then "…".
    expect(shown.endsWith('…')).toBe(true);
    const kept = shown.slice(0, -1);
    expect(name.startsWith(kept)).toBe(true);
    expect(name[kept.length] === ' ' || name[kept.length] === ',').toBe(true);
  });
});
