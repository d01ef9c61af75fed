/**
 * readXlsx on hand-built packages: each test changes one thing real writers do (inline strings, prefixes, a 1904
 * workbook, missing r attributes) or one way files break (a missing part, bad XML, absurd sizes).
 */
import { strToU8, zipSync } from 'fflate';
import { checkWorkbook } from '../../src/index';
import { serialToYMD } from '../../src/deadlines/calendar';
import type { SheetGrid } from '../../src/table/grid';
import { isDateFormat } from '../../src/table/numberFormat';
import { MAX_GRID_SLOTS, MAX_PART_BYTES, readXlsx, XlsxError, type XlsxErrorCode } from '../../src/xlsx';
import { buildPackage, declareSize, MAIN, stylesWith, worksheet, zip, type PackageSpec } from './package';

function read(spec: PackageSpec): SheetGrid[] {
  return readXlsx(buildPackage(spec));
}

/** One sheet of these rows; shared strings and styles as given. */
function one(rows: string, extra: Omit<PackageSpec, 'sheets'> = {}): SheetGrid {
  return read({ sheets: [{ name: 'Trang 1', rows }], ...extra })[0];
}

function failure(run: () => unknown): XlsxError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxError);
    return e as XlsxError;
  }
  throw new Error('expected an XlsxError');
}

