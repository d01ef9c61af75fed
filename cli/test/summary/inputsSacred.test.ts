/**
 * Issue 18, items 1 and 9: `cchc summary` never overwrites a ward's file, not even with --force and not even inside
 * a folder it reads; it may replace its own earlier summary there (known by its document properties), which it
 * never reads as a ward; and --force replaces files only, never a FIFO.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CCHC, ROOT, ensureBuilt } from '../built';
import { runMain } from '../runMain';
import { isOwnSummary } from '../../src/summary/ownSummary';

const DIR = join(ROOT, 'test-output', 'summary-inputs-sacred');
const WARDS = join(DIR, 'wards');
const FIXTURES = join(ROOT, 'cli', 'test', 'fixtures');

describe('cchc summary and the files it reads', () => {
  beforeAll(() => {
    ensureBuilt();
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(join(WARDS, 'phuong-5'), { recursive: true });
    copyFileSync(join(FIXTURES, 'seed000-tasks.xlsx'), join(WARDS, 'phuong-5', 'phu-luc.xlsx'));
    copyFileSync(join(FIXTURES, 'seed002.xlsx'), join(WARDS, 'an-nhon-dong.xlsx'));
  }, 180_000);
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it('refuses, before any work and with --force, to write over a ward file inside a folder it reads', async () => {
    const ward = join(WARDS, 'an-nhon-dong.xlsx');
    const before = readFileSync(ward);
    for (const target of [ward, join(WARDS, 'phuong-5', 'phu-luc.xlsx')]) {
      const r = await runMain(['summary', WARDS, '--out', target, '--force']);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: `${target} là một tệp của đơn vị trong thư mục đang tổng hợp: không ghi đè; chọn tên khác hoặc ghi ra thư mục khác.\n`,
      });
    }
    expect(readFileSync(ward).equals(before)).toBe(true);
  });

  it('writes its summary into the folder, replaces it on a re-run and never counts it as a ward', async () => {
    const out = join(WARDS, 'tong-hop.xlsx');
    const first = await runMain(['summary', WARDS, '--out', out]);
    expect(first.code).toBeLessThan(2);
    expect(isOwnSummary(out)).toBe(true);
    expect(isOwnSummary(join(WARDS, 'an-nhon-dong.xlsx'))).toBe(false);
    const again = await runMain(['summary', WARDS, '--out', out, '--force']);
    expect(again.code).toBe(first.code);
    // The same two wards both times: the first summary was not read as a third.
    expect(again.stdout).toBe(first.stdout);
    expect(first.stdout.split('\n')[0]).toBe('Đã tổng hợp 2/2 tệp của 2 đơn vị.');
  });

  it('leaves an earlier summary out when it lies among the ward files under another name, with a line', async () => {
    const out = join(DIR, 'tong-hop-2.xlsx');
    const r = await runMain(['summary', WARDS, '--out', out]);
    expect(r.stdout.split('\n')[0]).toBe('Đã tổng hợp 2/2 tệp của 2 đơn vị.');
    expect(r.stderr).toBe('tong-hop.xlsx: tệp tổng hợp do cchc ghi, không phải tệp của đơn vị; bỏ qua.\n');
    expect(r.code).toBeLessThan(2);
  });

  it('says which sub-folder it could not read, and exits 1 (item 12)', () => {
    const locked = join(WARDS, 'khoa');
    mkdirSync(locked);
    copyFileSync(join(FIXTURES, 'seed002.xlsx'), join(locked, 'x.xlsx'));
    chmodSync(locked, 0o000);
    // Root lists any folder: there the command runs without the capabilities that let it (still root, so the
    // clone's own permissions do not matter).
    const outDir = mkdtempSync(join(tmpdir(), 'cchc-locked-'));
    const command = [process.execPath, CCHC, 'summary', WARDS, '--out', join(outDir, 'tong-hop.xlsx')];
    const asUser =
      process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search'] : [];
    try {
      const [file, ...args] = [...asUser, ...command];
      const r = spawnSync(file, args, { encoding: 'utf8' });
      expect(r.stderr).toContain(
        `${locked}: không đọc được thư mục (không có quyền?); các tệp trong đó không được tổng hợp.\n`,
      );
      expect(r.status).toBe(1);
    } finally {
      chmodSync(locked, 0o755);
      rmSync(locked, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('--force replaces a file only: a FIFO named like a workbook is refused and stays a FIFO', async () => {
    const fifo = join(DIR, 'ong.xlsx');
    execFileSync('mkfifo', [fifo]);
    const r = await runMain(['summary', WARDS, '--out', fifo, '--force']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `${fifo} không phải là một tệp thông thường; hãy ghi ra một tệp .xlsx.\n`,
    });
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});
