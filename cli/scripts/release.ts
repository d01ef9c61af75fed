/**
 * `npm run release -- --origin https://…/`: everything a ward or a province installs, in one folder, without the
 * repository (dist/release/ unless --out says otherwise):
 *
 *   cchc.html                    the offline page, one self-contained file
 *   sheets/                      Code.js, sidebar.html, appsscript.json and INSTALL.md (copy-paste steps)
 *   addin/                       the task pane's static files, manifest.xml with every URL under --origin, INSTALL.md
 *   cchc-appendix-X.Y.Z.tgz      the command line (`npm install -g` it): one bundled file, no dependency to fetch
 *   RELEASE.md, SHA256SUMS       what is in it and for which programs; a checksum of every file
 *
 * The page and the sidebar are the bytes `npm run build:web` and `npm run build:sheets` write; the add-in is
 * `npm run build:addin` with ADDIN_ORIGIN; the package holds the compiled command line bundled with the exact
 * exceljs, fflate and zod the tests ran with, so it installs from the tarball alone, with no network.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildBundles } = require('./webpackBundles.js') as {
  buildBundles(folders: { addin: string; sheets: string; web: string }): Promise<void>;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_ORIGIN, parseOrigin } = require('../../addin-excel/scripts/manifest-origin.js') as {
  DEV_ORIGIN: string;
  parseOrigin(raw: string | undefined): string;
};

interface Args {
  origin: string;
  out: string;
}

class ReleaseError extends Error {}

function parseArgs(argv: string[]): Args {
  let origin = '';
  let out = join(ROOT, 'dist', 'release');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new ReleaseError(`${a} needs a value`);
      return v;
    };
    if (a === '--origin') origin = value();
    else if (a.startsWith('--origin=')) origin = a.slice('--origin='.length);
    else if (a === '--out') out = resolve(value());
    else throw new ReleaseError(`unknown argument ${a}`);
  }
  if (!origin.trim())
    throw new ReleaseError(
      'give the https address the add-in is served from: --origin https://example.org/cchc/',
    );
  let parsed: string;
  try {
    parsed = parseOrigin(origin);
  } catch (e) {
    throw new ReleaseError(
      String(e instanceof Error ? e.message : e)
        .split('ADDIN_ORIGIN')
        .join('--origin'),
    );
  }
  if (parsed === DEV_ORIGIN || /^https:\/\/(localhost|127\.|\[::1\])/i.test(parsed))
    throw new ReleaseError(`--origin must be the server the wards reach, not ${parsed}`);
  return { origin: parsed, out };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): string {
  const r = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0)
    throw new ReleaseError(
      `${command} ${args.join(' ')} failed (${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`,
    );
  return r.stdout;
}

/** `npm run build` in a child process, so the bundles can be made meanwhile in this one (a core each). */
function compile(): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done() : fail(new ReleaseError(`npm run build failed (${code}):\n${output.slice(-3000)}`)),
    );
  });
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The packages a bundle took code from (node_modules/<name> or node_modules/@scope/<name>), sorted. */
function bundledPackages(inputs: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const input of inputs) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split('\\').join('/'));
    if (m) dirs.add(m[1]);
  }
  return [...dirs].sort();
}

/** Each bundled package's name, version, licence and licence text: what its licence asks a copy to carry. */
function thirdPartyNotices(dirs: readonly string[]): string {
  const parts = dirs.map((dir) => {
    const meta = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      license?: string;
    };
    const file = readdirSync(join(ROOT, dir)).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file
      ? readFileSync(join(ROOT, dir, file), 'utf8').trim()
      : `(${meta.license ?? 'no licence file'})`;
    return `${meta.name} ${meta.version} — ${meta.license ?? 'see below'}\n\n${text}\n`;
  });
  return `Packages bundled into bin/cchc.js and bin/worker.js\n\n${parts.join('\n' + '-'.repeat(72) + '\n\n')}`;
}

/**
 * The command line as an npm package folder: bin/cchc.js and bin/worker.js, each one file holding the compiled
 * command line with exceljs, fflate and zod (esbuild, a dev dependency), so the package has no dependency to
 * fetch: it installs offline, from the tarball alone, and starts without resolving hundreds of modules.
 */
