/**
 * A small ward appendix as Excel hands it to the add-in: a task list (with a cell holding markup, a blank lead
 * unit and a task overdue by 01/08/2025) and a KPI table (met, missed, no data, unmeasurable). Shared by the
 * view tests and the end-to-end test.
 */
import type { SheetGrid } from '../../src/index';

export const MARKUP = '<img src=x onerror=alert(1)>';
export const AS_OF = '2025-08-01';

export const TASKS: SheetGrid = {
  name: 'Nhiệm vụ',
  values: [
    ['PHỤ LỤC', '', '', '', ''],
    ['DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025', '', '', '', ''],
    ['', '', '', '', ''],
    ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tiến độ'],
    ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', '', '', ''],
    [1, 'Ban hành kế hoạch CCHC năm 2025', 'Văn phòng HĐND và UBND', 'Tháng 01/2025', 'Đã hoàn thành'],
    // The lead unit is merged down over the next task (C6:C7), as real files do: C7 is not blank.
    [2, MARKUP, '', 'Quý II', 'Đang thực hiện'],
    [3, 'Kiểm tra công tác CCHC tại các bộ phận', '', 'Quý IV', ''],
    ['II', 'CẢI CÁCH THỂ CHẾ', '', '', ''],
    [1, 'Rà soát văn bản quy phạm pháp luật', 'Công chức Tư pháp - hộ tịch', 'Thường xuyên', ''],
  ],
  merges: ['C6:C7'],
};

export const KPIS: SheetGrid = {
  name: 'Chỉ tiêu',
  values: [
    ['CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025', '', '', ''],
    ['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu năm 2025', 'Kết quả thực hiện'],
    ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', '', ''],
    [1, 'Tỷ lệ hoàn thành kế hoạch CCHC', 'Tối thiểu 80%', 0.925],
    [2, 'Tỷ lệ hồ sơ giải quyết đúng hạn', 'Từ 95% trở lên', '90%'],
    [3, 'Thời gian chờ đợi của người dân', 'tối đa 15 phút/01 lượt giao dịch', ''],
    [4, 'Thực hiện chế độ báo cáo', 'Theo các văn bản quy định của Nhà nước', ''],
  ],
  numberFormats: [[], [], [], ['General', 'General', 'General', '0.0%']],
};
