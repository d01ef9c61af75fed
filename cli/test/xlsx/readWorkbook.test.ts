import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  readWorkbook,
  readWorkbookBuffer,
  WorkbookReadError,
  type WorkbookReadErrorCode,
} from '../../src/xlsx/readWorkbook';
import { SEED000_HEADER, SEED002_TASK_HEADER } from '../fixtures/seeds';
import { at, failure, fixture, formatAt, rowValues, sheet, tempDir } from './helpers';

/** Excel's serial number of a day (1900 system): what an .xlsx stores for a date cell. */
function serial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + 25569;
}

describe('readWorkbook on the fixtures', () => {
  test('seed000-tasks.xlsx: plain layout, repeated headers, the source defects', async () => {
    const grids = await readWorkbook(fixture('seed000-tasks.xlsx'));
    expect(grids.map((g) => g.name)).toEqual(['Phụ lục']);
    const g = grids[0];
    expect(g.origin).toEqual({ row: 1, column: 1 });
    expect(g.values).toHaveLength(52);
    expect(at(g, 'A1')).toBe('Phụ lục');
    expect(at(g, 'A2')).toBe('DANH MỤC CÁC NHIỆM VỤ CCHC NĂM 2025');
    expect(String(at(g, 'A3'))).toMatch(/^\(Ban hành kèm theo Quyết định số 36\/KH-UBND/);
    expect(rowValues(g, 4)).toEqual([]);
    for (const r of [5, 13, 23, 31, 40, 49]) expect(rowValues(g, r)).toEqual(SEED000_HEADER);

    expect(at(g, 'A6')).toBe(
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH (Công chức Văn phòng - thống kê hướng dẫn thực hiện)',
    );
    expect(at(g, 'B6')).toBeNull(); // inside the merged area row
    expect(rowValues(g, 7)).toEqual([
      '1. Triển khai  kế hoạch thực hiện nhiệm vụ CCHC Năm 2025',
      'Công chức VP-TK',
      'Các ngành có liên quan',
      'UBND phường',
      'Tháng 02 năm 2025',
    ]);
    expect(at(g, 'A34')).toBe(
      'Kiểm tra việc thực hiện các quy định về phân cấp quản lý do Chính phủ, UBND tỉnh ban hành',
    );
    expect(at(g, 'A39')).toMatch(/^1\. Tham mưu các văn bản/);
    expect(at(g, 'E39')).toBeNull();
    expect(rowValues(g, 44)).toEqual([
      '5. Thực hiện giải ngân Kế hoạch đầu tư vốn Ngân sách nhà nước trên 90%',
      'Công chức TC-KT',
      null,
      'UBND phường',
      'Thường xuyên',
    ]);
    expect(at(g, 'A45')).toMatch(
      /^VII\. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ \(Công chức Văn hóa - xã hội, /,
    );
    expect(at(g, 'A52')).toMatch(
      /^6\. Tiếp tục triển khai thực hiện việc áp dụng hệ thống quản lý chất lượng/,
    );

    expect([...(g.merges ?? [])].sort()).toEqual(
      [
        'A1:E1',
        'A2:E2',
        'A3:E3',
        'A6:E6',
        'A17:E17',
        'A21:E21',
        'A33:E33',
        'A35:E35',
        'A38:E38',
        'A45:E45',
      ].sort(),
    );
    // Text only: no number format anywhere.
    expect(g.numberFormats?.flat().filter((f) => f !== null)).toEqual([]);
    const tasks = g.values.filter(
      (row, i) => i >= 5 && typeof row[1] === 'string' && row[1] !== SEED000_HEADER[1],
    );
    expect(tasks).toHaveLength(35);
  });

  test('seed002.xlsx "Phụ lục 1": two-row header, hierarchical STT, merged 7.2 block', async () => {
    const g = sheet(await readWorkbook(fixture('seed002.xlsx')), 'Phụ lục 1');
    expect(g.values).toHaveLength(49);
    expect(at(g, 'A1')).toBe('ỦY BAN NHÂN DÂN');
    expect(at(g, 'C1')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(at(g, 'A2')).toBe('PHƯỜNG AN NHƠN ĐÔNG');
    expect(at(g, 'A4')).toBe('PHỤ LỤC 1');
    for (const top of [8, 14, 22, 30, 41]) {
      expect(rowValues(g, top)).toEqual([
        'STT',
        'Chỉ tiêu/Chỉ tiêu thành phần',
        'Chỉ tiêu phấn đấu năm 2025',
        'Trách nhiệm cụ thể',
      ]);
      expect(rowValues(g, top + 1)).toEqual([
        null,
        null,
        null,
        'Đơn vị theo dõi, hướng dẫn thực hiện',
        'Đơn vị thực hiện',
      ]);
    }
    const merges = new Set(g.merges?.map(String));
    for (const m of ['A8:A9', 'B8:B9', 'C8:C9', 'D8:E8', 'D33:D40', 'E33:E40', 'D43:D48', 'E43:E48'])
      expect(merges).toContain(m);

    expect(at(g, 'A10')).toBe(1);
    expect(at(g, 'C10')).toBeNull();
    expect(at(g, 'A11')).toBe('1.1');
    expect(at(g, 'C11')).toBeNull();
    expect(at(g, 'E11')).toBe('Trung tâm phục vụ hành chính công');
    expect(at(g, 'A16')).toBe('1.4');
    expect(at(g, 'A17')).toBe('1.4');
    expect(at(g, 'C16')).toBe('Tối thiểu 60% số cơ quan chuyên môn thuộc UBND phường');
    expect(at(g, 'C21')).toBe(
      '- 100% thủ tục hành chính nội bộ giữa các cơ quan hành chính nhà nước được công bố, công khai kịp thời;\n- Thực hiện rút ngắn thời gian giải quyết 20% thủ tục hành chính nội bộ.',
    );
    expect(at(g, 'C25')).toBe('Theo các văn bản quy định của Nhà nước');
    expect(at(g, 'C26')).toBe('Trên 90% cán bộ, công chức đạt chuẩn theo quy định.');
    expect(at(g, 'A32')).toBe('7.2');
    expect(at(g, 'C32')).toBeNull();
    expect(at(g, 'A33')).toBeNull();
    expect(at(g, 'B33')).toBe('Tỷ lệ TTHC được cung cấp dịch vụ công trực tuyến');
    expect(at(g, 'C33')).toBe('100%');
    expect(at(g, 'D33')).toBe('Trung tâm phục vụ hành chính công phường');
    expect(at(g, 'E33')).toBe('Các cơ quan, đợn vị chuyên môn thuộc UBND phường');
    expect(at(g, 'D34')).toBeNull(); // covered by D33:D40
    expect(at(g, 'D43')).toBe('Trung tâm phục vụ hành chính công phường');
    expect(at(g, 'C48')).toBe('95%');
    expect(at(g, 'A49')).toBe('7.3');
  });

  test('seed002.xlsx "Phụ lục 2": area numerals in TT, tasks 1…27, two-milestone deadlines', async () => {
    const grids = await readWorkbook(fixture('seed002.xlsx'));
    expect(grids.map((x) => x.name)).toEqual(['Phụ lục 1', 'Phụ lục 2']);
    const g = sheet(grids, 'Phụ lục 2');
    expect(g.values).toHaveLength(47);
    for (const r of [8, 14, 18, 24, 33, 39]) expect(rowValues(g, r)).toEqual(SEED002_TASK_HEADER);
    expect(rowValues(g, 9)).toEqual(['I', 'CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH']);
    expect(g.merges).toContain('B9:F9');
    expect(at(g, 'A10')).toBe(1);
    expect(at(g, 'F10')).toBe('Ban hành kế hoạch: Tháng 7;\nThực hiện: Cả năm');
    expect(at(g, 'C10')).toBe(
      '- Quyết định ban hành Kế hoạch của UBND phường;\n- Nâng cao sự hiểu biết của cán bộ, công chức, viên chức và nhân dân về cải cách hành chính.',
    );
    expect(at(g, 'B13')).toBe(
      'Kế hoạch triển khai đánh giá, xác định chỉ số cải cách hành chính năm 2025 đối với các cơ quan, đơn vị của UBND phường',
    );
    expect(at(g, 'F16')).toBe('Theo Kế hoạch của tỉnh');
    expect(at(g, 'A44')).toBe('VII');
    expect(at(g, 'A47')).toBe(27);
    expect(at(g, 'F47')).toBe('Theo lộ trình của tỉnh');
    const numbers = g.values.map((row) => row[0]).filter((v): v is number => typeof v === 'number');
    expect(numbers).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
  });

  test('kpi-001-004.xlsx: results as numbers with % formats, text, blank', async () => {
    const grids = await readWorkbook(fixture('kpi-001-004.xlsx'));
    expect(grids.map((x) => x.name)).toEqual(['Chỉ tiêu']);
    const g = grids[0];
    expect(at(g, 'A1')).toBe('KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025');
    expect(rowValues(g, 4)).toEqual([
      'STT',
      'Chỉ tiêu',
      'Chỉ tiêu phấn đấu năm 2025',
      'Kết quả thực hiện',
      'Ghi chú',
    ]);
    expect(rowValues(g, 7)).toEqual(['II', 'Cải cách thể chế']);
    expect(at(g, 'D8')).toBe(1);
    expect(formatAt(g, 'D8')).toBe('0%');
    expect(at(g, 'D9')).toBe('2');
    expect(at(g, 'D12')).toBe(0.955);
    expect(formatAt(g, 'D12')).toBe('0.0%');
    expect(at(g, 'D13')).toBe('88%; 65%');
    expect(at(g, 'D14')).toBe('85');
    expect(at(g, 'D15')).toBe('94,5%');
    expect(at(g, 'C16')).toMatch(/tối đa 15 phút\/01 lượt giao dịch/);
    expect(at(g, 'D16')).toBe('12 phút');
    expect(at(g, 'D18')).toBe('1,2%; 1,5%');
    expect(at(g, 'C20')).toBe('Trên 90% cán bộ, công chức đạt chuẩn theo quy định.');
    expect(at(g, 'D20')).toBe(0.9);
    expect(at(g, 'D22')).toBe(0.92);
    expect(at(g, 'D24')).toBeNull();
    expect(at(g, 'E24')).toBe('Chưa có số liệu');
    expect(at(g, 'D25')).toBe('đạt');
    expect(at(g, 'D26')).toBe(1.2);
    expect(formatAt(g, 'D26')).toBe('0%');
    expect(at(g, 'A27')).toBe(16);
    expect(formatAt(g, 'D9')).toBeNull();
  });

  test('sample-appendix.xlsx: progress columns, a real date cell, the wrong total', async () => {
    const grids = await readWorkbook(fixture('sample-appendix.xlsx'));
    expect(grids.map((x) => x.name)).toEqual(['Nhiệm vụ', 'Chỉ tiêu']);
    const g = grids[0];
    expect(rowValues(g, 8)).toEqual([...SEED000_HEADER, 'Tiến độ', 'Kết quả / Ghi chú']);
    // A date cell reads as Excel's API gives it: the serial number under its date format.
    expect(at(g, 'E11')).toBe(serial(2025, 2, 28));
    expect(formatAt(g, 'E11')).toBe('dd/mm/yyyy');
    expect(at(g, 'F10')).toBe('Đã hoàn thành');
    expect(at(g, 'E16')).toBe('Quý III');
    expect(at(g, 'F16')).toBe('Chưa thực hiện');
    expect(at(g, 'E34')).toBe('Quý II');
    expect(at(g, 'F34')).toBe('Đang thực hiện');
    expect(at(g, 'E39')).toBe('Quý IV');
    expect(at(g, 'C43')).toBeNull();
    expect(at(g, 'A51')).toBe('Tổng cộng: 36 nhiệm vụ');
    expect(g.values).toHaveLength(51);
    expect(g.merges).toContain('A51:G51');
    const kpis = sheet(grids, 'Chỉ tiêu');
    const reference = (await readWorkbook(fixture('kpi-001-004.xlsx')))[0];
    expect(kpis.values).toEqual(reference.values);
    expect(kpis.numberFormats).toEqual(reference.numberFormats);
  });
});

describe('readWorkbook cell values', () => {
  async function synthetic(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dữ liệu');
    ws.getCell('A1').value = 'chuỗi';
    ws.getCell('B1').value = 0.92;
    ws.getCell('B1').numFmt = '0%';
    ws.getCell('C1').value = true;
    ws.getCell('D1').value = new Date(Date.UTC(2025, 5, 30));
    ws.getCell('D1').numFmt = 'dd/mm/yyyy';
    ws.getCell('E1').value = { formula: 'B1*2', result: 1.84 };
    ws.getCell('F1').value = { formula: 'NA()', result: { error: '#N/A' } };
    ws.getCell('G1').value = { richText: [{ text: 'Phường ' }, { text: '5', font: { bold: true } }] };
    ws.getCell('H1').value = { text: 'Cổng dịch vụ công', hyperlink: 'https://dichvucong.gov.vn' };
    ws.getCell('I1').value = { error: '#DIV/0!' };
    ws.getCell('J1').value = { formula: 'A1' } as ExcelJS.CellFormulaValue; // never calculated: no cached result
    ws.getCell('K1').value = { formula: 'D1+1', result: new Date(Date.UTC(2025, 6, 1)) };
    ws.getCell('Z1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } }; // formatting only
    ws.getCell('A3').value = 'gộp';
    ws.mergeCells('A3:C3');
    ws.getCell('B5').border = { top: { style: 'thin' } }; // a formatted but empty row after the data
    const second = wb.addWorksheet('Trống');
    second.getCell('C4').numFmt = '0%';
    return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  test('formulas give their cached result, rich text and links their text, errors their code', async () => {
    const [g] = await readWorkbookBuffer(await synthetic());
    expect(g.name).toBe('Dữ liệu');
    expect(g.values[0]).toEqual([
      'chuỗi',
      0.92,
      true,
      serial(2025, 6, 30),
      1.84,
      '#N/A',
      'Phường 5',
      'Cổng dịch vụ công',
      '#DIV/0!',
      null,
      serial(2025, 7, 1),
    ]);
    expect(g.numberFormats?.[0]?.[1]).toBe('0%');
    expect(g.numberFormats?.[0]?.[3]).toBe('dd/mm/yyyy');
    // exceljs wrote the formula's Date result under its default date format, Excel's built-in id 14.
    expect(g.numberFormats?.[0]?.[10]).toBe('mm-dd-yy');
  });

  test('merged cells other than the top-left read blank; the used range is trimmed', async () => {
    const [g, empty] = await readWorkbookBuffer(await synthetic());
    expect(g.values).toHaveLength(3); // row 5 holds formatting only
    expect(g.values[1]).toEqual([]);
    expect(g.values[2]).toEqual(['gộp']); // B3 and C3 are covered by the merge: blank, so trimmed
    expect(g.values[0]).toHaveLength(11); // Z1 holds formatting only
    expect(g.numberFormats?.map((r) => r.length)).toEqual(g.values.map((r) => r.length));
    expect(g.merges).toEqual(['A3:C3']);
    expect(empty).toEqual({
      name: 'Trống',
      values: [],
      numberFormats: [],
      merges: [],
      origin: { row: 1, column: 1 },
    });
  });

  test('chart sheets are skipped', async () => {
    const zip = await JSZip.loadAsync(readFileSync(fixture('kpi-001-004.xlsx')));
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file(
      'xl/workbook.xml',
      workbookXml.replace('</sheets>', '<sheet name="Biểu đồ" sheetId="9" r:id="rIdChart1"/></sheets>'),
    );
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      ),
    );
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
      ),
    );
    zip.file(
      'xl/chartsheets/sheet1.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
    );
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    const grids = await readWorkbookBuffer(buf);
    expect(grids.map((g) => g.name)).toEqual(['Chỉ tiêu']);
  });
});

describe('readWorkbook errors', () => {
  const dir = tempDir();

  function expectCode(err: WorkbookReadError, code: WorkbookReadErrorCode): void {
    expect(err.code).toBe(code);
  }

  test('missing file', async () => {
    const missing = join(dir, 'khong-co.xlsx');
    const err = await failure(readWorkbook(missing));
    expectCode(err, 'not-found');
    expect(err.message).toBe(`${basename(missing)}: không tìm thấy tệp (${missing}).`);
    expect(err.messageIn('en')).toBe(`${basename(missing)}: file not found (${missing}).`);
  });

  test('a text file renamed .xlsx', async () => {
    const p = join(dir, 'ghi-chu.xlsx');
    writeFileSync(p, 'Nội dung công việc;Thời gian thực hiện\n1. Triển khai;Tháng 02\n');
    const err = await failure(readWorkbook(p));
    expectCode(err, 'not-xlsx');
    expect(err.message).toBe(
      'ghi-chu.xlsx: không phải tệp Excel .xlsx hay .csv; hãy mở tệp bằng Excel hoặc LibreOffice Calc rồi lưu lại thành .xlsx.',
    );
    expect(err.messageIn('en')).toBe(
      'ghi-chu.xlsx: not an Excel .xlsx or .csv file; open it in Excel or LibreOffice Calc and save it as .xlsx.',
    );
  });

  test('an empty file', async () => {
    const p = join(dir, 'rong.xlsx');
    writeFileSync(p, '');
    const err = await failure(readWorkbook(p));
    expectCode(err, 'not-xlsx');
    expect(err.message).toMatch(/tệp rỗng/);
    expect(err.messageIn('en')).toMatch(/empty/);
  });

  test('an old .xls (or password-protected) file', async () => {
    const p = join(dir, 'cu.xlsx');
    writeFileSync(p, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const err = await failure(readWorkbook(p));
    expectCode(err, 'not-xlsx');
    expect(err.message).toMatch(/\.xls/);
  });

  test('a damaged (truncated) .xlsx', async () => {
    const whole = readFileSync(fixture('kpi-001-004.xlsx'));
    const p = join(dir, 'hong.xlsx');
    writeFileSync(p, whole.subarray(0, Math.floor(whole.length / 2)));
    const err = await failure(readWorkbook(p));
    expectCode(err, 'unreadable');
    expect(err.message).toBe(
      'hong.xlsx: tệp .xlsx bị hỏng hoặc không đọc được; hãy mở tệp bằng Excel và lưu một bản sao (Tệp > Lưu thành), rồi kiểm tra bản sao đó.',
    );
  });

  test('a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const err = await failure(
      readWorkbookBuffer(await zip.generateAsync({ type: 'nodebuffer' }), 'bien-ban.docx'),
    );
    expectCode(err, 'not-xlsx');
    expect(err.message).toMatch(/^bien-ban\.docx: /);
  });

  test('a folder', async () => {
    const p = join(dir, 'thu-muc.xlsx');
    mkdirSync(p);
    expectCode(await failure(readWorkbook(p)), 'unreadable');
  });
});
