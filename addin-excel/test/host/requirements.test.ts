import { HIGHLIGHT_MARKER, REQUIREMENTS, minimumVersion } from '../../src/host/excelHost';

describe('requirement sets', () => {
  it('names the lowest ExcelApi version each operation works with', () => {
    expect(minimumVersion('readSheet')).toBe('1.7');
    expect(minimumVersion('applyHighlights')).toBe('1.9');
    expect(minimumVersion('clearHighlights')).toBe('1.6');
    expect(minimumVersion('insertTemplate')).toBe('1.9');
    expect(minimumVersion('selectCell')).toBe('1.1');
  });

  it('lists merges (ExcelApi 1.13) as the one set whose absence only degrades a read', () => {
    expect(REQUIREMENTS.filter((r) => r.without === 'degrades').map((r) => r.version)).toEqual(['1.13']);
  });

  it('marks highlights with a formula that is always true and no user writes', () => {
    expect(HIGHLIGHT_MARKER).toBe('=ISTEXT("cchc-highlight")');
  });
});
