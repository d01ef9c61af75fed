/**
 * The pane's Workbook port on the file the worker holds: the "active sheet" is the one the sheet picker shows,
 * the check runs in the worker (Workbook.check) and hands back only what the pane shows, selecting a cell shows
 * its row in the preview, highlights are counted for the checked copy (the worker puts them in), and a template
 * is offered as a download instead of new sheets.
 */
import type { Highlight, Lang } from '../../shared/src/index';
import type { TemplateWorkbook } from '../../shared/src/templates/schema';
import type { ShownReport, Workbook } from '../../shared/ui/workbook';
import { EngineFailure, TIME_LIMITS, type Engine } from './client';
import type { RowView } from './preview';
import type { FileInfo } from './protocol';
import { w, type WebKey } from '../../shared/src/words/webPage';

export interface WebHost {
  file(): FileInfo | null;
  /** The sheet the picker shows. */
  activeSheet(): string | null;
  choose(sheet: string): void;
  engine(): Promise<Engine>;
  showRow(sheet: string, cell: string, view: RowView | null): void;
  /** Renders the template and starts its download; resolves to the file's name. */
  downloadTemplate(template: TemplateWorkbook): Promise<string>;
  /** Told when the recorded highlights change (the download depends on them). */
  highlightsChanged?(): void;
  /** Told while the worker checks: the page takes no new file meanwhile. */
  busy?(on: boolean): void;
}

/** A failure the page words itself (no file yet, a file too large for the browser, …); never a raw message. */
export class WebError extends Error {
  constructor(
    readonly key: WebKey,
    readonly params: Record<string, string | number> = {},
    /** Words that need more than one key (a failure: what stopped, which step, what to do). */
    readonly words?: (lang: Lang) => string,
  ) {
    super(key);
  }
}

const STEPS = {
  read: 'stepRead',
  check: 'stepCheck',
  reword: 'stepCheck',
  copy: 'stepCopy',
  row: 'stepRow',
  ping: 'stepRead',
} as const;

/** A request the worker could not answer, worded for `file`: what stopped it, in which step, what to do. */
export function failureText(e: EngineFailure, file: string, lang: Lang): string {
  if (e.failure === 'no-file') return w(lang, 'fileGone');
  const key = e.failure === 'time' ? 'stopTime' : e.failure === 'memory' ? 'stopMemory' : 'stopCrash';
  return w(lang, key, {
    file,
    step: w(lang, STEPS[e.op]),
    s: Math.round(TIME_LIMITS[e.op] / 1000),
    advice: w(lang, 'advice'),
  });
}

export function failureError(e: EngineFailure, file: string): WebError {
  return new WebError('failed', {}, (lang) => failureText(e, file, lang));
}

export function explainWebError(e: unknown, lang: Lang): string {
  if (e instanceof WebError) return e.words ? e.words(lang) : w(lang, e.key, e.params);
  if (e instanceof EngineFailure) return failureText(e, w(lang, 'theFile'), lang);
  // Anything else is a fault of the page, not of the file: its message is for developers, never shown.
  return w(lang, 'failed');
}

export interface WebWorkbook extends Workbook {
  /** How many cells the copy highlights, per sheet checked with highlighting. */
  readonly highlights: Map<string, number>;
}

export function webWorkbook(host: WebHost): WebWorkbook {
  const highlights = new Map<string, number>();
  const held = (): FileInfo => {
    const file = host.file();
    if (!file || file.sheets.length === 0) throw new WebError('noFile');
    return file;
  };
  const sheetName = (file: FileInfo, name: string | null): string =>
    (file.sheets.find((s) => s.name === name) ?? file.sheets[0]).name;
  const worded = (e: unknown, file: FileInfo): unknown =>
    e instanceof EngineFailure ? failureError(e, file.name) : e;

  return {
    highlights,
    // Never called: the pane calls check(), and the grid stays in the worker.
    readSheet: async () => {
      throw new WebError('failed');
    },
    check: async ({ scope, options, highlight }) => {
      const file = held();
      const name = scope === 'workbook' ? null : sheetName(file, host.activeSheet());
      host.busy?.(true);
      try {
        const checked = await (await host.engine()).check(name, options);
        if (highlight) {
          for (const [s, n] of checked.highlights) highlights.set(s, n);
          host.highlightsChanged?.();
        }
        return { sheet: checked.sheet, display: checked.display };
      } catch (e) {
        throw worded(e, file);
      } finally {
        host.busy?.(false);
      }
    },
    reword: async (lang) => {
      const file = held();
      let shown: ShownReport | null;
      try {
        shown = await (await host.engine()).reword(lang);
      } catch (e) {
        throw worded(e, file);
      }
      // The worker holds no check of this file (it was replaced meanwhile): the file must be read again.
      if (!shown) throw new WebError('fileGone');
      return shown;
    },
    applyHighlights: async (name, list: Highlight[]) => {
      highlights.set(name, list.filter((h) => h.sheet === name).length);
      host.highlightsChanged?.();
    },
    clearHighlights: async (name) => {
      let n = 0;
      for (const [sheet, count] of [...highlights]) {
        if (name !== undefined && sheet !== name) continue;
        n += count;
        highlights.delete(sheet);
      }
      host.highlightsChanged?.();
      return n;
    },
    activeSheetName: async () => sheetName(held(), host.activeSheet()),
    insertTemplate: async (template) => [await host.downloadTemplate(template)],
    selectCell: async (name, cell) => {
      const file = held();
      const sheet = sheetName(file, name);
      if (sheet !== host.activeSheet()) host.choose(sheet);
      let view: RowView | null;
      try {
        view = await (await host.engine()).row(sheet, cell);
      } catch (e) {
        throw worded(e, file);
      }
      host.showRow(sheet, cell, view);
    },
    explainError: explainWebError,
  };
}
