/**
 * npm run bench: generated task and KPI tables of 1k, 10k and 100k rows through the core (checkWorkbook), as a
 * host would hand them over. Prints rows per second (best of several runs, after a warm-up) and peak memory.
 */
import { checkWorkbook, type CellValue, type SheetGrid } from '../../shared/src/index';
import { packGrid, unpackGrid } from '../../shared/src/hosts/gridTransfer';
import { AREAS as AREA_DEFS } from '../../shared/src/table/areas';
import { basename } from 'node:path';
import { samplePath } from '../src/demo';
import { readWorkbook } from '../src/xlsx/readWorkbook';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consolidate } from '../../shared/src/summary/consolidate';
import type { FileDigest } from '../../shared/src/summary/digest';
import type { FileJob } from '../src/batch/job';
import { poolLimits, runPool } from '../src/batch/pool';
import { writeWardSet } from './wardFiles';

const DEADLINES = [
  'Tháng 02 năm 2025',
  'Quý III',
  'Thường xuyên',
  'Theo yêu cầu của Sở Nội vụ',
  'Ban hành kế hoạch: Tháng 7;\nThực hiện: Cả năm',
  '30/6/2025',
  'Quý I, II, III và cả năm 2025',
  'Định kỳ và thường xuyên',
];
const LEADS = [
  'Công chức VP-TK',
  'Công chức TP-HT',
  'Phòng Văn hoá – Xã hội',
  'Trung tâm phục vụ hành chính công',
];
const PROGRESS = ['Đã hoàn thành', 'Đang thực hiện', '', 'Chưa thực hiện'];
// The seven required areas as ward files write their rows: numeral, name in capitals.
const SEVEN = AREA_DEFS.slice(0, 7);
const AREAS = SEVEN.map((a) => a.vi.toUpperCase());
const ROMAN = SEVEN.map((a) => a.numeral);
const TARGETS = [
  'Tối thiểu 80%',
  'Trên 90%',
  '100%',
  'tối đa 15 phút/01 lượt giao dịch',
  'đạt từ 60% trở lên',
];

function taskGrid(rows: number): SheetGrid {
  const values: CellValue[][] = [
    ['Phụ lục'],
    ['DANH MỤC CÁC NHIỆM VỤ CCHC NĂM 2025'],
    ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Tiến độ'],
  ];
  const perArea = Math.ceil(rows / AREAS.length);
  let n = 0;
  for (let a = 0; a < AREAS.length && n < rows; a++) {
    values.push([ROMAN[a], AREAS[a]]);
    for (let i = 0; i < perArea && n < rows; i++, n++) {
      values.push([
        n + 1,
        `Triển khai nhiệm vụ cải cách hành chính số ${n + 1} trên địa bàn phường`,
        'Kế hoạch của UBND phường',
        LEADS[n % LEADS.length],
        'Các cơ quan, đơn vị chuyên môn thuộc UBND phường',
        DEADLINES[n % DEADLINES.length],
        PROGRESS[n % PROGRESS.length],
      ]);
    }
  }
  return { name: 'Nhiệm vụ', values };
}

function kpiGrid(rows: number): SheetGrid {
  const values: CellValue[][] = [
    ['KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
    ['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu năm 2025', 'Kết quả thực hiện', 'Ghi chú'],
  ];
  const formats: string[][] = [[], []];
  const perArea = Math.ceil(rows / AREAS.length);
  let n = 0;
  for (let a = 0; a < AREAS.length && n < rows; a++) {
    values.push([ROMAN[a], AREAS[a]]);
    formats.push([]);
    for (let i = 0; i < perArea && n < rows; i++, n++) {
      const target = TARGETS[n % TARGETS.length];
      const actual = target.includes('phút') ? 12 : (70 + (n % 31)) / 100;
      values.push([
        i + 1,
        `Tỷ lệ hồ sơ thủ tục hành chính số ${n + 1} được giải quyết đúng hạn`,
        target,
        actual,
        '',
      ]);
      formats.push(['General', 'General', 'General', target.includes('phút') ? 'General' : '0%', 'General']);
    }
  }
  return { name: 'Chỉ tiêu', values, numberFormats: formats };
}

function measure(label: string, make: (n: number) => SheetGrid, rows: number): void {
  const grid = make(rows);
  const runs = rows >= 100_000 ? 5 : 10;
  checkWorkbook([grid], { asOf: '2025-10-15' }); // warm-up: JIT and memo caches
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const report = checkWorkbook([grid], { asOf: '2025-10-15' });
    const ms = performance.now() - t0;
    best = Math.min(best, ms);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    if (report.sheets[0].tasks.length + report.sheets[0].kpis.length !== rows)
      throw new Error(`${label}: rows lost`);
  }
  const rate = Math.round(rows / (best / 1000));
  console.log(
    `${label.padEnd(6)} ${String(rows).padStart(7)} rows  ${best.toFixed(1).padStart(8)} ms  ` +
      `${rate.toLocaleString('en-US').padStart(11)} rows/s  heap +${((peak - before) / 1048576).toFixed(1)} MiB`,
  );
}

