import { AREAS, REQUIRED_AREAS, areaByNumeral } from '../table/areas';
import type { Entry } from '../table/readTable';
import type { FindingList } from '../report/findings';

type AreaEntry = Extract<Entry, { type: 'area' }>;

/** The key an area row is counted under: its catalogue numeral, else the numeral written, else its name. */
export function areaKey(entry: AreaEntry): string {
  return entry.known?.numeral ?? entry.numeral ?? entry.name;
}

/** Unknown area names, areas out of the usual order, and required areas that the table lacks. */
export function checkAreas(
  areas: AreaEntry[],
  anchor: { row: number; column: number },
  findings: FindingList,
): void {
  if (areas.length === 0) {
    findings.add('area/missing', anchor.row, anchor.column, { numeral: '', name: '' });
    return;
  }
  let previousIndex = -1;
  let previousNumeral = '';
  for (const a of areas) {
    if (!a.known) {
      findings.add('area/unknown', a.row, a.column, { name: a.name });
      continue;
    }
    const index = AREAS.indexOf(a.known);
    if (index < previousIndex) {
      findings.add('area/order', a.row, a.column, { numeral: a.known.numeral, previous: previousNumeral });
    } else {
      previousIndex = index;
      previousNumeral = a.known.numeral;
    }
  }
  const present = new Set(areas.map((a) => a.known?.numeral).filter(Boolean));
  for (const numeral of REQUIRED_AREAS) {
    if (present.has(numeral)) continue;
    const def = areaByNumeral(numeral)!;
    findings.add('area/missing', anchor.row, anchor.column, {
      numeral,
      name: { area: def.numeral },
    });
  }
}
