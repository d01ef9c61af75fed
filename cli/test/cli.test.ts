/**
 * The command line as people and CI use it: exit codes, text and JSON output, the highlighted copy, and one clear
 * line (never a stack trace) for input that cannot be used.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { reportSchema, type Report } from '../../shared/src/index';
import { PRODUCT, VERSION } from '../../shared/src/version';
import { ensureBuilt } from './built';
import { runMain } from './runMain';

const fixtures = join(__dirname, 'fixtures');
const seed000 = join(fixtures, 'seed000-tasks.xlsx');
const kpiFile = join(fixtures, 'kpi-001-004.xlsx');

const run = (args: string[]) => runMain(args);

describe('cchc validate', () => {
  it('exits 1 on error findings and prints findings grouped by code with their cells', async () => {
    const r = await run(['validate', seed000, '--as-of', '2025-07-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('[Lỗi] Ô bắt buộc đang trống (cell/required): 1');
    expect(r.stdout).toMatch(/E39 +Ô "Thời gian hoàn thành" đang trống\./);
    expect(r.stdout).toContain('[Cảnh báo] Nhiệm vụ quá hạn (task/overdue): 4');
    expect(r.stdout).toMatch(/I +CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH .* 9 +0 +2/);
    expect(r.stdout).toContain('Kết luận: 1 lỗi cần sửa · 4 nhiệm vụ quá hạn.');
  });

  it('exits 0 when there is no error finding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Nhiệm vụ').addRows([
      ['DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tiến độ'],
      ['I', 'Công tác chỉ đạo, điều hành'],
      [1, 'Ban hành kế hoạch CCHC', 'Văn phòng - Thống kê', 'Tháng 02/2025', 'Đã hoàn thành'],
    ]);
    const file = join(dir, 'ok.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run(['validate', file, '--as-of', '2025-07-01', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Result: no errors.');
    expect(r.stdout).toContain('Area II (Institutional reform) is missing.');
  });

  it('prints the report as JSON that passes the published schema', async () => {
    const r = await run(['validate', kpiFile, '--format', 'json', '--as-of', '2025-12-31']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(reportSchema.parse(report).sheets[0].summary.kpis).toEqual({
      total: 16,
      met: 10,
      missed: 3,
      noData: 2,
      unmeasurable: 1,
    });
    expect(report.file).toBe('kpi-001-004.xlsx');
  });

  it('judges tasks as of a reporting period cut-off, national or the plan’s own', async () => {
    const national = JSON.parse(
      (await run(['validate', seed000, '--format', 'json', '--period', 'h1'])).stdout,
    );
    expect(national.asOf).toBe('2025-06-14');
    expect(national.sheets[0].summary.tasks.overdue).toBe(3);
    const own = JSON.parse(
      (await run(['validate', seed000, '--format', 'json', '--period', 'q1', '--cutoffs', 'q1=09/03']))
        .stdout,
    );
    expect(own.asOf).toBe('2025-03-09');
    expect(own.sheets[0].summary.tasks.overdue).toBe(2);
  });

  it('checks many files at once, as a province office does, and keeps going past a broken one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
    const broken = join(dir, 'hong.xlsx');
    writeFileSync(broken, 'không phải tệp Excel');
    const [tasks, kpis] = [seed000, kpiFile].map((f) => {
      copyFileSync(f, join(dir, basename(f)));
      return join(dir, basename(f));
    });
    const r = await run(['validate', tasks, broken, kpis, '--format', 'json', '--as-of', '2025-07-01']);
    expect(r.code).toBe(2);
    const reports = JSON.parse(r.stdout);
    expect(reports.map((x: { file: string }) => x.file)).toEqual(['seed000-tasks.xlsx', 'kpi-001-004.xlsx']);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    // The file is named once, at the start of the line.
    expect(r.stderr.trim()).toBe(
      'hong.xlsx: không phải tệp Excel .xlsx hay .csv; hãy mở tệp bằng Excel hoặc LibreOffice Calc rồi lưu lại thành .xlsx.',
    );
  });

  it('sums up a batch in one line per file, in agreement with the full reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
    const broken = join(dir, 'hong.xlsx');
    writeFileSync(broken, 'không phải tệp Excel');
    for (const f of [seed000, kpiFile]) copyFileSync(f, join(dir, basename(f)));
    const files = [join(dir, 'seed000-tasks.xlsx'), broken, join(dir, 'kpi-001-004.xlsx')];
    const r = await run(['validate', ...files, '--format', 'summary', '--as-of', '2025-07-01']);
    expect(r.code).toBe(2);
    const json = await run(['validate', ...files, '--format', 'json', '--as-of', '2025-07-01']);
    const reports: Report[] = JSON.parse(json.stdout);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Tổng hợp (3 tệp):');
    const cells = (name: string) =>
      (lines.find((l) => l.trim().startsWith(name)) ?? '').trim().split(/ {2,}/);
    for (const report of reports) {
      const all = report.sheets.flatMap((s) => s.findings);
      const tasks = report.sheets.reduce((n, s) => n + s.summary.tasks.total, 0);
      const overdue = report.sheets.reduce((n, s) => n + s.summary.tasks.overdue, 0);
      const kpis = report.sheets.reduce((n, s) => n + s.summary.kpis.total, 0);
      const missed = report.sheets.reduce((n, s) => n + s.summary.kpis.missed, 0);
      expect(cells(report.file)).toEqual([
        report.file,
        String(all.filter((f) => f.severity === 'error').length),
        String(all.filter((f) => f.severity === 'warning').length),
        tasks ? `${overdue}/${tasks}` : '-',
        kpis ? `${missed}/${kpis}` : '-',
        report.valid ? 'Không có lỗi' : 'Có lỗi',
      ]);
    }
    expect(cells('hong.xlsx')).toEqual(['hong.xlsx', '-', '-', '-', '-', 'Không đọc được']);
    expect(lines[lines.length - 1]).toMatch(/^Không có lỗi: \d\/2 tệp đọc được · .* · Không đọc được: 1$/);
    // Text output of several files ends with the same table.
    const text = await run(['validate', ...files, '--as-of', '2025-07-01']);
    expect(text.stdout.endsWith(r.stdout)).toBe(true);
  });

  it('writes a highlighted copy and leaves the input byte for byte as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
    const input = join(dir, 'in.xlsx');
    copyFileSync(seed000, input);
    const before = readFileSync(input);
    const out = join(dir, 'checked.xlsx');
    const r = await run(['validate', input, '--as-of', '2025-07-01', '--out', out]);
    expect(r.code).toBe(1);
    expect(readFileSync(input).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    // The highlights are the copy's own conditional-format rules; the cells' fills stay the user's.
    const rules = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    const colourOf = (ref: string) =>
      rules.find((cf) => cf.ref.split(' ').some((r) => r === ref || r.startsWith(`${ref}:`)))?.rules[0].style
        ?.fill;
    expect((colourOf('E39') as ExcelJS.FillPattern).bgColor?.argb).toBe('FFF4B183'); // error
    expect((colourOf('E7') as ExcelJS.FillPattern).bgColor?.argb).toBe('FFD5A6E6'); // overdue
    expect(colourOf('E9')).toBeUndefined();
    expect(ws.getCell('E39').note).toBe('Ô "Thời gian hoàn thành" đang trống.');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phụ lục', 'Kết quả kiểm tra']);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(input);
    expect(ws.getCell('A7').value).toBe(original.worksheets[0].getCell('A7').value);
  });

  it('refuses to overwrite the input or an existing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
    const input = join(dir, 'in.xlsx');
    copyFileSync(seed000, input);
    const same = await run(['validate', input, '--out', input]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('Không ghi đè tệp gốc');
    const existing = join(dir, 'old.xlsx');
    writeFileSync(existing, 'keep me');
    const refused = await run(['validate', input, '--out', existing]);
    expect(refused.code).toBe(2);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
  });

  it('says in words why an output path cannot be written, before any work, for both commands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
    for (const command of [
      ['validate', seed000, '--out'],
      ['template', 'tasks', '-o'],
    ]) {
      const folder = await run([...command, dir, '--force']);
      expect(folder.code).toBe(2);
      expect(folder.stderr).toBe(`${dir} là thư mục; hãy ghi cả tên tệp, ví dụ ${dir}/ket-qua.xlsx.\n`);
      expect(folder.stdout).toBe('');
      const nowhere = join(dir, 'khong-co', 'a.xlsx');
      const missing = await run([...command, nowhere, '--lang', 'en']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(`There is no folder ${join(dir, 'khong-co')} to write ${nowhere} in.\n`);
      expect(existsSync(nowhere)).toBe(false);
    }
  });

  it.each([
    [['validate', '/no/such/file.xlsx'], /file\.xlsx: /],
    [['validate'], /Cần tên tệp/],
    [['validate', seed000, '--as-of', '31/02/2025'], /Ngày không hợp lệ/],
    [['validate', seed000, '--period', 'q5'], /Kỳ báo cáo không hợp lệ/],
    [['validate', seed000, '--format', 'xml'], /--format/],
    [['validate', seed000, '--bogus'], /^Tùy chọn không rõ: --bogus \(xem "cchc validate --help"\)\n$/],
    [['frobnicate'], /Lệnh không rõ/],
  ])('%j: exit 2 with a clear message and no stack trace', async (args, pattern) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says why in English too', async () => {
    const r = await run(['validate', '/no/such/file.xlsx', '--lang', 'en']);
    expect(r.stderr).toMatch(/file\.xlsx: .*(not found|does not exist|no file)/i);
  });
});

describe('the built command (cli/bin/cchc.js)', () => {
  const root = resolve(__dirname, '../..');
  beforeAll(() => {
    ensureBuilt();
  }, 120_000);

  it('runs the demo on the bundled sample and says where the checked copy is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-demo-'));
    const r = spawnSync('node', [join(root, 'cli/bin/cchc.js'), 'demo'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Dòng tổng ghi 36 nhiệm vụ nhưng bảng có 35.');
    expect(r.stdout).toContain('Mở out/phu-luc-mau.checked.xlsx');
    // The sample's deliberate errors: validate would exit 1, the demo itself succeeds.
    expect(r.stdout).toContain('trả mã thoát 1 với tệp này');
    expect(existsSync(join(dir, 'out/phu-luc-mau.checked.xlsx'))).toBe(true);
  });

  it.each([['--version'], ['-V'], ['--version', '--lang', 'en']])(
    '%j prints the product and its version, one line on stdout, and exits 0',
    (...args) => {
      const r = spawnSync('node', [join(root, 'cli/bin/cchc.js'), ...args], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`${PRODUCT} ${VERSION}\n`);
      // package.json's name and version (shared/test/version.test.ts ties VERSION to it).
      expect(r.stdout).toMatch(/^cchc-appendix \d+\.\d+\.\d+\S*\n$/);
    },
  );

  it('names --version in the help, in both languages', () => {
    for (const [args, words] of [
      [['--help'], `in phiên bản đang dùng: ${PRODUCT} ${VERSION}`],
      [['--help', '--lang', 'en'], `prints the version in use: ${PRODUCT} ${VERSION}`],
    ] as const) {
      const r = spawnSync('node', [join(root, 'cli/bin/cchc.js'), ...args], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('cchc --version (-V)');
      expect(r.stdout).toContain(words);
    }
  });

  it('prints one line for an unreadable file and exits 2', () => {
    const r = spawnSync('node', [join(root, 'cli/bin/cchc.js'), 'validate', '/nope.xlsx'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
