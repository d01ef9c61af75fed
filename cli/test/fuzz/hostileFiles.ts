/**
 * Hostile and broken workbooks, made from the bundled sample: truncations, bit flips, malformed XML parts, missing
 * parts, absurd merges and dimensions, huge shared strings, a zip bomb, and sheets at and near Excel's own row
 * limit. Deterministic (a seeded generator), so a failing case can be made again. Run it by hand with
 * `npx tsx cli/test/fuzz/hostileFiles.ts <folder>` to get the files themselves.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, zipSync, type Zippable } from 'fflate';

const SAMPLE = resolve(__dirname, '../../sample/phu-luc-mau.xlsx');
const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';

export interface HostileFile {
  name: string;
  bytes: Uint8Array;
}

/** A small seeded generator (mulberry32): the same cases on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parts(): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(SAMPLE)));
}

/** The sample with some parts changed (a string) or removed (null); `level` 1 for the huge sheets (twice as fast). */
function variant(change: Record<string, string | Uint8Array | null>, level: 1 | 6 = 6): Uint8Array {
  const p: Zippable = { ...parts() };
  for (const [name, v] of Object.entries(change)) {
    if (v === null) delete p[name];
    else p[name] = typeof v === 'string' ? strToU8(v) : v;
  }
  return zipSync(p, { level });
}

function sheetXml(): string {
  return strFromU8(parts()[SHEET]);
}

/** Inserts `xml` right after </sheetData> (where <mergeCells> belongs). */
function afterSheetData(xml: string): string {
  return sheetXml().replace('</sheetData>', `</sheetData>${xml}`);
}

/** A task list of `rows` rows as one worksheet with inline strings: the shape of a big real file. */
export function taskSheetOf(rows: number): Uint8Array {
  const lines: string[] = [
    '<row r="1"><c r="A1" t="inlineStr"><is><t>DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025</t></is></c></row>',
    '<row r="2"><c r="A2" t="inlineStr"><is><t>STT</t></is></c><c r="B2" t="inlineStr"><is><t>Nhiệm vụ</t></is></c>' +
      '<c r="C2" t="inlineStr"><is><t>Cơ quan chủ trì</t></is></c><c r="D2" t="inlineStr"><is><t>Thời gian hoàn thành</t></is></c></row>',
    '<row r="3"><c r="A3" t="inlineStr"><is><t>I</t></is></c><c r="B3" t="inlineStr"><is><t>CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH</t></is></c></row>',
  ];
  for (let i = 1; i <= rows - 3; i++) {
    const r = i + 3;
    lines.push(
      `<row r="${r}"><c r="A${r}"><v>${i}</v></c><c r="B${r}" t="inlineStr"><is><t>Nhiệm vụ số ${i}</t></is></c>` +
        `<c r="C${r}" t="inlineStr"><is><t>Văn phòng</t></is></c><c r="D${r}" t="inlineStr"><is><t>Quý I</t></is></c></row>`,
    );
  }
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    lines.join('') +
    '</sheetData></worksheet>';
  // The sample's second sheet (the KPI table) left as an empty sheet: the workbook still lists it.
  const empty =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
  return variant({ [SHEET]: xml, 'xl/worksheets/sheet2.xml': empty }, 1);
}

const CACHE = resolve(__dirname, '../../../test-output/cache');

/**
 * taskSheetOf(rows) as a file named rows-<rows>.xlsx, made once and kept under test-output/cache/ (the
 * 1,048,576-row sheet takes seconds to make, and several test files read the same sizes); the folder is named by
 * a hash of this generator and the sample, so a changed generator makes new files. Read it, never write to it.
 */
export function taskSheetFile(rows: number): string {
  const key = createHash('sha256').update(readFileSync(__filename)).update(readFileSync(SAMPLE));
  const dir = join(CACHE, key.digest('hex').slice(0, 16));
  const path = join(dir, `rows-${rows}.xlsx`);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  // Another test file may be making the same one: each writes its own and renames, the last one wins whole.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, taskSheetOf(rows));
  renameSync(partial, path);
  return path;
}

/**
 * Shared-string amplification: one string of `chars` characters, used by `uses` cells of the task sheet. A few
 * dozen kilobytes on disk; `chars × uses` characters once the cells are read.
 */
export function amplifiedStrings(chars: number, uses: number): Uint8Array {
  const all = parts();
  const strings = strFromU8(all[STRINGS]);
  const index = (strings.match(/<si>/g) ?? []).length;
  let row = 0;
  const sheet = sheetXml().replace(/<\/row>/g, (end) =>
    ++row <= uses ? `<c r="Z${row}" t="s"><v>${index}</v></c>${end}` : end,
  );
  if (row < uses) throw new Error(`the sample has only ${row} rows`);
  return variant({
    [STRINGS]: strings.replace('</sst>', `<si><t>${'x'.repeat(chars)}</t></si></sst>`),
    [SHEET]: sheet,
  });
}

