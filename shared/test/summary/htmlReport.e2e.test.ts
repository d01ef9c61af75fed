/**
 * The summary's HTML page in Debian's Chromium, opened from a file as a province office opens it: it asks for
 * nothing but itself and breaks no rule of its own security policy, its bars are drawn as long as the numbers
 * they carry, it fits a 360 px phone (only tables and charts scroll sideways) and it prints on A4.
 * Pictures of it (1280 px, 360 px, the PDF's pages) land in test-output/summary/.
 *
 * Skipped with a warning when /usr/bin/chromium is missing outside CI; in CI (CI set) it fails instead.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { SIDE_PLOT } from '../../src/summary/charts';
import { renderSummaryHtml } from '../../src/summary/htmlReport';
import { summarySchema, type Summary, type WardFile } from '../../src/summary/schema';
import { sampleSummary } from './sampleSummary';

// The repository's Chromium helpers are typed against the DOM, which the core's tsconfig leaves out on purpose:
// required untyped, so that they are not type-checked here, with the two signatures this test uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { browserSuite, launchChromium } = require('../../ui/test/chromium') as {
  browserSuite(name: string): jest.Describe;
  launchChromium(): Promise<Browser>;
};

const ROOT = resolve(__dirname, '../../..');
const SHOTS = join(ROOT, 'test-output', 'summary');
const suite = browserSuite('htmlReport.e2e');
const havePdftoppm = spawnSync('pdftoppm', ['-v']).error === undefined;

/** A province of `n` ward files with varied rates, to see the attainment chart split into page-sized parts. */
function province(n: number): Summary {
  const base = sampleSummary('vi');
  const files: WardFile[] = Array.from({ length: n }, (_, i) => {
    const met = (i * 7) % 11;
    const missed = (i * 3) % 5;
    return {
      ...base.files[i % 5],
      file: `xa-${i + 1}/phu-luc.xlsx`,
      unit: `Xã Số ${i + 1}`,
      sameUnit: [],
      sameUnitCount: 0,
      kpis: { total: met + missed, met, missed, noData: 0, unmeasurable: 0 },
      rate: met + missed ? met / (met + missed) : null,
    };
  });
  return summarySchema.parse({
    ...base,
    files,
    totals: { ...base.totals, files: n, read: n, unreadable: 0 },
  });
}

interface DrawnBar {
  chart: number;
  kind: string;
  value: number;
  /** The rendered width in CSS pixels, and the same in the chart's own units (through its viewBox). */
  width: number;
  units: number;
}

/** Every bar on the page as the browser drew it. */
function drawnBars(page: Page): Promise<DrawnBar[]> {
  return page.$$eval('svg.chart', (svgs) =>
    svgs.flatMap((svg, chart) => {
      const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('viewBox')?.split(' ')[2]);
      return [...svg.querySelectorAll('rect.bar')].map((r) => {
        const width = r.getBoundingClientRect().width;
        return {
          chart,
          kind: [...r.classList].find((c) => c.startsWith('bar-'))?.slice(4) ?? '',
          value: Number(r.getAttribute('data-value')),
          width,
          units: width / scale,
        };
      });
    }),
  );
}

/** Page count and the first page's size in points, from the PDF's own objects. */
function pdfPages(pdf: Buffer): { pages: number; width: number; height: number } {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return { pages, width: Number(box?.[3]), height: Number(box?.[4]) };
}

