/**
 * The readers' byte scanner (read/scanner.ts) against parseXml, the string scanner it replaced: on every XML part
 * of the fixtures and on generated XML, well-formed or not, the same events (names, attributes, text) or the same
 * error. And the lazily decoded shared strings against the eager reading they replaced.
 */
import { readFileSync } from 'node:fs';
import { FIXTURE_WORKBOOKS } from '../support/fixtureWorkbooks';
import fc from 'fast-check';
import { strToU8, unzipSync } from 'fflate';
import { decodeEscapes, localName, parseXml, partText } from '../../src/xlsx/xml';
import { CLOSE, END, OPEN, XmlScanner } from '../../src/xlsx/read/scanner';
import { parseSharedStrings } from '../../src/xlsx/sharedStrings';
import { parseSheet } from '../../src/xlsx/sheetXml';
import { parseStyles } from '../../src/xlsx/styles';

type Event = [string, string, Record<string, string>?];
type Outcome = { events: Event[] } | { error: string };

/** parseXml's events on the decoded part; `withText` as a reader that asks for text (sheet, shared strings). */
function before(bytes: Uint8Array, withText: boolean): Outcome {
  const events: Event[] = [];
  try {
    parseXml(partText(bytes), 'p', {
      open: (t) => events.push(['open', t.name, { ...t.attributes }]),
      close: (t) => events.push(['close', t.name]),
      ...(withText ? { text: (t: string) => events.push(['text', t]) } : {}),
    });
  } catch (e) {
    return { error: (e as Error).message };
  }
  return { events: merged(events) };
}

function after(bytes: Uint8Array, withText: boolean): Outcome {
  const events: Event[] = [];
  try {
    const x = new XmlScanner(bytes, 'p', withText);
    const dec = new TextDecoder('utf-8', { ignoreBOM: true });
    const name = (): string => dec.decode(x.bytes.subarray(x.nameStart, x.nameEnd));
    for (let t = x.next(); t !== END; t = x.next()) {
      if (t === OPEN) {
        // An object built as parseXml built it: a repeated key keeps its last value.
        const attributes: Record<string, string> = {};
        for (let a = 0; a < x.attrCount * 5; a += 5)
          attributes[dec.decode(x.bytes.subarray(x.attrs[a], x.attrs[a + 1]))] = x.value(a);
        events.push(['open', name(), attributes]);
      } else if (t === CLOSE) events.push(['close', name()]);
      else if (withText) events.push(['text', x.text()]);
    }
  } catch (e) {
    return { error: (e as Error).message };
  }
  return { events: merged(events) };
}

/** Adjacent text as one, and no empty text (an empty CDATA section is one event in parseXml, none here). */
function merged(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === 'text' && e[1] === '') continue;
    if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
    else out.push(e);
  }
  return out;
}

function parts(path: string): [string, Uint8Array][] {
  return Object.entries(unzipSync(new Uint8Array(readFileSync(path)))).filter(([n]) =>
    /\.(xml|rels)$/.test(n),
  );
}

/** The shared strings as parseSharedStrings read them before they were lazy: every item, decoded at once. */
function eagerStrings(bytes: Uint8Array): string[] {
  const out: string[] = [];
  let depth = 0;
  let item = '';
  let inItem = false;
  let phoneticDepth = 0;
  let textDepth = 0;
  let text = '';
  parseXml(partText(bytes), 'p', {
    open(tag) {
      depth++;
      const name = localName(tag.name);
      if (depth === 2) {
        if (name === 'si') {
          inItem = true;
          item = '';
        }
      } else if (inItem && phoneticDepth === 0) {
        if (name === 't') {
          textDepth = depth;
          text = '';
        } else if (name === 'rPh') phoneticDepth = depth;
      }
    },
    text(chunk) {
      if (textDepth !== 0) text += chunk;
    },
    close() {
      if (depth === textDepth) {
        item += decodeEscapes(text);
        textDepth = 0;
      } else if (depth === phoneticDepth) phoneticDepth = 0;
      else if (depth === 2 && inItem) {
        out.push(item);
        inItem = false;
      }
      depth--;
    },
  });
  return out;
}

