/**
 * The Sheets sidebar end to end: the built sidebar.html, as Code.js serves it through HtmlService, in Debian's
 * Chromium at Google's fixed 300 px, with a google.script.run stand-in that behaves as the real one where it
 * matters (asynchronous; a Date or a function in the arguments or the answer fails the call) and dispatches
 * into the built Code.js, loaded in a vm over the SpreadsheetApp stand-in holding two seed fixtures. Every
 * request the page makes is recorded; none may leave.
 *
 * Skipped with a warning when /usr/bin/chromium is missing outside CI; in CI (CI set) it fails instead.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'node:vm';
import { parse } from 'acorn';
import type { Browser, Page } from 'playwright-core';
import { checkWorkbook, highlightsFor, HIGHLIGHT_FILLS, type SheetGrid } from '../../../shared/src/index';
import { groupFindings } from '../../../shared/src/hosts/reportDisplay';
import { browserSuite, launchChromium, paneFindings, paneIdle } from '../../../shared/ui/test/chromium';
import { sheetsBundle, loadCode, ROOT, type Built } from '../build';
import type { FakeSheets, SpreadsheetSnapshot } from '../fakeSheets/index';
import { createFakeSheets } from '../fakeSheets/index';
import { cellsOf, seedGrids, sheetInit, templateCalculator } from '../server/support';
import { readWorkbook } from '../../../cli/src/xlsx/readWorkbook';
import { VERSION } from '../../../shared/src/version';
import { cliReport, SAMPLE, writeThreeSheets, expectWorkbookAsCli } from '../../../shared/ui/test/cliReport';
import { ensureBuilt } from '../../../cli/test/built';

const SHOTS = join(ROOT, 'test-output', 'sheets');
const PAGE = 'http://127.0.0.1:9/sidebar.html';
const AS_OF = '2025-10-15';

const suite = browserSuite('sidebar.e2e');

/** True when a Date or a function hides anywhere in a value (what google.script.run refuses to carry). */
function illegal(v: unknown, seen = new Set<unknown>()): string | null {
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  if (typeof v === 'function') return 'function';
  if (v === null || typeof v !== 'object' || seen.has(v)) return null;
  seen.add(v);
  for (const x of Object.values(v as object)) {
    const bad = illegal(x, seen);
    if (bad) return bad;
  }
  return null;
}

/**
 * google.script.run in the page, as Google's client library shapes it: a runner per call chain, one property
 * per top-level function of Code.js, answers always asynchronous. Arguments holding a Date fail before sending,
 * as the real one does; the call itself goes to Node through the exposed binding.
 */
function scriptRunStandIn(functions: string[]): string {
  return `(() => {
    const functions = ${JSON.stringify(functions)};
    const hasIllegal = ${illegal.toString()};
    const runner = (ok, fail) => {
      const r = {
        withSuccessHandler: (h) => runner(h, fail),
        withFailureHandler: (h) => runner(ok, h),
      };
      for (const name of functions) {
        r[name] = (...args) => {
          const bad = hasIllegal(args);
          if (bad) throw new Error('Failed due to illegal value in property: ' + bad);
          window.__cchcRpc(name, JSON.stringify(args)).then(
            (json) => setTimeout(() => ok && ok(JSON.parse(json)), 0),
            (e) => setTimeout(() => fail && fail(new Error(String(e && e.message || e))), 0),
          );
        };
      }
      return r;
    };
    window.google = { script: { run: runner() } };
  })();`;
}

