/**
 * Issue 11, item 6: cells that are not what they seem each get one finding saying what they are, never a silent
 * pass: formula errors in a lead, a progress, a target or a result; TRUE/FALSE where text belongs; a "date" that
 * is no date; a formula the file never calculated (read through the .xlsx reader, which notes such cells).
 */
import { checkWorkbook, type SheetGrid } from '../../src/index';
import { readXlsx } from '../../src/xlsx';
import { buildPackage } from '../xlsx/package';

const tasks: SheetGrid = {
  name: 'Nhiệm vụ',
  values: [
    ['DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
    ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tiến độ'],
    ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH'],
    [1, 'Ban hành kế hoạch', '#REF!', 'Quý I', 'Đã hoàn thành'],
    [2, 'Kiểm tra công tác CCHC', 'Văn phòng', 'Quý II', '#N/A'],
    [3, 'Tuyên truyền CCHC', true, 3e9, true],
  ],
  numberFormats: [[], [], [], [], [], [null, null, null, 'dd/mm/yyyy']],
};

const kpis: SheetGrid = {
  name: 'Chỉ tiêu',
  values: [
    ['CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
    ['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu năm 2025', 'Kết quả thực hiện'],
    [1, 'Tỷ lệ hồ sơ giải quyết đúng hạn', '#VALUE!', '96%'],
    [2, 'Tỷ lệ hồ sơ trực tuyến toàn trình', 'Tối thiểu 80%', '#DIV/0!'],
  ],
};

describe('cells that are not what they seem', () => {
  const report = checkWorkbook([tasks, kpis], { asOf: '2025-10-15', lang: 'vi' });
  const [t, k] = report.sheets;
  const at = (s: typeof t, cell: string) => s.findings.filter((f) => f.cell === cell);

  it('reports a formula error in a lead, a progress, a target or a result as such, once', () => {
    for (const [s, cell, value] of [
      [t, 'C4', '#REF!'],
      [t, 'E5', '#N/A'],
      [k, 'C3', '#VALUE!'],
      [k, 'D4', '#DIV/0!'],
    ] as const) {
      const found = at(s, cell);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ code: 'cell/unusable', severity: 'error' });
      expect(found[0].message).toContain(`lỗi công thức ${value}`);
    }
    expect(report.valid).toBe(false);
    expect(k.kpis[1].status).toBe('no-data');
  });

  it('reports TRUE/FALSE where text belongs but takes a ticked box in Tiến độ as done', () => {
    expect(at(t, 'C6')[0].message).toContain('giá trị đúng/sai (TRUE)');
    expect(at(t, 'E6')).toEqual([]);
    expect(t.tasks[2].status).toBe('done');
  });

  it('reports a number under a date format that is no date', () => {
    expect(at(t, 'D6')).toHaveLength(1);
    expect(at(t, 'D6')[0].message).toContain('định dạng ngày nhưng số 3000000000 không phải một ngày');
  });

  it('says to open and save a file whose formulas were never calculated, not that the cell is empty', () => {
    const bytes = buildPackage({
      sheets: [
        {
          name: 'Chỉ tiêu',
          rows:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025</t></is></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><t>STT</t></is></c><c r="B2" t="inlineStr"><is><t>Chỉ tiêu</t></is></c>' +
            '<c r="C2" t="inlineStr"><is><t>Chỉ tiêu phấn đấu</t></is></c><c r="D2" t="inlineStr"><is><t>Kết quả thực hiện</t></is></c></row>' +
            '<row r="3"><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><t>Tỷ lệ hồ sơ đúng hạn</t></is></c>' +
            '<c r="C3" t="inlineStr"><is><t>Tối thiểu 80%</t></is></c><c r="D3"><f>E3/F3</f></c></row>',
        },
      ],
    });
    const grids = readXlsx(bytes);
    expect(grids[0].uncalculated).toEqual(['D3']);
    const r = checkWorkbook(grids, { asOf: '2025-10-15', lang: 'en' });
    const found = r.sheets[0].findings.filter((f) => f.cell === 'D3');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('never calculated');
    expect(found[0].message).toContain('open the file in Excel, save it');
  });
});
