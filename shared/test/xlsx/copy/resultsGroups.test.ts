/** The checked copy's results sheet lists each area's sub-groups under it, as the panes and the text report do. */
import { checkWorkbook } from '../../../src/index';
import { resultsContent } from '../../../src/xlsx/copy/results';
import { groupedTaskList } from '../../fixtures/documentLayouts';

it('lists the groups of area I under it with their own counts', () => {
  const report = checkWorkbook([groupedTaskList('dot')], { today: '2025-07-15', asOf: '2025-07-15' });
  const rows = resultsContent(report, 'vi').rows.map((r) => (r?.cells ?? []).map((c) => c.value));
  const areaI = rows.findIndex((r) => r[0] === 'I' && r[1] === 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH');
  expect(areaI).toBeGreaterThan(0);
  expect(rows.slice(areaI, areaI + 5)).toEqual([
    ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 5, 2, 1],
    ['   1', 'Xây dựng, ban hành văn bản chỉ đạo, điều hành', 2, 2, 0],
    ['   2', 'Kiểm tra, đánh giá công tác cải cách hành chính', 2, 0, 1],
    ['   3', 'Thông tin, tuyên truyền cải cách hành chính', 1, 0, 0],
    ['II', 'CẢI CÁCH THỂ CHẾ', 2, 0, 0],
  ]);
});
