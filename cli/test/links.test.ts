/** An output that is the input under another name (a symbolic or a hard link) is refused before any work. */
import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './built';
import { runMain } from './runMain';

const DIR = join(ROOT, 'test-output', 'links');

describe('--out through a link to the input', () => {
  const input = join(DIR, 'phu-luc.xlsx');
  let before: Buffer;
  beforeAll(() => {
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    copyFileSync(join(ROOT, 'cli/test/fixtures/seed002.xlsx'), input);
    symlinkSync(input, join(DIR, 'lien-ket.xlsx'));
    linkSync(input, join(DIR, 'cung-tep.xlsx'));
    before = readFileSync(input);
  });
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it.each(['lien-ket.xlsx', 'cung-tep.xlsx'])(
    '--out %s: exit 2, one line, the input untouched',
    async (name) => {
      const r = await runMain(['validate', input, '--out', join(DIR, name), '--force']);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: 'Không ghi đè tệp gốc: chọn tên khác cho --out.\n',
      });
      expect(readFileSync(input).equals(before)).toBe(true);
    },
  );
});
