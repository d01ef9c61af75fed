/**
 * Text for a terminal, from cells nobody here wrote: control characters (ESC, BEL, a carriage return, C1 codes)
 * and the bidirectional overrides are shown as \u001b-style escapes instead of being sent, so a cell cannot retitle
 * or clear the user's terminal or reorder what it shows. The escape is JSON's own, so JSON output stays JSON
 * with the same meaning. Line breaks and tabs, which the report itself writes, pass.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name for one line of a report: a line break or tab in the name is shown escaped, so that a name cannot
 * start a line of its own that looks like the report's (visible() lets the report's own line breaks pass).
 */
export function oneLine(name: string): string {
  return name.replace(/[\n\r\t\u2028\u2029]/g, escaped);
}

export function visible(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** JSON's own escape of one character: "\\u001b". */
function escaped(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
