import fc from 'fast-check';
import { checkWorkbook } from '../../src/check';
import { highlightsFor } from '../../src/report/highlights';
import { highlightSchema, reportSchema } from '../../src/report/schema';
import type { CellValue, SheetGrid } from '../../src/table/grid';

// Cells as hosts can hand them over, biased towards the words and shapes that real tables use so that the
// generated grids reach deep into header recognition, row classification and parsing.
const words = [
  'STT',
  'TT',
  'Nhiệm vụ',
  'Nội dung công việc',
  'Cơ quan chủ trì',
  'Thời gian hoàn thành',
  'Thời hạn',
  'Tiến độ',
  'Chỉ tiêu',
  'Chỉ tiêu phấn đấu năm 2025',
  'Kết quả thực hiện',
  'Trách nhiệm cụ thể',
  'I',
  'II',
  'VII',
  'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
  'Cải cách thể chế',
  'Tổng cộng: 3 nhiệm vụ',
  '1.1',
  '1.4',
  '7.2',
  'Quý III',
  'Thường xuyên',
  'Tháng 02/2024',
  'Theo Kế hoạch số 3989/KH-UBND ngày 21/11/2022',
  'Tối thiểu 80%',
  'Trên 90%',
  'tối đa 15 phút/01 lượt giao dịch',
  '94,5%',
  '1.000',
  'Đã hoàn thành',
  'Không có sai phạm',
  '<img src=x onerror=alert(1)>',
];
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...words),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 50000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
);
const format = fc.constantFrom(
  'General',
  '0%',
  '0.0%',
  'dd/mm/yyyy',
  '@',
  '#,##0.00',
  'm/d/yyyy',
  '[$-42A]dd/mm/yyyy',
  '[$-vi-VN]d mmmm yyyy',
  'd/m/yy',
  'dd/MM/yyyy',
  '0.###############',
  '',
);
const merge = fc
  .tuple(
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 7 }),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([r, c, h, w]) => `${String.fromCharCode(64 + c)}${r}:${String.fromCharCode(64 + c + w)}${r + h}`);

const grid: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.string({ maxLength: 8 }),
  values: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 14 }),
  numberFormats: fc.option(fc.array(fc.array(format, { maxLength: 8 }), { maxLength: 14 }), {
    nil: undefined,
  }),
  merges: fc.option(fc.array(fc.oneof(merge, fc.string({ maxLength: 6 })), { maxLength: 4 }), {
    nil: undefined,
  }),
});

describe('checkWorkbook on arbitrary grids', () => {
  it('never throws and always returns a report that passes its schema', () => {
    fc.assert(
      fc.property(
        fc.array(grid, { maxLength: 3 }),
        fc.constantFrom('vi', 'en') as fc.Arbitrary<'vi' | 'en'>,
        (sheets, lang) => {
          const report = checkWorkbook(sheets, { asOf: '2025-07-01', lang });
          expect(reportSchema.safeParse(report).success).toBe(true);
          for (const h of highlightsFor(report)) expect(highlightSchema.safeParse(h).success).toBe(true);
          expect(report.valid).toBe(
            ![...report.findings, ...report.sheets.flatMap((s) => s.findings)].some(
              (f) => f.severity === 'error',
            ),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads tables that start with a real header row whatever follows', () => {
    const header: CellValue[] = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tiến độ'];
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 20 }), (rows) => {
        const report = checkWorkbook([{ name: 'T', values: [header, ...rows] }], { asOf: '2025-07-01' });
        expect(report.sheets[0].kind).toBe('tasks');
        expect(reportSchema.safeParse(report).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads task lists with full-width merged rows and date cells, whatever their content', () => {
    const header: CellValue[] = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tiến độ'];
    // Serial numbers of days, some with a time of day (30/06/2025 18:00 is 45838.75).
    const dateCell = fc
      .tuple(fc.integer({ min: 1, max: 80_000 }), fc.double({ min: 0, max: 0.99, noNaN: true }))
      .map(([day, time]) => day + time);
    const row = fc.tuple(
      fc.oneof(
        cell,
        fc.constantFrom(
          'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
          'II. Cải cách thể chế',
          'Cải cách tài chính công',
          '3. Cải cách thủ tục hành chính',
        ),
      ),
      cell,
      cell,
      fc.oneof(cell, dateCell),
      cell,
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            row,
            fc.boolean(),
            fc.constantFrom('dd/mm/yyyy', 'd/m/yy', '[$-vi-VN]d mmmm yyyy', 'General'),
          ),
          { maxLength: 24 },
        ),
        (rows) => {
          const values: CellValue[][] = [header, ...rows.map(([r]) => [...r])];
          const numberFormats = [
            header.map(() => 'General'),
            ...rows.map(([, , f]) => ['General', 'General', 'General', f, 'General']),
          ];
          // Some rows merged across the whole table from the first column, as a pasted Word table has them.
          const merges = rows.flatMap(([, wide], i) => (wide ? [`A${i + 2}:E${i + 2}`] : []));
          const report = checkWorkbook([{ name: 'T', values, numberFormats, merges }], {
            asOf: '2025-07-01',
          });
          expect(reportSchema.safeParse(report).success).toBe(true);
          expect(report.sheets[0].kind).toBe('tasks');
          expect(report.sheets[0].tasks.length).toBeLessThanOrEqual(rows.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
