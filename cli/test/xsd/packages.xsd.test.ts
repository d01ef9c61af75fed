/**
 * Every package the project writes validates against the ECMA-376 transitional schemas, with xmllint, once
 * markup compatibility is applied as Office applies it (packages.ts, mce.ts): the checked copies of the sample
 * and of every fixture (and a copy of a copy), each template in both languages, and the summary workbook.
 *
 * Of a checked copy, the parts it writes or changes must validate; the user's parts it copies through untouched
 * are not ours to judge, so their verdicts are only recorded. Every part's verdict is written to
 * test-output/xsd/packages.txt.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { runMain } from '../runMain';
import { describeWithXmllint, validatePackages, type Package, type PartResult } from './packages';

const ROOT = resolve(__dirname, '../../..');
const FIXTURES = join(ROOT, 'cli/test/fixtures');
const SAMPLE = join(ROOT, 'cli/sample/phu-luc-mau.xlsx');
const INPUTS = [
  SAMPLE,
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => join(FIXTURES, f)),
];
const REPORT = join(ROOT, 'test-output', 'xsd', 'packages.txt');
const AS_OF = '2025-10-15';

/** One package a command writes: its label, the command (given the scratch folder), and the input it copies. */
interface Job {
  label: string;
  out: (dir: string) => string;
  args: (dir: string) => string[];
  /** For a checked copy: the input, whose unchanged parts are the user's. */
  input?: (dir: string) => string;
}

const name = (file: string) => basename(file, '.xlsx');
const copyJobs: Job[] = (['vi', 'en'] as const).flatMap((lang) =>
  INPUTS.map((input) => ({
    label: `checked copy of ${name(input)} (${lang})`,
    out: (dir: string) => join(dir, `copies-${lang}`, `${name(input)}.xlsx`),
    args: (dir: string) => [
      'validate',
      input,
      '--out',
      join(dir, `copies-${lang}`, `${name(input)}.xlsx`),
      '--as-of',
      AS_OF,
      '--lang',
      lang,
      '--format',
      'summary',
    ],
    input: () => input,
  })),
);
const JOBS: Job[] = [
  ...copyJobs,
  {
    // A copy of a checked copy extends our own notes, drawing and styles and replaces the results sheet.
    label: 'checked copy of the checked copy of phu-luc-mau (vi)',
    out: (dir) => join(dir, 'again.xlsx'),
    args: (dir) => [
      'validate',
      join(dir, 'copies-vi', 'phu-luc-mau.xlsx'),
      '--out',
      join(dir, 'again.xlsx'),
      '--as-of',
      '2025-12-31',
      '--format',
      'summary',
    ],
    input: (dir) => join(dir, 'copies-vi', 'phu-luc-mau.xlsx'),
  },
  ...(['vi', 'en'] as const).flatMap((lang) =>
    (['tasks', 'kpis', 'units', 'all'] as const).map((kind) => ({
      label: `template ${kind} (${lang})`,
      out: (dir: string) => join(dir, `template-${kind}-${lang}.xlsx`),
      args: (dir: string) => [
        'template',
        kind,
        '-o',
        join(dir, `template-${kind}-${lang}.xlsx`),
        '--lang',
        lang,
      ],
    })),
  ),
  {
    label: 'template all with example targets, a unit and a document (vi)',
    out: (dir) => join(dir, 'template-examples.xlsx'),
    args: (dir) => [
      'template',
      'all',
      '-o',
      join(dir, 'template-examples.xlsx'),
      '--examples',
      '--year',
      '2026',
      '--unit',
      'Phường 5 & "Đông" <A>',
      '--doc',
      '36/KH-UBND ngày 12/02/2026',
    ],
  },
  ...(['vi', 'en'] as const).map((lang) => ({
    label: `summary workbook of the checked copies (${lang})`,
    out: (dir: string) => join(dir, `summary-${lang}.xlsx`),
    args: (dir: string) => [
      'summary',
      join(dir, `copies-${lang}`),
      '--out',
      join(dir, `summary-${lang}.xlsx`),
      '--as-of',
      AS_OF,
      '--lang',
      lang,
    ],
  })),
];

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A part's failure as the test prints it: the package, the part, the schema, and xmllint's messages. */
function failure(r: PartResult): string {
  return `${r.output}: ${r.part} [${r.schema ?? r.contentType ?? 'no content type'}] ${r.status}\n  ${r.messages.join('\n  ')}`;
}
const failures = (rs: PartResult[]) =>
  rs.filter((r) => r.status !== 'valid' && r.status !== 'skipped').map(failure);

