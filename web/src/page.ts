/**
 * The web page: the shared pane over the file the worker holds. The officer picks or drops a file; it is read and
 * checked in the worker, the sheet with a table chosen and checked at once; a finding shows its row; the checked
 * copy and the templates are downloads. Nothing is sent anywhere: the page's CSP allows no request at all. When
 * the worker fails (too large a file, a crash, no answer in time) it is replaced, the page says so in its own
 * words and takes the next file.
 */
import type { CheckOptions, Lang } from '../../shared/src/index';
import { isoDay } from '../../shared/src/hosts/checkForm';
import type { TemplateWorkbook } from '../../shared/src/templates/schema';
import { Pane } from '../../shared/ui/controller';
import { browserDom, clear } from '../../shared/ui/dom';
import { setHostWords } from '../../shared/ui/i18n';
import { EngineFailure, pageEngine, workerEngine, type Engine } from './client';
import { baseName } from './engine';
import { renderRow, type RowView } from './preview';
import type { FileInfo, Phase } from './protocol';
import { webWorkbook, explainWebError, failureText, WebError } from './webWorkbook';
import { HOST_WORDS, isWebKey, w } from '../../shared/src/words/webPage';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Say = ((lang: Lang) => string) | null;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export async function startPage(ownScript: string): Promise<void> {
  const doc = document;
  const dom = browserDom(doc);
  const byId = <T extends HTMLElement>(id: string) => {
    const el = doc.getElementById(id);
    if (!el) throw new Error(`cchc.html has no #${id}`);
    return el as T;
  };
  setHostWords(HOST_WORDS);

  // The page's own controls take their places in the pane: the file first, the download under the summary, and
  // what the page says about a file where a check's result would be, since that is where the eye goes.
  const main = byId('main');
  main.insertBefore(byId('file-card'), main.querySelector('section'));
  byId('summary').after(byId('download-box'));
  byId('summary').before(byId('file-alert'));

  /**
   * After a file is chosen or a check asked for, the result (or why there is none) is brought into view: on a
   * laptop screen the results card starts below the form. A language switch re-words in place, never scrolls.
   */
  let revealNext = false;
  function reveal(): void {
    if (!revealNext) return;
    revealNext = false;
    // Below the first half of the window, or above it (the officer had scrolled down to the templates): bring
    // the result's heading to the top.
    const heading = byId('results-heading');
    const top = heading.getBoundingClientRect().top;
    if (top < 0 || top > (doc.defaultView?.innerHeight ?? 0) * 0.5)
      heading.scrollIntoView({ block: 'start' });
  }
  byId('check-form').addEventListener('submit', () => (revealNext = true));
  byId('check').addEventListener('click', () => (revealNext = true));

  let lang: Lang = 'vi';
  let file: FileInfo | null = null;
  let options: CheckOptions | null = null;
  let statusSay: Say = null;
  let alertSay: Say = null;
  let downloadSay: Say = null;
  let previewSay: Say = null;

  const picker = byId<HTMLSelectElement>('sheet');
  const input = byId<HTMLInputElement>('file');
  const download = byId<HTMLButtonElement>('download');
  const preview = byId('preview');

  const workbook = webWorkbook({
    file: () => file,
    activeSheet: () => (file ? picker.value : null),
    choose: (name) => {
      picker.value = name;
    },
    engine: () => engineReady,
    showRow,
    downloadTemplate,
    highlightsChanged: () => syncDownload(),
    busy: (on) => {
      checking = on;
      input.disabled = on || reading;
    },
  });

  const pane = new Pane({
    document: doc,
    workbook,
    today: () => isoDay(new Date()),
    storage: storage(),
    onLang: (l) => {
      lang = l;
      reword();
    },
    onIdle: () => syncDownload(),
    onReport: (_report, used) => {
      options = used;
      // A sheet checked: the line about the file (a workbook with no table on its first sheet) has had its say.
      if (alertSay) {
        alertSay = null;
        reword();
      }
      syncDownload();
      reveal();
    },
  });

  function reword(): void {
    for (const el of doc.querySelectorAll<HTMLElement>('[data-web]')) {
      const key = el.dataset.web ?? '';
      if (isWebKey(key)) el.textContent = w(lang, key);
    }
    fillPicker();
    byId('file-status').textContent = statusSay ? statusSay(lang) : '';
    const alert = byId('file-alert');
    alert.textContent = alertSay ? alertSay(lang) : '';
    alert.hidden = alertSay === null;
    // The line about the file stands in the results' place: not beside "not checked yet, press Kiểm tra".
    byId('results').hidden = alertSay !== null;
    byId('download-output').textContent = downloadSay ? downloadSay(lang) : '';
    if (previewSay) byId('preview-heading').textContent = previewSay(lang);
    syncDownload();
  }

  function fillPicker(): void {
    const chosen = picker.value;
    clear(picker);
    if (!file) return;
    file.sheets.forEach((s) => {
      const kind = s.kind;
      const key = kind === 'tasks' ? 'kindTasks' : kind === 'kpis' ? 'kindKpis' : 'kindNone';
      picker.appendChild(dom.el('option', { value: s.name }, [w(lang, key, { name: s.name })]));
    });
    if (chosen) picker.value = chosen;
  }

  /** The button is usable once a check has put highlights into the copy, and never for a .csv. */
  function syncDownload(): void {
    const hint = byId('download-state');
    const ready = file !== null && !file.csv && options !== null && workbook.highlights.size > 0;
    download.disabled = !ready;
    hint.textContent =
      !file || ready ? '' : file.csv ? w(lang, 'downloadCsv') : w(lang, 'downloadNeedsCheck');
  }

  function showRow(sheet: string, cell: string, view: RowView | null): void {
    const body = byId('preview-body');
    clear(body);
    if (!view) return;
    previewSay = (l) => w(l, 'previewHeading', { row: view.row, sheet, cell });
    byId('preview-heading').textContent = previewSay(lang);
    body.appendChild(renderRow(dom, view, w(lang, 'previewMarked')));
    preview.hidden = false;
    doc.body.classList.add('has-preview');
    // The marked cell in view, however wide the row.
    body.querySelector('td.marked')?.scrollIntoView?.({ block: 'nearest', inline: 'center' });
  }

  function hidePreview(): void {
    preview.hidden = true;
    previewSay = null;
    doc.body.classList.remove('has-preview');
  }

  function save(bytes: Uint8Array, name: string): void {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
    const a = dom.el('a', { href: url, download: name, hidden: true });
    doc.body.appendChild(a);
    a.click();
    a.remove();
    // Revoked later: the browser may still be reading the blob as the download starts.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async function downloadTemplate(template: TemplateWorkbook): Promise<string> {
    // exceljs renders the templates as the command line does; it is evaluated only when a template is asked for.
    const { renderWorkbook } = await import('../../cli/src/templates/renderWorkbook');
    const buffer = await renderWorkbook(template, lang).xlsx.writeBuffer();
    const roles = new Set(template.sheets.map((s) => s.role));
    const what =
      roles.has('tasks') && roles.has('kpis')
        ? 'tat-ca'
        : roles.has('tasks')
          ? 'nhiem-vu'
          : roles.has('kpis')
            ? 'chi-tieu'
            : 'don-vi';
    const year = byId<HTMLInputElement>('template-year').value.trim();
    const name = `mau-${what}${/^\d{4}$/.test(year) ? `-${year}` : ''}.xlsx`;
    save(new Uint8Array(buffer as ArrayBuffer), name);
    return name;
  }

  // ---- reading a file ----

  const engineReady = (async (): Promise<Engine> => {
    const engine = (await workerEngine(ownScript, { onLost: fileLost })) ?? pageEngine();
    doc.body.dataset.engine = engine.where;
    return engine;
  })();

  /**
   * The worker was replaced (a file too large, a crash, no answer in time): the file it held is gone, so nothing
   * of it is left to pick, check or download. The failure itself is worded where the request was made.
   */
  function fileLost(): void {
    doc.body.dataset.restarts = String(Number(doc.body.dataset.restarts ?? 0) + 1);
    if (!file) return;
    file = null;
    options = null;
    statusSay = null;
    downloadSay = null;
    byId('sheet-field').hidden = true;
    hidePreview();
    void workbook.clearHighlights();
    pane.reset();
    reword();
  }

  function readBytes(f: File, onProgress: (pct: number) => void): Promise<Uint8Array> {
    return new Promise((ok, fail) => {
      const reader = new FileReader();
      reader.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(Math.round((100 * e.loaded) / e.total));
      };
      reader.onload = () => ok(new Uint8Array(reader.result as ArrayBuffer));
      reader.onerror = () => fail(reader.error ?? new Error('read error'));
      reader.readAsArrayBuffer(f);
    });
  }

  let reading = false;
  let checking = false;
  async function load(f: File): Promise<void> {
    // One file at a time: the worker holds one, and a check under way belongs to the last.
    if (reading || checking) return;
    reading = true;
    const name = f.name;
    const progress = byId<HTMLProgressElement>('progress');
    const progressText = byId('progress-text');
    const box = byId('progress-box');
    let timer: ReturnType<typeof setInterval> | undefined;
    const show = (say: (l: Lang) => string, pct: number | null) => {
      box.hidden = false;
      if (pct === null) progress.removeAttribute('value');
      else progress.value = pct;
      progressText.textContent = say(lang);
    };
    // A new file: nothing of the last one is left to select, highlight or download.
    file = null;
    options = null;
    pane.reset();
    await workbook.clearHighlights();
    hidePreview();
    alertSay = null;
    statusSay = null;
    downloadSay = null;
    byId('sheet-field').hidden = true;
    input.disabled = true;
    main.setAttribute('aria-busy', 'true');
    reword();
    try {
      show((l) => w(l, 'loading', { file: name, pct: 0 }), 0);
      const bytes = await readBytes(f, (pct) => show((l) => w(l, 'loading', { file: name, pct }), pct));
      const started = Date.now();
      const onPhase = (phase: Phase) => {
        clearInterval(timer);
        if (phase === 'read') {
          const tick = () =>
            show((l) => w(l, 'reading', { file: name, s: Math.floor((Date.now() - started) / 1000) }), null);
          tick();
          timer = setInterval(tick, 500);
        } else show((l) => w(l, 'scanning', { file: name }), null);
      };
      const outcome = await (await engineReady).read(bytes, name, onPhase);
      if (!outcome.ok) {
        const lines = outcome.lines;
        alertSay = (l) => lines[l];
        return;
      }
      file = outcome.file;
      const loaded = outcome.file;
      const tables = loaded.sheets.filter((s) => s.kind !== 'none').length;
      statusSay = (l) => w(l, 'loaded', { file: name, sheets: loaded.sheets.length, tables });
      const noTable = loaded.noTable;
      if (noTable) alertSay = (l) => noTable[l];
      fillPicker();
      const first = loaded.sheets.findIndex((s) => s.kind !== 'none');
      picker.value = loaded.sheets[Math.max(first, 0)].name;
      byId('sheet-field').hidden = loaded.sheets.length < 2;
    } catch (e) {
      file = null;
      alertSay = e instanceof EngineFailure ? (l) => failureText(e, name, l) : (l) => explainWebError(e, l);
    } finally {
      clearInterval(timer);
      box.hidden = true;
      input.disabled = false;
      main.removeAttribute('aria-busy');
      reading = false;
      // Emptied, so that choosing the same file again (saved anew in Excel meanwhile) reads it again: a browser
      // reports no change for a file input given the file it already holds. The status line names the file.
      input.value = '';
      reword();
      // A file with nothing to check: its line is the result to see. Otherwise the check's report is.
      revealNext = true;
      if (!file || file.noTable) reveal();
    }
    // Checked at once, as a whole: choosing a file is asking for its check, and the file is what will be sent.
    if (file && !file.noTable) await pane.validate({ scope: 'workbook' });
  }

  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) void load(f);
  });
  const drop = byId('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    const f = e.dataTransfer?.files?.[0];
    if (f) void load(f);
  });
  // A file dropped anywhere else would make the browser open it in place of the page.
  doc.addEventListener('dragover', (e) => e.preventDefault());
  doc.addEventListener('drop', (e) => e.preventDefault());

  picker.addEventListener('change', () => {
    hidePreview();
    revealNext = true;
    void pane.validate();
  });
  byId('preview-close').addEventListener('click', hidePreview);

  download.addEventListener('click', async () => {
    if (!file || !options) return;
    const loaded = file;
    const used: CheckOptions = { ...options, lang };
    download.disabled = true;
    downloadSay = (l) => w(l, 'busyCopy');
    reword();
    download.disabled = true;
    try {
      if (loaded.csv) throw new WebError('downloadCsv');
      const copy = await (await engineReady).copy(used);
      const name = `${baseName(loaded.name)}.${w(lang, 'checkedSuffix')}.xlsx`;
      save(copy, name);
      downloadSay = (l) => w(l, 'copyDone', { file: name });
    } catch (e) {
      downloadSay =
        e instanceof WebError
          ? (l) => explainWebError(e, l)
          : e instanceof EngineFailure
            ? (l) => failureText(e, loaded.name, l)
            : (l) => w(l, 'copyFailed');
    } finally {
      reword();
    }
  });

  pane.start();
  syncDownload();
  await engineReady;
  doc.body.dataset.ready = 'true';
}
