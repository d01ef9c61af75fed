/**
 * What the copy adds to styles.xml: one differential format (<dxf>) per highlight colour for our rules, and the
 * fonts, fills and cell formats of the results sheet. All are appended to the ends of their lists, so every
 * index the user's cells and rules use stays as it was; the lists' count attributes are updated.
 */
import type { HighlightKind } from '../../report/schema';
import { HIGHLIGHT_FILLS } from '../../report/palette';
import { XlsxError } from '../errors';
import { MAIN_NS } from '../namespaces';
import type { CellLook, FontKind } from './results';
import { lookKey } from './results';
import { childrenEnd, Patch, scanXml, setCount, type Element } from './xmlEdit';

/** CT_Stylesheet's children in schema order. */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

/** A styles part for a package that has none (Excel's defaults), which we then extend like any other. */
export const BLANK_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

const argb = (hex: string) => `FF${hex.replace(/^#/, '').toUpperCase()}`;

const FONTS: Record<FontKind, string> = {
  regular: '<sz val="12"/><name val="Times New Roman"/><family val="1"/>',
  bold: '<b/><sz val="12"/><name val="Times New Roman"/><family val="1"/>',
  title: '<b/><sz val="14"/><name val="Times New Roman"/><family val="1"/>',
  link: '<u/><sz val="12"/><color rgb="FF0563C1"/><name val="Times New Roman"/><family val="1"/>',
};
const FONT_ORDER: FontKind[] = ['regular', 'bold', 'title', 'link'];

export interface StyleAdditions {
  bytes: Uint8Array;
  /** dxfId of each highlight colour's format. */
  dxfOf: Record<HighlightKind, number>;
  /** cellXfs index of each look of the results sheet. */
  xfOf: (look: CellLook) => number;
}

export function extendStyles(
  bytes: Uint8Array,
  xml: string,
  part: string,
  kinds: HighlightKind[],
  looks: CellLook[],
): StyleAdditions {
  const root = scanXml(xml, part, 3);
  const p = root.prefix;
  const patch = new Patch(bytes);
  const find = (local: string) => root.children.find((el) => el.local === local);
  const count = (el: Element | undefined, child: string) =>
    el?.children.filter((c) => c.local === child).length ?? 0;
  const before = (local: string): number => {
    const rank = ORDER.indexOf(local);
    for (const el of root.children) {
      const r = ORDER.indexOf(el.local);
      if (r >= rank) return el.start;
    }
    return root.closeStart;
  };
  const append = (list: string, child: string, items: string[]): number => {
    const el = find(list);
    const first = count(el, child);
    if (items.length === 0) return first;
    if (el) {
      const { at, close } = childrenEnd(patch, xml, el);
      patch.insert(at, items.join('') + close);
      setCount(patch, xml, el, first + items.length);
    } else patch.insert(before(list), `<${p}${list} count="${items.length}">${items.join('')}</${p}${list}>`);
    return first;
  };

  const dxfOf = {} as Record<HighlightKind, number>;
  const dxfStart = append(
    'dxfs',
    'dxf',
    kinds.map(
      (k) =>
        `<${p}dxf><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(HIGHLIGHT_FILLS[k])}"/></${p}patternFill></${p}fill></${p}dxf>`,
    ),
  );
  kinds.forEach((k, i) => (dxfOf[k] = dxfStart + i));

  const xfIndex = new Map<string, number>();
  if (looks.length) {
    // A styles part without the lists a cell format points into cannot take ours: the results sheet is then
    // written in the default format rather than guess at indices.
    if (!find('fonts') || !find('fills') || !find('cellXfs'))
      throw new XlsxError('unreadable', `${part}: no fonts, fills or cellXfs to extend`, { part });
    const fontStart = append(
      'fonts',
      'font',
      FONT_ORDER.map((f) => `<${p}font>${FONTS[f].replace(/<(?=\w)/g, `<${p}`)}</${p}font>`),
    );
    const fills = (['error', 'warning', 'missed', 'met'] as HighlightKind[]).filter((k) =>
      looks.some((l) => l.fill === k),
    );
    const fillStart = append(
      'fills',
      'fill',
      fills.map(
        (k) =>
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(HIGHLIGHT_FILLS[k])}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      ),
    );
    const xfStart = append(
      'cellXfs',
      'xf',
      looks.map((l) => {
        const font = fontStart + FONT_ORDER.indexOf(l.font);
        const fill = l.fill ? fillStart + fills.indexOf(l.fill) : 0;
        return (
          `<${p}xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="0" xfId="0" applyFont="1"` +
          `${l.fill ? ' applyFill="1"' : ''} applyAlignment="1"><${p}alignment vertical="top"${l.wrap ? ' wrapText="1"' : ''}/></${p}xf>`
        );
      }),
    );
    looks.forEach((l, i) => xfIndex.set(lookKey(l), xfStart + i));
  }
  return { bytes: patch.apply(), dxfOf, xfOf: (look) => xfIndex.get(lookKey(look)) ?? 0 };
}
