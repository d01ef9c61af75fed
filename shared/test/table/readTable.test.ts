import { classifyHeading } from '../../src/table/header';
import { readTable, type Entry } from '../../src/table/readTable';
import { SheetView } from '../../src/table/sheetView';
import type { CellValue, SheetGrid } from '../../src/table/grid';

function view(values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetView {
  return new SheetView({ name: 'S', values, ...extra });
}

function kinds(entries: Entry[]): string[] {
  return entries.map((e) =>
    e.type === 'data' || e.type === 'group'
      ? `${e.type}:${e.number ?? '-'}`
      : e.type === 'area'
        ? `area:${e.known?.numeral ?? e.numeral ?? '?'}`
        : `total:${e.declared}`,
  );
}

describe('classifyHeading', () => {
  it.each([
    ['STT', 'number'],
    ['Stt', 'number'],
    ['TT', 'number'],
    ['Nội dung công việc', 'task'],
    ['Nhiệm vụ', 'task'],
    ['Hoạt động/sản phẩm', 'product'],
    ['Sản phẩm', 'product'],
    ['Cơ quan chủ trì \nđề xuất/tham mưu/ thực hiện', 'lead'],
    ['Đơn vị chủ trì', 'lead'],
    ['Cơ quan phối hợp', 'partner'],
    ['Bộ phận phối hợp', 'partner'],
    ['Cấp ban hành/phê duyệt', 'approval'],
    ['Thời gian thực hiện', 'deadline'],
    ['Thời gian hoàn thành', 'deadline'],
    ['Thời hạn', 'deadline'],
    ['Tiến độ', 'progress'],
    ['Kết quả thực hiện', 'result'],
    ['Kết quả đạt được', 'result'],
    ['Kết quả / Ghi chú', 'result'],
    ['Ghi chú', 'notes'],
    ['Chỉ tiêu/Chỉ tiêu thành phần', 'indicator'],
    ['Tên chỉ tiêu', 'indicator'],
    ['Chỉ tiêu phấn đấu  năm 2025', 'target'],
    ['Trách nhiệm cụ thể', 'parent'],
    ['Đơn vị theo dõi, hướng dẫn thực hiện', 'monitor'],
    ['Đơn vị thực hiện', 'executor'],
    ['Đánh giá', 'assessment'],
    ['Đợn vị chủ trì', 'lead'],
  ])('%j → %s', (text, role) => {
    expect(classifyHeading(text)).toBe(role);
  });

  it('ignores titles and long text', () => {
    expect(classifyHeading('DANH MỤC CÁC NHIỆM VỤ CCHC NĂM 2025')).toBe('task');
    expect(classifyHeading('x'.repeat(200))).toBeNull();
  });
});

describe('readTable', () => {
  it('skips title rows, reads areas, numbered rows, repeated headers and the total row', () => {
    const v = view([
      ['ỦY BAN NHÂN DÂN', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['Phụ lục'],
      ['DANH MỤC CÁC NHIỆM VỤ CCHC NĂM 2025'],
      ['(Ban hành kèm theo Quyết định số 36/QĐ-UBND ngày 12 tháng 02 năm 2024)'],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
      ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH'],
      [1, 'Kế hoạch CCHC', 'VP-TK', 'Tháng 02 năm 2025'],
      [null, null, null, null],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
      [2, 'Báo cáo CCHC', 'VP-TK', 'Quý I'],
      ['II', 'Cải cách thể chế'],
      [3, 'Rà soát VBQPPL', 'TP-HT', 'Thường xuyên'],
      ['Tổng cộng: 4 nhiệm vụ'],
    ]);
    const model = readTable(v)!;
    expect(model.kind).toBe('tasks');
    expect(model.headerRow).toBe(5);
    expect(model.titleYear).toBe(2025);
    expect(model.columns).toEqual({ number: 1, task: 2, lead: 3, deadline: 4 });
    expect(kinds(model.entries)).toEqual(['area:I', 'data:1', 'data:2', 'area:II', 'data:3', 'total:4']);
  });

  it('reads numbers that lead the text and area numerals that lead the row (seed 000 layout)', () => {
    const v = view([
      [
        'Nội dung công việc',
        'Cơ quan chủ trì đề xuất/tham mưu/ thực hiện',
        'Cơ quan phối hợp',
        'Thời gian thực hiện',
      ],
      ['I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH (Công chức Văn phòng - thống kê hướng dẫn thực hiện)'],
      ['1. Triển khai kế hoạch', 'Công chức VP-TK', 'Các ngành', 'Tháng 02 năm 2025'],
      ['IV. CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH'],
      ['Kiểm tra việc thực hiện phân cấp', 'Công chức VP-TK', '', 'Quý II'],
      ['Vi phạm hành chính được xử lý', 'Công chức VP-TK', '', 'Quý II'],
      ['Công khai thủ tục hành chính', 'Công chức VP-TK', '', 'Thường xuyên'],
      ['Tổng số: 4'],
    ]);
    const model = readTable(v)!;
    expect(kinds(model.entries)).toEqual([
      'area:I',
      'data:1',
      'area:IV',
      'data:-',
      'data:-',
      'data:-',
      'total:4',
    ]);
    const first = model.entries[1] as Extract<Entry, { type: 'data' }>;
    expect(first.text).toBe('Triển khai kế hoạch');
    expect(first.numberColumn).toBe(1);
  });

  it('merges a two-row header under a merged parent and reads merged cells down', () => {
    const v = view(
      [
        ['STT', 'Chỉ tiêu/Chỉ tiêu thành phần', 'Chỉ tiêu phấn đấu năm 2025', 'Trách nhiệm cụ thể', null],
        [null, null, null, 'Đơn vị theo dõi, hướng dẫn thực hiện', 'Đơn vị thực hiện'],
        ['7.2', 'Nâng cao chất lượng phục vụ', null, null, null],
        [null, 'Tỷ lệ TTHC trực tuyến', '100%', 'Trung tâm', 'Các cơ quan'],
        [null, 'Tỷ lệ thanh toán trực tuyến', '80%', null, null],
      ],
      { merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'D4:D5', 'E4:E5'] },
    );
    const model = readTable(v)!;
    expect(model.kind).toBe('kpis');
    expect(model.header.rows).toEqual([1, 2]);
    expect(model.headerRow).toBe(2);
    expect(model.columns).toEqual({ number: 1, indicator: 2, target: 3, monitor: 4, executor: 5 });
    expect(v.value(5, 4)).toBe('Trung tâm');
    expect(v.isCovered(5, 4)).toBe(true);
    expect(kinds(model.entries)).toEqual(['data:7.2', 'data:-', 'data:-']);
  });

  it('recognises a repeated two-row header mid-table', () => {
    const header = [
      ['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu năm 2025', 'Trách nhiệm cụ thể', null],
      [null, null, null, 'Đơn vị theo dõi', 'Đơn vị thực hiện'],
    ];
    const v = view([...header, ['1', 'A', '100%', 'x', 'y'], ...header, ['2', 'B', '90%', 'x', 'y']], {
      merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:E4'],
    });
    const model = readTable(v)!;
    expect(kinds(model.entries)).toEqual(['data:1', 'data:2']);
  });

  it('honours the origin of a used range that does not start at A1', () => {
    const v = view(
      [
        ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn'],
        [1, 'A', 'B', 'Quý I'],
      ],
      { origin: { row: 4, column: 3 } },
    );
    const model = readTable(v)!;
    expect(model.headerRow).toBe(4);
    expect(model.columns.task).toBe(4);
    expect(model.entries[0].row).toBe(5);
  });

  it('returns null for a sheet that is not a table', () => {
    expect(readTable(view([['Ghi chú'], ['abc', 1, true]]))).toBeNull();
    expect(readTable(view([]))).toBeNull();
  });
});
