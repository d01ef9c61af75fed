/**
 * Issue 9 as a newcomer meets the command line: help for each command, argument errors in the user's language
 * naming the option, relative paths taken from where the user stands (also through `npm run cchc`, which moves
 * to the repository's root), and the README's JSON example giving JSON.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureBuilt } from './built';
import { runMain } from './runMain';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = join(__dirname, 'fixtures');

const run = (args: string[]) => runMain(args);

describe('help and argument errors', () => {
  it.each([
    [['validate', '--help'], 'Cách dùng: cchc validate'],
    [['validate', '-h'], 'Cách dùng: cchc validate'],
    [['template', '--help'], 'Cách dùng: cchc template'],
    [['validate', '--help', '--lang', 'en'], 'Usage: cchc validate'],
  ])('%j prints that command’s usage and exits 0', async (args, start) => {
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith(start)).toBe(true);
  });

  it.each([
    [['validate', 'x.xlsx', '--as-of'], 'Thiếu giá trị sau --as-of (xem "cchc validate --help")'],
    [['validate', 'x.xlsx', '-o', 'y.xlsx'], 'Tùy chọn không rõ: -o (xem "cchc validate --help")'],
    [
      ['validate', 'x.xlsx', '--bogus', '--lang', 'en'],
      'Unknown option: --bogus (see "cchc validate --help")',
    ],
    [['template', 'tasks', '--bogus'], 'Tùy chọn không rõ: --bogus (xem "cchc template --help")'],
    [['validate', 'x.xlsx', '--period', 'q2'], 'Kỳ báo cáo không hợp lệ: q2 (q1, h1, q3, year)'],
    [
      ['validate', 'x.xlsx', '--period', 'h1', '--as-of', '2025-06-30'],
      'Chọn một trong hai: --period (ngày chốt số liệu của kỳ) hoặc --as-of (một ngày).',
    ],
  ])('%j: exit 2 with one line', async (args, line) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(line + '\n');
  });
});

describe('paths from where the user stands', () => {
  const dir = join(ROOT, 'test-output', 'newcomer', 'phuong-5');
  beforeAll(() => {
    rmSync(join(ROOT, 'test-output', 'newcomer'), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(FIXTURES, 'seed000-tasks.xlsx'), join(dir, 'phu-luc.xlsx'));
    ensureBuilt();
  }, 120_000);

  it('through npm run cchc from a subdirectory: the input and --out beside the user', () => {
    const r = spawnSync(
      'npm',
      [
        'run',
        '-s',
        'cchc',
        '--',
        'validate',
        'phu-luc.xlsx',
        '--out',
        'phu-luc.checked.xlsx',
        '--as-of',
        '2025-07-01',
      ],
      { cwd: dir, encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, 'phu-luc.checked.xlsx')).length).toBeGreaterThan(1000);
  });

  it('names the absolute path of a file that does not exist', () => {
    const r = spawnSync('node', [join(ROOT, 'cli/bin/cchc.js'), 'validate', 'khong-co.xlsx'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`khong-co.xlsx: không tìm thấy tệp (${join(dir, 'khong-co.xlsx')}).\n`);
  });

  it('gives JSON for the README’s example, as written', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const line = readme.split('\n').find((l) => l.includes('--format json > reports.json'));
    expect(line).toBeDefined();
    const command = (line as string).replace(/\s+#.*$/, '').trim();
    mkdirSync(join(dir, 'wards'), { recursive: true });
    for (const f of ['seed000-tasks.xlsx', 'kpi-001-004.xlsx'])
      copyFileSync(join(FIXTURES, f), join(dir, 'wards', f));
    spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    const reports = JSON.parse(readFileSync(join(dir, 'reports.json'), 'utf8'));
    expect(reports.map((r: { file: string }) => r.file).sort()).toEqual([
      'kpi-001-004.xlsx',
      'seed000-tasks.xlsx',
    ]);
  });
});

describe('a fast start', () => {
  it('does not compile again when no source changed since the last build', () => {
    const script = join(ROOT, 'cli/scripts/build-if-stale.js');
    const stamp = join(ROOT, 'dist/.tsbuildinfo');
    execFileSync('node', [script], { cwd: ROOT });
    const built = statSync(stamp).mtimeMs;
    const again = spawnSync('node', [script], { cwd: ROOT, encoding: 'utf8' });
    expect([again.status, again.stdout, again.stderr]).toEqual([0, '', '']);
    expect(statSync(stamp).mtimeMs).toBe(built);
  }, 120_000);
});

describe('batches of ward files', () => {
  const wards = join(ROOT, 'test-output', 'newcomer-batch');
  beforeAll(() => {
    rmSync(wards, { recursive: true, force: true });
    for (const ward of ['phuong-1', 'phuong-2']) {
      mkdirSync(join(wards, ward), { recursive: true });
      copyFileSync(join(FIXTURES, 'seed000-tasks.xlsx'), join(wards, ward, 'phu-luc.xlsx'));
    }
    copyFileSync(join(FIXTURES, 'kpi-001-004.xlsx'), join(wards, 'phuong-2', 'chi-tieu.xlsx'));
  });

  it('names each file by its path below the common folder, so two phu-luc.xlsx stay apart', async () => {
    const files = ['phuong-1/phu-luc.xlsx', 'phuong-2/phu-luc.xlsx', 'phuong-2/chi-tieu.xlsx'];
    const r = await run([
      'validate',
      ...files.map((f) => join(wards, f)),
      '--format',
      'summary',
      '--as-of',
      '2025-07-01',
    ]);
    const named = r.stdout
      .split('\n')
      .slice(2, 5)
      .map((l) => l.trim().split(/ {2,}/)[0]);
    expect(named).toEqual(files);
    const json = JSON.parse(
      (await run(['validate', ...files.map((f) => join(wards, f)), '--format', 'json'])).stdout,
    );
    expect(json.map((x: { file: string }) => x.file)).toEqual(files);
  });

  it('closes a text report with the errors, the missed targets and the overdue tasks', async () => {
    const tasks = await run(['validate', join(wards, 'phuong-1/phu-luc.xlsx'), '--as-of', '2025-07-01']);
    expect(tasks.stdout.trimEnd().split('\n').pop()).toBe('Kết luận: 1 lỗi cần sửa · 4 nhiệm vụ quá hạn.');
    const kpis = await run([
      'validate',
      join(wards, 'phuong-2/chi-tieu.xlsx'),
      '--as-of',
      '2025-12-31',
      '--lang',
      'en',
    ]);
    expect(kpis.stdout.trimEnd().split('\n').pop()).toBe('Result: 1 error to fix · 3 targets missed.');
  });

  it('says once that a plan is judged after its year has ended', async () => {
    const r = await run(['validate', join(wards, 'phuong-1/phu-luc.xlsx'), '--as-of', '2026-12-01']);
    const notes = r.stdout
      .split('\n')
      .filter((l) => l.includes('kế hoạch năm 2025, đánh giá đến ngày 01/12/2026'));
    expect(notes).toEqual(['  Lưu ý: kế hoạch năm 2025, đánh giá đến ngày 01/12/2026.']);
  });
});
