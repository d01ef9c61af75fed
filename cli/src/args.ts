/**
 * What the commands share in reading their command line: the folder paths start from, option errors in the
 * user's language, and the options that say when and how to judge (year, as-of date, period, cut-offs).
 */
import { dirname, sep } from 'node:path';
// From the modules themselves, not shared/src/index: the index also holds the report's zod schema, which no
// command that only checks should pay for at start-up.
import type { CheckOptions } from '../../shared/src/check';
import { parseCutoffOverrides, parsePeriod, PERIODS } from '../../shared/src/deadlines/periods';
import type { Lang } from '../../shared/src/report/messages';
import { parseIsoDate } from '../../shared/src/deadlines/isoDate';
import { parseYear } from '../../shared/src/hosts/checkForm';
import { cliText, cliWords } from '../../shared/src/words/cli';

/** A command line that cannot be run as written: its message is the one line the user sees. */
export class UsageError extends Error {}

/**
 * Where relative paths start: the folder the user ran the command in. `npm run cchc` moves to the repository's
 * root first and says where the user was in INIT_CWD; `npx cchc` and `node cli/bin/cchc.js` stay where they were.
 */
export function baseDir(env: NodeJS.ProcessEnv = process.env): string {
  const viaNpmRun = env.npm_lifecycle_event === 'cchc' || env.npm_lifecycle_event === 'demo';
  return viaNpmRun && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

export type Command = 'validate' | 'template' | 'summary';

/**
 * node:util's parseArgs, its errors in the user's language: the option named and the command's help pointed to
 * (its own messages are English and quote oddly).
 */
export function parseCommand<T>(command: Command, lang: Lang, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    const code = String((e as { code?: unknown })?.code ?? '');
    const message = (e as { message?: unknown } | null)?.message;
    const option = /'(-{1,2}[^\s'<]+)/.exec(typeof message === 'string' ? message : '')?.[1] ?? '';
    const help = `cchc ${command} --help`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(cliText(lang, 'unknownOption', { option, help }));
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(cliText(lang, 'optionNeedsValue', { option, help }));
    throw e;
  }
}

export function wantsHelp(args: string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

/** The language a command's own arguments ask for, read before they are parsed (for their errors). */
export function argLang(args: readonly string[]): Lang {
  const at = args.indexOf('--lang');
  return at >= 0 && args[at + 1] === 'en' ? 'en' : 'vi';
}

/** --lang as given: vi (also when absent) or en; anything else is refused in Vietnamese. */
export function langOption(value: string | undefined): Lang {
  if (value !== undefined && value !== 'vi' && value !== 'en')
    throw new UsageError(cliText('vi', 'langValues'));
  return value === 'en' ? 'en' : 'vi';
}

/** The judging options as parsed by parseArgs (strings, possibly absent). */
export interface JudgeArgs {
  year?: string;
  'as-of'?: string;
  period?: string;
  cutoffs?: string;
}

/** --year, --as-of, --period and --cutoffs checked and read into the core's options; UsageError when wrong. */
export function checkOptionsFrom(values: JudgeArgs, lang: Lang, today: string): CheckOptions {
  const t = cliWords(lang);
  const options: CheckOptions = { lang, today };
  if (values.year !== undefined) {
    const y = parseYear(values.year);
    if (typeof y !== 'number') throw new UsageError(t('invalidYear', { year: values.year }));
    options.year = y;
  }
  if (values['as-of'] !== undefined) {
    const d = parseIsoDate(values['as-of']);
    if (!d) throw new UsageError(t('invalidDate', { date: values['as-of'] }));
    options.asOf = d;
  }
  if (values.period !== undefined && values['as-of'] !== undefined) {
    throw new UsageError(t('periodOrAsOf'));
  }
  if (values.period !== undefined) {
    // The four names the help lists, and nothing else: "q2" is no period of the reporting calendar (the
    // 6-month report is h1), so a typo is refused rather than read as a guess.
    const p = (PERIODS as readonly string[]).includes(values.period) ? parsePeriod(values.period) : null;
    if (!p) throw new UsageError(t('invalidPeriod', { period: values.period }));
    options.period = p;
  }
  if (values.cutoffs !== undefined) {
    const c = parseCutoffOverrides(values.cutoffs);
    if (!c) throw new UsageError(t('cutoffsFormat'));
    options.cutoffs = c;
  }
  return options;
}

/** The deepest folder holding every file (for one file, its own folder). */
export function commonFolder(files: readonly string[]): string {
  if (files.length === 0) return '';
  let parts = dirname(files[0]).split(sep);
  for (const f of files.slice(1)) {
    const other = dirname(f).split(sep);
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
}
