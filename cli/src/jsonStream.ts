/**
 * `--format json` for reports of any size: the same text as JSON.stringify(value, null, 2), handed out in pieces.
 * A report of a million rows is more text than one JavaScript string may hold ("Invalid string length"), so the
 * large arrays and the objects above them are written element by element, their small elements a run at a time
 * through JSON.stringify, which stays the one authority on escaping.
 */

/** Arrays longer than this are written element by element; shorter ones in one piece. */
const PIECE = 64;
/** What one JSON.stringify of a run of a long array's small elements makes, about, and at most how many. */
const RUN_CHARS = 16384;
const MAX_RUN = 4096;

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
    let run = 1;
    for (let i = 0; i < v.length;) {
      if (isLarge(v[i])) {
        yield `\n${pad}  `;
        yield* pieces(v[i], depth + 1);
        i++;
      } else {
        // A run of small elements (a sheet's rows) in one JSON.stringify, of about RUN_CHARS of text: the length
        // of a run is judged from the one before. JSON.stringify writes a hole, undefined or a function as null.
        let j = i + 1;
        while (j < v.length && j - i < run && !isLarge(v[j])) j++;
        const text = atDepth(v.slice(i, j), depth);
        // "[" and "\n" + pad + "]" cut off: what is left is the elements, each on its own line, comma-separated.
        yield text.slice(1, text.length - pad.length - 2);
        run = Math.max(1, Math.min(MAX_RUN, Math.floor((RUN_CHARS * (j - i)) / text.length)));
        i = j;
      }
      if (i < v.length) yield ',';
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
  yield atDepth(v, depth);
}

/**
 * JSON.stringify(v, null, 2) with every line after the first indented by `depth` levels: the value stringified
 * inside `depth` arrays, which indent it themselves, and their brackets cut off. No second pass over the text
 * to indent it (a regex replace on every row took a sixth of a large report's writing).
 */
function atDepth(v: unknown, depth: number): string {
  if (depth === 0) return JSON.stringify(v, null, 2) ?? 'null';
  let wrapped: unknown = v === undefined || typeof v === 'function' ? null : v;
  for (let d = 0; d < depth; d++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, 2);
  // "[\n  [\n    " … "\n  ]\n]": "[\n" and 2k spaces for each level k = 1 … depth on the left, "\n", 2k spaces
  // and "]" for k = 0 … depth - 1 on the right.
  return s.slice(depth * (depth + 3), s.length - depth * (depth + 1));
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
  const out = new JsonItemsWriter(write, single);
  items.forEach((item, i) => {
    if (!out.item(item)) onTooLarge(i);
  });
  out.finish();
}

/**
 * The text of writeJsonItems, written as the items come: whole (item) or in pieces made elsewhere (piece … end),
 * such as a worker's jsonChunks of a report too large to be sent whole. `single`: one item alone, not in an array.
 */
export class JsonItemsWriter {
  private written = 0;
  private open = false;

  constructor(
    private readonly write: (s: string) => void,
    private readonly single = false,
  ) {}

  /** The depth an item is written at, for jsonChunks made elsewhere. */
  get depth(): number {
    return this.single ? 0 : 1;
  }

  /** A whole item, made whole first: false (nothing written) when its JSON is more than a string may hold. */
  item(value: unknown): boolean {
    let chunks: string[];
    try {
      chunks = [...jsonChunks(value, this.depth)];
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      return false;
    }
    for (const c of chunks) this.piece(c);
    this.end();
    return true;
  }

  /** The next piece of the item being written (the first one opens it). */
  piece(s: string): void {
    if (!this.open) {
      this.open = true;
      if (!this.single) this.write(this.written === 0 ? '[\n  ' : ',\n  ');
    }
    this.write(s);
  }

  /** The item written piece by piece is whole. */
  end(): void {
    if (this.open) this.written++;
    this.open = false;
  }

  /** Closes the document (null when the single item was left out). */
  finish(): void {
    this.end();
    if (this.single) this.write(this.written === 0 ? 'null\n' : '\n');
    else this.write(this.written === 0 ? '[]\n' : '\n]\n');
  }
}

/** `value` as JSON.stringify(value, null, 2) at `depth`, in chunks of about `size` characters. */
export function jsonChunks(value: unknown, depth = 0, size = 65536): Generator<string> {
  return chunked(pieces(value, depth), size);
}

/** Pieces joined into chunks of about `size` characters. */
function* chunked(parts: Iterable<string>, size = 65536): Generator<string> {
  // Joined once per chunk: growing one string piece by piece makes a rope that has to be flattened again
  // before it can be sent or written.
  let held: string[] = [];
  let length = 0;
  for (const p of parts) {
    held.push(p);
    length += p.length;
    if (length >= size) {
      yield held.join('');
      held = [];
      length = 0;
    }
  }
  if (length > 0) yield held.join('');
}
