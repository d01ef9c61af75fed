/**
 * The tables the benchmark checks: task lists and KPI tables of any size, generated with the real plans' phrasings
 * (areas I–VII, deadlines such as "Quý III", targets such as "Tối thiểu 80%"), laid out as ward files lay them out.
 */
import type { CellValue, SheetGrid } from '../../shared/src/index';
import { AREAS as AREA_DEFS } from '../../shared/src/table/areas';

const DEADLINES = [
  'Tháng 02 năm 2025',
  'Quý III',
  'Thường xuyên',
  'Theo yêu cầu của Sở Nội vụ',
  'Ban hành kế hoạch: Tháng 7;\nThực hiện: Cả năm',
  '30/6/2025',
  'Quý I, II, III và cả năm 2025',
  'Định kỳ và thường xuyên',
];
const LEADS = [
  'Công chức VP-TK',
  'Công chức TP-HT',
  'Phòng Văn hoá – Xã hội',
  'Trung tâm phục vụ hành chính công',
];
const PROGRESS = ['Đã hoàn thành', 'Đang thực hiện', '', 'Chưa thực hiện'];
// The seven required areas as ward files write their rows: numeral, name in capitals.
const SEVEN = AREA_DEFS.slice(0, 7);
const AREAS = SEVEN.map((a) => a.vi.toUpperCase());
const ROMAN = SEVEN.map((a) => a.numeral);
const TARGETS = [
  'Tối thiểu 80%',
  'Trên 90%',
  '100%',
  'tối đa 15 phút/01 lượt giao dịch',
  'đạt từ 60% trở lên',
];

export function taskGrid(rows: number): SheetGrid {
  const values: CellValue[][] = [
    ['Phụ lục'],
    ['DANH MỤC CÁC NHIỆM VỤ CCHC NĂM 2025'],
    ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Tiến độ'],
  ];
  const perArea = Math.ceil(rows / AREAS.length);
  let n = 0;
  for (let a = 0; a < AREAS.length && n < rows; a++) {
    values.push([ROMAN[a], AREAS[a]]);
    for (let i = 0; i < perArea && n < rows; i++, n++) {
      values.push([
        n + 1,
        `Triển khai nhiệm vụ cải cách hành chính số ${n + 1} trên địa bàn phường`,
        'Kế hoạch của UBND phường',
        LEADS[n % LEADS.length],
        'Các cơ quan, đơn vị chuyên môn thuộc UBND phường',
        DEADLINES[n % DEADLINES.length],
        PROGRESS[n % PROGRESS.length],
      ]);
    }
  }
  return { name: 'Nhiệm vụ', values };
}

export function kpiGrid(rows: number): SheetGrid {
  const values: CellValue[][] = [
    ['KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
    ['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu năm 2025', 'Kết quả thực hiện', 'Ghi chú'],
  ];
  const formats: string[][] = [[], []];
  const perArea = Math.ceil(rows / AREAS.length);
  let n = 0;
  for (let a = 0; a < AREAS.length && n < rows; a++) {
    values.push([ROMAN[a], AREAS[a]]);
    formats.push([]);
    for (let i = 0; i < perArea && n < rows; i++, n++) {
      const target = TARGETS[n % TARGETS.length];
      const actual = target.includes('phút') ? 12 : (70 + (n % 31)) / 100;
      values.push([
        i + 1,
        `Tỷ lệ hồ sơ thủ tục hành chính số ${n + 1} được giải quyết đúng hạn`,
        target,
        actual,
        '',
      ]);
      formats.push(['General', 'General', 'General', target.includes('phút') ? 'General' : '0%', 'General']);
    }
  }
  return { name: 'Chỉ tiêu', values, numberFormats: formats };
}
