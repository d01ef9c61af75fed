import type { DeadlineKind } from '../../src/report/schema';
import { parseDeadline } from '../../src/deadlines/parseDeadline';

const Y = 2025;

// [cell text, kind, due, milestones (when they differ from [due])]
type Row = [string, DeadlineKind, string | null, string[]?];

const dates: Row[] = [
  ['30/6/2025', 'date', '2025-06-30'],
  ['15/02/2025', 'date', '2025-02-15'],
  ['trước ngày 15/12/2025', 'date', '2025-12-15'],
  ['Trước ngày 30/6', 'date', '2025-06-30'],
  ['ngày 15 tháng 12 năm 2025', 'date', '2025-12-15'],
  ['30/6', 'date', '2025-06-30'],
  ['05/04/2025', 'date', '2025-04-05'], // dd/mm, never mm/dd
  ['15-12-2025', 'date', '2025-12-15'],
  ['15.12.2025', 'date', '2025-12-15'],
  ['30/6/25', 'date', '2025-06-30'],
  ['06/2025', 'date', '2025-06-30'],
];

const monthsAndQuarters: Row[] = [
  ['Tháng 02 năm 2025', 'date', '2025-02-28'],
  ['Tháng 02/2024', 'date', '2024-02-29'],
  ['Tháng 7', 'date', '2025-07-31'],
  ['THÁNG 7', 'date', '2025-07-31'],
  ['tháng 7, 8', 'date', '2025-08-31', ['2025-07-31', '2025-08-31']],
  ['Từ tháng 7 đến tháng 9', 'date', '2025-09-30', ['2025-07-31', '2025-09-30']],
  ['Quý I', 'date', '2025-03-31'],
  ['Quý III năm 2024', 'date', '2024-09-30'],
  ['quý 2', 'date', '2025-06-30'],
  ['Quý IV/2025', 'date', '2025-12-31'],
  ['Quy I', 'date', '2025-03-31'], // typed without diacritics
  ['6 tháng đầu năm', 'date', '2025-06-30'],
  ['6 tháng cuối năm', 'date', '2025-12-31'],
  ['cuối năm', 'date', '2025-12-31'],
  ['9 tháng', 'date', '2025-09-30'],
  [
    'Quý I, II, III và cả năm 2024',
    'date',
    '2024-12-31',
    ['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31'],
  ],
  ['Năm 2025', 'date', '2025-12-31'],
  ['Trong năm 2024', 'date', '2024-12-31'],
  ['Cả năm', 'date', '2025-12-31'],
  ['Năm 2024 - 2025', 'date', '2025-12-31'],
  ['Từ 6 tháng đầu năm và cuối năm 2025', 'date', '2025-12-31', ['2025-06-30', '2025-12-31']],
  ['Tháng 12 (Theo KH của tỉnh)', 'date', '2025-12-31'],
  ['Tháng 12\n(Theo KH của tỉnh)', 'date', '2025-12-31'],
];

const milestones: Row[] = [
  ['Ban hành kế hoạch: Tháng 8; Thực hiện: Cả năm', 'date', '2025-12-31', ['2025-08-31', '2025-12-31']],
  ['Ban hành kế hoạch: Tháng 7; Thực hiện: Cả năm', 'date', '2025-12-31', ['2025-07-31', '2025-12-31']],
  ['Ban hành kế hoạch: Tháng 8; Thực hiện: Tháng 11', 'date', '2025-11-30', ['2025-08-31', '2025-11-30']],
  // As the seed's cells wrap: line breaks inside phrases must not split them.
  ['Ban hành kế\nhoạch: Tháng 7;\nThực hiện: Cả năm', 'date', '2025-12-31', ['2025-07-31', '2025-12-31']],
  ['Ban hành kế hoạch:\nTháng 8; Thực\nhiện: Cả năm', 'date', '2025-12-31', ['2025-08-31', '2025-12-31']],
  ['Ban hành kế hoạch: Tháng 8\nThực hiện: Cả năm', 'date', '2025-12-31', ['2025-08-31', '2025-12-31']],
  ['Ban hành: Tháng 8; Thực hiện: Thường xuyên', 'recurring', null, ['2025-08-31']],
  ['Ban hành: Tháng 8\nThực hiện: Thường xuyên', 'recurring', null, ['2025-08-31']],
  ['Tháng 9; Theo kế hoạch của tỉnh', 'external', null, ['2025-09-30']],
  ['Tháng 02 năm\n2025', 'date', '2025-02-28'],
];

