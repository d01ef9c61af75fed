/**
 * The templates in a real spreadsheet engine: LibreOffice Calc (headless) opens what we generate, recalculates
 * the numbering and total formulas, and prints it to PDF; the first page of each template is kept as a PNG under
 * test-output/templates/ for people to look at. CI installs LibreOffice and poppler (.ci/run).
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkWorkbook } from '../../shared/src/index';
import { buildTemplate, type TemplateKind } from '../../shared/src/templates/build';
import { renderWorkbook } from '../src/templates/renderWorkbook';
import { readWorkbookBuffer } from '../src/xlsx/readWorkbook';
import { which } from './engines';

// In CI the engine must be there (a missing install is a failure, not a skip); on a developer's machine
// without LibreOffice these tests are skipped with a note.
const haveEngine = which('soffice') && which('pdftoppm');
if (!haveEngine && process.env.CI) throw new Error('LibreOffice (soffice) and pdftoppm are required in CI');
const describeEngine = haveEngine ? describe : describe.skip;
if (!haveEngine)
  console.warn('LibreOffice or pdftoppm not installed: skipping the real-engine template tests');

const OUTPUT = resolve(__dirname, '../../test-output/templates');
const work = mkdtempSync(join(tmpdir(), 'cchc-lo-'));
const profile = `file://${join(work, 'profile')}`;

function soffice(args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', ...args], {
    cwd: work,
    stdio: 'ignore',
    timeout: 180_000,
  });
}

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
      await wb.xlsx.writeFile(join(work, `${kind}-${lang}.xlsx`));
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
    mkdirSync(join(work, 'filled'), { recursive: true });
    await filled.xlsx.writeFile(join(work, 'filled', 'tasks-filled.xlsx'));

    const names = templates.map(([k, l]) => `${k}-${l}.xlsx`);
    soffice(['--convert-to', 'pdf', '--outdir', work, ...names]);
    soffice([
      '--convert-to',
      'xlsx',
      '--outdir',
      join(work, 'recalculated'),
      join(work, 'filled', 'tasks-filled.xlsx'),
    ]);
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(templates)('%s (%s) converts to PDF, and its first page is kept as a PNG', (kind, lang) => {
    const pdf = join(work, `${kind}-${lang}.pdf`);
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const png = join(OUTPUT, `${kind}-${lang}`);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    expect(statSync(`${png}.png`).size).toBeGreaterThan(10_000);
  });

  it('computes the numbering and the total formula, and the result checks clean', async () => {
    const recalculated = readFileSync(join(work, 'recalculated', 'tasks-filled.xlsx'));
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