/** The sample with a second entry of the same name appended: `name` with `xml` (fflate's streaming Zip allows it). */
export function duplicateEntry(name: string, xml: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const add = (entry: string, data: Uint8Array) => {
    const file = new ZipDeflate(entry, { level: 6 });
    zip.add(file);
    file.push(data, true);
  };
  for (const [entry, data] of Object.entries(parts())) add(entry, data);
  add(name, strToU8(xml));
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The cases. `big` adds the ones that take seconds: 200,000 rows and the 1,048,576-row limit. */
export function hostileFiles(big = false): HostileFile[] {
  const sample = new Uint8Array(readFileSync(SAMPLE));
  const rnd = random(20251201);
  const out: HostileFile[] = [];
  for (const share of [0.1, 0.5, 0.9, 0.999])
    out.push({ name: `cut-${share}.xlsx`, bytes: sample.subarray(0, Math.floor(sample.length * share)) });
  for (let i = 0; i < 12; i++) {
    const flipped = sample.slice();
    for (let k = 0; k < 1 + i; k++) flipped[Math.floor(rnd() * flipped.length)] ^= 1 << Math.floor(rnd() * 8);
    out.push({ name: `flip-${i}.xlsx`, bytes: flipped });
  }
  out.push(
    { name: 'xml-unclosed.xlsx', bytes: variant({ [SHEET]: sheetXml().replace('</sheetData>', '') }) },
    {
      name: 'xml-entity.xlsx',
      bytes: variant({ [STRINGS]: strFromU8(parts()[STRINGS]).replace('<t>', '<t>&bomb;') }),
    },
    {
      name: 'xml-doctype.xlsx',
      bytes: variant({
        [SHEET]: sheetXml().replace(
          '<worksheet',
          '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><worksheet',
        ),
      }),
    },
    { name: 'missing-sheet.xlsx', bytes: variant({ [SHEET]: null }) },
    { name: 'missing-strings.xlsx', bytes: variant({ [STRINGS]: null }) },
    { name: 'missing-workbook.xlsx', bytes: variant({ 'xl/workbook.xml': null }) },
    { name: 'missing-rels.xlsx', bytes: variant({ '_rels/.rels': null }) },
    {
      name: 'merge-absurd.xlsx',
      bytes: variant({
        [SHEET]: afterSheetData('<mergeCells count="1"><mergeCell ref="A60:XFD1048576"/></mergeCells>'),
      }),
    },
    {
      name: 'merge-many.xlsx',
      bytes: variant({
        [SHEET]: afterSheetData(
          `<mergeCells>${Array.from({ length: 100_000 }, (_, i) => `<mergeCell ref="H${i * 2 + 1}:XFD${i * 2 + 2}"/>`).join('')}</mergeCells>`,
        ),
      }),
    },
    {
      name: 'dimension-absurd.xlsx',
      bytes: variant({
        [SHEET]: sheetXml().replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
      }),
    },
    {
      name: 'cell-far-away.xlsx',
      bytes: variant({
        [SHEET]: sheetXml().replace(
          '</sheetData>',
          '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
        ),
      }),
    },
    {
      name: 'cell-beyond-excel.xlsx',
      bytes: variant({
        [SHEET]: sheetXml().replace(
          '</sheetData>',
          '<row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>',
        ),
      }),
    },
    {
      name: 'strings-huge.xlsx',
      bytes: variant({
        [STRINGS]: strFromU8(parts()[STRINGS]).replace('<t>', `<t>${'x'.repeat(30_000_000)}`),
      }),
    },
    {
      name: 'strings-many.xlsx',
      bytes: variant({
        [STRINGS]: strFromU8(parts()[STRINGS]).replace(
          '</sst>',
          `${'<si><t>một chuỗi</t></si>'.repeat(1_000_000)}</sst>`,
        ),
      }),
    },
    // 35 uses of a 20-million-character string: 700 million characters from a file of some tens of KB.
    { name: 'strings-amplified.xlsx', bytes: amplifiedStrings(20_000_000, 35) },
    // Two entries named xl/worksheets/sheet1.xml: one reader would check the first, another copy the last.
    {
      name: 'parts-duplicate.xlsx',
      bytes: duplicateEntry(
        SHEET,
        afterSheetData('').replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>'),
      ),
    },
    // The same part under a name that differs in case only: OPC part names ignore case.
    {
      name: 'parts-case.xlsx',
      bytes: variant({
        'xl/worksheets/Sheet1.xml': sheetXml().replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>'),
      }),
    },
    // A worksheet part of 300 MB of zeros, a few hundred KB on disk.
    { name: 'zip-bomb.xlsx', bytes: variant({ [SHEET]: new Uint8Array(300 * 1024 * 1024) }) },
    { name: 'not-a-zip.xlsx', bytes: strToU8('<html>404 Not Found</html>') },
    { name: 'empty.xlsx', bytes: new Uint8Array(0) },
  );
  if (big) {
    out.push({ name: 'rows-200000.xlsx', bytes: taskSheetOf(200_000) });
    out.push({ name: 'rows-1048576.xlsx', bytes: taskSheetOf(1_048_576) });
  }
  return out;
}

/** The cases made once per process (the zip bomb alone takes seconds to compress); they never change. */
let made: { big: boolean; files: HostileFile[] } | undefined;

/** Writes the cases into `dir`; returns their paths. */
export function writeHostileFiles(dir: string, big = false): string[] {
  mkdirSync(dir, { recursive: true });
  if (made?.big !== big) made = { big, files: hostileFiles(big) };
  return made.files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return path;
  });
}

if (require.main === module) {
  const dir = process.argv[2] ?? 'hostile-files';
  for (const p of writeHostileFiles(dir, process.argv.includes('--big'))) console.log(p);
}
