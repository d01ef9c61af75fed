import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRINGS, isKey, t, type Key } from '../i18n';

/** The parameters a string takes: {name} and the count of {name, plural, …}. */
const placeholders = (s: string) =>
  [
    ...new Set(
      [...s.matchAll(/(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{(\w+)(?:\}|,\s*plural,)/g)].map(
        (m) => m[1],
      ),
    ),
  ].sort();
const html = readFileSync(join(__dirname, '../pane.html'), 'utf8');

describe('pane strings', () => {
  it('has every key in both languages, none blank, with the same placeholders', () => {
    const vi = Object.keys(STRINGS.vi).sort();
    expect(Object.keys(STRINGS.en).sort()).toEqual(vi);
    for (const key of vi as Key[]) {
      expect(STRINGS.vi[key].trim()).not.toBe('');
      expect(STRINGS.en[key].trim()).not.toBe('');
      expect(placeholders(STRINGS.en[key])).toEqual(placeholders(STRINGS.vi[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('vi', 'cleared', { n: 3 })).toBe('Đã xóa 3 đánh dấu.');
    expect(t('en', 'cleared', { n: 3 })).toBe('Removed 3 highlights.');
    expect(t('en', 'cleared', { n: 1 })).toBe('Removed 1 highlight.');
    expect(t('en', 'showMore')).toBe('Show {n} more');
  });

  it('knows every key the page refers to, and the page shows the Vietnamese text before the script runs', () => {
    const refs = [...html.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(30);
    for (const key of refs) expect(isKey(key)).toBe(true);
    for (const m of html.matchAll(/<(\w+)[^>]*\sdata-i18n="(\w+)"[^>]*>([^<]*)</g)) {
      expect([m[2], m[3].replace(/\s+/g, ' ').trim()]).toEqual([m[2], STRINGS.vi[m[2] as Key]]);
    }
  });

  it('ends with a footer whose version line the controller fills (empty in the markup, no key to replace it)', () => {
    const footer =
      /<\/main>\s*(?:<!--[\s\S]*?-->\s*)?<footer class="app-footer">\s*<p id="version" class="muted"><\/p>\s*<\/footer>\s*$/;
    expect(html).toMatch(footer);
    expect(STRINGS.vi.versionLine).toBe('Phiên bản {version}');
    expect(STRINGS.en.versionLine).toBe('Version {version}');
    expect(t('vi', 'versionLine', { version: '0.1.0' })).toBe('Phiên bản 0.1.0');
    expect(t('en', 'versionLine', { version: '0.1.0' })).toBe('Version 0.1.0');
  });
});
