/**
 * A hand-made province summary for the renderers' tests (workbook and HTML): six files, one unreadable, two of
 * the same ward, varied rates. The consolidation's own tests build summaries from real reports instead.
 */
import { summarySchema, type Summary, type WardFile } from '../../src/summary/schema';

function ward(
  file: string,
  unit: string,
  t: [number, number, number, number, number],
  k: [number, number, number, number],
  errors: number,
  warnings: number,
): WardFile {
  const [total, done, overdue, pending, ongoing] = t;
  const [met, missed, noData, unmeasurable] = k;
  return {
    file,
    unit,
    unitSource: 'heading',
    sameUnit: [],
    sameUnitCount: 0,
    unreadable: null,
    planYear: 2025,
    tasks: { total, done, overdue, pending, ongoing },
    kpis: { total: met + missed + noData + unmeasurable, met, missed, noData, unmeasurable },
    rate: met + missed > 0 ? met / (met + missed) : null,
    errors,
    warnings,
  };
}

export function sampleSummary(lang: 'vi' | 'en' = 'vi'): Summary {
  const files: WardFile[] = [
    ward('phuong-5/phu-luc.xlsx', 'Phường 5', [30, 12, 6, 8, 4], [8, 2, 1, 1], 0, 3),
    ward('an-nhon-dong.xlsx', 'Phường An Nhơn Đông', [25, 20, 1, 2, 2], [9, 1, 0, 0], 2, 1),
    ward('long-xuyen.xlsx', 'Phường Long Xuyên', [40, 10, 15, 10, 5], [3, 6, 2, 0], 0, 0),
    ward('phu-my-ban-1.xlsx', 'Thị trấn Phú Mỹ', [18, 9, 3, 4, 2], [5, 5, 0, 1], 1, 0),
    ward('phu-my-ban-2.xlsx', 'Thị trấn Phú Mỹ', [18, 10, 2, 4, 2], [6, 4, 0, 1], 0, 0),
    {
      ...ward('hong.xlsx', 'hong', [0, 0, 0, 0, 0], [0, 0, 0, 0], 0, 0),
      unitSource: 'file',
      unreadable: 'hong.xlsx: tệp .xlsx bị hỏng hoặc không đọc được.',
      planYear: null,
      rate: null,
    },
  ];
  files[3].sameUnit = [files[4].file];
  files[3].sameUnitCount = 1;
  files[4].sameUnit = [files[3].file];
  files[4].sameUnitCount = 1;
  const read = files.filter((f) => f.unreadable === null);
  const sum = (pick: (f: WardFile) => number) => read.reduce((s, f) => s + pick(f), 0);
  const met = sum((f) => f.kpis.met);
  const missed = sum((f) => f.kpis.missed);
  const summary: Summary = {
    lang,
    asOf: '2025-07-01',
    year: 2025,
    files,
    totals: {
      files: files.length,
      read: read.length,
      unreadable: files.length - read.length,
      units: new Set(read.map((f) => f.unit)).size,
      filesWithErrors: read.filter((f) => f.errors > 0).length,
      tasks: {
        total: sum((f) => f.tasks.total),
        done: sum((f) => f.tasks.done),
        overdue: sum((f) => f.tasks.overdue),
        pending: sum((f) => f.tasks.pending),
        ongoing: sum((f) => f.tasks.ongoing),
      },
      kpis: {
        total: sum((f) => f.kpis.total),
        met,
        missed,
        noData: sum((f) => f.kpis.noData),
        unmeasurable: sum((f) => f.kpis.unmeasurable),
      },
      rate: met / (met + missed),
      errors: sum((f) => f.errors),
      warnings: sum((f) => f.warnings),
    },
    indicators: [
      {
        key: 'ti le ho so truc tuyen toan trinh',
        name: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
        met: 3,
        missed: 1,
        noData: 1,
        unmeasurable: 0,
        results: [
          { file: 0, actual: 92, unit: '%', status: 'met' },
          { file: 1, actual: 85, unit: '%', status: 'met' },
          { file: 2, actual: 40, unit: '%', status: 'missed' },
          { file: 3, actual: null, unit: '%', status: 'no-data' },
          { file: 4, actual: 81.5, unit: '%', status: 'met' },
        ],
      },
      {
        key: 'thoi gian cho doi trung binh',
        name: 'Thời gian chờ đợi trung bình <b>tại bộ phận một cửa</b>',
        met: 1,
        missed: 1,
        noData: 0,
        unmeasurable: 0,
        results: [
          { file: 0, actual: 12, unit: 'phút', status: 'met' },
          { file: 2, actual: 25, unit: 'phút', status: 'missed' },
        ],
      },
    ],
    areas: [
      {
        area: 'I',
        name: 'Công tác chỉ đạo, điều hành',
        tasks: 30,
        done: 15,
        overdue: 4,
        filesWithOverdue: 2,
      },
      { area: 'II', name: 'Cải cách thể chế', tasks: 40, done: 20, overdue: 10, filesWithOverdue: 3 },
      {
        area: 'III',
        name: 'Cải cách thủ tục hành chính',
        tasks: 61,
        done: 26,
        overdue: 13,
        filesWithOverdue: 4,
      },
    ],
    errors: [
      {
        file: 'an-nhon-dong.xlsx',
        sheet: 'Phụ lục 1',
        cell: 'F12',
        code: 'task/deadline-unparseable',
        message: 'Thời hạn "sớm" không đọc được.',
      },
      {
        file: 'an-nhon-dong.xlsx',
        sheet: 'Phụ lục 2',
        cell: 'D7',
        code: 'kpi/actual-unparseable',
        message: 'Kết quả "<script>alert(1)</script>" không đọc được.',
      },
      {
        file: 'phu-my-ban-1.xlsx',
        sheet: 'KPI',
        cell: 'C4',
        code: 'kpi/target-unparseable',
        message: 'Chỉ tiêu "=HYPERLINK(\\"http://x\\")" không đọc được.',
      },
      {
        file: 'hong.xlsx',
        sheet: '',
        cell: '',
        code: 'file/unreadable',
        message: 'hong.xlsx: tệp .xlsx bị hỏng hoặc không đọc được.',
      },
    ],
  };
  return summarySchema.parse(summary);
}
