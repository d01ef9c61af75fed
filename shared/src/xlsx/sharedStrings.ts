/**
 * The shared strings table: each `<si>` is the text of a run of cells, plain (`<t>`) or rich (`<r><t>` runs,
 * concatenated). Phonetic guides (`<rPh>`, `<phoneticPr>`) are furigana over Japanese text, not cell text.
 *
 * The part is scanned once in full (so that damage anywhere is refused before any sheet is read, as before), but
 * only the byte ranges of each item's text are kept: a string is decoded when a cell first uses it, and a string
 * no cell uses is never decoded.
 */
import type { SharedStrings } from './sheetContent';
import { characterData, CLOSE, END, OPEN, TEXT, XmlScanner } from './read/scanner';
import { decodeEscapes } from './xml';

export function parseSharedStrings(bytes: Uint8Array, part: string): SharedStrings {
  const x = new XmlScanner(bytes, part, true);
  // Text pieces: start, end, 1 if plain (per piece, in order).
  const pieces: number[] = [];
  // Per <t> that closed inside an item: the index of its first piece and one past its last, in `pieces` units.
  const runs: number[] = [];
  // Per item: the index of its first run in `runs` (in pairs); the next item's start ends it.
  const items: number[] = [];
  let inItem = false;
  let itemRuns = 0;
  let phoneticDepth = 0; // depth of the <rPh> we are in, 0 outside
  let textDepth = 0; // depth of the <t> we are collecting, 0 outside
  let runStart = 0;
  for (let token = x.next(); token !== END; token = x.next()) {
    const depth = x.depth;
    if (token === TEXT) {
      if (textDepth !== 0) pieces.push(x.textStart, x.textEnd, x.textPlain ? 1 : 0);
    } else if (token === OPEN) {
      if (depth === 2) {
        if (x.isLocal('si')) {
          inItem = true;
          itemRuns = runs.length;
        }
      } else if (inItem && phoneticDepth === 0) {
        if (x.isLocal('t')) {
          // A <t> inside a <t> starts the text over, as the event reader did.
          if (textDepth !== 0) pieces.length = runStart;
          textDepth = depth;
          runStart = pieces.length;
        } else if (x.isLocal('rPh')) phoneticDepth = depth;
      }
    } else if (token === CLOSE) {
      if (depth === textDepth) {
        runs.push(runStart, pieces.length);
        textDepth = 0;
      } else if (depth === phoneticDepth) phoneticDepth = 0;
      else if (depth === 2 && inItem) {
        items.push(itemRuns);
        inItem = false;
      }
    }
  }
  items.push(runs.length);
  return new LazyStrings(x.bytes, pieces, runs, items);
}

class LazyStrings implements SharedStrings {
  readonly length: number;
  private readonly decoded: (string | undefined)[];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly pieces: number[],
    private readonly runs: number[],
    private readonly items: number[],
  ) {
    this.length = items.length - 1;
    this.decoded = new Array<string | undefined>(this.length);
  }

  get(index: number): string {
    const known = this.decoded[index];
    if (known !== undefined) return known;
    const { bytes, pieces, runs } = this;
    let item = '';
    for (let r = this.items[index]; r < this.items[index + 1]; r += 2) {
      let text = '';
      for (let p = runs[r]; p < runs[r + 1]; p += 3)
        text += characterData(bytes, pieces[p], pieces[p + 1], pieces[p + 2] === 1);
      // Escapes are decoded per <t>, as Excel writes them: one never spans two runs.
      item += decodeEscapes(text);
    }
    this.decoded[index] = item;
    return item;
  }
}
