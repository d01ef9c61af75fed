/**
 * `cchc summary` as a province office runs it, on a generated inbox (four real layouts, units named in headings,
 * titles and folder names, met / missed / blank results, a unit that sent two files, a corrupt file and a letter
 * that is no table): the summary's counts are the sums of the per-file JSON reports of `cchc validate`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import type { Report } from '../../../shared/src/index';
import { summaryWord } from '../../../shared/src/summary/words';
import { writeWardSet, type WardSetFile } from '../../bench/wardFiles';
import { CCHC, ensureBuilt, ROOT } from '../built';

const DIR = join(ROOT, 'test-output', 'summary-batch');
const WARDS = join(DIR, 'wards');
const AS_OF = '2025-10-15';

function cchc(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync('node', [CCHC, ...args], {
    cwd: DIR,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The per-file rows of the summary sheet, keyed by the file column, with each count by its heading. */
async function summaryRows(path: string): Promise<Map<string, Record<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  const w = (k: Parameters<typeof summaryWord>[0]) => summaryWord(k, 'vi');
  // The two header rows: group headings above, counts below; a column is known by its lowest heading.
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (!headerRow && row.values && (row.values as unknown[]).includes(w('file'))) headerRow = r;
  });
  expect(headerRow).toBeGreaterThan(0);
  const columns = new Map<string, number>();
  for (const r of [headerRow, headerRow + 1])
    ws.getRow(r).eachCell((cell, c) => {
      if (typeof cell.value === 'string') columns.set(cell.value, c);
    });
  const col = (k: Parameters<typeof summaryWord>[0]) => {
    const c = columns.get(w(k));
    expect(c).toBeDefined();
    return c as number;
  };
  const out = new Map<string, Record<string, unknown>>();
  const value = (v: ExcelJS.CellValue) =>
    v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
  ws.eachRow((row, r) => {
    // File rows have their number in the first column (the totals row and notes below do not).
    if (r <= headerRow + 1 || typeof row.getCell(1).value !== 'number') return;
    const file = row.getCell(col('file')).value;
    if (typeof file !== 'string' || !file) return;
    const get = (k: Parameters<typeof summaryWord>[0]) => value(row.getCell(col(k)).value);
    out.set(file, {
      unit: get('unit'),
      total: get('total'),
      done: get('done'),
      overdue: get('overdue'),
      met: get('met'),
      missed: get('missed'),
      noData: get('noData'),
      errors: get('errors'),
      warnings: get('warnings'),
      note: get('note'),
    });
  });
  return out;
}

