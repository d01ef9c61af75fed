import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { batchFiles } from '../../src/batch/walk';
import { ROOT } from '../built';

const DIR = join(ROOT, 'test-output', 'walk');

describe('the files of a batch', () => {
  beforeAll(() => {
    rmSync(DIR, { recursive: true, force: true });
    for (const d of ['phuong-10', 'phuong-2', 'xa-an-phu/cu', '.git', 'phuong-2/.an'])
      mkdirSync(join(DIR, d), { recursive: true });
    for (const f of [
      'phuong-10/pl.xlsx',
      'phuong-2/pl.XLSX',
      'phuong-2/~$pl.xlsx',
      'phuong-2/ghi-chu.docx',
      'phuong-2/.an/an.xlsx',
      'xa-an-phu/so-lieu.csv',
      'xa-an-phu/cu/2024.xlsx',
      '.git/x.xlsx',
      'tong-hop.xlsx',
    ])
      writeFileSync(join(DIR, f), 'x');
    // A link back up would loop if followed.
    symlinkSync(DIR, join(DIR, 'xa-an-phu', 'vong'));
  });
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it('walks folders for .xlsx and .csv, skipping hidden and lock files, wards in number order', () => {
    const files = batchFiles([DIR], [join(DIR, 'tong-hop.xlsx')]).map((f) => relative(DIR, f));
    expect(files).toEqual([
      'phuong-2/pl.XLSX',
      'phuong-10/pl.xlsx',
      'xa-an-phu/cu/2024.xlsx',
      'xa-an-phu/so-lieu.csv',
    ]);
  });

  it('keeps a named file whatever it is, once, and a missing one so that reading it says so', () => {
    const doc = join(DIR, 'phuong-2/ghi-chu.docx');
    const missing = join(DIR, 'khong-co.xlsx');
    const files = batchFiles([doc, join(DIR, 'phuong-2'), doc, missing]);
    expect(files.map((f) => relative(DIR, f))).toEqual([
      'phuong-2/ghi-chu.docx',
      'phuong-2/pl.XLSX',
      'khong-co.xlsx',
    ]);
  });
});
