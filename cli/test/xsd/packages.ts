/**
 * Office Open XML packages checked part by part against the ECMA-376 transitional schemas (ecma-376/, unchanged
 * copies of the published XSDs), with xmllint, once markup compatibility is applied as Office applies it
 * (mce.ts). Which schema judges a part follows from its content type in [Content_Types].xml; a part whose
 * content type is neither mapped nor in the explicit skip list is reported as unknown, so a new kind of part a
 * writer starts to produce cannot go by unchecked.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { which } from '../engines';
import { applyMarkupCompatibility, McError, type Allowance } from './mce';

export const haveXmllint = which('xmllint');

/**
 * `describe` where xmllint (Debian's libxml2-utils) is installed, `describe.skip` (with a note) elsewhere; in CI
 * a missing xmllint is a failure, as a missing LibreOffice is (.ci/run installs both).
 */
export function describeWithXmllint(what: string): jest.Describe {
  if (!haveXmllint && process.env.CI) throw new Error('xmllint (libxml2-utils) is required in CI');
  if (!haveXmllint) console.warn(`xmllint not installed (apt-get install libxml2-utils): skipping ${what}`);
  return haveXmllint ? describe : describe.skip;
}

const ECMA = join(__dirname, 'ecma-376');
const LOCAL = join(__dirname, 'local');
/** Resolves the Dublin Core imports of opc-coreProperties.xsd to local stand-ins (see local/catalog.xml). */
export const CATALOG = join(LOCAL, 'catalog.xml');

/** The schema files handed to xmllint, each the root of its set of imports. */
export const SCHEMAS = {
  sml: join(ECMA, 'sml.xsd'),
  drawing: join(ECMA, 'dml-spreadsheetDrawing.xsd'),
  dml: join(ECMA, 'dml-main.xsd'),
  contentTypes: join(ECMA, 'opc-xsd/opc-contentTypes.xsd'),
  relationships: join(ECMA, 'opc-xsd/opc-relationships.xsd'),
  // Our driver: imports the xml namespace (local/xml.xsd), then opc-coreProperties.xsd.
  coreProperties: join(LOCAL, 'core-properties.xsd'),
  extendedProperties: join(ECMA, 'shared-documentPropertiesExtended.xsd'),
  customProperties: join(ECMA, 'shared-documentPropertiesCustom.xsd'),
  // Our driver: declares the bare <xml> root of a VML part, then the ECMA-376 VML schemas judge its content.
  vml: join(LOCAL, 'vml-drawing.xsd'),
};
export type SchemaName = keyof typeof SCHEMAS;

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Attributes the schemas do not declare but Office's implementer notes on ISO/IEC 29500 (MS-OI29500) say Excel
 * writes and reads, removed before validation and counted in each result (`allowed`). Only these: anything else
 * the schemas do not declare fails.
 */
export const OFFICE_ALLOWANCES: Allowance[] = [
  // MS-OI29500 §2.1.678 (Part 1 §18.4.12, t): "The standard makes no mention of an xml:space attribute. Excel uses
  // this attribute to specify, using the W3C space preservation rules, how white space should be handled for the
  // element's contents." Excel writes <t xml:space="preserve"> for a text with leading or trailing spaces or a
  // line break, and exceljs and the checked copy's writer do the same; sml.xsd types <t> as a bare string.
  { element: [SML, 't'], attribute: [XML_NS, 'space'], values: ['preserve', 'default'] },
];

interface Judge {
  schema: SchemaName;
  /** The root element the part must have: namespace URI and local name. */
  root: [string, string];
}

const sml = (root: string): Judge => ({ schema: 'sml', root: [SML, root] });
const OD = 'application/vnd.openxmlformats-officedocument';

