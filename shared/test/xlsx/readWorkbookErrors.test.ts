/**
 * The reader's error codes as the command line says them: one line, Vietnamese first, naming the sheet or cell
 * when that tells the officer what to fix. Both the reader and the exceljs loader (kept for the highlighted copy)
 * give the same reason for the same first bytes.
 */
import {
  readWorkbookBuffer,
  WorkbookReadError,
  type ReadDetail,
  type WorkbookReadErrorCode,
} from '../../../cli/src/xlsx/readWorkbook';
import { failure } from '../../../cli/test/xlsx/helpers';
import { MAX_TEXT_CHARS } from '../../src/xlsx';
import { buildPackage, worksheet, zip } from './package';

async function readFails(
  bytes: Uint8Array,
  code: WorkbookReadErrorCode,
  detail: ReadDetail,
): Promise<WorkbookReadError> {
  const err = await failure(readWorkbookBuffer(Buffer.from(bytes), '/tmp/phuong-5.xlsx'));
  expect([err.code, err.detail]).toEqual([code, detail]);
  return err;
}

const row = (r: number, ref: string) => `<row r="${r}"><c r="${ref}"><v>1</v></c></row>`;

test('too-large, a sheet reaching far: the sheet and the cell, and what to do', async () => {
  const rows = Array.from({ length: 400 }, (_, i) => row(i + 1, `XFD${i + 1}`)).join('');
  const err = await readFails(
    buildPackage({ sheets: [{ name: 'Phụ lục 2', rows }] }),
    'unreadable',
    'too-large',
  );
  expect(err.message).toMatch(
    /^phuong-5\.xlsx: trang tính "Phụ lục 2" quá lớn, không kiểm tra được: có ô được dùng tới tận XFD\d+; hãy xóa các hàng, cột thừa ở xa bảng rồi lưu lại\.$/,
  );
  expect(err.messageIn('en')).toMatch(
    /^phuong-5\.xlsx: sheet "Phụ lục 2" is too large to be checked: cells are used as far as XFD\d+; delete the stray rows/,
  );
  const beyond = await readFails(
    buildPackage({ sheets: [{ name: 'S', rows: row(1048577, 'A1048577') }] }),
    'unreadable',
    'too-large',
  );
  expect(beyond.message).toContain('tới tận A1048577');
});

test('too-large, merges over and over the sheet: the merge named', async () => {
  const rows = Array.from({ length: 2000 }, (_, i) => row(i + 1, `A${i + 1}`)).join('');
  const merges = '<mergeCell ref="A1:XFD1048576"/>'.repeat(11_000);
  const bytes = buildPackage({
    sheets: [{ name: 'Gộp', xml: worksheet(rows, `<mergeCells>${merges}</mergeCells>`) }],
  });
  const err = await readFails(bytes, 'unreadable', 'too-large');
  expect(err.message).toBe(
    'phuong-5.xlsx: trang tính "Gộp" quá lớn, không kiểm tra được: các vùng gộp ô quá lớn hoặc quá nhiều (như A1:XFD1048576); hãy bỏ gộp các vùng thừa rồi lưu lại.',
  );
  expect(err.messageIn('en')).toBe(
    'phuong-5.xlsx: sheet "Gộp" is too large to be checked: its merged ranges are too large or too many (such as A1:XFD1048576); unmerge the stray ones and save it again.',
  );
});

test('missing-part: the sheet whose content is missing, and how Excel repairs it', async () => {
  const bytes = buildPackage({
    sheets: [
      { name: 'Phụ lục 1', rows: '' },
      { name: 'Phụ lục 2', rows: '' },
    ],
    omit: ['xl/worksheets/sheet2.xml'],
  });
  const err = await readFails(bytes, 'unreadable', 'missing-part');
  expect(err.message).toBe(
    'phuong-5.xlsx: tệp bị hỏng, thiếu nội dung của trang tính "Phụ lục 2"; hãy mở tệp bằng Excel, chọn "Có" khi Excel hỏi có khôi phục nội dung không, lưu lại rồi kiểm tra lại.',
  );
  expect(err.messageIn('en')).toBe(
    'phuong-5.xlsx: the file is damaged, the content of sheet "Phụ lục 2" is missing; open it in Excel, answer "Yes" when Excel offers to recover the content, save it and check it again.',
  );
});

