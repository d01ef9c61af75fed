/**
 * Dates typed where text belongs. Excel (and the .xlsx reader) hand a date over as a serial number under a date
 * format: outside the deadline column it must read as the date the user sees, not as the number 45838.
 */
import { checkWorkbook, type SheetGrid } from '../../src/index';

const D = 45838; // 30/06/2025 in the 1900 date system
const DATE = 'dd/mm/yyyy';

const kpis: SheetGrid = {
  name: 'Chỉ tiêu',
  values: [
    ['CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
    ['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu năm 2025', 'Kết quả thực hiện'],
    [1, 'Tỷ lệ hồ sơ giải quyết đúng hạn', D, '96%'],
    [2, 'Tỷ lệ hồ sơ trực tuyến toàn trình', 'Tối thiểu 80%', D],
  ],
  numberFormats: [[], [], [null, null, DATE, null], [null, null, null, DATE]],
};

const tasks: SheetGrid = {
  name: 'Nhiệm vụ',
  values: [
    ['DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
    ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tiến độ'],
    ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH'],
    [1, 'Ban hành kế hoạch CCHC', D, 'Quý I', D],
  ],
  numberFormats: [[], [], [], [null, null, DATE, null, DATE]],
};

describe('a date where a target, a result, a lead or a progress belongs', () => {
  const report = checkWorkbook([kpis, tasks], { asOf: '2025-10-15', lang: 'vi' });
  const [k, t] = report.sheets;

  it('is quoted as the date the user sees, and is neither a target nor a result', () => {
    const target = k.findings.find((f) => f.code === 'kpi/target-unparseable');
    expect(target?.cell).toBe('C3');
    expect(target?.message).toContain('30/06/2025');
    const result = k.findings.find((f) => f.cell === 'D4');
    expect(result?.code).toBe('kpi/actual-unparseable');
    expect(result?.message).toContain('30/06/2025');
    expect(k.kpis[1].status).toBe('no-data');
    expect(JSON.stringify(report)).not.toContain('45838');
  });

  it('reads as a lead unit and a progress in dd/mm/yyyy, and a date in Tiến độ does not mean done', () => {
    expect(t.tasks[0]).toMatchObject({ lead: '30/06/2025', progress: '30/06/2025', status: 'overdue' });
  });
});
