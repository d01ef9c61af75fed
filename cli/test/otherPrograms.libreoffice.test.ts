/**
 * Issue 8, item 5: the same tables as other programs write them. Each fixture, and the pasted-table layouts, is
 * saved again through LibreOffice Calc (headless): other XML (LibreOffice's own style tables and shared strings,
 * formulas written with their cached results, its own document properties), the same report. A copy whose
 * strings are written inline, as Google Sheets' and WPS's exports may do, reads the same too. CI installs
 * LibreOffice (.ci/run); elsewhere the LibreOffice part is skipped with a note.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { checkWorkbook, type SheetGrid } from '../../shared/src/index';
import {
  coverSheet,
  pastedKpiTable,
  pastedTaskList,
  startEndTaskList,
} from '../../shared/test/fixtures/pastedLayouts';
import { documentLayoutSheets } from '../../shared/test/fixtures/documentLayouts';
import { readWorkbook, readWorkbookBuffer } from '../src/xlsx/readWorkbook';
import { which } from './engines';

const haveEngine = which('soffice');
if (!haveEngine && process.env.CI) throw new Error('LibreOffice (soffice) is required in CI');
if (!haveEngine) console.warn('LibreOffice not installed: skipping the files-saved-by-LibreOffice tests');
const describeEngine = haveEngine ? describe : describe.skip;

const FIXTURES = join(__dirname, 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'cchc-other-'));
const OPTIONS = { today: '2025-10-15', asOf: '2025-10-15' } as const;

/** What a report says about the tables, without the file's name. */
function essence(grids: SheetGrid[]) {
  const report = checkWorkbook(grids, OPTIONS);
  return {
    valid: report.valid,
    findings: report.findings,
    sheets: report.sheets.map((s) => ({
      ...s,
      findings: s.findings.map((f) => [f.code, f.cell, f.message]),
    })),
  };
}

/**
 * The pasted layouts and the document layouts (sub-groups, column-number rows, signatures, per-period results) as
 * a ward's workbook, in Times New Roman, the total row of "Phụ lục 2" a formula with its result.
 */
async function pastedWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const grid of [
    coverSheet(),
    pastedKpiTable(),
    pastedTaskList(),
    { ...startEndTaskList(), name: 'Phụ lục 3' },
    ...documentLayoutSheets(),
  ]) {
    const ws = wb.addWorksheet(grid.name);
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === '' || v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        cell.font = { name: 'Times New Roman', size: 12 };
        const fmt = grid.numberFormats?.[r]?.[c];
        if (fmt && fmt !== 'General') cell.numFmt = fmt;
      }),
    );
    for (const m of grid.merges ?? []) ws.mergeCells(m as string);
    if (grid.name === 'Phụ lục 2') {
      // The total row counts the tasks by formula; Excel saved its result with it.
      const total = grid.values.findIndex((row) => String(row[0]).startsWith('Tổng cộng'));
      ws.getCell(total + 1, 1).value = {
        formula: `"Tổng cộng: "&COUNT(A7:A${total})&" nhiệm vụ"`,
        result: 'Tổng cộng: 12 nhiệm vụ',
      };
    }
  }
  await wb.xlsx.writeFile(file);
}

/** Each file opened and saved again by LibreOffice, all in one start of it (it starts in seconds); their copies. */
function throughLibreOffice(files: readonly string[]): string[] {
  const out = join(work, 'libreoffice');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      ...files,
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
  return files.map((file) => join(out, basename(file)));
}

const inputs = [
  'seed000-tasks.xlsx',
  'seed002.xlsx',
  'kpi-001-004.xlsx',
  'sample-appendix.xlsx',
  'pasted-layouts.xlsx',
];
const pathOf = (name: string) => (name === 'pasted-layouts.xlsx' ? join(work, name) : join(FIXTURES, name));

beforeAll(() => pastedWorkbook(join(work, 'pasted-layouts.xlsx')));

describeEngine('files saved again by LibreOffice Calc', () => {
  const saved = new Map<string, string>();
  beforeAll(() => {
    const copies = throughLibreOffice(inputs.map(pathOf));
    inputs.forEach((name, i) => saved.set(name, copies[i]));
  }, 300_000);

  it.each(inputs)('%s: other XML, the same report', async (name) => {
    const original = readFileSync(pathOf(name));
    const copy = readFileSync(saved.get(name) as string);
    const app = await (await JSZip.loadAsync(copy)).file('docProps/app.xml')?.async('string');
    expect(app).toMatch(/LibreOffice/);
    expect(copy.equals(original)).toBe(false);
    expect(essence(await readWorkbook(saved.get(name) as string))).toEqual(
      essence(await readWorkbookBuffer(original)),
    );
  });

  it('reads a formula cell by its cached result: the total row agrees', async () => {
    const grids = await readWorkbook(saved.get('pasted-layouts.xlsx') as string);
    const tasks = grids.find((g) => g.name === 'Phụ lục 2') as SheetGrid;
    expect(tasks.values.flat()).toContain('Tổng cộng: 12 nhiệm vụ');
    const report = checkWorkbook(grids, OPTIONS);
    expect(report.sheets.map((s) => s.kind)).toEqual([
      ...['none', 'kpis', 'tasks', 'tasks'],
      // documentLayoutSheets(): 19 task lists, then the fraction table and the five per-period KPI tables.
      ...Array<string>(19).fill('tasks'),
      ...Array<string>(6).fill('kpis'),
    ]);
    expect(report.valid).toBe(true);
  });
});

describe('strings written inline', () => {
  it.each(inputs.slice(0, 4))(
    '%s reads the same with its shared strings written into the cells',
    async (name) => {
      const original = readFileSync(pathOf(name));
      const inline = await inlineStrings(original);
      expect(inline.toString('latin1')).not.toEqual(original.toString('latin1'));
      expect(essence(await readWorkbookBuffer(inline))).toEqual(essence(await readWorkbookBuffer(original)));
    },
  );
});

/** The workbook with every shared-string cell rewritten as an inline string (t="inlineStr"), as some writers do. */
async function inlineStrings(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const shared = await zip.file('xl/sharedStrings.xml')?.async('string');
  if (!shared) throw new Error('no shared strings to inline');
  const items = [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
  let rewritten = 0;
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const xml = (await zip.file(path)?.async('string')) ?? '';
    const out = xml.replace(
      /<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
      (_all, a: string, b: string, i: string) => {
        rewritten++;
        return `<c ${a}t="inlineStr"${b}><is>${items[Number(i)]}</is></c>`;
      },
    );
    zip.file(path, out);
  }
  if (rewritten === 0) throw new Error('no shared-string cell found');
  return zip.generateAsync({ type: 'nodebuffer' });
}
