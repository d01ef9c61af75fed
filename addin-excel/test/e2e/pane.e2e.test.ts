/**
 * The task pane end to end in a real browser: the production webpack build, served from 127.0.0.1, opened in
 * Debian's Chromium with the fake Excel (bundled for the browser) answering in place of office.js. Every request
 * to another origin is refused and recorded; the test fails if one is attempted.
 *
 * Skipped with a warning when /usr/bin/chromium is missing outside CI; in CI (CI set) it fails instead.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  HIGHLIGHT_FILLS,
  checkWorkbook,
  highlightsFor,
  parseRange,
  a1,
  type Report,
  type SheetGrid,
} from '../../../shared/src/index';
import { groupFindings } from '../../../shared/src/hosts/reportDisplay';
import type { FakeExcel, FakeWorkbookInit, WorkbookSnapshot } from '../fakeExcel/index';
import { browserSuite, launchChromium, paneFindings, paneIdle } from '../../../shared/ui/test/chromium';
import { AS_OF, KPIS, MARKUP, TASKS } from '../../../shared/ui/test/sampleGrids';
import { cliReport, SAMPLE, writeThreeSheets, expectWorkbookAsCli } from '../../../shared/ui/test/cliReport';
import { readWorkbook } from '../../../cli/src/xlsx/readWorkbook';
import { VERSION } from '../../../shared/src/version';
import { ensureBuilt } from '../../../cli/test/built';
import { testBundle } from '../../../shared/ui/test/testBundles';

const ROOT = resolve(__dirname, '../../..');
const SHOTS = join(ROOT, 'test-output', 'addin');
const suite = browserSuite('pane.e2e');

/** What the page exposes besides the fake itself: a few reads and moves the Excel UI would make. */
interface Helpers {
  selection(): { sheet: string; address: string };
  activate(name: string): void;
  sheetNames(): string[];
  showCount(): number;
}
type TestWindow = Window & {
  __fake: FakeExcel;
  __helpers: Helpers;
  __csp: string[];
  __completed: number;
  __release?: () => void;
};

/** The sample grids as the fake's initial cells (their values are all strings and numbers). */
const cells = (g: SheetGrid) => g.values as (string | number | boolean | null)[][];

const INIT: FakeWorkbookInit = {
  sheets: [
    { name: TASKS.name, values: cells(TASKS), merges: TASKS.merges as string[] },
    { name: KPIS.name, values: cells(KPIS), numberFormats: KPIS.numberFormats },
  ],
  activeSheet: TASKS.name,
};

