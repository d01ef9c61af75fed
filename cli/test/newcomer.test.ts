/**
 * Issue 9 as a newcomer meets the command line: help for each command, argument errors in the user's language
 * naming the option, relative paths taken from where the user stands (also through `npm run cchc`, which moves
 * to the repository's root), and the README's JSON example giving JSON.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main, type Io } from '../src/main';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = join(__dirname, 'fixtures');

async function run(args: string[]) {
  const io: Io & { stdout: string; stderr: string } = {
    stdout: '',
    stderr: '',
    out: (s) => void (io.stdout += s),
    err: (s) => void (io.stderr += s),
    today: () => '2025-07-01',
  };
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

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
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT }); // incremental: quick when nothing changed
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
