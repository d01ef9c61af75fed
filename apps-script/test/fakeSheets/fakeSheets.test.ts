import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { buildSync } from 'esbuild';
import { AUTOMATIC_FORMAT, type FakeSheets, type FakeSheetsInit, createFakeSheets } from './index';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Utils = GoogleAppsScript.Utilities.Utilities;

function setup(init: Partial<FakeSheetsInit> = {}) {
  const fake = createFakeSheets({
    sheets: [
      {
        name: 'Phụ lục 1',
        values: [
          ['STT', 'Nhiệm vụ', 'Hạn', 'Tỷ lệ'],
          [1, 'Rà soát', 45838.75, 0.925],
          [2, 'Báo cáo', new Date('2025-07-01T00:00:00+07:00'), 1.5],
        ],
        numberFormats: [
          [null, null, null, null],
          [null, null, 'dd/MM/yyyy HH:mm', '0.0%'],
          [null, null, null, null],
        ],
        merges: ['A5:B6', 'D5:E6', 'H1:H2'],
        conditionalRules: [
          { kind: 'formula', formula: '=$D2<0.8', ranges: ['A2:D3'], background: '#FF0000' },
          { kind: 'gradient', ranges: ['D2:D3'], minColor: '#ffffff', maxColor: '#00ff00' },
        ],
      },
      { name: 'Đơn vị', values: [['Đơn vị'], ['Xã A'], ['Xã B']] },
    ],
    ...init,
  });
  return {
    fake,
    app: fake.SpreadsheetApp as unknown as App,
    utils: fake.Utilities as unknown as Utils,
    sheet: (fake.SpreadsheetApp as unknown as App).getActive().getSheetByName('Phụ lục 1')!,
  };
}

const isDate = (x: unknown): x is Date => Object.prototype.toString.call(x) === '[object Date]';