function stagePackage(stage: string, version: string): void {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    description: string;
    license: string;
    engines: Record<string, string>;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const built = esbuild.buildSync({
    entryPoints: { cchc: join(ROOT, 'cli/bin/cchc.js'), worker: join(ROOT, 'dist/cli/src/batch/worker.js') },
    outdir: join(stage, 'bin'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Only the sources' branch (running .ts under jest) asks for tsx; the bundle never takes it.
    external: ['tsx/cjs'],
    metafile: true,
    logLevel: 'error',
  });
  const inputs = Object.keys(built.metafile.inputs);
  if (!inputs.some((i) => i.includes('node_modules/exceljs/')))
    throw new ReleaseError('the bundle does not hold exceljs: cli/bin/cchc.js no longer loads the build');
  mkdirSync(join(stage, 'sample'));
  copyFileSync(join(ROOT, 'cli/sample/phu-luc-mau.xlsx'), join(stage, 'sample/phu-luc-mau.xlsx'));
  const manifest = {
    name: pkg.name,
    version,
    description: pkg.description,
    license: pkg.license,
    engines: pkg.engines,
    bin: { cchc: 'bin/cchc.js' },
    files: ['bin', 'sample', 'README.md', 'THIRD-PARTY-LICENSES.txt'],
  };
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(stage, 'THIRD-PARTY-LICENSES.txt'), thirdPartyNotices(bundledPackages(inputs)));
  writeFileSync(
    join(stage, 'README.md'),
    `# cchc-appendix ${version}\n\nKiểm tra phụ lục kế hoạch cải cách hành chính (CCHC): \`cchc validate tệp.xlsx\`, ` +
      `\`cchc summary thư-mục/\`, \`cchc template\`, \`cchc demo\`; \`cchc --help\` cho mọi lựa chọn.\n\n` +
      `Checks the appendices of a ward's administrative-reform plan: \`cchc validate file.xlsx\`, ` +
      `\`cchc summary folder/\`; \`cchc --help\` for every option. No network access; Node.js ${pkg.engines.node}.\n`,
  );
}

function addinInstall(origin: string, version: string): string {
  return `# Phần bổ trợ Excel ${version} · Excel add-in ${version}

Mọi địa chỉ trong \`manifest.xml\` trỏ về **${origin}/**. Every URL in \`manifest.xml\` is under **${origin}/**.

## Tiếng Việt

1. **Đưa các tệp lên máy chủ https.** Chép toàn bộ thư mục này (trừ \`INSTALL.md\` nếu muốn) lên máy chủ tĩnh sao cho
   \`${origin}/taskpane.html\` mở được trên trình duyệt (IIS, nginx, Apache, GitHub Pages, Azure Static Web Apps…).
   Chỉ cần phục vụ tệp tĩnh qua HTTPS với chứng chỉ hợp lệ; không cần chạy chương trình nào trên máy chủ.
   Các tệp \`taskpane.*.js\` có mã băm trong tên: có thể để bộ nhớ đệm lâu; \`taskpane.html\` và \`manifest.xml\` thì không.
2. **Triển khai cho cả đơn vị (Microsoft 365).** Quản trị viên vào **Microsoft 365 admin center > Settings > Integrated
   apps > Upload custom apps**, chọn "Office Add-in", tải lên \`manifest.xml\`, chọn người dùng hoặc nhóm. Sau vài giờ
   nhóm **CCHC** hiện trên thẻ **Trang đầu** của Excel.
3. **Hoặc dùng thư mục chia sẻ (Excel trên Windows, không có Microsoft 365 admin).** Đặt \`manifest.xml\` vào một thư
   mục chia sẻ mạng (\\\\may-chu\\cchc). Trên mỗi máy: **Tệp > Tùy chọn > Trung tâm Tin cậy > Cài đặt Trung tâm Tin cậy >
   Danh mục Phần bổ trợ Tin cậy**, thêm đường dẫn thư mục, đánh dấu "Hiện trong Menu", khởi động lại Excel, rồi
   **Trang đầu > Phần bổ trợ > Thư mục Chia sẻ**.
4. Excel 2016, 2019 không nạp được phần bổ trợ: dùng trang \`cchc.html\` của bản phát hành này.

## English

1. **Put the files on an https server.** Copy this whole folder to a static host so that \`${origin}/taskpane.html\`
   opens in a browser (IIS, nginx, Apache, GitHub Pages, Azure Static Web Apps…). Static files over HTTPS with a valid
   certificate are all it needs; nothing runs on the server. The hashed \`taskpane.*.js\` may be cached for long;
   \`taskpane.html\` and \`manifest.xml\` should not be.
2. **Central deployment (Microsoft 365).** An admin opens **Microsoft 365 admin center > Settings > Integrated apps >
   Upload custom apps**, picks "Office Add-in", uploads \`manifest.xml\` and chooses the users or groups. Within a few
   hours the **CCHC** group appears on Excel's **Home** tab.
3. **Or a shared-folder catalog (Excel on Windows without a Microsoft 365 admin).** Put \`manifest.xml\` in a network
   share (\\\\server\\cchc). On each computer: **File > Options > Trust Center > Trust Center Settings > Trusted Add-in
   Catalogs**, add the share's path, tick "Show in Menu", restart Excel, then **Home > Add-ins > Shared Folder**.
4. Excel 2016 and 2019 cannot load the add-in: use this release's \`cchc.html\`.
`;
}

