/**
 * Numbers as each language writes them, the one place for it: a measure with its decimal comma ("94,5") and a
 * count with its thousands grouped ("1.234"); English writes "94.5" and "1,234".
 */
import type { Lang } from '../report/messages';

/** 94.5 → "94,5" in Vietnamese, "94.5" in English (at most six decimals, no grouping). */
export function formatNumber(n: number, lang: Lang): string {
  const rounded = Math.round(n * 1e6) / 1e6;
  const s = String(rounded);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** A count with its thousands grouped as each language writes them: "1.234" in Vietnamese, "1,234" in English. */
export function formatCount(n: number, lang: Lang): string {
  const s = String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+$)/g, lang === 'vi' ? '.' : ',');
  return n < 0 ? `-${s}` : s;
}

/** 0.785 → "78,5%" (one decimal, the language's decimal mark); null → "—". */
export function formatRate(rate: number | null, lang: Lang): string {
  return rate === null ? '—' : `${formatNumber(Math.round(rate * 1000) / 10, lang)}%`;
}
