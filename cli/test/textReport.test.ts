/** Issue 9, item 7: the text report reads in a terminal: lines wrap to its width, names are not cut mid-word. */
import fc from 'fast-check';
import { checkWorkbook } from '../../shared/src/index';
import { renderText, wrap } from '../src/textReport';
import { KPI_SHEET, TASK_SHEET, groupedReport } from '../../shared/test/hosts/groupedReport';

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

describe('renderText: sub-groups and the table extent', () => {
  const lines = (lang: 'vi' | 'en', width = 100) => renderText(groupedReport(lang), lang, width).split('\n');
  /** The lines of the n-th "Theo lĩnh vực / By area" table, from its heading to its total line. */
  const areaTable = (text: string[], n: number) => {
    const starts = text.flatMap((l, i) => (/^ {2}(Theo lĩnh vực|By area):$/.test(l) ? [i] : []));
    const from = starts[n];
    const to = text.findIndex((l, i) => i > from && /^ {2}(Tổng|Total):/.test(l));
    return text.slice(from + 2, to).map((l) => l.trimEnd());
  };

  it('indents each task group under its area in the per-area table', () => {
    expect(areaTable(lines('vi'), 0)).toEqual([
      '    I         CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH                    3         1           1',
      '      1       Xây dựng, ban hành văn bản chỉ đạo, điều hành  2         1           1',
      '      2       Tuyên truyền cải cách hành chính               1         0           0',
      '    II        CẢI CÁCH THỂ CHẾ                               1         0           0',
    ]);
  });

  it('indents each KPI group under its area, in English too', () => {
    expect(areaTable(lines('en'), 1)).toEqual([
      '    VII    XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN…  4     1    1       1        1',
      '      7.1  Hạ tầng số                           2     1    1       0        0',
      '      7.2  Dịch vụ công trực tuyến              2     0    0       1        1',
    ]);
  });

  it("gives each sheet's extent, and the judged column, under its heading line", () => {
    const vi = lines('vi');
    const at = (heading: string) => vi.findIndex((l) => l.startsWith(heading));
    const tasks = at('Trang "Nhiệm vụ"');
    expect(vi.slice(tasks + 1, tasks + 2)).toEqual([
      '  Bảng: dòng 7–15 (dòng số thứ tự cột: 6); kết thúc ở dòng tổng cộng (dòng 15)',
    ]);
    const kpis = at('Trang "Chỉ tiêu"');
    expect(vi.slice(kpis + 1, kpis + 3)).toEqual([
      '  Bảng: dòng 5–11; kết thúc trước khối chữ ký (dòng 13: "Nơi nhận:")',
      '  Đánh giá theo cột E "Kết quả thực hiện / 9 tháng"',
    ]);
    const en = lines('en');
    expect(en).toContain('  Table: rows 7–15 (column-number row: 6); ends at the total row (row 15)');
    expect(en).toContain('  Table: rows 5–11; ends before the signature block (row 13: "Nơi nhận:")');
    expect(en).toContain('  Judged on column E "Kết quả thực hiện / 9 tháng"');
  });

  it.each([80, 100, 120])('keeps the group lines and a long extent line within %i columns', (width) => {
    const endText =
      'Nơi nhận: - UBND quận; - Phòng Nội vụ; - Thường trực Đảng ủy, HĐND phường; - Lưu: VT, VP';
    const report = groupedReport('vi', [
      TASK_SHEET,
      { ...KPI_SHEET, table: { ...KPI_SHEET.table!, endText } },
    ]);
    const text = renderText(report, 'vi', width);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
    expect(text.replace(/\s+/g, ' ')).toContain(`(dòng 13: "${endText}")`);
    expect(text).toMatch(/^ {6}7\.2 +Dịch vụ/m);
  });

  it('has no extent line for a sheet whose report has no table', () => {
    const text = renderText(groupedReport('vi', [{ ...TASK_SHEET, table: null }]), 'vi');
    expect(text).not.toContain('Bảng:');
    expect(text).toMatch(/^ {6}1 +Xây dựng/m);
  });
});
