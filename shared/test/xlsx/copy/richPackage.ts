/**
 * A ward file carrying what an exceljs rewrite lost (issue 11, item 3): a chart, the user's own notes, custom
 * document properties, fit-to-page, a manual page break, a data bar with its x14 extension, a fill of the
 * user's on a cell we highlight, and a hidden value (with a control character) in a merged cell's non-anchor
 * cell. Built by hand from the sample appendix, so each addition is exactly what the test says; and the
 * helpers that take our additions back out of a copy, so that the rest can be compared byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const SAMPLE = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'cli',
  'test',
  'fixtures',
  'sample-appendix.xlsx',
);

const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const BAR_ID = '{C0FFEE00-0000-4000-8000-000000000001}';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function replaceOnce(text: string, find: string | RegExp, by: string): string {
  const out = text.replace(find, by);
  if (out === text) throw new Error(`fixture changed: ${String(find)} not found`);
  return out;
}

export function richWorkbook(): Uint8Array {
  const files = unzipSync(new Uint8Array(readFileSync(SAMPLE)));
  const text = (p: string) => strFromU8(files[p]);
  const put = (p: string, s: string) => (files[p] = strToU8(s));

  // Sheet 1 (tasks): a fill of the user's on E39 (highlighted: its deadline is blank), a hidden value in B51
  // under the merge A51:G51 (A51 is highlighted), a data bar with its x14 part, a page break, their notes.
  let styles = text('xl/styles.xml');
  const fills = Number(/<fills count="(\d+)"/.exec(styles)?.[1]);
  const xfs = Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1]);
  styles = replaceOnce(styles, /<fills count="\d+">/, `<fills count="${fills + 1}">`);
  styles = replaceOnce(
    styles,
    '</fills>',
    '<fill><patternFill patternType="solid"><fgColor rgb="FF00B050"/><bgColor indexed="64"/></patternFill></fill></fills>',
  );
  styles = replaceOnce(styles, /<cellXfs count="\d+">/, `<cellXfs count="${xfs + 1}">`);
  styles = replaceOnce(
    styles,
    '</cellXfs>',
    `<xf numFmtId="0" fontId="0" fillId="${fills}" borderId="0" xfId="0" applyFill="1"/></cellXfs>`,
  );
  put('xl/styles.xml', styles);

  let s1 = text('xl/worksheets/sheet1.xml');
  s1 = replaceOnce(s1, /<c r="E39" s="\d+"/, `<c r="E39" s="${xfs}"`);
  s1 = replaceOnce(
    s1,
    '<c r="B51" s="6"/>',
    '<c r="B51" s="6" t="inlineStr"><is><t>ẩn_x0007_ giá trị</t></is></c>',
  );
  s1 = replaceOnce(
    s1,
    '<dataValidations',
    `<conditionalFormatting sqref="D10:D18"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>${BAR_ID}</x14:id></ext></extLst></cfRule></conditionalFormatting>` +
      `<conditionalFormatting sqref="C10:C18"><cfRule type="containsBlanks" priority="2"><formula>LEN(TRIM(C10))=0</formula></cfRule></conditionalFormatting><dataValidations`,
  );
  s1 = replaceOnce(
    s1,
    /(<pageSetup [^>]*\/>)<\/worksheet>/,
    `$1<rowBreaks count="1" manualBreakCount="1"><brk id="22" max="16383" man="1"/></rowBreaks><legacyDrawing r:id="rIdVml"/>` +
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="${BAR_ID}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>D10:D18</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>`,
  );
  put('xl/worksheets/sheet1.xml', s1);
  put(
    'xl/worksheets/_rels/sheet1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rIdVml" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
      `<Relationship Id="rIdCom" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
  );
  put(
    'xl/comments1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Phường 5</author></authors><commentList>` +
      `<comment ref="A1" authorId="0"><text><r><rPr><b/><sz val="9"/><rFont val="Tahoma"/></rPr><t>Phường 5:</t></r><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve"> bản nộp quý III.</t></r></text></comment>` +
      `<comment ref="A51" authorId="0"><text><t>Ghi chú của phường: số liệu tạm.</t></text></comment></commentList></comments>`,
  );
  const shape = (id: number, row: number, col: number) =>
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${id - 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>1, 15, 0, 2, 3, 15, 4, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
  put(
    'xl/drawings/vmlDrawing1.vml',
    `<xml xmlns:v="urn:schemas-microsoft-com:vml"\n xmlns:o="urn:schemas-microsoft-com:office:office"\n xmlns:x="urn:schemas-microsoft-com:office:excel">\n <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n  path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>` +
      shape(1025, 0, 0) +
      shape(1026, 50, 0) +
      `</xml>\n`,
  );

  // Sheet 2 (KPIs): a chart of the targets on a drawing (no notes yet: ours get new parts there).
  let s2 = text('xl/worksheets/sheet2.xml');
  s2 = replaceOnce(s2, /(<pageSetup [^>]*\/>)<\/worksheet>/, `$1<drawing r:id="rIdDr"/></worksheet>`);
  put('xl/worksheets/sheet2.xml', s2);
  put(
    'xl/worksheets/_rels/sheet2.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdDr" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
  );
  put(
    'xl/drawings/drawing1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rIdCh"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  put(
    'xl/drawings/_rels/drawing1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdCh" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  put(
    'xl/charts/chart1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Chỉ tiêu'!$D$8:$D$12</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );

  // Custom document properties.
  put(
    'docProps/custom.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MaDonVi"><vt:lpwstr>P5-2025</vt:lpwstr></property></Properties>`,
  );
  put(
    '_rels/.rels',
    replaceOnce(
      text('_rels/.rels'),
      '</Relationships>',
      `<Relationship Id="rIdCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    ),
  );
  put(
    '[Content_Types].xml',
    replaceOnce(
      text('[Content_Types].xml'),
      '</Types>',
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    ),
  );
  return zipSync(files);
}

/** Uncompressed parts by name, as one byte per character (so that comparisons are of bytes). */
export function partsOf(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    out.set(name, Buffer.from(data).toString('latin1'));
  return out;
}

/** UTF-8 text of a part read by partsOf. */
export const utf8 = (binary: string): string => Buffer.from(binary, 'latin1').toString('utf8');