suite('the summary page in Chromium', () => {
  let browser: Browser;
  let dir: string;
  const url = (name: string) => pathToFileURL(join(dir, name)).href;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The pages go to a private folder under the git-ignored test-output/, removed afterwards.
    dir = mkdtempSync(join(SHOTS, 'pages-'));
    writeFileSync(join(dir, 'tong-hop.html'), renderSummaryHtml(sampleSummary('vi')));
    writeFileSync(join(dir, 'summary-en.html'), renderSummaryHtml(sampleSummary('en')));
    writeFileSync(join(dir, 'province.html'), renderSummaryHtml(province(120)));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  jest.setTimeout(60_000);

  /** Opens a page at a width, recording every request, CSP violation and page error. */
  async function open(name: string, width: number) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    // The policy's violations, reported where the test hears them (the script is the test's, not the page's).
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (e) =>
        console.error('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));`,
    });
    await page.goto(url(name), { waitUntil: 'load' });
    return { context, page, requests, problems };
  }

  it('asks for nothing but itself, runs nothing and breaks no rule of its policy', async () => {
    for (const name of ['tong-hop.html', 'summary-en.html']) {
      const { context, page, requests, problems } = await open(name, 1280);
      expect(requests).toEqual([url(name)]);
      expect(problems).toEqual([]);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('[src], [href]').count()).toBe(0);
      expect(await page.getAttribute('html', 'lang')).toBe(name === 'tong-hop.html' ? 'vi' : 'en');
      expect(await page.evaluate('document.characterSet')).toBe('UTF-8');
      await context.close();
    }
  });

  it('shows the hostile text of the data as text', async () => {
    const { context, page } = await open('tong-hop.html', 1280);
    const errors = await page.locator('#table-errors + div table').innerText();
    expect(errors).toContain('Kết quả "<script>alert(1)</script>" không đọc được.');
    expect(await page.locator('b, i').count()).toBe(0);
    expect(await page.locator('#table-indicators + div table').innerText()).toContain(
      'Thời gian chờ đợi trung bình <b>tại bộ phận một cửa</b>',
    );
    await context.close();
  });

  it("draws each bar as long as the number it carries, and the numbers are the summary's", async () => {
    const summary = sampleSummary('vi');
    const { context, page } = await open('tong-hop.html', 1280);
    const bars = await drawnBars(page);
    const rate = bars.filter((b) => b.kind === 'rate');
    const rates = summary.files.flatMap((f) => (f.rate === null ? [] : [f.rate])).sort((a, b) => b - a);
    expect(rate.map((b) => b.value)).toEqual(rates);
    // 100 % is the full plot of SIDE_PLOT units; drawn widths are those units at the chart's scale.
    for (const b of rate) expect(b.units).toBeCloseTo(b.value * SIDE_PLOT, 0);
    const met = bars.filter((b) => b.kind === 'met').map((b) => b.value);
    const missed = bars.filter((b) => b.kind === 'missed').map((b) => b.value);
    expect(met).toEqual(summary.indicators.map((i) => i.met));
    expect(missed).toEqual(summary.indicators.map((i) => i.missed));
    const overdue = bars.filter((b) => b.kind === 'overdue');
    expect(overdue.map((b) => b.value)).toEqual(summary.areas.map((a) => a.overdue));
    // Within a chart, drawn width over value is one constant.
    for (const chart of new Set(bars.map((b) => b.chart))) {
      const mine = bars.filter((b) => b.chart === chart && b.value > 0);
      const k = mine[0].width / mine[0].value;
      for (const b of mine) expect(b.width).toBeCloseTo(b.value * k, 0);
    }
    await page.screenshot({ path: join(SHOTS, 'summary-vi-1280.png'), fullPage: true });
    await context.close();
  });

  it('fits a 360 px phone: only tables and charts scroll sideways, the charts stay readable', async () => {
    const { context, page } = await open('tong-hop.html', 360);
    const overflow = await page.evaluate('document.documentElement.scrollWidth');
    expect(overflow).toBeLessThanOrEqual(360);
    const wide = await page.$$eval(
      '.scroll',
      (els) => els.filter((e) => e.scrollWidth > e.clientWidth).length,
    );
    expect(wide).toBeGreaterThan(0); // the per-file table, at least
    // The label font of the charts, as drawn: not shrunk below 9 px.
    const font = await page.$eval('svg.chart', (svg) => {
      const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('viewBox')?.split(' ')[2]);
      return 14 * scale;
    });
    expect(font).toBeGreaterThanOrEqual(9);
    await page.screenshot({ path: join(SHOTS, 'summary-vi-360.png'), fullPage: true });
    await context.close();
    const en = await open('summary-en.html', 360);
    await en.page.screenshot({ path: join(SHOTS, 'summary-en-360.png'), fullPage: true });
    await en.context.close();
  });

  it('prints on A4 landscape pages, the attainment chart of a province in page-sized parts', async () => {
    for (const [name, pdfName, minPages] of [
      ['tong-hop.html', 'summary-vi.pdf', 1],
      ['province.html', 'summary-province.pdf', 6],
    ] as const) {
      const { context, page } = await open(name, 1280);
      const path = join(SHOTS, pdfName);
      const pdf = await page.pdf({ path, format: 'A4', preferCSSPageSize: true, printBackground: true });
      const { pages, width, height } = pdfPages(pdf);
      expect(pages).toBeGreaterThanOrEqual(minPages);
      expect(width).toBeCloseTo(841.9, -1); // A4 landscape: 297 × 210 mm
      expect(height).toBeCloseTo(595.3, -1);
      await context.close();
      if (havePdftoppm) {
        // One picture per page: <name>-page-01.png …, last run's removed first.
        const prefix = `${pdfName.replace(/\.pdf$/, '')}-page`;
        const pictures = () =>
          readdirSync(SHOTS).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'));
        for (const f of pictures()) rmSync(join(SHOTS, f));
        execFileSync('pdftoppm', ['-png', '-r', '50', path, join(SHOTS, prefix)]);
        expect(pictures()).toHaveLength(pages);
      }
    }
    expect(readFileSync(join(SHOTS, 'summary-vi.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