describe('cchc summary over a province inbox', () => {
  let files: WardSetFile[];
  let before: Map<string, string>;
  let run: ReturnType<typeof cchc>;

  beforeAll(async () => {
    ensureBuilt();
    rmSync(DIR, { recursive: true, force: true });
    files = await writeWardSet(WARDS, 12, { odd: true });
    // Hidden files and Office's lock files are not ward files.
    writeFileSync(join(WARDS, '~$phu-luc.xlsx'), 'lock');
    writeFileSync(join(WARDS, '.DS_Store'), 'x');
    before = new Map(files.map((f) => [f.path, digest(f.path)]));
    run = cchc(['summary', 'wards', '--out', 'tong-hop.xlsx', '--html', 'tong-hop.html', '--as-of', AS_OF]);
  }, 180_000);

  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it('reads every file, gives the corrupt one a single line and exits 1 (errors found)', () => {
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'hong.xlsx: tệp .xlsx bị hỏng hoặc không đọc được; hãy mở tệp bằng Excel và lưu một bản sao (Tệp > Lưu thành), rồi kiểm tra bản sao đó.',
    ]);
    expect(run.stdout).toContain(`Đã tổng hợp ${files.length - 1}/${files.length} tệp`);
    expect(run.stdout).toContain('Đơn vị gửi nhiều tệp (đều được tính): Phường 1.');
    expect(existsSync(join(DIR, 'tong-hop.xlsx'))).toBe(true);
    expect(readFileSync(join(DIR, 'tong-hop.html'), 'utf8')).toContain('<svg');
  });

  it('never modifies an input', () => {
    for (const f of files) expect(digest(f.path)).toBe(before.get(f.path));
  });

  it('has, for every file, the counts of its own JSON report, and the unit its heading or folder names', async () => {
    const readable = files.filter((f) => !f.path.endsWith('hong.xlsx'));
    const json = cchc(['validate', ...readable.map((f) => f.path), '--format', 'json', '--as-of', AS_OF]);
    const reports = JSON.parse(json.stdout) as Report[];
    expect(reports).toHaveLength(readable.length);
    const rows = await summaryRows(join(DIR, 'tong-hop.xlsx'));
    expect(rows.size).toBe(files.length);
    const sum = (r: Report, pick: (s: Report['sheets'][number]) => number) =>
      r.sheets.reduce((t, s) => t + pick(s), 0);
    const count = (r: Report, severity: string) =>
      [...r.findings, ...r.sheets.flatMap((s) => s.findings)].filter((f) => f.severity === severity).length;
    readable.forEach((f, i) => {
      const r = reports[i];
      const row = rows.get(relative(WARDS, f.path));
      expect(row).toMatchObject({
        total: sum(r, (s) => s.summary.tasks.total),
        done: sum(r, (s) => s.summary.tasks.done),
        overdue: sum(r, (s) => s.summary.tasks.overdue),
        met: sum(r, (s) => s.summary.kpis.met),
        missed: sum(r, (s) => s.summary.kpis.missed),
        noData: sum(r, (s) => s.summary.kpis.noData),
        errors: count(r, 'error'),
        warnings: count(r, 'warning'),
      });
      if (f.unit) expect(row?.unit).toBe(f.unit);
    });
    // Some targets were missed, somewhere, and some met: the set is not uniform.
    expect(reports.some((r) => sum(r, (s) => s.summary.kpis.missed) > 0)).toBe(true);
    expect(reports.some((r) => sum(r, (s) => s.summary.kpis.met) > 0)).toBe(true);
    expect(rows.get('hong.xlsx')?.note).toContain('hỏng');
    expect(rows.get('phuong-1/phu-luc-cchc-2025.xlsx')?.note).toContain(
      'phuong-1/phu-luc-cchc-2025-ban-sua.xlsx',
    );
    expect(rows.get('cong-van.xlsx')).toMatchObject({ unit: 'Phường 99', total: 0, errors: 1 });
  });

  it('refuses to overwrite the summary without --force, and keeps the old one', () => {
    const old = digest(join(DIR, 'tong-hop.xlsx'));
    const again = cchc(['summary', 'wards', '--out', 'tong-hop.xlsx', '--as-of', AS_OF]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('Tệp tong-hop.xlsx đã có; thêm --force để ghi đè.\n');
    expect(digest(join(DIR, 'tong-hop.xlsx'))).toBe(old);
  });

  it('exits 0 when every file was read and none has an error, and 2 when none could be read', () => {
    const clean = cchc([
      'summary',
      join(WARDS, 'phuong-4'),
      '--out',
      'sach.xlsx',
      '--as-of',
      AS_OF,
      '--lang',
      'en',
    ]);
    const r = JSON.parse(
      cchc(['validate', join(WARDS, 'phuong-4/phu-luc-cchc-2025.xlsx'), '--format', 'json', '--as-of', AS_OF])
        .stdout,
    ) as Report;
    expect(clean.code).toBe(r.valid ? 0 : 1);
    expect(clean.stdout).toContain('Summarised 1/1 file from 1 unit.');
    const none = cchc(['summary', join(WARDS, 'hong.xlsx'), '--out', 'khong.xlsx']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Không đọc được tệp nào');
    expect(existsSync(join(DIR, 'khong.xlsx'))).toBe(false);
  });

  it('bounds each file: one past the memory limit costs one line and the batch goes on', () => {
    // 200,000 task rows as a .csv: far past a 48 MB worker heap, while a ward file needs a few MB.
    const big = join(DIR, 'big', 'lon.csv');
    const rows = ['STT,Nhiệm vụ,Cơ quan chủ trì,Thời gian hoàn thành'];
    for (let i = 1; i <= 200_000; i++)
      rows.push(`${i},Nhiệm vụ cải cách số ${i},Văn phòng,Quý ${1 + (i % 4)}`);
    mkdirSync(join(DIR, 'big'), { recursive: true });
    writeFileSync(big, rows.join('\n'));
    const r = cchc(['summary', big, join(WARDS, 'phuong-2'), '--out', 'gioi-han.xlsx', '--as-of', AS_OF], {
      CCHC_WORKER_MEMORY_MB: '48',
    });
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^big\/lon\.csv: tệp quá lớn hoặc có vùng gộp ô bất thường/),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Đã tổng hợp 1/2 tệp');
  });
});
