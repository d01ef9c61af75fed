/** `cchc summary`'s command line: what it refuses before any work, each time in one line and in the user's language. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../built';
import { runMain } from '../runMain';

const DIR = join(ROOT, 'test-output', 'summary-command');

describe('cchc summary refuses a command it cannot run, before reading any file', () => {
  beforeAll(() => {
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(join(DIR, 'trong'), { recursive: true });
    writeFileSync(join(DIR, 'co-san.xlsx'), 'the office’s own file');
  });
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it.each([
    [['summary'], 'Cần tệp hoặc thư mục các tệp của đơn vị.'],
    [['summary', ''], 'Cần tệp hoặc thư mục các tệp của đơn vị.'],
    [['summary', 'wards'], 'Cần tên tệp tổng hợp: --out tong-hop.xlsx'],
    [['summary', 'wards', '--out', 'tong-hop.pdf'], '--out ghi tệp .xlsx'],
    [['summary', 'wards', '--out', 'a.xlsx', '--html', 'a.pdf'], '--html ghi tệp .html'],
    [
      ['summary', 'wards', '--out', 'a.xlsx', '--period', 'q2'],
      'Kỳ báo cáo không hợp lệ: q2 (q1, h1, q3, year)',
    ],
    [
      ['summary', 'wards', '--out', 'a.xlsx', '--bogus'],
      'Tùy chọn không rõ: --bogus (xem "cchc summary --help")',
    ],
    [
      ['summary', 'wards', '--out', 'a.xlsx', '--lang', 'en', '--as-of', 'mai'],
      'Invalid date: mai (use YYYY-MM-DD or dd/mm/yyyy)',
    ],
  ])('%j: exit 2, one line', async (args, line) => {
    const r = await runMain(args);
    expect(r).toEqual({ code: 2, stdout: '', stderr: line + '\n' });
  });

  it('refuses an existing summary without --force, an input as output, and an empty folder', async () => {
    const existing = join(DIR, 'co-san.xlsx');
    expect((await runMain(['summary', join(DIR, 'trong'), '--out', existing])).stderr).toBe(
      `Tệp ${existing} đã có; thêm --force để ghi đè.\n`,
    );
    const self = await runMain(['summary', existing, '--out', existing, '--force']);
    expect(self.stderr).toBe(`Không ghi đè tệp đầu vào: chọn tên khác cho ${existing}.\n`);
    const empty = await runMain(['summary', join(DIR, 'trong'), '--out', join(DIR, 'a.xlsx')]);
    expect(empty).toMatchObject({
      code: 2,
      stderr: 'Không có tệp .xlsx hoặc .csv nào trong các thư mục đã cho.\n',
    });
  });

  it('validate "" says that no file was given, rather than reading the current folder', async () => {
    expect(await runMain(['validate', ''])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Cần tên tệp .xlsx cần kiểm tra.\n',
    });
  });

  it('explains itself with --help, in English on request', async () => {
    const vi = await runMain(['summary', '--help']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Cách dùng: cchc summary');
    const en = await runMain(['summary', '--help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage: cchc summary');
    expect((await runMain(['help'])).stdout).toContain('cchc summary');
  });
});