/** Content type → the schema and root element that judge a part of that type. */
export const BY_CONTENT_TYPE: Record<string, Judge> = {
  [`${OD}.spreadsheetml.sheet.main+xml`]: sml('workbook'),
  [`${OD}.spreadsheetml.template.main+xml`]: sml('workbook'),
  [`${OD}.spreadsheetml.worksheet+xml`]: sml('worksheet'),
  [`${OD}.spreadsheetml.chartsheet+xml`]: sml('chartsheet'),
  [`${OD}.spreadsheetml.styles+xml`]: sml('styleSheet'),
  [`${OD}.spreadsheetml.sharedStrings+xml`]: sml('sst'),
  [`${OD}.spreadsheetml.comments+xml`]: sml('comments'),
  [`${OD}.spreadsheetml.table+xml`]: sml('table'),
  [`${OD}.spreadsheetml.calcChain+xml`]: sml('calcChain'),
  [`${OD}.drawing+xml`]: {
    schema: 'drawing',
    root: ['http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing', 'wsDr'],
  },
  [`${OD}.theme+xml`]: {
    schema: 'dml',
    root: ['http://schemas.openxmlformats.org/drawingml/2006/main', 'theme'],
  },
  'application/vnd.openxmlformats-package.relationships+xml': {
    schema: 'relationships',
    root: ['http://schemas.openxmlformats.org/package/2006/relationships', 'Relationships'],
  },
  'application/vnd.openxmlformats-package.core-properties+xml': {
    schema: 'coreProperties',
    root: ['http://schemas.openxmlformats.org/package/2006/metadata/core-properties', 'coreProperties'],
  },
  [`${OD}.extended-properties+xml`]: {
    schema: 'extendedProperties',
    root: ['http://schemas.openxmlformats.org/officeDocument/2006/extended-properties', 'Properties'],
  },
  [`${OD}.custom-properties+xml`]: {
    schema: 'customProperties',
    root: ['http://schemas.openxmlformats.org/officeDocument/2006/custom-properties', 'Properties'],
  },
  // The legacy drawing of the notes' boxes, a part with no root namespace: see local/vml-drawing.xsd.
  [`${OD}.vmlDrawing`]: { schema: 'vml', root: ['', 'xml'] },
};

/**
 * Content types deliberately not validated, and why. Anything else that is not in BY_CONTENT_TYPE is unknown.
 */
export const SKIPPED: Record<string, string> = {
  // Binary parts: no XML to validate.
  [`${OD}.spreadsheetml.printerSettings`]: 'printer settings: a binary DEVMODE structure, not XML',
  'image/png': 'an image, not XML',
  'image/jpeg': 'an image, not XML',
  'image/gif': 'an image, not XML',
  'image/x-emf': 'an image, not XML',
  'image/x-wmf': 'an image, not XML',
};

/** The namespaces the schemas above define: a consumer of those schemas understands exactly these. */
export function understoodNamespaces(): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.xsd')) {
        const m = /targetNamespace="([^"]+)"/.exec(readFileSync(join(dir, e.name), 'utf8'));
        if (m) out.add(m[1]);
      }
    }
  };
  walk(ECMA);
  walk(LOCAL);
  return out;
}

export type Status = 'valid' | 'invalid' | 'skipped' | 'unknown';

export interface PartResult {
  /** Which written package: a label of the test's choosing. */
  output: string;
  /** The zip entry's name, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  contentType?: string;
  schema?: SchemaName;
  /** Whether the project wrote the part (else it is the user's, copied through untouched). */
  ours: boolean;
  status: Status;
  /** How many attributes OFFICE_ALLOWANCES removed before validation. */
  allowed: number;
  /** xmllint's messages (each with the element's start tag when it names a line), or why it was not judged. */
  messages: string[];
}

export interface Package {
  output: string;
  bytes: Uint8Array;
  /** Which parts the project wrote; all of them when omitted. */
  ours?: (part: string, bytes: Uint8Array) => boolean;
}

const partKey = (name: string) => name.replace(/^\/+/, '').toLowerCase();

/** Part name → content type, from the package's [Content_Types].xml (Override first, then Default by extension). */
function contentTypes(xml: string): (part: string) => string | undefined {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (tag.uri !== CT_NS) return;
    const a = (n: string) => tag.attributes[n]?.value;
    if (tag.local === 'Default' && a('Extension') && a('ContentType'))
      defaults.set(a('Extension')!.toLowerCase(), a('ContentType')!);
    if (tag.local === 'Override' && a('PartName') && a('ContentType'))
      overrides.set(partKey(a('PartName')!), a('ContentType')!);
  });
  parser.write(xml).close();
  return (part) => {
    const ext = /\.([^./]+)$/.exec(part)?.[1]?.toLowerCase();
    return overrides.get(partKey(part)) ?? (ext === undefined ? undefined : defaults.get(ext));
  };
}

/**
 * The start tag of the element xmllint reports at `line` (1-based). libxml2 gives an element the line on which
 * its start tag ends; mce.ts ends every tag with a line break before its `>`, so the tag itself is the last one
 * begun on the line before.
 */
function tagAt(text: string, line: number): string {
  const l = text.split('\n')[line - 2] ?? '';
  const at = l.lastIndexOf('<');
  const tag = at < 0 ? l : l.slice(at);
  return tag.length > 200 ? `${tag.slice(0, 200)}…` : `${tag}>`;
}

