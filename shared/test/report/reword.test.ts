/**
 * A check made in one language can be shown in the other without checking again: every finding carries its
 * parameters in no language, and the display worded from them in English is the display of a check made in
 * English, on the real appendices (the CLI's fixtures and the document layouts), finding by finding.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook, type CheckOptions, type Lang, type SheetGrid } from '../../src/index';
import { reportDisplay } from '../../src/hosts/reportDisplay';
import { message } from '../../src/report/messages';
import type { FindingCode } from '../../src/report/schema';
import { readXlsx } from '../../src/xlsx';
import { documentLayoutSheets, PERIOD_LAYOUTS, periodKpiTable } from '../fixtures/documentLayouts';
import { pastedKpiTable, pastedTaskList } from '../fixtures/pastedLayouts';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(ROOT, 'cli/test/fixtures');

const workbooks: [string, SheetGrid[]][] = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f): [string, SheetGrid[]] => [f, readXlsx(readFileSync(join(FIXTURES, f)))]),
  ['phu-luc-mau.xlsx', readXlsx(readFileSync(join(ROOT, 'cli/sample/phu-luc-mau.xlsx')))],
  ['document layouts', documentLayoutSheets()],
  ['pasted', [pastedTaskList(), pastedKpiTable()]],
  ...PERIOD_LAYOUTS.map((l): [string, SheetGrid[]] => [`period ${l}`, [periodKpiTable(l)]]),
  ['odd cells', [oddCells(), lackingLead()]],
];

/** A task list with what the fixtures lack: a formula error, a deadline outside the plan year, a wrong total. */
function oddCells(): SheetGrid {
  return {
    name: 'Nhiệm vụ',
    values: [
      ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025', '', '', '', ''],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tiến độ'],
      ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', '', '', ''],
      [1, 'Ban hành kế hoạch', '#REF!', 'Tháng 3/2026', ''],
      [2, 'Tuyên truyền CCHC', 'Văn phòng', 'Quý I', ''],
      ['', 'Tổng cộng: 5 nhiệm vụ', '', '', ''],
    ],
  };
}

/** A task list whose heading has no "Cơ quan chủ trì" column. */
function lackingLead(): SheetGrid {
  return {
    name: 'Thiếu cột',
    values: [
      ['STT', 'Nhiệm vụ', 'Thời gian hoàn thành', 'Tiến độ'],
      [1, 'Ban hành kế hoạch', 'Quý I', 'Đã hoàn thành'],
    ],
  };
}

const OPTIONS: CheckOptions = { today: '2025-10-15', asOf: '2025-10-15' };
const check = (grids: SheetGrid[], lang: Lang) => checkWorkbook(grids, { ...OPTIONS, lang });

describe.each(workbooks)('%s', (_name, grids) => {
  it.each<[Lang, Lang]>([
    ['vi', 'en'],
    ['en', 'vi'],
  ])('checked in %s, shown in %s: the same as checked in that language', (from, to) => {
    const once = check(grids, from);
    const other = check(grids, to);
    expect(reportDisplay(once, to)).toEqual(reportDisplay(other, to));
    // And each finding's own message, worded again from its parameters.
    const all = (r: typeof once) => r.findings.concat(...r.sheets.map((s) => s.findings));
    const reworded = all(once).map((f) => message(f.code, f.params ?? {}, to));
    expect(reworded).toEqual(all(other).map((f) => f.message));
    // Parameters survive JSON (the CLI's --format json, the web worker's messages).
    expect(JSON.parse(JSON.stringify(all(once)))).toEqual(all(once));
  });
});

it('covers every code whose parameters are worded (a date, a field, a figure, a target, an area, a noun)', () => {
  const worded: FindingCode[] = [
    'table/count-mismatch',
    'header/missing-field',
    'cell/required',
    'cell/unusable',
    'task/deadline-out-of-year',
    'task/overdue',
    'area/missing',
    'kpi/target-missed',
    'kpi/period-column',
    'kpi/no-data-for-period',
  ];
  const seen = new Set<string>();
  for (const [, grids] of workbooks)
    for (const s of check(grids, 'vi').sheets) for (const f of s.findings) seen.add(f.code);
  expect(worded.filter((c) => !seen.has(c))).toEqual([]);
});
