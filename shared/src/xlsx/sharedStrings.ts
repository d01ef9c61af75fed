/**
 * The shared strings table: each `<si>` is the text of a run of cells, plain (`<t>`) or rich (`<r><t>` runs,
 * concatenated). Phonetic guides (`<rPh>`, `<phoneticPr>`) are furigana over Japanese text, not cell text.
 */
import { decodeEscapes, localName, parseXml, partText } from './xml';

export function parseSharedStrings(bytes: Uint8Array, part: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let item = ''; // the current <si>'s text so far
  let inItem = false;
  let phoneticDepth = 0; // depth of the <rPh> we are in, 0 outside
  let textDepth = 0; // depth of the <t> we are collecting, 0 outside
  let text = '';
  parseXml(partText(bytes), part, {
    open(tag) {
      depth++;
      const name = localName(tag.name);
      if (depth === 2) {
        if (name === 'si') {
          inItem = true;
          item = '';
        }
      } else if (inItem && phoneticDepth === 0) {
        if (name === 't') {
          textDepth = depth;
          text = '';
        } else if (name === 'rPh') phoneticDepth = depth;
      }
    },
    text(chunk) {
      if (textDepth !== 0) text += chunk;
    },
    close() {
      if (depth === textDepth) {
        // Escapes are decoded per <t>, as Excel writes them: one never spans two runs.
        item += decodeEscapes(text);
        textDepth = 0;
      } else if (depth === phoneticDepth) phoneticDepth = 0;
      else if (depth === 2 && inItem) {
        out.push(item);
        inItem = false;
      }
      depth--;
    },
  });
  return out;
}