function expectCode(run: () => unknown, code: XlsxErrorCode): XlsxError {
  const err = failure(run);
  expect(err.code).toBe(code);
  return err;
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('cell values', () => {
  test('shared and inline strings, numbers, and the grid around them', () => {
    const g = one(
      `<row r="1"><c r="A1" t="s"><v>0</v></c>${inline('B1', 'Phường 5')}<c r="C1"><v>0.92</v></c></row>` +
        `<row r="3"><c r="B3"><v>-1.5E+3</v></c></row>`,
      { sharedStrings: ['<t>Nội dung công việc</t>'] },
    );
    expect(g).toEqual({
      name: 'Trang 1',
      values: [['Nội dung công việc', 'Phường 5', 0.92], [], [null, -1500]],
      numberFormats: [[null, null, null], [], [null, null]],
      merges: [],
      origin: { row: 1, column: 1 },
    });
  });

  test('rich text runs are concatenated; phonetic runs and their properties are not text', () => {
    const rich =
      '<r><t>Tokyo </t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">東京 </t></r><r><t>都</t></r>' +
      '<rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1" type="noConversion"/>';
    const g = one(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is>${rich}</is></c></row>`,
      {
        sharedStrings: [rich],
      },
    );
    expect(g.values[0]).toEqual(['Tokyo 東京 都', 'Tokyo 東京 都']);
  });

  test('_xHHHH_ escapes decode as Excel writes them; _x005F_ escapes the underscore', () => {
    const escaped = ['a_x000D_b', '_x001B_[31m', '_x005F_x000D_', 'x_x005f_y', '_x00_'];
    const g = one(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>` +
        `${inline('D1', escaped[3])}<c r="E1" t="str"><f>T("")</f><v>${escaped[4]}</v></c></row>`,
      { sharedStrings: escaped.slice(0, 3).map((t) => `<t>${t}</t>`) },
    );
    expect(g.values[0]).toEqual(['a\rb', '\u001b[31m', '_x000D_', 'x_y', '_x00_']);
  });

  test('entities and character references, CDATA, and XML line-end normalisation', () => {
    const g = one(
      `<row r="1">${inline('A1', 'A &amp; B &lt;1&gt; &#7843;&#x1EA1;')}<c r="B1" t="str"><v><![CDATA[<x> & y]]></v></c>` +
        `${inline('C1', 'dòng 1\r\ndòng 2')}</row>`,
    );
    expect(g.values[0]).toEqual(['A & B <1> ảạ', '<x> & y', 'dòng 1\ndòng 2']);
  });

  test('booleans, error cells, t="str" and t="d"', () => {
    const g = one(
      '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#REF!</v></c>' +
        '<c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1" t="str"><v>00123</v></c>' +
        '<c r="F1" t="d"><v>2025-06-30T18:00:00</v></c><c r="G1" t="d"><v>2025-12-31</v></c></row>',
    );
    expect(g.values[0]).toEqual([
      true,
      false,
      '#REF!',
      '#DIV/0!',
      '00123',
      new Date(Date.UTC(2025, 5, 30, 18)),
      new Date(Date.UTC(2025, 11, 31)),
    ]);
  });

  test('a formula gives its cached value; never calculated, it is blank', () => {
    const g = one(
      '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"Tổng cộng: "&amp;A1</f><v>Tổng cộng: 2</v></c>' +
        '<c r="C1" t="b"><f>A1=2</f><v>1</v></c><c r="D1"><f>A1*3</f></c><c r="E1" t="str"><f>""</f><v></v></c>' +
        '<c r="F1"><f t="shared" ref="F1:G1" si="0">A1</f><v>2</v></c><c r="G1"><f t="shared" si="0"/><v>2</v></c></row>' +
        '<row r="2"><c r="A2"><f>NOW()</f></c></row>',
    );
    expect(g.values).toEqual([[2, 'Tổng cộng: 2', true, null, '', 2, 2]]);
  });

  test('rows and cells without r are the next row and the next column', () => {
    const g = one(
      '<row><c><v>1</v></c><c><v>2</v></c></row>' +
        '<row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row>' +
        '<row><c r="B5"><v>5</v></c></row>' +
        '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
    );
    expect(g.values).toEqual([[1, 2], [], [], [null, null, 3, 4], [null, 5], ['x']]);
  });

  test('a row without r takes its row from its first cell', () => {
    const g = one('<row r="1"><c r="A1"><v>1</v></c></row><row><c r="A7"><v>7</v></c></row>');
    expect(g.values).toEqual([[1], [], [], [], [], [], [7]]);
  });

  test('rows out of order, or written twice, land where their numbers say', () => {
    const g = one(
      '<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="B1"><v>1</v></c></row>' +
        '<row r="3"><c r="C3"><v>33</v></c></row>',
    );
    expect(g.values).toEqual([[null, 1], [], [3, null, 33]]);
  });

  test('namespace prefixes (the .NET OpenXML SDK) read like the default namespace', () => {
    const x = `xmlns:x="${MAIN}"`;
    const bytes = buildPackage({
      sheets: [
        {
          name: 'Phụ lục',
          xml:
            `<?xml version="1.0" encoding="utf-8"?><x:worksheet ${x}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>` +
            `<x:c r="B1" s="1"><x:v>0.5</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r><x:r><x:t>b</x:t></x:r></x:is></x:c>` +
            `</x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A2:B3"/></x:mergeCells></x:worksheet>`,
        },
      ],
      sharedStrings: `<?xml version="1.0" encoding="utf-8"?><x:sst ${x}><x:si><x:t>STT</x:t></x:si></x:sst>`,
      styles: `<x:styleSheet ${x}><x:numFmts><x:numFmt numFmtId="164" formatCode="0.0%"/></x:numFmts><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="164"/></x:cellXfs></x:styleSheet>`,
      parts: {
        'xl/workbook.xml': `<x:workbook ${x} xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr/><x:sheets><x:sheet name="Phụ lục" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`,
      },
    });
    expect(readXlsx(bytes)).toEqual([
      {
        name: 'Phụ lục',
        values: [['STT', 0.5, 'ab']],
        numberFormats: [[null, '0.0%', null]],
        merges: ['A2:B3'],
        origin: { row: 1, column: 1 },
      },
    ]);
  });

  test('a part in UTF-16 with its byte-order mark', () => {
    const xml = worksheet(`<row r="1">${inline('A1', 'Cải cách hành chính')}</row>`).replace(
      'encoding="UTF-8"',
      'encoding="UTF-16"',
    );
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + i * 2] = xml.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = xml.charCodeAt(i) >> 8;
    }
    const g = read({ sheets: [{ name: 'S' }], parts: { 'xl/worksheets/sheet1.xml': utf16 } })[0];
    expect(g.values).toEqual([['Cải cách hành chính']]);
  });
});

