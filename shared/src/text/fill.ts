/**
 * One filler for every catalogue of words: `{name}` takes params.name; `{name, plural, one {…} other {…}}` (the
 * plural subset of ICU MessageFormat, so translators know it) takes the form that the language's plural rules
 * pick for params.name, `#` inside a form standing for the number. Vietnamese has one form ("1 lỗi", "2 lỗi"),
 * English two ("1 error", "2 errors"); `=0`, `=1` … pick an exact count first. An unknown placeholder is left
 * visible rather than dropped, so a missing parameter shows in a test instead of vanishing.
 */
import type { Lang } from '../report/messages';

export type FillParams = Record<string, string | number>;

const rules = new Map<Lang, Intl.PluralRules>();

function pluralRules(lang: Lang): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

/** The plural form of `n` in `lang`: 'one' or 'other' in English, always 'other' in Vietnamese. */
export function pluralCategory(n: number, lang: Lang): Intl.LDMLPluralRule {
  return pluralRules(lang).select(n);
}

/** The index just past the brace group opening at `open`, or -1 when it never closes. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The forms of a plural body: "one {# error} other {# errors}" → { one: '# error', other: '# errors' }. */
function forms(body: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m) return body.slice(i).trim() === '' ? out : null;
    const open = i + m[0].length - 1;
    const end = closing(body, open);
    if (end < 0) return null;
    out.set(m[1], body.slice(open + 1, end - 1));
    i = end;
  }
  return out.has('other') ? out : null;
}

const PLURAL_HEAD = /^\{(\w+),\s*plural,/;

export function fill(template: string, params: FillParams, lang: Lang): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    out += template.slice(i, open);
    const head = PLURAL_HEAD.exec(template.slice(open));
    const end = head ? closing(template, open) : -1;
    const options = head && end > 0 ? forms(template.slice(open + head[0].length, end - 1)) : null;
    if (head && options) {
      const value = params[head[1]];
      if (typeof value !== 'number') out += template.slice(open, end);
      else {
        const chosen =
          options.get(`=${value}`) ?? options.get(pluralCategory(value, lang)) ?? options.get('other')!;
        out += fill(chosen.replace(/#/g, String(value)), params, lang);
      }
      i = end;
      continue;
    }
    const simple = /^\{(\w+)\}/.exec(template.slice(open));
    if (simple) {
      const name = simple[1];
      out += name in params ? String(params[name]) : simple[0];
      i = open + simple[0].length;
    } else {
      out += '{';
      i = open + 1;
    }
  }
  return out + template.slice(i);
}

/**
 * A catalogue's words as one function: the text of `key` in `lang`, placeholders filled. Every catalogue of
 * words/ is read through one of these, so none has a lookup of its own.
 */
export function wordsOf<K extends string>(
  catalogue: Record<Lang, Record<K, string>>,
): (lang: Lang, key: K, params?: FillParams) => string {
  return (lang, key, params = {}) => fill(catalogue[lang][key], params, lang);
}
