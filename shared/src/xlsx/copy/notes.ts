/**
 * Notes as xlsx keeps them: a comments part (authors, then one <comment> per cell with its text) and a VML
 * drawing with one hidden shape per note, which is what Excel anchors the note's box to. A sheet's existing
 * parts are extended (our author, comments and shapes appended; a cell's own note gets our text as one more run
 * at its end); otherwise both parts are new.
 */
import type { Lang } from '../../report/messages';
import { EXCEL_CELL_CHARS, cutMark, fitCell } from '../../text/cellLimit';
import { XlsxError } from '../errors';
import { decodeEscapes, localName, parseXml } from '../xml';
import {
  attributes,
  childrenEnd,
  escapeAttribute,
  escapeText,
  Patch,
  scanXml,
  utf8Of,
  type Element,
} from './xmlEdit';
import { MAIN_NS } from '../namespaces';

export interface Note {
  row: number;
  column: number;
  ref: string;
  text: string;
}

/**
 * Our text as one run without properties: the note then shows in the program's note font, and readers that
 * model a note as plain text (exceljs) read it as one.
 */
function run(p: string, text: string): string {
  return `<${p}r><${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}r>`;
}

/**
 * How many characters a note's <text> holds (Excel's limit counts the whole note, the user's runs and ours), its
 * phonetic runs left out. A text we cannot decode counts as its bytes, which are never fewer.
 */
function noteLength(xml: string, text: Element): number {
  const inner = xml.slice(text.openEnd, text.closeStart);
  let length = 0;
  let inT = 0;
  let inPhonetic = 0;
  try {
    parseXml(`<text>${utf8Of(inner)}</text>`, 'comment', {
      // A self-closing tag is opened and closed at once, so the counts stay right.
      open: (tag) => {
        const local = localName(tag.name);
        if (local === 'rPh') inPhonetic++;
        else if (local === 't') inT++;
      },
      close: (tag) => {
        const local = localName(tag.name);
        if (local === 'rPh') inPhonetic--;
        else if (local === 't') inT--;
      },
      text: (t) => {
        if (inT > 0 && inPhonetic === 0) length += decodeEscapes(t).length;
      },
    });
  } catch {
    return inner.length;
  }
  return length;
}

export function newComments(author: string, notes: Note[], lang: Lang = 'vi'): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}">` +
    `<authors><author>${escapeText(author)}</author></authors><commentList>` +
    notes
      .map(
        (n) =>
          `<comment ref="${n.ref}" authorId="0"><text>${run('', fitCell(n.text, lang))}</text></comment>`,
      )
      .join('') +
    `</commentList></comments>`
  );
}

/**
 * Extends a sheet's comments part. Returns the notes that need a shape of their own (those on cells without a
 * note of the user's; a cell's existing note already has one).
 */
export function extendComments(
  bytes: Uint8Array,
  xml: string,
  part: string,
  author: string,
  notes: Note[],
  lang: Lang = 'vi',
): { bytes: Uint8Array; shaped: Note[] } {
  const root = scanXml(xml, part, 5);
  const p = root.prefix;
  const patch = new Patch(bytes);
  const authors = root.children.find((el) => el.local === 'authors');
  const list = root.children.find((el) => el.local === 'commentList');
  if (!authors || !list)
    throw new XlsxError('unreadable', `${part}: a comments part without authors or list`, { part });
  const authorId = authors.children.filter((el) => el.local === 'author').length;
  const theirs = new Map<string, Element>();
  for (const c of list.children) {
    if (c.local !== 'comment') continue;
    const ref = (attributes(xml, c).ref ?? '').replace(/\$/g, '').toUpperCase();
    if (!theirs.has(ref)) theirs.set(ref, c);
  }
  const shaped: Note[] = [];
  const added: string[] = [];
  for (const n of notes) {
    const existing = theirs.get(n.ref);
    const text = existing?.children.find((el) => el.local === 'text');
    if (existing && text) {
      // The note as a whole must stay within Excel's limit: ours gets what the user's text leaves, after the
      // blank line that sets it apart. A note already (nearly) full is left as it is; its cell is still
      // coloured and the results sheet lists the finding.
      const room = EXCEL_CELL_CHARS - noteLength(xml, text) - 2;
      if (n.text.length > room && room <= cutMark(lang).length) continue;
      const ours = fitCell(n.text, lang, room);
      // A note of plain text (<t> alone) cannot be followed by a run: readers take one or the other. Its <t> is
      // wrapped in a run of its own, its bytes untouched between our two tags.
      const plain = text.children.find((el) => el.local === 't');
      if (plain) {
        patch.insert(plain.start, `<${p}r>`);
        patch.insert(plain.end, `</${p}r>`);
      }
      // After the user's own note, set apart by a blank line.
      const { at, close } = childrenEnd(patch, xml, text);
      patch.insert(at, run(p, `\n\n${ours}`) + close);
      continue;
    }
    shaped.push(n);
    added.push(
      `<${p}comment ref="${n.ref}" authorId="${authorId}"><${p}text>${run(p, fitCell(n.text, lang))}</${p}text></${p}comment>`,
    );
  }
  if (added.length) {
    const a = childrenEnd(patch, xml, authors);
    patch.insert(a.at, `<${p}author>${escapeText(author)}</${p}author>${a.close}`);
    const l = childrenEnd(patch, xml, list);
    patch.insert(l.at, added.join('') + l.close);
  }
  return { bytes: patch.apply(), shaped };
}

