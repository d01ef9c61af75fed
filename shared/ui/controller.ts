/**
 * Runs the pane's flows (check, select a cell, insert a template, clear highlights, the host's menu or ribbon
 * commands) against a Workbook and keeps the page in step. The same controller runs in the Excel task pane and
 * the Sheets sidebar; each host hands it only its Workbook port. Flows run one at a time; while one runs the
 * pane's buttons are disabled.
 */
import {
  PERIODS,
  checkWorkbook,
  highlightsFor,
  periodLabel,
  type CheckOptions,
  type Lang,
  type Period,
  type Report,
} from '../src/index';
import {
  checkOptionsFromForm,
  periodPreview,
  templateKinds,
  templateParamsFromForm,
  type TemplateChoice,
} from '../src/hosts/checkForm';
import { formatDate, reportDisplay, type FindingItem } from '../src/hosts/reportDisplay';
import { parseIsoDate } from '../src/deadlines/isoDate';
import { buildTemplate } from '../src/templates/build';
import { browserDom, clear, type Dom } from './dom';
import { isKey, t, word, type Key } from './i18n';
import { renderLegend, renderReport, summaryText, versionText } from './view';
import type { Scope, ShownReport, Workbook } from './workbook';

/** Something to show, worded at display time so a language switch can re-word it. */
type Say = (lang: Lang) => string;

/** A problem with what the user typed: shown in the pane's words, not passed to the adapter's explainError. */
class FormError extends Error {
  constructor(readonly key: Key) {
    super(key);
  }
}

export interface PaneEnv {
  document: Document;
  workbook: Workbook;
  /** Today's local date, YYYY-MM-DD (the browser clock; the core never reads it). */
  today(): string;
  /** Where the language choice is remembered; absent when storage is blocked. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Brings the pane into view for a command run while it is hidden (Excel's shared runtime can; Sheets cannot). */
  showPane?(): Promise<void>;
  /** Told after the pane is worded in a language, so a host can word its own controls around the pane. */
  onLang?(lang: Lang): void;
  /**
   * Told each time a check's report is shown (also when a language switch re-words it), with its options; the
   * report is null where the host checked it (Workbook.check).
   */
  onReport?(report: Report | null, options: CheckOptions): void;
  /**
   * Told when a flow has ended and the buttons it disabled are enabled again: a host whose own button depends on
   * the flow's outcome (the web page's download, after highlights are cleared) sets it again here.
   */
  onIdle?(): void;
}

/** Why a host cannot run the pane; each host says it in its own words (i18n.ts). */
export type Unavailable = 'notInExcel' | 'officeMissing' | 'sheetsMissing';

// The key the Excel add-in has always used: a rename would forget every user's choice.
const LANG_KEY = 'cchc.addin.lang';

interface LastCheck {
  /**
   * The report, worded again on a language switch (its findings carry their parameters, so nothing is read or
   * checked again); null where the host checks and keeps the report (Workbook.check and reword).
   */
  report: Report | null;
  sheet: string;
  scope: Scope;
  options: CheckOptions;
  highlighted: boolean;
}

export class Pane {
  private lang: Lang = 'vi';
  private readonly doc: Document;
  private readonly dom: Dom<HTMLElement>;
  private last: LastCheck | null = null;
  private shown: ShownReport | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** The date the user chose, restored when they go back from a period to a date. */
  private manualDate = '';
  private alertSay: Say | null = null;
  private templateSay: Say | null = null;
  private clearSay: Say | null = null;

  constructor(private readonly env: PaneEnv) {
    this.doc = env.document;
    this.dom = browserDom(env.document);
  }

  private byId<T extends HTMLElement>(id: string): T {
    const el = this.doc.getElementById(id);
    if (!el) throw new Error(`taskpane.html has no #${id}`);
    return el as T;
  }

