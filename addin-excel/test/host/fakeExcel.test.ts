/**
 * The fake itself: it must punish the mistakes real Office.js punishes, or the host tests prove nothing.
 */
import { createFakeExcel, install, PAYLOAD_LIMIT } from '../fakeExcel';

const fakeWith = () =>
  createFakeExcel({
    sheets: [
      {
        name: 'Phụ lục 1',
        values: [
          ['STT', 'Nhiệm vụ'],
          [1, 'Kế hoạch'],
        ],
        merges: ['A3:B3'],
      },
      { name: 'Trống' },
    ],
  });

describe('proxy, load and sync semantics', () => {
  it('refuses to read a property before load() and sync()', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Phụ lục 1').getRange('A1:B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([
        ['STT', 'Nhiệm vụ'],
        [1, 'Kế hoạch'],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('applies queued writes at sync, in order, and counts syncs', async () => {
    const fake = fakeWith();
    const context = fake.context();
    const range = context.workbook.worksheets.getItem('Phụ lục 1').getRange('C1');
    range.values = [['mới']];
    expect(fake.value('Phụ lục 1', 'C1')).toBe('');
    range.load('values');
    await context.sync();
    expect(fake.value('Phụ lục 1', 'C1')).toBe('mới');
    expect(range.values).toEqual([['mới']]);
    expect(fake.syncCount).toBe(1);
  });

  it('types values as Excel does: numbers, percentages, quote-prefixed text, formulas', async () => {
    const fake = createFakeExcel({ calculate: (f) => (f === '=1+1' ? 2 : '') });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:E1').formulas = [
        ['100%', '1.4', "'100%", '=1+1', 'TRUE'],
      ];
      await context.sync();
    });
    expect(['A1', 'B1', 'C1', 'D1', 'E1'].map((c) => fake.value('Sheet1', c))).toEqual([
      1,
      1.4,
      '100%',
      2,
      true,
    ]);
    expect(fake.numberFormat('Sheet1', 'A1')).toBe('0%');
    expect(fake.formula('Sheet1', 'D1')).toBe('=1+1');
  });

  it('answers *OrNullObject with a null object, known only after sync, and ignores actions on it', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Trống').getUsedRangeOrNullObject();
      const merged = context.workbook.worksheets
        .getItem('Phụ lục 1')
        .getRange('A1:B2')
        .getMergedAreasOrNullObject();
      const missing = context.workbook.worksheets.getItemOrNullObject('Không có');
      expect(() => used.isNullObject).toThrow();
      used.load('address');
      merged.load('address');
      missing.delete();
      await context.sync();
      expect(used.isNullObject).toBe(true);
      expect(merged.isNullObject).toBe(true);
      expect(missing.isNullObject).toBe(true);
      expect(() => used.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('fails a sync whose response would exceed 5 MB, and one whose request would', async () => {
    const long = 'Triển khai thực hiện nhiệm vụ cải cách hành chính trên địa bàn phường '.repeat(3);
    const values = Array.from({ length: 20_000 }, () => Array.from({ length: 8 }, () => long));
    const fake = createFakeExcel({ sheets: [{ name: 'Lớn', values }] });
    const context = fake.context();
    const range = context.workbook.worksheets.getItem('Lớn').getRange('A1:H20000');
    range.load('values');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(fake.syncLog[0].responseBytes).toBeGreaterThan(PAYLOAD_LIMIT);
    context.workbook.worksheets.getItem('Lớn').getRange('A1:H20000').values = values;
    await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('reaching `custom` of a non-custom conditional format fails the batch; customOrNullObject does not', async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: 'S',
          conditionalFormats: [
            { type: 'CellValue', ranges: 'A1:A5', rule: { formula1: '1', operator: 'LessThan' } },
          ],
        },
      ],
    });
    const context = fake.context();
    const formats = context.workbook.worksheets.getItem('S').getRange().conditionalFormats;
    formats.load('items/type,items/custom/rule/formula');
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    formats.load(['items/type', 'items/customOrNullObject/rule/formula']);
    await context.sync();
    expect(formats.items.map((cf) => [cf.type, cf.customOrNullObject.isNullObject])).toEqual([
      ['CellValue', true],
    ]);
  });

  it('throws at once on a member it does not implement, and can fail an operation on demand', async () => {
    const fake = fakeWith();
    const context = fake.context();
    const sheet = context.workbook.worksheets.getItem('Phụ lục 1') as unknown as Record<string, unknown>;
    expect(() => sheet.tables).toThrow(/not implemented/);
    fake.failOn('Worksheet.activate', { code: 'AccessDenied' });
    context.workbook.worksheets.getItem('Trống').activate();
    await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied', name: 'RichApi.Error' });
    expect(fake.syncLog.at(-1)?.error).toBe('AccessDenied');
  });

  it('reports unsupported API sets like an older Excel', async () => {
    const fake = createFakeExcel({
      requirementSets: { ExcelApi: '1.12' },
      unsupported: ['Range.getMergedAreasOrNullObject'],
    });
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
    const context = fake.context();
    context.workbook.worksheets.getItem('Sheet1').getRange('A1').getMergedAreasOrNullObject();
    await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('install', () => {
  it('defines Office, Excel and OfficeExtension as office.js does', async () => {
    const target: Record<string, unknown> = {};
    const fake = install(target, { sheets: [{ name: 'A', values: [['x']] }] });
    const Office = target.Office as typeof fake.Office;
    await expect(Office.onReady()).resolves.toMatchObject({ host: 'Excel' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
    const handler = () => undefined;
    (target.Office as typeof fake.Office).actions.associate('showPane', handler);
    expect(fake.actions.get('showPane')).toBe(handler);
    await expect(Office.addin.showAsTaskpane()).resolves.toBeUndefined();
    const value = await (target.Excel as typeof fake.Excel).run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange('A1');
      r.load('values');
      await context.sync();
      return r.values[0][0];
    });
    expect(value).toBe('x');
    expect(new (target.OfficeExtension as typeof fake.OfficeExtension).Error('ItemNotFound').code).toBe(
      'ItemNotFound',
    );
  });
});
