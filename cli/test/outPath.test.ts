import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutPathError, checkOutPath, tempName, writeErrorMessage, writeWhole } from '../src/outPath';

const systemError = (code: string) => Object.assign(new Error(`${code}: something, open 'x'`), { code });

describe('checkOutPath', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-out-'));

  it('returns the resolved path of a new file in an existing folder', () => {
    expect(checkOutPath(join(dir, 'new.xlsx'), false, 'vi')).toBe(join(dir, 'new.xlsx'));
  });

  it('refuses an existing file without force, and takes it with force', () => {
    const file = join(dir, 'old.xlsx');
    writeFileSync(file, 'keep');
    expect(() => checkOutPath(file, false, 'en')).toThrow(
      new OutPathError(`${file} exists; add --force to overwrite it.`),
    );
    expect(checkOutPath(file, true, 'en')).toBe(file);
  });
});

describe('writeWhole and names of the longest legal length (issue 18, item 15)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-long-'));

  it('writes a file whose name is 255 bytes, through a temporary name that fits too', () => {
    // "ư" is two bytes in UTF-8: 120 of them, "tong-hop-" and ".xlsx" make 255.
    const name = 'tong-hop-' + 'ư'.repeat(120) + '.xlsx';
    expect(Buffer.byteLength(name)).toBe(254);
    const longest = name.replace('tong-hop-', 'tong-hop--');
    expect(Buffer.byteLength(longest)).toBe(255);
    expect(Buffer.byteLength(tempName(longest))).toBeLessThanOrEqual(255);
    writeWhole(join(dir, longest), 'bytes', false, longest, 'vi');
    expect(readFileSync(join(dir, longest), 'utf8')).toBe('bytes');
    expect(readdirSync(dir)).toEqual([longest]);
  });

  it('keeps the name of the target in the temporary name when it fits', () => {
    expect(tempName('tong-hop.xlsx')).toMatch(/^\.tong-hop\.xlsx\.\d+\.\d+\.\d+\.tmp$/);
  });
});

describe('writeErrorMessage', () => {
  it.each([
    ['EACCES', 'Không có quyền ghi a.xlsx.'],
    ['EROFS', 'Không có quyền ghi a.xlsx.'],
    ['ENOSPC', 'Đĩa đã đầy, không ghi được a.xlsx.'],
    ['EBUSY', 'a.xlsx đang mở trong chương trình khác; hãy đóng tệp rồi chạy lại.'],
    ['EEXIST', 'Tệp a.xlsx vừa được tạo; thêm --force để ghi đè.'],
    ['EIO', 'Không ghi được a.xlsx.'],
  ])('%s in plain Vietnamese, without the system text', (code, expected) => {
    expect(writeErrorMessage(systemError(code), 'a.xlsx', 'vi')).toBe(expected);
  });

  it('speaks English on request', () => {
    expect(writeErrorMessage(systemError('EBUSY'), 'a.xlsx', 'en')).toBe(
      'a.xlsx is open in another program; close it and run again.',
    );
  });
});
