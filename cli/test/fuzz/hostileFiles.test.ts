/**
 * The file-level fuzz suite of issue 11: broken, huge and hostile workbooks (hostileFiles.ts) through the built
 * command, as a province office would feed them. Every case ends in a report or one clear line naming the file,
 * within the per-file bounds, and a batch holding them all still reports its good file.
 */
import { copyFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readXlsx } from '../../../shared/src/xlsx';
import { ensureBuilt, ROOT } from '../built';
import { writeHostileFiles } from './hostileFiles';
import { CRASH, cchcMeasuredAsync, recordedRuns, type Measured } from './runMeasured';

const DIR = join(ROOT, 'test-output', 'fuzz');

/** Every run of this file with its peak memory, written to test-output/fuzz-peak-rss.json at the end. */
const cchc = recordedRuns('fuzz-peak-rss.json', DIR);

describe('hostile and broken workbooks in one batch', () => {
  let files: string[];
  let run: Measured;
  beforeAll(() => {
    ensureBuilt();
    rmSync(DIR, { recursive: true, force: true });
    files = writeHostileFiles(DIR);
    copyFileSync(join(ROOT, 'cli/test/fixtures/seed002.xlsx'), join(DIR, 'tot.xlsx'));
    run = cchc([
      'validate',
      ...files.map((f) => basename(f)),
      'tot.xlsx',
      '--format',
      'summary',
      '--as-of',
      '2025-10-15',
    ]);
  }, 300_000);
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it('ends, with no crash, no stack trace and no memory dump', () => {
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(CRASH);
    expect(run.stdout).not.toMatch(CRASH);
  });

  it('gives each unreadable file one line that starts with its name, and lists every file in the summary', () => {
    const names = new Set([...files.map((f) => basename(f)), 'tot.xlsx']);
    const lines = run.stderr.trim().split('\n');
    for (const line of lines) expect(names.has(line.slice(0, line.indexOf(':')))).toBe(true);
    // One line per file at most.
    expect(new Set(lines.map((l) => l.slice(0, l.indexOf(':')))).size).toBe(lines.length);
    for (const name of names) expect(run.stdout).toContain(name);
    // A broken file is never silently passed: it is refused, or checked and reported.
    expect(lines.length).toBeGreaterThan(files.length / 2);
  });

  it('writes a bounded checked copy of a file with an absurd merge, the original intact inside it', () => {
    const out = join(DIR, 'merge-absurd.checked.xlsx');
    const r = cchc([
      'validate',
      'merge-absurd.xlsx',
      '--out',
      out,
      '--format',
      'summary',
      '--as-of',
      '2025-10-15',
    ]);
    expect(r.stderr).toBe('');
    expect(r.ms).toBeLessThan(30_000);
    expect(statSync(out).size).toBeGreaterThanOrEqual(statSync(join(DIR, 'merge-absurd.xlsx')).size);
    expect(readXlsx(new Uint8Array(readFileSync(out))).map((g) => g.name)).toContain('Kết quả kiểm tra');
  });

  it('still reports the good file of the batch', () => {
    const row = run.stdout.split('\n').find((l) => l.includes('tot.xlsx'));
    expect(row).toMatch(/Có lỗi/);
    expect(run.stderr).not.toContain('tot.xlsx');
  });

  it('stays within the bounds: the whole batch in well under the sum of its time limits', () => {
    expect(run.ms).toBeLessThan(120_000);
  });
});

describe('each case alone, its peak memory recorded', () => {
  const dir = DIR + '-alone';
  const measured = new Map<string, Measured>();
  beforeAll(async () => {
    ensureBuilt();
    rmSync(dir, { recursive: true, force: true });
    const names = writeHostileFiles(dir).map((f) => basename(f));
    // Two at a time, one per core of the machine CI runs on.
    let next = 0;
    const lane = async () => {
      while (next < names.length) {
        const name = names[next++];
        measured.set(
          name,
          await cchcMeasuredAsync(['validate', name, '--format', 'summary', '--as-of', '2025-10-15'], dir),
        );
      }
    };
    await Promise.all([lane(), lane()]);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ends every case with a report or one line naming the file, and no crash', () => {
    for (const [name, m] of measured) {
      expect([name, m.signal]).toEqual([name, null]);
      expect(m.stderr).not.toMatch(CRASH);
      const lines = m.stderr.trim().split('\n').filter(Boolean);
      expect(lines.length).toBeLessThanOrEqual(1);
      if (lines.length === 1) expect(lines[0].startsWith(`${name}: `)).toBe(true);
      expect(m.stdout).toContain(name);
    }
  });

  it('stays within the stated bounds: memory under the worker’s 1 GB heap plus the command, time under its limit', () => {
    for (const [name, m] of measured) {
      expect([name, m.peakMb]).toEqual([name, expect.any(Number)]);
      // Measured: 105–425 MB, the largest for a 30-million-character string.
      expect([name, m.peakMb > 0 && m.peakMb < 700]).toEqual([name, true]);
      expect([name, m.ms < 40_000]).toEqual([name, true]);
    }
  });
});
