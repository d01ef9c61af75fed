/**
 * Where the table ends, against the rows that only look like the document after it: a lead unit "Chủ tịch UBND
 * phường" on a continuation row, a task whose text is merged down, and the signer's title in capitals.
 */
import { checkWorkbook, type SheetGrid } from '../../src/index';

const HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'];
const VP = 'Công chức Văn phòng - Thống kê';
const OPTIONS = { today: '2025-07-15', asOf: '2025-07-15' };

function sheet(rows: (string | number)[][], merges: string[] = []): SheetGrid {
  return {
    name: 'Phụ lục',
    values: [
      ['DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
      HEADER,
      ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH'],
      ...rows,
    ],
    merges,
  };
}

describe('the end of the table', () => {
  it('a task merged down over two rows, the second naming "CHỦ TỊCH UBND PHƯỜNG", goes on', () => {
    // Rows 4–5: task 1 with its text and deadline merged down (the number cell is not); row 6: task 2.
    const grid = sheet(
      [
        [1, 'Kiện toàn Ban chỉ đạo cải cách hành chính phường', VP, 'Quý I'],
        ['', '', 'CHỦ TỊCH UBND PHƯỜNG', ''],
        [2, 'Ban hành Kế hoạch cải cách hành chính năm 2025', VP, 'Tháng 01/2025'],
      ],
      ['B4:B5', 'D4:D5'],
    );
    const s = checkWorkbook([grid], OPTIONS).sheets[0];
    expect(s.table?.end).toBe('sheet-end');
    expect(s.tasks.map((t) => [t.row, t.number])).toEqual([
      [4, '1'],
      [5, null],
      [6, '2'],
    ]);
  });

  it('a lead "Chủ tịch UBND phường" in title case is a task row with a missing text, not a signer', () => {
    const grid = sheet([
      [1, 'Ban hành Kế hoạch cải cách hành chính năm 2025', VP, 'Tháng 01/2025'],
      ['', '', 'Chủ tịch UBND phường', 'Quý II'],
      [2, 'Kiểm tra công tác cải cách hành chính', VP, 'Quý III'],
    ]);
    const s = checkWorkbook([grid], OPTIONS).sheets[0];
    expect(s.table?.end).toBe('sheet-end');
    expect(s.tasks).toHaveLength(3);
    expect(s.findings.map((f) => `${f.code} ${f.cell}`)).toContain('cell/required B5');
  });

  it("the signer's title in capitals after the last task ends the table", () => {
    const grid = sheet([
      [1, 'Ban hành Kế hoạch cải cách hành chính năm 2025', VP, 'Tháng 01/2025'],
      ['', '', 'PHÓ CHỦ TỊCH', ''],
      ['', '', 'Nguyễn Văn An', ''],
    ]);
    const s = checkWorkbook([grid], OPTIONS).sheets[0];
    expect(s.table).toMatchObject({ end: 'signature', endRow: 5, lastRow: 4, endText: 'PHÓ CHỦ TỊCH' });
    expect(s.tasks).toHaveLength(1);
  });

  it('a note merged across the row still ends the table', () => {
    const grid = sheet(
      [
        [1, 'Ban hành Kế hoạch cải cách hành chính năm 2025', VP, 'Tháng 01/2025'],
        ['Ghi chú: các nhiệm vụ thường xuyên báo cáo theo quý.', '', '', ''],
      ],
      ['A5:D5'],
    );
    const s = checkWorkbook([grid], OPTIONS).sheets[0];
    expect(s.table).toMatchObject({ end: 'notes', endRow: 5, lastRow: 4 });
    expect(s.tasks).toHaveLength(1);
  });
});
