/** Markup compatibility as the package tests apply it (mce.ts), on small parts whose outcome ECMA-376 Part 3 fixes. */
import { applyMarkupCompatibility, McError, type Allowance } from './mce';

const A = 'urn:test:a'; // understood
const B = 'urn:test:b'; // not understood
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const understood = new Set([A]);

/** The part once processed, without the XML declaration and the line breaks before each tag's `>`. */
function mce(xml: string, allowances: Allowance[] = []): string {
  return applyMarkupCompatibility(xml, understood, allowances)
    .xml.replace(/^<\?xml[^>]*>\n/, '')
    .replace(/\n(\/?>)/g, '$1');
}

const ns = `xmlns="${A}" xmlns:b="${B}" xmlns:mc="${MC}"`;

describe('markup compatibility (ECMA-376 Part 3)', () => {
  it('removes the elements and attributes of an ignorable namespace it does not understand, and mc:Ignorable', () => {
    expect(mce(`<r ${ns} mc:Ignorable="b" b:x="1" y="2"><b:e><c/></b:e><c b:z="3">t</c></r>`)).toBe(
      `<r xmlns="${A}" xmlns:b="${B}" xmlns:mc="${MC}" y="2"><c>t</c></r>`,
    );
  });

  it('mc:Ignorable holds for the element it is on and all inside it, not outside', () => {
    expect(mce(`<r ${ns}><c mc:Ignorable="b" b:x="1"><d b:y="2"/></c><c b:x="1"/></r>`)).toBe(
      `<r xmlns="${A}" xmlns:b="${B}" xmlns:mc="${MC}"><c><d/></c><c b:x="1"/></r>`,
    );
  });

  it('leaves what is neither understood nor ignorable for the schema to reject', () => {
    expect(mce(`<r ${ns}><b:e/></r>`)).toBe(`<r xmlns="${A}" xmlns:b="${B}" xmlns:mc="${MC}"><b:e/></r>`);
  });

  it('keeps an understood namespace even when it is declared ignorable', () => {
    expect(mce(`<r xmlns="${A}" xmlns:a="${A}" xmlns:mc="${MC}" mc:Ignorable="a"><a:c a:x="1"/></r>`)).toBe(
      `<r xmlns="${A}" xmlns:a="${A}" xmlns:mc="${MC}"><a:c a:x="1"/></r>`,
    );
  });

  it('mc:ProcessContent: an ignored element gives way to its content', () => {
    expect(
      mce(`<r ${ns} mc:Ignorable="b" mc:ProcessContent="b:wrap"><b:wrap><c/><b:other/></b:wrap></r>`),
    ).toBe(`<r xmlns="${A}" xmlns:b="${B}" xmlns:mc="${MC}"><c/></r>`);
  });

  it('mc:AlternateContent: the first Choice whose Requires it understands, else Fallback, else nothing', () => {
    const alt = (choices: string, fallback = '') =>
      mce(`<r ${ns} xmlns:a="${A}"><mc:AlternateContent>${choices}${fallback}</mc:AlternateContent></r>`);
    const open = `<r xmlns="${A}" xmlns:b="${B}" xmlns:mc="${MC}" xmlns:a="${A}">`;
    expect(
      alt(
        '<mc:Choice Requires="b"><one/></mc:Choice><mc:Choice Requires="a"><two/></mc:Choice>',
        '<mc:Fallback><three/></mc:Fallback>',
      ),
    ).toBe(`${open}<two/></r>`);
    expect(alt('<mc:Choice Requires="a b"><one/></mc:Choice>', '<mc:Fallback><three/></mc:Fallback>')).toBe(
      `${open}<three/></r>`,
    );
    // Nothing left: the element is written empty.
    expect(alt('<mc:Choice Requires="b"><one/></mc:Choice>')).toBe(`${open.slice(0, -1)}/>`);
  });

  it('content lifted out of a Choice keeps the namespaces declared on the Choice', () => {
    expect(
      mce(
        `<r ${ns}><mc:AlternateContent><mc:Choice xmlns:x="${A}" Requires="x"><x:c/></mc:Choice></mc:AlternateContent></r>`,
      ),
    ).toBe(`<r xmlns="${A}" xmlns:b="${B}" xmlns:mc="${MC}"><x:c xmlns:x="${A}"/></r>`);
  });

  it('refuses what Office refuses: mc:MustUnderstand of an unknown namespace, an undeclared prefix, a stray Choice', () => {
    expect(() => mce(`<r ${ns} mc:MustUnderstand="b"/>`)).toThrow(McError);
    expect(() => mce(`<r ${ns} mc:MustUnderstand="b"/>`)).toThrow(`must understand ${B}`);
    expect(() => mce(`<r ${ns} mc:Ignorable="zz"/>`)).toThrow('names the prefix "zz", which is not declared');
    expect(() => mce(`<r ${ns}><mc:Choice Requires="b"/></r>`)).toThrow('outside an mc:AlternateContent');
    expect(() => mce(`<!DOCTYPE r><r ${ns}/>`)).toThrow('document type declaration');
    expect(() => mce(`<r ${ns}><c></r>`)).toThrow('not well-formed XML');
  });

  it('writes the text and attribute values back as they were read', () => {
    const part = `<r ${ns} v="a&#10;b&#9;c &quot;&lt;&amp;"><c>x &amp; &lt;y&gt;&#13;\nz</c><![CDATA[<k>]]></r>`;
    expect(mce(part)).toBe(
      `<r xmlns="${A}" xmlns:b="${B}" xmlns:mc="${MC}" v="a&#10;b&#9;c &quot;&lt;&amp;"><c>x &amp; &lt;y&gt;&#13;\nz</c>&lt;k&gt;</r>`,
    );
  });

  it('an allowance removes the attribute it names, with one of its values, and counts it', () => {
    const allowances: Allowance[] = [
      {
        element: [A, 't'],
        attribute: ['http://www.w3.org/XML/1998/namespace', 'space'],
        values: ['preserve'],
      },
    ];
    const out = applyMarkupCompatibility(
      `<r xmlns="${A}"><t xml:space="preserve"> x </t><t xml:space="other"/><u xml:space="preserve"/></r>`,
      understood,
      allowances,
    );
    expect(out.allowed).toBe(1);
    expect(out.xml).toContain('<t\n> x </t');
    expect(out.xml).toContain('<t xml:space="other"');
    expect(out.xml).toContain('<u xml:space="preserve"');
  });

  it('puts each element on a line of its own, so that a validator’s line number names one element', () => {
    const { xml, root } = applyMarkupCompatibility(
      `<r xmlns="${A}"><c n="1"/><c n="2">t</c></r>`,
      understood,
    );
    expect(root).toEqual({ uri: A, local: 'r' });
    expect(xml.split('\n')).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<r xmlns="${A}"`,
      '><c n="1"',
      '/><c n="2"',
      '>t</c',
      '></r',
      '>',
    ]);
  });
});
