/**
 * Reading for the core: the active sheet or the whole workbook as grids (values, number formats, merges). Three
 * syncs for a typical workbook whatever its number of sheets (list the sheets; every used range's bounds; every
 * sheet's values, formats and merges together), one more per CELLS_PER_READ cells beyond that, the chunks of
 * several sheets sharing a sync.
 */
import type { CellValue, SheetGrid } from '../../../shared/src/table/grid';
import { splitAreaAddress } from '../../../shared/src/hosts/a1Names';
import { intersectBoxes, type Box } from '../../../shared/src/hosts/box';
import { halveBatch, planBatches, type Batch } from '../../../shared/src/hosts/readPlan';
import type { Scope } from '../../../shared/ui/workbook';
import { codeOf } from './errors';

const BOUNDS = ['rowIndex', 'columnIndex', 'rowCount', 'columnCount'];

function boxOf(r: Excel.Range): Box {
  return { row: r.rowIndex, column: r.columnIndex, rows: r.rowCount, columns: r.columnCount };
}

function emptyGrid(name: string, origin: { row: number; column: number }): SheetGrid {
  return { name, values: [], numberFormats: [], merges: [], origin };
}

/**
 * The active sheet's used range (or the part of the selection inside it) as the core's grid. Two syncs when it
 * fits one read (bounds; values, number formats and merges); beyond CELLS_PER_READ, one sync per chunk of rows.
 * The whole workbook is readWorkbook's.
 */
export async function readSheet(context: Excel.RequestContext, scope: Scope): Promise<SheetGrid> {
  if (scope === 'workbook') throw new Error('readSheet reads one sheet: the whole workbook is readWorkbook');
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  // Values only: a column formatted to the bottom of the sheet must not make the table a million rows long.
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(BOUNDS);
  const selected = scope === 'selection' ? context.workbook.getSelectedRange() : null;
  selected?.load(BOUNDS);
  await context.sync();

  const start = selected
    ? { row: selected.rowIndex + 1, column: selected.columnIndex + 1 }
    : { row: 1, column: 1 };
  if (used.isNullObject) return emptyGrid(sheet.name, start);
  // A whole column selected would be a million rows: read only what of it holds values.
  const box = selected ? intersectBoxes(boxOf(used), boxOf(selected)) : boxOf(used);
  if (!box) return emptyGrid(sheet.name, start);
  const [grid] = await readBoxes(context, [{ sheet, box }]);
  return grid;
}

/**
 * Every worksheet's used range, in the workbook's order; a blank sheet gives an empty grid. Three syncs when all
 * sheets together fit one read (list the sheets; every used range's bounds; every sheet's values, number formats
 * and merges), then one more per CELLS_PER_READ cells: chunks of several sheets share a sync.
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<SheetGrid[]> {
  // Nothing else can go with the list: every other read needs a sheet of it.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();

  const sheets = worksheets.items;
  const used = sheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load(BOUNDS);
    return range;
  });
  await context.sync();

  const boxes = used.map((range) => (range.isNullObject ? null : boxOf(range)));
  const targets = sheets.flatMap((sheet, i) => {
    const box = boxes[i];
    return box ? [{ sheet, box }] : [];
  });
  const grids = await readBoxes(context, targets);
  let next = 0;
  return sheets.map((sheet, i) => (boxes[i] ? grids[next++] : emptyGrid(sheet.name, { row: 1, column: 1 })));
}

/** A block of cells to read: a sheet (its name loaded) and the 0-based box of it. */
interface Target {
  sheet: Excel.Worksheet;
  box: Box;
}

/** Reads the targets' values, number formats and merges, planned by planBatches; one grid per target. */
async function readBoxes(context: Excel.RequestContext, targets: readonly Target[]): Promise<SheetGrid[]> {
  const boxes = targets.map((t) => t.box);
  const values: CellValue[][][] = targets.map(() => []);
  const numberFormats: string[][][] = targets.map(() => []);
  const merges = targets.map(() => new Set<string>());
  let withMerges = true;
  const pending = planBatches(boxes);
  // The one loop of syncs the house rules allow: each batch stays under Excel's 5 MB response limit.
  while (pending.length) {
    const batch = pending.shift() as Batch;
    const merged = withMerges;
    const reads = batch.map((piece) => {
      const { sheet, box } = targets[piece.target];
      const range = sheet.getRangeByIndexes(
        box.row + piece.rowOffset,
        box.column,
        piece.rowCount,
        box.columns,
      );
      range.load(['values', 'numberFormat']);
      // Merges of each piece come with it: Excel lists a merge under the range holding its top-left cell, and a
      // smaller range stays under the 512 merged areas Excel returns at most.
      const areas = merged ? range.getMergedAreasOrNullObject() : null;
      areas?.load('address');
      return { piece, range, areas };
    });
    try {
      await context.sync();
    } catch (e) {
      const code = codeOf(e);
      if (code === 'ApiNotFound' && merged) {
        // Excel before ExcelApi 1.13: the tables are still worth checking without their merges.
        withMerges = false;
        pending.unshift(batch);
        continue;
      }
      const tooBig = code === 'ResponsePayloadSizeLimitExceeded' || (merged && code === 'GeneralException');
      // Longer text than the plan assumed, or too many merged areas: read the batch in halves.
      const halves = tooBig ? halveBatch(batch, boxes) : null;
      if (halves) {
        pending.unshift(...halves);
        continue;
      }
      throw e;
    }
    for (const { piece, range, areas } of reads) {
      for (const row of range.values) values[piece.target].push(row as CellValue[]);
      for (const row of range.numberFormat) numberFormats[piece.target].push(row as string[]);
      if (areas && !areas.isNullObject)
        for (const a of splitAreaAddress(areas.address)) merges[piece.target].add(a);
    }
  }
  return targets.map(({ sheet, box }, i) => ({
    name: sheet.name,
    values: values[i],
    numberFormats: numberFormats[i],
    merges: [...merges[i]],
    origin: { row: box.row + 1, column: box.column + 1 },
  }));
}
