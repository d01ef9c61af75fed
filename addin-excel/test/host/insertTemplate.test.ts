import { checkWorkbook, type Report } from '../../../shared/src/index';
import { PROGRESS_CHOICES } from '../../../shared/src/templates/content';
import { buildTemplate } from '../../../shared/src/templates/build';
import type { TemplateWorkbook } from '../../../shared/src/templates/schema';
import type { SheetGrid } from '../../../shared/src/table/grid';
import { POINTS_PER_CHARACTER, insertTemplate, readSheet, selectCell } from '../../src/host/excelHost';
import { createFakeExcel, type FakeWorkbookInit } from '../fakeExcel';
import { countSyncs } from './support';

const params = { lang: 'vi' as const, year: 2026, unit: 'Phường 5' };
const ALL = buildTemplate(['tasks', 'kpis'], params);

/** Excel calculates formulas; the fake shows the results the template itself gives for a blank sheet. */
function calculatorFor(...templates: TemplateWorkbook[]): FakeWorkbookInit['calculate'] {
  const results = new Map<string, string | number>();
  for (const t of templates)
    for (const s of t.sheets)
      for (const c of s.cells) if (c.formula !== undefined) results.set(`=${c.formula}`, c.result ?? '');
  return (formula) => results.get(formula) ?? '';
}

async function insert(init: FakeWorkbookInit, template = ALL) {
  const fake = createFakeExcel({ calculate: calculatorFor(template), ...init });
  let syncs = 0;
  const names = await fake.Excel.run(async (context) => {
    const counter = countSyncs(context);
    const created = await insertTemplate(context, template);
    syncs = counter.count;
    return created;
  });
  return { fake, names, syncs };
}

