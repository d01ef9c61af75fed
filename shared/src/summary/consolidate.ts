/**
 * Many ward files into one province summary: sums, indicators matched across files, areas, errors. Pure and
 * order-preserving: the files keep the order they were given in, whatever order the workers finished in.
 */
import type { Lang } from '../report/messages';
import { areaByNumeral, REQUIRED_AREAS, romanToInt } from '../table/areas';
import { emptyKpiCounts } from '../attainment/summary';
import { emptyTaskCounts, type FileDigest } from './digest';
import type { AreaTotals, Indicator, Summary, SummaryError, WardFile } from './schema';
import { unitKey } from './unitName';

export interface ConsolidateOptions {
  lang: Lang;
  /** The as-of date when no file was read (YYYY-MM-DD). */
  today: string;
}

export function consolidate(digests: readonly FileDigest[], options: ConsolidateOptions): Summary {
  const read = digests.filter((d) => d.unreadable === null);
  const files = digests.map(wardFile);
  markSameUnit(digests, files);

  const totals: Summary['totals'] = {
    files: digests.length,
    read: read.length,
    unreadable: digests.length - read.length,
    units: new Set(read.map((d) => unitKey(d.unit))).size,
    filesWithErrors: read.filter((d) => d.errors > 0).length,
    tasks: emptyTaskCounts(),
    kpis: emptyKpiCounts(),
    rate: null,
    errors: 0,
    warnings: 0,
  };
  for (const d of read) {
    for (const k of ['total', 'done', 'overdue', 'pending', 'ongoing'] as const)
      totals.tasks[k] += d.tasks[k];
    for (const k of ['total', 'met', 'missed', 'noData', 'unmeasurable'] as const)
      totals.kpis[k] += d.kpis[k];
    totals.errors += d.errors;
    totals.warnings += d.warnings;
  }
  totals.rate = rateOf(totals.kpis.met, totals.kpis.missed);

  const errors: SummaryError[] = [];
  // One by one: a batch can hold hundreds of thousands of rows, beyond what a spread passes as arguments.
  for (const d of digests) for (const e of d.errorRows) errors.push(e);

  return {
    lang: options.lang,
    asOf: mostCommon(read.map((d) => d.asOf).filter(Boolean)) ?? options.today,
    year: mostCommon(read.map((d) => d.planYear).filter((y): y is number => y !== null)) ?? null,
    files,
    totals,
    indicators: indicatorsOf(digests),
    areas: areasOf(read, options.lang),
    errors,
  };
}

function wardFile(d: FileDigest): WardFile {
  return {
    file: d.file,
    unit: d.unit,
    unitSource: d.unitSource,
    sameUnit: [],
    sameUnitCount: 0,
    unreadable: d.unreadable,
    planYear: d.planYear,
    tasks: { ...d.tasks },
    kpis: { ...d.kpis },
    rate: d.unreadable === null ? rateOf(d.kpis.met, d.kpis.missed) : null,
    errors: d.errors,
    warnings: d.warnings,
  };
}

/** met / (met + missed), or null when no indicator had data and a measurable target. */
export function rateOf(met: number, missed: number): number | null {
  return met + missed > 0 ? met / (met + missed) : null;
}

/** How many of a unit's other files a file names; the rest are counted (sameUnitCount). */
export const SAME_UNIT_LISTED = 5;

/**
 * Two files of one unit are both kept; each names the others (the first SAME_UNIT_LISTED) and counts them all.
 * Unreadable files, named only by path, too. Linear in the files: one pass to group, one to name.
 */
function markSameUnit(digests: readonly FileDigest[], files: WardFile[]): void {
  const byUnit = new Map<string, number[]>();
  digests.forEach((d, i) => {
    const key = unitKey(d.unit);
    const group = byUnit.get(key);
    if (group) group.push(i);
    else byUnit.set(key, [i]);
  });
  for (const group of byUnit.values()) {
    if (group.length < 2) continue;
    // The group's first files, one more than listed, so that each file can leave itself out.
    const head = group.slice(0, SAME_UNIT_LISTED + 1);
    for (const i of group) {
      files[i].sameUnit = head
        .filter((j) => j !== i)
        .slice(0, SAME_UNIT_LISTED)
        .map((j) => files[j].file);
      files[i].sameUnitCount = group.length - 1;
    }
  }
}

function indicatorsOf(digests: readonly FileDigest[]): Indicator[] {
  const byKey = new Map<string, Indicator & { order: number; spellings: Map<string, number> }>();
  digests.forEach((d, file) => {
    for (const k of d.indicators) {
      let ind = byKey.get(k.key);
      if (!ind) {
        ind = {
          key: k.key,
          name: k.name,
          met: 0,
          missed: 0,
          noData: 0,
          unmeasurable: 0,
          results: [],
          order: byKey.size,
          spellings: new Map(),
        };
        byKey.set(k.key, ind);
      }
      ind.spellings.set(k.name, (ind.spellings.get(k.name) ?? 0) + 1);
      ind.results.push({ file, actual: k.actual, unit: k.unit, status: k.status });
      if (k.status === 'met') ind.met++;
      else if (k.status === 'missed') ind.missed++;
      else if (k.status === 'no-data') ind.noData++;
      else ind.unmeasurable++;
    }
  });
  return [...byKey.values()]
    .sort((a, b) => b.results.length - a.results.length || a.order - b.order)
    .map(({ order: _order, spellings, ...ind }) => ({
      ...ind,
      name: mostCommon([...spellings.keys()], spellings) ?? ind.name,
    }));
}

function areasOf(read: readonly FileDigest[], lang: Lang): AreaTotals[] {
  const byArea = new Map<string, AreaTotals>();
  // The seven areas every plan has are always listed, so an area no ward worked on shows as a zero, not a gap.
  for (const numeral of REQUIRED_AREAS) {
    const def = areaByNumeral(numeral);
    if (def)
      byArea.set(numeral, {
        area: numeral,
        name: lang === 'vi' ? def.vi : def.en,
        tasks: 0,
        done: 0,
        overdue: 0,
        filesWithOverdue: 0,
      });
  }
  for (const d of read) {
    for (const a of d.areas) {
      const def = areaByNumeral(a.area);
      const sum = byArea.get(a.area) ?? {
        area: a.area,
        name: def ? (lang === 'vi' ? def.vi : def.en) : a.name,
        tasks: 0,
        done: 0,
        overdue: 0,
        filesWithOverdue: 0,
      };
      sum.tasks += a.tasks;
      sum.done += a.done;
      sum.overdue += a.overdue;
      if (a.overdue > 0) sum.filesWithOverdue++;
      byArea.set(a.area, sum);
    }
  }
  // I, II … VII in order; anything that is not a numeral after them.
  const rank = (a: AreaTotals) => romanToInt(a.area) ?? Number.MAX_SAFE_INTEGER;
  return [...byArea.values()].sort((a, b) => rank(a) - rank(b));
}

/** The value seen most often (the first seen on a tie); `counts` when they are already counted. */
function mostCommon<T>(values: readonly T[], counts?: Map<T, number>): T | undefined {
  const seen = counts ?? new Map<T, number>();
  if (!counts) for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const v of values) {
    const c = seen.get(v) ?? 0;
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}
