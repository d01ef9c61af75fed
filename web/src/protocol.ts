/**
 * What the page and its worker say to each other. The worker reads the file, keeps its bytes and grids, and
 * answers each request with only what the page shows: the sheets' names and kinds, a check's display model with
 * its long lists cut (display.ts), one row for the preview, the checked copy. The grid itself never crosses, so
 * a 200,000-row sheet costs the page no clone and no check.
 */
import type { CheckOptions, Lang, SheetKind } from '../../shared/src/index';
import type { ShownReport } from '../../shared/ui/workbook';
import type { RowView } from './preview';

/** A file read, as the page sees it: its sheets and what each holds (for the sheet picker). */
export interface FileInfo {
  name: string;
  csv: boolean;
  sheets: { name: string; kind: SheetKind }[];
  /** When no sheet holds a table: the core's own line for it, in both languages. */
  noTable: Record<Lang, string> | null;
}

/** A file that could not be read gets the core's line (readMessages.ts), in both languages. */
export type ReadOutcome = { ok: true; file: FileInfo } | { ok: false; lines: Record<Lang, string> };

/** One sheet, or the whole workbook, checked in the worker. */
export interface SheetChecked {
  /** The sheet checked; '' for the whole workbook. */
  sheet: string;
  /** Worded in the options' language, lists cut (display.ts). */
  display: ShownReport;
  /** How many cells the check highlights on each sheet checked (the copy has them; the page only counts). */
  highlights: [sheet: string, cells: number][];
}

export type Phase = 'read' | 'scan' | 'check' | 'copy';

/** Each request, and what its answer holds. */
export interface Ops {
  ping: { ask: object; answer: 'pong' };
  read: { ask: { name: string; bytes: Uint8Array }; answer: ReadOutcome };
  /** `sheet` null: every sheet (the whole-workbook check). */
  check: { ask: { sheet: string | null; options: CheckOptions }; answer: SheetChecked };
  /** The last check's report worded again in `lang` (a language switch): nothing read or checked again. */
  reword: { ask: { lang: Lang }; answer: ShownReport | null };
  row: { ask: { sheet: string; cell: string }; answer: RowView | null };
  copy: { ask: { options: CheckOptions }; answer: Uint8Array };
}

export type Op = keyof Ops;

export type Request = { [O in Op]: { id: number; op: O } & Ops[O]['ask'] }[Op];

/**
 * Why the worker could not answer: 'memory' (a RangeError or a DataCloneError: the answer or the work did not
 * fit), 'no-file' (asked about a file it does not hold, as after a restart), 'crash' (anything else).
 */
export type WorkerFailure = 'memory' | 'no-file' | 'crash';

export type Response =
  | { id: number; phase: Phase }
  | { [O in Op]: { id: number; op: O; ok: true; value: Ops[O]['answer'] } }[Op]
  | { id: number; ok: false; failure: WorkerFailure };
