/**
 * The pane's words in this host: the core's catalogue (shared/src/words/pane.ts) with the host's own wording of a
 * few keys where it gave one (the web page has no "sheet" to highlight on, only a copy to download).
 */
import type { Lang } from '../src/index';
import { fill, type FillParams } from '../src/text/fill';
import { STRINGS, type HostWords, type Key } from '../src/words/pane';

export { STRINGS, isKey, type HostWords, type Key } from '../src/words/pane';

export type Params = FillParams;

let hostWords: HostWords = {};

/**
 * A host's own wording for a few of the pane's keys (the web page has no "sheet" to highlight on, only a copy
 * to download); set once before the pane starts. Every other key keeps the pane's words.
 */
export function setHostWords(words: HostWords): void {
  hostWords = words;
}

/** The key's text in this host: its own wording where it gave one, else the pane's. */
export function word(lang: Lang, key: Key): string {
  return hostWords[lang]?.[key] ?? STRINGS[lang][key];
}

/**
 * The string for `key`, placeholders filled and counts in their plural form (text/fill.ts); an unknown
 * placeholder is left visible rather than dropped.
 */
export function t(lang: Lang, key: Key, params: Params = {}): string {
  return fill(word(lang, key), params, lang);
}