describe('dates', () => {
  it('reads a date-formatted serial as the instant of its wall-clock time in the spreadsheet zone', () => {
    const { sheet, utils } = setup();
    const d = sheet.getRange('C2').getValues()[0][0];
    expect(isDate(d)).toBe(true);
    expect((d as Date).toISOString()).toBe('2025-06-30T11:00:00.000Z');
    expect(utils.formatDate(d as Date, 'Asia/Ho_Chi_Minh', 'yyyy-MM-dd HH:mm')).toBe('2025-06-30 18:00');
    expect(sheet.getRange('C3').getNumberFormat()).toBe('dd/MM/yyyy');
    expect((sheet.getRange('C3').getValue() as Date).toISOString()).toBe('2025-06-30T17:00:00.000Z');
  });

  it('writes a Date back as the same serial, with a date format only where there was none', () => {
    const { fake, sheet } = setup();
    const d = sheet.getRange('C2').getValue() as Date;
    sheet.getRange('C2:C3').setValues([[d], [d]]);
    sheet.getRange('F1').setValue(d);
    expect(fake.cell('Phụ lục 1', 'C2')).toEqual({ value: 45838.75, format: 'dd/MM/yyyy HH:mm' });
    expect(fake.cell('Phụ lục 1', 'F1')).toEqual({ value: 45838.75, format: 'dd/MM/yyyy' });
    expect(sheet.getRange('C2').getDisplayValue()).toBe('30/06/2025 18:00');
  });

  it('follows setTimeZone: the serial stays, the instant moves', () => {
    const { fake, sheet } = setup();
    fake.setTimeZone('UTC');
    expect((sheet.getRange('C2').getValue() as Date).toISOString()).toBe('2025-06-30T18:00:00.000Z');
  });

  it('formats Java patterns with literals, milliseconds and offsets', () => {
    const { utils } = setup();
    const d = new Date('2025-01-02T03:04:05.006Z');
    expect(utils.formatDate(d, 'Asia/Ho_Chi_Minh', "dd/MM/yy H:mm:ss.SSS 'lúc' ''Z'' XXX")).toBe(
      "02/01/25 10:04:05.006 lúc '+0700' +07:00",
    );
    expect(utils.formatDate(d, 'GMT', 'XXX EEE MMM')).toBe('Z Thu Jan');
    expect(() => utils.formatDate(d, 'UTC', 'yyyy-qq')).toThrow("Exception: Illegal pattern character 'q'");
    expect(() => utils.formatDate('2025' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "Exception: The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('dates with the process in America/Los_Angeles', () => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/Los_Angeles';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('is not affected by the process zone', () => {
    const { sheet, utils } = setup();
    const d = sheet.getRange('C2').getValue() as Date;
    expect(d.toISOString()).toBe('2025-06-30T11:00:00.000Z');
    expect(utils.formatDate(d, 'Asia/Ho_Chi_Minh', 'yyyy-MM-dd HH:mm')).toBe('2025-06-30 18:00');
  });

  it('is not affected by the process zone in a real Node process either', () => {
    // Jest gives each test file its own copy of process.env, so the TZ set above does not reach Node's clock;
    // this runs the fake, bundled for a platform without Node built-ins, in a child Node under that TZ.
    const bundle = buildSync({
      entryPoints: [path.join(__dirname, 'index.ts')],
      bundle: true,
      platform: 'neutral',
      format: 'iife',
      globalName: 'FakeSheetsBundle',
      write: false,
    }).outputFiles[0].text;
    const script = `${bundle}
      const fake = FakeSheetsBundle.createFakeSheets({ sheets: [{ name: 'S', values: [[45838.75]], numberFormats: [['dd/MM/yyyy HH:mm']] }] });
      const range = fake.SpreadsheetApp.getActiveSheet().getRange('A1');
      const d = range.getValue();
      range.setValue(new Date(2025, 5, 30, 4)); // 04:00 in Los Angeles = 18:00 in Ho Chi Minh City
      console.log(JSON.stringify([new Date(2025, 0, 15).getTimezoneOffset(), d.toISOString(),
        fake.Utilities.formatDate(d, 'Asia/Ho_Chi_Minh', 'yyyy-MM-dd HH:mm'), fake.cell('S', 'A1').value]));`;
    const child = spawnSync(process.execPath, ['-e', script], {
      env: { ...process.env, TZ: 'America/Los_Angeles' },
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual([480, '2025-06-30T11:00:00.000Z', '2025-06-30 18:00', 45838.75]);
  });

  it('handles a spreadsheet in a zone with daylight saving time', () => {
    const { sheet, utils } = setup({ timeZone: 'America/Los_Angeles' });
    const r = sheet.getRange('F1:F2').setNumberFormat('M/d/yyyy H:mm:ss');
    r.setValues([[45839.375], [45672.375]]); // 2025-07-01 09:00 and 2025-01-15 09:00, local
    const [[summer], [winter]] = r.getValues() as Date[][];
    expect(summer.toISOString()).toBe('2025-07-01T16:00:00.000Z');
    expect(winter.toISOString()).toBe('2025-01-15T17:00:00.000Z');
    expect(utils.formatDate(winter, 'America/Los_Angeles', 'Z')).toBe('-0800');
    expect(r.getDisplayValues()).toEqual([['7/1/2025 9:00:00'], ['1/15/2025 9:00:00']]);
    r.setValues([[summer], [winter]]);
    expect(r.getValues().map(([d]) => (d as Date).toISOString())).toEqual([
      '2025-07-01T16:00:00.000Z',
      '2025-01-15T17:00:00.000Z',
    ]);
  });
});

describe('formats and display', () => {
  it('reports automatic as 0.############### and explicit formats as stored', () => {
    const { sheet } = setup();
    expect(AUTOMATIC_FORMAT).toBe('0.###############');
    expect(sheet.getRange('A2:D2').getNumberFormats()).toEqual([
      ['0.###############', '0.###############', 'dd/MM/yyyy HH:mm', '0.0%'],
    ]);
    expect(sheet.getRange('A2:D3').getDisplayValues()).toEqual([
      ['1', 'Rà soát', '30/06/2025 18:00', '92,5%'],
      ['2', 'Báo cáo', '01/07/2025', '1,5'],
    ]);
    sheet.getRange('E1').setNumberFormat('#,##0.00').setValue(1234567.891);
    expect(sheet.getRange('E1').getDisplayValue()).toBe('1.234.567,89');
    sheet
      .getRange('E2:F2')
      .setNumberFormats([['#,##0.0;(#,##0.0)', '[h]:mm']])
      .setValues([[-1234.5, 1.5]]);
    expect(sheet.getRange('E2:F2').getDisplayValues()).toEqual([['(1.234,5)', '36:00']]);
  });
});

describe('merges', () => {
  it('getMergedRanges returns new ranges for every merge inside or overlapping the range', () => {
    const { sheet } = setup();
    const range = sheet.getRange('B6:D6');
    const merged = range.getMergedRanges();
    expect(merged.map((r) => r.getA1Notation())).toEqual(['A5:B6', 'D5:E6']);
    expect(range.getMergedRanges()[0]).not.toBe(merged[0]);
    expect(sheet.getRange('A1:H9').getMergedRanges()).toHaveLength(3);
    expect(sheet.getRange('C5').getMergedRanges()).toHaveLength(0);
    expect(sheet.getRange('H2').isPartOfMerge()).toBe(true);
  });

  it('merge keeps the top-left value, refuses a partial overlap, and hides the other cells', () => {
    const { fake, sheet } = setup();
    sheet.getRange('A2:B3').merge();
    expect(sheet.getRange('A2:B3').getValues()).toEqual([
      [1, ''],
      ['', ''],
    ]);
    expect(fake.cell('Phụ lục 1', 'B2')).toEqual({});
    expect(() => sheet.getRange('A6:C6').merge()).toThrow(
      'Exception: You must select all cells in a merged range to merge or unmerge them.',
    );
    expect(() => sheet.getRange('A5:A6').breakApart()).toThrow('You must select all cells in a merged range');
    sheet.getRange('A5:E6').breakApart();
    expect(sheet.getRange('A5:E6').isPartOfMerge()).toBe(false);
  });

  it('refuses a freeze line through a merge', () => {
    const { sheet } = setup();
    expect(() => sheet.setFrozenRows(5)).toThrow('part of a merged cell');
    sheet.setFrozenRows(4);
    expect(sheet.getFrozenRows()).toBe(4);
  });
});

describe('setValues', () => {
  it('types values as a user would', () => {
    const { fake, sheet } = setup();
    sheet
      .getRange('A10:J10')
      .setValues([['=SUM(A2:A3)', "'012", '12', '1.4', '1,5', '100%', 'TRUE', 'false', 7, true]]);
    const cells = fake.snapshot().sheets['Phụ lục 1'].cells;
    expect(
      ['A10', 'B10', 'C10', 'D10', 'E10', 'F10', 'G10', 'H10', 'I10', 'J10'].map((a) => cells[a]),
    ).toEqual([
      { value: '=SUM(A2:A3)' },
      { value: '012' },
      { value: 12 },
      { value: 1.4 },
      { value: '1,5' },
      { value: 1, format: '0%' },
      { value: true },
      { value: false },
      { value: 7 },
      { value: true },
    ]);
    expect(sheet.getRange('A10').getFormula()).toBe('=SUM(A2:A3)');
    expect(sheet.getRange('F10').getDisplayValue()).toBe('100%');
  });

  it('clears the value and keeps the format for "" and null; a text cell keeps text', () => {
    const { fake, sheet } = setup();
    sheet.getRange('D2:D3').setValues([[''], [null]]);
    expect(fake.cell('Phụ lục 1', 'D2')).toEqual({ format: '0.0%' });
    expect(fake.cell('Phụ lục 1', 'D3')).toEqual({});
    sheet.getRange('K1').setNumberFormat('@').setValue('012');
    expect(sheet.getRange('K1').getValue()).toBe('012');
  });

  it('gives formula cells the value calculate() returns', () => {
    const { sheet } = setup({ calculate: (f, s, a1) => (a1 === 'A10' ? 3 : `${s}:${f}`) });
    sheet.getRange('A10:B10').setFormulas([['=SUM(A2:A3)', '=B2']]);
    expect(sheet.getRange('A10:B10').getValues()).toEqual([[3, 'Phụ lục 1:=B2']]);
  });

  it('refuses a shape mismatch with Apps Script messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B1').setNumberFormats([['0', '0', '0']])).toThrow('The data has 3');
  });
});

describe('conditional format rules', () => {
  it('returns copies in order; rules change only through setConditionalFormatRules', () => {
    const { fake, app, sheet } = setup();
    const rules = sheet.getConditionalFormatRules();
    expect(rules.map((r) => r.getBooleanCondition()?.getCriteriaType())).toEqual([
      app.BooleanCriteria.CUSTOM_FORMULA,
      undefined,
    ]);
    const first = rules[0].getBooleanCondition()!;
    expect(String(first.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(first.getCriteriaValues()).toEqual(['=$D2<0.8']);
    expect(first.getBackground()).toBe('#ff0000');
    expect(rules[1].getBooleanCondition()).toBeNull();
    expect(rules[1].getGradientCondition()!.getMaxColor()).toBe('#00ff00');

    const before = fake.snapshot();
    rules[0].getRanges()[0].setBackground('#0000ff'); // a range of the rule is a range of the sheet
    const changed = rules[0]
      .copy()
      .setBackground('#00ff00')
      .setRanges([sheet.getRange('B2:B3')])
      .build();
    rules.push(changed);
    expect(fake.snapshot().sheets['Phụ lục 1'].conditionalRules).toEqual(
      before.sheets['Phụ lục 1'].conditionalRules,
    );
    expect(sheet.getConditionalFormatRules()[0].getBooleanCondition()!.getBackground()).toBe('#ff0000');

    const added = app
      .newConditionalFormatRule()
      .whenTextContains('x')
      .setFontColor('#123ABC')
      .setRanges([sheet.getRange('A1')])
      .build();
    sheet.setConditionalFormatRules([changed, added, ...sheet.getConditionalFormatRules()]);
    expect(fake.snapshot().sheets['Phụ lục 1'].conditionalRules).toEqual([
      { type: 'CUSTOM_FORMULA', values: ['=$D2<0.8'], background: '#00ff00', ranges: ['B2:B3'] },
      { type: 'TEXT_CONTAINS', values: ['x'], fontColor: '#123abc', ranges: ['A1'] },
      { type: 'CUSTOM_FORMULA', values: ['=$D2<0.8'], background: '#ff0000', ranges: ['A2:D3'] },
      { type: 'GRADIENT', values: [], minColor: '#ffffff', maxColor: '#00ff00', ranges: ['D2:D3'] },
    ]);
  });

  it('refuses incomplete rules and ranges of another sheet', () => {
    const { app, sheet } = setup();
    expect(() =>
      app
        .newConditionalFormatRule()
        .setRanges([sheet.getRange('A1')])
        .build(),
    ).toThrow('Exception:');
    expect(() => app.newConditionalFormatRule().whenCellEmpty().build()).toThrow('Exception:');
    const other = app.getActive().getSheetByName('Đơn vị')!.getRange('A1');
    const rule = app.newConditionalFormatRule().whenCellEmpty().setRanges([other]).build();
    expect(() => sheet.setConditionalFormatRules([rule])).toThrow('different sheet');
  });
});

describe('data validation', () => {
  it('stores list and range rules per cell and shows the source as a qualified A1', () => {
    const { fake, app, sheet } = setup();
    const source = app.getActive().getRange("'Đơn vị'!A2:A3");
    const rule = app.newDataValidation().requireValueInRange(source, true).setAllowInvalid(false).build();
    sheet.getRange('B2:B3').setDataValidation(rule);
    sheet
      .getRange('C5')
      .setDataValidation(app.newDataValidation().requireValueInList(['Có', 'Không']).build());
    const got = sheet.getRange('B2').getDataValidations()[0][0]!;
    expect(got.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_RANGE);
    const [range, dropdown] = got.getCriteriaValues() as [GoogleAppsScript.Spreadsheet.Range, boolean];
    expect([range.getSheet().getName(), range.getA1Notation(), dropdown, got.getAllowInvalid()]).toEqual([
      'Đơn vị',
      'A2:A3',
      true,
      false,
    ]);
    expect(fake.snapshot().sheets['Phụ lục 1'].validations).toEqual({
      B2: { type: 'VALUE_IN_RANGE', values: ["'Đơn vị'!A2:A3"], showDropdown: true, allowInvalid: false },
      B3: { type: 'VALUE_IN_RANGE', values: ["'Đơn vị'!A2:A3"], showDropdown: true, allowInvalid: false },
      C5: { type: 'VALUE_IN_LIST', values: ['Có', 'Không'], showDropdown: true, allowInvalid: true },
    });
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
  });
});

describe('spreadsheet and sheets', () => {
  it('insertSheet refuses a taken name case-insensitively and activates the new sheet', () => {
    const { app } = setup();
    const ss = app.getActiveSpreadsheet();
    expect(() => ss.insertSheet('đơn VỊ')).toThrow(
      'Exception: A sheet with the name "đơn VỊ" already exists. Please enter another name.',
    );
    const s = ss.insertSheet('Kết quả', 0);
    expect([s.getIndex(), s.getMaxRows(), s.getMaxColumns(), s.getLastRow(), s.getLastColumn()]).toEqual([
      1, 1000, 26, 0, 0,
    ]);
    expect(s.getDataRange().getA1Notation()).toBe('A1');
    expect(app.getActiveSheet().getName()).toBe('Kết quả');
    expect(ss.getSheets().map((x) => x.getName())).toEqual(['Kết quả', 'Phụ lục 1', 'Đơn vị']);
    ss.deleteSheet(s);
    expect(app.getActiveSheet().getName()).toBe('Phụ lục 1');
  });

  it('checks range coordinates and A1 notation', () => {
    const { sheet } = setup();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D3');
    expect(sheet.getRange(2, 3, 2).getA1Notation()).toBe('C2:C3');
    expect(() => sheet.getRange(1, 27)).toThrow(
      'Exception: The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('A1001')).toThrow('outside the dimensions');
    expect(() => sheet.getRange('Bảng!!A1')).toThrow('Exception: Range not found');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(sheet.getRange('B:C').getNumRows()).toBe(1000);
    sheet.insertColumnsAfter(1, 2);
    expect([sheet.getMaxColumns(), sheet.getRange('D2').getValue()]).toEqual([28, 'Rà soát']);
  });

  it('validates named range names and re-points a taken one', () => {
    const { fake, app, sheet } = setup({ namedRanges: { DonVi: "'Đơn vị'!$A$2:$A$3" } });
    const ss = app.getActive();
    for (const bad of ['A1', 'ab12', 'R1C1', 'rc', 'TRUE', '1x', 'a b', 'a-b', 'x'.repeat(251)]) {
      expect(() => ss.setNamedRange(bad, sheet.getRange('A1'))).toThrow('Exception:');
    }
    for (const good of ['_x', 'Đơn_vị', 'ABCD1', 'x'.repeat(250)])
      ss.setNamedRange(good, sheet.getRange('A1'));
    expect(ss.getRangeByName('donvi')!.getA1Notation()).toBe('A2:A3');
    ss.setNamedRange('DonVi', sheet.getRange('B2:B3'));
    expect(fake.snapshot().namedRanges.DonVi).toBe("'Phụ lục 1'!B2:B3");
    expect(ss.getNamedRanges()).toHaveLength(5);
    ss.removeNamedRange('DonVi');
    expect(ss.getRangeByName('DonVi')).toBeNull();
    expect(() => ss.removeNamedRange('DonVi')).toThrow('Exception:');
  });
});

describe('call log and faults', () => {
  it('logs every call before it runs, builders included, but not enum reads', () => {
    const { fake, app } = setup();
    fake.resetLog();
    const sheet = app.getActiveSpreadsheet().getActiveSheet();
    void app.BooleanCriteria.CUSTOM_FORMULA;
    sheet.getRange('A1:B2').getValues();
    app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([sheet.getRange('A1')])
      .build();
    expect(fake.log).toEqual([
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getActiveSheet',
      'Sheet.getRange',
      'Range.getValues',
      'SpreadsheetApp.newConditionalFormatRule',
      'ConditionalFormatRuleBuilder.whenCellEmpty',
      'Sheet.getRange',
      'ConditionalFormatRuleBuilder.setRanges',
      'ConditionalFormatRuleBuilder.build',
    ]);
    expect(fake.count('Sheet.')).toBe(2);
    expect(fake.count((c) => c.endsWith('.build'))).toBe(1);
    expect(fake.count()).toBe(9);
  });

  it('failOn throws on the chosen call, logged, and only once', () => {
    const { fake, sheet } = setup();
    fake.failOn('Range.getValues', { skip: 1 });
    const r = sheet.getRange('A1');
    r.getValues();
    expect(() => r.getValues()).toThrow(
      'Exception: Service Spreadsheets failed while accessing document with id 1FakeSpreadsheetId',
    );
    r.getValues();
    expect(fake.count('Range.getValues')).toBe(3);
    fake.failOn('Sheet.setConditionalFormatRules', { message: 'Exception: boom' });
    expect(() => sheet.setConditionalFormatRules([])).toThrow('Exception: boom');
    expect(sheet.getConditionalFormatRules()).toHaveLength(2); // the failed call changed nothing
    expect(() => fake.failOn('Range.getValuez')).toThrow('not a stand-in method');
  });

  it('reads leave the snapshot unchanged', () => {
    const { fake, app, sheet } = setup();
    const before = JSON.parse(JSON.stringify(fake.snapshot()));
    sheet.getDataRange().getValues();
    sheet.getRange('A1:Z50').getDisplayValues();
    sheet.getRange('A1:Z50').getBackgrounds();
    sheet.getRange('A1:Z50').getMergedRanges();
    sheet.getRange('A1:Z50').getDataValidations();
    sheet.getConditionalFormatRules();
    app.getActive().getNamedRanges();
    sheet.getRange('C3').setBackground(null).setFontWeight(null); // resetting what is unset is a no-op too
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('formats', () => {
  it('records fonts, alignment, wrap and borders; clearFormat resets them and keeps the value', () => {
    const { fake, app, sheet } = setup();
    sheet
      .getRangeList(['A1:B1', 'D1'])
      .setFontWeight('bold')
      .setHorizontalAlignment('center')
      .setBackground('#EEE')
      .setWrap(true);
    sheet.getRange('A1:B2').setBorder(true, true, true, true, true, null, null, app.BorderStyle.SOLID_MEDIUM);
    expect(fake.cell('Phụ lục 1', 'A1')).toEqual({
      value: 'STT',
      background: '#eeeeee',
      fontWeight: 'bold',
      hAlign: 'center',
      wrap: true,
      border: { top: 'SOLID_MEDIUM #000000', left: 'SOLID_MEDIUM #000000', right: 'SOLID_MEDIUM #000000' },
    });
    expect(() => sheet.getRange('A1').setBackground('redd')).toThrow('Exception:');
    expect(() => sheet.getRange('A1').setFontWeight('heavy' as 'bold')).toThrow('Exception:');
    sheet.getRange('A1:D1').clearFormat();
    expect(fake.cell('Phụ lục 1', 'A1')).toEqual({ value: 'STT' });
    sheet.setColumnWidths(1, 3, 120);
    expect([sheet.getColumnWidth(3), sheet.getColumnWidth(4), sheet.getRowHeight(1)]).toEqual([120, 100, 21]);
  });
});

describe('Ui and HtmlService', () => {
  it('records menus, sidebars, toasts and alerts', () => {
    const { fake, app } = setup({ htmlFiles: { Sidebar: '<p>Xin chào</p>' }, addonName: 'CCHC' });
    const html = fake.HtmlService as unknown as GoogleAppsScript.HTML.HtmlService;
    const ui = app.getUi();
    const sub = ui.createMenu('Thêm').addItem('Giới thiệu', 'about');
    ui.createAddonMenu().addItem('Kiểm tra', 'check').addSeparator().addSubMenu(sub).addToUi();
    ui.showSidebar(html.createHtmlOutputFromFile('Sidebar').setTitle('Kiểm tra phụ lục'));
    app.getActive().toast('Xong', 'CCHC');
    expect(ui.alert('Chú ý')).toBe(ui.Button.OK);
    expect(fake.ui.menus).toEqual([
      {
        caption: 'CCHC',
        addon: true,
        items: [
          { caption: 'Kiểm tra', functionName: 'check' },
          'separator',
          { caption: 'Thêm', addon: false, items: [{ caption: 'Giới thiệu', functionName: 'about' }] },
        ],
      },
    ]);
    expect(fake.ui.sidebars).toEqual([{ title: 'Kiểm tra phụ lục', html: '<p>Xin chào</p>' }]);
    expect(fake.ui.toasts).toEqual([{ msg: 'Xong', title: 'CCHC' }]);
    expect(fake.ui.alerts).toEqual(['Chú ý']);
    expect(() => html.createHtmlOutputFromFile('Nope')).toThrow(
      'Exception: No HTML file named Nope was found.',
    );
  });
});

describe('in a bare vm context', () => {
  it('works with arrays and Dates of another realm', () => {
    const fake: FakeSheets = setup().fake;
    const context = vm.createContext(fake.globals());
    const result = vm.runInContext(
      `
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Phụ lục 1');
      sheet.getRange('F1:G1').setValues([[new Date(Date.UTC(2025, 5, 30, 11)), 'x']]);
      const rule = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=A1')
        .setRanges([sheet.getRange('F1')]).build();
      sheet.setConditionalFormatRules(sheet.getConditionalFormatRules().concat([rule]));
      Logger.log('rules: %s', sheet.getConditionalFormatRules().length);
      Utilities.formatDate(sheet.getRange('F1').getValue(), 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm');
    `,
      context,
    );
    expect(result).toBe('30/06/2025 18:00');
    expect(fake.cell('Phụ lục 1', 'F1')).toEqual({ value: 45838.75, format: 'dd/MM/yyyy' });
    expect(fake.logged).toEqual(['rules: 3']);
  });
});