describe('number formats and dates', () => {
  // Style index → numFmtId: 0 General, 1 custom %, 2 built-in 14, 3 built-in 9, 4 10, 5 49 (@), 6 22, 7 31, 8 57,
  // 9 custom date, 10 custom "General".
  const styles = stylesWith([0, 165, 14, 9, 10, 49, 22, 31, 57, 164, 166], {
    164: 'dd/mm/yyyy',
    165: '0.0%',
    166: 'General',
  });
  const cells = Array.from(
    { length: 11 },
    (_, s) => `<c r="${String.fromCharCode(65 + s)}1" s="${s}"><v>45838</v></c>`,
  );

  test('custom formats, the built-in id table, the CJK date ids; General is null', () => {
    const g = one(`<row r="1">${cells.join('')}</row>`, { styles });
    expect(g.numberFormats?.[0]).toEqual([
      null,
      '0.0%',
      'mm-dd-yy',
      '0%',
      '0.00%',
      '@',
      'm/d/yy h:mm',
      expect.any(String),
      expect.any(String),
      'dd/mm/yyyy',
      null,
    ]);
    // WPS writes dates typed on a Chinese system under ids 27–31, 36 and 50–58: they must read as dates.
    for (const c of [2, 6, 7, 8, 9]) expect(isDateFormat(g.numberFormats?.[0]?.[c])).toBe(true);
    for (const c of [1, 3, 4, 5]) expect(isDateFormat(g.numberFormats?.[0]?.[c])).toBe(false);
    // Values stay what the file holds: a date is its serial number, with its format.
    expect(g.values[0]).toEqual(Array(11).fill(45838));
  });

  test('a style index beyond cellXfs, or no styles part, is General', () => {
    expect(one('<row r="1"><c r="A1" s="99"><v>1</v></c></row>', { styles }).numberFormats).toEqual([[null]]);
    expect(one('<row r="1"><c r="A1" s="2"><v>1</v></c></row>').numberFormats).toEqual([[null]]);
  });

  test('date1904: date-formatted serials move to the 1900 system; other numbers stay', () => {
    // 44376 in a 1904 workbook is 30/06/2025.
    const rows =
      '<row r="1"><c r="A1" s="9"><v>44376.75</v></c><c r="B1" s="0"><v>44376</v></c><c r="C1" s="1"><v>0.5</v></c></row>';
    const g = one(rows, { styles, workbookPr: 'date1904="1"' });
    expect(g.values[0]).toEqual([45838.75, 44376, 0.5]);
    expect(serialToYMD(g.values[0][0] as number)).toEqual({ year: 2025, month: 6, day: 30 });
    expect(one(rows, { styles, workbookPr: 'date1904="false"' }).values[0]).toEqual([44376.75, 44376, 0.5]);
  });

  test('the core reads a 1904 workbook’s deadline as the typed day', () => {
    const task = (n: number, due: string) =>
      `<row r="${n + 2}"><c r="A${n + 2}"><v>${n}</v></c>${inline(`B${n + 2}`, `Nhiệm vụ ${n}`)}${inline(`C${n + 2}`, 'Văn phòng')}${due}</row>`;
    const rows =
      `<row r="1">${inline('A1', 'DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025')}</row>` +
      `<row r="2">${inline('A2', 'STT')}${inline('B2', 'Nhiệm vụ')}${inline('C2', 'Cơ quan chủ trì')}${inline('D2', 'Thời gian hoàn thành')}</row>` +
      task(1, '<c r="D3" s="9"><v>44376</v></c>');
    const report = checkWorkbook([one(rows, { styles, workbookPr: 'date1904="1"' })], {
      today: '2025-07-15',
      asOf: '2025-07-15',
    });
    expect(report.sheets[0].tasks.map((t) => t.deadline.due)).toEqual(['2025-06-30']);
  });
});