suite('Sheets sidebar in Chromium over the built Code.js', () => {
  let built: Built;
  let fake: FakeSheets;
  let code: Context;
  let browser: Browser;
  let page: Page;
  let html = '';
  let tasks: SheetGrid;
  let kpis: SheetGrid;
  const foreign: string[] = [];
  const pageErrors: string[] = [];
  const rpcLog: string[] = [];
  const tmp = join(ROOT, 'test-output', 'sheets', `run-${process.pid}`);

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const text = (selector: string) => page.locator(selector).innerText();
  const findings = () => paneFindings(page);
  const idle = () => paneIdle(page);
  const check = async () => {
    await page.click('#check');
    await idle();
  };
  /** Opens the sidebar as a menu item does: Code.js builds the page, the browser shows what Ui.showSidebar got. */
  const open = async (menuFunction: string) => {
    code[menuFunction]();
    const shown = fake.ui.sidebars[fake.ui.sidebars.length - 1];
    html = shown.html;
    await page.goto(PAGE);
    await page.waitForSelector('#check:not([disabled])');
  };
  const activate = (name: string) =>
    SpreadsheetAppOf(fake).getActiveSpreadsheet().getSheetByName(name).activate();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(tmp, { recursive: true });
    ensureBuilt();
    built = sheetsBundle();
    [tasks] = await seedGrids('seed000-tasks.xlsx');
    [kpis] = await seedGrids('kpi-001-004.xlsx');
    fake = createFakeSheets({
      sheets: [sheetInit(tasks), sheetInit(kpis)],
      htmlFiles: { sidebar: built.sidebar },
      calculate: templateCalculator(() => fake),
      addonName: 'Kiểm tra phụ lục CCHC',
    });
    code = loadCode(built.code, fake.globals());
    code.onOpen({ authMode: 'NONE' });
    // google.script.run exposes every top-level function of the project's scripts.
    const functions = parse(built.code, { ecmaVersion: 2020, sourceType: 'script' }).body.flatMap((n) =>
      n.type === 'FunctionDeclaration' && n.id ? [n.id.name] : [],
    );

    browser = await launchChromium();
    // Google's sidebar is 300 px wide, whatever the screen.
    const context = await browser.newContext({ viewport: { width: 300, height: 900 }, locale: 'vi-VN' });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === PAGE)
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      foreign.push(url);
      return route.abort('blockedbyclient');
    });
    await context.exposeBinding('__cchcRpc', async (_source, name: string, argsJson: string) => {
      rpcLog.push(name);
      const fn = code[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      const result = fn(...JSON.parse(argsJson));
      const bad = illegal(result);
      // The real service fails a call whose answer holds a Date (the success handler never sees it).
      if (bad) throw new Error(`Illegal return value (${bad}) from ${name}`);
      return JSON.stringify(result ?? null);
    });
    await context.addInitScript(scriptRunStandIn(functions));
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    page.on('dialog', (d) => {
      pageErrors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await open('showSidebar');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  jest.setTimeout(60_000);

  let before: SpreadsheetSnapshot;

  it('opens in Vietnamese and reads well at 300 px: nothing wider than the sidebar', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.locator('h2').allInnerTexts()).toEqual(['Kiểm tra', 'Kết quả', 'Mẫu', 'Xóa đánh dấu']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    expect(await text('#version')).toBe(`Phiên bản ${VERSION}`);
    await shot('sidebar-start');
  });

  it('checks the seed task list: findings grouped by code with cells and messages, as the core says', async () => {
    before = fake.snapshot();
    await page.fill('#as-of', AS_OF);
    await check();
    const report = checkWorkbook([tasks], { lang: 'vi', asOf: AS_OF, today: AS_OF });
    const expected = groupFindings(report.sheets[0].findings, 'vi').map((g) => ({
      code: g.code,
      items: g.items.map((i) => [i.cell, i.message]),
    }));
    expect(expected.length).toBeGreaterThan(1);
    expect(await findings()).toEqual(expected);
    expect(await text('#summary')).toContain('Tính đến ngày 15/10/2025. Đã đánh dấu trên trang tính.');
    // The area table: one row per reform area.
    expect(await page.locator('#results .area-table tbody tr').count()).toBe(7);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    await shot('sidebar-results');
  });

  it('highlighted in the sheet with the add-on’s rules only: values and the rest untouched', async () => {
    const report = checkWorkbook([tasks], { lang: 'vi', asOf: AS_OF, today: AS_OF });
    const after = fake.snapshot();
    const rules = after.sheets[tasks.name].conditionalRules;
    const fills: Record<string, string> = {};
    for (const r of rules)
      for (const range of r.ranges) for (const cell of cellsOf(range)) fills[cell] = r.background ?? '';
    expect(fills).toEqual(
      Object.fromEntries(highlightsFor(report).map((h) => [h.cell, HIGHLIGHT_FILLS[h.kind].toLowerCase()])),
    );
    expect({ ...after.sheets[tasks.name], conditionalRules: [] }).toEqual({
      ...before.sheets[tasks.name],
      conditionalRules: [],
    });
  });

  it('selects a finding’s cell when it is clicked', async () => {
    const first = (await findings()).flatMap((g) => g.items).find(([cell]) => cell !== '');
    expect(first).toBeDefined();
    const cell = (first as string[])[0];
    await page.click(`#results button[data-cell="${cell}"]`);
    await until(() => fake.snapshot().sheets[tasks.name].selection === cell);
    expect(fake.snapshot().activeSheet).toBe(tasks.name);
  });

  it('clears the highlights: the spreadsheet is as before the check', async () => {
    await page.selectOption('#clear-scope', 'active');
    await page.click('#clear');
    await idle();
    expect(await text('#clear-output')).toMatch(/^Đã xóa \d+ đánh dấu\.$/);
    const now = fake.snapshot();
    // Only where the cursor is differs: the finding clicked above selected its cell.
    expect({ ...now, selection: '', sheets: stripSelection(now) }).toEqual({
      ...before,
      selection: '',
      sheets: stripSelection(before),
    });
    expect(await text('#summary')).not.toContain('Đã đánh dấu');
    await shot('sidebar-after-clear');
  });

  it('checks the KPI table: attainment per indicator, missed targets highlighted', async () => {
    activate(kpis.name);
    await check();
    const report = checkWorkbook([kpis], { lang: 'vi', asOf: AS_OF, today: AS_OF });
    const rows = await page.locator('#results .kpi-table tbody tr').count();
    expect(rows).toBe(report.sheets[0].kpis.length);
    const missed = report.sheets[0].kpis.filter((k) => k.status === 'missed').length;
    expect(missed).toBeGreaterThan(0);
    expect(await page.locator('#results .kpi-table tbody tr', { hasText: 'Không đạt' }).count()).toBe(missed);
    // At 300 px each indicator is stacked under its name, its values the sidebar's full width, nothing cut off.
    const value = await page.locator('#results .kpi-table td[data-label]').first().boundingBox();
    expect(value?.width).toBeGreaterThan(200);
    expect(await page.locator('#results .kpi-table td[data-label]').first().innerText()).toBe('—');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    const ours = fake.snapshot().sheets[kpis.name].conditionalRules;
    expect(ours.map((r) => r.background)).toContain(HIGHLIGHT_FILLS.missed.toLowerCase());
    await shot('sidebar-kpis');
  });

  it('inserts the templates into new sheets, and the inserted task list checks with no error', async () => {
    await page.selectOption('#template-kind', 'all');
    await page.fill('#template-year', '2026');
    await page.fill('#template-unit', 'Phường 5');
    await page.click('#insert');
    await idle();
    // The KPI fixture's sheet is already called "Chỉ tiêu": the template's takes the next free name.
    expect(kpis.name).toBe('Chỉ tiêu');
    expect(await text('#template-output')).toBe('Đã tạo các trang tính: Nhiệm vụ, Chỉ tiêu (2), Đơn vị.');
    const snap = fake.snapshot();
    expect(snap.sheetOrder).toEqual([tasks.name, kpis.name, 'Nhiệm vụ', 'Chỉ tiêu (2)', 'Đơn vị']);
    expect(snap.sheets[kpis.name].cells).toEqual(before.sheets[kpis.name].cells);
    expect(snap.sheets[tasks.name].cells).toEqual(before.sheets[tasks.name].cells);
    expect(snap.activeSheet).toBe('Nhiệm vụ');
    await page.fill('#as-of', '2026-03-01');
    await check();
    expect(await text('#summary')).toMatch(/^Không có lỗi\./);
    expect(await page.locator('#results .sheet-title').innerText()).toBe(
      'Trang "Nhiệm vụ": bảng nhiệm vụ năm 2026',
    );
    await shot('sidebar-template-checked');
  });

  it('switches to English: the pane and the findings re-worded without one call to the server', async () => {
    activate(tasks.name);
    await page.fill('#as-of', AS_OF);
    await check();
    const calls = rpcLog.length;
    await page.click('#lang-en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h2').allInnerTexts()).toEqual([
      'Check',
      'Results',
      'Templates',
      'Clear highlights',
    ]);
    const report = checkWorkbook([tasks], { lang: 'en', asOf: AS_OF, today: AS_OF });
    expect(await findings()).toEqual(
      groupFindings(report.sheets[0].findings, 'en').map((g) => ({
        code: g.code,
        items: g.items.map((i) => [i.cell, i.message]),
      })),
    );
    // Not one server call: the last check is worded again in the sidebar.
    expect(rpcLog.length).toBe(calls);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    await shot('sidebar-english');
    await page.click('#lang-vi');
  });

  it('runs the check as it opens from the menu’s "Kiểm tra trang tính này"', async () => {
    code.clearHighlights(null);
    activate(kpis.name);
    await open('menuCheck');
    await page.waitForFunction(() => document.querySelector('#results .kpi-table') !== null);
    await idle();
    expect(await text('#summary')).toContain('Đã đánh dấu trên trang tính.');
    expect(fake.snapshot().sheets[kpis.name].conditionalRules.length).toBeGreaterThan(0);
  });

  it('says plainly what went wrong when Sheets refuses, and stays usable', async () => {
    fake.failOn('Range.getValues', {
      message: 'Exception: Service Spreadsheets timed out while accessing document',
    });
    await check();
    expect(await text('#alert')).toBe('Google Trang tính không trả lời kịp; hãy thử lại sau ít phút.');
    await check();
    expect(await page.isHidden('#alert')).toBe(true);
  });

  it('opened outside Sheets, says so and leaves its buttons off', async () => {
    const bare = await browser.newContext({ viewport: { width: 300, height: 600 } });
    await bare.route('**/*', (route) =>
      route.request().url() === PAGE
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: built.sidebar })
        : route.abort('blockedbyclient'),
    );
    const alone = await bare.newPage();
    await alone.goto(PAGE);
    await alone.waitForSelector('#alert:not([hidden])');
    expect(await alone.locator('#alert').innerText()).toBe(
      'Cần mở ngăn này từ trình đơn Tiện ích mở rộng của Google Trang tính để kiểm tra bảng.',
    );
    expect(await alone.isDisabled('#check')).toBe(true);
    await bare.close();
  });

  it.each([
    ['the bundled sample', 'sample'],
    ['a three-sheet workbook', 'three'],
  ])(
    'checks the whole workbook (%s): the CLI’s totals, a section per sheet, click-through, one clear for all',
    async (_what, which) => {
      const file = which === 'sample' ? SAMPLE : await writeThreeSheets(join(tmp, 'ba-trang.xlsx'));
      // The file as Sheets holds it after File > Import, in a spreadsheet of its own.
      const grids = await readWorkbook(file);
      fake = createFakeSheets({
        sheets: grids.map(sheetInit),
        htmlFiles: { sidebar: built.sidebar },
        addonName: 'Kiểm tra phụ lục CCHC',
      });
      code = loadCode(built.code, fake.globals());
      const start = fake.snapshot();
      await open('showSidebar');
      expect(await text('#check-all')).toBe('Kiểm tra cả tệp');
      await page.fill('#as-of', AS_OF);
      rpcLog.length = 0;
      await page.click('#check-all');
      await idle();
      // One server call reads every sheet, one more highlights them all.
      expect(rpcLog).toEqual(['readWorkbook', 'applyWorkbookHighlights']);

      const report = cliReport(file, 'vi', AS_OF);
      // The headline, a section per sheet, each with the CLI's findings for that sheet.
      const totals = await expectWorkbookAsCli(page, report);
      // Every sheet with a table highlighted; the notes sheet left alone.
      const during = fake.snapshot();
      for (const name of totals.tables)
        expect(during.sheets[name].conditionalRules.length).toBeGreaterThan(0);
      if (which === 'three') expect(during.sheets['Ghi chú']).toEqual(start.sheets['Ghi chú']);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
      await shot(`sidebar-workbook-${which}`);

      // A finding on the KPI sheet selects its cell there, while the task list is the active sheet.
      expect(fake.snapshot().activeSheet).toBe('Nhiệm vụ');
      const other = page.locator('#results section.sheet[data-sheet="Chỉ tiêu"] button[data-cell]').first();
      const cell = (await other.getAttribute('data-cell')) as string;
      await other.click();
      await until(() => fake.snapshot().activeSheet === 'Chỉ tiêu');
      expect(fake.snapshot().sheets['Chỉ tiêu'].selection).toBe(cell);

      // "Xóa đánh dấu" offers every sheet after a whole check, and leaves the spreadsheet as it was.
      expect(await page.inputValue('#clear-scope')).toBe('all');
      await page.click('#clear');
      await idle();
      expect(await text('#clear-output')).toMatch(/^Đã xóa \d+ đánh dấu\.$/);
      const now = fake.snapshot();
      expect({ ...now, selection: '', activeSheet: '', sheets: stripSelection(now) }).toEqual({
        ...start,
        selection: '',
        activeSheet: '',
        sheets: stripSelection(start),
      });
    },
  );

  it('checks the whole workbook as it opens from the menu’s "Kiểm tra cả tệp"', async () => {
    rpcLog.length = 0;
    await open('menuCheckAll');
    await page.waitForFunction(() => document.querySelectorAll('#results section.sheet').length > 1);
    await idle();
    expect(rpcLog).toEqual(['readWorkbook', 'applyWorkbookHighlights']);
    expect(await text('#summary')).toContain('Đã đánh dấu trên trang tính.');
    code.clearHighlights(null);
  });

  it('made no request anywhere and raised no error in the page', () => {
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

/** The stand-in's SpreadsheetApp with the few members this test calls. */
function SpreadsheetAppOf(fake: FakeSheets) {
  return fake.SpreadsheetApp as unknown as {
    getActiveSpreadsheet(): { getSheetByName(n: string): { activate(): void } };
  };
}

async function until(condition: () => boolean, timeout = 5_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

function stripSelection(s: SpreadsheetSnapshot) {
  return Object.fromEntries(Object.entries(s.sheets).map(([n, sheet]) => [n, { ...sheet, selection: '' }]));
}
