/**
 * Inserting the standard appendices in Sheets: rendered from the core's description in batches (a number of
 * calls that does not grow with the rows), never over anything of the user's, checking clean once inserted, and
 * taken back whole when Sheets refuses part of the work.
 */
import { checkWorkbook } from '../../../shared/src/index';
import { unpackGrid } from '../../../shared/src/hosts/gridTransfer';
import { buildTemplate, type TemplateParams } from '../../../shared/src/templates/build';
import { insertTemplate, readSheet } from '../../src/server/index';
import type { FakeSheets } from '../fakeSheets/index';
import { installFake, templateCalculator } from './support';

const PARAMS: TemplateParams = {
  lang: 'vi',
  year: 2026,
  unit: 'Phường 5',
  doc: '36/KH-UBND ngày 12/02/2026',
};

function spreadsheet(sheets = [{ name: 'Trang tính1', values: [['Ghi chú của phường']] }], namedRanges = {}) {
  // The calculator reads cells only once the spreadsheet exists.
  const fake: FakeSheets = installFake({ sheets, namedRanges, calculate: templateCalculator(() => fake) });
  return fake;
}

/** As it crosses google.script.run: JSON. */
const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('insertTemplate', () => {
  it('adds the task list, the KPI table and the unit list after the user’s sheets, each checking clean', () => {
    const fake = spreadsheet();
    const names = insertTemplate(wire(buildTemplate(['tasks', 'kpis'], PARAMS)));
    expect(names).toEqual(['Nhiệm vụ', 'Chỉ tiêu', 'Đơn vị']);
    const snap = fake.snapshot();
    expect(snap.sheetOrder).toEqual(['Trang tính1', 'Nhiệm vụ', 'Chỉ tiêu', 'Đơn vị']);
    expect(snap.activeSheet).toBe('Nhiệm vụ');
    expect(snap.sheets['Trang tính1'].cells).toEqual({ A1: { value: 'Ghi chú của phường' } });

    for (const name of ['Nhiệm vụ', 'Chỉ tiêu']) {
      SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)?.activate();
      const report = checkWorkbook([unpackGrid(readSheet('sheet'))], { today: '2026-03-01' });
      expect([name, report.sheets[0].kind, report.valid]).toEqual([
        name,
        name === 'Nhiệm vụ' ? 'tasks' : 'kpis',
        true,
      ]);
      expect(report.sheets[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('renders the description: fonts, merges, widths, frozen header, the named unit list and its dropdowns', () => {
    const fake = spreadsheet();
    const template = buildTemplate(['tasks'], PARAMS);
    insertTemplate(wire(template));
    const snap = fake.snapshot();
    const tasks = snap.sheets['Nhiệm vụ'];
    const tpl = template.sheets[0];
    expect(new Set(tasks.merges)).toEqual(new Set(tpl.merges));
    expect(tasks.merges).toHaveLength(tpl.merges.length);
    expect(tasks.frozenRows).toBe(tpl.freeze.rows);
    expect(tasks.columnWidths.B).toBe(Math.round(tpl.columnWidths[1] * 7.5));
    // Every cell in Times New Roman, as the template says; text typed as text ("1.4" would be a number).
    const fonts = new Set(Object.values(tasks.cells).map((c) => c.fontFamily));
    expect(fonts).toEqual(new Set(['Times New Roman']));
    expect(snap.namedRanges).toEqual({ DonVi: "'Đơn vị'!B2:B41" });
    const dropdowns = Object.values(tasks.validations);
    expect(
      dropdowns.some(
        (v) => v.type === 'VALUE_IN_RANGE' && v.values[0] === "'Đơn vị'!B2:B41" && v.allowInvalid,
      ),
    ).toBe(true);
    expect(
      dropdowns.some(
        (v) => v.type === 'VALUE_IN_LIST' && v.values.includes('Đã hoàn thành') && !v.allowInvalid,
      ),
    ).toBe(true);
    // The total row counts the tasks by formula.
    const total = Object.values(tasks.cells).find(
      (c) => typeof c.value === 'string' && c.value.includes('COUNT('),
    );
    expect(total?.value).toMatch(/^="Tổng cộng: "&COUNT\(A\d+:A\d+\)&" nhiệm vụ"$/);
  });

  it('never overwrites: taken sheet names get " (2)", a taken range name a number, dropdowns follow', () => {
    const fake = spreadsheet(
      [
        { name: 'Nhiệm vụ', values: [['Bảng cũ của phường']] },
        { name: 'Đơn vị', values: [['Danh sách cũ']] },
      ],
      { DonVi: "'Đơn vị'!A1:A1" },
    );
    const before = fake.snapshot();
    expect(insertTemplate(wire(buildTemplate(['tasks'], PARAMS)))).toEqual(['Nhiệm vụ (2)', 'Đơn vị (2)']);
    const snap = fake.snapshot();
    expect(snap.sheets['Nhiệm vụ']).toEqual(before.sheets['Nhiệm vụ']);
    expect(snap.sheets['Đơn vị']).toEqual(before.sheets['Đơn vị']);
    expect(snap.namedRanges).toEqual({ DonVi: "'Đơn vị'!A1", DonVi2: "'Đơn vị (2)'!B2:B41" });
    const sources = Object.values(snap.sheets['Nhiệm vụ (2)'].validations).flatMap((v) =>
      v.type === 'VALUE_IN_RANGE' ? v.values : [],
    );
    expect(new Set(sources)).toEqual(new Set(["'Đơn vị (2)'!B2:B41"]));
  });

  it('makes as many calls for 30 blank rows per area as for 3', () => {
    const counts = [3, 30].map((rowsPerArea) => {
      const fake = spreadsheet();
      fake.resetLog();
      insertTemplate(wire(buildTemplate(['tasks', 'kpis'], { ...PARAMS, rowsPerArea })));
      return fake.log.length;
    });
    expect(counts[1]).toBe(counts[0]);
    const fake = spreadsheet();
    fake.resetLog();
    insertTemplate(wire(buildTemplate(['tasks', 'kpis'], PARAMS)));
    // One contents write per sheet, whatever its size.
    expect(fake.count('Range.setValues')).toBe(3);
    expect(fake.count((c) => c === 'Range.setValue')).toBe(0);
  });

  it.each(['Range.merge', 'Spreadsheet.setNamedRange', 'Range.setDataValidation', 'Range.setValues'])(
    'takes everything back when Sheets refuses %s',
    (call) => {
      const fake = spreadsheet();
      const before = fake.snapshot();
      fake.failOn(call, { message: 'Exception: Service Spreadsheets failed while accessing document' });
      expect(() => insertTemplate(wire(buildTemplate(['tasks', 'kpis'], PARAMS)))).toThrow(
        'Service Spreadsheets failed',
      );
      expect(fake.snapshot()).toEqual(before);
    },
  );

  it('refuses a request that is not a template, in words the sidebar translates', () => {
    spreadsheet();
    expect(() => insertTemplate(null as never)).toThrow('CCHC:bad-argument');
    expect(() => insertTemplate({ sheets: 'x' } as never)).toThrow('CCHC:bad-argument');
  });
});
