/**
 * Any error of Office.js (or not) as one plain sentence in the user's language; the sentences are the core's
 * (words/officeErrors.ts).
 */
import type { Lang } from '../../../shared/src/index';
import { officeErrorText, unexpectedErrorText } from '../../../shared/src/words/officeErrors';

export function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Any error, an Office.js one or not, as one plain sentence in the user's language. */
export function explainError(e: unknown, lang: Lang): string {
  const code = codeOf(e);
  if (code) return officeErrorText(code, lang);
  return unexpectedErrorText(e instanceof Error ? e.message : typeof e === 'string' ? e : '', lang);
}
