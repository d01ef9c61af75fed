/**
 * The reader's own XML scanner against saxes, the strict SAX parser exceljs uses: on every XML part of the real
 * fixtures (and of the same files as LibreOffice saved them, when the tests made those), the same events with the
 * same names, attributes and text; and on malformed input, a refusal where saxes refuses.
 */
import { readFileSync } from 'node:fs';
import { FIXTURE_WORKBOOKS } from '../support/fixtureWorkbooks';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { parseXml } from '../../src/xlsx/xml';
import { XlsxError } from '../../src/xlsx/errors';

type Event = [string, string, Record<string, string>?];

function ours(xml: string): Event[] {
  const out: Event[] = [];
  parseXml(xml, 'part', {
    open: (t) => out.push(['open', t.name, { ...t.attributes }]),
    close: (t) => out.push(['close', t.name]),
    text: (t) => out.push(['text', t]),
  });
  return merged(out);
}

function theirs(xml: string): Event[] {
  const out: Event[] = [];
  const p = new SaxesParser({ xmlns: false, position: false });
  p.on('opentag', (t) => out.push(['open', t.name, { ...(t.attributes as Record<string, string>) }]));
  p.on('closetag', (t) => out.push(['close', t.name]));
  p.on('text', (t) => out.push(['text', t]));
  p.on('cdata', (t) => out.push(['text', t]));
  p.write(xml).close();
  return merged(out);
}

/**
 * Adjacent text events as one (parsers may split a run of text differently), and no whitespace outside the root
 * element (saxes reports the line break after the XML declaration; no reader looks at it).
 */
function merged(events: Event[]): Event[] {
  const out: Event[] = [];
  let depth = 0;
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === 'open') depth++;
    if (e[0] === 'close') depth--;
    if (e[0] === 'text' && depth === 0 && e[1].trim() === '') continue;
    if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
    else out.push(e);
  }
  return out;
}

describe('the XML scanner of the .xlsx reader', () => {
  it.each(FIXTURE_WORKBOOKS)('fires the events saxes fires on %s', (_name, path) => {
    const parts = unzipSync(new Uint8Array(readFileSync(path)));
    let checked = 0;
    for (const [name, bytes] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const xml = strFromU8(bytes);
      expect({ name, events: ours(xml) }).toEqual({ name, events: theirs(xml) });
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('reads what machine-written XML may hold: prefixes, entities, CDATA, comments, CR LF, single quotes', () => {
    const xml =
      "<?xml version='1.0'?>\r\n<!-- made by hand -->\r\n<x:sst xmlns:x='urn:x'>\r\n" +
      '<x:si><x:t xml:space="preserve">a &amp; b &lt;c&gt; &#x1EA0;&#7840; &quot;q&apos;\r\nline</x:t></x:si>' +
      "<x:si><x:t><![CDATA[<raw> & text]]></x:t></x:si><x:si a = 'x\ty' /></x:sst>";
    expect(ours(xml)).toEqual(theirs(xml));
    expect(ours(xml)).toContainEqual(['text', 'a & b <c> ẠẠ "q\'\nline']);
  });

  it.each([
    ['<a><b></a></b>', 'tags that do not nest'],
    ['<a><b>', 'an element never closed'],
    ['<a x=1/>', 'an unquoted attribute'],
    ['<a x="1/>', 'an unclosed attribute'],
    ['<a>&nbsp;</a>', 'an unknown entity'],
    ['<a>fish & chips</a>', 'a bare ampersand'],
    ['<a>&#0;</a>', 'a character reference to NUL'],
    ['<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>', 'a DOCTYPE declaring entities'],
    ['<a/><b/>', 'two roots'],
    ['text<a/>', 'text outside the root'],
    ['', 'no element at all'],
    ['<a x="<"/>', 'a "<" in an attribute'],
  ])('refuses %j (%s), as saxes does, with an "unreadable" error', (xml) => {
    expect(() => theirs(xml)).toThrow();
    let error: unknown;
    try {
      ours(xml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XlsxError);
    expect((error as XlsxError).code).toBe('unreadable');
  });
});
