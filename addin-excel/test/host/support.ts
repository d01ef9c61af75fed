/** Shared by the host tests: seed-like sheets, a sync-counting wrapper, CLI grids turned into fake sheets. */
import type { CellValue, SheetGrid } from '../../../shared/src/table/grid';
import type { FakeSheetInit, FakeValue } from '../fakeExcel';
import { AREAS as AREA_DEFS } from '../../../shared/src/table/areas';

const TASKS = [
  'Triển khai kế hoạch thực hiện nhiệm vụ cải cách hành chính năm 2025 trên địa bàn phường',
  'Báo cáo kết quả tự chấm điểm Chỉ số cải cách hành chính của phường',
  'Kiểm tra công tác cải cách hành chính tại bộ phận một cửa',
];
const LEADS = [
  'Công chức VP-TK',
  'Công chức TP-HT',
  'Phòng Văn hóa – Xã hội',
  'Trung tâm phục vụ hành chính công',
];
const DEADLINES = ['Quý III', 'Tháng 02 năm 2025', 'Thường xuyên', 'Theo yêu cầu của Sở Nội vụ', '30/6/2025'];
const PROGRESS = ['Đã hoàn thành', 'Đang thực hiện', '', 'Chưa thực hiện'];
// The seven required areas as ward files write their rows: numeral, name in capitals.
const SEVEN = AREA_DEFS.slice(0, 7);
const AREAS = SEVEN.map((a) => a.vi.toUpperCase());
const ROMAN = SEVEN.map((a) => a.numeral);

export const HEADER = [
  'STT',
  'Nhiệm vụ',
  'Sản phẩm',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian hoàn thành',
  'Tiến độ',
  'Kết quả / Ghi chú',
];

/**
 * A task list `rows` rows tall in all (title, header, seven area rows, tasks), 8 columns, phrased as real ward
 * plans are (about 40 bytes a cell).
 */
export function taskSheet(name: string, rows: number): FakeSheetInit {
  const values: FakeValue[][] = [['DANH MỤC CÁC NHIỆM VỤ CCHC NĂM 2025'], [], HEADER];
  const merges = ['A1:H1'];
  const perArea = Math.max(1, Math.ceil((rows - values.length - AREAS.length) / AREAS.length));
  let n = 0;
  for (let a = 0; a < AREAS.length && values.length < rows; a++) {
    values.push([ROMAN[a], AREAS[a]]);
    merges.push(`B${values.length}:H${values.length}`);
    for (let i = 0; i < perArea && values.length < rows; i++, n++) {
      values.push([
        i + 1,
        `${TASKS[n % TASKS.length]} (${n + 1})`,
        'Kế hoạch của UBND phường',
        LEADS[n % LEADS.length],
        'Các cơ quan, đơn vị chuyên môn',
        DEADLINES[n % DEADLINES.length],
        PROGRESS[n % PROGRESS.length],
        n % 5 === 0 ? 'Đã ban hành văn bản' : '',
      ]);
    }
  }
  return { name, values, merges };
}

/** Wraps a context's sync with a counter, independent of the fake's own count. */
export function countSyncs(context: Excel.RequestContext): { readonly count: number } {
  const counter = { count: 0 };
  const sync = context.sync.bind(context);
  context.sync = () => {
    counter.count++;
    return sync();
  };
  return counter;
}

/** Excel's serial day number of a date (the 1900 system), as Excel stores dates. */
function serial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** A grid read by the command line, as a sheet of the fake workbook. */
export function sheetFromGrid(grid: SheetGrid): FakeSheetInit {
  const toFake = (v: CellValue): FakeValue | null =>
    v === null || v === undefined ? null : v instanceof Date ? serial(v) : v;
  const origin = grid.origin ?? { row: 1, column: 1 };
  return {
    name: grid.name,
    origin: `${String.fromCharCode(64 + origin.column)}${origin.row}`,
    values: grid.values.map((row) => row.map(toFake)),
    numberFormats: (grid.numberFormats ?? []).map((row) => row.map((f) => f ?? null)),
    merges: (grid.merges ?? []).map((m) => (typeof m === 'string' ? m : '')).filter(Boolean),
  };
}

/** Values as the core sees them: blanks (null, undefined, "") alike, trailing blanks dropped. */
export function plainValues(values: CellValue[][]): CellValue[][] {
  const rows = values.map((row) => {
    const out = row.map((v) =>
      v === null || v === undefined || v === '' ? null : v instanceof Date ? serial(v) : v,
    );
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}