/** The browser's office.js: the fake, installed on window before the pane's bundle runs. */
function bundleFake(): string {
  // esbuild (a dev dependency) is required lazily, so that a skipped suite needs nothing.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const entry = `
    import { createFakeExcel } from './index';
    import { rectAddress } from './model';
    // A test may open the pane over a workbook of its own (set on window before this runs).
    const init = window.__cchcInit || ${JSON.stringify(INIT)};
    // Excel calculates formulas; the templates' only non-blank one here is the total row's text.
    init.calculate = (formula) => {
      const m = /^=?"([^"]*)"&COUNT\\([^)]*\\)&"([^"]*)"$/.exec(formula);
      return m ? m[1] + '0' + m[2] : '';
    };
    const fake = createFakeExcel(init);
    let shown = 0;
    const show = fake.Office.addin.showAsTaskpane;
    fake.Office.addin.showAsTaskpane = () => { shown++; return show(); };
    fake.install(window);
    window.__fake = fake;
    window.__helpers = {
      selection: () => ({
        sheet: fake.workbook.active ? fake.workbook.active.name : '',
        address: fake.workbook.active ? fake.workbook.active.selection.map(rectAddress).join(',') : '',
      }),
      activate: (name) => { fake.workbook.active = fake.sheet(name); },
      sheetNames: () => fake.workbook.sheets.map((s) => s.name),
      showCount: () => shown,
    };
  `;
  const out = esbuild.buildSync({
    stdin: {
      contents: entry,
      resolveDir: join(__dirname, '../fakeExcel'),
      loader: 'ts',
      sourcefile: 'fake.ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
  });
  return out.outputFiles[0].text;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = resolve(dir, '.' + path);
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Cell → fill of the add-in's conditional formats on one sheet of a snapshot. */
function highlightFills(snap: WorkbookSnapshot, sheet: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const cf of snap.sheets.find((s) => s.name === sheet)?.conditionalFormats ?? []) {
    for (const address of cf.ranges) {
      const r = parseRange(address);
      if (!r) throw new Error(`bad range ${address}`);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) out[a1(row, col)] = cf.format.fill ?? '';
    }
  }
  return out;
}

function expectedFills(report: Report): Record<string, string> {
  return Object.fromEntries(highlightsFor(report).map((h) => [h.cell, HIGHLIGHT_FILLS[h.kind]]));
}

const cellsOf = (snap: WorkbookSnapshot, sheet: string) => snap.sheets.find((s) => s.name === sheet)?.cells;

suite('task pane in Chromium with the fake Excel', () => {
  let scratch = '';
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base = '';
  const foreign: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  /** Runs `fn` in the page with its window (the function's source is sent, so it must not close over anything). */
  const fake = <T>(fn: (w: TestWindow) => T): Promise<T> =>
    page.evaluate(`(${fn.toString()})(window)`) as Promise<T>;
  const snapshot = () => fake((w) => w.__fake.snapshot());
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const findings = () => paneFindings(page);
  const text = (selector: string) => page.locator(selector).innerText();
  /** A table's rows, cells joined by tabs, whatever the layout (a narrow pane shows rows as cards). */
  const rowTexts = (selector: string) =>
    page.$$eval(selector, (trs) =>
      trs.map((tr) =>
        [...tr.children].map((td) => (td.textContent ?? '').replace(/\u00a0/g, ' ').trim()).join('\t'),
      ),
    );
  /** Presses Kiểm tra and waits for the flow to finish (buttons come back). */
  const check = async () => {
    await page.click('#check');
    await paneIdle(page);
  };

  /** A pane over the fake workbook `init` (the test's default one when omitted), ready for a check. */
  const openPane = async (init?: FakeWorkbookInit): Promise<Page> => {
    const p = await context.newPage();
    p.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    p.on('pageerror', (e) => pageErrors.push(e.message));
    p.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    await p.addInitScript(() => {
      const w = window as unknown as TestWindow;
      w.__csp = [];
      w.__completed = 0;
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(
          `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
        ),
      );
    });
    if (init)
      await p.addInitScript((i) => {
        (window as unknown as { __cchcInit: unknown }).__cchcInit = i;
      }, init);
    await p.goto(`${base}/taskpane.html`);
    await p.waitForSelector('#check:not([disabled])');
    return p;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureBuilt();
    scratch = mkdtempSync(join(tmpdir(), 'cchc-addin-e2e-'));
    const officeJs = bundleFake();
    server = await serve(testBundle('addin'));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 380, height: 900 }, locale: 'vi-VN' });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== '127.0.0.1') {
        foreign.push(url.href);
        return route.abort('blockedbyclient');
      }
      if (url.pathname.endsWith('/office-js/office.js')) {
        return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: officeJs });
      }
      return route.continue();
    });
    page = await openPane();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  jest.setTimeout(60_000);

  it('opens in Vietnamese with today as the as-of date and the ribbon actions registered', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await text('#check')).toBe('Kiểm tra trang này');
    expect(await text('#version')).toBe(`Phiên bản ${VERSION}`);
    expect(await page.locator('h2').allInnerTexts()).toEqual(['Kiểm tra', 'Kết quả', 'Mẫu', 'Xóa đánh dấu']);
    expect(await page.inputValue('#as-of')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.isChecked('#highlight')).toBe(true);
    expect((await fake((w) => [...w.__fake.actions.keys()])).sort()).toEqual([
      'insertKpis',
      'insertTasks',
      'insertUnits',
      'validateSheet',
    ]);
    expect(await page.locator('#legend li').allInnerTexts()).toEqual([
      'Lỗi',
      'Cảnh báo',
      'Chưa đạt chỉ tiêu, nhiệm vụ quá hạn',
      'Đạt chỉ tiêu',
    ]);
  });

  let before: WorkbookSnapshot;

  it('checks the task list: findings with cells and messages, highlights, values untouched', async () => {
    before = await snapshot();
    await page.fill('#as-of', AS_OF);
    // Whatever order the browser's date input shows, the pane says the date the Vietnamese way.
    expect(await text('#as-of-text')).toBe('Tức ngày 01/08/2025.');
    await check();

    const report = checkWorkbook([TASKS], { lang: 'vi', asOf: AS_OF });
    const shown = await findings();
    expect(shown).toEqual(
      groupFindings(report.sheets[0].findings, 'vi').map((g) => ({
        code: g.code,
        items: g.items.map((i) => [i.cell, i.message]),
      })),
    );
    expect(shown.map((g) => g.code)).toEqual(['cell/required', 'area/missing', 'task/overdue']);
    expect(shown[0].items).toEqual([['C8', 'Ô "Cơ quan chủ trì" đang trống.']]);
    expect(shown[2].items).toEqual([['D7', 'Quá hạn: hạn 30/06/2025, đến ngày 01/08/2025 chưa hoàn thành.']]);
    expect(await text('#summary')).toBe(
      'Có 1 lỗi cần sửa. 1 nhiệm vụ quá hạn. Lỗi: 1 · Cảnh báo: 6 · Lưu ý: 0. Tính đến ngày 01/08/2025. Đã đánh dấu trên trang tính.',
    );
    expect(await rowTexts('#results .area-table tbody tr')).toEqual([
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\t3\t1\t1',
      'II. CẢI CÁCH THỂ CHẾ\t1\t0\t0',
    ]);

    const after = await snapshot();
    const fills = highlightFills(after, TASKS.name);
    expect(fills).toEqual(expectedFills(report));
    expect(fills).toEqual({ B4: '#FFE699', D7: '#D5A6E6', C8: '#F4B183' });
    expect(cellsOf(after, TASKS.name)).toEqual(cellsOf(before, TASKS.name));
    expect(after.sheets.map((s) => s.formats)).toEqual(before.sheets.map((s) => s.formats));

    // The cell holding markup is shown as typed, and nothing ran.
    expect(await page.locator('#results img').count()).toBe(0);
    expect(await fake(() => document.querySelectorAll('img').length)).toBe(0);
    expect(dialogs).toEqual([]);
    await shot('pane-after-check');
  });

  it('shows a cell holding markup literally, in a finding about it', async () => {
    // A second, unreadable deadline holding the markup puts it inside a finding message.
    await fake((w) => {
      w.__fake.sheet('Nhiệm vụ').setConstant(7, 3, '<img src=x onerror=alert(1)>');
    });
    await check();
    const unreadable = (await findings()).find((g) => g.code === 'task/deadline-unparseable');
    expect(unreadable?.items).toEqual([['D8', `Không hiểu được thời hạn "${MARKUP}".`]]);
    expect(await page.locator('#results [data-cell="D8"] .finding-message').innerText()).toContain(MARKUP);
    expect(await page.locator('#results img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await fake((w) => {
      w.__fake.sheet('Nhiệm vụ').setConstant(7, 3, 'Quý IV');
    });
    await check();
  });

  it('clears the highlights: the workbook is exactly as before the check', async () => {
    await page.click('#clear');
    await paneIdle(page);
    expect(await text('#clear-output')).toBe('Đã xóa 3 đánh dấu.');
    expect(await snapshot()).toEqual(before);
    expect(await text('#summary')).not.toContain('Đã đánh dấu');
    await shot('pane-after-clear');
  });

  it('selects a finding’s cell when it is clicked, or pressed from the keyboard', async () => {
    await check();
    await page.click('#results button[data-cell="D7"]');
    await page.waitForFunction(
      () => (window as unknown as TestWindow).__helpers.selection().address === 'D7',
    );
    expect(await fake((w) => w.__helpers.selection())).toEqual({ sheet: 'Nhiệm vụ', address: 'D7' });

    await page.focus('#results button[data-cell="C8"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => (window as unknown as TestWindow).__helpers.selection().address === 'C8',
    );
    expect(await fake(() => document.activeElement?.getAttribute('data-cell'))).toBe('C8');
  });

  it('checks the whole workbook: every sheet in one go, highlights on each, click-through, one clear for all', async () => {
    await fake((w) => w.__helpers.activate('Nhiệm vụ'));
    await page.click('#check-all');
    await paneIdle(page);
    const report = checkWorkbook([TASKS, KPIS], { lang: 'vi', asOf: AS_OF });
    const sections = await page
      .locator('#results section.sheet')
      .evaluateAll((ss) => ss.map((s) => (s as HTMLElement).dataset.sheet));
    expect(sections).toEqual([TASKS.name, KPIS.name]);
    for (const s of report.sheets)
      expect(await paneFindings(page, `#results section.sheet[data-sheet="${s.name}"]`)).toEqual(
        groupFindings(s.findings, 'vi').map((g) => ({
          code: g.code,
          items: g.items.map((i) => [i.cell, i.message]),
        })),
      );
    expect(await text('#summary')).toMatch(
      /^Có 1 lỗi cần sửa\. 1 chỉ tiêu chưa đạt\. 1 nhiệm vụ quá hạn\. .* Đã kiểm tra 2 trang có bảng\. /,
    );
    const after = await snapshot();
    const fills = { ...highlightFills(after, TASKS.name), ...highlightFills(after, KPIS.name) };
    expect(Object.keys(fills).length).toBe(highlightsFor(report).length);
    expect(highlightFills(after, KPIS.name)).toEqual({ D4: '#9DC3E6', D5: '#D5A6E6' });
    await shot('pane-workbook');
    // A finding on the other sheet selects its cell there.
    await page.click(`#results section.sheet[data-sheet="${KPIS.name}"] button[data-cell="D5"]`);
    await page.waitForFunction(() => {
      const s = (window as unknown as TestWindow).__helpers.selection();
      return s.sheet === 'Chỉ tiêu' && s.address === 'D5';
    });
    // "Xóa đánh dấu" now offers every sheet, and removes ours from each.
    expect(await page.inputValue('#clear-scope')).toBe('all');
    await page.click('#clear');
    await paneIdle(page);
    const cleared = await snapshot();
    expect([highlightFills(cleared, TASKS.name), highlightFills(cleared, KPIS.name)]).toEqual([{}, {}]);
    await page.selectOption('#clear-scope', 'active');
    await fake((w) => w.__helpers.activate('Nhiệm vụ'));
  });

  it('checks the KPI table: attainment, statuses and highlights; a period sets the date', async () => {
    await fake((w) => w.__helpers.activate('Chỉ tiêu'));
    await check();
    expect(await rowTexts('#results .kpi-table tbody tr')).toEqual([
      '1\tTỷ lệ hoàn thành kế hoạch CCHC\t≥ 80%\t92,5%\tĐạt',
      '2\tTỷ lệ hồ sơ giải quyết đúng hạn\t≥ 95%\t90%\tKhông đạt',
      '3\tThời gian chờ đợi của người dân\t≤ 15 phút\t—\tChưa có số liệu',
      '4\tThực hiện chế độ báo cáo\t—\t—\tKhông đo được',
    ]);
    expect(await rowTexts('#results .area-table tbody tr')).toEqual([
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\t1\t1\t1\t1',
    ]);
    expect((await findings()).map((g) => g.code)).toEqual(['kpi/target-missed', 'kpi/target-unmeasurable']);
    const report = checkWorkbook([KPIS], { lang: 'vi', asOf: AS_OF });
    expect(highlightFills(await snapshot(), 'Chỉ tiêu')).toEqual(expectedFills(report));
    expect(highlightFills(await snapshot(), 'Chỉ tiêu')).toEqual({ D4: '#9DC3E6', D5: '#D5A6E6' });

    // "6 tháng": judged as of the national cut-off 14/06 of the plan year read from the title.
    await page.selectOption('#period', 'h1');
    expect(await page.getAttribute('#as-of', 'readonly')).toBe('');
    await check();
    expect(await page.inputValue('#as-of')).toBe('2025-06-14');
    expect(await text('#as-of-text')).toBe('Tức ngày 14/06/2025.');
    expect(await text('#summary')).toContain('Tính đến ngày 14/06/2025.');
    await page.selectOption('#period', '');
    expect(await page.inputValue('#as-of')).toBe(AS_OF);
    expect(await page.getAttribute('#as-of', 'readonly')).toBeNull();
  });

  it('disables the buttons while a flow runs', async () => {
    await fake((w) => {
      const excel = (w as unknown as { Excel: { run: (b: unknown) => Promise<unknown> } }).Excel;
      const run = excel.run;
      const gate = new Promise<void>((ok) => (w.__release = ok));
      excel.run = async (batch) => {
        await gate;
        excel.run = run;
        return run(batch);
      };
    });
    await page.click('#check');
    expect(await page.isDisabled('#check')).toBe(true);
    expect(await page.isDisabled('#insert')).toBe(true);
    expect(await page.isDisabled('#clear')).toBe(true);
    expect(await page.getAttribute('#main', 'aria-busy')).toBe('true');
    expect(await text('#summary')).toBe('Đang kiểm tra…');
    await fake((w) => w.__release?.());
    await page.waitForSelector('#check:not([disabled])');
    expect(await page.isDisabled('#insert')).toBe(false);
  });

  it('shows an Excel failure in the alert region, in the user’s words', async () => {
    await fake((w) => w.__fake.failOn('ConditionalFormatCollection.add'));
    await check();
    const alert = page.locator('#alert');
    expect(await alert.isVisible()).toBe(true);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.innerText()).toBe(
      'Excel gặp lỗi nội bộ khi xử lý yêu cầu; hãy thử lại, nếu vẫn lỗi thì lưu tệp và mở lại Excel.',
    );
    // The next flow clears it.
    await check();
    expect(await alert.isVisible()).toBe(false);
  });

  it('switches to English: labels, report and messages change, with no call to Excel', async () => {
    const syncs = await fake((w) => w.__fake.syncCount);
    await page.click('#lang-en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getAttribute('#lang-en', 'aria-pressed')).toBe('true');
    expect(await page.locator('h2').allInnerTexts()).toEqual([
      'Check',
      'Results',
      'Templates',
      'Clear highlights',
    ]);
    expect(await text('#check')).toBe('Check this sheet');
    expect(await text('#version')).toBe(`Version ${VERSION}`);
    expect(await text('label[for="as-of"]')).toBe('As of');
    expect(await text('#as-of-text')).toBe('That is 2025-08-01.');
    expect(await page.locator('#period option').allInnerTexts()).toEqual([
      'By date (no period)',
      'Q1 (cut-off 14/03)',
      '6 months (cut-off 14/06)',
      '9 months (cut-off 14/09)',
      'Year (cut-off 14/12)',
    ]);
    expect(await text('#summary')).toBe(
      'No errors. 1 target missed. Error: 0 · Warning: 1 · Note: 1. As of 2025-08-01. Highlighted on the sheet.',
    );
    expect(await page.locator('#results .group-name').allInnerTexts()).toEqual([
      'Target missed',
      'Target not measurable',
    ]);
    expect(await text('#results [data-cell="D5"] .finding-message')).toBe(
      'Target missed: result 90%, target ≥ 95%.',
    );
    expect((await rowTexts('#results .kpi-table tbody tr'))[0]).toBe(
      '1\tTỷ lệ hoàn thành kế hoạch CCHC\t≥ 80%\t92.5%\tMet',
    );
    expect(await fake(() => localStorage.getItem('cchc.addin.lang'))).toBe('en');
    expect(await fake((w) => w.__fake.syncCount)).toBe(syncs);
    await shot('pane-english');
    await page.click('#lang-vi');
    expect(await text('#check')).toBe('Kiểm tra trang này');
  });

  it('inserts a template next to the existing sheets and the new sheet checks with no error', async () => {
    const existing = await snapshot();
    await page.selectOption('#template-kind', 'tasks');
    await page.fill('#template-year', '2026');
    await page.fill('#template-unit', 'Phường 5');
    await page.fill('#template-doc', '36/KH-UBND ngày 12/02/2026');
    await page.click('#insert');
    await paneIdle(page);
    expect(await text('#template-output')).toBe('Đã tạo các trang tính: Nhiệm vụ (2), Đơn vị.');
    expect(await fake((w) => w.__helpers.sheetNames())).toEqual([
      'Nhiệm vụ',
      'Chỉ tiêu',
      'Nhiệm vụ (2)',
      'Đơn vị',
    ]);
    expect(await fake((w) => w.__fake.value('Nhiệm vụ (2)', 'A5'))).toBe(
      'DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026',
    );
    // Never overwritten: the ward's own sheets are as they were.
    const now = await snapshot();
    expect(now.sheets.slice(0, 2)).toEqual(existing.sheets.slice(0, 2));

    await fake((w) => w.__helpers.activate('Nhiệm vụ (2)'));
    await check();
    expect(await page.locator('#results .sheet-title').innerText()).toBe(
      'Trang "Nhiệm vụ (2)": bảng nhiệm vụ năm 2026',
    );
    expect(await text('#summary')).toMatch(/^Không có lỗi\./);
    expect(await page.locator('#results .group-error').count()).toBe(0);
    await shot('pane-template-inserted');
  });

  it('runs the ribbon’s validateSheet through Office.actions and shows the results in the pane', async () => {
    await fake((w) => w.__helpers.activate('Nhiệm vụ'));
    await page.click('#clear');
    await page.waitForSelector('#clear:not([disabled])');
    expect(highlightFills(await snapshot(), 'Nhiệm vụ')).toEqual({});
    // The ribbon's check always highlights, whatever the pane's checkbox says.
    await page.uncheck('#highlight');
    await fake((w) => w.__fake.actions.get('validateSheet')?.({ completed: () => w.__completed++ }));
    await page.waitForFunction(() => (window as unknown as TestWindow).__completed === 1);
    expect(await page.locator('#results .sheet-title').innerText()).toBe(
      'Trang "Nhiệm vụ": bảng nhiệm vụ năm 2025',
    );
    expect(await text('#summary')).toMatch(/^Có 1 lỗi cần sửa\./);
    expect((await findings()).map((g) => g.code)).toEqual(['cell/required', 'area/missing', 'task/overdue']);
    expect(highlightFills(await snapshot(), 'Nhiệm vụ')).toEqual({
      B4: '#FFE699',
      D7: '#D5A6E6',
      C8: '#F4B183',
    });
    expect(await fake((w) => w.__helpers.showCount())).toBe(1);
    await page.check('#highlight');
  });

  it('runs the ribbon’s insertKpis with the pane’s template settings', async () => {
    await fake((w) => w.__fake.actions.get('insertKpis')?.({ completed: () => w.__completed++ }));
    await page.waitForFunction(() => (window as unknown as TestWindow).__completed === 2);
    expect(await text('#template-output')).toBe('Đã tạo các trang tính: Chỉ tiêu (2), Đơn vị (2).');
    expect(await fake((w) => w.__fake.value('Chỉ tiêu (2)', 'A5'))).toBe(
      'CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2026',
    );
    expect(await fake((w) => w.__helpers.showCount())).toBe(2);
  });

  it.each([
    ['the bundled sample', 'sample'],
    ['a three-sheet workbook', 'three'],
  ])(
    'checks the whole workbook (%s): the CLI’s totals, a section per sheet, click-through, one clear for all',
    async (_what, which) => {
      const asOf = '2025-10-15';
      const file = which === 'sample' ? SAMPLE : await writeThreeSheets(join(scratch, 'ba-trang.xlsx'));
      // The file as Excel holds it once opened: every sheet's values, formats and merges.
      const grids = await readWorkbook(file);
      const init: FakeWorkbookInit = {
        sheets: grids.map((g) => ({
          name: g.name,
          values: g.values as (string | number | boolean | null)[][],
          numberFormats: g.numberFormats,
          merges: (g.merges ?? []) as string[],
        })),
        activeSheet: grids[0].name,
      };
      const main = page;
      page = await openPane(init);
      try {
        const start = await snapshot();
        await page.fill('#as-of', asOf);
        await page.click('#check-all');
        await paneIdle(page);

        const report = cliReport(file, 'vi', asOf);
        // The headline, a section per sheet, each with the CLI's findings for that sheet.
        await expectWorkbookAsCli(page, report);
        // Each sheet highlighted as the CLI's report says, the notes sheet not at all.
        const during = await snapshot();
        for (const g of grids)
          expect(highlightFills(during, g.name)).toEqual(
            Object.fromEntries(
              highlightsFor(report)
                .filter((h) => h.sheet === g.name)
                .map((h) => [h.cell, HIGHLIGHT_FILLS[h.kind]]),
            ),
          );
        await shot(`pane-workbook-${which}`);
        if (which === 'sample') {
          // The pane's real widths, and a wide one: nothing wider than the pane, a target's sign with its number.
          for (const px of [320, 350, 400, 1280]) {
            await page.setViewportSize({ width: px, height: 900 });
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(px);
            const targets = await page.locator('#results .kpi-table td:nth-child(3)').allInnerTexts();
            expect(targets.some((t) => /[≥≤]/.test(t))).toBe(true);
            expect(targets.filter((t) => /[≥≤]\s*\n/.test(t))).toEqual([]);
            const display = await page
              .locator('#results .kpi-table tbody tr')
              .first()
              .evaluate((tr) => getComputedStyle(tr).display);
            expect(display).toBe(px <= 440 ? 'block' : 'table-row');
            await page.locator('#results .kpi-table').scrollIntoViewIfNeeded();
            await page.screenshot({ path: join(SHOTS, `pane-workbook-kpis-${px}.png`) });
          }
          await page.setViewportSize({ width: 380, height: 900 });
        }

        // A finding on the KPI sheet selects its cell there, while the task list is the active sheet.
        const other = page.locator('#results section.sheet[data-sheet="Chỉ tiêu"] button[data-cell]').first();
        const cell = (await other.getAttribute('data-cell')) as string;
        await other.click();
        await page.waitForFunction((c) => {
          const s = (window as unknown as TestWindow).__helpers.selection();
          return s.sheet === 'Chỉ tiêu' && s.address === c;
        }, cell);
        // One "Xóa đánh dấu", offered for every sheet, leaves every sheet as it was.
        expect(await page.inputValue('#clear-scope')).toBe('all');
        await page.click('#clear');
        await paneIdle(page);
        const cleared = await snapshot();
        expect(cleared.sheets.map((s) => [s.name, s.cells, s.conditionalFormats])).toEqual(
          start.sheets.map((s) => [s.name, s.cells, s.conditionalFormats]),
        );
      } finally {
        await page.close();
        page = main;
      }
    },
  );

  it('made no request to another origin, raised no dialog, broke no CSP rule', async () => {
    expect(foreign).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await fake((w) => w.__csp)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