function releaseNote(version: string, date: string, origin: string, tarball: string): string {
  return `# cchc-appendix ${version} (${date})

Kiểm tra phụ lục kế hoạch cải cách hành chính của xã, phường. Checks the appendices of a ward's administrative-reform plan.

| Tệp · File | Cho ai · For whom |
| --- | --- |
| \`cchc.html\` | Cán bộ phường: mở bằng Chrome, Edge hoặc Firefox, không cần mạng (Excel 2016/2019, LibreOffice, WPS) · ward staff, offline in any browser |
| \`sheets/\` | Google Trang tính: dán \`Code.js\` và \`sidebar.html\` theo \`sheets/INSTALL.md\` · Google Sheets, pasted in |
| \`addin/\` | Phần bổ trợ Excel, phục vụ tại ${origin}/ theo \`addin/INSTALL.md\` · the Excel add-in, served from that origin |
| \`${tarball}\` | Dòng lệnh cho tỉnh / IT: \`npm install -g ${tarball}\`, rồi \`cchc validate\`, \`cchc summary\` · the command line |
| \`SHA256SUMS\` | \`sha256sum -c SHA256SUMS\` kiểm tra mọi tệp · checks every file |

## Chương trình nào · Which program

| Chương trình của phường · The ward's program | Dùng · Use |
| --- | --- |
| Microsoft 365 (Windows Version 2002+, Mac), Excel 2021, 2024, Excel trên web | \`addin/\` |
| Excel 2016, Excel 2019, LibreOffice Calc, WPS | \`cchc.html\` |
| Google Trang tính · Google Sheets | \`sheets/\` |
| Tỉnh, nhiều tệp · a province, many files | \`${tarball}\` (Node.js 20+) |

Không phần nào gửi dữ liệu ra mạng. No part sends data anywhere: the workbook's data stays in the workbook.
Phiên bản hiện ở chân ngăn kiểm tra, trong \`cchc --version\`, trong thuộc tính tệp tổng hợp và trang kết quả của bản
đã kiểm tra. The version shows in every pane's footer, in \`cchc --version\`, in the summary workbook's properties
and on a checked copy's results sheet.
`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  const isDefault = args.out === join(ROOT, 'dist', 'release');
  if (existsSync(args.out) && readdirSync(args.out).length > 0) {
    // Our own folder is rebuilt; any other folder that holds something is left alone.
    if (!isDefault) throw new ReleaseError(`${args.out} is not empty: give an empty or new folder`);
    rmSync(args.out, { recursive: true, force: true });
  }
  mkdirSync(args.out, { recursive: true });
  const step = (what: string) => process.stdout.write(`== ${what}\n`);

  step(
    `compile (npm run build), and the page, the Sheets add-on and the Excel add-in for ${args.origin}/ ` +
      '(the webpack configurations of build:web, build:sheets and build:addin)',
  );
  const stage = mkdtempSync(join(tmpdir(), 'cchc-release-'));
  try {
    // The web configuration empties its folder first: it gets a folder of its own, and the page is copied out.
    const web = join(stage, 'web');
    process.env.ADDIN_ORIGIN = args.origin;
    await Promise.all([
      compile(),
      buildBundles({ addin: join(args.out, 'addin'), sheets: join(args.out, 'sheets'), web }),
    ]);
    copyFileSync(join(web, 'cchc.html'), join(args.out, 'cchc.html'));
    rmSync(web, { recursive: true, force: true });
    copyFileSync(join(ROOT, 'apps-script/INSTALL.md'), join(args.out, 'sheets/INSTALL.md'));
    writeFileSync(join(args.out, 'addin/INSTALL.md'), addinInstall(args.origin, version));

    step('the command line (npm pack)');
    stagePackage(stage, version);
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', args.out], {}, stage)) as {
      filename: string;
    }[];
    const tarball = packed[0].filename;
    const date = new Date().toISOString().slice(0, 10);
    writeFileSync(join(args.out, 'RELEASE.md'), releaseNote(version, date, args.origin, tarball));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }

  const files = filesUnder(args.out).filter((f) => f !== 'SHA256SUMS');
  writeFileSync(
    join(args.out, 'SHA256SUMS'),
    files.map((f) => `${sha256(join(args.out, f))}  ${f}`).join('\n') + '\n',
  );
  const bytes = files.reduce((n, f) => n + statSync(join(args.out, f)).size, 0);
  process.stdout.write(
    `cchc-appendix ${version}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB in ${relative(process.cwd(), args.out) || '.'} ` +
      `(${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
  );
}

main().catch((e: unknown) => {
  // A person runs this: one line on what to do, not a stack trace.
  process.stderr.write(`release: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
