import fc from 'fast-check';
import { parseDeadline } from '../../src/deadlines/parseDeadline';
import { isDoneProgress } from '../../src/deadlines/progress';
import type { CellValue } from '../../src/table/grid';

const pieces = [
  'Tháng',
  'Quý',
  'năm',
  '2025',
  '31/02',
  '/',
  'số',
  'KH-UBND',
  'ngày',
  ';',
  '\n',
  'Theo',
  'Thường xuyên',
  'I',
  ', ',
  '6 tháng',
];
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join(' ')),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
);
const format = fc.option(fc.constantFrom('General', 'dd/mm/yyyy', 'm/d/yyyy', '0%', '@', ''), {
  nil: undefined,
});
const year = fc.oneof(fc.integer({ min: 1990, max: 2100 }), fc.integer(), fc.double());

describe('deadline parsing on arbitrary cells', () => {
  it('never throws and keeps its promises', () => {
    fc.assert(
      fc.property(cell, year, format, (v, y, f) => {
        const r = parseDeadline(v, y, f);
        expect(['date', 'recurring', 'external', 'unknown']).toContain(r.kind);
        expect(typeof r.text).toBe('string');
        if (r.kind === 'date') {
          expect(r.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(r.milestones[r.milestones.length - 1]).toBe(r.due);
        } else expect(r.due).toBeNull();
        expect([...r.milestones].sort()).toEqual(r.milestones);
        expect(typeof isDoneProgress(v, f)).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
