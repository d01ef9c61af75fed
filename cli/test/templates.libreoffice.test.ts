/**
 * The templates in a real spreadsheet engine: LibreOffice Calc (headless) opens what we generate, recalculates
 * the numbering and total formulas, and prints it to PDF; the first page of each template is kept as a PNG under
 * test-output/templates/ for people to look at. CI installs LibreOffice and poppler (.ci/run).
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkWorkbook } from '../../shared/src/index';
import { buildTemplate, type TemplateKind } from '../../shared/src/templates/build';
import { renderWorkbook } from '../src/templates/renderWorkbook';
import { readWorkbookBuffer } from '../src/xlsx/readWorkbook';
import { describeWithLibreOffice, libreOfficeWork } from './libreoffice';

const describeEngine = describeWithLibreOffice('the real-engine template tests');

const OUTPUT = resolve(__dirname, '../../test-output/templates');
const lo = libreOfficeWork('cchc-lo-');

const templates: [TemplateKind, 'vi' | 'en'][] = [
  ['tasks', 'vi'],
  ['kpis', 'vi'],
  ['tasks', 'en'],
  ['kpis', 'en'],
];

describeEngine('templates in LibreOffice Calc', () => {
  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    for (const [kind, lang] of templates) {
      const wb = renderWorkbook(
        buildTemplate([kind], { lang, year: 2026, unit: 'Phường 5', exampleTargets: kind === 'kpis' }),
      );
      await wb.xlsx.writeFile(lo.path(`${kind}-${lang}.xlsx`));
    }
    // A task list with three tasks typed in and no cached formula results: only a real engine can number them.
    const filled = renderWorkbook(buildTemplate(['tasks'], { lang: 'vi', year: 2026, unit: 'Phường 5' }));
    const ws = filled.getWorksheet('Nhiệm vụ')!;
    for (const [row, text] of [
      [10, 'Ban hành kế hoạch CCHC năm 2026'],
      [11, 'Kiểm tra công tác CCHC'],
      [14, 'Rà soát văn bản quy phạm pháp luật'],
    ] as const) {
      ws.getCell(`B${row}`).value = text;
      ws.getCell(`D${row}`).value = 'Công chức Văn phòng - Thống kê';
      ws.getCell(`F${row}`).value = 'Quý IV';
      const stt = ws.getCell(`A${row}`);
      stt.value = { formula: (stt.value as ExcelJS.CellFormulaValue).formula } as ExcelJS.CellFormulaValue;
    }
    const total = ws.getCell('A37');
    total.value = { formula: (total.value as ExcelJS.CellFormulaValue).formula } as ExcelJS.CellFormulaValue;
    mkdirSync(lo.path('filled'), { recursive: true });
    await filled.xlsx.writeFile(lo.path('filled', 'tasks-filled.xlsx'));

    const names = templates.map(([k, l]) => `${k}-${l}.xlsx`);
    lo.soffice(['--convert-to', 'pdf', '--outdir', lo.path(), ...names]);
    lo.soffice([
      '--convert-to',
      'xlsx',
      '--outdir',
      lo.path('recalculated'),
      lo.path('filled', 'tasks-filled.xlsx'),
    ]);
  }, 240_000);

  afterAll(() => lo.remove());

  it.each(templates)('%s (%s) converts to PDF, and its first page is kept as a PNG', (kind, lang) => {
    const pdf = lo.path(`${kind}-${lang}.pdf`);
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const png = lo.firstPagePng(pdf, join(OUTPUT, `${kind}-${lang}`));
    expect(statSync(png).size).toBeGreaterThan(10_000);
  });

  it('computes the numbering and the total formula, and the result checks clean', async () => {
    const recalculated = readFileSync(lo.path('recalculated', 'tasks-filled.xlsx'));
    const sheets = await readWorkbookBuffer(recalculated);
    const values = sheets[0].values;
    expect(values[36][0]).toBe('Tổng cộng: 3 nhiệm vụ');
    expect([values[9][0], values[10][0], values[13][0]]).toEqual([1, 2, 1]);
    expect(['', null, undefined]).toContain(values[11][0]); // a row left blank stays un-numbered
    const report = checkWorkbook(sheets, { asOf: '2026-07-01' });
    expect(report.sheets[0].tasks.map((t) => [t.number, t.area])).toEqual([
      ['1', 'I'],
      ['2', 'I'],
      ['1', 'II'],
    ]);
    expect(report.sheets[0].findings).toEqual([]);
    expect(report.valid).toBe(true);
  });
});
