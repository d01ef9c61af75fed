/**
 * The standard appendices as the command line renders them: a blank template checks clean, and templates
 * filled programmatically check exactly as their data deserves.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWorkbook, type Report } from '../../shared/src/index';
import { buildTemplate, type TemplateKind } from '../../shared/src/templates/build';
import { main, type Io } from '../src/main';
import { renderWorkbook } from '../src/templates/renderWorkbook';
import { readWorkbookBuffer } from '../src/xlsx/readWorkbook';
import { reportDisplay } from '../../shared/src/hosts/reportDisplay';
import { runMain } from './runMain';

async function render(
  kinds: TemplateKind[],
  lang: 'vi' | 'en',
  exampleTargets = false,
): Promise<ExcelJS.Workbook> {
  const wb = renderWorkbook(buildTemplate(kinds, { lang, year: 2026, unit: 'Phường 5', exampleTargets }));
  // Round-trip through bytes so the test reads what a user's file holds.
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  return again;
}

async function checkBook(wb: ExcelJS.Workbook, asOf = '2026-07-01'): Promise<Report> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return checkWorkbook(await readWorkbookBuffer(buffer), { asOf });
}

const errors = (r: Report) =>
  [...r.findings, ...r.sheets.flatMap((s) => s.findings)].filter((f) => f.severity === 'error');
const codes = (r: Report, sheet: number) => r.sheets[sheet].findings.map((f) => `${f.code} ${f.cell}`);

/** Types a task into row `row` as a user would, with the number Excel's formula would show. */
function typeTask(
  ws: ExcelJS.Worksheet,
  row: number,
  n: number,
  cells: [string, string, string, string],
): void {
  const stt = ws.getCell(`A${row}`);
  stt.value = {
    formula: (stt.value as ExcelJS.CellFormulaValue).formula,
    result: n,
  } as ExcelJS.CellFormulaValue;
  ['B', 'D', 'F', 'G'].forEach((col, i) => (ws.getCell(`${col}${row}`).value = cells[i]));
}

/** The total row as Excel would show it once it recalculates. */
function typeTotal(ws: ExcelJS.Worksheet, n: number): void {
  const cell = ws.getCell('A37');
  cell.value = {
    formula: (cell.value as ExcelJS.CellFormulaValue).formula,
    result: `Tổng cộng: ${n} nhiệm vụ`,
  } as ExcelJS.CellFormulaValue;
}

describe.each(['vi', 'en'] as const)('blank templates (%s)', (lang) => {
  it('check with no error finding, and each sheet is recognised for what it is', async () => {
    const report = await checkBook(await render(['tasks', 'kpis'], lang));
    expect(errors(report)).toEqual([]);
    expect(report.sheets.map((s) => [s.kind, s.planYear])).toEqual([
      ['tasks', 2026],
      ['kpis', 2026],
      ['none', 2026],
    ]);
    expect(report.sheets[0].summary.byArea.map((a) => a.area)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
    ]);
    // One note per blank table (issue 19), not a finding per row.
    expect(codes(report, 0)).toEqual(['task/tasks-not-set B8']);
    expect(codes(report, 1)).toEqual(['kpi/targets-not-set C8']);
    expect(report.sheets[1].kpis).toHaveLength(19);
    expect(report.sheets[1].kpis.every((k) => k.status === 'unmeasurable')).toBe(true);
  });

  it('show as one line each: no attainment table of "Không đo được", no area table of zeros', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cchc-blank-')), `blank-${lang}.xlsx`);
    writeFileSync(path, Buffer.from(await (await render(['tasks', 'kpis'], lang)).xlsx.writeBuffer()));
    const r = await runMain(['validate', path, '--as-of', '2026-10-15', '--lang', lang]);
    const words =
      lang === 'vi'
        ? [
            'Chưa nhập nhiệm vụ nào: bảng còn trống.',
            'Chưa nhập chỉ tiêu phấn đấu cho chỉ tiêu nào: bảng còn trống.',
          ]
        : [
            'No task has been entered yet: the table is still blank.',
            'No indicator has a target yet: the table is still blank.',
          ];
    for (const line of words) expect(r.stdout).toContain(line);
    expect(r.stdout).not.toMatch(lang === 'vi' ? /Không đo được|Theo lĩnh vực/ : /Unmeasurable|By area/);
    const display = reportDisplay(await checkBook(await render(['tasks', 'kpis'], lang)), lang);
    expect(
      display.sheets.map((s) => [s.blank, s.kpis.length, s.taskAreas.length, s.kpiAreas.length]),
    ).toEqual([
      [true, 0, 0, 0],
      [true, 0, 0, 0],
      [false, 0, 0, 0],
    ]);
  });

  it('with example targets: every target parses and waits for its result', async () => {
    const report = await checkBook(await render(['kpis'], lang, true));
    expect(errors(report)).toEqual([]);
    expect(codes(report, 0)).toEqual([]);
    expect(report.sheets[0].kpis.every((k) => k.targets.length === 1 && k.status === 'no-data')).toBe(true);
  });
});