const recurring: Row[] = [
  ['Thường xuyên', 'recurring', null],
  ['Thuong xuyen', 'recurring', null],
  ['Thường xuyên và định kỳ', 'recurring', null],
  ['Định kỳ và thường xuyên', 'recurring', null],
  ['Định kỳ và\nthường xuyên', 'recurring', null],
  ['Hàng tháng', 'recurring', null],
  ['Hằng quý', 'recurring', null],
  ['Định kỳ trong năm', 'recurring', null],
  ['Liên tục', 'recurring', null],
  ['Ngay từ đầu năm 2025', 'recurring', null],
  ['Ngay từ đầu\nnăm 2025', 'recurring', null],
  ['Định kỳ hàng quý, 6 tháng, năm hoặc đột xuất', 'recurring', null],
];

const external: Row[] = [
  ['Theo yêu cầu của Sở Nội vụ', 'external', null],
  ['Theo yêu cầu hướng dẫn của Sở Nội vụ', 'external', null],
  ['Theo kế hoạch của tỉnh', 'external', null],
  ['Theo kế hoạch của\ntỉnh', 'external', null],
  ['Theo kế hoạch', 'external', null],
  ['Theo kế hoạch\ncủa UBND tỉnh\nban hành', 'external', null],
  ['Theo Quyết định', 'external', null],
  ['Theo Quyết\nđịnh', 'external', null],
  ['Theo Quyết định của UBND phường', 'external', null],
  ['Sau khi có hướng dẫn của Trung ương, tỉnh', 'external', null],
  ['Theo hướng dẫn của Bộ quản lý ngành, lĩnh vực và của tỉnh', 'external', null],
  ['Theo lộ trình của tỉnh', 'external', null],
  ['Thời gian báo cáo theo quy định', 'external', null],
  ['Khi có yêu cầu', 'external', null],
  ['Đột xuất', 'external', null],
];

const references: Row[] = [
  ['Theo Kế hoạch số 3989/KH-UBND ngày 21/11/2022 của UBND tỉnh', 'external', null, []],
  ['Theo Kế hoạch số 3989/KH-UBND\nngày 21/11/2022 của UBND tỉnh', 'external', null, []],
  ['Theo Quyết định số 605/QĐ-UBND ngày 16 tháng 3 năm 2021', 'external', null, []],
  ['Theo Nghị định số 107/2021/NĐ-CP ngày 06/12/2021', 'external', null, []],
  ['Theo KH 370/KH-UBND ngày 08/12/2021', 'external', null, []],
  ['Theo văn bản số 123 ngày 08/12/2021 của Sở', 'external', null, []],
  // The reference goes, the deadline stays; the reference's year does not leak onto "Tháng 9".
  ['Quyết định số 605/QĐ-UBND ngày 16/3/2021; Tháng 9', 'date', '2025-09-30'],
  ['Tháng 10 (theo 3989/KH-UBND ngày 21/11/2022)', 'date', '2025-10-31'],
];

const unknown: Row[] = [
  ['abc', 'unknown', null, []],
  ['Đầu năm', 'unknown', null, []],
  ['31/02/2025', 'unknown', null, []],
  ['32/1/2025', 'unknown', null, []],
  ['15/13/2025', 'unknown', null, []],
  ['Tháng 13', 'unknown', null, []],
  ['30/6/1850', 'unknown', null, []],
  // A mistyped date is reported rather than hidden behind a good milestone.
  ['Ban hành: 31/02/2025; Thực hiện: Cả năm', 'unknown', null, []],
];

describe('parseDeadline: phrases from the seeds and DOMAIN.md (plan year 2025)', () => {
  const all: [string, Row[]][] = [
    ['dates', dates],
    ['months, quarters, parts of the year', monthsAndQuarters],
    ['several milestones', milestones],
    ['recurring', recurring],
    ['external', external],
    ['document references', references],
    ['unknown and invalid', unknown],
  ];
  for (const [group, rows] of all) {
    describe(group, () => {
      // Every row gets its four values: jest passes a `done` callback in place of a missing last one.
      const full = rows.map(([text, kind, due, ms]) => [text, kind, due, ms ?? (due ? [due] : [])] as const);
      it.each(full)('%j → %s %s', (text, kind, due, ms) => {
        const r = parseDeadline(text, Y);
        expect(r.kind).toBe(kind);
        expect(r.due).toBe(due);
        expect(r.milestones).toEqual(ms);
      });
    });
  }
});

