/**
 * `--format json` for reports of any size: the same text as JSON.stringify(value, null, 2), handed out in pieces.
 * A report of a million rows is more text than one JavaScript string may hold ("Invalid string length"), so the
 * large arrays and the objects above them are written element by element; each small element still goes through
 * JSON.stringify, which stays the one authority on escaping.
 */

/** Arrays longer than this are written element by element; shorter ones in one piece. */
const PIECE = 64;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype
  );
}

/** Worth splitting: a long array, or a plain object holding one (reports hold their rows three levels down). */
function isLarge(v: unknown, depth = 0): boolean {
  if (Array.isArray(v)) return v.length > PIECE || (depth < 3 && v.some((x) => isLarge(x, depth + 1)));
  if (isPlainObject(v)) return depth < 3 && Object.values(v).some((x) => isLarge(x, depth + 1));
  return false;
}

function* pieces(v: unknown, depth: number): Generator<string> {
  const pad = '  '.repeat(depth);
  if (Array.isArray(v) && v.length > 0 && isLarge(v)) {
    yield '[';
    for (let i = 0; i < v.length; i++) {
      yield `\n${pad}  `;
      // As JSON.stringify does: a hole, undefined or a function in an array is written as null.
      const x = v[i] === undefined || typeof v[i] === 'function' ? null : v[i];
      yield* pieces(x, depth + 1);
      if (i < v.length - 1) yield ',';
    }
    yield `\n${pad}]`;
    return;
  }
  if (isPlainObject(v) && isLarge(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined && typeof v[k] !== 'function');
    if (keys.length === 0) {
      yield '{}';
      return;
    }
    yield '{';
    for (let i = 0; i < keys.length; i++) {
      yield `\n${pad}  ${JSON.stringify(keys[i])}: `;
      yield* pieces(v[keys[i]], depth + 1);
      if (i < keys.length - 1) yield ',';
    }
    yield `\n${pad}}`;
    return;
  }
  // Nested output of JSON.stringify is its own output with every line indented by the depth.
  const s = JSON.stringify(v, null, 2) ?? 'null';
  yield depth === 0 ? s : s.replace(/\n/g, `\n${pad}`);
}

/** Writes `value` as JSON.stringify(value, null, 2) would, in chunks of about 64 KB, then a newline. */
export function writeJson(value: unknown, write: (s: string) => void): void {
  for (const c of chunked(pieces(value, 0))) write(c);
  write('\n');
}

/**
 * Writes `items` as writeJson(items) would, each item made whole before any of it is written: an item whose JSON
 * cannot be made (a RangeError, "Invalid string length": more text than one string may hold) is left out (written
 * as null when it is the single item) after `onTooLarge(index)` is told, so that one hostile file costs its own
 * line and the batch stays one valid document. `single`: the one item alone, not in an array.
 */
export function writeJsonItems(
  items: readonly unknown[],
  write: (s: string) => void,
  onTooLarge: (index: number) => void,
  single = false,
): void {
  const depth = single ? 0 : 1;
  const made = (index: number): string[] | null => {
    try {
      return [...chunked(pieces(items[index], depth))];
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      onTooLarge(index);
      return null;
    }
  };
  if (single) {
    write(`${(made(0) ?? ['null']).join('')}\n`);
    return;
  }
  let written = 0;
  for (let i = 0; i < items.length; i++) {
    const chunks = made(i);
    if (chunks === null) continue;
    write(written++ === 0 ? '[\n  ' : ',\n  ');
    for (const c of chunks) write(c);
  }
  write(written === 0 ? '[]\n' : '\n]\n');
}

/** Pieces joined into chunks of about 64 KB. */
function* chunked(parts: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const p of parts) {
    buffer += p;
    if (buffer.length >= 65536) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
