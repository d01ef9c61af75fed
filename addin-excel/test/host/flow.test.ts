/**
 * The whole flow on the seed transcriptions the command line is tested on: read each sheet through the Excel
 * adapter, check with the core, highlight, read again. The Excel host must see what the command line sees, and
 * checking must change no value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook, highlightsFor, type Report } from '../../../shared/src/index';
import type { SheetGrid } from '../../../shared/src/table/grid';
import { readWorkbookBuffer } from '../../../cli/src/xlsx/readWorkbook';
import {
  HIGHLIGHT_MARKER,
  applyHighlights,
  clearHighlights,
  readSheet,
  selectCell,
} from '../../src/host/excelHost';
import { createFakeExcel, type FakeExcel } from '../fakeExcel';
import { plainValues, sheetFromGrid } from './support';

const FIXTURES = join(__dirname, '../../../cli/test/fixtures');
const OPTIONS = { asOf: '2025-10-15', lang: 'vi' as const };

async function cliGrids(file: string): Promise<SheetGrid[]> {
  return readWorkbookBuffer(readFileSync(join(FIXTURES, file)), file);
}

async function readAll(fake: FakeExcel, names: string[]): Promise<SheetGrid[]> {
  const grids: SheetGrid[] = [];
  for (const name of names) {
    await fake.Excel.run((context) => selectCell(context, name, 'A1'));
    grids.push(await fake.Excel.run((context) => readSheet(context, 'sheet')));
  }
  return grids;
}

const findings = (r: Report) => [...r.findings, ...r.sheets.flatMap((s) => s.findings)];

describe.each(['seed002.xlsx', 'seed000-tasks.xlsx', 'sample-appendix.xlsx', 'kpi-001-004.xlsx'])(
  '%s',
  (file) => {
    it('read → check → highlight → read again: same findings as the command line, no value changed', async () => {
      const fromCli = await cliGrids(file);
      const fake = createFakeExcel({ sheets: fromCli.map(sheetFromGrid) });
      const names = fromCli.map((g) => g.name);
      const before = fake.snapshot();

      const grids = await readAll(fake, names);
      for (let i = 0; i < grids.length; i++)
        expect(plainValues(grids[i].values)).toEqual(plainValues(fromCli[i].values));

      const report = checkWorkbook(grids, OPTIONS);
      const expected = checkWorkbook(fromCli, OPTIONS);
      expect(findings(report)).toEqual(findings(expected));
      expect(report.sheets.map((s) => s.summary)).toEqual(expected.sheets.map((s) => s.summary));

      const highlights = highlightsFor(report);
      expect(highlights.length).toBeGreaterThan(0);
      for (const name of names) {
        await fake.Excel.run((context) => applyHighlights(context, name, highlights));
      }
      const applied = fake
        .snapshot()
        .sheets.flatMap((s) => s.conditionalFormats)
        .filter((cf) => cf.rule.formula === HIGHLIGHT_MARKER);
      expect(applied.reduce((n, cf) => n + cf.ranges.length, 0)).toBeGreaterThan(0);

      const again = await readAll(fake, names);
      expect(again.map((g) => g.values)).toEqual(grids.map((g) => g.values));
      expect(again.map((g) => g.numberFormats)).toEqual(grids.map((g) => g.numberFormats));
      // Every cell, format and merge as it was; only the add-in's conditional formats are new.
      const after = fake.snapshot();
      after.sheets.forEach((s, i) => {
        expect(s.cells).toEqual(before.sheets[i].cells);
        expect(s.formats).toEqual(before.sheets[i].formats);
        expect(s.merges).toEqual(before.sheets[i].merges);
      });

      await fake.Excel.run((context) => clearHighlights(context));
      expect({ ...fake.snapshot(), activeSheet: before.activeSheet }).toEqual(before);
    });
  },
);
