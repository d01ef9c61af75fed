/**
 * Issue 11, item 2 (in part): no size cliff in the report, its highlights or its text. A sheet of 200,000
 * overdue tasks used to end in "Maximum call stack size exceeded" wherever a list was spread into push().
 */
import { checkWorkbook, highlightsFor, type CellValue } from '../../shared/src/index';
import { groupHighlights } from '../../shared/src/hosts/highlightRanges';
import { reportDisplay } from '../../shared/src/hosts/reportDisplay';
import { renderText } from '../src/textReport';

const ROWS = 200_000;

describe(`a sheet of ${ROWS.toLocaleString('en')} overdue tasks`, () => {
  const values: CellValue[][] = [
    ['DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
    ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tiến độ'],
    ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH'],
  ];
  for (let i = 1; i <= ROWS; i++)
    values.push([i, `Nhiệm vụ số ${i}`, 'Văn phòng', 'Quý I', 'Đang thực hiện']);
  const report = checkWorkbook([{ name: 'Nhiệm vụ', values }], { today: '2025-07-01', asOf: '2025-07-01' });

  it('gives its report, its highlights and their ranges', () => {
    expect(report.sheets[0].summary.tasks).toMatchObject({ total: ROWS, overdue: ROWS });
    const highlights = highlightsFor(report);
    expect(highlights.filter((h) => h.kind === 'missed')).toHaveLength(ROWS);
    // Adjacent cells join: one rectangle for the whole deadline column.
    expect(groupHighlights(highlights).find((g) => g.kind === 'missed')?.addresses).toEqual([
      `D4:D${ROWS + 3}`,
    ]);
  }, 60_000);

  it('gives its text report and its JSON', () => {
    const display = reportDisplay(report, 'vi');
    expect(display.counts.warning).toBeGreaterThanOrEqual(ROWS);
    const text = renderText(report, 'vi', 100);
    expect(text.split('\n').length).toBeGreaterThan(ROWS);
    const json = JSON.stringify(report);
    expect(JSON.parse(json).sheets[0].tasks).toHaveLength(ROWS);
  }, 60_000);
});
