/**
 * Every word of the panes (the shared pane's, the web page's, and each host's own wording of pane keys) in
 * English, filled with the counts 0, 1 and 2: a count is followed by a noun in the form that count takes, never
 * "1 errors" nor "2 error". Vietnamese nouns have one form; the test checks its words fill without a leftover.
 */
import { STRINGS, type Key } from '../i18n';
import { HOST_WORDS, WEB_WORDS } from '../../src/words/webPage';
import { fill } from '../../src/text/fill';
import type { Lang } from '../../src/index';

/** The nouns the panes count, singular and plural. */
const NOUNS: [string, string][] = [
  ['error', 'errors'],
  ['warning', 'warnings'],
  ['task', 'tasks'],
  ['target', 'targets'],
  ['KPI', 'KPIs'],
  ['indicator', 'indicators'],
  ['sheet', 'sheets'],
  ['table', 'tables'],
  ['highlight', 'highlights'],
  ['finding', 'findings'],
  ['item', 'items'],
  ['file', 'files'],
  ['row', 'rows'],
];

function catalogue(lang: Lang): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(STRINGS[lang])) out.push([`pane.${k}`, v]);
  for (const [k, v] of Object.entries(HOST_WORDS[lang] ?? {}))
    out.push([`web.pane.${k as Key}`, v as string]);
  for (const [k, v] of Object.entries(WEB_WORDS[lang])) out.push([`web.${k}`, v]);
  return out;
}

function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:,\s*plural,|\})/g)].map((m) => m[1]))];
}

/** The noun right after each count in `text` (the word after "2 ", or after "2 more "). */
function countedNouns(text: string, n: number): string[] {
  return [...text.matchAll(new RegExp(`(?<![\\w.,])${n} (?:more )?([A-Za-z]+)`, 'g'))].map((m) => m[1]);
}

describe('the panes’ English words with counts 0, 1, 2', () => {
  const words = catalogue('en');

  it('has words with counts to test', () => {
    expect(words.filter(([, v]) => /plural/.test(v)).length).toBeGreaterThanOrEqual(6);
  });

  it.each([0, 1, 2])('with %d: every noun after the count agrees with it', (n) => {
    const wrong: string[] = [];
    for (const [key, template] of words) {
      const params = Object.fromEntries(placeholders(template).map((p) => [p, n]));
      const text = fill(template, params, 'en');
      expect([key, /\{\w+/.test(text)]).toEqual([key, false]);
      for (const noun of countedNouns(text, n)) {
        const pair = NOUNS.find(([one, many]) => noun === one || noun === many);
        if (!pair) continue;
        const want = n === 1 ? pair[0] : pair[1];
        if (noun !== want) wrong.push(`${key}: "${text}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('says "1 error to fix" and "2 errors to fix"', () => {
    const summary = STRINGS.en.summaryInvalid;
    expect(fill(summary, { n: 1 }, 'en')).toBe('1 error to fix.');
    expect(fill(summary, { n: 2 }, 'en')).toBe('2 errors to fix.');
    expect(fill(WEB_WORDS.en.loaded, { file: 'a.xlsx', sheets: 1, tables: 2 }, 'en')).toBe(
      'Read a.xlsx: 1 sheet, 2 tables.',
    );
  });
});

describe('the panes’ Vietnamese words', () => {
  it.each([0, 1, 2])('fill with %d and leave no placeholder', (n) => {
    for (const [key, template] of catalogue('vi')) {
      const params = Object.fromEntries(placeholders(template).map((p) => [p, n]));
      expect([key, /\{\w+/.test(fill(template, params, 'vi'))]).toEqual([key, false]);
    }
  });
});