test('missing-shared-strings', async () => {
  const bytes = buildPackage({
    sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
  });
  const err = await readFails(bytes, 'unreadable', 'missing-shared-strings');
  expect(err.message).toBe(
    'phuong-5.xlsx: tệp bị hỏng, thiếu phần chứa chữ của các ô (sharedStrings.xml); hãy mở tệp bằng Excel, chọn "Có" khi Excel hỏi có khôi phục nội dung không, lưu lại rồi kiểm tra lại.',
  );
  expect(err.messageIn('en')).toMatch(
    /the part that holds the cells' text \(sharedStrings\.xml\) is missing/,
  );
});

test('a sheet name that would break the line stays on one line', async () => {
  const bytes = buildPackage({ sheets: [{ name: 'A\nB', rows: '' }], omit: ['xl/worksheets/sheet1.xml'] });
  const err = await readFails(bytes, 'unreadable', 'missing-part');
  expect(err.message).toContain('"A B"');
});

test('malformed XML and damaged zips keep the message they always had', async () => {
  const bytes = buildPackage({ sheets: [{ name: 'S', xml: '<worksheet><sheetData>' }] });
  const err = await readFails(bytes, 'unreadable', 'none');
  expect(err.message).toBe(
    'phuong-5.xlsx: tệp .xlsx bị hỏng hoặc không đọc được; hãy mở tệp bằng Excel và lưu một bản sao (Tệp > Lưu thành), rồi kiểm tra bản sao đó.',
  );
  expect(err.messageIn('en')).toBe(
    'phuong-5.xlsx: the .xlsx file is damaged or cannot be read; open it in Excel and save a copy (File > Save As), then check that copy.',
  );
});

test('a zip that is no workbook, and a workbook of chart sheets only: no worksheet', async () => {
  for (const bytes of [
    zip({ 'word/document.xml': '<w:document/>' }),
    buildPackage({ sheets: [{ name: 'Biểu đồ', kind: 'chartsheet', xml: '<chartsheet/>' }] }),
  ]) {
    const err = await readFails(bytes, 'not-xlsx', 'no-worksheet');
    expect(err.message).toBe(
      'phuong-5.xlsx: không có trang tính (sheet) nào; hãy xem đã chọn đúng tệp phụ lục chưa, hoặc mở tệp bằng Excel rồi lưu lại thành .xlsx.',
    );
  }
});

describe('the bound on what the cells expand to (issue 18)', () => {
  // Two sheets sharing one string: the bound is the workbook's, and a shared string counts at every use.
  const chars = 1_000_000;
  const uses = (n: number) =>
    Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c></row>`).join(
      '',
    );
  const book = (first: number, second: number) =>
    buildPackage({
      sheets: [
        { name: 'Nhiệm vụ', rows: uses(first) },
        { name: 'Chỉ tiêu', rows: uses(second) },
      ],
      sharedStrings: [`<t>${'x'.repeat(chars)}</t>`],
    });

  test('exactly at the bound: read', async () => {
    const half = MAX_TEXT_CHARS / chars / 2;
    const grids = await readWorkbookBuffer(Buffer.from(book(half, half)));
    expect(grids.map((g) => g.values.length)).toEqual([half, half]);
  });

  test('one use more: refused, naming the sheet and the cell where the bound was passed', async () => {
    const half = MAX_TEXT_CHARS / chars / 2;
    const err = await readFails(book(half, half + 1), 'unreadable', 'too-large');
    expect(err.where).toMatchObject({ sheet: 'Chỉ tiêu', cell: `A${half + 1}`, limit: 'text' });
    expect(err.message).toBe(
      `phuong-5.xlsx: trang tính "Chỉ tiêu" quá lớn, không kiểm tra được: chữ trong các ô dài quá 50 triệu ký tự (tới ô A${half + 1}), thường do một ô rất dài được chép ra nhiều ô; hãy xóa bớt nội dung thừa rồi lưu lại.`,
    );
  });
});

describe('a package holding two entries of one part name (issue 18)', () => {
  test('the same name twice, or in another case: refused, naming the part', async () => {
    const sheet = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>');
    const base = buildPackage({ sheets: [{ name: 'Nhiệm vụ', rows: '' }] });
    const cased = buildPackage({
      sheets: [{ name: 'Nhiệm vụ', rows: '' }],
      parts: { 'XL/Worksheets/Sheet1.xml': sheet },
    });
    const err = await readFails(cased, 'unreadable', 'duplicate-part');
    expect(err.where.part).toMatch(/^xl\/worksheets\/sheet1\.xml$/i);
    expect(err.messageIn('en')).toMatch(/the file is damaged: it holds two parts named .*sheet1\.xml/i);
    // The same bytes without the second entry read as usual.
    expect((await readWorkbookBuffer(Buffer.from(base))).map((g) => g.name)).toEqual(['Nhiệm vụ']);
  });
});
