/**
 * Hand-built .xlsx packages for the reader's tests: the few parts a workbook needs, written as the programs that
 * make ward files write them, so that one test can change one thing (a prefix, a missing part, a 1904 workbook).
 */
import { strToU8, zipSync } from 'fflate';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The inside of <sheetData> (see `worksheet`). */
  rows?: string;
  /** The whole part instead. */
  xml?: string;
  /** Relationship type's last segment; "worksheet" unless given. */
  kind?: string;
  state?: 'hidden' | 'veryHidden';
}

export interface PackageSpec {
  sheets: SheetSpec[];
  /** The <si> items of the shared strings, or the whole part when it starts with "<?xml" or "<sst". */
  sharedStrings?: string[] | string;
  /** The whole styles part. */
  styles?: string;
  /** Attributes of <workbookPr>, e.g. 'date1904="1"'. */
  workbookPr?: string;
  /** Parts to leave out of the zip although the relationships name them. */
  omit?: string[];
  /** Parts to add or replace, path → text or bytes. */
  parts?: Record<string, string | Uint8Array>;
}

/** A worksheet part around rows (the inside of <sheetData>) and what follows it (<mergeCells> …). */
export function worksheet(rows: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1"/><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** A styles part whose cellXfs have these numFmtIds (style index = position), with custom formats. */
export function stylesWith(xfNumFmtIds: number[], custom: Record<number, string> = {}): string {
  const numFmts = Object.entries(custom)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
    (numFmts ? `<numFmts count="${Object.keys(custom).length}">${numFmts}</numFmts>` : '') +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
    `<borders count="1"><border/></borders>` +
    // cellStyleXfs hold <xf>s too: they must not shift the cell styles' numbering.
    `<cellStyleXfs count="2"><xf numFmtId="10"/><xf numFmtId="10"/></cellStyleXfs>` +
    `<cellXfs count="${xfNumFmtIds.length}">${xfNumFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" xfId="0"/>`).join('')}</cellXfs>` +
    // Differential formats (conditional formatting) hold <numFmt>s too: they are not the file's formats.
    `<dxfs count="1"><dxf><numFmt numFmtId="${Object.keys(custom)[0] ?? 164}" formatCode="0.000"/></dxf></dxfs>` +
    `</styleSheet>`
  );
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function buildPackage(spec: PackageSpec): Uint8Array {
  const files: Record<string, string | Uint8Array> = {};
  const rels: string[] = [];
  const sheets: string[] = [];
  spec.sheets.forEach((s, i) => {
    const kind = s.kind ?? 'worksheet';
    const folder = kind === 'worksheet' ? 'worksheets' : `${kind}s`;
    const path = `${folder}/sheet${i + 1}.xml`;
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${kind}" Target="${path}"/>`);
    sheets.push(
      `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
    );
    files[`xl/${path}`] = s.xml ?? worksheet(s.rows ?? '');
  });
  if (spec.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    files['xl/sharedStrings.xml'] =
      typeof spec.sharedStrings === 'string'
        ? spec.sharedStrings
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${spec.sharedStrings.length}" uniqueCount="${spec.sharedStrings.length}">${spec.sharedStrings.map((si) => `<si>${si}</si>`).join('')}</sst>`;
  }
  if (spec.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
    files['xl/styles.xml'] = spec.styles;
  }
  files['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  files['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  files['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.workbookPr === undefined ? '' : `<workbookPr ${spec.workbookPr}/>`}<sheets>${sheets.join('')}</sheets></workbook>`;
  files['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`;
  Object.assign(files, spec.parts ?? {});
  for (const p of spec.omit ?? []) delete files[p];
  return zip(files);
}

export function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, data] of Object.entries(files))
    entries[path] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(entries);
}

/**
 * The package with one entry's uncompressed size, as the zip's central directory declares it, set to `size`: a
 * zip bomb's claim, without making the test inflate one.
 */
export function declareSize(bytes: Uint8Array, entry: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue; // central directory file header
    const nameLength = view.getUint16(i + 28, true);
    const name = new TextDecoder().decode(out.subarray(i + 46, i + 46 + nameLength));
    if (name === entry) {
      view.setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${entry}`);
}
