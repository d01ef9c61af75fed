/**
 * What we add to a user's worksheet part: our conditional-format rules and the legacyDrawing that carries the
 * notes, each where CT_Worksheet's sequence puts it (Excel refuses a part whose elements are out of order).
 */
import type { MergedRange } from '../../table/grid';
import { parseRange } from '../../table/grid';
import { attributes, type Element, escapeAttribute, Patch, prefixFor, scanXml } from './xmlEdit';
import { REL_NS } from '../namespaces';

/** CT_Worksheet's children in schema order. */
const ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
const RANK = new Map(ORDER.map((name, i) => [name, i]));

export interface SheetPart {
  path: string;
  xml: string;
  root: Element;
  patch: Patch;
  merges: MergedRange[];
}

export function openSheet(path: string, bytes: Uint8Array, xml: string): SheetPart {
  const root = scanXml(xml, path, 2);
  const merges: MergedRange[] = [];
  for (const el of root.children) {
    if (el.local !== 'mergeCells') continue;
    const inner = xml.slice(el.openEnd, el.closeStart);
    for (const m of inner.matchAll(/<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const range = parseRange(m[1] ?? m[2] ?? '');
      if (range) merges.push(range);
    }
  }
  return { path, xml, root, patch: new Patch(bytes), merges };
}

/**
 * The rank of a top-level element; an mc:AlternateContent takes the rank of the element it wraps (Excel wraps
 * oleObjects and controls that way), anything unknown none (it neither pushes ours back nor holds them up).
 */
function rankOf(sheet: SheetPart, el: Element): number | undefined {
  const own = RANK.get(el.local);
  if (own !== undefined || el.local !== 'AlternateContent') return own;
  const inner = sheet.xml.slice(el.openEnd, el.closeStart);
  const m = /<(?:[\w.-]+:)?Choice\b[^>]*>\s*<(?:[\w.-]+:)?([\w.-]+)/.exec(inner);
  return m ? RANK.get(m[1]) : undefined;
}

/** Where an element named `local` goes: before the first existing element that the schema puts at or after it. */
export function insertionPoint(sheet: SheetPart, local: string): number {
  const rank = RANK.get(local) as number;
  for (const el of sheet.root.children) {
    const r = rankOf(sheet, el);
    if (r !== undefined && r >= rank) return el.start;
  }
  return sheet.root.closeStart;
}

export function hasElement(sheet: SheetPart, local: string): Element | undefined {
  return sheet.root.children.find((el) => el.local === local);
}

/** The prefix our elements take: the one the root element's name has ("x:" for the OpenXML SDK's parts). */
export function elementPrefix(sheet: SheetPart): string {
  return sheet.root.prefix;
}

/** The sheet's own relationship prefix, or a declaration to put on our element when it has none. */
export function relPrefix(sheet: SheetPart): { prefix: string; declare: string } {
  const p = prefixFor(sheet.xml, sheet.root, REL_NS);
  if (p) return { prefix: p, declare: '' };
  return { prefix: 'cchcr:', declare: ` xmlns:cchcr="${REL_NS}"` };
}

/** The relationship id of the sheet's legacyDrawing, if it has one. */
export function legacyDrawingId(sheet: SheetPart): string | undefined {
  const el = hasElement(sheet, 'legacyDrawing');
  if (!el) return undefined;
  for (const [name, value] of Object.entries(attributes(sheet.xml, el)))
    if (/^[^:]+:id$/.test(name)) return value;
  return undefined;
}

/**
 * Shifts every cfRule priority of the user's (also x14 rules in extLst, which share the numbering) by `by`, so
 * that ours, numbered 1…by, come first. Only the digits of each priority attribute change.
 */
export function shiftPriorities(sheet: SheetPart, by: number): void {
  for (const el of sheet.root.children) {
    if (el.local !== 'conditionalFormatting' && el.local !== 'extLst' && el.local !== 'AlternateContent')
      continue;
    const inner = sheet.xml.slice(el.start, el.end);
    const tags = /<(?:[\w.-]+:)?cfRule(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/g;
    for (const tag of inner.matchAll(tags)) {
      const m = /(\spriority\s*=\s*)(["'])\s*(\d+)\s*\2/.exec(tag[0]);
      if (!m) continue;
      const at = el.start + (tag.index as number) + m.index + m[1].length + 1;
      const digits = /\d+/.exec(tag[0].slice(m.index + m[1].length + 1)) as RegExpExecArray;
      const from = at + digits.index;
      sheet.patch.replace(from, from + digits[0].length, String(Number(m[3]) + by));
    }
  }
}

export interface OurRule {
  sqref: string;
  dxfId: number;
  priority: number;
}

/** Our conditionalFormatting elements, ahead of the user's own (the schema lets them come in any order). */
export function addRules(sheet: SheetPart, rules: OurRule[], formula: string): void {
  if (rules.length === 0) return;
  const p = elementPrefix(sheet);
  const xml = rules
    .map(
      (r) =>
        `<${p}conditionalFormatting sqref="${escapeAttribute(r.sqref)}">` +
        `<${p}cfRule type="expression" dxfId="${r.dxfId}" priority="${r.priority}">` +
        `<${p}formula>${formula.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${p}formula></${p}cfRule>` +
        `</${p}conditionalFormatting>`,
    )
    .join('');
  sheet.patch.insert(insertionPoint(sheet, 'conditionalFormatting'), xml);
}

export function addLegacyDrawing(sheet: SheetPart, rid: string): void {
  const { prefix, declare } = relPrefix(sheet);
  sheet.patch.insert(
    insertionPoint(sheet, 'legacyDrawing'),
    `<${elementPrefix(sheet)}legacyDrawing${declare} ${prefix}id="${escapeAttribute(rid)}"/>`,
  );
}