/**
 * Every part of every package, judged: the XML parts written (markup compatibility applied) under `workDir`,
 * then xmllint run once per schema over all the parts that schema judges. Fails (throws) only when xmllint
 * cannot run or a schema does not compile; a part that does not validate is a result, not an exception.
 */
export function validatePackages(packages: Package[], workDir: string): PartResult[] {
  const understood = understoodNamespaces();
  const results: PartResult[] = [];
  const queued = new Map<SchemaName, { file: string; result: PartResult; text: string }[]>();
  packages.forEach((pkg, index) => {
    const entries = unzipSync(pkg.bytes);
    const typesXml = entries['[Content_Types].xml'];
    const typeOf = typesXml ? contentTypes(strFromU8(typesXml)) : () => undefined;
    for (const [name, bytes] of Object.entries(entries)) {
      // Folder entries are not parts.
      if (name.endsWith('/')) continue;
      const result: PartResult = {
        output: pkg.output,
        part: name,
        ours: pkg.ours ? pkg.ours(name, bytes) : true,
        status: 'unknown',
        allowed: 0,
        messages: [],
      };
      results.push(result);
      let judge: Judge | undefined;
      if (name === '[Content_Types].xml') {
        judge = { schema: 'contentTypes', root: [CT_NS, 'Types'] };
      } else {
        result.contentType = typeOf(name);
        if (result.contentType === undefined) {
          result.messages.push('no content type in [Content_Types].xml');
          continue;
        }
        const reason = SKIPPED[result.contentType];
        if (reason !== undefined) {
          result.status = 'skipped';
          result.messages.push(reason);
          continue;
        }
        judge = BY_CONTENT_TYPE[result.contentType];
        if (!judge) {
          result.messages.push(
            `content type ${result.contentType}: no schema mapped and not in the skip list`,
          );
          continue;
        }
      }
      result.schema = judge.schema;
      let prepared;
      try {
        prepared = applyMarkupCompatibility(strFromU8(bytes), understood, OFFICE_ALLOWANCES);
      } catch (e) {
        if (!(e instanceof McError)) throw e;
        result.status = 'invalid';
        result.messages.push(`markup compatibility: ${e.message}`);
        continue;
      }
      result.allowed = prepared.allowed;
      const [uri, local] = judge.root;
      if (prepared.root.uri !== uri || prepared.root.local !== local) {
        result.status = 'invalid';
        result.messages.push(
          `root element {${prepared.root.uri}}${prepared.root.local}, expected {${uri}}${local} for ${result.contentType ?? name}`,
        );
        continue;
      }
      const file = join(`${index}`, name);
      mkdirSync(dirname(join(workDir, file)), { recursive: true });
      writeFileSync(join(workDir, file), prepared.xml);
      const list = queued.get(judge.schema) ?? [];
      list.push({ file, result, text: prepared.xml });
      queued.set(judge.schema, list);
    }
  });
  for (const [schema, list] of queued) {
    const run = spawnSync(
      'xmllint',
      ['--noout', '--nonet', '--schema', SCHEMAS[schema], ...list.map((q) => q.file)],
      {
        cwd: workDir,
        encoding: 'utf8',
        env: { ...process.env, XML_CATALOG_FILES: CATALOG },
        maxBuffer: 64 << 20,
      },
    );
    if (run.error) throw run.error;
    const lines = run.stderr.split('\n');
    if (/failed to compile|Schemas parser error/.test(run.stderr))
      throw new Error(`xmllint: ${SCHEMAS[schema]} does not compile:\n${run.stderr}`);
    const byFile = new Map(list.map((q) => [q.file, q]));
    let last: (typeof list)[number] | undefined;
    for (const line of lines) {
      if (!line) continue;
      const verdict = /^(.*) (validates|fails to validate)$/.exec(line);
      if (verdict && byFile.has(verdict[1])) {
        byFile.get(verdict[1])!.result.status = verdict[2] === 'validates' ? 'valid' : 'invalid';
        continue;
      }
      const at = /^(.*?):(\d+): (.*)$/.exec(line);
      const q = at ? byFile.get(at[1]) : undefined;
      if (at && q) {
        q.result.messages.push(`line ${at[2]}: ${at[3]}\n    at ${tagAt(q.text, Number(at[2]))}`);
        last = q;
      } else if (last) {
        // A continuation (a parser error's context lines).
        last.result.messages.push(line);
      } else {
        throw new Error(`xmllint (${schema}): unexpected output: ${line}`);
      }
    }
    for (const q of list) {
      if (q.result.status === 'unknown') {
        q.result.status = 'invalid';
        q.result.messages.push(`xmllint gave no verdict (exit ${run.status})`);
      }
    }
  }
  return results;
}