describe('merged cells', () => {
  test('cells a merge covers read blank even when the file keeps their old values; rows trim after', () => {
    const merged = read({
      sheets: [
        {
          name: 'S',
          xml: worksheet(
            `<row r="1">${inline('A1', 'I. CÔNG TÁC CHỈ ĐẠO')}${inline('B1', 'cũ')}<c r="C1" s="0" t="s"><v>0</v></c></row>` +
              `<row r="2"><c r="A2"><v>1</v></c>${inline('B2', 'Văn phòng')}</row>` +
              `<row r="3"><c r="A3"><v>2</v></c>${inline('B3', 'cũ')}</row>` +
              `<row r="4">${inline('B4', 'cũ')}</row>`,
            '<mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="B2:B4"/><mergeCell ref="D9:D7"/></mergeCells>',
          ),
        },
      ],
      sharedStrings: ['<t>cũ</t>'],
    })[0];
    expect(merged.values).toEqual([['I. CÔNG TÁC CHỈ ĐẠO'], [1, 'Văn phòng'], [2]]);
    expect(merged.numberFormats).toEqual([[null], [null, null], [null]]);
    // As written, corners normalised (D9:D7 → D7:D9); the core fills B3:B4 from B2 itself.
    expect(merged.merges).toEqual(['A1:C1', 'B2:B4', 'D7:D9']);
  });

  test('an absurd merge (A60:XFD1048576) costs nothing: not expanded, kept as written', () => {
    const rows = Array.from(
      { length: 80 },
      (_, i) => `<row r="${i + 1}">${inline(`A${i + 1}`, `dòng ${i + 1}`)}${inline(`B${i + 1}`, 'x')}</row>`,
    ).join('');
    const bytes = buildPackage({
      sheets: [
        {
          name: 'S',
          xml: worksheet(rows, '<mergeCells count="1"><mergeCell ref="A60:XFD1048576"/></mergeCells>'),
        },
      ],
    });
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const [g] = readXlsx(bytes);
    expect(performance.now() - started).toBeLessThan(500);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(50 * 1024 * 1024);
    expect(g.merges).toEqual(['A60:XFD1048576']);
    expect(g.values).toHaveLength(60);
    expect(g.values[58]).toEqual(['dòng 59', 'x']);
    expect(g.values[59]).toEqual(['dòng 60']);
    // And the check of it finishes too.
    const report = checkWorkbook([g], { today: '2025-07-15', asOf: '2025-07-15' });
    expect(report.sheets).toHaveLength(1);
  });

  test('merges that would cover the sheet many times over stop with too-large, not a hang', () => {
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`,
    ).join('');
    const merges = Array.from({ length: 11_000 }, () => '<mergeCell ref="A1:XFD1048576"/>').join('');
    const bytes = buildPackage({
      sheets: [{ name: 'Chồng', xml: worksheet(rows, `<mergeCells>${merges}</mergeCells>`) }],
    });
    const started = performance.now();
    const err = expectCode(() => readXlsx(bytes), 'too-large');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(err.where.sheet).toBe('Chồng');
  });
});

describe('bounds', () => {
  test('a value at XFD1048576 reads without a dense sheet: a million empty rows and one long row', () => {
    const bytes = buildPackage({
      sheets: [
        {
          name: 'S',
          rows: `<row r="1">${inline('A1', 'đầu')}</row><row r="1048576"><c r="XFD1048576"><v>9</v></c></row>`,
        },
      ],
    });
    const started = performance.now();
    const [g] = readXlsx(bytes);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(g.values).toHaveLength(1_048_576);
    expect(g.values[0]).toEqual(['đầu']);
    expect(g.values[1]).toEqual([]);
    const last = g.values[1_048_575];
    expect(last).toHaveLength(16_384);
    expect(last[16_383]).toBe(9);
    expect(last.filter((v) => v !== null)).toEqual([9]);
  });

  test('references beyond Excel’s grid are too-large, before anything is allocated', () => {
    expectCode(() => one('<row r="1"><c r="XFE1"><v>1</v></c></row>'), 'too-large');
    expectCode(() => one(`<row r="1"><c r="${'A'.repeat(5000)}1"><v>1</v></c></row>`), 'too-large');
    const err = expectCode(() => one('<row r="1048577"><c r="A1048577"><v>1</v></c></row>'), 'too-large');
    expect(err.where).toMatchObject({ sheet: 'Trang 1', cell: 'A1048577' });
    // Cells without r running past column XFD.
    expectCode(() => one(`<row r="1">${'<c><v>1</v></c>'.repeat(16_385)}</row>`), 'too-large');
  });

  test(`a grid beyond ${MAX_GRID_SLOTS.toLocaleString('en')} slots stops with too-large, naming the cell`, () => {
    // 400 rows each with a value in column XFD: 6.5 million slots from a few kilobytes of XML.
    const rows = Array.from(
      { length: 400 },
      (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`,
    ).join('');
    const started = performance.now();
    const err = expectCode(() => one(rows), 'too-large');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(err.where.sheet).toBe('Trang 1');
    expect(err.where.cell).toMatch(/^XFD\d+$/);
  });

  test('a part whose declared size is beyond the bounds is refused before it is inflated', () => {
    const bytes = declareSize(
      buildPackage({ sheets: [{ name: 'S', rows: '' }] }),
      'xl/worksheets/sheet1.xml',
      MAX_PART_BYTES + 1,
    );
    const err = expectCode(() => readXlsx(bytes), 'too-large');
    expect(err.where.part).toBe('xl/worksheets/sheet1.xml');
  });

  test('formatting-only cells after the last value cost nothing in the grid', () => {
    const styles = stylesWith([0, 9]);
    const g = one(
      `<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="1"/></row><row r="900000"><c r="B900000" s="1"/></row>`,
      {
        styles,
      },
    );
    expect(g.values).toEqual([[1]]);
  });
});

