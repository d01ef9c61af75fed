import {
  codeTitle,
  formatDateVi,
  formatQuantity,
  formatTarget,
  statusLabel,
  type Finding,
  type FindingCode,
  type Kpi,
  type Lang,
  type Report,
  type SheetReport,
} from '../../shared/src/index';

/** The report for people: findings grouped by code with their cells, the KPI table, per-area counts. */
export function renderText(report: Report, lang: Lang): string {
  const t = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const date = (iso: string) => (lang === 'vi' ? formatDateVi(iso) : iso);
  const out: string[] = [];
  out.push(`${t('Tệp', 'File')}: ${report.file}   ${t('tính đến ngày', 'as of')} ${date(report.asOf)}`);
  for (const f of report.findings) out.push(`  ${severityTag(f, lang)} ${f.message}`);

  for (const sheet of report.sheets) {
    out.push('');
    if (sheet.kind === 'none') {
      out.push(
        `${t('Trang', 'Sheet')} "${sheet.name}": ${t('không có bảng nhiệm vụ hay chỉ tiêu', 'no task list or KPI table')}`,
      );
      continue;
    }
    const kind = sheet.kind === 'tasks' ? t('bảng nhiệm vụ', 'task list') : t('bảng chỉ tiêu', 'KPI table');
    out.push(
      `${t('Trang', 'Sheet')} "${sheet.name}": ${kind} ${t('năm', 'for')} ${sheet.planYear}, ` +
        `${t('dòng tiêu đề', 'header row')} ${sheet.headerRow}`,
    );
    const counts = countSeverities(sheet.findings);
    out.push(
      `  ${statusLabel('error', lang)}: ${counts.error} · ${statusLabel('warning', lang)}: ${counts.warning} · ` +
        `${statusLabel('info', lang)}: ${counts.info}`,
    );
    out.push(...renderFindings(sheet.findings, lang));
    if (sheet.kind === 'kpis') out.push(...renderKpis(sheet.kpis, lang));
    out.push(...renderAreas(sheet, lang));
  }
  out.push('');
  const errors = report.findings
    .concat(...report.sheets.map((s) => s.findings))
    .filter((f) => f.severity === 'error');
  out.push(
    report.valid
      ? t('Kết luận: không có lỗi.', 'Result: no errors.')
      : t(`Kết luận: có ${errors.length} lỗi cần sửa.`, `Result: ${errors.length} errors to fix.`),
  );
  return out.join('\n') + '\n';
}

function severityTag(f: Finding, lang: Lang): string {
  return `[${statusLabel(f.severity, lang)}]`;
}

function countSeverities(findings: Finding[]) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function renderFindings(findings: Finding[], lang: Lang): string[] {
  const groups = new Map<FindingCode, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.code) ?? [];
    list.push(f);
    groups.set(f.code, list);
  }
  const order = { error: 0, warning: 1, info: 2 };
  const out: string[] = [];
  for (const [code, list] of [...groups].sort((a, b) => order[a[1][0].severity] - order[b[1][0].severity])) {
    out.push(`  ${severityTag(list[0], lang)} ${codeTitle(code, lang)} (${code}): ${list.length}`);
    for (const f of list) out.push(`      ${(f.cell || '-').padEnd(6)} ${f.message}`);
  }
  return out;
}

function renderKpis(kpis: Kpi[], lang: Lang): string[] {
  if (kpis.length === 0) return [];
  const t = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const rows = kpis.map((k) => [
    k.number ?? '',
    clip(k.indicator, 48),
    k.targets.map((x) => formatTarget(x, lang)).join('; ') || '-',
    k.actuals.length
      ? k.actuals
          .map((v, i) => formatQuantity(v, (k.targets[i] ?? k.targets[0])?.unit ?? '', lang))
          .join('; ')
      : '-',
    statusLabel(k.status, lang),
  ]);
  const head = [
    t('STT', 'No.'),
    t('Chỉ tiêu', 'Indicator'),
    t('Mục tiêu', 'Target'),
    t('Kết quả', 'Result'),
    t('Đánh giá', 'Status'),
  ];
  return [
    '',
    `  ${t('Mức đạt chỉ tiêu', 'KPI attainment')}:`,
    ...table([head, ...rows]).map((l) => `    ${l}`),
  ];
}

function renderAreas(sheet: SheetReport, lang: Lang): string[] {
  const t = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const out: string[] = ['', `  ${t('Theo lĩnh vực', 'By area')}:`];
  if (sheet.kind === 'tasks') {
    const rows = sheet.summary.byArea.map((a) => [
      a.area,
      clip(a.name, 48),
      String(a.tasks),
      String(a.done),
      String(a.overdue),
    ]);
    const head = [
      t('Lĩnh vực', 'Area'),
      t('Tên', 'Name'),
      t('Nhiệm vụ', 'Tasks'),
      t('Hoàn thành', 'Done'),
      t('Quá hạn', 'Overdue'),
    ];
    out.push(...table([head, ...rows]).map((l) => `    ${l}`));
    const s = sheet.summary.tasks;
    out.push(
      `  ${t('Tổng', 'Total')}: ${s.total} ${t('nhiệm vụ', 'tasks')} · ${statusLabel('done', lang)} ${s.done} · ` +
        `${statusLabel('overdue', lang)} ${s.overdue} · ${statusLabel('pending', lang)} ${s.pending} · ` +
        `${statusLabel('ongoing', lang)} ${s.ongoing}`,
    );
  } else {
    const rows = sheet.summary.byArea.map((a) => [
      a.area,
      clip(a.name, 40),
      String(a.kpis.total),
      String(a.kpis.met),
      String(a.kpis.missed),
      String(a.kpis.noData),
      String(a.kpis.unmeasurable),
    ]);
    const head = [
      t('Nhóm', 'Group'),
      t('Tên', 'Name'),
      t('Chỉ tiêu', 'KPIs'),
      statusLabel('met', lang),
      statusLabel('missed', lang),
      statusLabel('no-data', lang),
      statusLabel('unmeasurable', lang),
    ];
    out.push(...table([head, ...rows]).map((l) => `    ${l}`));
    const k = sheet.summary.kpis;
    out.push(
      `  ${t('Tổng', 'Total')}: ${k.total} ${t('chỉ tiêu', 'KPIs')} · ${statusLabel('met', lang)} ${k.met} · ` +
        `${statusLabel('missed', lang)} ${k.missed} · ${statusLabel('no-data', lang)} ${k.noData} · ` +
        `${statusLabel('unmeasurable', lang)} ${k.unmeasurable}`,
    );
  }
  return out;
}

function clip(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : chars.slice(0, width - 1).join('') + '…';
}

/** Left-aligned columns; widths count characters, not bytes, so Vietnamese text lines up. */
function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length))
      .join('  ')
      .trimEnd(),
  );
}
