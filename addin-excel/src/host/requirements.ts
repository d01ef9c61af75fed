/**
 * The Office.js requirement sets the adapter uses, by operation; a test holds the manifest to them.
 * Requirement sets (the manifest asks for 1.9, and a member an older Excel lacks fails at sync with
 * ApiNotFound, which the pane words as "update Excel"; only the merges' read degrades instead):
 *   ExcelApi 1.4  getUsedRangeOrNullObject, getItemOrNullObject, names.add
 *   ExcelApi 1.6  conditional formats (add, type, customOrNullObject, delete)
 *   ExcelApi 1.7  getRangeByIndexes, freezePanes
 *   ExcelApi 1.8  dataValidation
 *   ExcelApi 1.9  getRanges (RangeAreas: conditional formats and formats of many areas at once), pageLayout
 *   ExcelApi 1.13 getMergedAreasOrNullObject (without it readSheet and readWorkbook return grids without merges)
 * readWorkbook needs what readSheet does, applyWorkbookHighlights what applyHighlights does.
 */

export type HostOperation =
  | 'readSheet'
  | 'readWorkbook'
  | 'applyHighlights'
  | 'applyWorkbookHighlights'
  | 'clearHighlights'
  | 'insertTemplate'
  | 'selectCell';

export interface Requirement {
  set: 'ExcelApi';
  version: string;
  usedBy: readonly HostOperation[];
  members: readonly string[];
  /** What happens without it. */
  without: 'fails' | 'degrades';
}

export const REQUIREMENTS: readonly Requirement[] = [
  {
    set: 'ExcelApi',
    version: '1.4',
    usedBy: ['readSheet', 'readWorkbook', 'insertTemplate'],
    members: [
      'Worksheet.getUsedRangeOrNullObject',
      'WorksheetCollection.getItemOrNullObject',
      'NamedItemCollection.add',
    ],
    without: 'fails',
  },
  {
    set: 'ExcelApi',
    version: '1.6',
    usedBy: ['applyHighlights', 'applyWorkbookHighlights', 'clearHighlights'],
    members: [
      'ConditionalFormatCollection.add',
      'ConditionalFormat.customOrNullObject',
      'ConditionalFormat.delete',
    ],
    without: 'fails',
  },
  {
    set: 'ExcelApi',
    version: '1.7',
    usedBy: ['readSheet', 'readWorkbook', 'insertTemplate'],
    members: ['Worksheet.getRangeByIndexes', 'WorksheetFreezePanes.freezeRows'],
    without: 'fails',
  },
  {
    set: 'ExcelApi',
    version: '1.8',
    usedBy: ['insertTemplate'],
    members: ['Range.dataValidation'],
    without: 'fails',
  },
  {
    set: 'ExcelApi',
    version: '1.9',
    usedBy: ['applyHighlights', 'applyWorkbookHighlights', 'insertTemplate'],
    members: [
      'Worksheet.getRanges',
      'RangeAreas.conditionalFormats',
      'RangeAreas.format',
      'Worksheet.pageLayout',
    ],
    without: 'fails',
  },
  {
    set: 'ExcelApi',
    version: '1.13',
    usedBy: ['readSheet', 'readWorkbook'],
    members: ['Range.getMergedAreasOrNullObject'],
    without: 'degrades',
  },
];

/** The lowest ExcelApi version an operation works with (the reads get merges only from 1.13 on). */
export function minimumVersion(op: HostOperation): string {
  const versions = REQUIREMENTS.filter((r) => r.usedBy.includes(op) && r.without === 'fails').map(
    (r) => r.version,
  );
  return versions.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).pop() ?? '1.1';
}