describe('the package', () => {
  test('worksheets in workbook order; chart, dialog and macro sheets skipped, hidden sheets kept', () => {
    const grids = read({
      sheets: [
        { name: 'Biểu đồ', kind: 'chartsheet', xml: `<chartsheet xmlns="${MAIN}"/>` },
        { name: 'Phụ lục 2', rows: `<row r="1">${inline('A1', 'hai')}</row>` },
        { name: 'Ẩn', state: 'hidden', rows: `<row r="1">${inline('A1', 'ẩn')}</row>` },
        { name: 'Hộp thoại', kind: 'dialogsheet', xml: `<dialogsheet xmlns="${MAIN}"/>` },
        {
          name: 'Macro',
          kind: 'xlMacrosheet',
          xml: `<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/>`,
        },
        { name: 'Phụ lục 1', state: 'veryHidden', rows: '' },
      ],
    });
    expect(grids.map((g) => [g.name, g.values])).toEqual([
      ['Phụ lục 2', [['hai']]],
      ['Ẩn', [['ẩn']]],
      ['Phụ lục 1', []],
    ]);
  });

  test('the workbook found through the root relationships, wherever it is, with absolute and ../ targets', () => {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const P = 'http://schemas.openxmlformats.org/package/2006/relationships';
    const bytes = zip({
      '_rels/.rels': `<Relationships xmlns="${P}"><Relationship Id="a" Type="${R}/extended-properties" Target="docProps/app.xml"/><Relationship Id="b" Type="${R}/officeDocument" Target="/book/Main.xml"/></Relationships>`,
      'book/Main.xml': `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Một" sheetId="1" r:id="s1"/><sheet name="Hai" sheetId="2" r:id="s2"/></sheets></workbook>`,
      'book/_rels/Main.xml.rels': `<Relationships xmlns="${P}"><Relationship Id="s1" Type="${R}/worksheet" Target="../cells/one%201.xml"/><Relationship Id="s2" Type="${R}/worksheet" Target="/Cells/Two.xml"/><Relationship Id="t" Type="${R}/sharedStrings" Target="strings.xml"/><Relationship Id="h" Type="${R}/hyperlink" Target="https://dichvucong.gov.vn" TargetMode="External"/></Relationships>`,
      'book/strings.xml': `<sst xmlns="${MAIN}"><si><t>chung</t></si></sst>`,
      'cells/one 1.xml': worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
      // Part names ignore case (OPC); this writer also used a capital letter.
      'cells/two.xml': worksheet(`<row r="2">${inline('B2', 'hai')}</row>`),
    });
    expect(readXlsx(bytes).map((g) => [g.name, g.values])).toEqual([
      ['Một', [['chung']]],
      ['Hai', [[], [null, 'hai']]],
    ]);
  });

  test('without root relationships, the usual xl/workbook.xml is read', () => {
    const bytes = buildPackage({
      sheets: [{ name: 'S', rows: `<row r="1">${inline('A1', 'có')}</row>` }],
      omit: ['_rels/.rels'],
    });
    expect(readXlsx(bytes)[0].values).toEqual([['có']]);
  });

  test('a worksheet the workbook names but the package lacks: missing-part, with its name', () => {
    const err = expectCode(
      () =>
        read({
          sheets: [
            { name: 'Phụ lục 1', rows: '' },
            { name: 'Phụ lục 2', rows: '' },
          ],
          omit: ['xl/worksheets/sheet2.xml'],
        }),
      'missing-part',
    );
    expect(err.where).toEqual({ sheet: 'Phụ lục 2', part: 'xl/worksheets/sheet2.xml' });
    // A sheet whose relationship is missing altogether says the same.
    const noRel = buildPackage({
      sheets: [{ name: 'S', rows: '' }],
      parts: {
        'xl/_rels/workbook.xml.rels':
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
      },
    });
    expect(expectCode(() => readXlsx(noRel), 'missing-part').where.sheet).toBe('S');
  });

  test('shared-string cells without a shared strings part: missing-shared-strings; none used, none needed', () => {
    const err = expectCode(
      () => one('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
      'missing-shared-strings',
    );
    expect(err.where).toMatchObject({ sheet: 'Trang 1', cell: 'A1' });
    expect(one('<row r="1"><c r="A1"><v>1</v></c></row>').values).toEqual([[1]]);
  });

  test('a shared string that is not there, or a cell reference that is none: unreadable', () => {
    expectCode(
      () => one('<row r="1"><c r="A1" t="s"><v>7</v></c></row>', { sharedStrings: ['<t>x</t>'] }),
      'unreadable',
    );
    expectCode(() => one('<row r="1"><c r="1A"><v>1</v></c></row>'), 'unreadable');
    expectCode(() => one('<row r="x"><c><v>1</v></c></row>'), 'unreadable');
  });

  test('malformed XML: unreadable, naming the part', () => {
    const bad = [
      worksheet('<row r="1"><c r="A1"><v>1</v></row>'),
      '<worksheet><sheetData><row r="1">',
      worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'),
      `<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`,
      '',
    ];
    for (const xml of bad) {
      const err = expectCode(() => read({ sheets: [{ name: 'S', xml }] }), 'unreadable');
      expect(err.where.part).toBe('xl/worksheets/sheet1.xml');
    }
    expectCode(
      () => read({ sheets: [{ name: 'S', rows: '' }], sharedStrings: '<sst><si><t>x</si></sst>' }),
      'unreadable',
    );
    expectCode(
      () => read({ sheets: [{ name: 'S', rows: '' }], parts: { 'xl/workbook.xml': '<workbook><sheets>' } }),
      'unreadable',
    );
  });

  test('not a workbook: another Office document, a plain zip, a binary workbook, no worksheet', () => {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const docx = zip({
      '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
      'word/document.xml':
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    });
    expectCode(() => readXlsx(docx), 'not-workbook');
    expectCode(() => readXlsx(zip({ 'ghi-chu.txt': 'Nội dung' })), 'not-workbook');
    expectCode(
      () => readXlsx(zip({ 'xl/workbook.xml': new Uint8Array([0x83, 0x01, 0x00, 0x9c]) })),
      'not-workbook',
    );
    expectCode(
      () => read({ sheets: [{ name: 'Biểu đồ', kind: 'chartsheet', xml: `<chartsheet xmlns="${MAIN}"/>` }] }),
      'no-worksheet',
    );
  });

  test('not a package: empty, an OLE container (.xls, encrypted .xlsx), text, a damaged zip, an .ods', () => {
    expectCode(() => readXlsx(new Uint8Array(0)), 'empty');
    expectCode(
      () => readXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
      'xls-or-encrypted',
    );
    expectCode(() => readXlsx(strToU8('STT;Nhiệm vụ\n1;Triển khai\n')), 'not-zip');
    const whole = buildPackage({ sheets: [{ name: 'S', rows: '' }] });
    expectCode(() => readXlsx(whole.subarray(0, whole.length >> 1)), 'unreadable');
    // An .ods names its type in its first entry, stored: the first bytes say it.
    const mimetype = strToU8('application/vnd.oasis.opendocument.spreadsheet');
    const ods = zipSync({ mimetype: [mimetype, { level: 0 }], 'content.xml': strToU8('<x/>') });
    expectCode(() => readXlsx(ods), 'ods');
    // Some tools compress it: the package's listing says it then.
    expectCode(() => readXlsx(zipSync({ mimetype, 'content.xml': strToU8('<x/>') })), 'ods');
  });
});