  /** Wires the page; the buttons stay disabled until this runs, i.e. until the host is ready. */
  start(): void {
    const today = this.env.today();
    this.manualDate = today;
    this.byId<HTMLInputElement>('as-of').value = today;
    this.byId<HTMLInputElement>('template-year').value = today.slice(0, 4);
    this.lang = this.storedLang();

    this.byId('lang-vi').addEventListener('click', () => this.setLang('vi'));
    this.byId('lang-en').addEventListener('click', () => this.setLang('en'));
    // The whole file is the first action (Enter in the form); the sheet or selection in the scope is the second.
    // A host that cannot read every sheet at once offers the second only, as its main button.
    const whole = this.wholeWorkbook();
    this.byId('check-all').hidden = !whole;
    if (!whole) this.byId('check').className = 'primary';
    this.byId('check-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.validate(whole ? { scope: 'workbook' } : {});
    });
    this.byId('check').addEventListener('click', () => void this.validate());
    this.byId('template-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.insertTemplate();
    });
    this.byId('clear-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.clearHighlights();
    });
    this.byId('period').addEventListener('change', () => this.syncPeriod());
    this.byId('year').addEventListener('input', () => this.syncPeriod());
    this.byId('as-of').addEventListener('change', () => {
      if (!this.period()) this.manualDate = this.byId<HTMLInputElement>('as-of').value;
      this.showAsOf();
    });
    this.byId('as-of').addEventListener('input', () => this.showAsOf());

    this.applyLang();
    for (const b of this.doc.querySelectorAll<HTMLButtonElement>('button')) b.disabled = false;
  }

  private wholeWorkbook(): boolean {
    const wb = this.env.workbook;
    return Boolean(wb.check || (wb.readWorkbook && wb.applyWorkbookHighlights));
  }

  /** Shown instead of start() when the pane is opened outside its host or the host's library is missing. */
  unavailable(key: Unavailable): void {
    this.showAlert((lang) => t(lang, key));
    // Which build failed to start is worth knowing too.
    this.showVersion();
  }

  // ---- language ----

  private storedLang(): Lang {
    try {
      return this.env.storage?.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
    } catch {
      return 'vi';
    }
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    try {
      this.env.storage?.setItem(LANG_KEY, lang);
    } catch {
      // Storage blocked by policy: the choice lasts for this session only.
    }
    // The last check worded again from its findings' parameters: no read and no check.
    if (this.last) {
      this.last.options = { ...this.last.options, lang };
      if (this.last.report) {
        this.shown = reportDisplay(this.last.report, lang);
        this.env.onReport?.(this.last.report, this.last.options);
      } else this.reword(this.last);
    }
    this.applyLang();
  }

  /** A host that checks for itself (Workbook.check) words its last report again, after any flow running. */
  private reword(last: LastCheck): void {
    const reword = this.env.workbook.reword?.bind(this.env.workbook);
    if (!reword) return;
    this.queue = this.queue.then(async () => {
      try {
        const display = await reword(this.lang);
        // A newer check or a reset meanwhile owns the results.
        if (this.last !== last) return;
        this.shown = display;
        this.env.onReport?.(null, last.options);
        this.renderResults();
      } catch (e) {
        this.showAlert((lang) => this.env.workbook.explainError(e, lang));
      }
    });
  }

  private applyLang(): void {
    const lang = this.lang;
    this.doc.documentElement.lang = lang;
    this.doc.title = t(lang, 'appName');
    for (const el of this.doc.querySelectorAll<HTMLElement>('[data-i18n]')) {
      const key = el.dataset.i18n ?? '';
      if (isKey(key)) el.textContent = word(lang, key);
    }
    for (const el of this.doc.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) {
      const key = el.dataset.i18nPlaceholder ?? '';
      if (isKey(key)) el.placeholder = word(lang, key);
    }
    for (const el of this.doc.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
      const key = el.dataset.i18nAriaLabel ?? '';
      if (isKey(key)) el.setAttribute('aria-label', word(lang, key));
    }
    this.byId('lang-vi').setAttribute('aria-pressed', String(lang === 'vi'));
    this.byId('lang-en').setAttribute('aria-pressed', String(lang === 'en'));
    this.fillPeriods();
    this.showAsOf();
    const legend = this.byId('legend');
    clear(legend);
    legend.appendChild(renderLegend(this.dom, lang));
    this.renderResults();
    this.renderSay(this.byId('template-output'), this.templateSay);
    this.renderSay(this.byId('clear-output'), this.clearSay);
    this.renderAlert();
    this.showVersion();
    this.env.onLang?.(lang);
  }

  /** The footer's version line; text only. */
  private showVersion(): void {
    this.byId('version').textContent = versionText(this.lang);
  }

  // ---- check settings ----

  private period(): Period | '' {
    const v = this.byId<HTMLSelectElement>('period').value;
    return (PERIODS as readonly string[]).includes(v) ? (v as Period) : '';
  }

  /** The period options, each with its cut-off (dd/mm), re-worded on a language switch. */
  private fillPeriods(): void {
    const select = this.byId<HTMLSelectElement>('period');
    const chosen = select.value;
    for (const option of [...select.options]) if (option.value !== '') option.remove();
    const year = this.byId<HTMLInputElement>('year').value;
    for (const p of PERIODS) {
      const iso = periodPreview(p, year, this.env.today());
      const option = this.doc.createElement('option');
      option.value = p;
      option.textContent = t(this.lang, 'periodOption', {
        name: periodLabel(p, this.lang),
        date: `${iso.slice(8, 10)}/${iso.slice(5, 7)}`,
      });
      select.appendChild(option);
    }
    select.value = chosen;
  }

  /** With a period chosen the as-of date follows its cut-off and is not edited by hand. */
  private syncPeriod(): void {
    const period = this.period();
    const asOf = this.byId<HTMLInputElement>('as-of');
    const hint = this.byId('as-of-hint');
    if (period) {
      asOf.value = periodPreview(period, this.byId<HTMLInputElement>('year').value, this.env.today());
      asOf.readOnly = true;
      hint.hidden = false;
    } else {
      asOf.value = this.manualDate;
      asOf.readOnly = false;
      hint.hidden = true;
    }
    this.showAsOf();
  }

  /** The as-of date written out in the pane's language, whatever locale the date input displays in. */
  private showAsOf(): void {
    const iso = parseIsoDate(this.byId<HTMLInputElement>('as-of').value);
    this.byId('as-of-text').textContent = iso
      ? t(this.lang, 'asOfShown', { date: formatDate(iso, this.lang) })
      : '';
  }

  private scope(): Scope {
    return this.byId<HTMLInputElement>('scope-selection').checked ? 'selection' : 'sheet';
  }

  // ---- flows ----

  /**
   * Runs one flow after any flow already running. Buttons are disabled meanwhile and focus is put back where
   * it was, since disabling the focused button would otherwise drop keyboard users at the top of the page.
   */
  private run<T>(busy: { out: HTMLElement; key: Key }, flow: () => Promise<T>): Promise<T | undefined> {
    const next = this.queue.then(async () => {
      const focused = this.doc.activeElement as HTMLElement | null;
      const buttons = [...this.doc.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.disabled);
      for (const b of buttons) b.disabled = true;
      this.byId('main').setAttribute('aria-busy', 'true');
      this.showAlert(null);
      busy.out.textContent = t(this.lang, busy.key);
      try {
        return await flow();
      } catch (e) {
        this.showAlert(
          e instanceof FormError
            ? (lang) => t(lang, e.key)
            : (lang) => this.env.workbook.explainError(e, lang),
        );
        return undefined;
      } finally {
        for (const b of buttons) if (b.isConnected) b.disabled = false;
        this.env.onIdle?.();
        this.byId('main').removeAttribute('aria-busy');
        if (focused?.isConnected && focused !== this.doc.activeElement) focused.focus();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Reads the sheet (or selection), checks it, highlights it, shows the report. Resolves true when shown. */
  validate(override: { scope?: Scope; highlight?: boolean } = {}): Promise<boolean> {
    const summary = this.byId('summary');
    return this.run({ out: summary, key: 'busyCheck' }, async () => {
      const period = this.period();
      const form = checkOptionsFromForm(
        {
          asOf: this.byId<HTMLInputElement>('as-of').value,
          period,
          year: this.byId<HTMLInputElement>('year').value,
        },
        { lang: this.lang, today: this.env.today() },
      );
      if (!form.ok) throw new FormError(form.problem === 'year' ? 'problemYear' : 'problemDate');
      const highlight = override.highlight ?? this.byId<HTMLInputElement>('highlight').checked;
      const scope =
        override.scope === 'workbook' && !this.wholeWorkbook() ? 'sheet' : (override.scope ?? this.scope());
      const wb = this.env.workbook;
      let report: Report | null = null;
      if (wb.check) {
        const checked = await wb.check({ scope, options: form.value, highlight });
        this.last = {
          report: null,
          sheet: checked.sheet,
          scope,
          options: form.value,
          highlighted: highlight,
        };
        this.shown = checked.display;
      } else if (scope === 'workbook' && wb.readWorkbook && wb.applyWorkbookHighlights) {
        // Every sheet in one batch of reads and one of writes: the file the officer will send, as a whole.
        const grids = await wb.readWorkbook();
        report = checkWorkbook(grids, form.value);
        if (highlight)
          await wb.applyWorkbookHighlights(
            grids.map((g) => g.name),
            highlightsFor(report),
          );
        this.last = { report, sheet: '', scope, options: form.value, highlighted: highlight };
        this.shown = reportDisplay(report, this.lang);
      } else {
        const grid = await wb.readSheet(scope);
        report = checkWorkbook([grid], form.value);
        if (highlight) await wb.applyHighlights(grid.name, highlightsFor(report));
        this.last = { report, sheet: grid.name, scope, options: form.value, highlighted: highlight };
        this.shown = reportDisplay(report, this.lang);
      }
      // Highlights on every sheet: "Xóa đánh dấu" then offers every sheet first.
      if (scope === 'workbook') this.byId<HTMLSelectElement>('clear-scope').value = 'all';
      // The core took the cut-off in the plan year (perhaps read from the title): show the date it used.
      if (period) {
        this.byId<HTMLInputElement>('as-of').value = this.shown.asOf;
        this.showAsOf();
      }
      this.renderResults();
      this.env.onReport?.(report, form.value);
      return true;
    }).then((ok) => {
      if (!ok) this.renderResults();
      return ok === true;
    });
  }

  private selectCell(item: FindingItem): void {
    // Not through run(): selecting is instant, and disabling the list would move focus away from the item.
    this.queue = this.queue.then(async () => {
      try {
        this.showAlert(null);
        await this.env.workbook.selectCell(item.sheet, item.cell);
      } catch (e) {
        this.showAlert((lang) => this.env.workbook.explainError(e, lang));
      }
    });
  }

  /** Inserts the chosen template (or `choice`, from a host command) with the form's settings. */
  insertTemplate(choice?: TemplateChoice): Promise<boolean> {
    const out = this.byId('template-output');
    return this.run({ out, key: 'busyTemplate' }, async () => {
      const kind = choice ?? (this.byId<HTMLSelectElement>('template-kind').value as TemplateChoice);
      const form = templateParamsFromForm(
        {
          year: this.byId<HTMLInputElement>('template-year').value,
          unit: this.byId<HTMLInputElement>('template-unit').value,
          doc: this.byId<HTMLInputElement>('template-doc').value,
          examples: this.byId<HTMLInputElement>('template-examples').checked,
        },
        { lang: this.lang, today: this.env.today() },
      );
      if (!form.ok) throw new FormError('problemYear');
      const names = await this.env.workbook.insertTemplate(buildTemplate(templateKinds(kind), form.value));
      this.templateSay = (lang) => t(lang, 'templateCreated', { names: names.join(', ') });
      return true;
    }).then((ok) => {
      this.renderSay(out, ok ? this.templateSay : null);
      return ok === true;
    });
  }

  clearHighlights(): Promise<boolean> {
    const out = this.byId('clear-output');
    return this.run({ out, key: 'busyClear' }, async () => {
      const all = this.byId<HTMLSelectElement>('clear-scope').value === 'all';
      const sheet = all ? undefined : await this.env.workbook.activeSheetName();
      const n = await this.env.workbook.clearHighlights(sheet);
      this.clearSay = (lang) => t(lang, 'cleared', { n });
      if (this.last && (all || (this.last.scope !== 'workbook' && this.last.sheet === sheet)))
        this.last.highlighted = false;
      return true;
    }).then((ok) => {
      this.renderSay(out, ok ? this.clearSay : null);
      this.renderResults();
      return ok === true;
    });
  }

  /** Forgets the last check (a host whose workbook was replaced, as the web page's next file): the empty state. */
  reset(): void {
    this.last = null;
    this.shown = null;
    const results = this.byId('results');
    clear(results);
    results.appendChild(
      this.dom.el('p', { class: 'muted', 'data-i18n': 'resultsEmpty' }, [t(this.lang, 'resultsEmpty')]),
    );
    this.showAlert(null);
    this.renderResults();
  }

  // ---- host commands (Excel's ribbon, with the page loaded while the pane is closed; the Sheets menu) ----

  /** A host command (the ribbon, a menu item): checks with highlights, then shows the result. */
  async commandValidate(event?: { completed(): void }, scope: 'sheet' | 'workbook' = 'sheet'): Promise<void> {
    try {
      await this.validate({ scope, highlight: true });
      await this.showPane();
      this.byId('results-heading').scrollIntoView?.({ block: 'start' });
    } finally {
      event?.completed();
    }
  }

  async commandInsert(kind: TemplateChoice, event?: { completed(): void }): Promise<void> {
    try {
      await this.insertTemplate(kind);
      await this.showPane();
      this.byId('template-heading').scrollIntoView?.({ block: 'start' });
    } finally {
      event?.completed();
    }
  }

  private async showPane(): Promise<void> {
    try {
      await this.env.showPane?.();
    } catch {
      // A host that cannot bring the pane forward: the results wait in the pane for when it opens.
    }
  }

  // ---- rendering ----

  private renderResults(): void {
    const results = this.byId('results');
    const summary = this.byId('summary');
    if (!this.shown || !this.last) {
      summary.className = 'live';
      summary.textContent = '';
      return;
    }
    const display = this.shown;
    clear(results);
    results.appendChild(
      renderReport(this.dom, display, this.lang, { onSelect: (item) => this.selectCell(item) }),
    );
    summary.className = `live summary ${display.valid ? 'summary-valid' : 'summary-invalid'}`;
    summary.textContent = summaryText(display, this.lang, this.last.highlighted);
  }

  private renderSay(out: HTMLElement, say: Say | null): void {
    out.textContent = say ? say(this.lang) : '';
  }

  private showAlert(say: Say | null): void {
    this.alertSay = say;
    this.renderAlert();
  }

  private renderAlert(): void {
    const alert = this.byId('alert');
    alert.textContent = this.alertSay ? this.alertSay(this.lang) : '';
    alert.hidden = this.alertSay === null;
  }
}
