/**
 * The settings form every spreadsheet host shows (Excel task pane, Sheets sidebar) turned into what the core
 * takes: check options and template parameters. Inputs arrive as the text the user typed; problems come back as
 * a field name so each host words them in its own UI.
 */
import type { CheckOptions } from '../check';
import { isPlanYear, isoDate } from '../deadlines/calendar';
import { parseIsoDate } from '../deadlines/isoDate';
import { periodCutoff, type Period } from '../deadlines/periods';
import type { Lang } from '../report/messages';
import type { TemplateKind, TemplateParams } from '../templates/build';

export interface CheckForm {
  /** The as-of date as typed (YYYY-MM-DD from a date input, or dd/mm/yyyy); blank means today. */
  asOf: string;
  /** A reporting period, or '' to judge as of the date. */
  period: Period | '';
  /** Plan year as typed; blank means "read it from the title". */
  year: string;
}

export type FormProblem = 'year' | 'date';

export type FormResult<T> = { ok: true; value: T } | { ok: false; problem: FormProblem };

/** The local calendar day of a Date as YYYY-MM-DD: hosts read the clock, the core never does. */
export function isoDay(d: Date): string {
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** A year typed in a form; undefined when blank, null when not a plan year the core accepts. */
export function parseYear(text: string): number | undefined | null {
  const s = text.trim();
  if (s === '') return undefined;
  if (!/^\d{4}$/.test(s)) return null;
  const y = Number(s);
  return isPlanYear(y) ? y : null;
}

/**
 * Check options from the form. A period wins over the date: the core then takes the cut-off in the plan year,
 * which may come from the title, so the host must not turn the period into a date itself.
 */
export function checkOptionsFromForm(
  form: CheckForm,
  base: { lang: Lang; today: string; file?: string },
): FormResult<CheckOptions> {
  const year = parseYear(form.year);
  if (year === null) return { ok: false, problem: 'year' };
  const options: CheckOptions = { lang: base.lang, today: base.today };
  if (base.file !== undefined) options.file = base.file;
  if (year !== undefined) options.year = year;
  if (form.period) {
    options.period = form.period;
  } else if (form.asOf.trim() !== '') {
    const d = parseIsoDate(form.asOf.trim());
    if (!d) return { ok: false, problem: 'date' };
    options.asOf = d;
  }
  return { ok: true, value: options };
}

/**
 * The date a form shows while a period is chosen: its cut-off in the typed year, or in the current year when the
 * year is left to the title (the report then tells the date actually used).
 */
export function periodPreview(period: Period, yearText: string, today: string): string {
  const y = parseYear(yearText);
  return periodCutoff(period, typeof y === 'number' ? y : Number(today.slice(0, 4)));
}

export type TemplateChoice = TemplateKind | 'all';

/** "all" means the task list and the KPI table; the unit list comes with either (buildTemplate adds it). */
export function templateKinds(choice: TemplateChoice): TemplateKind[] {
  return choice === 'all' ? ['tasks', 'kpis'] : [choice];
}

export interface TemplateForm {
  year: string;
  unit: string;
  doc: string;
  examples: boolean;
}

/** Template parameters from the form: the current year and a placeholder unit when left blank. */
export function templateParamsFromForm(
  form: TemplateForm,
  base: { lang: Lang; today: string },
): FormResult<TemplateParams> {
  const year = parseYear(form.year);
  if (year === null) return { ok: false, problem: 'year' };
  const unit = form.unit.trim() || (base.lang === 'vi' ? 'Phường …' : 'Ward …');
  const doc = form.doc.trim();
  const params: TemplateParams = {
    lang: base.lang,
    year: year ?? Number(base.today.slice(0, 4)),
    unit,
    exampleTargets: form.examples,
  };
  if (doc) params.doc = doc;
  return { ok: true, value: params };
}
