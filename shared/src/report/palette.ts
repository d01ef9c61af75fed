import type { HighlightKind } from './schema';

/**
 * Fills for highlights, shared by every host so a checked sheet looks the same in Excel, Sheets and a CLI
 * copy. Light tints of the Okabe-Ito palette: orange, yellow, purple and blue stay distinct under the common
 * colour-vision deficiencies, and dark text stays readable on each.
 */
export const HIGHLIGHT_FILLS: Record<HighlightKind, string> = {
  error: '#F4B183',
  warning: '#FFE699',
  missed: '#D5A6E6',
  met: '#9DC3E6',
};

/** Which highlight wins when several fall on one cell. */
export const HIGHLIGHT_PRIORITY: Record<HighlightKind, number> = { error: 4, missed: 3, warning: 2, met: 1 };

/**
 * The formula of every conditional-format rule a host adds for highlights (Excel add-in, Sheets add-on, the
 * command line's copy). Always TRUE, so the fill shows wherever the rule applies, and a formula no user writes,
 * so clearing finds ours and only ours. In a spreadsheet's rule manager it reads as what it is.
 */
export const HIGHLIGHT_MARKER = '=ISTEXT("cchc-highlight")';

const normalFormula = (f: unknown) => String(f).replace(/\s+/g, '').replace(/^=?/, '=').toUpperCase();
const MARKER = normalFormula(HIGHLIGHT_MARKER);

/** True for a rule formula that is our marker, however the host spells it back (spaces, case, "=" or not). */
export function isHighlightMarker(formula: unknown): boolean {
  return normalFormula(formula) === MARKER;
}