function report(results: PartResult[]): string {
  const lines = results.map((r) =>
    [
      r.output,
      r.part,
      r.ours ? 'ours' : 'user’s, untouched',
      r.status,
      r.schema ?? '-',
      r.allowed ? `${r.allowed} allowed` : '',
      r.messages[0]?.split('\n')[0] ?? '',
    ].join('\t'),
  );
  return `output\tpart\twritten by\tverdict\tschema\tallowances\tfirst message\n${lines.join('\n')}\n`;
}

describeWithXmllint('the ECMA-376 package tests')(
  'every package the project writes validates against the ECMA-376 transitional schemas',
  () => {
    let dir: string;
    let results: PartResult[];
    const of = (label: string) => results.filter((r) => r.output === label);

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'cchc-xsd-'));
      mkdirSync(join(dir, 'copies-vi'));
      mkdirSync(join(dir, 'copies-en'));
      const packages: Package[] = [];
      for (const job of JOBS) {
        const run = await runMain(job.args(dir));
        // Findings make exit code 1; 2 is a command that did not run.
        if (run.code === 2 || !existsSync(job.out(dir)))
          throw new Error(`${job.label}: nothing written (exit ${run.code}): ${run.stderr}`);
        const input = job.input ? unzipSync(readFileSync(job.input(dir))) : undefined;
        packages.push({
          output: job.label,
          bytes: readFileSync(job.out(dir)),
          ours: input ? (part, bytes) => !input[part] || !same(input[part], bytes) : undefined,
        });
      }
      results = validatePackages(packages, join(dir, 'parts'));
      mkdirSync(join(ROOT, 'test-output', 'xsd'), { recursive: true });
      writeFileSync(REPORT, report(results));
    }, 120_000);

    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it.each(JOBS.map((j) => j.label))('%s: every part it writes validates', (label) => {
      const ours = of(label).filter((r) => r.ours);
      expect(ours.length).toBeGreaterThan(0);
      expect(failures(ours)).toEqual([]);
    });

    it('a checked copy is judged on the parts it writes: the package, the highlights, the notes, the results', () => {
      const ours = of('checked copy of phu-luc-mau (vi)')
        .filter((r) => r.ours)
        .map((r) => `${r.part} ${r.schema}`);
      expect(ours).toEqual(
        expect.arrayContaining([
          '[Content_Types].xml contentTypes',
          'xl/_rels/workbook.xml.rels relationships',
          'xl/workbook.xml sml',
          'xl/styles.xml sml',
          'xl/worksheets/sheet1.xml sml',
          'xl/worksheets/sheet3.xml sml',
          'xl/worksheets/_rels/sheet1.xml.rels relationships',
          'xl/comments1.xml sml',
          'xl/drawings/vmlDrawing1.vml vml',
        ]),
      );
      // The user's parts it copies through are judged too, only not held against us.
      const theirs = of('checked copy of phu-luc-mau (vi)').filter((r) => !r.ours);
      expect(theirs.map((r) => r.part)).toEqual(
        expect.arrayContaining(['xl/sharedStrings.xml', 'docProps/core.xml']),
      );
      expect(theirs.every((r) => r.status !== 'unknown' || r.messages.length > 0)).toBe(true);
      expect(readFileSync(REPORT, 'utf8')).toContain(
        'checked copy of phu-luc-mau (vi)\txl/sharedStrings.xml\tuser’s',
      );
    });

    it('templates and the summary are judged whole: every part of the package', () => {
      for (const label of ['template all (en)', 'summary workbook of the checked copies (vi)']) {
        expect(of(label).every((r) => r.ours)).toBe(true);
        expect(of(label).map((r) => r.schema)).toEqual(
          expect.arrayContaining([
            'contentTypes',
            'relationships',
            'sml',
            'dml',
            'coreProperties',
            'extendedProperties',
          ]),
        );
      }
    });
  },
);

