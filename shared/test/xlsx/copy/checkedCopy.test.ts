/**
 * The checked copy is the input package with only our additions (issue 11, item 3): every part we do not add
 * or extend is byte for byte the input's, and an extended part is the input's once our elements are taken out.
 */
import { strToU8, unzipSync } from 'fflate';
import { checkWorkbook, type Report } from '../../../src/index';
import { readXlsx } from '../../../src/xlsx';
import { checkedCopy, HIGHLIGHT_FORMULA } from '../../../src/xlsx/copy';
import { XlsxError } from '../../../src/xlsx/errors';
import { PRODUCT, VERSION } from '../../../src/version';
import { buildPackage, worksheet } from '../package';
import { partsOf, richWorkbook, utf8 } from './richPackage';

const bin = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
const OURS_RULE =
  /<conditionalFormatting sqref="[^"]*"><cfRule type="expression" dxfId="\d+" priority="\d+"><formula>ISTEXT\("cchc-highlight"\)<\/formula><\/cfRule><\/conditionalFormatting>/g;

/** The copy's sheet without our rules and legacyDrawing, the user's priorities moved back. */
function sheetWithoutOurs(copy: string, input: string): string {
  const k = (copy.match(OURS_RULE) ?? []).length;
  let s = copy
    .replace(OURS_RULE, '')
    .replace(
      /(<cfRule\b[^>]*\spriority=")(\d+)"/g,
      (_a, head: string, n: string) => `${head}${Number(n) - k}"`,
    );
  if (!input.includes('<legacyDrawing')) s = s.replace(/<legacyDrawing r:id="rId\d+"\/>/, '');
  return s;
}

/** styles.xml with each list cut back to the input's length and count. */
export function stylesWithoutOurs(copy: string, input: string): string {
  let s = copy;
  for (const [list, child] of [
    ['fonts', 'font'],
    ['fills', 'fill'],
    ['cellXfs', 'xf'],
    ['dxfs', 'dxf'],
  ]) {
    const inList = new RegExp(`<${list}\\b[^>]*?/>|<${list}\\b[^>]*[^/]>[\\s\\S]*?</${list}>`);
    const items = new RegExp(`<${child}\\b[^>]*/>|<${child}\\b[^>]*>[\\s\\S]*?</${child}>`, 'g');
    const original = inList.exec(input)?.[0];
    if (!original) continue;
    const n = (original.match(items) ?? []).length;
    const head = /^<[^>]*>/.exec(original)?.[0] as string;
    s = s.replace(inList, (whole) => {
      const kept = (whole.match(items) ?? []).slice(0, n).join('');
      // An empty list the input wrote self-closed ("<dxfs count="0"/>") had to be opened to take ours.
      return kept === '' && original.endsWith('/>') ? original : `${head}${kept}</${list}>`;
    });
  }
  return s;
}

function relsWithoutOurs(copy: string, input: string): string {
  return copy.replace(/<Relationship Id="([^"]+)"[^>]*\/>/g, (all, id: string) =>
    input.includes(`Id="${id}"`) ? all : '',
  );
}

function typesWithoutOurs(copy: string, input: string): string {
  return copy.replace(/<(?:Override|Default) [^>]*\/>/g, (all) => (input.includes(all) ? all : ''));
}

