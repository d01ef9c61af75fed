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