/**
 * A province office's batch: the bundled sample workbook (a task list and a KPI table, as a ward sends them)
 * read from disk with exceljs and checked, over and over, as `cchc validate wards/*.xlsx` does file by file.
 */
async function measureFiles(count: number): Promise<void> {
  const file = samplePath();
  await readWorkbook(file); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < count; i++) checkWorkbook(await readWorkbook(file), { asOf: '2025-10-15' });
  const ms = performance.now() - t0;
  console.log(
    `files  ${String(count).padStart(7)} × ${basename(file)}  ${ms.toFixed(0).padStart(6)} ms  ` +
      `${(count / (ms / 1000)).toFixed(1).padStart(8)} files/s (read + check)`,
  );
}

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

/**
 * `cchc summary` from read to summary on generated ward files (four real layouts, 25–50 rows a sheet): once in
 * one worker, file after file, then on the whole pool (one worker per core), as the command runs.
 */
async function measureSummary(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
  try {
    const files = await writeWardSet(dir, count);
    const jobs: FileJob[] = files.map((f) => ({
      path: f.path,
      shown: f.path.slice(dir.length + 1),
      options: { asOf: '2025-10-15', lang: 'vi' },
      want: 'digest',
    }));
    const check = (digests: FileDigest[]) => {
      const s = consolidate(digests, { lang: 'vi', today: '2025-10-15' });
      if (s.totals.read !== count) throw new Error(`summary: ${count - s.totals.read} files not read`);
    };
    // Both runs as the command runs: on fresh workers (cold, as every `cchc summary` starts), one and then all.
    const timed = async (workers: number) => {
      const digests: FileDigest[] = new Array(count);
      const t0 = performance.now();
      await runPool(jobs, { ...poolLimits(), workers }, (i, r) => {
        if (r.ok && r.digest) digests[i] = r.digest;
      });
      check(digests);
      return performance.now() - t0;
    };
    const workers = poolLimits().workers;
    const single = await timed(1);
    const parallel = await timed(workers);
    const rate = (ms: number) => (count / (ms / 1000)).toFixed(0).padStart(5);
    console.log(
      `summary ${count} ward files  1 worker ${single.toFixed(0).padStart(6)} ms ${rate(single)} files/s  ` +
        `${workers} workers ${parallel.toFixed(0).padStart(6)} ms ${rate(parallel)} files/s (read + check + summary)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench` runs everything; `npm run bench -- summary` (or tasks, kpis, sheets, files) one part. */
async function run(only = process.argv[2]): Promise<void> {
  const wants = (part: string) => only === undefined || only === part;
  console.log(`node ${process.version}, best of several runs after a warm-up`);
  if (wants('tasks')) for (const n of [1_000, 10_000, 100_000]) measure('tasks', taskGrid, n);
  if (wants('kpis')) for (const n of [1_000, 10_000, 100_000]) measure('kpis', kpiGrid, n);
  if (wants('sheets')) measureSheets(10_000);
  if (wants('files')) await measureFiles(100);
  if (wants('summary')) await measureSummary(1000);
  console.log(`peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
}

void run();