describe('checkedCopy on a file that carries everything', () => {
  const input = richWorkbook();
  const grids = readXlsx(input);
  const report = checkWorkbook(grids, { asOf: '2025-10-15', today: '2025-10-15', file: 'phu-luc.xlsx' });
  const copy = checkedCopy(input, report, 'vi');
  const before = partsOf(input);
  const after = partsOf(copy);

  test('adds only new parts, and copies every part it does not extend byte for byte', () => {
    const added = [...after.keys()].filter((p) => !before.has(p)).sort();
    expect(added).toEqual(['xl/comments2.xml', 'xl/drawings/vmlDrawing2.vml', 'xl/worksheets/sheet3.xml']);
    const extended = [
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/_rels/sheet2.xml.rels',
      'xl/comments1.xml',
      'xl/drawings/vmlDrawing1.vml',
    ];
    for (const [name, bytes] of before) {
      if (extended.includes(name)) expect([name, after.get(name) === bytes]).toEqual([name, false]);
      else expect([name, after.get(name) === bytes]).toEqual([name, true]);
    }
  });

  test('an extended part differs from the input only by our elements', () => {
    const pair = (p: string) => [after.get(p) as string, before.get(p) as string] as const;
    for (const p of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      const [a, b] = pair(p);
      expect(sheetWithoutOurs(a, b)).toBe(b);
    }
    {
      const [a, b] = pair('xl/styles.xml');
      expect(stylesWithoutOurs(a, b)).toBe(b);
    }
    for (const p of ['xl/_rels/workbook.xml.rels', 'xl/worksheets/_rels/sheet2.xml.rels']) {
      const [a, b] = pair(p);
      expect(relsWithoutOurs(a, b)).toBe(b);
    }
    {
      const [a, b] = pair('[Content_Types].xml');
      expect(typesWithoutOurs(a, b)).toBe(b);
    }
    {
      const [a, b] = pair('xl/workbook.xml');
      expect(
        a.replace(new RegExp(`<sheet name="${bin('Kết quả kiểm tra')}" sheetId="3" r:id="rId\\d+"/>`), ''),
      ).toBe(b);
    }
    {
      const [a, b] = pair('xl/comments1.xml');
      const stripped = a
        .replace(`<author>${bin('Kiểm tra CCHC')}</author>`, '')
        .replace(/<comment ref="[A-Z]+\d+" authorId="1">[\s\S]*?<\/comment>/g, '')
        .replace(/<r><t xml:space="preserve">\n\n[^<]*<\/t><\/r>/g, '')
        // the user's plain <t>, wrapped in a run so that ours can follow it
        .replace(/<text><r>(<t>[^<]*<\/t>)<\/r><\/text>/g, '<text>$1</text>');
      expect(stripped).toBe(b);
    }
    {
      const [a, b] = pair('xl/drawings/vmlDrawing1.vml');
      expect(
        a.replace(/<v:shape id="_x0000_s(\d+)"[\s\S]*?<\/v:shape>/g, (all, id: string) =>
          Number(id) >= 2048 ? '' : all,
        ),
      ).toBe(b);
    }
  });

  test('the user’s rules come after ours, the data bar still points at its x14 rule', () => {
    const s1 = utf8(after.get('xl/worksheets/sheet1.xml') as string);
    const k = (s1.match(OURS_RULE) ?? []).length;
    expect(k).toBeGreaterThan(0);
    expect(s1).toContain(`<cfRule type="dataBar" priority="${k + 1}">`);
    expect(s1).toContain(`<cfRule type="containsBlanks" priority="${k + 2}">`);
    expect(s1).toContain('<x14:id>{C0FFEE00-0000-4000-8000-000000000001}</x14:id>');
    expect(s1).toContain('x14:cfRule type="dataBar" id="{C0FFEE00-0000-4000-8000-000000000001}"');
    // Schema order: mergeCells, ours, the user's rules, dataValidations … rowBreaks, legacyDrawing, extLst.
    const at = (s: string) => s1.indexOf(s);
    expect(at('</mergeCells>')).toBeLessThan(at(`<conditionalFormatting sqref`));
    expect(at(HIGHLIGHT_FORMULA)).toBeLessThan(at('type="dataBar"'));
    expect(at('<dataValidations')).toBeGreaterThan(at('type="containsBlanks"'));
    const s2 = utf8(after.get('xl/worksheets/sheet2.xml') as string);
    expect(s2.indexOf('<drawing r:id="rIdDr"/>')).toBeLessThan(s2.indexOf('<legacyDrawing'));
    expect(s2.indexOf('</mergeCells>')).toBeLessThan(s2.indexOf('<conditionalFormatting'));
    expect(s2.indexOf('<conditionalFormatting')).toBeLessThan(s2.indexOf('<pageSetup'));
  });

  test('reads back as the input: same grids, hidden merged values and all; our sheet last', () => {
    const back = readXlsx(copy);
    expect(back.slice(0, grids.length)).toEqual(grids);
    expect(back.map((g) => g.name)).toEqual([...grids.map((g) => g.name), 'Kết quả kiểm tra']);
    expect(utf8(after.get('xl/worksheets/sheet1.xml') as string)).toContain(
      '<c r="B51" s="6" t="inlineStr"><is><t>ẩn_x0007_ giá trị</t></is></c>',
    );
  });

  test('the results sheet opens with its header block, the build that checked last, in either language', () => {
    const header = (c: Uint8Array) =>
      (readXlsx(c).at(-1)?.values ?? []).slice(0, 5).map((r) => r.filter((v) => v !== null && v !== ''));
    expect(header(copy)).toEqual([
      ['Kết quả kiểm tra: phu-luc.xlsx'],
      ['Tính đến ngày 15/10/2025.'],
      [expect.stringMatching(/^Có \d+ lỗi cần sửa\.$/)],
      [`Kiểm tra bằng ${PRODUCT} ${VERSION}`],
      [],
    ]);
    expect(header(checkedCopy(input, report, 'en'))[3]).toEqual([`Checked with ${PRODUCT} ${VERSION}`]);
    // package.json's name (shared/test/version.test.ts ties VERSION to its version).
    expect(PRODUCT).toBe('cchc-appendix');
  });

  test('notes: the user’s note on A51 gets ours after a blank line; new cells get a comment and a shape', () => {
    const c1 = utf8(after.get('xl/comments1.xml') as string);
    expect(c1).toContain(
      '<r><t>Ghi chú của phường: số liệu tạm.</t></r><r><t xml:space="preserve">\n\nDòng tổng ghi 36 nhiệm vụ nhưng bảng có 35.',
    );
    const ours = [...c1.matchAll(/<comment ref="([A-Z]+\d+)" authorId="1">/g)].map((m) => m[1]);
    const vml = utf8(after.get('xl/drawings/vmlDrawing1.vml') as string);
    const shapes = [...vml.matchAll(/<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g)].length;
    expect(shapes).toBe(2 + ours.length);
    expect(utf8(after.get('xl/comments2.xml') as string)).toContain(
      '<authors><author>Kiểm tra CCHC</author></authors>',
    );
  });
});