describe('parseDeadline: text as real files bring it', () => {
  it('is case, NFD and whitespace insensitive', () => {
    expect(parseDeadline('QUÝ III NĂM 2024', Y).due).toBe('2024-09-30');
    expect(parseDeadline('Quý III năm 2024'.normalize('NFD'), Y).due).toBe('2024-09-30');
    expect(parseDeadline('Thường   xuyên'.normalize('NFD'), Y).kind).toBe('recurring');
    expect(parseDeadline('  Tháng\u00a07  ', Y).due).toBe('2025-07-31');
  });

  it('keeps the normalised text for display', () => {
    expect(parseDeadline('Định kỳ và\n thường xuyên', Y).text).toBe('Định kỳ và thường xuyên');
  });

  it('does not read "quy định" as a quarter', () => {
    expect(parseDeadline('Hàng quy định', Y).kind).not.toBe('recurring');
    expect(parseDeadline('Theo quy định', Y).kind).toBe('external');
  });

  it('uses the plan year for months and quarters without a year', () => {
    expect(parseDeadline('Quý I', 2024).due).toBe('2024-03-31');
    expect(parseDeadline('Tháng 2', 2024).due).toBe('2024-02-29');
    expect(parseDeadline('30/6', 2026).due).toBe('2026-06-30');
  });

  it('treats blanks as unknown with empty text', () => {
    for (const v of ['', '   ', '\n', null, undefined]) {
      expect(parseDeadline(v, Y)).toEqual({ text: '', kind: 'unknown', due: null, milestones: [] });
    }
  });

  it('shares frozen results, so no caller can change the memo', () => {
    const a = parseDeadline('Quý I, II', Y);
    expect(() => (a.milestones as string[]).push('x')).toThrow(TypeError);
    expect(() => ((a as { kind: string }).kind = 'unknown')).toThrow(TypeError);
    const b = parseDeadline('Quý I, II', Y);
    expect(b.kind).toBe('date');
    expect(b.milestones).toEqual(['2025-03-31', '2025-06-30']);
  });

  it('memoises per plan year', () => {
    expect(parseDeadline('Tháng 3', 2024).due).toBe('2024-03-31');
    expect(parseDeadline('Tháng 3', 2025).due).toBe('2025-03-31');
  });

  it('survives more distinct texts than the memo holds', () => {
    for (let i = 0; i < 6000; i++) parseDeadline(`Tháng ${(i % 12) + 1} ghi chú ${i}`, Y);
    expect(parseDeadline('Tháng 3 ghi chú 2', Y).due).toBe('2025-03-31');
  });
});

describe('parseDeadline: real date cells', () => {
  it('reads an Excel serial in a date-formatted cell', () => {
    // 1900 date system: 45658 is 01/01/2025, so 45838 is 30/06/2025 and 45839 is 01/07/2025.
    expect(parseDeadline(45658, Y, 'dd/mm/yyyy').due).toBe('2025-01-01');
    expect(parseDeadline(45838, Y, 'dd/mm/yyyy').due).toBe('2025-06-30');
    expect(parseDeadline(45839, Y, 'dd/mm/yyyy')).toEqual({
      text: '01/07/2025',
      kind: 'date',
      due: '2025-07-01',
      milestones: ['2025-07-01'],
    });
    expect(parseDeadline(45839, Y, 'm/d/yyyy').due).toBe('2025-07-01');
    expect(parseDeadline(45839.75, Y, '[$-42A]dd/mm/yyyy hh:mm').due).toBe('2025-07-01');
  });

  it('does not read a number as a date without a date format', () => {
    for (const f of [undefined, null, 'General', '0', '0%', '@']) {
      const r = parseDeadline(45838, Y, f);
      expect(r.kind).toBe('unknown');
      expect(r.due).toBeNull();
      expect(r.text).toBe('45838');
    }
  });

  it('rejects serials out of range', () => {
    for (const n of [0, -5, 3e6, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(parseDeadline(n, Y, 'dd/mm/yyyy').kind).toBe('unknown');
    }
  });

  it('reads Date objects as Sheets and exceljs give them', () => {
    expect(parseDeadline(new Date(Date.UTC(2025, 5, 30)), Y).due).toBe('2025-06-30');
    expect(parseDeadline(new Date(2025, 11, 15, 12, 0, 0), Y).due).toBe('2025-12-15');
    expect(parseDeadline(new Date(Date.UTC(2025, 5, 30)), Y).text).toBe('30/06/2025');
  });

  it('treats invalid Dates and booleans as unknown', () => {
    expect(parseDeadline(new Date(Number.NaN), Y)).toEqual({
      text: '',
      kind: 'unknown',
      due: null,
      milestones: [],
    });
    expect(parseDeadline(true, Y).kind).toBe('unknown');
  });
});
