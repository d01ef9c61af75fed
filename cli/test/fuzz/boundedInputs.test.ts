/**
 * Issue 18, items 2–4 and 7: memory is bounded by what a file expands to, not by its size on disk; a hostile file
 * costs its own line and the batch's JSON stays one valid document; only regular files are read, so a FIFO or a
 * device among the arguments can neither hang the batch nor fill the memory; a package holding two entries of
 * one name is refused. Each case runs the built command as a user would, its peak memory measured.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../../shared/src/index';
import { MAX_TEXT_CHARS } from '../../../shared/src/xlsx';
import { ROOT, ensureBuilt } from '../built';
import { amplifiedStrings, duplicateEntry } from './hostileFiles';
import { cchcMeasured } from './runMeasured';

const DIR = join(ROOT, 'test-output', 'fuzz-bounded');
const FIXTURES = join(ROOT, 'cli', 'test', 'fixtures');
const CRASH = /^\s+at |FATAL ERROR|Last few GCs|JavaScript heap|RangeError|TypeError|Error:|postMessage/m;
const AS_OF = ['--as-of', '2025-10-15'];

/** Lines of stderr, each starting with the name of the file it is about. */
function linesAbout(stderr: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of stderr.trim().split('\n').filter(Boolean))
    out.set(line.slice(0, line.indexOf(':')), line);
  return out;
}

beforeAll(() => {
  ensureBuilt();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  copyFileSync(join(FIXTURES, 'seed002.xlsx'), join(DIR, 'tot.xlsx'));
  copyFileSync(join(FIXTURES, 'seed000-tasks.xlsx'), join(DIR, 'tot-2.xlsx'));
  // The probe's two files: 20 and 50 million characters, each used by 35 cells.
  writeFileSync(join(DIR, 'nhan-20m.xlsx'), amplifiedStrings(20_000_000, 35));
  writeFileSync(join(DIR, 'nhan-50m.xlsx'), amplifiedStrings(50_000_000, 35));
}, 180_000);
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('shared-string amplification', () => {
  it('the files are small on disk and huge once read: the bound is on the expansion', () => {
    expect(amplifiedStrings(20_000_000, 35).length).toBeLessThan(200_000);
    expect(20_000_000 * 35).toBeGreaterThan(MAX_TEXT_CHARS);
  });

  it('--format json over a batch: one line per hostile file, every other report in one valid document', () => {
    const r = cchcMeasured(
      ['validate', 'tot.xlsx', 'nhan-20m.xlsx', 'nhan-50m.xlsx', 'tot-2.xlsx', '--format', 'json', ...AS_OF],
      DIR,
    );
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.code).toBe(2);
    const reports = JSON.parse(r.stdout) as Report[];
    expect(reports.map((x) => x.file)).toEqual(['tot.xlsx', 'tot-2.xlsx']);
    const lines = linesAbout(r.stderr);
    expect([...lines.keys()]).toEqual(['nhan-20m.xlsx', 'nhan-50m.xlsx']);
    for (const line of lines.values()) expect(line).toMatch(/quá lớn.*50 triệu ký tự/);
    // Measured: about 200 MB. The probe saw the 50 MB case abort the process at the heap limit.
    expect(r.peakMb).toBeLessThan(700);
  }, 120_000);

  it('--out: refused in one line before any copy is made, within the same memory', () => {
    const out = join(DIR, 'nhan-50m.checked.xlsx');
    const r = cchcMeasured(['validate', 'nhan-50m.xlsx', '--out', out, '--format', 'summary', ...AS_OF], DIR);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^nhan-50m\.xlsx: .*quá lớn/)]);
    expect(existsSync(out)).toBe(false);
    expect(r.peakMb).toBeLessThan(700);
  }, 120_000);

  it('English too', () => {
    const r = cchcMeasured(['validate', 'nhan-20m.xlsx', '--lang', 'en', ...AS_OF], DIR);
    expect(r.stderr).toMatch(
      /^nhan-20m\.xlsx: sheet ".+" is too large to be checked: its cells' text runs past 50 million characters/,
    );
  }, 60_000);
});

describe('inputs that are not regular files', () => {
  beforeAll(() => {
    execFileSync('mkfifo', [join(DIR, 'ong.xlsx')]);
    symlinkSync('/dev/zero', join(DIR, 'khong.xlsx'));
    mkdirSync(join(DIR, 'wards'));
    copyFileSync(join(FIXTURES, 'seed002.xlsx'), join(DIR, 'wards', 'tot.xlsx'));
    execFileSync('mkfifo', [join(DIR, 'wards', 'ong.xlsx')]);
    symlinkSync('/dev/zero', join(DIR, 'wards', 'khong.xlsx'));
  });

  it('a FIFO and a link to /dev/zero get a line each, at once, and the batch goes on', () => {
    const r = cchcMeasured(
      ['validate', 'tot.xlsx', 'ong.xlsx', 'khong.xlsx', 'tot-2.xlsx', '--format', 'json', ...AS_OF],
      DIR,
    );
    expect(r.code).toBe(2);
    const lines = linesAbout(r.stderr);
    expect([...lines.keys()]).toEqual(['ong.xlsx', 'khong.xlsx']);
    for (const line of lines.values()) expect(line).toMatch(/không phải tệp thông thường/);
    expect((JSON.parse(r.stdout) as Report[]).map((x) => x.file)).toEqual(['tot.xlsx', 'tot-2.xlsx']);
    // Before: the FIFO hung the batch for ever and /dev/zero grew to 3.3 GB in 15 s.
    expect(r.ms).toBeLessThan(15_000);
    expect(r.peakMb).toBeLessThan(400);
  }, 60_000);

  it('in a folder the summary reads: a line each, and the ward file is summed', () => {
    const out = join(DIR, 'tong-hop.xlsx');
    const r = cchcMeasured(['summary', 'wards', '--out', out], DIR);
    expect(r.stderr).not.toMatch(CRASH);
    const lines = linesAbout(r.stderr);
    expect([...lines.keys()].sort()).toEqual(['khong.xlsx', 'ong.xlsx']);
    expect(r.stdout.split('\n')[0]).toMatch(/^Đã tổng hợp 1\/3 tệp/);
    expect(existsSync(out)).toBe(true);
    expect(r.ms).toBeLessThan(15_000);
  }, 60_000);
});

describe('a package with two entries of one name', () => {
  beforeAll(() => {
    const empty =
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    writeFileSync(join(DIR, 'hai-ban.xlsx'), duplicateEntry('xl/worksheets/sheet1.xml', empty));
  });

  it('is refused by the check and by the copy alike, in one line', () => {
    const out = join(DIR, 'hai-ban.checked.xlsx');
    const r = cchcMeasured(['validate', 'hai-ban.xlsx', '--out', out, ...AS_OF], DIR);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'hai-ban.xlsx: tệp bị hỏng: có hai phần cùng tên xl/worksheets/sheet1.xml bên trong, mỗi chương trình có thể thấy một nội dung khác; hãy mở tệp bằng Excel, chọn "Có" khi Excel hỏi có khôi phục nội dung không, lưu lại rồi kiểm tra lại.\n',
    );
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
