/**
 * The web page end to end: the built cchc.html opened from disk (file://) in Debian's Chromium, a seed file set
 * on its file input, and what it shows and downloads compared with what the command line says and writes for the
 * same file. Every request the page makes is recorded: none may leave it (the file itself and the worker's blob
 * are all there is). Screenshots at a laptop's 1280 px and a phone's 360 px go to test-output/web/.
 *
 * Skipped with a warning when /usr/bin/chromium is missing outside CI; in CI (CI set) it fails instead.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Lang, Report } from '../../../shared/src/index';
import { browserSuite, launchChromium, paneFindings, paneIdle } from '../../../shared/ui/test/chromium';
import { ensureBuilt } from '../../../cli/test/built';
import { VERSION } from '../../../shared/src/version';
import {
  cli,
  cliReport as cliReportAsOf,
  expectedFindings,
  SAMPLE,
  writeThreeSheets,
  expectWorkbookAsCli,
} from '../../../shared/ui/test/cliReport';
import { amplifiedStrings, taskSheetFile } from '../../../cli/test/fuzz/hostileFiles';
import { webBundle, OUT, ROOT } from '../build';

const AS_OF = '2025-10-15';
const SEED = join(ROOT, 'cli', 'test', 'fixtures', 'seed000-tasks.xlsx');

const suite = browserSuite('web page e2e');

function cliReport(file: string, lang: Lang): Report {
  return cliReportAsOf(file, lang, AS_OF);
}

/** What a person must never be shown: the browser's own words for a failure. */
const RAW = /postMessage|DataCloneError|out of memory|RangeError|Uncaught|Error:/i;

/** The longest task of a renderer's main thread in a Chromium trace, in ms ('toplevel' RunTask events). */
function longestTraced(trace: Buffer): number {
  type Event = { ph: string; name: string; pid: number; tid: number; dur?: number; args?: { name?: string } };
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: Event[] }).traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  let longest = 0;
  for (const e of events)
    if (e.ph === 'X' && /RunTask$/.test(e.name) && mains.has(`${e.pid}:${e.tid}`))
      longest = Math.max(longest, (e.dur ?? 0) / 1000);
  return longest;
}

function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    out[name] = Buffer.from(data).toString('base64');
  return out;
}