describe('insertTemplate', () => {
  it('writes the template in two syncs: contents, formulas, styles, merges, sizes, freeze, lists, print', async () => {
    const { fake, names, syncs } = await insert({ sheets: [{ name: 'Sheet1' }] });
    expect(syncs).toBe(2);
    expect(names).toEqual(['Nhiệm vụ', 'Chỉ tiêu', 'Đơn vị']);
    const tasks = 'Nhiệm vụ';
    expect(fake.value(tasks, 'A1')).toBe('ỦY BAN NHÂN DÂN');
    expect(fake.value(tasks, 'A2')).toBe('PHƯỜNG 5');
    expect(fake.value(tasks, 'B8')).toBe('Nhiệm vụ');
    expect(fake.formula(tasks, 'A10')).toBe('=IF(B10="","",COUNTA(B$10:B10))');
    expect(fake.formula(tasks, 'A37')).toMatch(/^="Tổng cộng: "&COUNT\(A9:A36\)/);
    expect(fake.value(tasks, 'A37')).toBe('Tổng cộng: 0 nhiệm vụ');
    expect(fake.numberFormat(tasks, 'A10')).toBe('0');

    const snap = fake.snapshot().sheets.find((s) => s.name === tasks)!;
    expect(snap.merges).toEqual(expect.arrayContaining(['A1:C1', 'E1:H1', 'A5:H5', 'B9:H9', 'A37:H37']));
    expect(snap.freeze).toEqual({ rows: 8, columns: 0 });
    expect(snap.columnWidths.B).toBeCloseTo(48 * POINTS_PER_CHARACTER);
    expect(snap.rowHeights['8']).toBe(36);
    expect(snap.rowHeights['10']).toBe(32);
    expect(snap.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect(snap.printTitleRows).toBe('$8:$8');
    expect(snap.validations).toEqual([
      expect.objectContaining({
        address: 'D9:E36',
        rule: { list: { inCellDropDown: true, source: '=DonVi' } },
      }),
      expect.objectContaining({
        address: 'G9:G36',
        rule: { list: { inCellDropDown: true, source: PROGRESS_CHOICES.vi.join(',') } },
        errorAlert: expect.objectContaining({ style: 'Stop' }),
      }),
    ]);

    // The header: bold Times New Roman on blue, thin borders all round, centred and wrapped.
    expect(fake.cellFormat(tasks, 'D8')).toEqual({
      font: { name: 'Times New Roman', size: 12, bold: true },
      fill: '#D9E2F3',
      horizontalAlignment: 'Center',
      verticalAlignment: 'Center',
      wrapText: true,
      borders: {
        top: { style: 'Continuous', weight: 'Thin' },
        bottom: { style: 'Continuous', weight: 'Thin' },
        left: { style: 'Continuous', weight: 'Thin' },
        right: { style: 'Continuous', weight: 'Thin' },
      },
    });

    expect(fake.snapshot().names).toEqual([{ name: 'DonVi', formula: "='Đơn vị'!$B$2:$B$41" }]);
    expect(fake.snapshot().activeSheet).toBe(tasks);
    // One formatting call per style batch, not per cell.
    const writes = fake.syncLog[1].ops;
    expect(writes.filter((op) => op === 'Range.formulas=')).toHaveLength(3);
    expect(writes.filter((op) => op === 'RangeFill.color=').length).toBeLessThanOrEqual(3 * 12);
  });

  it('never overwrites: a second insert gets "Nhiệm vụ (2)" and its own, working, named range', async () => {
    const fake = createFakeExcel({ calculate: calculatorFor(ALL) });
    await fake.Excel.run((context) => insertTemplate(context, ALL));
    // The ward fills the first copy in.
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Nhiệm vụ').getRange('B10').values = [['Ban hành kế hoạch CCHC']];
      await context.sync();
    });
    const before = fake.snapshot();
    const names = await fake.Excel.run((context) => insertTemplate(context, ALL));
    expect(names).toEqual(['Nhiệm vụ (2)', 'Chỉ tiêu (2)', 'Đơn vị (2)']);
    const after = fake.snapshot();
    for (const sheet of before.sheets) expect(after.sheets.find((s) => s.name === sheet.name)).toEqual(sheet);
    expect(after.names).toEqual([
      { name: 'DonVi', formula: "='Đơn vị'!$B$2:$B$41" },
      { name: 'DonVi2', formula: "='Đơn vị (2)'!$B$2:$B$41" },
    ]);
    const copy = after.sheets.find((s) => s.name === 'Nhiệm vụ (2)')!;
    expect(copy.validations[0].rule).toEqual({ list: { inCellDropDown: true, source: '=DonVi2' } });
    expect(after.sheets.find((s) => s.name === 'Chỉ tiêu (2)')!.validations[1].rule).toEqual({
      list: { inCellDropDown: true, source: '=DonVi2' },
    });
    // The name reaches the unit list of the new copy.
    const units = await fake.Excel.run(async (context) => {
      const range = context.workbook.names.getItem('DonVi2').getRange();
      range.load(['values', 'address']);
      await context.sync();
      return { address: range.address, first: range.values[0][0] };
    });
    expect(units).toEqual({ address: "'Đơn vị (2)'!B2:B41", first: 'Công chức Văn phòng - Thống kê' });
  });

  it('leaves an existing unit list and its DonVi name alone, pointing the new dropdowns at DonVi2', async () => {
    const { fake, names } = await insert({
      sheets: [
        { name: 'Nhiệm vụ', values: [['Bảng của phường']] },
        { name: 'Đơn vị', values: [['Đơn vị riêng']] },
      ],
      names: { DonVi: "'Đơn vị'!$A$1:$A$5" },
    });
    expect(names).toEqual(['Nhiệm vụ (2)', 'Chỉ tiêu', 'Đơn vị (2)']);
    expect(fake.value('Nhiệm vụ', 'A1')).toBe('Bảng của phường');
    expect(fake.snapshot().names.map((n) => n.name)).toEqual(['DonVi', 'DonVi2']);
    expect(fake.snapshot().sheets.find((s) => s.name === 'Chỉ tiêu')!.validations[1].rule).toEqual({
      list: { inCellDropDown: true, source: '=DonVi2' },
    });
  });

  it('keeps example targets such as "100%" as the text of the template', async () => {
    const examples = buildTemplate(['kpis'], { ...params, exampleTargets: true });
    const { fake } = await insert({}, examples);
    const values = fake.snapshot().sheets.find((s) => s.name === 'Chỉ tiêu')!.cells;
    const targets = Object.entries(values).filter(([ref]) => /^C\d+$/.test(ref) && Number(ref.slice(1)) > 8);
    expect(targets.some(([, c]) => c.value === '100%')).toBe(true);
    expect(targets.every(([, c]) => typeof c.value === 'string')).toBe(true);
  });

  it.each([
    ['PageLayout.zoom=', 1],
    ['NamedItemCollection.add', 0],
    ['Worksheet.activate', 0],
  ])('removes what it added when %s fails, leaving the workbook as it was', async (op, skip) => {
    const fake = createFakeExcel({
      sheets: [{ name: 'Sheet1' }, { name: 'Của phường', values: [['giữ nguyên']] }],
      activeSheet: 'Của phường',
      names: { DonVi: "'Của phường'!$A$1:$A$3" },
    });
    const before = fake.snapshot();
    fake.failOn(op as string, { skip: skip as number });
    await expect(fake.Excel.run((context) => insertTemplate(context, ALL))).rejects.toMatchObject({
      code: 'GeneralException',
    });
    expect(fake.snapshot()).toEqual(before);
  });

  it.each(['vi', 'en'] as const)(
    'a blank template (%s), inserted and read back, checks with no error finding',
    async (lang) => {
      const template = buildTemplate(['tasks', 'kpis'], { ...params, lang });
      const { fake, names } = await insert({ sheets: [{ name: 'Sheet1' }] }, template);
      const grids: SheetGrid[] = [];
      for (const name of names) {
        await fake.Excel.run((context) => selectCell(context, name, 'A1'));
        grids.push(await fake.Excel.run((context) => readSheet(context, 'sheet')));
      }
      const report: Report = checkWorkbook(grids, { asOf: '2026-07-01', lang });
      const errors = [...report.findings, ...report.sheets.flatMap((s) => s.findings)].filter(
        (f) => f.severity === 'error',
      );
      expect(errors).toEqual([]);
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
      expect(report.sheets[1].kpis).toHaveLength(19);
    },
  );
});
