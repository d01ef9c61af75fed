/**
 * The summary's HTML page as text: inert (no script, no request), every data text escaped, bars that say the
 * summary's numbers at widths proportional to them, both languages, an empty batch and a province-sized one.
 * The same page in a real browser: htmlReport.e2e.test.ts.
 */
import {
  escapeHtml,
  INDICATOR_BARS,
  RATE_ROWS_PER_CHART,
  SIDE_PLOT,
  wrapLabel,
} from '../../src/summary/charts';
import { PRINTED_ERRORS, renderSummaryHtml } from '../../src/summary/htmlReport';
import { formatDateVi as formatDate } from '../../src/deadlines/calendar';
import { summarySchema, type Indicator, type Summary, type WardFile } from '../../src/summary/schema';
import { sampleSummary } from './sampleSummary';

interface ChartBar {
  attrs: Record<string, string>;
  value: number;
  width: number;
  x: number;
}

/** The page's charts in order, each with its aria-label, its rows' titles and its bars' attributes. */
function charts(page: string): { label: string; rows: string[]; bars: ChartBar[]; svg: string }[] {
  return [...page.matchAll(/<svg\b[^>]*>[\s\S]*?<\/svg>/g)].map(([svg]) => {
    const label = /aria-label="([^"]*)"/.exec(svg)?.[1] ?? '';
    const rows = [...svg.matchAll(/<g class="row"><title>([^<]*)<\/title>/g)].map((m) => m[1]);
    const bars = [...svg.matchAll(/<rect class="bar[^"]*"[^>]*>/g)].map(([rect]) => {
      const attrs = Object.fromEntries([...rect.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      return { attrs, value: Number(attrs['data-value']), width: Number(attrs.width), x: Number(attrs.x) };
    });
    return { label, rows, bars, svg };
  });
}

