/**
 * What the page and its worker say to each other. The worker holds the file's bytes and grids after a read, so
 * the copy is made without sending the file again; the page gets the grids for the pane and the row preview.
 */
import type { CheckOptions, Lang, SheetGrid, SheetKind } from '../../shared/src/index';

/** A file read: its sheets and what each holds (for the sheet picker). */
export interface LoadedFile {
  name: string;
  csv: boolean;
  sheets: SheetGrid[];
  kinds: SheetKind[];
  /** When no sheet holds a table: the core's own line for it, in both languages. */
  noTable: Record<Lang, string> | null;
}

export type ReadOutcome = { ok: true; file: LoadedFile } | { ok: false; lines: Record<Lang, string> };

export type Phase = 'read' | 'scan';

export type Request =
  | { id: number; op: 'ping' }
  | { id: number; op: 'read'; name: string; bytes: Uint8Array }
  | { id: number; op: 'copy'; options: CheckOptions };

export type Response =
  | { id: number; phase: Phase }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string };