describeWithXmllint('the ECMA-376 package tests')('the package check can fail', () => {
  let dir: string;
  let template: Record<string, Uint8Array>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cchc-xsd-'));
    await runMain(['template', 'kpis', '-o', join(dir, 't.xlsx')]);
    template = unzipSync(readFileSync(join(dir, 't.xlsx')));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The template with `part` changed by `edit` (or added), judged. */
  function judge(part: string, edit: (xml: string) => string, contentType?: string): PartResult[] {
    const files = { ...template, [part]: strToU8(edit(template[part] ? strFromU8(template[part]) : '')) };
    if (contentType) {
      const types = strFromU8(files['[Content_Types].xml']).replace(
        '</Types>',
        `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`,
      );
      files['[Content_Types].xml'] = strToU8(types);
    }
    const work = mkdtempSync(join(dir, 'parts-'));
    return validatePackages([{ output: 'edited', bytes: zipSync(files) }], work);
  }
  const verdict = (rs: PartResult[], part: string) => rs.find((r) => r.part === part)!;
  const SHEET = 'xl/worksheets/sheet1.xml';

  it('as it is, the template validates', () => {
    expect(failures(judge(SHEET, (x) => x))).toEqual([]);
  });

  it('an element the schema does not allow: the part fails, with the message and the element', () => {
    const r = verdict(
      judge(SHEET, (x) => x.replace('<sheetData>', '<sheetData><bogus/>')),
      SHEET,
    );
    expect(r.status).toBe('invalid');
    expect(r.messages.join('\n')).toMatch(
      /Element '\{[^}]+\}bogus': This element is not expected[\s\S]*at <bogus>/,
    );
  });

  it('an extension attribute is ignored only where mc:Ignorable declares its namespace ignorable', () => {
    // The template's sheets declare x14ac ignorable and use x14ac:dyDescent on their rows.
    expect(strFromU8(template[SHEET])).toMatch(/mc:Ignorable="x14ac"[\s\S]*x14ac:dyDescent/);
    const r = verdict(
      judge(SHEET, (x) => x.replace(' mc:Ignorable="x14ac"', '')),
      SHEET,
    );
    expect(r.status).toBe('invalid');
    expect(r.messages[0]).toContain(
      "attribute '{http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac}dyDescent'",
    );
  });

  it('a part whose root is not the one its content type calls for fails', () => {
    const r = verdict(
      judge(SHEET, () => strFromU8(template['xl/workbook.xml'])),
      SHEET,
    );
    expect(r.status).toBe('invalid');
    expect(r.messages[0]).toMatch(/root element \{[^}]+\}workbook, expected \{[^}]+\}worksheet/);
  });

  it('a part of a content type the test does not know is reported unknown, not passed', () => {
    const part = 'xl/persons/person.xml';
    const rs = judge(
      part,
      () => '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"/>',
      'application/vnd.ms-excel.person+xml',
    );
    expect(failures(rs)).toEqual([
      'edited: xl/persons/person.xml [application/vnd.ms-excel.person+xml] unknown\n' +
        '  content type application/vnd.ms-excel.person+xml: no schema mapped and not in the skip list',
    ]);
  });

  it('a core-properties date that is not a W3C date fails, through the local Dublin Core stand-ins', () => {
    const r = verdict(
      judge('docProps/core.xml', (x) => x.replace(/(<dcterms:created[^>]*>)[^<]*/, '$115/10/2025')),
      'docProps/core.xml',
    );
    expect(r.status).toBe('invalid');
    expect(r.messages[0]).toContain("'15/10/2025' is not a valid value");
  });
});
