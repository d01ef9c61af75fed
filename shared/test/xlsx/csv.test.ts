import fc from 'fast-check';
import { csvSheet, parseCsv } from '../../src/xlsx/csv';

/** The reading parseCsv replaced, one character at a time: the oracle for what any text splits into. */
function byCharacter(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('parseCsv', () => {
  it('splits any text as the character-by-character reading does, stray quotes and CR LF included', () => {
    const piece = fc.constantFrom('a', 'Đã', ' ', ',', ';', '"', '""', '\n', '\r', '\r\n', 'Quý III');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom(',', ';', '\t'), (parts, d) => {
        const text = parts.join('');
        expect(parseCsv(text, d)).toEqual(byCharacter(text, d));
      }),
      { numRuns: 4000 },
    );
  });

  it('gives back the fields a spreadsheet wrote, quoted where they must be', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ơ', ',', '"', '\n', ' '), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
          const text = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
          expect(parseCsv(text, ',')).toEqual(rows);
        },
      ),
    );
  });

  it('reads a 100k-row file as flat cells, blanks as null', () => {
    const line = 'STT,Nhiệm vụ,Tiến độ\r\n' + '1,"Triển khai ""một cửa""",\r\n'.repeat(100_000);
    const grid = csvSheet(new TextEncoder().encode(line), 'nhiem-vu')!;
    expect(grid.values).toHaveLength(100_001);
    expect(grid.values[100_000]).toEqual(['1', 'Triển khai "một cửa"', null]);
  });
});
