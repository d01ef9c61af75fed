/**
 * The pane's Workbook port on the file in memory: the "active sheet" is the one the sheet picker shows,
 * selecting a cell shows its row in the preview, highlights are recorded for the checked copy, and a template is
 * offered as a download instead of new sheets.
 */
import type { Highlight, Lang, SheetGrid } from '../../shared/src/index';
import type { TemplateWorkbook } from '../../shared/src/templates/schema';
import type { Workbook } from '../../shared/ui/workbook';
import type { LoadedFile } from './protocol';
import { w, type WebKey } from './words';

export interface WebHost {
  file(): LoadedFile | null;
  /** The sheet the picker shows. */
  activeSheet(): string | null;
  choose(sheet: string): void;
  showRow(sheet: SheetGrid, cell: string): void;
  /** Renders the template and starts its download; resolves to the file's name. */
  downloadTemplate(template: TemplateWorkbook): Promise<string>;
  /** Told when the recorded highlights change (the download depends on them). */
  highlightsChanged?(): void;
}

/** A failure the page words itself (no file yet, …); anything else is worded as "did not work (detail)". */
export class WebError extends Error {
  constructor(
    readonly key: WebKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

export function explainWebError(e: unknown, lang: Lang): string {
  if (e instanceof WebError) return w(lang, e.key, e.params);
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return w(lang, 'failed', { detail });
}

export interface WebWorkbook extends Workbook {
  /** The highlights recorded per sheet: a sheet is in the copy's highlights once checked with highlighting. */
  readonly highlights: Map<string, Highlight[]>;
}

export function webWorkbook(host: WebHost): WebWorkbook {
  const highlights = new Map<string, Highlight[]>();
  const sheet = (name: string | null): SheetGrid => {
    const file = host.file();
    if (!file) throw new WebError('noFile');
    const grid = file.sheets.find((s) => s.name === name) ?? file.sheets[0];
    if (!grid) throw new WebError('noFile');
    return grid;
  };
  return {
    highlights,
    // There is no selection in a file: the whole chosen sheet is read either way.
    readSheet: async () => sheet(host.activeSheet()),
    applyHighlights: async (name, list) => {
      highlights.set(
        name,
        list.filter((h) => h.sheet === name),
      );
      host.highlightsChanged?.();
    },
    clearHighlights: async (name) => {
      let n = 0;
      for (const [sheetName, list] of [...highlights]) {
        if (name !== undefined && sheetName !== name) continue;
        n += list.length;
        highlights.delete(sheetName);
      }
      host.highlightsChanged?.();
      return n;
    },
    activeSheetName: async () => sheet(host.activeSheet()).name,
    insertTemplate: async (template) => [await host.downloadTemplate(template)],
    selectCell: async (name, cell) => {
      const grid = sheet(name);
      if (grid.name !== host.activeSheet()) host.choose(grid.name);
      host.showRow(grid, cell);
    },
    explainError: explainWebError,
  };
}
