/**
 * The core on tables in memory, as a host hands them over: task lists and KPI tables of 1k, 10k and 100k rows,
 * and at 100k tableschema-js's Table.read on the same rows (the reference), best of several runs each.
 */
import { checkWorkbook, type SheetGrid } from '../../shared/src/index';
import { kpiGrid, taskGrid } from './grids';
import { KPI_SCHEMA, TASK_SCHEMA, tableRows, tableschemaRead } from './references';
import { ratio } from './show';

const AS_OF = { asOf: '2025-10-15' };

/** Best time of `runs` checks of one grid (after a warm-up: JIT and memo caches), and the heap it took. */
function timeCore(grid: SheetGrid, rows: number, runs: number): { ms: number; heapMb: number } {
  checkWorkbook([grid], AS_OF);
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const report = checkWorkbook([grid], AS_OF);
    best = Math.min(best, performance.now() - t0);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const sheet = report.sheets[0];
    if (sheet.tasks.length + sheet.kpis.length !== rows) throw new Error('core: rows lost');
  }
  return { ms: best, heapMb: (peak - before) / 1048576 };
}

async function timeReference(grid: SheetGrid, schema: typeof TASK_SCHEMA, runs: number): Promise<number> {
  const rows = tableRows(grid);
  await tableschemaRead(rows, schema); // warm-up, as for the core
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const read = await tableschemaRead(rows, schema);
    best = Math.min(best, performance.now() - t0);
    if (read !== rows.length - 1) throw new Error('tableschema: rows lost');
  }
  return best;
}

/**
 * What the duplicate-row check alone costs: one Map lookup (and insert) per row, keyed by the row's text, the same
 * strings the core sees. Set beside a tenth of tableschema-js's time, it shows what a 10× margin leaves for
 * everything else.
 */
function timeTextMap(grid: SheetGrid, runs: number): number {
  const texts = grid.values.map((row) => row[1]).filter((v): v is string => typeof v === 'string');
  let best = Infinity;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const first = new Map<string, number>();
    let repeats = 0;
    for (let r = 0; r < texts.length; r++) {
      if (first.get(texts[r]) === undefined) first.set(texts[r], r);
      else repeats++;
    }
    if (i > 0) best = Math.min(best, performance.now() - t0); // the first run is the warm-up
    // Every generated row is its own task: a repeat would mean the Map timed a different job than the core's.
    if (repeats !== 0) throw new Error('map: the rows repeat');
  }
  return best;
}

export async function measureCore(): Promise<void> {
  const kinds = [
    { label: 'tasks', make: taskGrid, schema: TASK_SCHEMA },
    { label: 'kpis', make: kpiGrid, schema: KPI_SCHEMA },
  ];
  for (const { label, make, schema } of kinds) {
    for (const rows of [1_000, 10_000, 100_000]) {
      const grid = make(rows);
      const core = timeCore(grid, rows, rows >= 100_000 ? 5 : 10);
      const rate = Math.round(rows / (core.ms / 1000)).toLocaleString('en-US');
      let line =
        `core ${label.padEnd(5)} ${String(rows).padStart(7)} rows ${core.ms.toFixed(1).padStart(7)} ms ` +
        `${rate.padStart(9)} rows/s  heap +${core.heapMb.toFixed(0)} MiB`;
      if (rows === 100_000) {
        const reference = await timeReference(grid, schema, 3);
        line += `  tableschema-js ${reference.toFixed(0)} ms: ${ratio(reference, core.ms)} faster`;
        const map = timeTextMap(grid, 5);
        line +=
          `;  a Map of the rows' texts alone (the duplicate check) ${map.toFixed(1)} ms, ` +
          `tableschema-js ÷ 10 ${(reference / 10).toFixed(1)} ms`;
      }
      console.log(line);
    }
  }
}
