/**
 * npm run bench: every figure beside a reference measured in the same run, as a ratio (a busy machine moves both
 * alike). The core against tableschema-js on the same 100k rows; a whole `cchc validate` process on a 100k-row
 * CSV against tableschema-js's whole process on it; a single check against `node -e ''`; read + check of a ward
 * file against the unzip floor; `cchc summary` of 300,
 * 1,000 and 3,000 ward files against a bare exceljs read, a bare SheetJS read and the unzip floor of the same
 * files; 3,000 files of one unit against 3,000 distinct. `npm run bench -- <part>` runs one part.
 */
import { checkWorkbook } from '../../shared/src/index';
import { taskGrid } from './grids';
import { packGrid, unpackGrid } from '../../shared/src/hosts/gridTransfer';
import { measureCore } from './coreParts';
import { measureProcess, measureStart } from './processParts';
import { measurePerFile, measureSameUnit, measureSummary } from './summaryParts';

/**
 * The Sheets sidebar's part of a check: what google.script.run carries for a task list as Sheets reports it
 * (every cell on the automatic format "0.###############", deadlines as date cells), and the time the sidebar
 * spends on the answer: JSON.parse, unpacking and the core. Node runs the same V8 as the sidebar's Chrome.
 */
function measureSheets(rows: number): void {
  const grid = taskGrid(rows);
  const automatic = '0.###############';
  const values = grid.values.map((row, r) =>
    row.map((v, c) =>
      r > 2 && c === 5 && typeof v === 'string' && v.includes('/') ? new Date(2025, 5, 30) : v,
    ),
  );
  const formats = values.map((row) =>
    row.map((v) => (Object.prototype.toString.call(v) === '[object Date]' ? 'dd/MM/yyyy' : automatic)),
  );
  const day = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T00:00:00`;
  const packed = packGrid(
    { name: grid.name, values, numberFormats: formats, merges: [], origin: { row: 1, column: 1 } },
    day,
  );
  const json = JSON.stringify(packed);
  const unpacked = JSON.stringify({
    ...packed,
    numberFormats: formats,
    formats: undefined,
    formatIndex: undefined,
  });
  let best = Infinity;
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const report = checkWorkbook([unpackGrid(JSON.parse(json))], { asOf: '2025-10-15' });
    best = Math.min(best, performance.now() - t0);
    if (report.sheets[0].tasks.length !== rows) throw new Error('sheets: rows lost');
  }
  console.log(
    `sheets ${String(rows).padStart(7)} rows  ${best.toFixed(1).padStart(8)} ms  google.script.run carries ` +
      `${(Buffer.byteLength(json) / 1e6).toFixed(2)} MB (${(Buffer.byteLength(unpacked) / 1e6).toFixed(2)} MB with a format per cell)`,
  );
}

const PARTS: Record<string, () => Promise<void> | void> = {
  core: measureCore,
  sheets: () => measureSheets(10_000),
  files: () => measurePerFile(1_000),
  start: measureStart,
  process: measureProcess,
  summary: measureSummary,
  'same-unit': measureSameUnit,
};

/** `npm run bench` runs every part; `npm run bench -- summary` (or any part's name) one part. */
async function run(only = process.argv[2]): Promise<void> {
  if (only !== undefined && !(only in PARTS)) {
    console.error(`parts: ${Object.keys(PARTS).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  console.log(`node ${process.version}; each figure beside its reference, measured in this run`);
  for (const [name, part] of Object.entries(PARTS)) if (only === undefined || only === name) await part();
  console.log(`bench process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

void run();