suite('web page in Chromium, opened from file://', () => {
  let url = '';
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const tmp = join(OUT, `run-${process.pid}`);

  const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  const text = (selector: string) => page.locator(selector).innerText();
  const idle = () => paneIdle(page);
  const pick = async (file: string) => {
    await page.setInputFiles('#file', file);
    await page.waitForFunction(() => !document.querySelector<HTMLInputElement>('#file')?.disabled);
    await idle();
  };
  const checkAsOf = async () => {
    await page.fill('#as-of', AS_OF);
    await page.click('#check');
    await idle();
  };
  const download = async (selector: string, to: string) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    await dl.saveAs(to);
    return { name: dl.suggestedFilename(), bytes: new Uint8Array(readFileSync(to)) };
  };
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  /** Where an element's top is, against the window: on the first screen when 0 ≤ top < innerHeight. */
  const onScreen = (selector: string) =>
    page.locator(selector).evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      return top >= 0 && top < window.innerHeight;
    });

  beforeAll(async () => {
    mkdirSync(tmp, { recursive: true });
    ensureBuilt();
    url = pathToFileURL(webBundle().page).href;
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    // Anything on the network is refused; every request is recorded, in the page and in its worker.
    await context.route(/^(https?|wss?|ftp):/, (route) => route.abort('blockedbyclient'));
    context.on('request', (r) => requests.push(r.url()));
    // What the page asks its worker, op by op (the language switch must ask for words, never for a check).
    await context.addInitScript(() => {
      const post = Worker.prototype.postMessage;
      const ops: string[] = [];
      (window as unknown as { __ops: string[] }).__ops = ops;
      Worker.prototype.postMessage = function (this: Worker, m: unknown, t?: unknown) {
        ops.push(String((m as { op?: string } | null)?.op));
        return post.call(this, m, t as StructuredSerializeOptions);
      };
    });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') pageErrors.push(m.text());
    });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]').catch((e) => {
      throw new Error(String(e) + pageErrors.join('\n'));
    });
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  jest.setTimeout(60_000);

  it('opens in Vietnamese with its strict policy, and reads and checks in a worker', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.locator('h2:visible').allInnerTexts()).toEqual([
      'Tệp cần kiểm tra',
      'Kiểm tra',
      'Kết quả',
      'Mẫu',
      'Xóa đánh dấu',
    ]);
    expect(await page.getAttribute('body', 'data-engine')).toBe('worker');
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toMatch(
      /^default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'; worker-src blob:;/,
    );
    expect(csp).toContain("connect-src 'none'; base-uri 'none'; form-action 'none'");
    expect(await page.isDisabled('#download')).toBe(true);
    expect(await text('#version')).toBe(`Phiên bản ${VERSION}`);
    await shot('web-start-1280');
  });

  it('checks the bundled sample: every table as the CLI reports it, with the sheet picker', async () => {
    const started = Date.now();
    await pick(SAMPLE);
    const ms = Date.now() - started;
    console.log(`web page: the sample read and checked in ${ms} ms`);
    // The result's headline is brought into view at 1280 × 900: the results card starts below the form.
    expect(await onScreen('#summary')).toBe(true);
    expect(await text('#file-status')).toBe('Đã đọc phu-luc-mau.xlsx: 2 trang tính, 2 bảng.');
    expect(await page.isVisible('#sheet')).toBe(true);
    const report = cliReport(SAMPLE, 'vi');
    const sheets = await page
      .locator('#sheet option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(sheets).toEqual(report.sheets.map((s) => s.name));
    for (const sheet of sheets) {
      await page.selectOption('#sheet', sheet);
      await idle();
      await checkAsOf();
      const expected = expectedFindings(report, sheet, 'vi');
      expect(expected.length).toBeGreaterThan(0);
      expect(await paneFindings(page)).toEqual(expected);
      const s = report.sheets.find((x) => x.name === sheet);
      expect(await page.locator('#results .kpi-table tbody tr').count()).toBe(s?.kpis.length ?? 0);
      const errors = s?.findings.filter((f) => f.severity === 'error').length ?? 0;
      expect(await text('#summary')).toContain(errors === 0 ? 'Không có lỗi.' : `Có ${errors} lỗi cần sửa.`);
    }
    expect(await width()).toBeLessThanOrEqual(1280);
    await shot('web-kpis-1280');
  });

  it.each([
    ['the bundled sample', SAMPLE],
    ['a three-sheet workbook', 'three'],
  ])(
    'checks the whole workbook on choosing it (%s): the headline is the CLI’s totals',
    async (_what, which) => {
      let file = which;
      if (which === 'three') {
        file = await writeThreeSheets(join(tmp, 'ba-trang.xlsx'));
      }
      await page.fill('#as-of', AS_OF);
      await pick(file);
      const report = cliReport(file, 'vi');
      // The headline, a section per sheet, each with the CLI's findings for that sheet.
      await expectWorkbookAsCli(page, report);
      expect(await onScreen('#summary')).toBe(true);
      await shot(`web-workbook-${which === 'three' ? 'three' : 'sample'}-1280`);
      // A finding on the other sheet goes to that sheet: the picker follows, the row is shown.
      const other = page.locator('#results section.sheet[data-sheet="Chỉ tiêu"] button[data-cell]').first();
      const cell = (await other.getAttribute('data-cell')) as string;
      expect(await page.inputValue('#sheet')).toBe('Nhiệm vụ');
      await other.click();
      await page.waitForSelector('#preview:not([hidden])');
      expect(await page.inputValue('#sheet')).toBe('Chỉ tiêu');
      expect(await text('#preview-heading')).toContain(`của trang "Chỉ tiêu", ô ${cell}`);
      await page.click('#preview-close');
      // Highlights were recorded for every sheet checked; one "Xóa đánh dấu" of every sheet removes them all.
      expect(await page.isEnabled('#download')).toBe(true);
      expect(await page.inputValue('#clear-scope')).toBe('all');
      await page.click('#clear');
      await idle();
      expect(await text('#clear-output')).toMatch(/^Đã xóa \d+ đánh dấu\.$/);
      expect(await page.isDisabled('#download')).toBe(true);
    },
  );

  it('reads at 320, 350 and 400 px: the KPI table as cards, no word broken apart', async () => {
    await page.fill('#as-of', AS_OF);
    await pick(SAMPLE);
    for (const px of [320, 350, 400]) {
      await page.setViewportSize({ width: px, height: 900 });
      expect(await width()).toBeLessThanOrEqual(px);
      // Cards: each KPI row a block, its values after their headings; a target's sign stays with its number.
      const kpiRow = page.locator('#results .kpi-table tbody tr').first();
      expect(await kpiRow.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
      const targets = await page.locator('#results .kpi-table td:nth-child(3)').allInnerTexts();
      expect(targets.some((t) => /[≥≤]/.test(t))).toBe(true);
      expect(targets.filter((t) => /[≥≤]\s*\n/.test(t))).toEqual([]);
      await page.locator('#results .kpi-table').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(OUT, `web-kpis-${px}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows a finding’s row, the cell marked, its text as text', async () => {
    await page.selectOption('#sheet', 'Nhiệm vụ');
    await idle();
    await checkAsOf();
    await shot('web-tasks-1280');
    const button = page.locator('#results button[data-cell]').first();
    const cell = (await button.getAttribute('data-cell')) as string;
    await button.click();
    await page.waitForSelector('#preview:not([hidden])');
    const row = cell.replace(/^[A-Z]+/, '');
    expect(await text('#preview-heading')).toBe(`Dòng ${row} của trang "Nhiệm vụ", ô ${cell}`);
    const marked = page.locator('#preview td.marked');
    expect(await marked.count()).toBe(1);
    expect(await marked.getAttribute('data-col')).toBe(cell.replace(/\d+$/, ''));
    await shot('web-preview-1280');
    await page.click('#preview-close');
    expect(await page.isHidden('#preview')).toBe(true);
  });

  it('switches to English: the findings re-worded as the CLI words them, nothing checked again', async () => {
    const ops = () => page.evaluate(() => (window as unknown as { __ops: string[] }).__ops.slice());
    const before = await ops();
    await page.click('#lang-en');
    await idle();
    expect((await ops()).slice(before.length)).toEqual(['reword']);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h2:visible').allInnerTexts()).toEqual([
      'File to check',
      'Check',
      'Results',
      'Templates',
      'Clear highlights',
    ]);
    expect(await text('#download')).toBe('Download checked copy');
    expect(await paneFindings(page)).toEqual(expectedFindings(cliReport(SAMPLE, 'en'), 'Nhiệm vụ', 'en'));
    await shot('web-english-1280');
    await page.click('#lang-vi');
  });

  it('downloads the checked copy: part for part the file `cchc validate --out` writes', async () => {
    const got = await download('#download', join(tmp, 'page-copy.xlsx'));
    expect(got.name).toBe('phu-luc-mau.da-kiem-tra.xlsx');
    expect(await text('#download-output')).toBe('Đã tải về phu-luc-mau.da-kiem-tra.xlsx.');
    const input = join(tmp, 'phu-luc-mau.xlsx');
    copyFileSync(SAMPLE, input);
    const out = join(tmp, 'cli-copy.xlsx');
    expect(cli(input, '--as-of', AS_OF, '--out', out).status).toBe(1);
    const cliParts = parts(new Uint8Array(readFileSync(out)));
    const pageParts = parts(got.bytes);
    // Same highlights, notes and results sheet, byte for byte; every part of the original is there.
    expect(Object.keys(pageParts).sort()).toEqual(Object.keys(cliParts).sort());
    const differing = Object.keys(cliParts).filter((name) => pageParts[name] !== cliParts[name]);
    expect(differing).toEqual([]);
    for (const name of Object.keys(parts(new Uint8Array(readFileSync(SAMPLE)))))
      expect(pageParts[name]).toBeDefined();
  });

  it('downloads a template that reads back as a blank task list', async () => {
    await page.selectOption('#template-kind', 'tasks');
    await page.fill('#template-year', '2026');
    const got = await download('#insert', join(tmp, 'template.xlsx'));
    await idle();
    expect(got.name).toBe('mau-nhiem-vu-2026.xlsx');
    expect(await text('#template-output')).toBe('Đã tải về mau-nhiem-vu-2026.xlsx.');
    const run = cli(join(tmp, 'template.xlsx'), '--as-of', '2026-03-01', '--format', 'json');
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as Report).sheets[0].kind).toBe('tasks');
  });

  it('a corrupt file and a file with no table: one clear line each, the CLI’s, and the page stays usable', async () => {
    const corrupt = join(tmp, 'hong.xlsx');
    writeFileSync(corrupt, readFileSync(SAMPLE).subarray(0, 3000));
    await pick(corrupt);
    const line = cli(corrupt).stderr.trim();
    expect(line).toContain('hong.xlsx');
    expect(await text('#file-alert')).toBe(line);
    // Where the results would be, in view, with the next step; not beside "press Kiểm tra".
    expect(line).toMatch(/hãy mở tệp bằng Excel/);
    expect(await onScreen('#file-alert')).toBe(true);
    expect(await page.isHidden('#results')).toBe(true);
    expect(
      await page.evaluate(
        () =>
          document
            .querySelector('#results-heading')!
            .compareDocumentPosition(document.querySelector('#file-alert')!) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ),
    ).toBeTruthy();
    expect(await page.isDisabled('#download')).toBe(true);
    // Nothing of the last file's check is left on the page.
    expect(await text('#summary')).toBe('');
    expect(await page.locator('#results .group').count()).toBe(0);
    await shot('web-corrupt-1280');

    const notes = join(tmp, 'ghi-chu.csv');
    writeFileSync(notes, 'Ghi chú,Ngày\nHọp giao ban,01/02/2025\n');
    await pick(notes);
    const expected = (JSON.parse(cli(notes, '--format', 'json').stdout) as Report).findings.find(
      (f) => f.code === 'table/not-found',
    );
    expect(await text('#file-alert')).toBe(`ghi-chu.csv: ${expected?.message}`);

    // Still usable: the seed task list reads and checks after both.
    await pick(SEED);
    expect(await page.isHidden('#file-alert')).toBe(true);
    await checkAsOf();
    const seed = cliReport(SEED, 'vi');
    expect(await paneFindings(page)).toEqual(expectedFindings(seed, seed.sheets[0].name, 'vi'));
    expect(await page.isEnabled('#download')).toBe(true);
  });

  it('reads well at 360 px: nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await pick(SAMPLE);
    await checkAsOf();
    expect(await width()).toBeLessThanOrEqual(360);
    await shot('web-results-360');
    await page.locator('#results button[data-cell]').first().click();
    await page.waitForSelector('#preview:not([hidden])');
    expect(await width()).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(OUT, 'web-preview-360.png') });
    await page.click('#preview-close');
  });

  describe('stays responsive: the worker reads and checks, the page only shows', () => {
    let p: Page;
    let ctx: BrowserContext;
    const figures: string[] = [];
    const files: Record<string, string> = {};
    /** The page's longest task while `work` runs: long-task entries (over 50 ms) and the trace's longest task. */
    const measure = async (work: () => Promise<void>) => {
      await p.evaluate(() => {
        (window as unknown as { longTasks: number[] }).longTasks.length = 0;
      });
      await browser.startTracing(undefined, { categories: ['toplevel', '__metadata'] });
      const started = Date.now();
      await work();
      const ms = Date.now() - started;
      const traced = longestTraced(await browser.stopTracing());
      const entries = await p.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
      return { ms, longTask: Math.max(0, ...entries), traced };
    };
    const load = async (file: string) => {
      await p.setInputFiles('#file', file);
      await p.waitForFunction(() => !document.querySelector<HTMLInputElement>('#file')?.disabled, null, {
        timeout: 120_000,
      });
      await p.waitForFunction(
        () => {
          const b = document.querySelector<HTMLButtonElement>('#check');
          return (
            b !== null && !b.disabled && document.querySelector('#main')?.getAttribute('aria-busy') === null
          );
        },
        null,
        { timeout: 120_000 },
      );
    };
    /** What the page says about a file it could not take: its own alert, or the pane's. */
    const alertText = async () =>
      (await p.locator('#file-alert:visible, #alert:visible').allInnerTexts()).join('\n');

    beforeAll(async () => {
      files.amp20 = join(tmp, 'chuoi-20-trieu.xlsx');
      files.amp50 = join(tmp, 'chuoi-50-trieu.xlsx');
      files.rows = join(tmp, 'nhiem-vu-200000-dong.xlsx');
      writeFileSync(files.amp20, amplifiedStrings(20_000_000, 35));
      writeFileSync(files.amp50, amplifiedStrings(50_000_000, 35));
      copyFileSync(taskSheetFile(200_000), files.rows);
      ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
      await ctx.route(/^(https?|wss?|ftp):/, (route) => route.abort('blockedbyclient'));
      ctx.on('request', (r) => requests.push(r.url()));
      // Before the page's own script: every task over 50 ms of its main thread, as the browser reports it.
      await ctx.addInitScript(() => {
        const w = window as unknown as { longTasks: number[] };
        w.longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.longTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      p = await ctx.newPage();
      p.on('pageerror', (e) => pageErrors.push(e.message));
      await p.goto(url);
      await p.waitForSelector('body[data-ready="true"]');
      expect(await p.getAttribute('body', 'data-engine')).toBe('worker');
    }, 120_000);

    afterAll(async () => {
      console.log(`web page, longest main-thread task while checking:\n${figures.join('\n')}`);
      await ctx?.close();
    });

    it.each([
      ['amp20', '20,000,000 characters × 35 cells'],
      ['amp50', '50,000,000 characters × 35 cells'],
    ])('a hostile file (%s: one shared string of %s): the page’s own Vietnamese line', async (key, what) => {
      const m = await measure(() => load(files[key]));
      const size = readFileSync(files[key]).length;
      figures.push(
        `  ${what} (${Math.round(size / 1024)} KB): ${m.ms} ms; longest task ${m.traced.toFixed(0)} ms (trace), long-task entries max ${m.longTask.toFixed(0)} ms`,
      );
      const said = await alertText();
      expect(said).toMatch(new RegExp(`^${basename(files[key]).replace(/\./g, '\\.')}: `));
      expect(said).toContain('quá lớn, không kiểm tra được');
      expect(said).toContain('hãy xóa bớt nội dung thừa rồi lưu lại');
      expect(said).not.toMatch(RAW);
      expect(m.longTask).toBeLessThan(200);
      expect(m.traced).toBeLessThan(200);
      await p.screenshot({ path: join(OUT, `web-hostile-${key}-1280.png`) });
    });

    it('a sheet of 200,000 task rows: checked in the worker, the results shown in part, the page responsive', async () => {
      const m = await measure(() => load(files.rows));
      figures.push(
        `  200,000 task rows (${Math.round(readFileSync(files.rows).length / 1024)} KB): ${m.ms} ms; longest task ${m.traced.toFixed(0)} ms (trace), long-task entries max ${m.longTask.toFixed(0)} ms`,
      );
      expect(await alertText()).toBe('');
      expect(await p.locator('#file-status').innerText()).toBe(
        'Đã đọc nhiem-vu-200000-dong.xlsx: 2 trang tính, 1 bảng.',
      );
      const overdue = p.locator('#results .group[data-code="task/overdue"]');
      expect(await overdue.locator('.group-count').innerText()).toBe('(199997)');
      expect(await overdue.locator('li').count()).toBe(100);
      expect(await p.locator('#summary').innerText()).toContain('Cảnh báo: 200003');
      await p.locator('#results-heading').scrollIntoViewIfNeeded();
      await p.screenshot({ path: join(OUT, 'web-rows-200000-1280.png') });
      // Ten pages of the list, then the line that says the copy has the rest.
      const more = async () =>
        measure(async () => {
          for (let i = 0; i < 9; i++) await overdue.locator('.show-more').click();
        });
      const paging = await more();
      figures.push(`  pressing "show more" 9 times: longest task ${paging.traced.toFixed(0)} ms (trace)`);
      expect(await overdue.locator('li').count()).toBe(1000);
      expect(await overdue.locator('.omitted').innerText()).toBe(
        '… và 198997 mục nữa: bản đã kiểm tra (trang "Kết quả kiểm tra") có đủ.',
      );
      expect(paging.traced).toBeLessThan(200);
      expect(m.longTask).toBeLessThan(200);
      expect(m.traced).toBeLessThan(200);
      await overdue.locator('.omitted').scrollIntoViewIfNeeded();
      await p.screenshot({ path: join(OUT, 'web-rows-200000-more-1280.png') });
      // A finding's row comes from the worker, one row of the 200,000.
      await overdue.locator('button[data-cell]').first().click();
      await p.waitForSelector('#preview:not([hidden])');
      expect(await p.locator('#preview-heading').innerText()).toMatch(
        /^Dòng \d+ của trang "Nhiệm vụ", ô D\d+$/,
      );
      await p.click('#preview-close');
      // The language switch words the last check again in the worker: the messages come back in English.
      const en = await measure(async () => {
        await p.click('#lang-en');
        await p.waitForFunction(() =>
          /Warning: 200003/.test(document.querySelector('#summary')?.textContent ?? ''),
        );
        await p.waitForFunction(() =>
          /^Overdue/.test(
            document.querySelector('#results .group[data-code="task/overdue"] .finding-message')
              ?.textContent ?? '',
          ),
        );
      });
      figures.push(
        `  switching to English (the last check worded again in the worker): longest task ${en.traced.toFixed(0)} ms (trace)`,
      );
      expect(en.traced).toBeLessThan(200);
    });

    it('in English, a hostile file gets the English line', async () => {
      await load(files.amp20);
      const said = await alertText();
      expect(said).toContain('is too large to be checked');
      expect(said).not.toMatch(RAW);
      await p.click('#lang-vi');
    });

    it('then still checks the bundled sample as the CLI does', async () => {
      await load(SAMPLE);
      expect(await alertText()).toBe('');
      expect(await p.locator('#file-status').innerText()).toBe(
        'Đã đọc phu-luc-mau.xlsx: 2 trang tính, 2 bảng.',
      );
      await p.fill('#as-of', AS_OF);
      await p.click('#check');
      await paneIdle(p);
      expect(await paneFindings(p)).toEqual(expectedFindings(cliReport(SAMPLE, 'vi'), 'Nhiệm vụ', 'vi'));
      await p.screenshot({ path: join(OUT, 'web-after-hostile-1280.png'), fullPage: true });
    });

    it('made no request beyond the file itself and its worker, and raised no error', () => {
      expect(requests.filter((r) => r !== url && !r.startsWith('blob:'))).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });

  it('made no request beyond the file itself and its worker, and raised no error', () => {
    expect(requests.filter((r) => r !== url && !r.startsWith('blob:'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
