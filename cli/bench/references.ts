/**
 * What the benchmark measures the product against, in the same run: tableschema-js (a general table validator,
 * for the core and for a whole process on a CSV), a bare exceljs or SheetJS read of each file, and the floor (each
 * file read from disk and unzipped, no XML looked at). tableschema-js and SheetJS live in their own package
 * (cli/bench/references, with its own lock file), installed on the first `npm run bench`: the product never
 * loads them, and tableschema-js brings an old axios that the product's tree should not carry.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { SheetGrid } from '../../shared/src/index';

/** The repository's root, from the sources (cli/bench) or from the build (dist/cli/bench). */
export const ROOT = [resolve(__dirname, '../..'), resolve(__dirname, '../../..')].find((c) =>
  existsSync(join(c, 'cli/bench/references/package.json')),
)!;
const REFERENCES = join(ROOT, 'cli/bench/references');

function reference<T>(name: string): T {
  if (!existsSync(join(REFERENCES, 'node_modules', name))) {
    console.log(`(installing the references once: npm ci in ${REFERENCES})`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: REFERENCES,
      stdio: 'inherit',
    });
  }
  return createRequire(join(REFERENCES, 'package.json'))(name) as T;
}

interface TableschemaTable {
  read(options: { forceCast: boolean }): Promise<unknown[]>;
}
interface Tableschema {
  Table: { load(source: unknown, options: { schema: unknown }): Promise<TableschemaTable> };
}

/** A field of a tableschema schema: a type and, for the columns a ward must fill, `required`. */
type Field = { name: string; type: string; constraints?: Record<string, unknown> };

/**
 * The schema a careful person writes for a task list, column by column as the header names them: the number,
 * the task, the lead and the deadline required, the progress one of the words the plans use.
 */
export const TASK_SCHEMA: { fields: Field[] } = {
  fields: [
    { name: 'STT', type: 'string', constraints: { required: true } },
    { name: 'Nhiệm vụ', type: 'string', constraints: { required: true } },
    { name: 'Sản phẩm', type: 'string' },
    { name: 'Cơ quan chủ trì', type: 'string', constraints: { required: true } },
    { name: 'Cơ quan phối hợp', type: 'string' },
    { name: 'Thời gian hoàn thành', type: 'string', constraints: { required: true } },
    {
      name: 'Tiến độ',
      type: 'string',
      constraints: { enum: ['Đã hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', ''] },
    },
  ],
};

/** The KPI table's: number, name and target required, the result a number. */
export const KPI_SCHEMA: { fields: Field[] } = {
  fields: [
    { name: 'STT', type: 'string', constraints: { required: true } },
    { name: 'Chỉ tiêu', type: 'string', constraints: { required: true } },
    { name: 'Chỉ tiêu phấn đấu năm 2025', type: 'string', constraints: { required: true } },
    { name: 'Kết quả thực hiện', type: 'number' },
    { name: 'Ghi chú', type: 'string' },
  ],
};

/**
 * The rows below a grid's header as tableschema-js takes them (the header first, every cell as text), so that
 * both validators see the same table: the header row is the first whose first cell is "STT".
 */
export function tableRows(grid: SheetGrid): string[][] {
  const header = grid.values.findIndex((row) => row[0] === 'STT');
  const width = grid.values[header].length;
  return grid.values
    .slice(header)
    .map((row) => Array.from({ length: width }, (_, c) => (row[c] == null ? '' : String(row[c]))));
}

/** tableschema-js's Table.read on rows in memory, casting every cell and checking every constraint. */
export async function tableschemaRead(rows: string[][], schema: { fields: Field[] }): Promise<number> {
  const { Table } = reference<Tableschema>('tableschema');
  const table = await Table.load(rows, { schema });
  const out = await table.read({ forceCast: true });
  return out.length;
}

/** The rows as a CSV file (RFC 4180 quoting), for the whole-process comparison. */
export function writeCsv(path: string, rows: string[][]): void {
  const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  writeFileSync(path, rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');
}

/** The script the reference process runs: tableschema-js validating a CSV file against a schema file. */
export function tableschemaScript(): string {
  return join(REFERENCES, 'validate-csv.js');
}

/** Ensures the references are installed before a child process needs them. */
export function ensureReferences(): void {
  reference('tableschema');
}

/** A bare exceljs read of each file: what reading a ward file costs with the library most projects use. */
export async function exceljsRead(files: readonly string[]): Promise<number> {
  let sheets = 0;
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
    sheets += wb.worksheets.length;
  }
  return sheets;
}

interface SheetJs {
  read(data: Buffer, options: { type: 'buffer' }): { SheetNames: string[] };
}

/** A bare SheetJS read of each file. */
export function sheetjsRead(files: readonly string[]): number {
  const XLSX = reference<SheetJs>('xlsx');
  let sheets = 0;
  for (const f of files) sheets += XLSX.read(readFileSync(f), { type: 'buffer' }).SheetNames.length;
  return sheets;
}

/** The floor: each file read from disk and every part inflated (fflate), no XML looked at. */
export function unzipFloor(files: readonly string[]): number {
  let bytes = 0;
  for (const f of files) for (const part of Object.values(unzipSync(readFileSync(f)))) bytes += part.length;
  return bytes;
}
