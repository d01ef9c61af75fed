import { buildTemplate, freeSheetName, type TemplateKind } from '../../src/templates/build';
import { templateWorkbookSchema } from '../../src/templates/schema';
import { cutMark, EXCEL_CELL_CHARS } from '../../src/text/cellLimit';

const base = { year: 2026, unit: 'Phường 5', doc: '36/KH-UBND ngày 12/02/2026' };

describe('template descriptions', () => {
  // Reviewed like code: a change to a template shows up as a change to its snapshot.
  it.each([
    ['tasks', 'vi'],
    ['tasks', 'en'],
    ['kpis', 'vi'],
    ['kpis', 'en'],
  ] as [TemplateKind, 'vi' | 'en'][])('%s in %s matches its snapshot', (kind, lang) => {
    const description = buildTemplate([kind], { ...base, lang });
    expect(templateWorkbookSchema.safeParse(description).success).toBe(true);
    expect(description).toMatchSnapshot();
  });

  it('always brings the unit list the dropdowns read from', () => {
    const d = buildTemplate(['tasks'], { ...base, lang: 'vi' });
    expect(d.sheets.map((s) => s.name)).toEqual(['Nhiệm vụ', 'Đơn vị']);
    expect(d.namedRanges).toEqual([{ name: 'DonVi', sheet: 'Đơn vị', range: 'B2:B41' }]);
    const units = d.sheets[1].cells
      .filter((c) => c.ref.startsWith('B') && c.ref !== 'B1' && c.value)
      .map((c) => c.value);
    expect(units).toContain('Công chức Văn phòng - Thống kê');
    expect(units).toContain('Công an phường');
    const xa = buildTemplate(['units'], { ...base, unit: 'Xã An Bình', lang: 'vi' });
    expect(xa.sheets[0].cells.map((c) => c.value)).toContain('Các cơ quan, đơn vị chuyên môn thuộc UBND xã');
  });

  it('puts the year, unit and issuing document in the heading', () => {
    const d = buildTemplate(['kpis'], { ...base, lang: 'vi' });
    const text = d.sheets[0].cells.map((c) => c.value).join('\n');
    expect(text).toContain('PHƯỜNG 5');
    expect(text).toContain('CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2026');
    expect(text).toContain('(Kèm theo Kế hoạch số 36/KH-UBND ngày 12/02/2026 của UBND Phường 5)');
    expect(text).toContain('Chỉ tiêu phấn đấu năm 2026');
  });

  it('fills example targets only when asked', () => {
    const blank = buildTemplate(['kpis'], { ...base, lang: 'vi' }).sheets[0];
    const filled = buildTemplate(['kpis'], { ...base, lang: 'vi', exampleTargets: true }).sheets[0];
    const targets = (s: typeof blank) =>
      s.cells.filter((c) => /^C\d+$/.test(c.ref) && Number(c.ref.slice(1)) > 8 && c.value !== undefined);
    expect(targets(blank)).toEqual([]);
    expect(targets(filled).length).toBeGreaterThanOrEqual(19);
    expect(targets(filled).map((c) => c.value)).toContain('Tối thiểu 80%');
  });

  it.each(['vi', 'en'] as const)(
    'cuts a unit typed too long for a cell, with the mark, for every host (%s)',
    (lang) => {
      const unit = `Phường ${'X'.repeat(100_000)}`;
      const d = buildTemplate(['tasks', 'kpis'], { ...base, unit, lang });
      const texts = d.sheets.flatMap((s) => s.cells.map((c) => c.value)).filter((v) => typeof v === 'string');
      expect(Math.max(...texts.map((v) => v.length))).toBe(EXCEL_CELL_CHARS);
      const cut = texts.filter((v) => v.endsWith(cutMark(lang)));
      expect(cut.length).toBeGreaterThanOrEqual(4);
      expect(cut.every((v) => v.includes('XXXX'))).toBe(true);
    },
  );
});

describe('freeSheetName', () => {
  it('never reuses a taken name', () => {
    expect(freeSheetName('Nhiệm vụ', ['Sheet1'])).toBe('Nhiệm vụ');
    expect(freeSheetName('Nhiệm vụ', ['nhiệm vụ', 'Nhiệm vụ (2)'])).toBe('Nhiệm vụ (3)');
    expect(freeSheetName('x'.repeat(31), ['x'.repeat(31)])).toHaveLength(31);
  });
});
