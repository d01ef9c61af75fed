import fc from 'fast-check';
import { parseTargets } from '../../src/targets/parseTarget';
import { parseActual } from '../../src/targets/parseActual';
import { parseVietnameseNumber } from '../../src/targets/number';
import type { CellValue } from '../../src/table/grid';

// Strings built from the pieces real cells are made of, so the parsers' deeper branches are reached.
const piece = fc.constantFrom(
  'Tối thiểu',
  'tối đa',
  'Trên',
  'Dưới',
  'từ',
  'trở lên',
  'không có',
  'đạt',
  '%',
  ' ',
  ',',
  ';',
  '.',
  '/',
  ':',
  '-',
  '–',
  '\n',
  '≥',
  '≤',
  '>=',
  'phút',
  'hoạt động',
  'năm',
  'và',
  '1',
  '02',
  '2024',
  '99,9',
  '1.000',
  '1.5',
  '0',
  '15',
  'trên',
  'hồ sơ',
  '(',
  ')',
  'o\u0301',
  '\u0300',
  '\uD800',
  'Ủy',
  'hoá',
);
const cellish = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 30 })
  .map((a) => a.join(''));
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  cellish,
);
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  anyString,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
);
const anyFormat = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constantFrom('0%', '0.0%', 'General', '#,##0', 'dd/mm/yyyy', '@', '0.00'),
  fc.string(),
);

describe('parsers never throw', () => {
  it('parseTargets', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const r = parseTargets(s);
        expect(Array.isArray(r.targets)).toBe(true);
        for (const t of r.targets) expect(Number.isFinite(t.value)).toBe(true);
        if (r.qualitative) expect(r.targets).toHaveLength(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseActual', () => {
    fc.assert(
      fc.property(anyCell, anyFormat, (v, f) => {
        const r = parseActual(v, f);
        expect(['blank', 'values', 'invalid', 'zero-denominator']).toContain(r.kind);
        if (r.kind !== 'values') return;
        for (const x of r.values) {
          expect(Number.isFinite(x.value)).toBe(true);
          // A fraction's value is its ratio, in %, and never divides by zero.
          if (x.fraction) {
            expect(x.fraction.denominator).not.toBe(0);
            expect(x.unit).toBe('%');
            expect(x.value).toBeCloseTo((100 * x.fraction.numerator) / x.fraction.denominator, 8);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parseActual on fraction-like cells', () => {
    const num = fc.oneof(
      fc.nat({ max: 2100 }).map(String),
      fc.constantFrom('0', '02', '1.000', '12,5', '99,9'),
    );
    const fraction = fc
      .tuple(
        fc.constantFrom('', 'đạt ', 'Đạt ', 'được ', '- '),
        num,
        fc.constantFrom('/', ' / ', ' trên ', '\u00a0/\u00a0'),
        num,
        fc.constantFrom('', ' hồ sơ', ' TTHC', ' hoạt động', '/2025', ' (80%)', ', đạt 90%', ' ngày 30/6'),
        fc.constantFrom('', '; ', '\n- ', ' '),
      )
      .map((parts) => parts.join(''));
    const cell = fc.array(fraction, { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
    let fractions = 0;
    fc.assert(
      fc.property(cell, (v) => {
        const r = parseActual(v);
        expect(['blank', 'values', 'invalid', 'zero-denominator']).toContain(r.kind);
        if (r.kind !== 'values') return;
        for (const x of r.values) {
          expect(Number.isFinite(x.value)).toBe(true);
          if (!x.fraction) continue;
          fractions++;
          expect(x.fraction.denominator).not.toBe(0);
          expect(x.unit).toBe('%');
          expect(x.value).toBeCloseTo((100 * x.fraction.numerator) / x.fraction.denominator, 8);
        }
      }),
      { numRuns: 2000 },
    );
    // The cells must reach the fraction reader, or the property says nothing.
    expect(fractions).toBeGreaterThan(500);
  });

  it('parseVietnameseNumber', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const n = parseVietnameseNumber(s);
        expect(n === null || Number.isFinite(n)).toBe(true);
      }),
    );
  });
});
