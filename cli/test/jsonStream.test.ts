import fc from 'fast-check';
import { checkWorkbook } from '../../shared/src/index';
import { KPIS, TASKS } from '../../shared/ui/test/sampleGrids';
import { JsonItemsWriter, jsonChunks, writeJson, writeJsonItems } from '../src/jsonStream';

const streamed = (v: unknown) => {
  const parts: string[] = [];
  writeJson(v, (s) => void parts.push(s));
  return { text: parts.join(''), parts };
};

describe('JSON written in pieces', () => {
  it('is exactly JSON.stringify(value, null, 2) for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(streamed(v).text).toBe(JSON.stringify(v, null, 2) + '\n');
      }),
      { numRuns: 500 },
    );
  });

  it('is exactly it for long arrays deep in objects, with undefined members and holes', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ row: i, text: `a\u001b"${i}`, gone: undefined }));
    const value = {
      file: 'x',
      sheets: [{ tasks: rows, kpis: [], note: undefined }],
      list: [1, undefined, 3],
    };
    expect(streamed(value).text).toBe(JSON.stringify(value, null, 2) + '\n');
  });

  it('is exactly it for a real report, and comes in chunks when large', () => {
    const report = checkWorkbook([TASKS, KPIS], { asOf: '2025-08-01' });
    expect(streamed(report).text).toBe(JSON.stringify(report, null, 2) + '\n');
    const many = Array.from({ length: 2000 }, () => report);
    const { text, parts } = streamed(many);
    expect(parts.length).toBeGreaterThan(10);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(200_000);
    expect(text).toBe(JSON.stringify(many, null, 2) + '\n');
  });
});

describe('a batch whose one report cannot be written as JSON (issue 18)', () => {
  const report = checkWorkbook([TASKS, KPIS], { asOf: '2025-10-15' });
  // What V8 throws when a piece would be more text than one string holds.
  const tooLarge = {
    toJSON() {
      throw new RangeError('Invalid string length');
    },
  };

  it('leaves that one out, says which, and the rest is one valid document equal to JSON.stringify', () => {
    let text = '';
    const told: number[] = [];
    writeJsonItems(
      [report, tooLarge, report],
      (s) => (text += s),
      (i) => told.push(i),
    );
    expect(told).toEqual([1]);
    expect(text).toBe(JSON.stringify([report, report], null, 2) + '\n');
  });

  it('a single report: null, and the line', () => {
    let text = '';
    const told: number[] = [];
    writeJsonItems(
      [tooLarge],
      (s) => (text += s),
      (i) => told.push(i),
      true,
    );
    expect([text, told]).toEqual(['null\n', [0]]);
    text = '';
    writeJsonItems(
      [report],
      (s) => (text += s),
      () => {},
      true,
    );
    expect(text).toBe(JSON.stringify(report, null, 2) + '\n');
  });

  it('every item left out: an empty array; any other error is no reason to leave a report out', () => {
    let text = '';
    writeJsonItems(
      [tooLarge],
      (s) => (text += s),
      () => {},
    );
    expect(text).toBe('[]\n');
    const broken = {
      toJSON() {
        throw new TypeError('a bug');
      },
    };
    expect(() =>
      writeJsonItems(
        [broken],
        () => {},
        () => {},
      ),
    ).toThrow(TypeError);
  });
});

describe('items written as their pieces come (a worker sends a large report in chunks, issue 22)', () => {
  const report = checkWorkbook([TASKS, KPIS], { asOf: '2025-10-15' });

  // An item large enough to come in many pieces, as a 200,000-row report does.
  const large = Array.from({ length: 300 }, () => report);

  it.each([
    [[report, large, report], false],
    [[large], true],
    [[], false],
    [[], true],
  ] as const)('gives the bytes of writeJsonItems: %#', (items, single) => {
    let whole = '';
    writeJsonItems(
      items,
      (s) => (whole += s),
      () => {},
      single,
    );
    let pieced = '';
    const out = new JsonItemsWriter((s) => (pieced += s), single);
    let chunks = 0;
    for (const item of items) {
      // Small chunks: the boundaries fall inside the report, as a worker's 1 MB ones do in a large one.
      for (const c of jsonChunks(item, out.depth, 500)) {
        out.piece(c);
        chunks++;
      }
      out.end();
    }
    out.finish();
    expect(pieced).toBe(whole);
    if (items.length > 0) expect(chunks).toBeGreaterThan(20);
  });
});