describe('checkedCopy, bounds and escaping', () => {
  test('an absurd merge (A60:XFD1048576) costs nothing: copied in well under a second', () => {
    const rows = Array.from(
      { length: 80 },
      (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`,
    ).join('');
    const input = buildPackage({
      sheets: [
        {
          name: 'S',
          xml: worksheet(rows, '<mergeCells count="1"><mergeCell ref="A60:XFD1048576"/></mergeCells>'),
        },
      ],
    });
    const report = checkWorkbook(readXlsx(input), {
      asOf: '2025-10-15',
      today: '2025-10-15',
      file: 'x.xlsx',
    });
    const finding = {
      code: 'cell/required',
      severity: 'error',
      sheet: 'S',
      row: 70,
      message: 'Ô trống.',
    } as const;
    report.sheets[0].findings.push({ ...finding, cell: 'B70' }, { ...finding, cell: 'C2', row: 2 });
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const copy = checkedCopy(input, report, 'vi');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
    const sheet = utf8(partsOf(copy).get('xl/worksheets/sheet1.xml') as string);
    // B70 lies in the merge: its anchor A60 is covered too, and carries the note.
    expect(sheet).toMatch(/sqref="[^"]*A60[^"]*"/);
    expect(utf8(partsOf(copy).get('xl/comments1.xml') as string)).toContain('<comment ref="A60"');
  });

  test('our strings are escaped, and characters XML cannot hold are written _xHHHH_', () => {
    const input = buildPackage({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    const report: Report = checkWorkbook(readXlsx(input), {
      asOf: '2025-10-15',
      today: '2025-10-15',
      file: 'a&b<c>.xlsx',
    });
    const message = 'bell\u0007 & <b> _x0041_ cr\r';
    // The workbook-level finding, in the results sheet, shown with its own words (no parameters to re-word).
    for (const f of report.findings) {
      f.message = message;
      delete f.params;
    }
    report.sheets[0].findings.push({
      code: 'cell/required',
      severity: 'error',
      sheet: 'S',
      cell: 'A1',
      row: 1,
      message,
    });
    const parts = partsOf(checkedCopy(input, report, 'en'));
    const escaped = 'bell_x0007_ &amp; &lt;b&gt; _x005F_x0041_ cr_x000D_';
    expect(utf8(parts.get('xl/comments1.xml') as string)).toContain(escaped);
    expect(utf8(parts.get('xl/worksheets/sheet2.xml') as string)).toContain(escaped);
    expect(utf8(parts.get('xl/worksheets/sheet2.xml') as string)).toContain(
      'Check results: a&amp;b&lt;c&gt;.xlsx',
    );
    // The package made without a styles part gets one of ours, named in rels and content types.
    expect(parts.has('xl/styles.xml')).toBe(true);
    expect(utf8(parts.get('[Content_Types].xml') as string)).toContain('/xl/styles.xml');
    const back = readXlsx(checkedCopy(input, report, 'en'));
    expect(back.map((g) => g.name)).toEqual(['S', 'Check results']);
  });

  test('a package it cannot patch throws the reader’s XlsxError', () => {
    const report = { file: 'x', valid: true, sheets: [] } as unknown as Report;
    expect(() => checkedCopy(strToU8('not a zip'), report, 'vi')).toThrow(XlsxError);
    const broken = buildPackage({ sheets: [{ name: 'S', xml: '<worksheet><sheetData>' }] });
    const r = {
      ...report,
      sheets: [
        {
          name: 'S',
          findings: [
            { code: 'cell/required', severity: 'error', sheet: 'S', cell: 'A1', row: 1, message: 'm' },
          ],
          kpis: [],
          tasks: [],
          columns: {},
        },
      ],
    } as unknown as Report;
    expect(() => checkedCopy(broken, r, 'vi')).toThrow(XlsxError);
    expect(Object.keys(unzipSync(broken)).length).toBeGreaterThan(0);
  });
});
