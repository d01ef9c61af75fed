import { CLI_WORDS, cliText, type CliKey } from '../../src/words/cli';

/** The index just past the brace group opening at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  throw new Error(`unclosed brace in ${JSON.stringify(text)}`);
}

/**
 * The parameters a text takes: {name}, the count of {name, plural, …}, and the parameters inside its forms; the
 * forms themselves ("one {# error}") are not parameters. Read as text/fill.ts reads it, brace by brace (a pattern
 * would take "done {done}" for the form "one {…}").
 */
function placeholders(text: string, found = new Set<string>()): string[] {
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i)) {
    const rest = text.slice(i);
    const plural = /^\{(\w+),\s*plural,/.exec(rest);
    const simple = /^\{(\w+)\}/.exec(rest);
    if (plural) {
      found.add(plural[1]);
      const end = closing(text, i);
      const body = text.slice(i + plural[0].length, end - 1);
      for (const form of body.matchAll(/(?:=\d+|zero|one|two|few|many|other)\s*\{/g)) {
        const open = form.index + form[0].length - 1;
        placeholders(body.slice(open + 1, closing(body, open) - 1), found);
      }
      i = end;
    } else if (simple) {
      found.add(simple[1]);
      i += simple[0].length;
    } else i++;
  }
  return [...found].sort();
}

const keys = Object.keys(CLI_WORDS.vi) as CliKey[];

describe('the command line’s words', () => {
  it('has every key in both languages, in the same order, none blank, with the same placeholders', () => {
    expect(keys.length).toBeGreaterThan(50);
    expect(Object.keys(CLI_WORDS.en)).toEqual(keys);
    for (const key of keys) {
      expect([key, CLI_WORDS.vi[key].trim()]).not.toEqual([key, '']);
      expect([key, CLI_WORDS.en[key].trim()]).not.toEqual([key, '']);
      expect([key, placeholders(CLI_WORDS.en[key])]).toEqual([key, placeholders(CLI_WORDS.vi[key])]);
    }
  });

  it('leaves nothing unfilled once every placeholder is given (a malformed plural would stay visible)', () => {
    for (const lang of ['vi', 'en'] as const)
      for (const key of keys) {
        const params = Object.fromEntries(placeholders(CLI_WORDS[lang][key]).map((p) => [p, 2]));
        expect([lang, key, /\{\w+/.test(cliText(lang, key, params))]).toEqual([lang, key, false]);
      }
  });

  it('counts in English with the form the number takes, in Vietnamese with the one form', () => {
    expect(cliText('en', 'conclusionErrors', { n: 1 })).toBe('1 error to fix');
    expect(cliText('en', 'conclusionErrors', { n: 2 })).toBe('2 errors to fix');
    expect(cliText('en', 'conclusionMissed', { n: 1 })).toBe('1 target missed');
    expect(cliText('en', 'conclusionOverdue', { n: 3 })).toBe('3 tasks overdue');
    expect(cliText('vi', 'conclusionErrors', { n: 1 })).toBe('1 lỗi cần sửa');
    expect(cliText('en', 'highlightedCopy', { file: 'a{b}.xlsx' })).toBe('Highlighted copy: a{b}.xlsx');
  });

  it('reads the parameters of a text, those inside plural forms too, and not the forms', () => {
    expect(placeholders('{n, plural, one {# error in {file}} other {# errors}}; done {done}')).toEqual([
      'done',
      'file',
      'n',
    ]);
  });
});