function lazyAll(bytes: Uint8Array): string[] {
  const table = parseSharedStrings(bytes, 'p');
  return Array.from({ length: table.length }, (_, i) => table.get(i));
}

describe('the byte scanner', () => {
  it.each(FIXTURE_WORKBOOKS)('gives parseXml’s events on every part of %s', (_name, path) => {
    for (const [name, bytes] of parts(path))
      for (const withText of [true, false])
        expect({ name, withText, out: after(bytes, withText) }).toEqual({
          name,
          withText,
          out: before(bytes, withText),
        });
  });

  // Pieces that make XML and break it: names with prefixes, every entity form good and bad, markup, line ends,
  // white space JS trims but XML does not, byte-order marks, non-ASCII text.
  const PIECES = [
    '<a>',
    '</a>',
    '<x:c r="A1">',
    '</x:c>',
    '<b/>',
    '<b',
    '</b >',
    '</b\u00a0>',
    '/>',
    '>',
    '<',
    '</',
    ' ',
    '\t',
    '\r\n',
    '\r',
    '\n',
    '\u00a0',
    '\u3000',
    '\ufeff',
    ' k="v"',
    " k='v'",
    ' k="1" k="2"',
    ' r:id="rId1"',
    ' k=v',
    ' k="a<b"',
    ' k="a\tb\r\nc"',
    ' k\u00a0="v"',
    ' k="',
    '=',
    '"',
    "'",
    '&amp;',
    '&lt;&gt;&quot;&apos;',
    '&',
    '&nbsp;',
    '&#x41;',
    '&#X41;',
    '&#65;',
    '&#x;',
    '&#0;',
    '&#xD800;',
    '&#1114112;',
    '&#x10FFFF;',
    '&#13;',
    '<!-- c -->',
    '<!--',
    '-->',
    '<![CDATA[ <&> ]]>',
    '<![CDATA[',
    ']]>',
    '<?pi x?>',
    '<?',
    '<!DOCTYPE a>',
    'text',
    'Phường 5',
    '中',
    '_x000D_',
  ];
  const xml = fc
    .array(fc.constantFrom(...PIECES), { maxLength: 30 })
    .map((p) => (p.length > 0 && p[0].startsWith('<a') ? p : ['<a>', ...p, '</a>']).join(''));

  it('gives parseXml’s events, or its error, on generated XML', () => {
    fc.assert(
      fc.property(xml, fc.boolean(), fc.constantFrom('', '\ufeff', '\ufeff\ufeff'), (text, withText, bom) => {
        const bytes = strToU8(bom + text);
        expect(after(bytes, withText)).toEqual(before(bytes, withText));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses what parseXml refuses, with its message', () => {
    for (const text of ['<a><b></a></b>', '<a x=1/>', '<a>&nbsp;</a>', '<a>&#0;</a>', '<a/><b/>', '', '<a>'])
      expect(after(strToU8(text), true)).toEqual(before(strToU8(text), true));
    expect(after(strToU8('<a>&#0; &bad;</a>'), true)).toEqual({
      error: 'p: not well-formed XML (an unknown entity or a bare "&")',
    });
  });

  it('reads a UTF-16 part as parseXml did', () => {
    const text = '<a k="ư">Phường &amp; xã</a>';
    const le = new Uint8Array(2 + 2 * text.length);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(after(le, true)).toEqual(before(le, true));
  });
});

describe('lazily decoded shared strings', () => {
  it.each(FIXTURE_WORKBOOKS)('are the strings and the grids of eager decoding on %s', (_name, path) => {
    const all = new Map(parts(path));
    const shared = all.get('xl/sharedStrings.xml');
    if (!shared) return;
    const eager = eagerStrings(shared);
    expect(eager.length).toBeGreaterThan(0);
    expect(lazyAll(shared)).toEqual(eager);
    const styles = parseStyles(all.get('xl/styles.xml'), 'xl/styles.xml');
    for (const [name, bytes] of all) {
      if (!name.startsWith('xl/worksheets/')) continue;
      const ctx = { sheet: name, part: name, styles, date1904: false };
      const lazy = parseSheet(bytes, { ...ctx, sharedStrings: parseSharedStrings(shared, name) });
      const known = { length: eager.length, get: (i: number) => eager[i] };
      expect(lazy).toEqual(parseSheet(bytes, { ...ctx, sharedStrings: known }));
    }
  });

  const run = fc.oneof(
    fc.constantFrom('a', 'Phường', '_x000D_', '_x005F_x000D_', '&amp;', '\r\n', '&#13;', '\ufeff', ' '),
    fc.constantFrom('<![CDATA[x&y]]>', '<!--c-->', '<b>in</b>', '<t>inner</t>'),
  );
  const item = fc
    .array(
      fc.oneof(
        fc.array(run, { maxLength: 4 }).map((r) => `<t>${r.join('')}</t>`),
        fc.array(run, { maxLength: 3 }).map((r) => `<r><rPr/><t xml:space="preserve">${r.join('')}</t></r>`),
        fc.array(run, { maxLength: 2 }).map((r) => `<rPh><t>${r.join('')}</t></rPh>`),
        fc.constant('<phoneticPr/>'),
      ),
      { maxLength: 4 },
    )
    .map((x) => `<si>${x.join('')}</si>`);

  it('are the eager strings for generated items (rich text, phonetics, escapes, CDATA, nested <t>)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(item, fc.constant('<extLst/>')), { maxLength: 8 }), (items) => {
        const bytes = strToU8(`<?xml version="1.0"?><sst count="1">${items.join('')}</sst>`);
        expect(lazyAll(bytes)).toEqual(eagerStrings(bytes));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('merged ranges read without a regular expression', () => {
  // The reading they replaced, kept here to hold the new one to it.
  const RANGE_CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
  const letters = (l: string): number => [...l].reduce((n, c) => n * 26 + ((c.charCodeAt(0) | 0x20) - 96), 0);
  const columnName = (c: number): string =>
    c <= 0 ? '' : columnName(Math.floor((c - 1) / 26)) + String.fromCharCode(65 + ((c - 1) % 26));
  function oldRange(ref: string): string[] {
    const [from, to = from, extra] = ref.trim().split(':');
    if (extra !== undefined) return [];
    const a = RANGE_CELL.exec(from);
    const b = RANGE_CELL.exec(to);
    if (!a || !b) return [];
    const cols = [letters(a[1]), letters(b[1])];
    const rws = [Number(a[2]), Number(b[2])];
    if (cols.some((c) => c < 1 || c > 16_384) || rws.some((r) => r < 1 || r > 1_048_576)) return [];
    const [l, r] = [Math.min(...cols), Math.max(...cols)];
    return [`${columnName(l)}${Math.min(...rws)}:${columnName(r)}${Math.max(...rws)}`];
  }
  const end = fc
    .tuple(
      fc.constantFrom('', '$'),
      fc.constantFrom('A', 'b', 'XFD', 'xfe', 'ZZZ', 'AAAA', '', '1'),
      fc.constantFrom('', '$'),
      fc.constantFrom('1', '3', '0', '1048576', '1048577', '9999999', '12345678', '', 'x'),
    )
    .map((p) => p.join(''));
  const ref = fc
    .tuple(end, fc.constantFrom('', ':', '::'), end, fc.constantFrom('', ' ', ':A1'))
    .map(([a, c, b, tail]) => ` ${a}${c}${c ? b : ''}${tail}`);

  it('gives the merges the regular expression gave', () => {
    fc.assert(
      fc.property(ref, (r) => {
        const part = `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="${r}"/></mergeCells></worksheet>`;
        const content = parseSheet(strToU8(part), {
          sheet: 'S',
          part: 'p',
          styles: { formats: [], dates: [] },
          date1904: false,
          sharedStrings: null,
        });
        expect(content.merges).toEqual(oldRange(r));
      }),
      { numRuns: 2000 },
    );
  });
});