/** The attribute names of every tag of the page (values dropped: escaped data cannot close their quotes). */
function attributeNames(page: string): string[] {
  return [...page.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap(([tag]) =>
    [...tag.replace(/"[^"]*"/g, '""').matchAll(/\s([^\s=/>]+)=""/g)].map((m) => m[1].toLowerCase()),
  );
}

const byId = (page: string, id: string) => {
  const start = page.indexOf(`id="${id}"`);
  expect(start).toBeGreaterThan(0);
  return page.slice(start, page.indexOf('</section>', start));
};

/** Widths over values are one constant within a chart: the bars are proportional. */
function expectProportional(bars: ChartBar[], perUnit?: number) {
  const nonZero = bars.filter((b) => b.value > 0);
  expect(nonZero.length).toBeGreaterThan(0);
  const k = perUnit ?? nonZero[0].width / nonZero[0].value;
  for (const b of bars) expect(b.width).toBeCloseTo(b.value * k, 1);
}

function emptySummary(lang: 'vi' | 'en' = 'vi'): Summary {
  const zero = { total: 0, done: 0, overdue: 0, pending: 0, ongoing: 0 };
  return summarySchema.parse({
    lang,
    asOf: '2025-12-14',
    year: null,
    files: [],
    totals: {
      files: 0,
      read: 0,
      unreadable: 0,
      units: 0,
      filesWithErrors: 0,
      tasks: zero,
      kpis: { total: 0, met: 0, missed: 0, noData: 0, unmeasurable: 0 },
      rate: null,
      errors: 0,
      warnings: 0,
    },
    indicators: [],
    areas: [],
    errors: [],
  });
}

/** A province: `n` ward files with varied rates (every 9th without one), 40 indicators, many errors. */
function province(n: number, errors: number): Summary {
  const base = sampleSummary('vi');
  const files: WardFile[] = Array.from({ length: n }, (_, i) => {
    const met = i % 9 === 0 ? 0 : (i * 7) % 11;
    const missed = i % 9 === 0 ? 0 : (i * 3) % 5;
    return {
      ...base.files[0],
      file: `xa-${i + 1}/phu-luc.xlsx`,
      unit: `Xã Số ${i + 1}`,
      kpis: { total: met + missed, met, missed, noData: 0, unmeasurable: 0 },
      rate: met + missed ? met / (met + missed) : null,
      errors: i % 4,
    };
  });
  const indicators: Indicator[] = Array.from({ length: 40 }, (_, i) => ({
    key: `chi tieu ${i}`,
    name: `Chỉ tiêu số ${i + 1}`,
    met: i % 6,
    missed: i % 4,
    noData: 0,
    unmeasurable: 0,
    results: Array.from({ length: (i * 13) % 40 }, (_, f) => ({
      file: f,
      actual: 90,
      unit: '%',
      status: 'met' as const,
    })),
  }));
  return summarySchema.parse({
    ...base,
    files,
    totals: { ...base.totals, files: n, read: n, unreadable: 0, units: n, errors },
    indicators,
    errors: Array.from({ length: errors }, (_, i) => ({ ...base.errors[0], file: files[i % n].file })),
  });
}

describe('renderSummaryHtml: an inert, self-contained page', () => {
  const page = renderSummaryHtml(sampleSummary('vi'));

  it('is one HTML5 document in UTF-8, in Vietnamese, under a strict content security policy', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8" />');
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;;`,
    );
    expect(page.match(/<html\b/g)).toHaveLength(1);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('has no script, no external resource and no link of any kind', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/\s(src|href|xlink:href|srcset|action|formaction|poster|background)\s*=/i);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed|base|form|a)\b/i);
    expect(page).not.toMatch(/@import|@font-face/i);
    expect(attributeNames(page).filter((a) => a.startsWith('on'))).toEqual([]);
    // The only url() is the hatch pattern's, inside the page.
    for (const [u] of page.matchAll(/url\([^)]*\)/g)) expect(u).toBe('url(#hatch-missed)');
  });

  it("escapes the text of the data: the sample's <script> and <b> arrive as text", () => {
    expect(page).not.toContain('<b>');
    expect(page).toContain('Kết quả &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; không đọc được.');
    expect(page).toContain('Thời gian chờ đợi trung bình &lt;b&gt;tại bộ phận một cửa&lt;/b&gt;');
  });

  it('escapes quotes too, so that no data text leaves an attribute', () => {
    const s = sampleSummary('vi');
    const evil = `x" onmouseover="alert(1)' y='<i>&amp;`;
    s.files[1] = { ...s.files[1], unit: evil, file: evil };
    s.indicators[0] = { ...s.indicators[0], name: evil };
    s.areas[0] = { ...s.areas[0], area: evil, name: evil };
    s.errors[0] = { ...s.errors[0], file: evil, sheet: evil, cell: evil, message: evil };
    const out = renderSummaryHtml(s);
    const names = new Set(attributeNames(renderSummaryHtml(sampleSummary('vi'))));
    expect(attributeNames(out).filter((a) => !names.has(a))).toEqual([]);
    expect(out).not.toContain('<i>');
    expect(out).not.toContain(`y='`);
    expect(out).toContain('x&quot; onmouseover=&quot;alert(1)&#39; y=&#39;&lt;i&gt;&amp;amp;');
    // The hostile area code sits in a data attribute and stays whole there.
    const area = charts(out)[2].bars[0].attrs['data-area'];
    expect(area).toBe('x&quot; onmouseover=&quot;alert(1)&#39; y=&#39;&lt;i&gt;&amp;amp;');
  });

  it('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeHtml('Phường 5')).toBe('Phường 5');
  });

  it('prints on A4 with charts kept whole, header rows repeated and a sans font with Vietnamese glyphs', () => {
    expect(page).toMatch(/@page\{size:A4 (landscape|portrait);margin:\d+mm\}/);
    expect(page).toContain('figure{margin:0 0 1rem;break-inside:avoid}');
    expect(page).toContain('thead{display:table-header-group}');
    expect(page).toContain('"Segoe UI",Arial,"Liberation Sans",sans-serif');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1" />');
    // Every table sits in a wrapper that scrolls sideways on a phone.
    expect(page.match(/<table>/g)?.length).toBe(page.match(/<div class="scroll">\n<table>/g)?.length);
  });

  it('shows pictures first, tables after, in the order of the issue', () => {
    const order = [
      '<h1>TỔNG HỢP KẾT QUẢ',
      'Tổng hợp chung',
      'id="chart-rate"',
      'id="chart-indicators"',
      'id="chart-areas"',
      'id="wards-with-errors"',
      'id="unreadable"',
      'id="table-files"',
      'id="table-indicators"',
      'id="table-areas"',
      'id="table-errors"',
    ].map((s) => page.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('renderSummaryHtml: what the page says', () => {
  const summary = sampleSummary('vi');
  const page = renderSummaryHtml(summary);

  it('heads with the title, the as-of date as dd/mm/yyyy, the plan year and the counts', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(page).toContain('Số liệu tính đến ngày <strong>01/07/2025</strong>');
    expect(page).toContain('Năm kế hoạch\n<strong>2025</strong>');
    const card = (label: string) => new RegExp(`<dt>${label}</dt><dd>([^<]*)</dd>`).exec(page)?.[1];
    expect(card('Số tệp đã đọc')).toBe('5');
    expect(card('Số tệp không đọc được')).toBe('1');
    expect(card('Số đơn vị')).toBe('4');
    expect(card('Số tệp có lỗi')).toBe('2');
    expect(card('Quá hạn')).toBe(String(summary.totals.tasks.overdue));
    expect(card('Không đo được')).toBe(String(summary.totals.kpis.unmeasurable));
  });

  it('writes the attainment rate with a decimal comma in Vietnamese and a point in English', () => {
    expect(summary.totals.rate).toBeCloseTo(31 / 49);
    expect(page).toContain('<dt>Tỷ lệ đạt chung</dt><dd>63,3%</dd>');
    expect(page).toContain('>33,3%</text>');
    const en = renderSummaryHtml(sampleSummary('en'));
    expect(en).toContain('<dt>Overall attainment</dt><dd>63.3%</dd>');
    expect(en).toContain('>33.3%</text>');
  });

  it('groups thousands as each language does', () => {
    const big = sampleSummary('vi');
    big.totals.tasks.total = 12345;
    expect(renderSummaryHtml(big)).toContain('<dt>Tổng số</dt><dd>12.345</dd>');
    expect(renderSummaryHtml({ ...big, lang: 'en' })).toContain('<dt>Total</dt><dd>12,345</dd>');
  });

  it("charts attainment per file high to low, its bars saying the files' rates at proportional widths", () => {
    const [rate] = charts(page);
    expect(rate.label).toBe('Tỷ lệ đạt chỉ tiêu theo đơn vị');
    const expected = summary.files
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => f.rate !== null)
      .sort((a, b) => (b.f.rate as number) - (a.f.rate as number));
    expect(rate.bars.map((b) => b.value)).toEqual(expected.map(({ f }) => f.rate));
    expect(rate.bars.map((b) => Number(b.attrs['data-file']))).toEqual(expected.map(({ i }) => i));
    // 100 % is the full plot (the same for every chart of this kind), 0 % is nothing.
    expectProportional(rate.bars, SIDE_PLOT);
    expect(rate.rows[0]).toBe('Phường An Nhơn Đông: 90%');
    // The unreadable file is not charted; the two files of one unit are told apart.
    expect(rate.rows.join('\n')).not.toContain('hong');
    expect(rate.rows).toContain('Thị trấn Phú Mỹ (phu-my-ban-1.xlsx): 50%');
  });

  it('lists files without a rate after the others with "—", ties in file order', () => {
    const s = sampleSummary('vi');
    s.files[0] = { ...s.files[0], kpis: { ...s.files[0].kpis, met: 0, missed: 0 }, rate: null };
    s.files[3] = { ...s.files[3], rate: 0.9 }; // ties with file 1 (90 %)
    const [rate] = charts(renderSummaryHtml(s));
    expect(rate.rows).toEqual([
      'Phường An Nhơn Đông: 90%',
      'Thị trấn Phú Mỹ (phu-my-ban-1.xlsx): 90%',
      'Thị trấn Phú Mỹ (phu-my-ban-2.xlsx): 60%',
      'Phường Long Xuyên: 33,3%',
      'Phường 5: —',
    ]);
    expect(rate.bars).toHaveLength(4);
    expect(renderSummaryHtml(s)).toContain('&quot;—&quot;: đơn vị chưa có chỉ tiêu nào');
  });

  it('stacks met and missed per indicator, the bars saying the counts at proportional widths', () => {
    const ind = charts(page)[1];
    expect(ind.label).toBe('Đạt / không đạt theo chỉ tiêu');
    const met = ind.bars.filter((b) => b.attrs.class.includes('bar-met'));
    const missed = ind.bars.filter((b) => b.attrs.class.includes('bar-missed'));
    expect(met.map((b) => b.value)).toEqual(summary.indicators.map((i) => i.met));
    expect(missed.map((b) => b.value)).toEqual(summary.indicators.map((i) => i.missed));
    expectProportional(ind.bars);
    // The missed part starts where the met part ends; the longest bar is the whole plot.
    met.forEach((m, k) => expect(missed[k].x).toBeCloseTo(m.x + m.width, 1));
    expect(ind.rows[0]).toBe('Tỷ lệ hồ sơ trực tuyến toàn trình: Đạt 3 · Không đạt 1');
    expect(ind.svg).toContain('&lt;b&gt;tại bộ phận một cửa&lt;/b&gt;');
  });

  it('puts the indicators most units report first and caps the chart, saying how many more there are', () => {
    const s = province(10, 0);
    const ind = charts(renderSummaryHtml(s)).find((c) => c.label.startsWith('Đạt / không đạt'));
    expect(ind?.rows).toHaveLength(INDICATOR_BARS);
    const counts = ind!.bars
      .filter((b) => b.attrs.class.includes('bar-met'))
      .map((b) => s.indicators[Number(b.attrs['data-indicator'])].results.length);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(renderSummaryHtml(s)).toContain(
      `Biểu đồ vẽ ${INDICATOR_BARS} chỉ tiêu có nhiều đơn vị báo cáo nhất; ${40 - INDICATOR_BARS} chỉ tiêu còn lại`,
    );
  });

  it('charts overdue tasks per area, in area order, proportional', () => {
    const areas = charts(page)[2];
    expect(areas.label).toBe('Nhiệm vụ quá hạn theo lĩnh vực');
    expect(areas.bars.map((b) => [b.attrs['data-area'], b.value])).toEqual(
      summary.areas.map((a) => [a.area, a.overdue]),
    );
    expectProportional(areas.bars);
    expect(areas.rows[2]).toBe('III. Cải cách thủ tục hành chính: 13');
  });

  it('labels every bar and writes its number, and sizes each chart from its rows', () => {
    for (const c of charts(page)) {
      expect(c.svg).toMatch(/^<svg class="chart" role="img" aria-label="[^"]+" width="(\d+)" height="(\d+)"/);
      const [, w, h] = /width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"/.exec(c.svg) ?? [];
      expect(c.svg).toContain(`viewBox="0 0 ${w} ${h}"`);
      expect(c.svg).toMatch(/^<svg[^>]*><title>[^<]+<\/title>/);
      for (const row of c.svg.match(/<g class="row">[\s\S]*?<\/g>/g) ?? []) {
        // The label (in one or two lines) and the number: text, not only a tooltip.
        const texts = [...row.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
          m[1].replace(/<[^>]*>/g, ''),
        );
        expect(texts).toHaveLength(2);
        expect(texts.every((t) => t.trim().length > 0)).toBe(true);
      }
    }
    // One more file, one more row of the same height.
    const [h5, h6, h20] = [5, 6, 20].map((n) =>
      Number(/height="(\d+)"/.exec(charts(renderSummaryHtml(province(n, 0)))[0].svg)?.[1]),
    );
    expect(h6).toBeGreaterThan(h5);
    expect(h20 - h5).toBe(15 * (h6 - h5));
  });

  it('wraps long labels in two lines at spaces, clipping the rest', () => {
    expect(wrapLabel('Phường 5', 20)).toEqual(['Phường 5']);
    expect(wrapLabel('Thị trấn Phú Mỹ (phu-my-ban-1.xlsx)', 20)).toEqual([
      'Thị trấn Phú Mỹ',
      '(phu-my-ban-1.xlsx)',
    ]);
    const long = wrapLabel(
      'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình',
      30,
    );
    expect(long).toHaveLength(2);
    expect(long[0]).toBe('Tỷ lệ hồ sơ thủ tục hành chính');
    expect(long[1].endsWith('…')).toBe(true);
    expect(long.every((l) => [...l].length <= 30)).toBe(true);
    const word = wrapLabel('phuong-an-nhon-dong-ban-chinh-thuc.xlsx', 16);
    expect(word.every((l) => [...l].length <= 16)).toBe(true);
    expect(word[0]).toBe('phuong-an-nhon-d');
  });

  it('lists the wards with errors (most first) and the unreadable files with their reason', () => {
    const wards = byId(page, 'wards-with-errors');
    expect(wards.indexOf('an-nhon-dong.xlsx')).toBeLessThan(wards.indexOf('phu-my-ban-1.xlsx'));
    expect(wards).toContain('<td>Phường An Nhơn Đông</td>\n<td>an-nhon-dong.xlsx</td>\n<td class="n">2</td>');
    expect(wards).not.toContain('long-xuyen');
    const unreadable = byId(page, 'unreadable');
    expect(unreadable).toContain(
      '<td>hong.xlsx</td>\n<td>hong.xlsx: tệp .xlsx bị hỏng hoặc không đọc được.</td>',
    );
  });

  it('tabulates every file, indicator, area and error, with a totals row', () => {
    const tables = page.slice(page.indexOf('id="tables"'));
    for (const f of summary.files) expect(tables).toContain(`<td>${f.file}</td>`);
    expect(tables).toContain('Cùng đơn vị với: phu-my-ban-2.xlsx');
    expect(tables).toContain('tên đơn vị lấy theo tên tệp');
    expect(tables).toContain('<tr class="sum">');
    expect(tables).toContain(`<td class="n">${summary.totals.tasks.total}</td>`);
    expect(tables).toContain('<td>Cải cách thủ tục hành chính</td>');
    expect(tables).toContain('<code>kpi/target-unparseable</code>');
    expect(
      tables.match(
        /<td class="n">\d+<\/td>\n<td>[^<]*<\/td>\n<td>[^<]*<\/td>\n<td>[^<]*<\/td>\n<td>[^<]*<\/td>\n<td><code>/g,
      ),
    ).toHaveLength(summary.errors.length);
    expect(tables).not.toContain('id="errors-more"');
  });

  it('is in English when the summary is', () => {
    const en = renderSummaryHtml(sampleSummary('en'));
    expect(en.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    for (const s of [
      'ADMINISTRATIVE REFORM PLANS: SUMMARY',
      'Judged as of <strong>01/07/2025</strong>',
      'aria-label="Attainment by unit"',
      'aria-label="Met / missed by indicator"',
      'aria-label="Overdue tasks by area"',
      '<dt>Files read</dt>',
      'Summary by file',
      'Error list',
      'Met 3 · Missed 1',
    ])
      expect(en).toContain(s);
    // Only the data stays Vietnamese: none of the page's own words.
    for (const s of ['Tỷ lệ đạt', 'Số tệp', 'Đạt /', 'Tổng hợp', 'Không đạt']) expect(en).not.toContain(s);
  });
});

describe('renderSummaryHtml: the edges', () => {
  it('renders a sensible page when no file was read', () => {
    const page = renderSummaryHtml(emptySummary());
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Số liệu tính đến ngày <strong>14/12/2025</strong>');
    expect(page).toContain('Năm kế hoạch\n<strong>—</strong>');
    expect(page).toContain('<dt>Số tệp đã đọc</dt><dd>0</dd>');
    expect(page).toContain('<dt>Tỷ lệ đạt chung</dt><dd>—</dd>');
    expect(page).not.toContain('<svg');
    expect(page).not.toContain('<table');
    expect(page.match(/Không có số liệu để vẽ biểu đồ\./g)?.length).toBeGreaterThanOrEqual(3);
    expect(page).toContain('Không có tệp nào được đọc.');
    expect(page).toContain('Không có lỗi.');
    expect(page).not.toContain('NaN');
    expect(page).not.toContain('undefined');
    expect(renderSummaryHtml(emptySummary('en'))).toContain('No file was read.');
  });

  it('stays small for a province: charts in page-sized parts, the error list capped with a sentence', () => {
    const s = province(400, 20_000);
    const started = Date.now();
    const page = renderSummaryHtml(s);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(page.length).toBeLessThan(1_000_000);
    const rates = charts(page).filter((c) => c.label.startsWith('Tỷ lệ đạt chỉ tiêu theo đơn vị'));
    expect(rates.length).toBe(Math.ceil(400 / RATE_ROWS_PER_CHART));
    expect(rates.every((c) => c.rows.length <= RATE_ROWS_PER_CHART)).toBe(true);
    expect(rates.flatMap((c) => c.rows)).toHaveLength(400);
    expect(rates[1].label).toBe('Tỷ lệ đạt chỉ tiêu theo đơn vị (26–50/400)');
    const values = rates.flatMap((c) => c.bars.map((b) => b.value));
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    const errors = page.slice(page.indexOf('id="table-errors"'));
    expect(errors.match(/<code>/g)).toHaveLength(PRINTED_ERRORS);
    expect(errors).toContain(
      'Chỉ in 500 trong số 20.000 lỗi; 19.500 lỗi còn lại có trong tệp Excel tổng hợp, trang &quot;Lỗi&quot;.',
    );
  });

  it('is a pure function of the summary', () => {
    const s = sampleSummary('vi');
    const copy = structuredClone(s);
    expect(renderSummaryHtml(s)).toBe(renderSummaryHtml(s));
    expect(s).toEqual(copy);
  });
});