const VML_NS = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  x: 'urn:schemas-microsoft-com:office:excel',
};

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** One hidden note box beside its cell, as Excel draws a new note (three columns wide, a line per text line). */
function shape(id: number, n: Note, declare: string): string {
  const col = n.column - 1;
  const row = n.row - 1;
  const top = Math.max(0, row - 1);
  const lines = Math.min(40, n.text.split('\n').length + Math.ceil(n.text.length / 40));
  const left = Math.min(col + 1, 16383);
  const right = Math.min(col + 4, 16383);
  return (
    `<v:shape${declare} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;` +
    `margin-top:1.5pt;width:180pt;height:${Math.max(4, lines) * 12}pt;z-index:${id};visibility:hidden" ` +
    `fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/>` +
    `<v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${left}, 15, ${top}, 10, ${right}, 15, ${top + Math.max(4, lines)}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * Shape ids: each drawing owns blocks of 1024 ids (its idmap); ours take blocks after every id the package uses.
 * `firstBlock` is that next free block.
 */
export function usedShapeBlocks(vmls: string[]): number {
  let max = 0;
  for (const v of vmls) {
    for (const m of v.matchAll(/idmap\b[^>]*\bdata\s*=\s*["']([\d,\s]+)["']/g))
      for (const d of m[1].split(/[,\s]+/)) if (d) max = Math.max(max, Number(d));
    for (const m of v.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Math.floor(Number(m[1]) / 1024));
  }
  return max + 1;
}

export function blocksFor(count: number): number {
  return Math.max(1, Math.ceil(count / 1023));
}

function ids(firstBlock: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((firstBlock + Math.floor(i / 1023)) * 1024 + 1 + (i % 1023));
  return out;
}

export function newVml(notes: Note[], firstBlock: number): string {
  const blocks = Array.from({ length: blocksFor(notes.length) }, (_, i) => firstBlock + i).join(',');
  const shapeIds = ids(firstBlock, notes.length);
  return (
    `<xml xmlns:v="${VML_NS.v}" xmlns:o="${VML_NS.o}" xmlns:x="${VML_NS.x}">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks}"/></o:shapelayout>` +
    SHAPETYPE +
    notes.map((n, i) => shape(shapeIds[i], n, '')).join('') +
    `</xml>`
  );
}

/**
 * Our shapes appended to a sheet's VML drawing (before its closing </xml>). VML from Excel is not always
 * well-formed XML, so it is not scanned: only its last end tag is looked for. The drawing's idmap is left as
 * it is: ours are ids of a block no other drawing uses, and Excel renumbers shapes on load.
 */
export function extendVml(
  bytes: Uint8Array,
  vml: string,
  part: string,
  notes: Note[],
  firstBlock: number,
): Uint8Array {
  const end = vml.lastIndexOf('</xml>');
  if (end < 0) throw new XlsxError('unreadable', `${part}: a VML drawing without its </xml>`, { part });
  // Prefixes we use and the drawing does not declare are declared on each of our elements.
  const missing = (['v', 'o', 'x'] as const).filter(
    (p) => !new RegExp(`xmlns:${p}\\s*=\\s*["']${VML_NS[p]}["']`).test(vml),
  );
  const declare = missing.map((p) => ` xmlns:${p}="${escapeAttribute(VML_NS[p])}"`).join('');
  const shapeIds = ids(firstBlock, notes.length);
  const patch = new Patch(bytes);
  const type = /id\s*=\s*["']_x0000_t202["']/.test(vml)
    ? ''
    : SHAPETYPE.replace('<v:shapetype', `<v:shapetype${declare}`);
  patch.insert(end, type + notes.map((n, i) => shape(shapeIds[i], n, declare)).join(''));
  return patch.apply();
}
