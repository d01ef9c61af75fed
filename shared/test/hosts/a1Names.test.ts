import fc from 'fast-check';
import { absoluteRange, freeDefinedName, quoteSheetName, splitAreaAddress } from '../../src/hosts/a1Names';

describe('splitAreaAddress', () => {
  it('drops sheet prefixes, quoted or not', () => {
    expect(splitAreaAddress('Sheet1!A1:B2,Sheet1!C3')).toEqual(['A1:B2', 'C3']);
    expect(splitAreaAddress("'Phụ lục 1'!A1:H1, 'Phụ lục 1'!B9:H9")).toEqual(['A1:H1', 'B9:H9']);
    expect(splitAreaAddress('A1:B2')).toEqual(['A1:B2']);
    expect(splitAreaAddress('')).toEqual([]);
  });

  it('does not split on commas, "!" or doubled quotes inside a sheet name', () => {
    expect(splitAreaAddress("'Phụ lục 1, 2'!A1:B2,'Phụ lục 1, 2'!$C$3")).toEqual(['A1:B2', '$C$3']);
    expect(splitAreaAddress("'It''s!, here'!D4:E5")).toEqual(['D4:E5']);
  });

  it('round-trips any sheet name through quoteSheetName', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 31 }), (name) => {
        const q = quoteSheetName(name);
        expect(splitAreaAddress(`${q}!A1:B2,${q}!C3`)).toEqual(['A1:B2', 'C3']);
      }),
    );
  });
});

describe('absoluteRange', () => {
  it('anchors both ends', () => {
    expect(absoluteRange('B2:B41')).toBe('$B$2:$B$41');
    expect(absoluteRange('$C$3')).toBe('$C$3');
  });
});

describe('freeDefinedName', () => {
  it('keeps a free name and numbers a taken one, case-insensitively', () => {
    expect(freeDefinedName('DonVi', [])).toBe('DonVi');
    expect(freeDefinedName('DonVi', ['donvi'])).toBe('DonVi2');
    expect(freeDefinedName('DonVi', ['DonVi', 'DONVI2'])).toBe('DonVi3');
  });

  it('never returns something Excel reads as a cell reference', () => {
    expect(freeDefinedName('ABC', ['ABC'])).toBe('ABC_2');
    expect(freeDefinedName('R', [])).toBe('R_2'); // R alone is R1C1 for "this row"
    expect(freeDefinedName('XFE', ['XFE'])).toBe('XFE2'); // past the last column: not a cell
  });
});
