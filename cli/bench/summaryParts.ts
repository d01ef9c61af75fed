/**
 * `cchc summary` as a province office runs it, a whole process on a folder of generated ward files (wardFiles.ts),
 * beside the references read in the same run: a bare sequential exceljs read, a bare SheetJS read and the floor
 * (unzip only) of the same files. Then the summary workbook's write alone, one worker against all, and 3,000 files
 * of one unit against 3,000 distinct ones.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { checkWorkbook } from '../../shared/src/index';
import { consolidate } from '../../shared/src/summary/consolidate';
import { digestReport, type FileDigest } from '../../shared/src/summary/digest';
import { summaryWorkbookBuffer } from '../src/summary/summaryWorkbook';
import { readWorkbook } from '../src/xlsx/readWorkbook';
import { exceljsRead, ROOT, sheetjsRead, unzipFloor } from './references';
import { bestRun, ratio, runProcess } from './show';
import { writeWardSet } from './wardFiles';

const CCHC = join(ROOT, 'cli/bin/cchc.js');
const SIZES = [300, 1_000, 3_000];
const LARGEST = SIZES[SIZES.length - 1];

let root: string | undefined;
const sets = new Map<string, Promise<string[]>>();

/** The generated folders, made once per bench process and removed when it ends. */
function benchDir(): string {
  if (!root) {
    const made = mkdtempSync(join(tmpdir(), 'cchc-bench-wards-'));
    root = made;
    process.on('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return root;
}

/** N distinct wards' files (one folder each; the first N of the largest set), or N files of one unit. */
function wardSet(count: number, oneUnit = false): Promise<string[]> {
  const key = `${oneUnit ? 'one' : 'distinct'}-${count}`;
  let set = sets.get(key);
  if (!set) {
    const dir = join(benchDir(), key);
    set =
      oneUnit || count === LARGEST
        ? writeWardSet(dir, count, { oneUnit }).then((files) => files.map((f) => f.path))
        : wardSet(LARGEST).then((all) =>
            all.slice(0, count).map((f) => {
              const folder = join(dir, basename(dirname(f)));
              cpSync(dirname(f), folder, { recursive: true });
              return join(folder, basename(f));
            }),
          );
    sets.set(key, set);
  }
  return set;
}

function summaryRun(folder: string, env: NodeJS.ProcessEnv = {}) {
  const out = join(benchDir(), `${basename(folder)}.xlsx`);
  return runProcess(
    process.execPath,
    [CCHC, 'summary', folder, '--out', out, '--as-of', '2025-10-15', '--force'],
    env,
  );
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function timeOnce<T>(work: () => T): number {
  const t0 = performance.now();
  void work();
  return performance.now() - t0;
}

async function timeOnceAsync(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/**
 * The digests of `count` files for the write alone: the first twelve files' digests, computed here, repeated
 * under each file's own name and unit, so the summary has the shape a real batch of that size has.
 */
async function digestsFor(files: readonly string[]): Promise<FileDigest[]> {
  const first: FileDigest[] = [];
  for (const f of files.slice(0, 12)) {
    const grids = await readWorkbook(f);
    first.push(digestReport(checkWorkbook(grids, { asOf: '2025-10-15' }), grids, f));
  }
  return files.map((f, i) => {
    const d = first[i % first.length];
    return { ...d, file: `${basename(dirname(f))}/${basename(f)}`, unit: `${d.unit} ${i}` };
  });
}

/**
 * Read + check of one ward file in this (warm) thread, read and check apart, against the floor on the same files:
 * what a worker spends per file once its code is optimised. Best of three passes after a warm-up pass.
 */
export async function measurePerFile(count = 1_000): Promise<void> {
  const files = await wardSet(count);
  const pass = async () => {
    let read = 0;
    let check = 0;
    for (const f of files) {
      const t0 = performance.now();
      const grids = await readWorkbook(f);
      const t1 = performance.now();
      checkWorkbook(grids, { asOf: '2025-10-15' });
      read += t1 - t0;
      check += performance.now() - t1;
    }
    return { read, check };
  };
  await pass();
  const passes = [await pass(), await pass(), await pass()];
  const best = passes.reduce((a, b) => (a.read + a.check <= b.read + b.check ? a : b));
  const floor = Math.min(...[0, 1, 2].map(() => timeOnce(() => unzipFloor(files))));
  const per = (ms: number) => `${(ms / count).toFixed(2)} ms`;
  console.log(
    `files ${String(count).padStart(7)} ward files, per file: read ${per(best.read)} + check ${per(best.check)}; ` +
      `unzip floor ${per(floor)}: read + check ${ratio(best.read + best.check, floor)} the floor (warm, one thread)`,
  );
}

export async function measureSummary(): Promise<void> {
  for (const count of SIZES) {
    const files = await wardSet(count);
    const folder = dirname(dirname(files[0]));
    const ours = bestRun(count >= 3_000 ? 2 : 3, () => summaryRun(folder));
    const exceljs = await timeOnceAsync(() => exceljsRead(files));
    const sheetjs = timeOnce(() => sheetjsRead(files));
    const floor = Math.min(...[0, 1, 2].map(() => timeOnce(() => unzipFloor(files))));
    console.log(
      `summary ${String(count).padStart(5)} files  cchc summary ${s(ours.ms)} ${ours.rssMb.toFixed(0)} MiB  ` +
        `exceljs read ${s(exceljs)} (summary ${ratio(ours.ms, exceljs)} of it)  SheetJS read ${s(sheetjs)} ` +
        `(${ratio(ours.ms, sheetjs)})  floor ${s(floor)} (${ratio(ours.ms, floor)})`,
    );
    const summary = consolidate(await digestsFor(files), { lang: 'vi', today: '2025-10-15' });
    await summaryWorkbookBuffer(summary); // warm-up
    const write = Math.min(
      ...(await Promise.all([0, 1].map(() => timeOnceAsync(() => summaryWorkbookBuffer(summary))))),
    );
    let line = `summary ${String(count).padStart(5)} files  the summary workbook's write alone ${s(write)}`;
    if (count >= 1_000) {
      const one = bestRun(count >= 3_000 ? 2 : 3, () => summaryRun(folder, { CCHC_WORKERS: '1' }));
      line += `;  1 worker ${s(one.ms)}, all cores ${s(ours.ms)}: ${ratio(one.ms, ours.ms)} faster`;
    }
    console.log(line);
  }
}

export async function measureSameUnit(): Promise<void> {
  const distinct = await wardSet(LARGEST);
  const one = await wardSet(LARGEST, true);
  const a = bestRun(2, () => summaryRun(dirname(dirname(distinct[0]))));
  const b = bestRun(2, () => summaryRun(dirname(dirname(one[0]))));
  console.log(
    `same-unit ${LARGEST} files of one unit ${s(b.ms)} ${b.rssMb.toFixed(0)} MiB, ${LARGEST} distinct ` +
      `${s(a.ms)} ${a.rssMb.toFixed(0)} MiB: ${ratio(b.ms, a.ms)} the time`,
  );
}