describe('templates filled programmatically', () => {
  it('sensible data checks clean and scores as it should', async () => {
    const wb = await render(['tasks', 'kpis'], 'vi', true);
    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    typeTask(tasks, 10, 1, [
      'Ban hành kế hoạch CCHC năm 2026',
      'Công chức Văn phòng - Thống kê',
      'Tháng 02/2026',
      'Đã hoàn thành',
    ]);
    typeTask(tasks, 11, 2, [
      'Kiểm tra công tác CCHC',
      'Công chức Văn phòng - Thống kê',
      'Quý IV',
      'Đang thực hiện',
    ]);
    typeTask(tasks, 14, 1, ['Rà soát văn bản QPPL', 'Công chức Tư pháp - Hộ tịch', 'Thường xuyên', '']);
    typeTotal(tasks, 3);
    const kpis = wb.getWorksheet('Chỉ tiêu')!;
    kpis.getCell('D10').value = 1; // "100%" target
    kpis.getCell('D10').numFmt = '0%';
    kpis.getCell('D11').value = '65%'; // "Tối thiểu 60%"
    kpis.getCell('D19').value = 0.955; // satisfaction "Tối thiểu 90%"
    kpis.getCell('D19').numFmt = '0.0%';

    const report = await checkBook(wb);
    expect(errors(report)).toEqual([]);
    expect(report.sheets[0].tasks.map((t) => [t.row, t.number, t.area, t.status])).toEqual([
      [10, '1', 'I', 'done'],
      [11, '2', 'I', 'pending'],
      [14, '1', 'II', 'ongoing'],
    ]);
    expect(codes(report, 0)).toEqual([]);
    const scored = report.sheets[1].kpis
      .filter((k) => k.status !== 'no-data')
      .map((k) => [k.row, k.status, k.actual]);
    expect(scored).toEqual([
      [10, 'met', 100],
      [11, 'met', 65],
      [19, 'met', 95.5],
    ]);
  });

  it('faulty data is reported cell by cell', async () => {
    const wb = await render(['tasks', 'kpis'], 'vi', true);
    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    typeTask(tasks, 10, 1, ['Ban hành kế hoạch CCHC năm 2026', '', 'Tháng 02/2026', 'Đang thực hiện']);
    typeTask(tasks, 11, 2, [
      'Kiểm tra công tác CCHC',
      'Công chức Văn phòng - Thống kê',
      'sớm nhất có thể',
      '',
    ]);
    typeTask(tasks, 12, 3, [
      'Ban hành kế hoạch CCHC năm 2026',
      'Công chức Văn phòng - Thống kê',
      'Quý I năm 2025',
      '',
    ]);
    typeTotal(tasks, 4); // one more than typed: the total row must disagree
    const kpis = wb.getWorksheet('Chỉ tiêu')!;
    kpis.getCell('D10').value = 0.92; // "100%"
    kpis.getCell('D10').numFmt = '0%';
    kpis.getCell('D11').value = 'tốt'; // a verdict where a figure belongs
    kpis.getCell('D13').value = 1.3; // 130 %, area II's first indicator
    kpis.getCell('D13').numFmt = '0%';

    const report = await checkBook(wb, '2026-07-01');
    expect(codes(report, 0)).toEqual([
      'cell/required D10',
      'task/overdue F10',
      'task/deadline-unparseable F11',
      'row/duplicate B12',
      'task/deadline-out-of-year F12',
      'task/overdue F12',
      'table/count-mismatch A37',
    ]);
    expect(codes(report, 1)).toEqual([
      'kpi/target-missed D10',
      'kpi/actual-unparseable D11',
      'kpi/actual-out-of-range D13',
    ]);
    expect(report.sheets[1].kpis.slice(0, 3).map((k) => [k.row, k.status])).toEqual([
      [10, 'missed'],
      // The target is fine; the result is missing: no data (and the unreadable cell is reported).
      [11, 'no-data'],
      [13, 'met'],
    ]);
  });
});

describe('cchc template', () => {
  const io = (): Io & { text: string } => {
    const sink = {
      text: '',
      out: (s: string) => void (sink.text += s),
      err: (s: string) => void (sink.text += s),
      today: () => '2026-01-05',
    };
    return sink;
  };

  it('writes a new file and never overwrites one without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-tpl-'));
    const out = join(dir, 'mau.xlsx');
    expect(await main(['template', 'all', '--unit', 'Xã An Bình', '-o', out], io())).toBe(0);
    const first = readFileSync(out);
    const sheets = await readWorkbookBuffer(first);
    expect(sheets.map((s) => s.name)).toEqual(['Nhiệm vụ', 'Chỉ tiêu', 'Đơn vị']);
    expect(sheets[0].values[1][0]).toBe('XÃ AN BÌNH');
    expect(JSON.stringify(sheets[0].values)).toContain('NĂM 2026');

    writeFileSync(out, 'mine');
    const refused = io();
    expect(await main(['template', 'tasks', '-o', out], refused)).toBe(2);
    expect(refused.text).toMatch(/đã có; thêm --force/);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(await main(['template', 'tasks', '-o', out, '--force', '--year', '2027'], io())).toBe(0);
    expect(JSON.stringify((await readWorkbookBuffer(readFileSync(out)))[0].values)).toContain('NĂM 2027');
  });

  it('explains a wrong template name in one line', async () => {
    const sink = io();
    expect(await main(['template', 'budget', '-o', '/tmp/x.xlsx'], sink)).toBe(2);
    expect(sink.text.trim().split('\n')).toHaveLength(1);
  });
});
